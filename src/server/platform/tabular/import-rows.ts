// All-or-nothing import validation: either every row is valid and typed, or the user gets every problem at once
// (row as Excel shows it, column by its Japanese heading, message in Japanese) and nothing is imported.
import type { z } from "zod";
import { japaneseErrorMap } from "../../../common/zod-japanese.js";
import type { Table } from "./table.js";

export interface ImportColumn<T> {
  key: keyof T & string;
  /** the Japanese heading users see in the template, e.g. "課題名" */
  label: string;
  /** the heading must be present (whether a cell may be empty is the row schema's business) */
  required?: boolean;
  /** other headings accepted for this column, e.g. older template names */
  aliases?: string[];
}

export interface ImportSpec<T> {
  columns: ImportColumn<T>[];
  row: z.ZodType<T>;
}

export interface ImportError {
  /** spreadsheet row: header = 1, first data row = 2 */
  row: number;
  /** the column's Japanese heading, when the problem is in one cell */
  column?: string;
  message: string;
}

export type ImportResult<T> = { ok: true; rows: T[] } | { ok: false; errors: ImportError[] };

/** 「課題名（必須）」, 「 課題 名 」 and 「課題名*」 all name the 課題名 column. */
function normaliseHeading(heading: string): string {
  return heading
    .normalize("NFKC")
    .replace(/\s+/g, "")
    .replace(/(\(必須\)|[*※])$/, "");
}

type ColumnIndex = Map<string, number>;

function locateColumns<T>(header: string[], spec: ImportSpec<T>): { index: ColumnIndex; errors: ImportError[] } {
  const positions = new Map<string, number[]>();
  header.forEach((heading, i) => {
    const key = normaliseHeading(heading);
    positions.set(key, [...(positions.get(key) ?? []), i]);
  });

  const index: ColumnIndex = new Map();
  const missing: string[] = [];
  const duplicated: string[] = [];
  for (const column of spec.columns) {
    const found = [column.label, ...(column.aliases ?? [])].flatMap((name) => positions.get(normaliseHeading(name)) ?? []);
    if (found.length === 0 && column.required) missing.push(column.label);
    if (found.length > 1) duplicated.push(column.label);
    if (found.length >= 1) index.set(column.key, found[0]);
  }

  const errors: ImportError[] = [];
  if (missing.length > 0) {
    const names = missing.map((label) => `「${label}」`).join("");
    errors.push({ row: 1, message: `必須の列がありません: ${names}。見出し行を確認してください` });
  }
  for (const label of duplicated) errors.push({ row: 1, column: label, message: `列「${label}」が複数あります` });
  return { index, errors };
}

/** Empty cells become undefined, so optional schemas accept them and required ones say 必須です. */
function rowObject<T>(cells: string[], index: ColumnIndex, spec: ImportSpec<T>): Record<string, string | undefined> {
  const object: Record<string, string | undefined> = {};
  for (const column of spec.columns) {
    const i = index.get(column.key);
    const cell = i === undefined ? "" : (cells[i] ?? "").trim();
    object[column.key] = cell === "" ? undefined : cell;
  }
  return object;
}

function rowErrors<T>(issues: z.core.$ZodIssue[], rowNumber: number, spec: ImportSpec<T>): ImportError[] {
  const labelOf = new Map(spec.columns.map((c) => [c.key as string, c.label]));
  const errors: ImportError[] = [];
  const seenCells = new Set<string>();
  for (const issue of issues) {
    const column = labelOf.get(String(issue.path[0] ?? ""));
    // One message per cell: a cell that is both too short and malformed needs fixing once.
    const cellKey = column ?? "";
    if (seenCells.has(cellKey)) continue;
    seenCells.add(cellKey);
    errors.push(column ? { row: rowNumber, column, message: issue.message } : { row: rowNumber, message: issue.message });
  }
  return errors;
}

function* validating<T>(table: Table, spec: ImportSpec<T>): Generator<void, ImportResult<T>> {
  const { index, errors: headerErrors } = locateColumns(table.header, spec);
  if (headerErrors.length > 0) return { ok: false, errors: headerErrors };
  if (table.rows.length === 0) return { ok: false, errors: [{ row: 2, message: "取り込むデータ行がありません" }] };

  const rows: T[] = [];
  const errors: ImportError[] = [];
  for (let i = 0; i < table.rows.length; i++) {
    const rowNumber = table.rowNumbers?.[i] ?? i + 2;
    const result = spec.row.safeParse(rowObject(table.rows[i], index, spec), { error: japaneseErrorMap });
    if (result.success) rows.push(result.data);
    else errors.push(...rowErrors(result.error.issues, rowNumber, spec));
    if (i % 100 === 99) yield;
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

export function validateRows<T>(table: Table, spec: ImportSpec<T>): ImportResult<T> {
  const run = validating(table, spec);
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
  }
}

/** How long validation may hold the thread before it lets other work (an HTTP request) run. */
const TURN_MS = 10;

/**
 * The same, giving the event loop a turn every 10 ms: 200,000 rows take seconds, during which a server must keep
 * answering.
 */
export async function validateRowsInTurns<T>(table: Table, spec: ImportSpec<T>): Promise<ImportResult<T>> {
  const run = validating(table, spec);
  let turnStarted = performance.now();
  for (;;) {
    const step = run.next();
    if (step.done) return step.value;
    if (performance.now() - turnStarted >= TURN_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      turnStarted = performance.now();
    }
  }
}
