// The kintone CSV export reader (国際関連事業データベース, 海外出張管理 and any other app): the bytes of one export →
// its records, each with its main fields and its subtables' rows, every cell as its line-break-separated values, plus
// the problems found with the row that has them. It reads; it does not import, map or parse values (dates stay the
// strings the office typed): the module's import maps fields on top of it, and `yokogushi kintone inspect` prints
// what it read.
//
// What it reads: CP932 or UTF-8 with or without BOM; field names or field codes as headers; the record-start column
// (「レコードの開始行」 or `*`: `*` on a record's first line, empty on the lines that continue it with more subtable
// rows); subtables named by dotted headers or worked out from the lines (subtables.ts); one column per check-box
// choice (`テーマ[環境]`, a choice is checked when its cell holds anything but empty, 0 or false: kintone writes 1);
// quoted line breaks and doubled quotes (CSV).
//
// Row numbers: a quoted cell with line breaks makes one CSV record span several lines of the text file, and Excel
// shows that record as one row. `row` is the Excel row (what CsvParser counts: header = 1, blank lines counted), the
// number a clerk finds in the file opened in Excel; `line` is the first line of the record in a text editor, and a
// problem names that line too when the two differ.
//
// Cost: the file is parsed a megabyte at a time (as parseCsvBytes does) and parsing is most of the time (csv-parse), so each
// entry point parses it once where it can. When the header names the subtables (dotted, or no record-start column)
// the records are built as the lines arrive. When the lines must tell, the subtables are known only at the end:
// readKintoneExport keeps each record's parsed lines (it keeps the records anyway) and builds them afterwards;
// inspectKintoneExport keeps one bit per line and column (filled or not), enough to count the subtables' rows;
// scanKintoneExport, which hands each record to `onRecord` without keeping any (a large import), parses the file a
// second time.
import { CSV_CHUNK_BYTES, CsvParser } from "../../../platform/tabular/csv-stream";
import { detectEncoding, type TextEncodingName } from "../../../platform/tabular/decode";
import { TabularFormatError } from "../../../platform/tabular/errors";
import { analyzeHeader, type HeaderAnalysis, type HeaderKind, type KintoneColumn, RECORD_START_CODE } from "./header";
import { SubtableInference } from "./subtables";

export type { HeaderKind, KintoneColumn } from "./header";

export interface KintoneRow {
  /** Excel row of the line */
  row: number;
  /** text-file line where the line starts */
  line: number;
  /** the row's fields (by field name or code, without the subtable prefix), each as its line-break-separated values */
  values: Record<string, string[]>;
}

export interface KintoneRecord {
  /** Excel row of the record's first line */
  row: number;
  line: number;
  /** the main fields, each as its values: a check box's choices folded into one field; an empty cell is [] */
  main: Record<string, string[]>;
  /** every subtable of the file, by name, with its rows (lines where all its columns are empty are not rows) */
  subtables: Record<string, KintoneRow[]>;
}

export interface KintoneProblem {
  row: number;
  column: string | null;
  problem: string;
}

export interface KintoneSubtable {
  /** from a dotted header (`partners`), the clerk's correction, or, when worked out from the lines, 「国 ほか」 */
  name: string;
  /** total rows over all records */
  rows: number;
  fields: string[];
  /** true when worked out from the lines (the file does not name it, so the clerk may rename or regroup it) */
  inferred: boolean;
}

export interface KintoneExportSummary {
  encoding: TextEncodingName;
  headerKind: HeaderKind;
  /** every column but the record-start column, with the subtable it was found to belong to */
  columns: KintoneColumn[];
  /** how many records */
  recordCount: number;
  subtables: KintoneSubtable[];
  problems: KintoneProblem[];
}

export interface KintoneExport extends Omit<KintoneExportSummary, "recordCount"> {
  records: KintoneRecord[];
}

/** What `yokogushi kintone inspect --json` prints: exactly these five keys. */
export interface KintoneInspection {
  encoding: TextEncodingName;
  headerKind: HeaderKind;
  records: number;
  subtables: { name: string; rows: number }[];
  problems: KintoneProblem[];
}

export interface ReadKintoneOptions {
  /** the clerk's correction, by column header: the subtable's name, or null for a main field */
  subtableOf?: Readonly<Record<string, string | null>>;
}

interface ParsedLine {
  cells: string[];
  row: number;
  line: number;
}

const BREAK = /\r\n|\r|\n/;
const BREAKS = /\r\n|\r|\n/g;
const UNCHECKED = new Set(["0", "false", "FALSE", "False"]);

/** A cell's values: kintone separates a multi-value field's values (users, check boxes, file names) by line breaks. */
export function cellValues(cell: string): string[] {
  return cell === "" ? [] : cell.split(BREAK);
}

function countBreaks(cells: readonly string[]): number {
  let n = 0;
  for (const cell of cells) if (cell.includes("\n") || cell.includes("\r")) n += cell.match(BREAKS)?.length ?? 0;
  return n;
}

function lineNote(line: ParsedLine): string {
  return line.line !== line.row ? `（テキストエディタでは${line.line}行目）` : "";
}

interface Parsed {
  encoding: TextEncodingName;
  analysis: HeaderAnalysis;
}

/**
 * Parses the file line by line (a line = one CSV record), grouping the lines into kintone records by the record-start
 * column. `onHeader` gets the header's analysis before any record; `onRecord` each record's lines. The header's and
 * the record-start column's problems go to `problems` (null: already gathered by an earlier pass). Throws
 * TabularFormatError when the bytes are not a readable CSV.
 */
function parseRecords(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  options: ReadKintoneOptions,
  problems: KintoneProblem[] | null,
  onHeader: (parsed: Parsed) => void,
  onRecord: (lines: ParsedLine[]) => void,
): Parsed {
  return drain(parseSteps(bytes, encoding, options, problems, onHeader, onRecord));
}

/** Runs steps to their end at once. */
function drain<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** parseRecords one line at a time: the generator stops after each line (so that an async reader can let I/O in). */
function* parseSteps(
  bytes: Uint8Array,
  encoding: TextEncodingName,
  options: ReadKintoneOptions,
  problems: KintoneProblem[] | null,
  onHeader: (parsed: Parsed) => void,
  onRecord: (lines: ParsedLine[]) => void,
): Generator<void, Parsed> {
  const parser = new CsvParser(encoding);
  let parsed: Parsed | null = null;
  // Line of the text file = Excel row + the line breaks inside quoted cells of every line before it.
  let extraLines = 0;
  let current: ParsedLine[] = [];
  const flush = () => {
    if (current.length > 0) onRecord(current);
    current = [];
  };
  const startProblem = (line: ParsedLine, problem: string) =>
    problems?.push({ row: line.row, column: null, problem: `${problem}${lineNote(line)}` });
  // as parseCsvBytes: a megabyte at a time, then the end
  for (let at = 0; ; at += CSV_CHUNK_BYTES) {
    const last = at >= bytes.length;
    const slice = parser.write(last ? null : bytes.subarray(at, at + CSV_CHUNK_BYTES));
    if (parsed === null && parser.header) {
      extraLines += countBreaks(parser.header);
      parsed = { encoding, analysis: analyzeHeader(parser.header, options.subtableOf) };
      for (const p of parsed.analysis.problems) problems?.push({ row: 1, ...p });
      onHeader(parsed);
    }
    const recordStart = parsed?.analysis.recordStart ?? null;
    for (const [i, cells] of slice.rows.entries()) {
      const row = slice.rowNumbers[i];
      const line: ParsedLine = { cells, row, line: row + extraLines };
      extraLines += countBreaks(cells);
      if (recordStart === null) {
        flush();
      } else {
        const mark = cells[recordStart].trim();
        if (mark === RECORD_START_CODE) {
          flush();
        } else if (mark !== "") {
          startProblem(line, `レコードの開始行の列は「*」か空欄のはずですが「${mark}」です（新しいレコードとして読みました）`);
          flush();
        } else if (current.length === 0) {
          startProblem(line, "最初のデータ行にレコードの開始行の印（*）がありません（新しいレコードとして読みました）");
        }
      }
      current.push(line);
      yield;
    }
    if (last) break;
  }
  flush();
  if (parsed === null) {
    throw new TabularFormatError("kintone_no_header", "見出し行がありません。kintone から書き出した CSV ファイルか確認してください。");
  }
  return parsed;
}

/** The columns whose subtable only the lines can tell (none without a record-start column: one line, one record). */
function openColumns(analysis: HeaderAnalysis): number[] {
  if (analysis.recordStart === null) return [];
  return analysis.columns.filter((c) => c.subtable === undefined).map((c) => c.index);
}

interface Layout {
  columns: KintoneColumn[];
  main: KintoneColumn[];
  subtables: { name: string; inferred: boolean; columns: KintoneColumn[] }[];
  /** cells a line may have: the columns and the record-start column */
  width: number;
}

/** The columns' final places: the header's and the clerk's, the inferred groups (`groups`: column indexes) for the rest. */
function layoutOf(analysis: HeaderAnalysis, groups: readonly (readonly number[])[], problems: KintoneProblem[] | null): Layout {
  const byIndex = new Map(analysis.columns.map((c) => [c.index, c]));
  const inferredName = new Map<number, string>();
  for (const indexes of groups) {
    // An inferred subtable has no name in the file: it is called after its first field (「国 ほか」, or 「国」 when it
    // has one field) until the clerk names it in the mapping.
    const fields = [...new Set(indexes.map((i) => byIndex.get(i)!.field))];
    const name = fields.length > 1 ? `${fields[0]} ほか` : fields[0];
    for (const i of indexes) inferredName.set(i, name);
  }
  const columns: KintoneColumn[] = analysis.columns.map((c) => ({
    ...c,
    subtable: c.subtable !== undefined ? c.subtable : (inferredName.get(c.index) ?? null),
  }));
  const scopes = new Map<string | null, KintoneColumn[]>([[null, []]]);
  for (const c of columns) {
    if (!scopes.has(c.subtable)) scopes.set(c.subtable, []);
    scopes.get(c.subtable)!.push(c);
  }
  for (const scope of scopes.values()) {
    const seen = new Set<string>();
    for (const c of scope) {
      const key = `${c.field}\u0000${c.choice ?? ""}`;
      if (seen.has(key))
        problems?.push({ row: 1, column: c.header, problem: `見出し「${c.header}」が重複しています（${c.index + 1}列目は読みません）` });
      seen.add(key);
    }
  }
  const main = scopes.get(null)!;
  scopes.delete(null);
  const inferred = new Set(inferredName.values());
  return {
    columns,
    main,
    subtables: [...scopes].map(([name, cols]) => ({ name: name as string, inferred: inferred.has(name as string), columns: cols })),
    width: columns.length + (analysis.recordStart === null ? 0 : 1),
  };
}

/** kintone repeats the main fields on every line of a record: a line that differs is not the same record's. */
function checkLines(lines: readonly ParsedLine[], main: readonly KintoneColumn[], width: number, problems: KintoneProblem[]): void {
  const [first] = lines;
  for (const line of lines) {
    if (line.cells.length > width) problems.push({ row: line.row, column: null, problem: `見出しより列の多い行です${lineNote(line)}` });
    if (line === first) continue;
    for (const c of main) {
      if ((line.cells[c.index] ?? "") === (first.cells[c.index] ?? "")) continue;
      problems.push({
        row: line.row,
        column: c.header,
        problem: `同じレコードの続きの行なのに「${c.header}」の値が最初の行（${first.row}行目）と違います${lineNote(line)}`,
      });
    }
  }
}

/** Fills `target` from a line's cells; true when any of the columns has something. */
function fillValues(target: Record<string, string[]>, columns: readonly KintoneColumn[], cells: readonly string[]): boolean {
  let any = false;
  for (const c of columns) {
    const cell = cells[c.index] ?? "";
    if (cell !== "") any = true;
    if (c.choice === null) {
      if (!Object.hasOwn(target, c.field)) target[c.field] = cellValues(cell);
      continue;
    }
    if (!Object.hasOwn(target, c.field)) target[c.field] = [];
    if (cell.trim() !== "" && !UNCHECKED.has(cell.trim())) target[c.field].push(c.choice);
  }
  return any;
}

function buildRecord(lines: readonly ParsedLine[], layout: Layout, rowCounts: number[]): KintoneRecord {
  const [first] = lines;
  const main: Record<string, string[]> = {};
  fillValues(main, layout.main, first.cells);
  const subtables: Record<string, KintoneRow[]> = {};
  for (const [t, table] of layout.subtables.entries()) {
    const rows: KintoneRow[] = [];
    for (const line of lines) {
      const values: Record<string, string[]> = {};
      if (fillValues(values, table.columns, line.cells)) rows.push({ row: line.row, line: line.line, values });
    }
    subtables[table.name] = rows;
    rowCounts[t] += rows.length;
  }
  return { row: first.row, line: first.line, main, subtables };
}

function summaryOf(
  parsed: Parsed,
  layout: Layout,
  recordCount: number,
  rowCounts: number[],
  problems: KintoneProblem[],
): KintoneExportSummary {
  problems.sort((a, b) => a.row - b.row);
  return {
    encoding: parsed.encoding,
    headerKind: parsed.analysis.headerKind,
    columns: layout.columns,
    recordCount,
    subtables: layout.subtables.map((t, i) => ({
      name: t.name,
      rows: rowCounts[i],
      fields: [...new Set(t.columns.map((c) => c.field))],
      inferred: t.inferred,
    })),
    problems,
  };
}

/** What is known of an export before its first record: its columns and subtables (their rows not counted yet). */
export interface KintoneLayout {
  encoding: TextEncodingName;
  headerKind: HeaderKind;
  columns: KintoneColumn[];
  subtables: Omit<KintoneSubtable, "rows">[];
}

/**
 * Reads the export and hands each record to `onRecord` as it is built, keeping none; returns all but the records.
 * `onLayout` hears the columns and subtables before the first record (e.g. to choose a mapping for them).
 * When the subtables must be worked out from the lines, the file is parsed twice (see the top of this file).
 */
export function scanKintoneExport(
  bytes: Uint8Array,
  options: ReadKintoneOptions = {},
  onRecord?: (record: KintoneRecord) => void,
  onLayout?: (layout: KintoneLayout) => void,
): KintoneExportSummary {
  return drain(scanSteps(bytes, options, onRecord, onLayout));
}

/**
 * scanKintoneExport that awaits `pause()` every `every` lines, letting other work in (a large import writes what it
 * has read while it reads on).
 */
export async function scanKintoneExportAsync(
  bytes: Uint8Array,
  options: ReadKintoneOptions,
  onRecord: (record: KintoneRecord) => void,
  onLayout: (layout: KintoneLayout) => void,
  pause: () => Promise<void>,
  every = 50,
): Promise<KintoneExportSummary> {
  const steps = scanSteps(bytes, options, onRecord, onLayout);
  for (let n = 1; ; n++) {
    const step = steps.next();
    if (step.done) return step.value;
    if (n % every === 0) await pause();
  }
}

function* scanSteps(
  bytes: Uint8Array,
  options: ReadKintoneOptions,
  onRecord?: (record: KintoneRecord) => void,
  onLayout?: (layout: KintoneLayout) => void,
): Generator<void, KintoneExportSummary> {
  const problems: KintoneProblem[] = [];
  let groups: number[][] = [];
  let firstPass: Parsed | null = null;
  // The encoding is detected once: guessing Shift_JIS takes a while on a large file.
  const encoding = detectEncoding(bytes);
  const probe = parseRecordsUntilHeader(bytes, encoding, options);
  if (openColumns(probe.analysis).length > 0) {
    const inference = new SubtableInference(openColumns(probe.analysis));
    firstPass = yield* parseSteps(
      bytes,
      encoding,
      options,
      problems,
      () => {},
      (lines) => inference.add(lines.map((l) => l.cells)),
    );
    groups = inference.groups();
  }
  let layout: Layout | null = null;
  let recordCount = 0;
  let rowCounts: number[] = [];
  const parsed = yield* parseSteps(
    bytes,
    encoding,
    options,
    firstPass ? null : problems,
    (p) => {
      layout = layoutOf(p.analysis, groups, problems);
      rowCounts = layout.subtables.map(() => 0);
      onLayout?.({
        encoding,
        headerKind: p.analysis.headerKind,
        columns: layout.columns,
        subtables: layout.subtables.map((t) => ({
          name: t.name,
          fields: [...new Set(t.columns.map((c) => c.field))],
          inferred: t.inferred,
        })),
      });
    },
    (lines) => {
      const l = layout!;
      recordCount += 1;
      checkLines(lines, l.main, l.width, problems);
      const record = buildRecord(lines, l, rowCounts);
      onRecord?.(record);
    },
  );
  return summaryOf(parsed, layout!, recordCount, rowCounts, problems);
}

/** The header's analysis alone, from the file's first megabyte (or the whole file when its header is longer). */
function parseRecordsUntilHeader(bytes: Uint8Array, encoding: TextEncodingName, options: ReadKintoneOptions): Parsed {
  const parser = new CsvParser(encoding);
  for (let at = 0; parser.header === null && at < bytes.length; at += CSV_CHUNK_BYTES)
    parser.write(bytes.subarray(at, at + CSV_CHUNK_BYTES));
  if (parser.header === null) parser.write(null);
  if (parser.header === null) {
    throw new TabularFormatError("kintone_no_header", "見出し行がありません。kintone から書き出した CSV ファイルか確認してください。");
  }
  return { encoding, analysis: analyzeHeader(parser.header, options.subtableOf) };
}

/** Reads the whole export, records included, parsing the file once. */
export function readKintoneExport(bytes: Uint8Array, options: ReadKintoneOptions = {}): KintoneExport {
  const problems: KintoneProblem[] = [];
  const kept: (ParsedLine[] | null)[] = [];
  let inference: SubtableInference | null = null;
  const parsed = parseRecords(
    bytes,
    detectEncoding(bytes),
    options,
    problems,
    (p) => {
      const open = openColumns(p.analysis);
      inference = open.length > 0 ? new SubtableInference(open) : null;
    },
    (lines) => {
      kept.push(lines);
      inference?.add(lines.map((l) => l.cells));
    },
  );
  const layout = layoutOf(parsed.analysis, (inference as SubtableInference | null)?.groups() ?? [], problems);
  const rowCounts = layout.subtables.map(() => 0);
  const records: KintoneRecord[] = [];
  for (const [i, lines] of kept.entries()) {
    checkLines(lines!, layout.main, layout.width, problems);
    records.push(buildRecord(lines!, layout, rowCounts));
    kept[i] = null; // the parsed lines can go as soon as their record is built
  }
  const { recordCount: _count, ...summary } = summaryOf(parsed, layout, records.length, rowCounts, problems);
  return { ...summary, records };
}

/** One bit per line and subtable column (filled or not), packed: enough to count each subtable's rows at the end. */
class FillBits {
  private data = new Uint32Array(4096);
  private length = 0;
  readonly words: number;

  constructor(private readonly columns: readonly number[]) {
    this.words = Math.ceil(columns.length / 32);
  }

  add(cells: readonly string[]): void {
    if (this.length + this.words > this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    for (const [k, col] of this.columns.entries()) if ((cells[col] ?? "") !== "") this.data[this.length + (k >>> 5)] |= 1 << (k & 31);
    this.length += this.words;
  }

  /** How many lines have any of `columns` (column indexes) filled. */
  count(columns: readonly number[]): number {
    const mask = new Uint32Array(this.words);
    for (const col of columns) {
      const k = this.columns.indexOf(col);
      mask[k >>> 5] |= 1 << (k & 31);
    }
    let n = 0;
    for (let at = 0; at < this.length; at += this.words) {
      for (let w = 0; w < this.words; w++) {
        if ((this.data[at + w] & mask[w]) !== 0) {
          n += 1;
          break;
        }
      }
    }
    return n;
  }
}

/** What the inspect command prints, parsing the file once and keeping no records. */
export function inspectKintoneExport(bytes: Uint8Array, options: ReadKintoneOptions = {}): KintoneInspection {
  const problems: KintoneProblem[] = [];
  let recordCount = 0;
  let inference: SubtableInference | null = null;
  let bits: FillBits | null = null;
  // Known from the header: the whole layout when nothing is open, else the main fields the header or clerk decided
  // (the inferred ones never differ within a record: that is how they were told from the subtables' columns).
  let known: Layout | null = null;
  let decidedMain: KintoneColumn[] = [];
  let width = 0;
  let rowCounts: number[] = [];
  const parsed = parseRecords(
    bytes,
    detectEncoding(bytes),
    options,
    problems,
    (p) => {
      const open = openColumns(p.analysis);
      width = p.analysis.columns.length + (p.analysis.recordStart === null ? 0 : 1);
      if (open.length > 0) {
        inference = new SubtableInference(open);
        bits = new FillBits(p.analysis.columns.filter((c) => c.subtable !== null).map((c) => c.index));
        decidedMain = p.analysis.columns.filter((c) => c.subtable === null).map((c) => ({ ...c, subtable: null }));
      } else {
        known = layoutOf(p.analysis, [], problems);
        rowCounts = known.subtables.map(() => 0);
        decidedMain = known.main;
      }
    },
    (lines) => {
      recordCount += 1;
      checkLines(lines, decidedMain, width, problems);
      if (known) {
        for (const [t, table] of known.subtables.entries()) {
          for (const line of lines) if (table.columns.some((c) => (line.cells[c.index] ?? "") !== "")) rowCounts[t] += 1;
        }
      } else {
        (inference as SubtableInference | null)?.add(lines.map((l) => l.cells));
        for (const line of lines) (bits as FillBits | null)?.add(line.cells);
      }
    },
  );
  const layout = known ?? layoutOf(parsed.analysis, (inference as SubtableInference | null)?.groups() ?? [], problems);
  if (!known) rowCounts = layout.subtables.map((t) => (bits as FillBits | null)?.count(t.columns.map((c) => c.index)) ?? 0);
  const summary = summaryOf(parsed, layout, recordCount, rowCounts, problems);
  return {
    encoding: summary.encoding,
    headerKind: summary.headerKind,
    records: summary.recordCount,
    subtables: summary.subtables.map((t) => ({ name: t.name, rows: t.rows })),
    problems: summary.problems,
  };
}
