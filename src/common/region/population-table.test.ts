import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildPopulationTable, formatSharePercent } from "./population-table";

const REGION = [
  { code: "401005", name: "北九州市" },
  { code: "402044", name: "直方市" },
  { code: "402133", name: "行橋市" },
];

describe("市町別の人口表", () => {
  it("gives each 市町 its share of the total of the figures present", () => {
    const table = buildPopulationTable(
      REGION,
      new Map([
        ["401005", 900],
        ["402044", 60],
        ["402133", 40],
      ]),
    );
    expect(table.total).toBe(1000);
    expect(table.rows.map((r) => r.share)).toEqual([0.9, 0.06, 0.04]);
    expect(table.missing).toEqual([]);
  });

  it("flags a 市町 without a figure instead of counting it as 0, and keeps the list's order", () => {
    const table = buildPopulationTable(
      REGION,
      new Map([
        ["402133", 40],
        ["401005", 960],
      ]),
    );
    expect(table.rows.map((r) => r.code)).toEqual(["401005", "402044", "402133"]);
    expect(table.rows[1]).toEqual({ code: "402044", name: "直方市", population: null, share: null });
    expect(table.missing).toEqual([{ code: "402044", name: "直方市" }]);
    expect(table.total).toBe(1000);
  });

  it("has no shares when the total is 0 or there are no figures", () => {
    expect(buildPopulationTable(REGION, new Map()).rows.every((r) => r.share === null)).toBe(true);
    expect(buildPopulationTable(REGION, new Map([["401005", 0]])).rows[0]).toMatchObject({ population: 0, share: null });
  });

  it("shares of the 市町 with a figure add up to 1 for any figures", () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 1, max: 1_000_000 })), { minLength: 1, maxLength: 18 }), (figures) => {
        const municipalities = figures.map((_, i) => ({ code: String(i), name: `市町${i}` }));
        const present = new Map(figures.flatMap((f, i) => (f === null ? [] : [[String(i), f] as [string, number]])));
        const table = buildPopulationTable(municipalities, present);
        expect(table.missing.length).toBe(figures.length - present.size);
        const sum = table.rows.reduce((s, r) => s + (r.share ?? 0), 0);
        expect(sum).toBeCloseTo(present.size > 0 ? 1 : 0, 9);
      }),
    );
  });

  it("shows a share as a percentage with two decimals", () => {
    expect(formatSharePercent(0.682734)).toBe("68.27%");
    expect(formatSharePercent(null)).toBe("—");
  });
});
