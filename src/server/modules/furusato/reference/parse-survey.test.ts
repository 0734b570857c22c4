// The 総務省 現況調査 files as published (read from ../shared/data/furusato, never copied into the repository):
// every year's layout is found by its headings, and the figures the ministry published come out exactly.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../../paths";
import {
  fiscalYearOfFileName,
  fiscalYearOfText,
  type ParsedSurveys,
  parseDetailedSurvey,
  parseSurveys,
  type ReferenceFigure,
  type SurveyFile,
  SurveyFormatError,
} from "./parse-survey";

const DATA_DIR = path.join(projectRoot, "..", "shared", "data", "furusato");
const present = existsSync(path.join(DATA_DIR, "donations"));
if (!present) console.warn(`[parse-survey.test] skipped: the survey data directory ${DATA_DIR} is absent`);

function surveyFiles(): SurveyFile[] {
  const donations = readdirSync(path.join(DATA_DIR, "donations"))
    .filter((name) => name.endsWith(".xlsx"))
    .map((name) => `donations/${name}`);
  return [...donations, "donations-rough/total_gain.xlsx"].map((name) => ({
    name,
    bytes: new Uint8Array(readFileSync(path.join(DATA_DIR, name))),
  }));
}

describe("fiscal year from names and headings", () => {
  it("reads the era year of a file name and of a heading (full-width digits too)", () => {
    expect(fiscalYearOfFileName("donations/H28_gain.xlsx")).toBe(2016);
    expect(fiscalYearOfFileName("R2_gain.xlsx")).toBe(2020);
    expect(fiscalYearOfFileName("R1_gain.xlsx")).toBe(2019);
    expect(fiscalYearOfFileName("total_gain.xlsx")).toBeNull();
    expect(fiscalYearOfText("１．平成２８年度のふるさと納税の受入金額")).toBe(2016);
    expect(fiscalYearOfText("令和元年度決算見込額")).toBe(2019);
    expect(fiscalYearOfText("受入額")).toBeNull();
  });

  it("refuses bytes that are not an Excel file, with a Japanese message", async () => {
    await expect(parseDetailedSurvey(new TextEncoder().encode("団体コード,寄附件数"), "R2_gain.xlsx")).rejects.toThrow(SurveyFormatError);
  });
});

describe.skipIf(!present)("総務省 ふるさと納税に関する現況調査結果 (real files)", () => {
  let parsed: ParsedSurveys;
  const figure = (code: string, fy: number): ReferenceFigure | undefined =>
    parsed.figures.find((f) => f.bodyCode === code && f.fiscalYear === fy);
  const yearTotal = (fy: number) => parsed.figures.filter((f) => f.fiscalYear === fy).reduce((sum, f) => sum + f.donationAmount, 0);

  beforeAll(async () => {
    parsed = await parseSurveys(surveyFiles());
  }, 120_000);

  it("finds each year's layout by its headings: FY2016–FY2020, 1,788 bodies each, data rows where the README says", () => {
    expect(parsed.detailed.map((d) => [d.fiscalYear, d.firstDataRow, d.figures.length])).toEqual([
      [2016, 7, 1788],
      [2017, 6, 1788],
      [2018, 6, 1788],
      [2019, 17, 1788],
      [2020, 14, 1788],
    ]);
    for (const d of parsed.detailed) {
      expect(Object.keys(d.columns.costs).sort(), d.source).toEqual([
        "administration",
        "other",
        "payment",
        "procurement",
        "publicity",
        "shipping",
        "total",
      ]);
      // 47 prefectures (市区町村 blank or 0) + 1,741 municipalities
      expect(d.figures.filter((f) => f.municipality === "").length, d.source).toBe(47);
    }
  });

  it("reproduces 北九州市 (401005) 令和2年度: 65,474 件, ¥1,200,666,242, costs ¥531,893,628 = 44.3 %", () => {
    const kitakyushu = figure("401005", 2020);
    expect(kitakyushu).toMatchObject({
      prefecture: "福岡県",
      municipality: "北九州市",
      donationCount: 65_474,
      donationAmount: 1_200_666_242,
      amountPrecision: "yen",
      source: "donations/R2_gain.xlsx",
    });
    expect(kitakyushu?.costs?.total).toBe(531_893_628);
    const costs = kitakyushu?.costs;
    if (!costs) throw new Error("no costs");
    expect(costs.procurement + costs.shipping + costs.publicity + costs.payment + costs.administration + costs.other).toBe(costs.total);
    expect(Math.round((costs.total / 1_200_666_242) * 1000) / 10).toBe(44.3);
  });

  it("sums 令和2年度 over all 1,788 rows to ¥672.49 bn and 34,887,898 件, costs 45.4 %", () => {
    const rows = parsed.figures.filter((f) => f.fiscalYear === 2020);
    expect(rows).toHaveLength(1788);
    const amount = yearTotal(2020);
    expect(Math.round(amount / 1e7) / 100).toBe(672.49);
    expect(rows.reduce((sum, f) => sum + f.donationCount, 0)).toBe(34_887_898);
    const costs = rows.reduce((sum, f) => sum + (f.costs?.total ?? 0), 0);
    expect(Math.round((costs / amount) * 1000) / 10).toBe(45.4);
  });

  it("reads 平成28年度 (a different layout: no 0 for prefectures, 受入件数 beside 「個人・法人を区別できない」)", () => {
    // 平成28年度 national total: ¥284.41 bn, 12,710,780 件 (sum of all 1,788 rows of H28_gain.xlsx).
    expect(Math.round(yearTotal(2016) / 1e7) / 100).toBe(284.41);
    expect(parsed.figures.filter((f) => f.fiscalYear === 2016).reduce((s, f) => s + f.donationCount, 0)).toBe(12_710_780);
    expect(figure("011002", 2016)).toMatchObject({ municipality: "札幌市", donationCount: 300, donationAmount: 364_428_100 });
    expect(figure("010006", 2016)).toMatchObject({ prefecture: "北海道", municipality: "", donationAmount: 13_456_632 });
  });

  it("agrees with the rough time series (千円) for the years both cover", () => {
    // rough 千円 × 1000 equals the detailed yen for 令和2年度 (the rough file keeps 3 decimals of 千円) …
    const r2 = parsed.crossChecks.find((c) => c.fiscalYear === 2020);
    expect(r2?.bodies).toBe(1788);
    expect(r2?.roughAmount).toBe(r2?.detailedAmount);
    // … and within rounding to 千円 for every year (平成30年度 is rounded to whole 千円 there).
    for (const check of parsed.crossChecks) {
      expect(check.bodies, String(check.fiscalYear)).toBeGreaterThan(1780);
      expect(Math.abs(check.roughAmount - check.detailedAmount), String(check.fiscalYear)).toBeLessThanOrEqual(check.bodies * 500);
    }
    // the rough file's 全国合計 for 令和2年度 is 672,489,554.811 千円
    expect(r2?.detailedAmount).toBe(672_489_554_811);
  });

  it("fills FY2008–FY2015 from the rough file in 千円 precision, skipping subtotal rows, matching every name", () => {
    expect(parsed.rough?.unmatched).toEqual([]);
    expect(parsed.rough?.subtotalRows).toBe(47 * 2 + 1); // 市町村合計 + 合計 per prefecture, and 全国合計
    const years = [...new Set(parsed.figures.map((f) => f.fiscalYear))].sort();
    expect(years).toEqual([2008, 2009, 2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020]);
    const sapporo2008 = figure("011002", 2008);
    expect(sapporo2008).toMatchObject({ donationCount: 385, donationAmount: 397_800_697, amountPrecision: "thousand", costs: null });
    expect(parsed.figures.filter((f) => f.fiscalYear < 2016).every((f) => f.amountPrecision === "thousand")).toBe(true);
    // 平成27年度 (FY2015): ¥165.29 bn over the bodies the rough file lists
    expect(Math.round(yearTotal(2015) / 1e7) / 100).toBe(165.29);
  });
});
