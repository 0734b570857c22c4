// 全国比較's figures without the screen: the rows of the year shown and the CSV of what is shown.
import { describe, expect, it } from "vitest";
import { type ComparisonResult, type ComparisonYear, OWN_BODY_CODE } from "../../../common/api/furusato-reference";
import { comparisonCsv, comparisonRows, plainPercent, signedPercent } from "./comparison-rows";

function year(fiscalYear: number, donationAmount: number, patch: Partial<ComparisonYear> = {}): ComparisonYear {
  return {
    fiscalYear,
    donationCount: 10,
    donationAmount,
    amountPrecision: "yen",
    growth: null,
    costTotal: null,
    costRatio: null,
    ...patch,
  };
}

const result: ComparisonResult = {
  fromYear: 2022,
  toYear: 2023,
  bodies: [
    {
      bodyCode: OWN_BODY_CODE,
      prefecture: "福岡県",
      municipality: "北九州市",
      name: "北九州市",
      years: [year(2022, 100), year(2023, 150)],
    },
    { bodyCode: "011002", prefecture: "北海道", municipality: "札幌市", name: "札幌市", years: [year(2022, 400)] },
    { bodyCode: "141003", prefecture: "神奈川県", municipality: "横浜市", name: "横浜市", years: [year(2022, 50), year(2023, 300)] },
  ],
  unknownCodes: [],
  national: [{ ...year(2023, 1000), bodies: 1788 }],
  nationalScope: "全国（都道府県・市区町村）",
  attribution: "出典",
};

describe("comparisonRows", () => {
  it("sorts by the year shown, a body without a figure last in either order", () => {
    const desc = comparisonRows(result, 2023, 2022, { key: "amount", order: "desc" });
    expect(desc.map((r) => r.body.name)).toEqual(["横浜市", "北九州市", "札幌市"]);
    const asc = comparisonRows(result, 2023, 2022, { key: "amount", order: "asc" });
    expect(asc.map((r) => r.body.name)).toEqual(["北九州市", "横浜市", "札幌市"]);
  });

  it("marks the city itself and gives the growth since the first year (none when the years are the same)", () => {
    const rows = comparisonRows(result, 2023, 2022, { key: "name", order: "asc" });
    const own = rows.find((r) => r.own);
    expect(own?.body.name).toBe("北九州市");
    expect(own?.periodGrowth).toBeCloseTo(0.5);
    expect(comparisonRows(result, 2022, 2022, { key: "name", order: "asc" }).every((r) => r.periodGrowth === null)).toBe(true);
  });

  it("has no rows before the comparison arrives", () => {
    expect(comparisonRows(undefined, 2023, 2022, { key: "amount", order: "desc" })).toEqual([]);
  });
});

describe("percent texts", () => {
  it("signs the growth and leaves a missing figure as a dash", () => {
    expect(signedPercent(0.125)).toBe("+12.5%");
    expect(signedPercent(-0.1)).toBe("-10.0%");
    expect(plainPercent(0.3)).toBe("30.0%");
    expect(signedPercent(null)).toBe(plainPercent(null));
  });
});

describe("comparisonCsv", () => {
  it("writes every body × year and the national totals, with a BOM and CRLF, and the attribution last", () => {
    const csv = comparisonCsv(result);
    expect(csv.startsWith("\uFEFF団体コード,")).toBe(true);
    const lines = csv.slice(1).trimEnd().split("\r\n");
    expect(lines).toHaveLength(1 + 5 + 1 + 1);
    expect(lines[1]).toBe(`${OWN_BODY_CODE},福岡県,北九州市,2022,令和4年度,10,100,円,,,`);
    expect(lines[6].startsWith("全国,全国合計,,2023,")).toBe(true);
    expect(lines[7]).toContain("全国（都道府県・市区町村）");
  });
});
