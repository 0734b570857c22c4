// `yokogushi policy parse FILE [--json]` and `yokogushi policy import FILE --bureau … --year …`; FILE is a text
// file or a Word (.docx) file.
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { formatFiscalYear, parseFiscalYear } from "../common/dates";
import { parsePolicyText } from "../common/policy/parse";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/open";
import { importDocumentAs, looksLikeOldWord, looksLikeZip, readPolicyDocx } from "../server/modules/policy";
import type { Actor } from "../server/platform/audit/audit";
import { AppError } from "../server/platform/errors";
import { decodeText } from "../server/platform/tabular/decode";

/**
 * Policy documents arrive as Word files or as UTF-8 / Shift_JIS text; which one is decided by the content (a .docx
 * is a zip, PK\x03\x04; an old .doc an OLE file), not by the file's name. A Word file is read into the text the
 * parser reads, so both give the same result.
 */
async function readDocument(file: string): Promise<string> {
  const bytes = new Uint8Array(readFileSync(file));
  if (looksLikeZip(bytes) || looksLikeOldWord(bytes)) return readPolicyDocx(bytes);
  return decodeText(bytes).text;
}

export async function runPolicyCommand(args: string[], actor: Actor): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      json: { type: "boolean" },
      text: { type: "boolean" },
      bureau: { type: "string" },
      year: { type: "string" },
      replace: { type: "boolean" },
    },
  });
  const file = positionals[0];
  if ((sub !== "parse" && sub !== "import") || !file) {
    console.error(
      "使い方: yokogushi policy parse FILE [--json | --text] | yokogushi policy import FILE --bureau 局 --year 年度 [--replace]（FILE はテキストか Word 文書 .docx）",
    );
    return 2;
  }
  let text: string;
  try {
    text = await readDocument(file);
  } catch (error) {
    if (error instanceof AppError) {
      console.error(`${file}: ${error.message}`);
      return 1;
    }
    throw error;
  }
  if (sub === "parse" && values.text) {
    // the text a Word file was read into: the issues' line numbers count its lines
    process.stdout.write(text);
    return 0;
  }
  if (sub === "parse") {
    const result = parsePolicyText(text);
    if (values.json) {
      console.log(JSON.stringify(result, null, 2));
    } else {
      const { document, issues } = result;
      console.log(`${document.title}（${document.bureauName}）: 課題 ${document.challenges.length} 件`);
      for (const c of document.challenges) {
        const latest = c.progress.at(-1);
        console.log(`  課題${c.code} ${c.name}${latest ? `（⑤ ${latest.asOfLabel} = ${latest.asOf}）` : ""}`);
      }
      for (const issue of issues)
        console.log(`${issue.severity === "error" ? "エラー" : "注意"}${issue.line ? `（${issue.line}行目）` : ""}: ${issue.message}`);
    }
    return result.issues.some((i) => i.severity === "error") ? 1 : 0;
  }

  if (!values.bureau || !values.year) {
    console.error("--bureau（局の組織コードか名称）と --year（2024 / 令和6年度）が必要です。");
    return 2;
  }
  const fiscalYear = parseFiscalYear(values.year);
  if (fiscalYear === null) {
    console.error(`年度が読み取れません: ${values.year}（例: 2024, 令和6年度）`);
    return 2;
  }
  const { db, close } = await openDatabase(loadConfig());
  try {
    const bureau = await db.query<{ id: string; name: string }>(
      "SELECT id, name FROM organisations WHERE kind = 'bureau' AND (code = $1 OR name = $1) ORDER BY code = $1 DESC LIMIT 1",
      [values.bureau],
    );
    if (!bureau.rows[0]) {
      console.error(`局が見つかりません: ${values.bureau}`);
      return 1;
    }
    const result = await importDocumentAs(
      db,
      { ...actor, label: "CLI" },
      {
        text,
        organisationId: bureau.rows[0].id,
        fiscalYear,
        replaceExisting: values.replace ?? false,
      },
    );
    console.log(
      `取り込みました: ${bureau.rows[0].name} ${formatFiscalYear(fiscalYear)}、課題 ${result.challengeCount} 件（ID ${result.documentId}）`,
    );
    for (const warning of result.warnings) console.log(`注意: ${warning.message}`);
    return 0;
  } catch (error) {
    if (error instanceof AppError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await close();
  }
}
