// 法人番号: the check digit (国税庁's formula) over real numbers, a changed check digit refused, full-width input
// normalised, and the length checked.
import { describe, expect, it } from "vitest";
import {
  CORPORATE_NUMBER_MESSAGES,
  corporateNumberCheckDigit,
  corporateNumberProblem,
  normaliseCorporateNumber,
  withCheckDigit,
} from "./corporate-number";

describe("法人番号", () => {
  it.each(["1180301018771", "7000012050002"])("accepts the known valid number %s", (number) => {
    expect(corporateNumberProblem(number)).toBeNull();
    expect(corporateNumberCheckDigit(number.slice(1))).toBe(Number(number[0]));
  });

  it("refuses a number whose check digit was changed", () => {
    expect(corporateNumberProblem("2180301018771")).toBe("check_digit");
    expect(corporateNumberProblem("8000012050002")).toBe("check_digit");
    expect(CORPORATE_NUMBER_MESSAGES.check_digit).toContain("チェックデジット");
  });

  it("refuses a changed base digit too (the check digit no longer fits)", () => {
    expect(corporateNumberProblem("1180301018772")).toBe("check_digit");
  });

  it("normalises full-width digits, spaces and hyphens as people type them", () => {
    expect(normaliseCorporateNumber("１１８０３０１０１８７７１")).toBe("1180301018771");
    expect(normaliseCorporateNumber(" 7000-0120-50002 ")).toBe("7000012050002");
    expect(normaliseCorporateNumber("７０００－０１２０－５０００２")).toBe("7000012050002");
    expect(corporateNumberProblem(normaliseCorporateNumber("１１８０３０１０１８７７１"))).toBeNull();
  });

  it("12 digits, 14 digits or letters are a length problem", () => {
    expect(corporateNumberProblem("180301018771")).toBe("length");
    expect(corporateNumberProblem("11803010187710")).toBe("length");
    expect(corporateNumberProblem("118030101877a")).toBe("length");
    expect(CORPORATE_NUMBER_MESSAGES.length).toBe("法人番号は13桁の数字で入力してください。");
  });

  it("withCheckDigit makes a valid number from any 12 digits", () => {
    for (const base of ["000000000000", "999999999999", "123456789012"]) expect(corporateNumberProblem(withCheckDigit(base))).toBeNull();
    expect(() => corporateNumberCheckDigit("12345")).toThrow();
  });
});
