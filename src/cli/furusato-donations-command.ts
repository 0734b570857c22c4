// `yokogushi furusato donations import FILE --mapping 取込設定名`: an operator's import of a large order file (a
// backfill of past years, say) read from disk instead of uploaded, through the same mapping and the same
// all-or-nothing import as the screen. Prints counts and, on failure, the first errors; personal data is not printed.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { todayInJapan } from "../common/dates";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/open";
import { anonymiseExpiredDonors, importDonationBytes } from "../server/modules/furusato";
import { type Actor, SYSTEM_ACTOR } from "../server/platform/audit/audit";
import { checkTabularUpload, sha256Of } from "../server/platform/files/files";

const USAGE = "使い方: yokogushi furusato donations import ファイル --mapping 取込設定名 | yokogushi furusato donations anonymise-expired";

export async function runDonationsCommand(args: string[], actor: Actor = SYSTEM_ACTOR): Promise<number> {
  const [sub, ...rest] = args;
  if (sub === "anonymise-expired") return anonymiseExpired({ ...actor, label: "CLI" });
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { mapping: { type: "string" } } });
  if (sub !== "import" || !positionals[0] || !values.mapping) {
    console.error(USAGE);
    return 2;
  }
  const file = path.resolve(positionals[0]);
  const bytes = new Uint8Array(readFileSync(file));
  const name = path.basename(file);
  let mimeType: string;
  try {
    // The same type check as an upload; the size limit of uploads does not apply to an operator's file.
    mimeType = checkTabularUpload(name, bytes.subarray(0, 1024 * 1024));
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  const { db, close } = await openDatabase(loadConfig());
  try {
    const { rows } = await db.query<{ id: string }>("SELECT id FROM furusato_donation_mappings WHERE name = $1", [values.mapping]);
    if (!rows[0]) {
      console.error(`取込設定「${values.mapping}」が見つかりません。`);
      return 1;
    }
    const result = await importDonationBytes(
      db,
      { mappingId: rows[0].id, file: { id: null, name, mimeType, sha256: sha256Of(bytes), bytes }, actor: { ...actor, label: "CLI" } },
      async (done, total, message) => console.error(`… ${message ?? ""} ${total ? `${done}/${total}` : ""}`),
    );
    if (result.ok) {
      console.log(result.duplicate ? result.summary : `取り込みました（${result.rowCount}行）: ${result.summary}`);
      return 0;
    }
    console.error(`取り込めませんでした（エラー ${result.errorCount}件、台帳は変わっていません）:`);
    for (const error of result.errors.slice(0, 20))
      console.error(`  ${error.row}行目${error.column ? ` ${error.column}` : ""}: ${error.message}`);
    return 1;
  } finally {
    await close();
  }
}

/** For cron: donors whose retention period has ended are anonymised (furusato.donorRetentionYears). */
async function anonymiseExpired(actor: Actor): Promise<number> {
  const { db, close } = await openDatabase(loadConfig());
  try {
    const result = await anonymiseExpiredDonors(db, todayInJapan(), actor);
    console.log(
      `保存期間（${result.years}年）を過ぎた寄附者情報を匿名化しました: ${result.anonymised}件（${result.cutoffFiscalYear}年度以前）`,
    );
    return 0;
  } finally {
    await close();
  }
}
