// The header names of the three generations of the 自治体標準オープンデータセット, mapped onto the 正式版 columns of
// src/common/region/datasets.ts (the target), and which generation a header follows. Data, plus the matching. Pure.
//
// Generations, as the hub tells them apart:
// - "recommended":   the old 推奨データセット templates (2017–): 都道府県コード又は市区町村コード (or 市区町村コード), NO,
//                    都道府県名, 市区町村名, 住所, 方書, 名称_英語 / 説明_英語 / イベント名_英語.
// - "base-registry": the ベース・レジストリ catalogue's GIF layouts: the 正式版's head (全国地方公共団体コード, ID,
//                    地方公共団体名, 名称_英字) with the address still as 住所 and 方書.
// - "official":      the 正式版: 所在地_連結表記 and its parts (所在地_都道府県 …, 建物名等(方書), 町字ID).
// Each known spelling lists the generations that use it; the generation with most of the file's headers wins (ties go
// to the newer generation).
import { DATASET_KEYS, DATASETS, type DatasetKey } from "../../../../common/region/datasets";
import { headerKey, isPlaceholderHeader, looseHeaderKey } from "./header-names";
import type { HeaderGeneration } from "./types";

const R: HeaderGeneration = "recommended";
const B: HeaderGeneration = "base-registry";
const O: HeaderGeneration = "official";

interface Alias {
  spelling: string;
  /** the 正式版 column it feeds (only where the dataset has that column) */
  column: string;
  generations: readonly HeaderGeneration[];
  /** 都道府県名 + 市区町村名 of the old templates together make the 正式版 地方公共団体名 (福岡県北九州市) */
  joins?: boolean;
}

/** Spellings other than the 正式版 names themselves (those are known for every dataset, see aliasesOf). */
const OTHER_SPELLINGS: readonly Alias[] = [
  { spelling: "都道府県コード又は市区町村コード", column: "全国地方公共団体コード", generations: [R] },
  { spelling: "市区町村コード", column: "全国地方公共団体コード", generations: [R] },
  { spelling: "団体コード", column: "全国地方公共団体コード", generations: [R] },
  { spelling: "地方公共団体コード", column: "全国地方公共団体コード", generations: [B] },
  { spelling: "NO", column: "ID", generations: [R] },
  { spelling: "No.", column: "ID", generations: [R] },
  { spelling: "番号", column: "ID", generations: [R] },
  { spelling: "都道府県名", column: "地方公共団体名", generations: [R], joins: true },
  { spelling: "市区町村名", column: "地方公共団体名", generations: [R], joins: true },
  { spelling: "住所", column: "所在地_連結表記", generations: [R, B] },
  { spelling: "所在地", column: "所在地_連結表記", generations: [R] },
  { spelling: "方書", column: "建物名等(方書)", generations: [R, B] },
  { spelling: "名称_英語", column: "名称_英字", generations: [R] },
  { spelling: "説明_英語", column: "説明_英字", generations: [R] },
  { spelling: "イベント名_英語", column: "イベント名_英字", generations: [R] },
  { spelling: "開始時刻", column: "開始時間", generations: [R] },
  { spelling: "終了時刻", column: "終了時間", generations: [R] },
  { spelling: "電話番号", column: "連絡先電話番号", generations: [O] },
  { spelling: "会場名", column: "場所名称", generations: [R] },
  { spelling: "指定避難所との重複", column: "指定避難所との住所同一", generations: [O] },
  { spelling: "小児対応設備の有無", column: "パッドの有無（小児用）", generations: [R] },
  { spelling: "0歳児", column: "0歳", generations: [R] },
  { spelling: "1歳児", column: "1歳", generations: [R] },
  { spelling: "2歳児", column: "2歳", generations: [R] },
  { spelling: "3歳児", column: "3歳", generations: [R] },
  { spelling: "4歳児", column: "4歳", generations: [R] },
  { spelling: "5歳児", column: "5歳", generations: [R] },
];

/** 正式版 columns that only the 正式版 has (the GIF layouts and the old templates write 住所 and 方書). */
const OFFICIAL_ONLY = new Set([
  "所在地_連結表記",
  "所在地_都道府県",
  "所在地_市区町村",
  "所在地_町字",
  "所在地_番地以下",
  "建物名等(方書)",
  "町字ID",
]);
/** The 正式版 head, shared with the GIF layouts (the old templates do not have these names). */
const MODERN_HEAD = new Set(["全国地方公共団体コード", "ID", "地方公共団体名", "名称_英字", "説明_英字", "イベント名_英字"]);

function generationsOfOfficialName(column: string): readonly HeaderGeneration[] {
  if (OFFICIAL_ONLY.has(column)) return [O];
  if (MODERN_HEAD.has(column)) return [B, O];
  return [R, B, O];
}

interface AliasTable {
  exact: Map<string, Alias>;
  loose: Map<string, Alias>;
}

const tables = new Map<DatasetKey, AliasTable>();

function aliasesOf(dataset: DatasetKey): AliasTable {
  let table = tables.get(dataset);
  if (table) return table;
  const columns = new Set(DATASETS[dataset].columns.map((c) => c.name));
  const all: Alias[] = [
    ...DATASETS[dataset].columns.map((c) => ({ spelling: c.name, column: c.name, generations: generationsOfOfficialName(c.name) })),
    ...OTHER_SPELLINGS.filter((alias) => columns.has(alias.column)),
  ];
  table = { exact: new Map(), loose: new Map() };
  for (const alias of all) {
    if (!table.exact.has(headerKey(alias.spelling))) table.exact.set(headerKey(alias.spelling), alias);
    if (!table.loose.has(looseHeaderKey(alias.spelling))) table.loose.set(looseHeaderKey(alias.spelling), alias);
  }
  tables.set(dataset, table);
  return table;
}

function findAlias(table: AliasTable, header: string): Alias | undefined {
  return table.exact.get(headerKey(header)) ?? table.loose.get(looseHeaderKey(header));
}

/** Every name any dataset knows (to recognise the header row before the dataset is known). */
let knownKeys: Set<string> | null = null;

export function isKnownHeader(header: string): boolean {
  if (!knownKeys) {
    knownKeys = new Set();
    for (const key of DATASET_KEYS) for (const name of aliasesOf(key).exact.keys()) knownKeys.add(name);
  }
  return knownKeys.has(headerKey(header)) || DATASET_KEYS.some((key) => aliasesOf(key).loose.has(looseHeaderKey(header)));
}

/** The dataset whose columns the header names most; undefined when none, or when two are equally likely. */
export function datasetFromHeader(header: readonly string[]): DatasetKey | undefined {
  const scores = DATASET_KEYS.map((key) => {
    const table = aliasesOf(key);
    const matched = new Set(header.map((name) => findAlias(table, name)?.column).filter((c): c is string => c !== undefined));
    return { key, score: matched.size };
  }).sort((a, b) => b.score - a.score);
  if (scores[0].score === 0 || scores[0].score === scores[1].score) return undefined;
  return scores[0].key;
}

export type ColumnNoticeCode = "unknown_column" | "placeholder_column" | "duplicate_column";

export interface ColumnMapping {
  /** per header cell: the 正式版 column it feeds, or null (kept in `original` only) */
  columns: (string | null)[];
  /** header cells whose values are joined into one column (都道府県名 + 市区町村名 → 地方公共団体名) */
  joined: Set<number>;
  generation: HeaderGeneration;
  notices: { index: number; code: ColumnNoticeCode }[];
}

export function mapHeader(dataset: DatasetKey, header: readonly string[]): ColumnMapping {
  const table = aliasesOf(dataset);
  const found = header.map((name) => (name.trim() === "" ? undefined : findAlias(table, name)));
  const columns: (string | null)[] = header.map(() => null);
  const joined = new Set<number>();
  const notices: ColumnMapping["notices"] = [];
  const taken = new Map<string, number>();
  // The 正式版 spelling wins over an alias when a file has both (住所 and 所在地_連結表記): two passes.
  for (const exactFirst of [true, false]) {
    for (const [index, alias] of found.entries()) {
      if (!alias || columns[index] !== null || (alias.spelling === alias.column) !== exactFirst) continue;
      const holder = taken.get(alias.column);
      if (holder !== undefined && !(alias.joins && joined.has(holder))) continue;
      columns[index] = alias.column;
      taken.set(alias.column, index);
      if (alias.joins) joined.add(index);
    }
  }
  for (const [index, name] of header.entries()) {
    if (columns[index] !== null || name.trim() === "") continue;
    notices.push({ index, code: isPlaceholderHeader(name) ? "placeholder_column" : found[index] ? "duplicate_column" : "unknown_column" });
  }
  return { columns, joined, generation: generationOf(found), notices };
}

function generationOf(found: readonly (Alias | undefined)[]): HeaderGeneration {
  const order: HeaderGeneration[] = [O, B, R];
  const score = new Map<HeaderGeneration, number>(order.map((g) => [g, 0]));
  for (const alias of found) for (const generation of alias?.generations ?? []) score.set(generation, (score.get(generation) ?? 0) + 1);
  return order.reduce((best, g) => ((score.get(g) ?? 0) > (score.get(best) ?? 0) ? g : best), O);
}
