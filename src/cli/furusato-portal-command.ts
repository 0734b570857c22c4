// `yokogushi furusato portal inspect FILE [--json]`: reads a portal's header or sample file the way the portals
// screen does (common/furusato/header-inspect.ts) and prints the detected encoding, delimiter, header row, column
// count, column names and the suggested mapping of each column. Reads the file only: no database, nothing saved.
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { DELIMITER_LABELS, ENCODING_LABELS, HeaderFileError, inspectHeaderFile } from "../common/furusato/header-inspect";
import { type MappedValue, suggestMapping } from "../common/furusato/header-mapping";

const USAGE = "使い方: yokogushi furusato portal inspect ファイル [--json] [--header-row 行番号]";

/** Header files are small; a sample file's rows past the first megabyte are not needed to find its header. */
const READ_BYTES = 1024 * 1024;

export interface PortalInspectJson {
  encoding: "utf-8" | "utf-8-bom" | "cp932";
  delimiter: "," | "\t";
  headerRow: number;
  columnCount: number;
  columns: string[];
  /** per column, in order: the suggested value, or null (空欄で出力) */
  mapping: { column: string; value: MappedValue | null; label: string | null }[];
}

interface Output {
  log(text: string): void;
  error(text: string): void;
}

export async function runPortalCommand(args: string[], out: Output = console): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch {
    out.error(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals[0] !== "inspect" || positionals.length !== 2) {
    out.error(USAGE);
    return 2;
  }
  const headerRow = values["header-row"] === undefined ? undefined : Number(values["header-row"]);
  if (headerRow !== undefined && !Number.isInteger(headerRow)) {
    out.error(`--header-row には行番号（1から）を指定してください: ${values["header-row"]}`);
    return 2;
  }
  let bytes: Buffer;
  try {
    const whole = await readFile(positionals[1]);
    bytes = whole.subarray(0, READ_BYTES);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    out.error(
      code === "ENOENT" ? `ファイルがありません: ${positionals[1]}` : `ファイルを読めません（${code ?? "不明な理由"}）: ${positionals[1]}`,
    );
    return 1;
  }
  let result: PortalInspectJson;
  try {
    const found = inspectHeaderFile(bytes, { headerRow });
    const suggestions = suggestMapping(found.columns);
    result = {
      encoding: found.encoding,
      delimiter: found.delimiter,
      headerRow: found.headerRow,
      columnCount: found.columns.length,
      columns: found.columns,
      mapping: found.columns.map((column, i) => ({ column, value: suggestions[i]?.value ?? null, label: suggestions[i]?.label ?? null })),
    };
  } catch (error) {
    if (error instanceof HeaderFileError) {
      out.error(error.message);
      return 1;
    }
    throw error;
  }
  if (values.json) {
    out.log(JSON.stringify(result));
    return 0;
  }
  out.log(`文字コード: ${ENCODING_LABELS[result.encoding]}`);
  out.log(`区切り文字: ${DELIMITER_LABELS[result.delimiter]}`);
  out.log(
    `見出し行: ${result.headerRow}行目${result.headerRow > 1 ? `（上の${result.headerRow - 1}行はタイトル行として出力にもそのまま書きます）` : ""}`,
  );
  out.log(`列数: ${result.columnCount}`);
  const width = String(result.columnCount).length;
  for (const [i, m] of result.mapping.entries()) {
    const name = m.column.replace(/\r?\n/g, "⏎") || "（列名なし）";
    out.log(`  ${String(i + 1).padStart(width)}  ${name}  →  ${m.value ? `${m.label}（${describe(m.value)}）` : "空欄で出力"}`);
  }
  const mapped = result.mapping.filter((m) => m.value).length;
  out.log(`対応づけの候補: ${result.columnCount}列のうち${mapped}列（画面で確認・変更してから保存します）`);
  return 0;
}

function parse(args: string[]) {
  return parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" }, "header-row": { type: "string" } } });
}

function describe(value: MappedValue): string {
  if ("field" in value) return value.field;
  if ("expr" in value) return `式 ${value.expr}`;
  return `固定値 ${value.const}`;
}
