// 伝票番号 rules shared by the supplier's form and the API, and the date arithmetic of 発送期限.
import { describe, expect, it } from "vitest";
import { trackingNumberProblem } from "../../../../common/api/furusato-followup";
import { addDays, daysBetween } from "./shipments";

describe("伝票番号の形式", () => {
  it("accepts 10–14 digits with hyphens for the big carriers", () => {
    expect(trackingNumberProblem("ヤマト運輸", "1234-5678-9012")).toBeNull();
    expect(trackingNumberProblem("佐川急便", "1234567890")).toBeNull();
    expect(trackingNumberProblem("日本郵便", "12345678901234")).toBeNull();
  });
  it("refuses too few or too many digits, letters, and stray hyphens", () => {
    expect(trackingNumberProblem("ヤマト運輸", "123456789")).toContain("いまは9桁");
    expect(trackingNumberProblem("日本郵便", "123456789012345")).toContain("10〜14桁");
    expect(trackingNumberProblem("佐川急便", "AB12345678")).toContain("半角数字");
    expect(trackingNumberProblem("佐川急便", "-1234567890")).toContain("半角数字");
    expect(trackingNumberProblem("佐川急便", "1234--567890")).toContain("半角数字");
  });
  it("lets その他 use letters, and an empty number wait", () => {
    expect(trackingNumberProblem("その他", "SEINO-AB123")).toBeNull();
    expect(trackingNumberProblem("その他", "番号")).not.toBeNull();
    expect(trackingNumberProblem("ヤマト運輸", "")).toBeNull();
    expect(trackingNumberProblem("", "1234567890")).toContain("配送業者");
  });
});

describe("発送期限の日付計算", () => {
  it("adds days across months, years and leap days", () => {
    expect(addDays("2024-12-25", 14)).toBe("2025-01-08");
    expect(addDays("2024-02-20", 10)).toBe("2024-03-01");
    expect(daysBetween("2024-12-25", "2025-01-10")).toBe(16);
    expect(daysBetween("2025-01-11", "2025-01-10")).toBe(-1);
  });
});
