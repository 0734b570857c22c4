// 証明書番号: the 年度 of issue in 和暦, then a six-digit sequence.
import { describe, expect, it } from "vitest";
import { certificateNumber, certificatePrefix } from "./certificates";

describe("証明書番号", () => {
  it("starts with the 年度 of issue in 和暦", () => {
    expect(certificatePrefix(2024)).toBe("R6");
    expect(certificatePrefix(2019)).toBe("R1");
    expect(certificatePrefix(2018)).toBe("H30");
    expect(certificateNumber("R6", 123)).toBe("R6-000123");
  });
});
