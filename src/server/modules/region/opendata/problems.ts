// The named problems of the open-data pipeline: a stable code for the curation screen's filters and a Japanese
// message that says what is wrong and what the editor should do. Every row that cannot be taken as written gets at
// least one of these (never a silent fix).
import type { OpenDataProblem } from "./types";

export const PROBLEM_CODES = [
  "required_missing",
  "invalid_date",
  "invalid_time",
  "invalid_days",
  "invalid_flag",
  "invalid_integer",
  "invalid_url",
  "invalid_phone",
  "invalid_lat",
  "invalid_lon",
  "lat_out_of_range",
  "lon_out_of_range",
  "lat_lon_swapped",
  "lat_lon_incomplete",
  "coordinates_outside_japan",
  "municipality_code_format",
  "municipality_code_check_digit",
  "end_before_start",
  "too_long",
  "duplicate_id",
  "extra_cells",
  "unclosed_quote",
  // the header's own: a column the dataset does not have, Excel's 列1, a second column for the same 正式版 column
  "unknown_column",
  "placeholder_column",
  "duplicate_column",
] as const;
export type OpenDataProblemCode = (typeof PROBLEM_CODES)[number];

/** A column-level problem without its row (the row is added by the caller that knows it). */
export interface ValueProblem {
  code: OpenDataProblemCode;
  message: string;
}

export function problemAt(row: number, column: string, problem: ValueProblem): OpenDataProblem {
  return { row, column, code: problem.code, message: problem.message };
}

/** 「開始日」の「2022/13/45」: how a message names the column and the value as written (long values cut). */
export function quoted(column: string, value: string): string {
  const shown = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return `「${column}」の「${shown.replace(/\r?\n/g, "⏎")}」`;
}
