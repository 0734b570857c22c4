// ワンストップ特例: the masked name other staff see, the default year, and the status rules.
import { describe, expect, it } from "vitest";
import { maskName } from "./donor-name";
import { defaultOneStopYear, normaliseOneStopUpdate } from "./one-stop";

describe("寄附者名の伏せ字", () => {
  it("keeps the family name only", () => {
    expect(maskName("山田 太郎")).toBe("山田 **");
    expect(maskName("山田　太郎")).toBe("山田 **");
    expect(maskName("山田太郎")).toBe("山**");
    expect(maskName("𠮷田太郎")).toBe("𠮷**");
    expect(maskName(null)).toBe("**");
    expect(maskName("（匿名化済）")).toBe("（匿名化済）");
  });
});

describe("ワンストップ特例の状態", () => {
  const base = { version: 1, missing: [], receivedOn: null, note: "" };
  it("shows last year's applications until the end of February", () => {
    expect(defaultOneStopYear("2025-01-09")).toBe(2024);
    expect(defaultOneStopYear("2025-02-28")).toBe(2024);
    expect(defaultOneStopYear("2025-03-01")).toBe(2025);
  });
  it("needs a missing document for 不備, none for 受理, and dates the arrival today unless told", () => {
    expect(() => normaliseOneStopUpdate({ ...base, status: "不備" }, "2025-01-05")).toThrow("不足");
    expect(() => normaliseOneStopUpdate({ ...base, status: "受理", missing: ["署名"] }, "2025-01-05")).toThrow("受理できません");
    expect(normaliseOneStopUpdate({ ...base, status: "受付" }, "2025-01-05").receivedOn).toBe("2025-01-05");
    expect(normaliseOneStopUpdate({ ...base, status: "未着", receivedOn: "2025-01-01", missing: ["申請書"] }, "2025-01-05")).toMatchObject({
      receivedOn: null,
      missing: [],
    });
    expect(() => normaliseOneStopUpdate({ ...base, status: "受付", receivedOn: "2025-01-06" }, "2025-01-05")).toThrow("未来");
  });
});
