// Where the header row is, and what the lines that are not data are: comment lines (`# 観光施設一覧`), title rows (one
// filled cell above the header), empty rows and rows of delimiters only (templates carry 20 of them), a header
// repeated further down. Each is skipped with its line and a Japanese reason. Pure.
import { TabularFormatError } from "../../../platform/tabular/errors";
import { isKnownHeader } from "./aliases";
import type { CsvRecord } from "./csv-records";
import type { SkippedLine } from "./types";

/** The header is looked for among the first records only (a file with more before it is not an open-data file). */
const HEADER_SEARCH_RECORDS = 100;
/** A header row names at least this many known columns… */
const MIN_KNOWN_HEADERS = 2;

export const SKIP_REASONS = {
  comment: "コメント行（# で始まる行）",
  title: "表題行（見出しより前の、1つのセルだけの行）",
  empty: "空行",
  delimitersOnly: "空行（区切り文字だけの行）",
  beforeHeader: "見出しより前の行（見出しではない行）",
  repeatedHeader: "見出しの繰り返し",
} as const;

const filledCount = (cells: readonly string[]) => {
  let count = 0;
  for (const cell of cells) if (cell.trim() !== "") count++;
  return count;
};

/** Why a record that is not data is skipped, or null when it is a data row (or a header candidate). */
export function nonDataReason(record: CsvRecord): string | null {
  const filled = filledCount(record.cells);
  if (filled === 0) return record.cells.length > 1 ? SKIP_REASONS.delimitersOnly : SKIP_REASONS.empty;
  if (filled === 1 && /^[#＃]/u.test(record.cells.find((c) => c.trim() !== "")?.trim() ?? "")) return SKIP_REASONS.comment;
  return null;
}

function looksLikeHeader(cells: readonly string[]): boolean {
  let known = 0;
  let filled = 0;
  for (const cell of cells) {
    if (cell.trim() === "") continue;
    filled++;
    if (isKnownHeader(cell)) known++;
  }
  // …and most of its cells are names the pipeline knows (a data row's values are not).
  return known >= MIN_KNOWN_HEADERS && known * 2 >= filled;
}

export interface HeaderFound {
  index: number;
  line: number;
  header: string[];
  skipped: SkippedLine[];
}

export function findHeader(records: readonly CsvRecord[]): HeaderFound {
  const skipped: SkippedLine[] = [];
  const search = Math.min(records.length, HEADER_SEARCH_RECORDS);
  for (let index = 0; index < search; index++) {
    const record = records[index];
    const reason = nonDataReason(record);
    if (reason) {
      skipped.push({ line: record.line, reason });
      continue;
    }
    if (looksLikeHeader(record.cells)) return { index, line: record.line, header: record.cells, skipped };
    skipped.push({ line: record.line, reason: filledCount(record.cells) === 1 ? SKIP_REASONS.title : SKIP_REASONS.beforeHeader });
  }
  throw new TabularFormatError(
    "no_header",
    records.length === 0 || records.every((r) => filledCount(r.cells) === 0)
      ? "ファイルが空です。データの入った CSV ファイルを選んでください。"
      : "見出しの行が見つかりません。1行目（コメント行・表題行があればその下）に「名称」「住所」「緯度」などの列名を並べた CSV か確かめてください。",
  );
}
