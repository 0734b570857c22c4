// 保存期間の境目: 年度 F ends on (F+1)-03-31; its donors go once that end is more than N years past.
import { describe, expect, it } from "vitest";
import { retentionCutoffFiscalYear } from "./retention";

describe("匿名化の対象年度", () => {
  it("moves on 1 April", () => {
    expect(retentionCutoffFiscalYear("2025-03-31", 5)).toBe(2018);
    expect(retentionCutoffFiscalYear("2025-04-01", 5)).toBe(2019);
    expect(retentionCutoffFiscalYear("2025-12-31", 5)).toBe(2019);
    expect(retentionCutoffFiscalYear("2026-01-01", 7)).toBe(2017);
  });
});
