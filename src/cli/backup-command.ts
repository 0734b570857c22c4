// `yokogushi backup FILE` and `yokogushi restore FILE [--force]`.
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { loadConfig } from "../server/config";
import { openDatabase } from "../server/db/open";
import { BackupError, checksumOf, createBackup, restoreBackup } from "../server/platform/backup/backup";

export async function runBackup(args: string[]): Promise<number> {
  const file = args[0];
  if (!file) {
    console.error("使い方: yokogushi backup FILE");
    return 2;
  }
  const { db, close } = await openDatabase(loadConfig());
  try {
    const buffer = await createBackup(db);
    // Written beside the target and renamed: a crash never leaves half a backup under the real name.
    writeFileSync(`${file}.partial`, buffer);
    renameSync(`${file}.partial`, file);
    console.log(`バックアップを書き出しました: ${file}（${buffer.length} バイト, sha256 ${checksumOf(buffer)}）`);
    return 0;
  } finally {
    await close();
  }
}

export async function runRestore(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: "boolean" } } });
  const file = positionals[0];
  if (!file) {
    console.error("使い方: yokogushi restore FILE [--force]");
    return 2;
  }
  const { db, close } = await openDatabase(loadConfig());
  try {
    const counts = await restoreBackup(db, readFileSync(file), { force: values.force });
    console.log(
      `復元しました: ${Object.entries(counts)
        .map(([t, n]) => `${t} ${n}件`)
        .join(", ")}`,
    );
    return 0;
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await close();
  }
}
