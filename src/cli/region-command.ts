// `yokogushi region opendata inspect FILE [--json] [--dataset key]`: reads a 市町's open-data CSV through the hub's
// import pipeline (server/modules/region/opendata/read-open-data.ts) and prints what it read — encoding, dataset, header
// generation, the rows it would import, the lines it skipped and why, the problems by row and column — without
// importing anything (no database).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import { DATASET_KEYS, DATASETS, type DatasetKey, isDatasetKey } from "../common/region/datasets";
import {
  type HeaderGeneration,
  OPEN_DATA_ENCODING_LABELS,
  type OpenDataEncoding,
  type OpenDataReadResult,
  readOpenData,
  type SkippedLine,
} from "../server/modules/region";
import { TabularFormatError } from "../server/platform/tabular/errors";

const USAGE = `使い方: yokogushi region opendata inspect ファイル [--json] [--dataset ${DATASET_KEYS.join("|")}]`;

/** What `--json` prints: exactly these keys. */
export interface OpenDataInspectJson {
  encoding: OpenDataEncoding;
  dataset: DatasetKey;
  headerGeneration: HeaderGeneration;
  /** the rows it would import */
  items: { rowNumber: number; sourceId: string; municipalityCode: string; fields: Record<string, string>; notes: string[] }[];
  skipped: SkippedLine[];
  /** the header's problems first (row = the header's line), then each row's: row, column and the named problem */
  problems: { row: number; column: string; problem: { code: string; message: string } }[];
}

const GENERATION_LABELS: Record<HeaderGeneration, string> = {
  recommended: "推奨データセットの旧テンプレート",
  "base-registry": "ベース・レジストリ（GIF）のレイアウト",
  official: "正式版",
};

interface Output {
  log(text: string): void;
  error(text: string): void;
}

export async function runRegionCommand(args: string[], out: Output = console): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch {
    out.error(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals[0] !== "opendata" || positionals[1] !== "inspect" || positionals.length !== 3) {
    out.error(USAGE);
    return 2;
  }
  const dataset = values.dataset;
  if (dataset !== undefined && !isDatasetKey(dataset)) {
    out.error(`--dataset に指定できるのは ${DATASET_KEYS.join("、")} です: ${dataset}\n${USAGE}`);
    return 2;
  }
  const file = positionals[2];
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    out.error(code === "ENOENT" ? `ファイルがありません: ${file}` : `ファイルを読めません（${code ?? "不明な理由"}）: ${file}`);
    return 1;
  }
  let result: OpenDataReadResult;
  try {
    result = readOpenData(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), { fileName: path.basename(file), dataset });
  } catch (error) {
    if (error instanceof TabularFormatError) {
      out.error(`${file}: ${error.message}`);
      return 1;
    }
    throw error;
  }
  if (values.json) out.log(JSON.stringify(inspectJson(result)));
  else printSummary(file, result, out);
  return 0;
}

export function inspectJson(result: OpenDataReadResult): OpenDataInspectJson {
  return {
    encoding: result.encoding,
    dataset: result.dataset,
    headerGeneration: result.headerGeneration,
    items: result.items.map(({ rowNumber, sourceId, municipalityCode, fields, notes }) => ({
      rowNumber,
      sourceId,
      municipalityCode,
      fields,
      notes,
    })),
    skipped: result.skipped,
    problems: [...result.headerProblems, ...result.problems].map(({ row, column, code, message }) => ({
      row,
      column,
      problem: { code, message },
    })),
  };
}

function printSummary(file: string, result: OpenDataReadResult, out: Output): void {
  const definition = DATASETS[result.dataset];
  const nameColumn = definition.columns.find((c) => c.item === "name")?.name ?? "";
  const mapped = result.columns.filter((c) => c.column !== null).length;
  out.log(`ファイル: ${file}`);
  out.log(`文字コード: ${OPEN_DATA_ENCODING_LABELS[result.encoding]}（区切り: ${result.delimiter === "\t" ? "タブ" : "カンマ"}）`);
  out.log(`データセット: ${definition.label}（${result.dataset}）`);
  out.log(
    `見出し: ${result.headerLine}行目、${GENERATION_LABELS[result.headerGeneration]}（${result.columns.length}列のうち${mapped}列を取り込み）`,
  );
  out.log(`取り込める行: ${result.items.length}件`);
  for (const item of result.items) {
    out.log(`  ${item.rowNumber}行目  ID ${item.sourceId || "（なし）"}  ${item.fields[nameColumn] ?? ""}`);
    for (const note of item.notes) out.log(`      注記: ${note}`);
  }
  out.log(`飛ばした行: ${result.skipped.length}行`);
  for (const line of result.skipped) out.log(`  ${line.line}行目  ${line.reason}`);
  const problems = [...result.headerProblems, ...result.problems];
  out.log(`問題: ${problems.length}件（取り込めない行 ${result.problemRows.length}行）`);
  for (const problem of problems)
    out.log(`  ${problem.row}行目  ${problem.column || "（行全体）"}  ${problem.code}  ${problem.message.replace(/\r?\n/g, "⏎")}`);
}

function parse(args: string[]) {
  return parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" }, dataset: { type: "string" } } });
}
