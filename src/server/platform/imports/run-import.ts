// The tabular import job: read the stored upload (CSV in UTF-8 or Shift_JIS, or .xlsx), validate every row, and
// apply the file in one transaction together with its import key (the file's hash). Either every row lands or
// none does; the user gets a row-by-row report of what to fix.
import { importEntityType } from "../../../common/audit-labels";
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../audit/audit";
import { readFileRowInSlices, storeFile } from "../files/files";
import { registerJobHandler } from "../jobs/jobs";
import { errorReportFileName, writeImportErrorReport } from "../tabular/error-report";
import { TabularFormatError } from "../tabular/errors";
import type { ImportError } from "../tabular/import-rows";
import { validateRowsInTurns } from "../tabular/import-rows";
import { readTable, type TableReadResult, tableFormat } from "../tabular/read-table";
import { importKind } from "./registry";

export const TABULAR_IMPORT_JOB = "tabular.import";
const ERRORS_SHOWN = 200;

export interface ImportJobData {
  kind: string;
  fileId: string;
  actor: Actor;
}

export type ImportJobResult =
  | { ok: true; count: number; summary: string; duplicate: boolean }
  | { ok: false; errorCount: number; errors: ImportError[]; reportFileId: string };

async function rejected(db: Db, fileName: string, errors: ImportError[], actor: Actor): Promise<ImportJobResult> {
  const report = await storeFile(db, {
    name: errorReportFileName(fileName),
    mimeType: "text/csv; charset=utf-8",
    bytes: writeImportErrorReport(errors),
    createdBy: actor.userId,
    owner: { kind: "import", id: null, purpose: "import_report" },
  });
  return { ok: false, errorCount: errors.length, errors: errors.slice(0, ERRORS_SHOWN), reportFileId: report.id };
}

export async function runTabularImport(
  db: Db,
  data: ImportJobData,
  progress: (done: number, total?: number | null, message?: string) => Promise<void>,
  jobId: string | null,
): Promise<ImportJobResult> {
  const kind = importKind(data.kind);
  if (!kind) throw new Error(`unknown import kind ${data.kind}`);
  const file = await readFileRowInSlices(db, data.fileId);
  await progress(0, null, "ファイルを読み込んでいます");
  let table: TableReadResult;
  try {
    // In a worker thread: the server keeps answering while a large file is parsed.
    table = await readTable(tableFormat(file.name, file.mimeType), file.bytes);
  } catch (error) {
    // A file we refuse (unreadable, over a limit) is the user's to fix; anything else is ours and fails the job.
    if (!(error instanceof TabularFormatError)) throw error;
    return rejected(db, file.name, [{ row: 1, message: error.message }], data.actor);
  }
  await progress(0, table.rows.length, `${table.rows.length}行を検証しています`);
  const validated = await validateRowsInTurns(table, kind.spec);
  if (!validated.ok) return rejected(db, file.name, validated.errors, data.actor);
  await progress(0, table.rows.length, "取り込んでいます");

  // Progress is not written inside the transaction: PGlite has one connection, which the transaction holds.
  const outcome = await db
    .transaction(async (tx) => {
      const seen = await tx.query("SELECT 1 FROM tabular_imports WHERE kind = $1 AND file_sha256 = $2", [data.kind, file.sha256]);
      if (seen.rowCount > 0) return { duplicate: true as const };
      const rowNumbers = table.rows.map((_, i) => table.rowNumbers?.[i] ?? i + 2);
      const applied = await kind.apply(tx, validated.rows, data.actor, rowNumbers);
      if ("errors" in applied) throw new ApplyRejected(applied.errors);
      await tx.query(
        "INSERT INTO tabular_imports (kind, file_sha256, file_name, row_count, job_id, created_by) VALUES ($1, $2, $3, $4, $5, $6)",
        [data.kind, file.sha256, file.name, applied.count, jobId, data.actor.userId],
      );
      await recordAudit(tx, data.actor, {
        action: "import",
        entityType: importEntityType(data.kind),
        entityId: file.id,
        summary: `${kind.label}: ${applied.summary}（${file.name}）`,
        after: { rows: applied.count, sha256: file.sha256 },
      });
      return { duplicate: false as const, ...applied };
    })
    .catch((error: unknown) => {
      if (error instanceof ApplyRejected) return { rejectedErrors: error.errors };
      throw error;
    });
  if ("rejectedErrors" in outcome) return rejected(db, file.name, outcome.rejectedErrors, data.actor);
  await progress(table.rows.length, table.rows.length, "完了しました");
  if (outcome.duplicate)
    return { ok: true, count: 0, summary: "同じファイルは既に取り込まれています。変更はありません。", duplicate: true };
  return { ok: true, count: outcome.count, summary: outcome.summary, duplicate: false };
}

class ApplyRejected extends Error {
  constructor(readonly errors: ImportError[]) {
    super("import rejected");
  }
}

export function registerTabularImportJob(): void {
  registerJobHandler<ImportJobData>(TABULAR_IMPORT_JOB, (data, context) =>
    runTabularImport(context.db, data, context.progress, context.jobId),
  );
}
