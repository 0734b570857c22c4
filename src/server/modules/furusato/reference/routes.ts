// HTTP handlers of 全国比較（参考データ）: read-only, for the module's staff (furusato.read). Suppliers' logins are
// refused: the figures are public, but this screen is the city's own analysis. Loading: administrators upload the
// 総務省 files (a job, startReferenceLoad) or an operator runs `yokogushi furusato reference load DIR`.
import * as api from "../../../../common/api/furusato-reference";
import type { Queryable } from "../../../db/database";
import type { Principal } from "../../../platform/auth/permissions";
import { AppError, Forbidden, ValidationError } from "../../../platform/errors";
import { checkTabularUpload, storeFile } from "../../../platform/files/files";
import type { ApiRouter } from "../../../platform/http/router";
import type { AppDeps } from "../../../platform/http/types";
import { accessOf } from "../access";
import { REFERENCE_LOAD_JOB, type ReferenceLoadJobData } from "./load-job";
import { compare, referenceBodies, referenceStatus } from "./reference";

async function requireStaffReader(db: Queryable, user: Principal | null): Promise<void> {
  const access = await accessOf(db, user);
  if (access.supplier) throw new Forbidden("全国比較は市の職員だけが閲覧できます。");
}

export function registerReferenceRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.referenceStatus, async (_, { user }) => {
    await requireStaffReader(db, user);
    const status = await referenceStatus(db);
    return { ...status, loadedAt: status.loadedAt?.toISOString() ?? null, attribution: api.REFERENCE_ATTRIBUTION };
  });

  router.on(api.referenceBodies, async (_, { user }) => {
    await requireStaffReader(db, user);
    return { items: await referenceBodies(db) };
  });

  router.on(api.referenceComparison, async ({ query }, { user }) => {
    await requireStaffReader(db, user);
    return compare(db, query);
  });

  router.on(api.startReferenceLoad, async (_, { user, actor, c }) => {
    if (!deps.jobs) throw new AppError(503, "jobs_unavailable", "ジョブ実行基盤が起動していません。");
    const form = await c.req.parseBody({ all: true });
    const uploads = [form.file].flat().filter((part): part is File => part instanceof File);
    const none = "総務省 現況調査の Excel ファイル（.xlsx）を選んでください。";
    if (uploads.length === 0) throw new ValidationError(none, { file: none });
    if (uploads.length > api.REFERENCE_UPLOAD_MAX_FILES)
      throw new ValidationError(`一度に読み込めるのは${api.REFERENCE_UPLOAD_MAX_FILES}ファイルまでです。`);
    const fileIds: string[] = [];
    for (const upload of uploads) {
      const bytes = new Uint8Array(await upload.arrayBuffer());
      const mimeType = checkTabularUpload(upload.name, bytes);
      if (!upload.name.toLowerCase().endsWith(".xlsx"))
        throw new ValidationError(`${upload.name}: 総務省 現況調査の Excel ファイル（.xlsx）を選んでください。`, { file: none });
      const stored = await storeFile(db, {
        name: upload.name,
        mimeType,
        bytes,
        createdBy: user?.id ?? null,
        owner: { kind: "import", id: null, purpose: "import_upload" },
      });
      fileIds.push(stored.id);
    }
    const data: ReferenceLoadJobData = { fileIds, actor };
    return { jobId: await deps.jobs.enqueue(REFERENCE_LOAD_JOB, data, user?.id ?? null) };
  });
}
