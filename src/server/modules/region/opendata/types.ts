// What the open-data pipeline reads out of one 市町 CSV (read-open-data.ts), without touching the database: the
// `inspect` command prints it, the curation import stores it (items upserted by ID, problem rows held for fixing).
import type { DatasetKey } from "../../../../common/region/datasets";

/** The encodings the pipeline recognises, as `inspect` names them. */
export type OpenDataEncoding = "utf-8" | "utf-8-bom" | "cp932" | "utf-16le" | "utf-16be";

/** Which header generation the file follows (old 推奨データセット templates, ベース・レジストリ GIF layouts, 正式版). */
export type HeaderGeneration = "recommended" | "base-registry" | "official";

/** The row as the file had it, kept with the item so that an editor sees where it came from. */
export interface OriginalRow {
  fileName: string;
  /** the line number in the file (1-based, as a text editor shows it; a multi-line cell's row has its first line) */
  rowNumber: number;
  header: string[];
  values: string[];
}

export interface OpenDataProblem {
  /** file line of the row (1-based) */
  row: number;
  /** the 正式版 column (or the file's own header when it maps to none); "" for the row as a whole */
  column: string;
  /** a stable code: required_missing, invalid_date, invalid_time, lat_out_of_range, lat_lon_swapped, … */
  code: string;
  /** Japanese, for the editor: what is wrong and what to do */
  message: string;
}

export interface OpenDataItem {
  rowNumber: number;
  /** the publisher's ID (zero-padding kept as written) */
  sourceId: string;
  /** 全国地方公共団体コード of the row, repaired to 6 digits */
  municipalityCode: string;
  /** every 正式版 column of the dataset that the row gives a value for, parsed to its canonical text form
   * (dates yyyy-mm-dd, times hh:mm, flags 1/"", lists joined with ";", numbers without separators) */
  fields: Record<string, string>;
  original: OriginalRow;
  /** repairs made and reported (a 5-digit code completed …): never silent */
  notes: string[];
}

export interface SkippedLine {
  line: number;
  /** Japanese: コメント行, 表題行, 空行（カンマのみ）… */
  reason: string;
}

export interface OpenDataReadResult {
  encoding: OpenDataEncoding;
  dataset: DatasetKey;
  headerGeneration: HeaderGeneration;
  /** the header as found, and what each column mapped to (null: not a column of the dataset, kept in `original` only) */
  columns: { header: string; column: string | null }[];
  items: OpenDataItem[];
  skipped: SkippedLine[];
  problems: OpenDataProblem[];
  /** rows with problems, as far as they were read (the curation holds them for an editor to fix) */
  problemRows: {
    rowNumber: number;
    sourceId: string;
    fields: Record<string, string>;
    original: OriginalRow;
    /** repairs made on the way (as OpenDataItem.notes), for the editor who fixes the row */
    notes: string[];
  }[];
  /** the delimiter found (UTF-16 files from Excel are tab-separated) */
  delimiter: "," | "\t";
  /** the file line of the header row */
  headerLine: number;
  /** the header's own problems (a column the dataset lacks, Excel's `列1`, a duplicate): row = headerLine, no row held */
  headerProblems: OpenDataProblem[];
}

export interface OpenDataReadOptions {
  fileName: string;
  /** the dataset when the caller knows it; otherwise it is taken from the file name or the header */
  dataset?: DatasetKey;
}
