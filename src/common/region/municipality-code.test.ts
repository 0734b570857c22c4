import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { municipalityCheckDigit, parseMunicipalityCode, withMunicipalityCheckDigit } from "./municipality-code";

// The region's codes as the data README gives them (北九州市 401005 … 築上町 406473).
const REGION_CODES = [
  "401005",
  "402044",
  "402133",
  "402141",
  "402150",
  "402265",
  "403814",
  "403822",
  "403831",
  "403849",
  "404012",
  "404021",
  "406015",
  "406210",
  "406252",
  "406422",
  "406465",
  "406473",
];

describe("全国地方公共団体コード", () => {
  it("computes the check digit of every 市町 of the region as published", () => {
    for (const code of REGION_CODES) expect(municipalityCheckDigit(code.slice(0, 5))).toBe(Number(code[5]));
  });

  it("accepts a 6-digit code with its check digit, full-width too", () => {
    expect(parseMunicipalityCode("401005")).toEqual({ ok: true, code: "401005" });
    expect(parseMunicipalityCode("４０１００５")).toEqual({ ok: true, code: "401005" });
  });

  it("refuses a wrong check digit", () => {
    expect(parseMunicipalityCode("401006")).toEqual({ ok: false, problem: "check_digit" });
  });

  it("adds the missing check digit and says so", () => {
    expect(parseMunicipalityCode("40100")).toEqual({ ok: true, code: "401005", repair: "check_digit_added" });
  });

  it("restores a dropped leading zero and says so (北海道・東北 codes)", () => {
    // 092011 宇都宮市 written as 92011 by a spreadsheet
    expect(withMunicipalityCheckDigit("09201")).toBe("092011");
    expect(parseMunicipalityCode("92011")).toEqual({ ok: true, code: "092011", repair: "leading_zero_added" });
  });

  it("refuses anything else", () => {
    for (const input of ["", "4010", "4010050", "abcde", "40-100"]) expect(parseMunicipalityCode(input).ok).toBe(false);
  });

  it("any valid 6-digit code reads back as itself", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 47999 }), (n) => {
        const code = withMunicipalityCheckDigit(String(n).padStart(5, "0"));
        expect(parseMunicipalityCode(code)).toEqual({ ok: true, code });
      }),
    );
  });
});
