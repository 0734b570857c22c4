// 寄附データの取込: a portal's order file, read through the portal's mapping, lands in the ledger whole or not at all.
// The file's hash is recorded in the same transaction as its donations, so the same file twice adds nothing and a
// retry after a crash knows whether the first attempt landed. Personal data never reaches the logs or the audit.
import {
  type DonationMappingConfig,
  type MappingResult,
  type MappingTable,
  mapDonationRows,
  type UnknownValue,
} from "../../../../common/furusato/donation-mapping";
import type { Db, Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import { readFileRow, storeFile } from "../../../platform/files/files";
import { errorReportFileName, writeImportErrorReport } from "../../../platform/tabular/error-report";
import type { ImportError } from "../../../platform/tabular/import-rows";
import { readTable, tableFormat } from "../../../platform/tabular/read-table";
import { defineJob } from "../../manifest";
import { upsertDonations } from "./donations-store";
import * as repo from "./ingest-repository";
import { mappingDetail } from "./mappings";

export const DONATION_IMPORT_JOB = "furusato.donations.import";
const ERRORS_SHOWN = 200;

export interface DonationImportJobData {
  mappingId: string;
  fileId: string;
  actor: Actor;
}

export type DonationImportResult =
  | {
      ok: true;
      duplicate: boolean;
      importId: string | null;
      rowCount: number;
      created: number;
      updated: number;
      unchanged: number;
      summary: string;
    }
  | { ok: false; errorCount: number; errors: ImportError[]; unknownValues: UnknownValue[]; reportFileId: string };

/** Every non-blank row with its spreadsheet row number: the mapping decides which one holds the headings. */
export async function readMappingTable(name: string, mimeType: string, bytes: Uint8Array): Promise<MappingTable> {
  // Parsed in a worker thread (the shared tabular reader), so the server keeps answering during a large file.
  const table = await readTable(tableFormat(name, mimeType), bytes);
  if (table.header.length === 0) return { rows: [], rowNumbers: [] };
  const rowNumbers = table.rowNumbers ?? table.rows.map((_, i) => i + 2);
  return { rows: [table.header, ...table.rows], rowNumbers: [(rowNumbers[0] ?? 2) - 1, ...rowNumbers] };
}

async function masterData(db: Queryable) {
  const [fundUses, giftCodes] = await Promise.all([repo.findFundUses(db), repo.findGiftCodes(db)]);
  return { fundUses, giftCodes: new Set(giftCodes) };
}

async function rejected(
  db: Db,
  fileName: string,
  errors: ImportError[],
  unknownValues: UnknownValue[],
  actor: Actor,
): Promise<DonationImportResult> {
  const report = await storeFile(db, {
    name: errorReportFileName(fileName),
    mimeType: "text/csv; charset=utf-8",
    bytes: writeImportErrorReport(errors),
    createdBy: actor.userId,
    owner: { kind: "import", id: null, purpose: "import_report" },
  });
  return { ok: false, errorCount: errors.length, errors: errors.slice(0, ERRORS_SHOWN), unknownValues, reportFileId: report.id };
}

type Progress = (done: number, total?: number | null, message?: string) => Promise<void>;
const noProgress: Progress = async () => {};

class DuplicateFile extends Error {}

/** An order file to import: an upload kept in the files table, or a file an operator reads from disk (CLI). */
export interface DonationFile {
  id: string | null;
  name: string;
  mimeType: string;
  sha256: string;
  bytes: Uint8Array;
}

export async function importDonationFile(
  db: Db,
  data: DonationImportJobData,
  progress: Progress = noProgress,
): Promise<DonationImportResult> {
  return importDonationBytes(db, { mappingId: data.mappingId, file: await readFileRow(db, data.fileId), actor: data.actor }, progress);
}

/**
 * The file's rows mapped to donations. The table of strings (a million rows of twenty-odd cells) is dropped as soon as
 * it is mapped, so that it is not kept, and traced by every garbage collection, while the donations are written.
 */
async function readAndMap(
  db: Db,
  file: DonationFile,
  mapping: { config: DonationMappingConfig; portalCode: string },
  progress: Progress,
): Promise<MappingResult | { unreadable: string }> {
  let table: MappingTable;
  try {
    table = await readMappingTable(file.name, file.mimeType, file.bytes);
  } catch (error) {
    return { unreadable: error instanceof Error ? error.message : "ファイルを読み取れません。" };
  }
  await progress(0, table.rows.length, `${table.rows.length}行を検証しています`);
  return mapDonationRows(table, mapping.config, mapping.portalCode, await masterData(db));
}

export async function importDonationBytes(
  db: Db,
  data: { mappingId: string; file: DonationFile; actor: Actor },
  progress: Progress = noProgress,
): Promise<DonationImportResult> {
  const mapping = await mappingDetail(db, data.mappingId);
  const file = data.file;
  const duplicate = (): DonationImportResult => ({
    ok: true,
    duplicate: true,
    importId: null,
    rowCount: 0,
    created: 0,
    updated: 0,
    unchanged: 0,
    summary: "同じファイルは既に取り込まれています。台帳は変わりません。",
  });
  if (await repo.fileImported(db, mapping.portalCode, file.sha256)) return duplicate();

  await progress(0, null, "ファイルを読み込んでいます");
  const mapped = await readAndMap(db, file, mapping, progress);
  if ("unreadable" in mapped) return rejected(db, file.name, [{ row: 1, message: mapped.unreadable }], [], data.actor);
  if (!mapped.ok) return rejected(db, file.name, mapped.errors, mapped.unknownValues, data.actor);

  await progress(0, mapped.rowCount, `${mapped.donations.length}件の寄附を台帳に反映しています`);
  try {
    // Progress is not written inside the transaction: PGlite has one connection, which the transaction holds.
    const outcome = await db.transaction(async (tx) => {
      const importId = await repo.insertImportRow(tx, {
        portalCode: mapping.portalCode,
        mappingId: mapping.id,
        fileId: file.id,
        fileName: file.name,
        sha256: file.sha256,
        rowCount: mapped.rowCount,
        createdBy: data.actor.userId,
      });
      if (!importId) throw new DuplicateFile();
      const result = await upsertDonations(tx, mapped.donations, { importId });
      await repo.updateImportCounts(tx, importId, result);
      const summary = `新規${result.created}件・更新${result.updated}件・変更なし${result.unchanged}件`;
      // Counts only: the audit log never holds donors' personal data.
      await recordAudit(tx, data.actor, {
        action: "import",
        entityType: "furusato_donation_import",
        entityId: importId,
        summary: `寄附データ取込（${mapping.name}）: ${summary}（${file.name}）`,
        after: {
          rows: mapped.rowCount,
          created: result.created,
          updated: result.updated,
          unchanged: result.unchanged,
          sha256: file.sha256,
        },
      });
      return { importId, summary, ...result };
    });
    await progress(mapped.rowCount, mapped.rowCount, "完了しました");
    return {
      ok: true,
      duplicate: false,
      importId: outcome.importId,
      rowCount: mapped.rowCount,
      created: outcome.created,
      updated: outcome.updated,
      unchanged: outcome.unchanged,
      summary: outcome.summary,
    };
  } catch (error) {
    // Another process took the same file first (PostgreSQL: the unique key; PGlite: serial anyway).
    const constraint = (error as { constraint?: string }).constraint;
    if (error instanceof DuplicateFile || constraint === "furusato_donation_imports_portal_code_file_sha256_key") return duplicate();
    throw error;
  }
}

export const donationImportJob = defineJob<DonationImportJobData>(DONATION_IMPORT_JOB, (data, context) =>
  importDonationFile(context.db, data, context.progress),
);
