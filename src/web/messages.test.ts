// Counts on the screens are digit-grouped as the bureau writes figures (全12,345件), never a bare 12345.
import { describe, expect, it } from "vitest";
import { count, m } from "./messages";

describe("件数の表示（桁区切り）", () => {
  it("groups thousands", () => {
    expect(count(0)).toBe("0");
    expect(count(999)).toBe("999");
    expect(count(200000)).toBe("200,000");
  });

  it("shows a page range over a large list with separators", () => {
    expect(m.table.range(1, 50, 200000)).toBe("全200,000件中 1〜50件を表示");
  });
});
