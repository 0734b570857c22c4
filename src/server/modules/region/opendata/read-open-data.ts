// The open-data pipeline: one 市町 CSV (any encoding, any header generation) → what it holds, without the database.
// decode (encoding.ts) → records with their lines (csv-records.ts) → header row and non-data lines (header.ts) →
// dataset and column mapping (aliases.ts) → each row read by its 正式版 column types (row-fields.ts).
//
// Every record after the header is a skipped line (empty, comment, the header again), an item, or a problem row with
// at least one named problem; nothing is fixed silently and no row throws. Whole-file refusals (not a CSV, unknown
// encoding, no header, dataset unknown) throw TabularFormatError with a Japanese message.
import { DATASETS, type DatasetKey, datasetFromFileName } from "../../../../common/region/datasets";
import { TabularFormatError } from "../../../platform/tabular/errors";
import { type ColumnMapping, datasetFromHeader, mapHeader } from "./aliases";
import { type CsvRecord, detectDelimiter, readCsvRecords } from "./csv-records";
import { decodeOpenData } from "./encoding";
import { findHeader, nonDataReason, SKIP_REASONS } from "./header";
import { type OpenDataProblemCode, problemAt } from "./problems";
import { checkItemFields, ID_COLUMN, MUNICIPALITY_CODE_COLUMN } from "./row-fields";
import type { OpenDataItem, OpenDataProblem, OpenDataReadOptions, OpenDataReadResult, OriginalRow, SkippedLine } from "./types";

export function readOpenData(bytes: Uint8Array, options: OpenDataReadOptions): OpenDataReadResult {
  const { text, encoding } = decodeOpenData(bytes);
  const delimiter = detectDelimiter(text);
  const records = readCsvRecords(text, delimiter);
  const found = findHeader(records);
  const header = found.header;
  const dataset = chooseDataset(options, header);
  const mapping = mapHeader(dataset, header);
  const headerProblems = mapping.notices.map(({ index, code }) => headerProblem(found.line, header[index], code));

  const result: OpenDataReadResult = {
    encoding,
    dataset,
    headerGeneration: mapping.generation,
    columns: header.map((name, index) => ({ header: name, column: mapping.columns[index] })),
    items: [],
    skipped: found.skipped,
    problems: [],
    problemRows: [],
    delimiter,
    headerLine: found.line,
    headerProblems,
  };
  const readRow = rowReader(dataset, mapping, header, options.fileName);
  const seenIds = new Map<string, number>();
  for (let index = found.index + 1; index < records.length; index++) {
    const record = records[index];
    const skip = nonDataReason(record) ?? (sameCells(record.cells, header) ? SKIP_REASONS.repeatedHeader : null);
    if (skip) {
      result.skipped.push({ line: record.line, reason: skip } satisfies SkippedLine);
      continue;
    }
    const row = readRow(record);
    if (row.item.sourceId !== "") {
      const first = seenIds.get(row.item.sourceId);
      if (first === undefined) seenIds.set(row.item.sourceId, record.line);
      else
        row.problems.push(
          problemAt(record.line, ID_COLUMN, {
            code: "duplicate_id",
            message: `ID「${row.item.sourceId}」は${first}行目と同じです。IDはファイルの中で重ならないようにしてください。`,
          }),
        );
    }
    if (row.problems.length === 0) result.items.push(row.item);
    else {
      const { rowNumber, sourceId, fields, original, notes } = row.item;
      result.problemRows.push({ rowNumber, sourceId, fields, original, notes });
      for (const problem of row.problems) result.problems.push(problem);
    }
  }
  return result;
}

function chooseDataset(options: OpenDataReadOptions, header: readonly string[]): DatasetKey {
  const named = options.dataset ?? datasetFromFileName(options.fileName);
  const fromHeader = datasetFromHeader(header);
  if (!named) {
    if (fromHeader) return fromHeader;
    throw new TabularFormatError(
      "unknown_dataset",
      "どのデータセット（観光施設一覧・イベント一覧など）のファイルか判別できません。データセットを指定するか、ファイル名を 401005_tourism.csv のような定義の形にしてください。",
    );
  }
  // A dataset named by the caller or the file name, whose name column the header lacks while it names another
  // dataset's columns: the wrong file was chosen (every row would otherwise be a problem).
  const nameColumn = DATASETS[named].columns.find((c) => c.item === "name")?.name;
  if (fromHeader && fromHeader !== named && nameColumn && !mapHeader(named, header).columns.includes(nameColumn))
    throw new TabularFormatError(
      "dataset_mismatch",
      `このファイルの見出しは「${DATASETS[fromHeader].label}」のもので、「${DATASETS[named].label}」ではありません。データセットの指定かファイルを確かめてください。`,
    );
  return named;
}

function headerProblem(line: number, name: string, code: OpenDataProblemCode): OpenDataProblem {
  const messages: Partial<Record<OpenDataProblemCode, string>> = {
    unknown_column: `列「${name}」はこのデータセットの項目ではありません。値は取り込まず、元の行にだけ残します。`,
    placeholder_column: `列「${name}」は Excel が付けた仮の列名です。元の列名に直して読み込み直すと、この列の値も取り込めます（今は元の行にだけ残します）。`,
    duplicate_column: `列「${name}」は、ほかの列と同じ項目を表しています。先の列の値を使い、この列の値は元の行にだけ残します。`,
  };
  return { row: line, column: name, code, message: messages[code] ?? code };
}

function sameCells(a: readonly string[], b: readonly string[]): boolean {
  if (a.length === 0 || a[0] !== b[0] || a.length !== b.length) return false;
  return a.every((cell, i) => cell === b[i]);
}

interface RowRead {
  item: OpenDataItem;
  problems: OpenDataProblem[];
}

/** The reader of one data record: its cells by 正式版 column, checked by checkItemFields, plus the file-level checks. */
function rowReader(dataset: DatasetKey, mapping: ColumnMapping, header: string[], fileName: string): (record: CsvRecord) => RowRead {
  const mapped = mapping.columns.flatMap((column, index) => (column === null ? [] : [{ index, column, joins: mapping.joined.has(index) }]));
  const width = header.length;
  return (record) => {
    const cells = record.cells;
    const raw: Record<string, string> = {};
    for (const { index, column, joins } of mapped) {
      const value = cells[index] ?? "";
      raw[column] = joins && raw[column] !== undefined ? joinName(raw[column], value) : value;
    }
    const check = checkItemFields(dataset, raw, record.line);
    const problems = check.problems;
    if (record.unclosedQuote)
      problems.push(
        problemAt(record.line, "", {
          code: "unclosed_quote",
          message: `${record.line}行目の引用符（"）が閉じられていないため、ファイルの終わりまでを1つの行として読みました。引用符を閉じてください。`,
        }),
      );
    for (let i = width; i < cells.length; i++) {
      if (cells[i].trim() === "") continue;
      problems.push(
        problemAt(record.line, "", {
          code: "extra_cells",
          message: `見出しより多いセル（${i + 1}列目「${cells[i].slice(0, 20)}」）があります。区切り文字（, ）がセルの中にあれば引用符で囲んでください。`,
        }),
      );
      break;
    }
    const codeProblem = problems.some((p) => p.column === MUNICIPALITY_CODE_COLUMN);
    const original: OriginalRow = { fileName, rowNumber: record.line, header, values: cells };
    return {
      item: {
        rowNumber: record.line,
        sourceId: check.fields[ID_COLUMN] ?? (raw[ID_COLUMN] ?? "").trim(),
        municipalityCode: codeProblem ? "" : (check.fields[MUNICIPALITY_CODE_COLUMN] ?? ""),
        fields: check.fields,
        original,
        notes: check.notes,
      },
      problems,
    };
  };
}

/** 都道府県名 + 市区町村名 → 地方公共団体名 (福岡県北九州市), unless the second already names the prefecture. */
function joinName(first: string, second: string): string {
  const a = first.trim();
  const b = second.trim();
  return a !== "" && b.startsWith(a) ? b : a + b;
}
