// 全国比較（参考データ） as the routes call it: read-only answers for the module's staff (furusato.read; suppliers'
// logins are refused: the figures are public, but this screen is the city's own analysis), and the load of uploaded
// 総務省 files by administrators (a job; an operator may also run `yokogushi furusato reference load DIR`).
import * as api from "../../../../common/api/furusato-reference";
import type { Db } from "../../../db/database";
import type { Actor } from "../../../platform/audit/audit";
import { authorize, type Principal } from "../../../platform/auth/permissions";
import { ValidationError } from "../../../platform/errors";
import { checkTabularUpload, storeFile } from "../../../platform/files/files";
import { availableJobs } from "../../../platform/jobs/available";
import type { JobQueue } from "../../../platform/jobs/jobs";
import { staffAccessOf } from "../access";
import type { Upload } from "../gift-files";
import { REFERENCE_LOAD_JOB, type ReferenceLoadJobData } from "./load-job";
import { type CompareInput, compare, referenceBodies, referenceStatus } from "./reference";

const staffReader = (db: Db, user: Principal | null) => staffAccessOf(db, user, "全国比較は市の職員だけが閲覧できます。");

export async function getReferenceStatus(db: Db, user: Principal | null) {
  await staffReader(db, user);
  const status = await referenceStatus(db);
  return { ...status, loadedAt: status.loadedAt?.toISOString() ?? null, attribution: api.REFERENCE_ATTRIBUTION };
}

export async function listReferenceBodies(db: Db, user: Principal | null) {
  await staffReader(db, user);
  return { items: await referenceBodies(db) };
}

export async function compareReference(db: Db, user: Principal | null, query: CompareInput) {
  await staffReader(db, user);
  return compare(db, query);
}

/**
 * Stores the uploaded 現況調査 files (all of them or none) and starts the job that loads them. Administrators only
 * (the contract admits no one else; checked here again, as every service checks its caller).
 */
export async function startReferenceLoad(db: Db, jobs: JobQueue | null, user: Principal | null, actor: Actor, uploads: Upload[]) {
  authorize(user, "admin.manage");
  availableJobs(jobs);
  const none = "総務省 現況調査の Excel ファイル（.xlsx）を選んでください。";
  if (uploads.length === 0) throw new ValidationError(none, { file: none });
  if (uploads.length > api.REFERENCE_UPLOAD_MAX_FILES)
    throw new ValidationError(`一度に読み込めるのは${api.REFERENCE_UPLOAD_MAX_FILES}ファイルまでです。`);
  const fileIds = await db.transaction(async (tx) => {
    const ids: string[] = [];
    for (const upload of uploads) {
      const mimeType = checkTabularUpload(upload.name, upload.bytes);
      if (!upload.name.toLowerCase().endsWith(".xlsx"))
        throw new ValidationError(`${upload.name}: 総務省 現況調査の Excel ファイル（.xlsx）を選んでください。`, { file: none });
      const stored = await storeFile(tx, {
        name: upload.name,
        mimeType,
        bytes: upload.bytes,
        createdBy: user.id,
        owner: { kind: "import", id: null, purpose: "import_upload" },
      });
      ids.push(stored.id);
    }
    return ids;
  });
  const data: ReferenceLoadJobData = { fileIds, actor };
  return { jobId: await availableJobs(jobs).enqueue(REFERENCE_LOAD_JOB, data, user.id) };
}
