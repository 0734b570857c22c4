// The kintone import as the bureau's clerk uses it (international.manager): the mapping kept per app, a preview of a
// file (nothing saved) and the import job (all-or-nothing, in one transaction; progress and the result through
// /api/jobs/:id). The uploaded file is stored first, so the job reads it on its own connection.
import type { KintoneAppName, KintoneImportResult, KintoneMappingBody } from "../../../common/api/international-kintone";
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { ValidationError } from "../../platform/errors";
import { readFileRow, storeFile } from "../../platform/files/files";
import { requireUpload, type Upload } from "../../platform/http/multipart";
import { availableJobs } from "../../platform/jobs/available";
import type { JobContext, JobQueue } from "../../platform/jobs/jobs";
import { TabularFormatError } from "../../platform/tabular/errors";
import { defineJob } from "../manifest";
import { managerAccessOf } from "./access";
import { IMPORT_TARGETS } from "./kintone/import-mapping";
import { ERRORS_SHOWN, ImportRefused, importExport, planImport, previewOf, targetsOf } from "./kintone-import";
import * as repo from "./kintone-import-repository";

export const KINTONE_IMPORT_JOB = "international.kintone.import";
const APP_LABELS: Record<KintoneAppName, string> = { projects: "国際関連事業", trips: "海外出張" };

export async function getKintoneMapping(db: Db, user: Principal | null, app: KintoneAppName) {
  await managerAccessOf(db, user);
  const saved = await repo.findMapping(db, app);
  return {
    targets: targetsOf(IMPORT_TARGETS[app]),
    mapping: (saved?.mapping as KintoneMappingBody | undefined) ?? null,
    updatedAt: saved?.updated_at ?? null,
  };
}

export async function saveKintoneMapping(db: Db, user: Principal | null, actor: Actor, app: KintoneAppName, mapping: KintoneMappingBody) {
  return db.transaction(async (tx) => {
    await managerAccessOf(tx, user);
    const saved = await repo.upsertMapping(tx, app, mapping, user?.id ?? null);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "international_kintone_mapping",
      entityId: null,
      summary: `kintone 取込の対応づけ（${APP_LABELS[app]}）を保存`,
      after: mapping,
    });
    return { targets: targetsOf(IMPORT_TARGETS[app]), mapping: saved.mapping as KintoneMappingBody, updatedAt: saved.updated_at };
  });
}

/** Only CSV: kintone writes its exports as CSV (an Excel file is not an export). */
function checkCsvUpload(upload: Upload): void {
  if (!/\.csv$/i.test(upload.name))
    throw new ValidationError("kintone から書き出した CSV ファイル（.csv）を選んでください。", { file: "CSV ファイルを選んでください。" });
}

function unreadable(error: unknown): never {
  if (error instanceof TabularFormatError) throw new ValidationError(error.message, { file: error.message });
  throw error;
}

export async function previewKintoneImport(db: Db, user: Principal | null, app: KintoneAppName, form: Upload | null) {
  await managerAccessOf(db, user);
  const upload = requireUpload(form);
  checkCsvUpload(upload);
  try {
    return previewOf(await planImport(db, app, upload.bytes));
  } catch (error) {
    unreadable(error);
  }
}

export async function startKintoneImport(
  db: Db,
  jobs: JobQueue | null,
  user: Principal | null,
  actor: Actor,
  app: KintoneAppName,
  form: Upload | null,
) {
  const fileId = await db.transaction(async (tx) => {
    await managerAccessOf(tx, user);
    availableJobs(jobs);
    const upload = requireUpload(form);
    checkCsvUpload(upload);
    const stored = await storeFile(tx, {
      name: upload.name,
      mimeType: "text/csv",
      bytes: upload.bytes,
      createdBy: user?.id ?? null,
      owner: { kind: "import", id: null, purpose: "import_upload" },
    });
    return stored.id;
  });
  const data: KintoneImportJobData = { app, fileId, actor };
  return { jobId: await availableJobs(jobs).enqueue(KINTONE_IMPORT_JOB, data, user?.id ?? null) };
}

export interface KintoneImportJobData {
  app: KintoneAppName;
  fileId: string;
  actor: Actor;
}

/** Imports an export with the app's saved mapping (or the one its header suggests): all of it, or nothing. */
export async function importKintoneBytes(
  db: Db,
  actor: Actor,
  app: KintoneAppName,
  bytes: Uint8Array,
  progress: JobContext["progress"] = async () => {},
): Promise<KintoneImportResult> {
  await progress(0, null, "ファイルを読み込み、検証しています");
  try {
    return await db.transaction(async (tx) => {
      // read and written as it goes (the number of records is known at the end)
      const applied = await importExport(tx, actor, app, bytes, (done) => progress(done, null, `${done}件を反映しました`));
      await recordAudit(tx, actor, {
        action: "import",
        entityType: app === "projects" ? "international_project" : "international_trip",
        entityId: null,
        summary: `kintone から${APP_LABELS[app]}を取込（${applied.records}件: 新規${applied.created}・更新${applied.updated}・変更なし${applied.unchanged}）`,
      });
      await progress(applied.records, applied.records, "完了しました");
      return { ok: true as const, app, ...applied };
    });
  } catch (error) {
    // a file with problems, or records the service refused: the transaction has rolled back, the rows are named
    if (error instanceof ImportRefused) return { ok: false, errorCount: error.errors.length, errors: error.errors.slice(0, ERRORS_SHOWN) };
    if (error instanceof TabularFormatError)
      return { ok: false, errorCount: 1, errors: [{ row: 1, column: null, message: error.message }] };
    throw error;
  }
}

export const kintoneImportJob = defineJob<KintoneImportJobData>(KINTONE_IMPORT_JOB, async (data, context) => {
  const file = await readFileRow(context.db, data.fileId);
  return importKintoneBytes(context.db, data.actor, data.app, file.bytes, context.progress);
});
