// 取込: a 市町's open-data file into the hub. The upload is checked (size, type), stored, and imported by a job
// (progress at /api/jobs/:id): the pipeline reads it (off the HTTP thread when large), then ONE transaction writes
// the import's row, the new and changed items (upserted by 市町, dataset and the publisher's ID; a published item
// stays published) and every held row, with the audit row — all of it, or nothing. A 市町 editor imports for their
// own 市町 only; rows naming another 市町's code are held, never imported.
import type { ImportFormFields, ImportJobResult } from "../../../common/api/region-curation";
import { importFormFields } from "../../../common/api/region-curation";
import { DATASETS, type DatasetKey } from "../../../common/region/datasets";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { AppError, NotFound, ValidationError } from "../../platform/errors";
import { checkTabularUpload, readFileRow, storeFile } from "../../platform/files/files";
import { requireUpload, type Upload } from "../../platform/http/multipart";
import { validationErrorOf } from "../../platform/http/router";
import { availableJobs } from "../../platform/jobs/available";
import type { JobContext, JobQueue } from "../../platform/jobs/jobs";
import { TabularFormatError } from "../../platform/tabular/errors";
import { defineJob } from "../manifest";
import { readScope, requireEditor, requireReader } from "./curation-access";
import { planImport } from "./import-plan";
import { readOpenDataFile } from "./import-read";
import * as imports from "./import-repository";
import { findMunicipalityName } from "./item-repository";
import type { OpenDataReadResult } from "./opendata/types";

export const REGION_IMPORT_JOB = "region.opendata.import";
const IMPORT = "取込";
/** rows written per statement (on the embedded database a statement runs on the server's thread: kept short) */
const BATCH = 250;
/** held rows an import's page lists (the 保留行 list pages through all of them) */
const PROBLEM_ROWS_SHOWN = 500;
/** notices (header problems, repairs) the result lists */
const NOTICES_SHOWN = 50;

export interface ImportJobData {
  fileId: string;
  fileName: string;
  municipalityCode: string;
  dataset: DatasetKey;
  actor: Actor;
}

/** The form's text parts, checked like a contract's body (the file comes separately). */
function formFields(form: Record<string, unknown>): ImportFormFields {
  const parsed = importFormFields.safeParse({ municipalityCode: form.municipalityCode, dataset: form.dataset });
  if (!parsed.success) throw validationErrorOf(parsed.error);
  return parsed.data;
}

/** CSV or TSV text only: the 自治体標準オープンデータセット are published as CSV (an Excel workbook is not read here). */
function checkOpenDataUpload(upload: Upload): string {
  if (/\.xlsx$/i.test(upload.name))
    throw new ValidationError("オープンデータの CSV（.csv）か、Excel で保存したタブ区切りテキスト（.tsv / .txt）を選んでください。", {
      file: "CSV ファイルを選んでください。",
    });
  try {
    return checkTabularUpload(upload.name, upload.bytes);
  } catch (error) {
    if (error instanceof AppError && error.status === 400) throw new ValidationError(error.message, { file: error.message });
    throw error;
  }
}

export async function startImport(
  db: Db,
  jobs: JobQueue | null,
  user: Principal | null,
  actor: Actor,
  form: { file: Upload | null; fields: Record<string, unknown> },
): Promise<{ jobId: string }> {
  const data = await db.transaction(async (tx): Promise<ImportJobData> => {
    const { municipalityCode, dataset } = formFields(form.fields);
    await requireEditor(tx, user, municipalityCode, "市町");
    if (!(await findMunicipalityName(tx, municipalityCode))) throw new NotFound("市町");
    availableJobs(jobs);
    const upload = requireUpload(form.file);
    const mimeType = checkOpenDataUpload(upload);
    const stored = await storeFile(tx, {
      name: upload.name,
      mimeType,
      bytes: upload.bytes,
      createdBy: user?.id ?? null,
      owner: { kind: "import", id: null, purpose: "import_upload" },
    });
    return { fileId: stored.id, fileName: upload.name, municipalityCode, dataset, actor };
  });
  return { jobId: await availableJobs(jobs).enqueue(REGION_IMPORT_JOB, data, user?.id ?? null) };
}

export interface ImportInput {
  municipalityCode: string;
  dataset: DatasetKey;
  fileName: string;
  fileId: string | null;
  bytes: Uint8Array;
  isSample?: boolean;
}

export interface ImportHooks {
  /** progress for the UI, written outside the import's transaction */
  progress?: JobContext["progress"];
  /** called inside the transaction after each batch written: `done` of `total` rows (a throw rolls everything back) */
  onBatch?: JobContext["progress"];
}

/**
 * Reads a file and applies it in one transaction. A file the pipeline refuses (not a CSV, no header, …) changes
 * nothing and comes back as { ok: false, message }.
 */
export async function importOpenData(db: Db, actor: Actor, input: ImportInput, hooks: ImportHooks = {}): Promise<ImportJobResult> {
  const progress = hooks.progress ?? (async () => {});
  await progress(0, null, "ファイルを読み取っています");
  let read: OpenDataReadResult;
  try {
    read = await readOpenDataFile(input.bytes, { fileName: input.fileName, dataset: input.dataset });
  } catch (error) {
    if (error instanceof TabularFormatError) return { ok: false, message: error.message };
    throw error;
  }
  if (read.dataset !== input.dataset)
    return {
      ok: false,
      message: `このファイルは${DATASETS[read.dataset].label}として読まれました。取り込むデータセット（${DATASETS[input.dataset].label}）を確かめてください。`,
    };
  const rows = read.items.length + read.problemRows.length;
  await progress(0, rows, `${rows.toLocaleString("ja-JP")} 行を反映しています`);
  const result = await db.transaction((tx) => applyImport(tx, actor, input, read, hooks.onBatch ?? (async () => {})));
  await progress(rows, rows, "完了しました");
  return result;
}

async function applyImport(
  tx: Queryable,
  actor: Actor,
  input: ImportInput,
  read: OpenDataReadResult,
  onBatch: JobContext["progress"],
): Promise<ImportJobResult> {
  const name = await findMunicipalityName(tx, input.municipalityCode);
  if (!name) throw new NotFound("市町");
  const importId = await imports.insertImport(tx, {
    municipalityCode: input.municipalityCode,
    dataset: input.dataset,
    fileId: input.fileId,
    fileName: input.fileName,
    encoding: read.encoding,
    headerGeneration: read.headerGeneration,
    skipped: read.skipped,
    userId: actor.userId,
    isSample: input.isSample ?? false,
  });
  const existing = await imports.findExistingItems(tx, input.municipalityCode, input.dataset);
  const plan = await planImport(read, { code: input.municipalityCode, name, dataset: input.dataset }, existing);
  const total = plan.creates.length + plan.updates.length + plan.held.length;
  let done = 0;
  const step = async (count: number) => {
    done += count;
    await onBatch(done, total, `${done.toLocaleString("ja-JP")} / ${total.toLocaleString("ja-JP")} 行を反映しました`);
  };
  const context = {
    municipalityCode: input.municipalityCode,
    dataset: input.dataset,
    importId,
    userId: actor.userId,
    isSample: input.isSample ?? false,
  };
  for (let at = 0; at < plan.creates.length; at += BATCH) {
    const batch = plan.creates.slice(at, at + BATCH);
    await imports.insertItems(tx, context, batch);
    await step(batch.length);
  }
  for (let at = 0; at < plan.updates.length; at += BATCH) {
    const batch = plan.updates.slice(at, at + BATCH);
    await imports.updateItems(tx, context, batch);
    await step(batch.length);
  }
  for (let at = 0; at < plan.held.length; at += BATCH) {
    const batch = plan.held.slice(at, at + BATCH);
    await imports.insertProblems(tx, context, batch);
    await step(batch.length);
  }
  const counts = {
    rowsRead: plan.rowsRead,
    created: plan.creates.length,
    updated: plan.updates.length,
    unchanged: plan.unchanged,
    problems: plan.held.length,
  };
  await imports.finishImport(tx, importId, counts);
  await recordAudit(tx, actor, {
    action: "import",
    entityType: "region_import",
    entityId: importId,
    summary: `${name}の${DATASETS[input.dataset].label}を取込（${input.fileName}: 新規${counts.created}・更新${counts.updated}・変更なし${counts.unchanged}・保留${counts.problems}・読み飛ばし${read.skipped.length}）`,
    after: { ...counts, skipped: read.skipped.length, encoding: read.encoding, headerGeneration: read.headerGeneration },
  });
  const notices = noticesOf(read);
  return {
    ok: true,
    importId,
    encoding: read.encoding,
    headerGeneration: read.headerGeneration,
    rowsRead: counts.rowsRead,
    created: counts.created,
    updated: counts.updated,
    unchanged: counts.unchanged,
    problems: counts.problems,
    skipped: read.skipped.length,
    notices: notices.slice(0, NOTICES_SHOWN),
    noticeCount: notices.length,
  };
}

/** The header's problems and the repairs the pipeline made, each said once with the rows it concerns. */
function noticesOf(read: OpenDataReadResult): string[] {
  const header = read.headerProblems.map((p) => `見出し（${p.row}行目）: ${p.message}`);
  const rowsOf = new Map<string, number[]>();
  for (const item of read.items) for (const note of item.notes) rowsOf.set(note, [...(rowsOf.get(note) ?? []), item.rowNumber]);
  const repairs = [...rowsOf].map(([note, rows]) =>
    rows.length > 3 ? `${note}（${rows.slice(0, 3).join("・")}行目ほか、計${rows.length}行）` : `${note}（${rows.join("・")}行目）`,
  );
  return [...header, ...repairs];
}

export const regionImportJob = defineJob<ImportJobData>(REGION_IMPORT_JOB, async (data, context) => {
  const file = await readFileRow(context.db, data.fileId);
  return importOpenData(
    context.db,
    data.actor,
    { municipalityCode: data.municipalityCode, dataset: data.dataset, fileName: data.fileName, fileId: data.fileId, bytes: file.bytes },
    // PGlite has one connection, which the import's transaction holds: its progress is written only around it
    { progress: context.progress, onBatch: context.db.kind === "postgres" ? context.progress : undefined },
  );
});

// ------------------------------------------------------------------ history

function toSummary(row: imports.ImportRow) {
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    dataset: row.dataset,
    fileName: row.file_name,
    encoding: row.encoding,
    headerGeneration: row.header_generation,
    rowsRead: row.rows_read,
    createdCount: row.created_count,
    updatedCount: row.updated_count,
    unchangedCount: row.unchanged_count,
    problemCount: row.problem_count,
    skippedCount: row.skipped.length,
    createdByName: row.created_by_name,
    createdAt: new Date(row.created_at).toISOString(),
    isSample: row.is_sample,
  };
}

export async function listImports(
  db: Db,
  user: Principal | null,
  query: { page: number; pageSize: number; municipalityCode?: string; dataset?: DatasetKey },
) {
  const scope = await readScope(db, user);
  const { rows, total } = await imports.findImports(db, scope, {
    municipalityCode: query.municipalityCode,
    dataset: query.dataset,
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return { items: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
}

export async function getImport(db: Db, user: Principal | null, id: string) {
  const row = await imports.findImport(db, id);
  if (!row) throw new NotFound(IMPORT);
  await requireReader(db, user, row.municipality_code, IMPORT);
  const problems = await imports.findImportProblems(db, id, PROBLEM_ROWS_SHOWN);
  return {
    ...toSummary(row),
    skipped: row.skipped,
    problemRows: problems.map((p) => ({
      id: p.id,
      rowNumber: p.row_number,
      sourceId: p.source_id,
      name: rowName(row.dataset, p.fields),
      status: p.status,
      problems: p.problems,
    })),
  };
}

/** A held row's name as far as it was read (the dataset's name column), for lists. */
export function rowName(dataset: DatasetKey, fields: Record<string, string>): string {
  const column = DATASETS[dataset].columns.find((c) => c.item === "name");
  return (column && fields[column.name]) || "";
}
