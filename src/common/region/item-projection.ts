// An item of the hub keeps one source of truth: `fields`, its values by 正式版 column (the export reads them). The
// item's own columns (name, place, dates …) are a projection of those fields by the dataset's `item` mapping
// (DATASETS), for search, filters, the map and the calendar; an editor's change of a projected column is written back
// to its 正式版 column. The English name and description are item columns of their own (translations); where the
// dataset has an English column (名称_英字, 説明_英字 …) the two are kept in step.
import { bigramsOf } from "../search/bigrams";
import { columnForItemField, DATASETS, type DatasetKey, type ItemField } from "./datasets";

export interface ItemColumns {
  name: string;
  nameKana: string;
  nameEn: string;
  description: string;
  descriptionEn: string;
  category: string;
  address: string;
  lat: number | null;
  lon: number | null;
  startDate: string | null;
  endDate: string | null;
  startTime: string | null;
  endTime: string | null;
  url: string;
  imageUrl: string;
}

export interface Translations {
  nameEn: string;
  descriptionEn: string;
}

/** A value the database would refuse, or a rule of the hub an item breaks (by 正式版 column). */
export interface ItemProblem {
  column: string;
  code: string;
  message: string;
}

export const TRANSLATION_FIELDS = ["nameEn", "descriptionEn"] as const satisfies readonly ItemField[];

const NUMBER_FIELDS = new Set<ItemField>(["lat", "lon"]);
const DATE_FIELDS = new Set<ItemField>(["startDate", "endDate"]);
const TIME_FIELDS = new Set<ItemField>(["startTime", "endTime"]);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
// the database's own check on start_time / end_time (24:00 as a closing time is allowed)
const HH_MM = /^[0-2]\d:[0-5]\d$/;
const NAME_MAX = 300;

function isRealDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function coordinate(text: string, limit: number): number | null {
  if (text.trim() === "") return null;
  const value = Number(text);
  return Number.isFinite(value) && Math.abs(value) <= limit ? value : null;
}

/** Fields without empty values, keys in the dataset's column order then any others: two reads of one row compare equal. */
export function compactFields(dataset: DatasetKey, fields: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  const order = DATASETS[dataset].columns.map((column) => column.name);
  for (const name of [
    ...order,
    ...Object.keys(fields)
      .filter((key) => !order.includes(key))
      .sort(),
  ]) {
    const value = fields[name];
    if (typeof value === "string" && value !== "") out[name] = value;
  }
  return out;
}

export function sameFields(dataset: DatasetKey, a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  return JSON.stringify(compactFields(dataset, a)) === JSON.stringify(compactFields(dataset, b));
}

/**
 * The item's columns from its fields. The translations come from the dataset's English columns where it has them,
 * else from `translations` (the item's own columns: a dataset without 説明_英字 keeps its English description there).
 */
export function projectItem(
  dataset: DatasetKey,
  fields: Readonly<Record<string, string>>,
  translations: Translations = { nameEn: "", descriptionEn: "" },
): ItemColumns {
  const text = (field: ItemField): string => {
    const column = columnForItemField(dataset, field);
    if (!column) return field === "nameEn" || field === "descriptionEn" ? translations[field] : "";
    return (fields[column.name] ?? "").trim();
  };
  const date = (field: ItemField) => (isRealDate(text(field)) ? text(field) : null);
  const time = (field: ItemField) => (HH_MM.test(text(field)) ? text(field) : null);
  return {
    name: text("name"),
    nameKana: text("nameKana"),
    nameEn: text("nameEn"),
    description: text("description"),
    descriptionEn: text("descriptionEn"),
    category: text("category"),
    address: text("address"),
    lat: coordinate(text("lat"), 90),
    lon: coordinate(text("lon"), 180),
    startDate: date("startDate"),
    endDate: date("endDate"),
    startTime: time("startTime"),
    endTime: time("endTime"),
    url: text("url"),
    imageUrl: text("imageUrl"),
  };
}

function columnText(field: ItemField, value: ItemColumns[keyof ItemColumns]): string {
  if (value === null || value === undefined) return "";
  if (NUMBER_FIELDS.has(field)) return String(value);
  return String(value).trim();
}

/**
 * The reverse of projectItem: an editor's change of projected columns written to their 正式版 columns. Columns the
 * dataset does not have (an English description where there is no 説明_英字) are left to the caller, who keeps them in
 * the item's own columns.
 */
export function fieldsWithItemEdits(
  dataset: DatasetKey,
  fields: Readonly<Record<string, string>>,
  edits: Partial<ItemColumns>,
): Record<string, string> {
  const out: Record<string, string> = { ...fields };
  for (const [field, value] of Object.entries(edits) as [ItemField, ItemColumns[keyof ItemColumns]][]) {
    const column = columnForItemField(dataset, field);
    if (column) out[column.name] = columnText(field, value);
  }
  return compactFields(dataset, out);
}

/** The translations an item shows: the English columns of its fields where the dataset has them, else its own. */
export function translationsOf(dataset: DatasetKey, fields: Readonly<Record<string, string>>, own: Translations): Translations {
  const { nameEn, descriptionEn } = projectItem(dataset, fields, own);
  return { nameEn, descriptionEn };
}

/**
 * What a file's row must not silently take away: an English name or description that an editor added (the 市町's
 * file usually has no English) stays when the new row leaves that column empty.
 */
export function keepTranslations(
  dataset: DatasetKey,
  incoming: Readonly<Record<string, string>>,
  existing: Readonly<Record<string, string>>,
): Record<string, string> {
  const out: Record<string, string> = { ...incoming };
  for (const field of TRANSLATION_FIELDS) {
    const column = columnForItemField(dataset, field);
    if (column && !(incoming[column.name] ?? "").trim() && (existing[column.name] ?? "").trim()) out[column.name] = existing[column.name];
  }
  return compactFields(dataset, out);
}

/**
 * Values that the hub cannot keep as they are, whatever the row's own checks said: an item needs a name (at most 300
 * characters), an end date not before its start, coordinates in range, times as hh:mm. The column names are the
 * dataset's 正式版 columns, so a form shows each message at its field.
 */
export function itemProblems(dataset: DatasetKey, fields: Readonly<Record<string, string>>): ItemProblem[] {
  const problems: ItemProblem[] = [];
  const columnOf = (field: ItemField) => columnForItemField(dataset, field)?.name ?? "";
  const raw = (field: ItemField) => (fields[columnOf(field)] ?? "").trim();
  const projected = projectItem(dataset, fields);
  if (!projected.name) problems.push({ column: columnOf("name"), code: "name_missing", message: "名称を入力してください。" });
  else if (projected.name.length > NAME_MAX)
    problems.push({ column: columnOf("name"), code: "name_too_long", message: `名称は${NAME_MAX}文字以内にしてください。` });
  for (const field of ["lat", "lon"] as const) {
    if (columnOf(field) && raw(field) !== "" && projected[field] === null)
      problems.push({
        column: columnOf(field),
        code: field === "lat" ? "lat_out_of_range" : "lon_out_of_range",
        message:
          field === "lat"
            ? "緯度は -90〜90 の数値（10進数の度）で入力してください。"
            : "経度は -180〜180 の数値（10進数の度）で入力してください。",
      });
  }
  for (const field of DATE_FIELDS) {
    if (columnOf(field) && raw(field) !== "" && projected[field as "startDate" | "endDate"] === null)
      problems.push({
        column: columnOf(field),
        code: "invalid_date",
        message: "日付は yyyy-mm-dd の形で、実在する日付を入力してください。",
      });
  }
  for (const field of TIME_FIELDS) {
    if (columnOf(field) && raw(field) !== "" && projected[field as "startTime" | "endTime"] === null)
      problems.push({ column: columnOf(field), code: "invalid_time", message: "時刻は hh:mm（例: 09:00）の形で入力してください。" });
  }
  if (projected.startDate && projected.endDate && projected.endDate < projected.startDate)
    problems.push({ column: columnOf("endDate"), code: "end_before_start", message: "終了日が開始日より前です。" });
  return problems;
}

/** The search bigrams of an item (public search): name, kana, English name, description, address and category. */
export function itemBigrams(columns: Pick<ItemColumns, "name" | "nameKana" | "nameEn" | "description" | "address" | "category">): string[] {
  return bigramsOf([columns.name, columns.nameKana, columns.nameEn, columns.description, columns.address, columns.category].join(" "));
}
