// `yokogushi kintone inspect FILE [--json]`: reads a kintone CSV export (国際関連事業データベース, 海外出張管理, …)
// the way the 国際 module's import will, and prints what it read — encoding, header kind, the number of records, each
// subtable with its rows, and the problems with their rows — without importing anything (no database).
// `yokogushi kintone import FILE --app projects|trips`: imports it with the app's saved mapping (or the one its header
// suggests), all or nothing, like the screen's import (large files, the first migration of the kintone apps).
import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/open";
import { importKintoneBytes, type KintoneInspection, scanKintoneExport } from "../server/modules/international";
import type { Actor } from "../server/platform/audit/audit";
import { TabularFormatError } from "../server/platform/tabular/errors";

const USAGE = "使い方: yokogushi kintone inspect ファイル [--json] | yokogushi kintone import ファイル --app projects|trips";

const ENCODING_LABELS: Record<KintoneInspection["encoding"], string> = {
  "utf-8": "UTF-8（BOMなし）",
  "utf-8-bom": "UTF-8（BOM付き）",
  cp932: "Shift_JIS（CP932）",
};
const HEADER_LABELS: Record<KintoneInspection["headerKind"], string> = { names: "フィールド名", codes: "フィールドコード" };

interface Output {
  log(text: string): void;
  error(text: string): void;
}

export async function runKintoneCommand(args: string[], actor: Actor, out: Output = console): Promise<number> {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(args);
  } catch {
    out.error(USAGE);
    return 2;
  }
  const { values, positionals } = parsed;
  const app = values.app;
  const isImport = positionals[0] === "import" && (app === "projects" || app === "trips");
  if ((positionals[0] !== "inspect" && !isImport) || positionals.length !== 2) {
    out.error(USAGE);
    return 2;
  }
  const file = positionals[1];
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    out.error(code === "ENOENT" ? `ファイルがありません: ${file}` : `ファイルを読めません（${code ?? "不明な理由"}）: ${file}`);
    return 1;
  }
  if (isImport) return runImport(app as "projects" | "trips", new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), actor, out);
  let summary: ReturnType<typeof scanKintoneExport>;
  try {
    summary = scanKintoneExport(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  } catch (error) {
    if (error instanceof TabularFormatError) {
      out.error(`${file}: ${error.message}`);
      return 1;
    }
    throw error;
  }
  const result: KintoneInspection = {
    encoding: summary.encoding,
    headerKind: summary.headerKind,
    records: summary.recordCount,
    subtables: summary.subtables.map((t) => ({ name: t.name, rows: t.rows })),
    problems: summary.problems,
  };
  if (values.json) {
    out.log(JSON.stringify(result));
    return 0;
  }
  out.log(`文字コード: ${ENCODING_LABELS[result.encoding]}`);
  out.log(`見出し: ${HEADER_LABELS[result.headerKind]}`);
  out.log(`レコード数: ${result.records.toLocaleString("ja-JP")}`);
  if (summary.subtables.length === 0) out.log("テーブル: なし");
  else out.log(`テーブル: ${summary.subtables.length}`);
  for (const t of summary.subtables) {
    const how = t.inferred ? "（見出しに表名がないため行の並びから判断。取込設定で直せます）" : "";
    out.log(`  ${t.name}: ${t.rows.toLocaleString("ja-JP")}行${how}`);
    out.log(`    項目: ${t.fields.join("、")}`);
  }
  if (result.problems.length === 0) {
    out.log("問題: なし");
    return 0;
  }
  out.log(`問題: ${result.problems.length.toLocaleString("ja-JP")}件（行は Excel で開いたときの行番号）`);
  for (const p of result.problems) out.log(`  ${p.row}行目${p.column === null ? "" : `「${p.column}」`}: ${p.problem}`);
  return 0;
}

async function runImport(app: "projects" | "trips", bytes: Uint8Array, actor: Actor, out: Output): Promise<number> {
  const { db, close } = await openDatabase(loadConfig());
  try {
    const result = await importKintoneBytes(db, actor, app, bytes);
    if (!result.ok) {
      out.error(`取り込みませんでした（誤り ${result.errorCount.toLocaleString("ja-JP")}件。何も変更していません）:`);
      for (const e of result.errors) out.error(`  ${e.row}行目${e.column === null ? "" : `「${e.column}」`}: ${e.message}`);
      return 1;
    }
    const n = (v: number) => v.toLocaleString("ja-JP");
    out.log(
      `${n(result.records)}件を確認し、新規${n(result.created)}件・更新${n(result.updated)}件・変更なし${n(result.unchanged)}件を反映しました（相手先を${n(result.partnersCreated)}件追加）。`,
    );
    return 0;
  } finally {
    await close();
  }
}

function parse(args: string[]) {
  return parseArgs({ args, allowPositionals: true, options: { json: { type: "boolean" }, app: { type: "string" } } });
}
