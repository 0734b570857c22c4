// 寄附データの取込: a portal's order file, read through the portal's mapping, lands in the ledger whole or not at all.
// The file's hash is recorded in the same transaction as its donations, so the same file twice adds nothing and a
// retry after a crash knows whether the first attempt landed. Personal data never reaches the logs or the audit.
// The file is read, mapped and written slice by slice inside that transaction (a million-row file is never held
// whole); the first error stops the writing, the rest of the file is still checked for the full error list, and the
// transaction is rolled back. A file whose order lines are scattered is mapped whole instead (importWhole).
import type { DonationRowError, MappingResult, MappingTable, MasterData, UnknownValue } from "../../../../common/furusato/donation-mapping";
import { DonationLineStream, mapDonationRows } from "../../../../common/furusato/donation-orders";
import type { Db, Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import { readFileRow, storeFile } from "../../../platform/files/files";
import { errorReportFileName, writeImportErrorReport } from "../../../platform/tabular/error-report";
import type { ImportError } from "../../../platform/tabular/import-rows";
import { type OpenTable, openTable, readTable, tableFormat } from "../../../platform/tabular/read-table";
import { defineJob } from "../../manifest";
import { DonationBatchWriter, type UpsertResult, upsertDonations } from "./donations-store";
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

async function masterData(db: Queryable): Promise<MasterData> {
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
/** Rolls the streamed import back: the file has errors, cannot be read, or must be mapped whole. */
class NotLanded extends Error {
  constructor(readonly reason: { errors: DonationRowError[]; unknownValues: UnknownValue[] } | { unreadable: string } | "scattered") {
    super("import rolled back");
  }
}

/** An order file to import: an upload kept in the files table, or a file an operator reads from disk (CLI). */
export interface DonationFile {
  id: string | null;
  name: string;
  mimeType: string;
  sha256: string;
  bytes: Uint8Array;
}

type Mapping = Awaited<ReturnType<typeof mappingDetail>>;
interface ImportInput {
  mapping: Mapping;
  file: DonationFile;
  actor: Actor;
}
interface Landed extends UpsertResult {
  importId: string;
  rowCount: number;
  summary: string;
}

export async function importDonationFile(
  db: Db,
  data: DonationImportJobData,
  progress: Progress = noProgress,
): Promise<DonationImportResult> {
  return importDonationBytes(db, { mappingId: data.mappingId, file: await readFileRow(db, data.fileId), actor: data.actor }, progress);
}

const unreadableMessage = (error: unknown) => (error instanceof Error ? error.message : "ファイルを読み取れません。");

/** The import's record, counts and audit entry, in the transaction that wrote its donations. */
async function land(tx: Queryable, input: ImportInput, importId: string, rowCount: number, result: UpsertResult): Promise<Landed> {
  const { mapping, file } = input;
  await repo.updateImportCounts(tx, importId, { rowCount, ...result });
  const summary = `新規${result.created}件・更新${result.updated}件・変更なし${result.unchanged}件`;
  // Counts only: the audit log never holds donors' personal data.
  await recordAudit(tx, input.actor, {
    action: "import",
    entityType: "furusato_donation_import",
    entityId: importId,
    summary: `寄附データ取込（${mapping.name}）: ${summary}（${file.name}）`,
    after: { rows: rowCount, created: result.created, updated: result.updated, unchanged: result.unchanged, sha256: file.sha256 },
  });
  return { importId, rowCount, summary, ...result };
}

async function startImport(tx: Queryable, input: ImportInput): Promise<string> {
  const importId = await repo.insertImportRow(tx, {
    portalCode: input.mapping.portalCode,
    mappingId: input.mapping.id,
    fileId: input.file.id,
    fileName: input.file.name,
    sha256: input.file.sha256,
    createdBy: input.actor.userId,
  });
  if (!importId) throw new DuplicateFile();
  return importId;
}

/** Every this many rows the job's progress is told how far the import has got. */
const PROGRESS_ROWS = 10_000;

/**
 * The rows read so far, for the job's progress while the import's transaction runs. Only on PostgreSQL: progress is
 * written through another connection, and PGlite's one connection is the transaction's until it ends.
 */
function rowProgress(db: Db, progress: Progress): (rows: number) => Promise<void> {
  if (db.kind !== "postgres") return async () => {};
  let reportedRows = 0;
  return async (rows) => {
    if (rows - reportedRows < PROGRESS_ROWS) return;
    reportedRows = rows;
    await progress(rows, null, `${rows.toLocaleString("ja-JP")}行を検証し、台帳に反映しています`);
  };
}

/** Reads, maps and writes the file slice by slice in one transaction; any error rolls it back (NotLanded). */
async function importStreaming(db: Db, input: ImportInput, table: OpenTable, master: MasterData, progress: Progress): Promise<Landed> {
  const report = rowProgress(db, progress);
  const lines = new DonationLineStream(input.mapping.config, input.mapping.portalCode, master);
  const slices = table.slices();
  try {
    return await db.transaction(async (tx) => {
      const importId = await startImport(tx, input);
      const writer = new DonationBatchWriter(tx, { importId });
      let headerRead = table.header.length === 0;
      for (;;) {
        let next: IteratorResult<{ rows: string[][]; rowNumbers: number[] }>;
        try {
          next = await slices.next();
        } catch (error) {
          throw new NotLanded({ unreadable: unreadableMessage(error) });
        }
        if (next.done) break;
        if (!headerRead) {
          // The reader gives no row number for the heading line: the line before the first data line, as readMappingTable.
          lines.push([table.header], [(next.value.rowNumbers[0] ?? 2) - 1]);
          headerRead = true;
        }
        lines.push(next.value.rows, next.value.rowNumbers);
        const orders = lines.take();
        if (lines.errors.length === 0 && !lines.scattered) await writer.add(orders);
        await report(lines.rowCount);
      }
      if (!headerRead) lines.push([table.header], [1]);
      lines.finish();
      if (lines.scattered) throw new NotLanded("scattered");
      if (lines.errors.length > 0) throw new NotLanded({ errors: lines.errors, unknownValues: lines.unknownValues });
      await writer.add(lines.take());
      return land(tx, input, importId, lines.rowCount, await writer.finish());
    });
  } finally {
    await table.close();
  }
}

/**
 * The file's rows mapped to donations, the whole table at once (lines of one order may be anywhere). The table of
 * strings is dropped as soon as it is mapped, so that it is not kept while the donations are written.
 */
async function readAndMap(file: DonationFile, mapping: Mapping, master: MasterData): Promise<MappingResult | { unreadable: string }> {
  let table: MappingTable;
  try {
    table = await readMappingTable(file.name, file.mimeType, file.bytes);
  } catch (error) {
    return { unreadable: unreadableMessage(error) };
  }
  return mapDonationRows(table, mapping.config, mapping.portalCode, master);
}

async function importWhole(db: Db, input: ImportInput, master: MasterData): Promise<Landed> {
  const mapped = await readAndMap(input.file, input.mapping, master);
  if ("unreadable" in mapped) throw new NotLanded(mapped);
  if (!mapped.ok) throw new NotLanded(mapped);
  return db.transaction(async (tx) => {
    const importId = await startImport(tx, input);
    return land(tx, input, importId, mapped.rowCount, await upsertDonations(tx, mapped.donations, { importId }));
  });
}

async function importRows(db: Db, input: ImportInput, master: MasterData, progress: Progress): Promise<Landed> {
  let table: OpenTable;
  try {
    table = await openTable(tableFormat(input.file.name, input.file.mimeType), input.file.bytes);
  } catch (error) {
    throw new NotLanded({ unreadable: unreadableMessage(error) });
  }
  try {
    return await importStreaming(db, input, table, master, progress);
  } catch (error) {
    if (error instanceof NotLanded && error.reason === "scattered") return importWhole(db, input, master);
    throw error;
  }
}

export async function importDonationBytes(
  db: Db,
  data: { mappingId: string; file: DonationFile; actor: Actor },
  progress: Progress = noProgress,
): Promise<DonationImportResult> {
  const input: ImportInput = { mapping: await mappingDetail(db, data.mappingId), file: data.file, actor: data.actor };
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
  if (await repo.fileImported(db, input.mapping.portalCode, input.file.sha256)) return duplicate();

  await progress(0, null, "ファイルを読み込み、検証して台帳に反映しています");
  try {
    const landed = await importRows(db, input, await masterData(db), progress);
    await progress(landed.rowCount, landed.rowCount, "完了しました");
    const { importId, rowCount, created, updated, unchanged, summary } = landed;
    return { ok: true, duplicate: false, importId, rowCount, created, updated, unchanged, summary };
  } catch (error) {
    if (error instanceof NotLanded && error.reason !== "scattered") {
      const reason = error.reason;
      if ("unreadable" in reason) return rejected(db, input.file.name, [{ row: 1, message: reason.unreadable }], [], input.actor);
      return rejected(db, input.file.name, reason.errors, reason.unknownValues, input.actor);
    }
    // Another process took the same file first (PostgreSQL: the unique key; PGlite: serial anyway).
    const constraint = (error as { constraint?: string }).constraint;
    if (error instanceof DuplicateFile || constraint === "furusato_donation_imports_portal_code_file_sha256_key") return duplicate();
    throw error;
  }
}

export const donationImportJob = defineJob<DonationImportJobData>(DONATION_IMPORT_JOB, (data, context) =>
  importDonationFile(context.db, data, context.progress),
);
