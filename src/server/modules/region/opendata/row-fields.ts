// One row of a dataset, by its 正式版 column names, checked and read into canonical text: the import uses it for every
// data row, and the curation uses it for an editor's fix of a problem row and for an editor's own edits, so an item
// is held to the same rules however it arrives. Pure.
//
// - `fields` holds every column the row gives a value for: the canonical value when it was read, the value as
//   written (trimmed) when it was not, so an editor's form starts from what the file said.
// - `problems` names each value that cannot be taken (row, column, code, Japanese message); the row is an item only
//   when there are none.
// - `notes` are repairs made and reported (a 5-digit 全国地方公共団体コード completed, "unknown" coordinates emptied,
//   a unit dropped from a number): never silent.
//
// 全国地方公共団体コード left out of `raw` altogether (the key absent, not "") means the file has no such column and the
// caller knows the 市町 (the one the editor imports for): no problem is named for it. Any other required (◎) column
// that is absent or empty is required_missing.
import { DATASETS, type DatasetColumn, type DatasetKey } from "../../../../common/region/datasets";
import { MUNICIPALITY_CODE_MESSAGES, parseMunicipalityCode } from "../../../../common/region/municipality-code";
import { readTypedValue } from "./column-values";
import { readCoordinates } from "./coordinates";
import { problemAt, quoted, type ValueProblem } from "./problems";
import type { OpenDataProblem } from "./types";

export const MUNICIPALITY_CODE_COLUMN = "全国地方公共団体コード";
export const ID_COLUMN = "ID";
/** The database's limits (migrations/0016_region.sql): source_id ≤ 100, name 1–300 characters. */
const MAX_ID_LENGTH = 100;
const MAX_NAME_LENGTH = 300;

export interface ItemFieldsCheck {
  fields: Record<string, string>;
  problems: OpenDataProblem[];
  notes: string[];
}

interface DatasetPlan {
  columns: readonly DatasetColumn[];
  lon: DatasetColumn | undefined;
  startDate: DatasetColumn | undefined;
  endDate: DatasetColumn | undefined;
}

const plans = new Map<DatasetKey, DatasetPlan>();

function planOf(dataset: DatasetKey): DatasetPlan {
  let plan = plans.get(dataset);
  if (!plan) {
    const columns = DATASETS[dataset].columns;
    plan = {
      columns,
      lon: columns.find((c) => c.type === "lon"),
      startDate: columns.find((c) => c.item === "startDate"),
      endDate: columns.find((c) => c.item === "endDate"),
    };
    plans.set(dataset, plan);
  }
  return plan;
}

function requiredMissing(column: string): ValueProblem {
  return { code: "required_missing", message: `「${column}」は必須の項目です。値を入力してください。` };
}

/** Text as written: trimmed, line ends as \n (multi-line cells from Excel carry \r\n). */
function readText(raw: string): string {
  const trimmed = raw.trim();
  return trimmed.includes("\r") ? trimmed.replace(/\r\n?/g, "\n") : trimmed;
}

export function checkItemFields(dataset: DatasetKey, raw: Record<string, string>, row: number): ItemFieldsCheck {
  const plan = planOf(dataset);
  const fields: Record<string, string> = {};
  const problems: OpenDataProblem[] = [];
  const notes: string[] = [];
  const fail = (column: string, problem: ValueProblem) => problems.push(problemAt(row, column, problem));

  for (const column of plan.columns) {
    // the pair is read together, at the 緯度 column (keeping `fields` in the 正式版 order)
    if (column.type === "lat" && plan.lon) readPosition(column, plan.lon, raw, fields, notes, fail);
    if (column.type === "lat" || column.type === "lon") continue;
    const given = raw[column.name];
    if (given === undefined && column.name === MUNICIPALITY_CODE_COLUMN) continue;
    const text = given === undefined ? "" : readText(given);
    if (text === "") {
      if (column.required) fail(column.name, requiredMissing(column.name));
      continue;
    }
    switch (column.type) {
      case "code": {
        const code = parseMunicipalityCode(text);
        if (code.ok) {
          fields[column.name] = code.code;
          if (code.repair) notes.push(`${quoted(column.name, text)}: ${MUNICIPALITY_CODE_MESSAGES[code.repair]}（${code.code}）`);
        } else {
          fields[column.name] = text;
          fail(column.name, {
            code: code.problem === "check_digit" ? "municipality_code_check_digit" : "municipality_code_format",
            message: `${quoted(column.name, text)}: ${MUNICIPALITY_CODE_MESSAGES[code.problem]}`,
          });
        }
        break;
      }
      case "id":
        fields[column.name] = text;
        if (text.length > MAX_ID_LENGTH)
          fail(column.name, {
            code: "too_long",
            message: `「${column.name}」が長すぎます（${text.length}文字。${MAX_ID_LENGTH}文字まで）。`,
          });
        break;
      case "text":
        fields[column.name] = text;
        if (column.item === "name" && text.length > MAX_NAME_LENGTH)
          fail(column.name, {
            code: "too_long",
            message: `「${column.name}」が長すぎます（${text.length}文字。${MAX_NAME_LENGTH}文字まで）。`,
          });
        break;
      default: {
        const read = readTypedValue(column.type, column.name, text);
        if (read.ok) {
          if (read.value !== "") fields[column.name] = read.value;
          if (read.note) notes.push(read.note);
        } else {
          fields[column.name] = text;
          fail(column.name, read.problem);
        }
      }
    }
  }

  if (plan.startDate && plan.endDate) {
    const start = fields[plan.startDate.name];
    const end = fields[plan.endDate.name];
    const bothRead = !problems.some((p) => p.column === plan.startDate?.name || p.column === plan.endDate?.name);
    if (start && end && bothRead && end < start)
      fail(plan.endDate.name, {
        code: "end_before_start",
        message: `「${plan.endDate.name}」（${end}）が「${plan.startDate.name}」（${start}）より前です。日付を確かめてください。`,
      });
  }
  return { fields, problems, notes };
}

function readPosition(
  lat: DatasetColumn,
  lon: DatasetColumn,
  raw: Record<string, string>,
  fields: Record<string, string>,
  notes: string[],
  fail: (column: string, problem: ValueProblem) => void,
): void {
  const position = readCoordinates(lat.name, lon.name, raw[lat.name] ?? "", raw[lon.name] ?? "");
  if (position.lat !== "") fields[lat.name] = position.lat;
  if (position.lon !== "") fields[lon.name] = position.lon;
  if (position.note) notes.push(position.note);
  for (const { column, problem } of position.problems) fail(column, problem);
  if (position.problems.length > 0) return;
  for (const column of [lat, lon]) {
    if (!column.required || fields[column.name] !== undefined) continue;
    fail(
      column.name,
      position.note
        ? {
            code: "required_missing",
            message: `「${column.name}」は必須の項目ですが、位置不明を表す値（0 や 999）になっています。地図で確かめて正しい値を入力してください。`,
          }
        : requiredMissing(column.name),
    );
  }
}
