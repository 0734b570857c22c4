// 一括出力 as the routes call it: the managers' preview, the job that publishes, and the exports kept.
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound } from "../../platform/errors";
import { readFileFor } from "../../platform/files/owners";
import { availableJobs } from "../../platform/jobs/available";
import type { JobQueue } from "../../platform/jobs/jobs";
import { accessOf, requireManager } from "./access";
import { PUBLISH_JOB, previewPublish as planPublish } from "./publish";
import * as exportRepo from "./publish-repository";

/** What a publish would send now, per portal, without sending anything. */
export async function previewPublish(db: Db, user: Principal | null) {
  requireManager(await accessOf(db, user));
  return planPublish(db);
}

/** Publishing is long work: a job, whose id the page polls. */
export async function startPublish(db: Db, jobs: JobQueue | null, user: Principal | null, actor: Actor) {
  requireManager(await accessOf(db, user));
  return { jobId: await availableJobs(jobs).enqueue(PUBLISH_JOB, { actor }, actor.userId) };
}

export async function listExports(db: Db, user: Principal | null) {
  requireManager(await accessOf(db, user));
  const rows = await exportRepo.findExports(db);
  return {
    items: rows.map((row) => ({
      id: row.id,
      fileId: row.file_id,
      rowCount: row.row_count,
      fieldsSaved: row.fields_saved,
      heldCount: row.held_count,
      createdAt: row.created_at.toISOString(),
      createdBy: row.created_by_label ?? "",
      portals: row.diff.portals.map((d) => ({
        portalCode: d.portalCode,
        portalName: d.portalName,
        added: d.added.length,
        changed: d.changed.length,
        stopped: d.stopped.length,
        fieldEditsAvoided: d.fieldEditsAvoided,
      })),
    })),
  };
}

/**
 * One export's zip, and the audit row of its download. No transaction: the file streams out after this returns, so
 * it is read through the database handle (a transaction's would be closed by then).
 */
export async function downloadExport(db: Db, user: Principal | null, actor: Actor, id: string) {
  requireManager(await accessOf(db, user));
  const fileId = await exportRepo.findExportFileId(db, id);
  if (!fileId) throw new NotFound("出力");
  const file = await readFileFor(db, user, fileId, { kind: "furusato.export", ownerId: id }, "出力");
  await recordAudit(db, actor, {
    action: "download",
    entityType: "furusato_export",
    entityId: id,
    summary: `一括出力「${file.name}」をダウンロード`,
  });
  return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
}
