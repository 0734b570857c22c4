import { describe, expect, it } from "vitest";
import {
  describePopulationSet,
  parseBasisDate,
  parsePopulationBasis,
  parsePopulationFigure,
  residentRegisterPoint,
} from "./population-basis";

describe("人口の基準", () => {
  it("reads the three bases by their names, short forms and English keys, and nothing else", () => {
    expect(parsePopulationBasis("国勢調査")).toBe("census");
    expect(parsePopulationBasis(" 国調 ")).toBe("census");
    expect(parsePopulationBasis("住民基本台帳")).toBe("resident_register");
    expect(parsePopulationBasis("住基")).toBe("resident_register");
    expect(parsePopulationBasis("推計人口")).toBe("estimate");
    expect(parsePopulationBasis("ESTIMATE")).toBe("estimate");
    expect(parsePopulationBasis("住民票")).toBeNull();
    expect(parsePopulationBasis("")).toBeNull();
  });

  it("says which point of the year a 住民基本台帳 figure is taken at", () => {
    expect(residentRegisterPoint("2023-03-31")).toBe("fiscal_year_end");
    expect(residentRegisterPoint("2022-12-31")).toBe("year_end");
    expect(residentRegisterPoint("2022-01-01")).toBe("other");
    expect(describePopulationSet("resident_register", "2023-03-31")).toBe("住民基本台帳・年度末（令和5年3月31日現在）");
    expect(describePopulationSet("resident_register", "2022-12-31")).toBe("住民基本台帳・年末（令和4年12月31日現在）");
    expect(describePopulationSet("resident_register", "2022-01-01")).toBe("住民基本台帳（令和4年1月1日現在）");
    expect(describePopulationSet("census", "2020-10-01")).toBe("国勢調査（令和2年10月1日現在）");
  });
});

describe("基準日", () => {
  it("reads 和暦, yyyy-mm-dd and yyyy/mm/dd, and a month's end", () => {
    expect(parseBasisDate("令和4年1月1日")).toEqual({ ok: true, value: "2022-01-01" });
    expect(parseBasisDate("R5.3.31")).toEqual({ ok: true, value: "2023-03-31" });
    expect(parseBasisDate("2023/03/31")).toEqual({ ok: true, value: "2023-03-31" });
    expect(parseBasisDate("2023-03-31")).toEqual({ ok: true, value: "2023-03-31" });
    expect(parseBasisDate("令和5年3月末")).toEqual({ ok: true, value: "2023-03-31" });
  });

  it("refuses a month alone and dates that do not exist", () => {
    expect(parseBasisDate("令和5年3月").ok).toBe(false);
    expect(parseBasisDate("2023-02-30").ok).toBe(false);
    expect(parseBasisDate("令和元年4月1日").ok).toBe(false);
    expect(parseBasisDate("昨年度末").ok).toBe(false);
  });
});

describe("人口", () => {
  it("reads whole numbers with commas, full-width digits and 人", () => {
    expect(parsePopulationFigure("936,586")).toEqual({ ok: true, value: 936586 });
    expect(parsePopulationFigure("９３６５８６")).toEqual({ ok: true, value: 936586 });
    expect(parsePopulationFigure("55941人")).toEqual({ ok: true, value: 55941 });
    expect(parsePopulationFigure("0")).toEqual({ ok: true, value: 0 });
  });

  it("refuses negative, fractional, non-numeric and absurd figures, each with its reason", () => {
    expect(parsePopulationFigure("-5")).toEqual({ ok: false, message: "人口に負の数は入力できません" });
    expect(parsePopulationFigure("−120")).toEqual({ ok: false, message: "人口に負の数は入力できません" });
    expect(parsePopulationFigure("12.5")).toMatchObject({ ok: false, message: "人口は0以上の整数（人数）で入力してください" });
    expect(parsePopulationFigure("約5万")).toMatchObject({ ok: false });
    expect(parsePopulationFigure("200000000")).toEqual({ ok: false, message: "人口が大きすぎます（1億人以下）" });
  });
});
