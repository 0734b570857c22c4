// 人口の基準: a population figure is only meaningful with its basis and date, because a cost-sharing rule (負担金の
// 人口割) names which one it uses — 国勢調査 of a census year, 住民基本台帳 at 3/31 (年度末) or 12/31 (年末) or another
// date, or 推計人口. These are the labels, and the rules for reading a basis, a date and a figure as files write them.
import { formatWareki, parseJapaneseDate } from "../dates";

export const POPULATION_BASES = ["census", "resident_register", "estimate"] as const;
export type PopulationBasis = (typeof POPULATION_BASES)[number];

export const POPULATION_BASIS_LABELS: Readonly<Record<PopulationBasis, string>> = {
  census: "国勢調査",
  resident_register: "住民基本台帳",
  estimate: "推計人口",
};

/** Other ways files name a basis (NFKC-normalised, without spaces). */
const BASIS_ALIASES: Readonly<Record<string, PopulationBasis>> = {
  国勢調査: "census",
  国勢調査人口: "census",
  国調: "census",
  census: "census",
  住民基本台帳: "resident_register",
  住民基本台帳人口: "resident_register",
  住基: "resident_register",
  住基人口: "resident_register",
  resident_register: "resident_register",
  推計人口: "estimate",
  推計: "estimate",
  estimate: "estimate",
};

/** 国勢調査 / 住民基本台帳 / 推計人口 (and their short forms, the English keys); null when it names none. */
export function parsePopulationBasis(text: string): PopulationBasis | null {
  const key = text.normalize("NFKC").replace(/\s+/g, "").toLowerCase();
  return BASIS_ALIASES[key] ?? null;
}

export const POPULATION_BASIS_CHOICES = "国勢調査・住民基本台帳・推計人口";

/**
 * Which point of the year a 住民基本台帳 figure is taken at: 年度末 (3/31, the usual 負担金 basis), 年末 (12/31), or
 * another date (e.g. 1月1日, the 総務省 survey's date).
 */
export function residentRegisterPoint(asOf: string): "fiscal_year_end" | "year_end" | "other" {
  const monthDay = asOf.slice(5);
  return monthDay === "03-31" ? "fiscal_year_end" : monthDay === "12-31" ? "year_end" : "other";
}

const POINT_LABELS = { fiscal_year_end: "年度末", year_end: "年末", other: "" } as const;

/** 「住民基本台帳（令和4年1月1日現在）」, 「住民基本台帳・年度末（令和5年3月31日現在）」, 「国勢調査（令和2年10月1日現在）」. */
export function describePopulationSet(basis: PopulationBasis, asOf: string): string {
  const point = basis === "resident_register" ? POINT_LABELS[residentRegisterPoint(asOf)] : "";
  return `${POPULATION_BASIS_LABELS[basis]}${point ? `・${point}` : ""}（${formatWareki(asOf)}現在）`;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * 基準日 as files write it: 和暦 (令和4年1月1日, R4.1.1, 令和5年3月末), yyyy-mm-dd or yyyy/mm/dd. A month alone
 * (令和4年1月) is refused: a population is counted on a day.
 */
export function parseBasisDate(text: string): Parsed<string> {
  const parsed = parseJapaneseDate(text);
  if (!parsed || parsed.precision === "month")
    return { ok: false, message: "基準日は 令和4年1月1日・2022-01-01・2022/01/01 のように日付で入力してください" };
  return { ok: true, value: parsed.iso };
}

export const MAX_POPULATION = 100_000_000;

/** 人口: a whole number of people, 0 or more; 1,234 / １２３４ / 1234人 are read, a negative or other text refused. */
export function parsePopulationFigure(text: string): Parsed<number> {
  const cleaned = text
    .normalize("NFKC")
    .replace(/[,\s]/g, "")
    .replace(/人$/, "")
    .replace(/^[−ー‐]/, "-");
  if (/^-\d+(\.\d+)?$/.test(cleaned)) return { ok: false, message: "人口に負の数は入力できません" };
  if (!/^\d+$/.test(cleaned)) return { ok: false, message: "人口は0以上の整数（人数）で入力してください" };
  const value = Number(cleaned);
  if (value > MAX_POPULATION) return { ok: false, message: "人口が大きすぎます（1億人以下）" };
  return { ok: true, value };
}
