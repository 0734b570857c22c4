// HTTP handlers of the platform: health, authentication, administration, audit, search, jobs.

import type { Context } from "hono";
import { deleteCookie, setCookie } from "hono/cookie";
import * as api from "../../common/api/platform";
import { auditActionLabel, auditEntityLabel } from "../../common/audit-labels";
import { formatWareki, todayInJapan } from "../../common/dates";
import { pingDatabase } from "../db/database";
import { APP_VERSION } from "../version";
import * as organisations from "./admin/organisations";
import * as users from "./admin/users";
import { recordAudit } from "./audit/audit";
import { auditActors, auditForExport, searchAudit } from "./audit/query";
import { moduleAudiencesOf } from "./auth/audiences";
import { authorize, can, type Principal } from "./auth/permissions";
import * as auth from "./auth/service";
import { deleteSession, listUserSessions } from "./auth/sessions";
import { Forbidden, NotFound, ValidationError } from "./errors";
import { checkTabularUpload, storeFile } from "./files/files";
import { readFileFor } from "./files/owners";
import type { ApiRouter } from "./http/router";
import { sessionCookieName } from "./http/security";
import { sharedPing } from "./http/shared-ping";
import type { AppDeps, AppEnv } from "./http/types";
import { importKind, importKinds } from "./imports/registry";
import { type ImportJobData, TABULAR_IMPORT_JOB } from "./imports/run-import";
import { availableJobs } from "./jobs/available";
import { getJobRun } from "./jobs/jobs";
import { registerMeetingRoutes } from "./meetings/routes";
import { REINDEX_JOB } from "./search/reindex";
import { searchRecords } from "./search/search";
import { writeCsv } from "./tabular/csv-write";
import { writeXlsx } from "./tabular/xlsx-write";

export function registerPlatformRoutes(router: ApiRouter, deps: AppDeps): void {
  const timeouts = { idleMinutes: deps.config.sessionIdleMinutes, absoluteHours: deps.config.sessionAbsoluteHours };
  const cookieName = sessionCookieName(deps.config);
  const startSession = (c: Context<AppEnv>, token: string) =>
    setCookie(c, cookieName, token, {
      path: "/",
      httpOnly: true,
      sameSite: "Lax",
      secure: deps.config.secureCookies,
      maxAge: deps.config.sessionAbsoluteHours * 3600,
    });

  const ping = sharedPing(() => pingDatabase(deps.db));
  router.on(api.health, async () => {
    await ping();
    return { status: "ok" as const, database: deps.db.kind, version: APP_VERSION };
  });

  const audiencesOf = (user: Principal | null) => (user ? moduleAudiencesOf(deps.db, user) : Promise.resolve([]));

  router.on(api.getSession, async (_, { user, c }) => ({
    user,
    audiences: await audiencesOf(user),
    csrfToken: c.get("csrfToken"),
    setupRequired: !(await auth.adminExists(deps.db)),
  }));

  router.on(api.login, async ({ body }, { c, clientAddress, requestId }) => {
    const previous = c.get("sessionToken");
    const result = await auth.login(deps.db, { ...body, clientAddress, userAgent: c.req.header("user-agent"), requestId }, timeouts);
    // A sign-in replaces the session this browser had (ASVS 7.2.4): the old token stops working at once.
    if (previous) await deleteSession(deps.db, previous);
    startSession(c, result.token);
    return { user: result.user, audiences: await audiencesOf(result.user), csrfToken: result.csrfToken, setupRequired: false };
  });

  router.on(api.logout, async (_, { c, actor, user }) => {
    const token = c.get("sessionToken");
    if (token) await deleteSession(deps.db, token);
    deleteCookie(c, cookieName, { path: "/", secure: deps.config.secureCookies });
    if (user) {
      await recordAudit(deps.db, actor, { action: "logout", entityType: "user", entityId: user.id, summary: "ログアウト" });
    }
    return { ok: true as const };
  });

  router.on(api.setupStatus, async ({ query }) => {
    // The organisations are shown only to the holder of a valid link (the form's 所属 choice).
    if (!(await auth.setupTokenValid(deps.db, query.token))) return { valid: false, organisations: [], defaultOrganisationId: null };
    const organisations = await auth.cityOrganisations(deps.db);
    return { valid: true, organisations, defaultOrganisationId: auth.defaultSetupOrganisation(organisations) };
  });

  router.on(api.completeSetup, async ({ body }, { c, clientAddress, requestId }) => {
    const result = await auth.completeSetup(
      deps.db,
      { ...body, clientAddress, userAgent: c.req.header("user-agent"), requestId },
      timeouts,
    );
    startSession(c, result.token);
    return { user: result.user, audiences: await audiencesOf(result.user), csrfToken: result.csrfToken, setupRequired: false };
  });

  router.on(api.changePassword, async ({ body }, { c, user, clientAddress, requestId }) => {
    if (!user) throw new Forbidden();
    const origin = { clientAddress, userAgent: c.req.header("user-agent") };
    const result = await auth.changeOwnPassword(deps.db, user, { ...body, ...origin, requestId }, timeouts);
    startSession(c, result.token);
    return { user: result.user, audiences: await audiencesOf(result.user), csrfToken: result.csrfToken, setupRequired: false };
  });

  // ログイン中の端末: a user sees their own sessions and ends the others (never another user's).
  router.on(api.listOwnSessions, async (_, { c, user }) => {
    if (!user) throw new Forbidden();
    return { items: await listUserSessions(deps.db, user.id, c.get("sessionToken"), timeouts) };
  });

  router.on(api.endOwnSession, async ({ params }, { c, user, actor }) => {
    if (!user) throw new Forbidden();
    await auth.endOwnSession(deps.db, user, actor, c.get("sessionToken"), params.id);
    return { ok: true as const };
  });

  router.on(api.endOtherSessions, async (_, { c, user, actor }) => {
    if (!user) throw new Forbidden();
    return { ended: await auth.endOtherSessions(deps.db, user, actor, c.get("sessionToken")) };
  });

  // ---------------------------------------------------------------- organisations and users

  router.on(api.listOrganisations, async (_, { user }) => {
    authorize(user, "staff.read");
    return { items: await organisations.listOrganisations(deps.db) };
  });

  router.on(api.createOrganisation, async ({ body }, { user, actor }) => {
    authorize(user, "admin.manage");
    return organisations.addOrganisation(deps.db, actor, { ...body, parentId: body.parentId });
  });

  router.on(api.updateOrganisation, async ({ params, body }, { user, actor }) => {
    authorize(user, "admin.manage");
    return organisations.updateOrganisation(deps.db, actor, params.id, body);
  });

  router.on(api.listUsers, async ({ query }, { user }) => {
    authorize(user, "admin.manage");
    return users.listUsers(deps.db, query);
  });

  router.on(api.createUser, async ({ body }, { user, actor }) => {
    authorize(user, "admin.manage");
    return users.createUser(deps.db, actor, body);
  });

  router.on(api.updateUser, async ({ params, body }, { user, actor }) => {
    authorize(user, "admin.manage");
    return users.updateUser(deps.db, actor, params.id, body);
  });

  router.on(api.resetUserPassword, async ({ params, body }, { user, actor }) => {
    authorize(user, "admin.manage");
    await users.resetPassword(deps.db, actor, params.id, body.password);
    return { ok: true as const };
  });

  router.on(api.unlockUser, async ({ params }, { user, actor }) => {
    authorize(user, "admin.manage");
    return users.unlockUser(deps.db, actor, params.id);
  });

  // ---------------------------------------------------------------- audit

  router.on(api.listAudit, async ({ query }, { user }) => {
    authorize(user, "audit.read");
    const { page, pageSize, ...filter } = query;
    return searchAudit(deps.db, filter, page, pageSize);
  });

  router.on(api.listAuditActors, async (_, { user }) => {
    authorize(user, "audit.read");
    return { items: await auditActors(deps.db) };
  });

  router.on(api.exportAudit, async ({ query }, { user, actor }) => {
    authorize(user, "audit.read");
    const { format, ...filter } = query;
    const entries = await auditForExport(deps.db, filter);
    const header = [
      "日時",
      "日時(和暦)",
      "操作者",
      "操作",
      "対象の種類",
      "対象",
      "対象ID",
      "内容",
      "操作コード",
      "種類コード",
      "リクエストID",
    ];
    const rows = entries.map((e) => [
      e.occurredAt,
      formatWareki(e.occurredAt.slice(0, 10)),
      e.actorName,
      auditActionLabel(e.action),
      auditEntityLabel(e.entityType),
      e.entityName ?? "",
      e.entityId ?? "",
      e.summary,
      e.action,
      e.entityType,
      e.requestId ?? "",
    ]);
    await recordAudit(deps.db, actor, {
      action: "export",
      entityType: "audit_log",
      summary: `監査ログを出力（${entries.length}件, ${format}）`,
      after: filter,
    });
    const stamp = todayInJapan(); // named for the day in Japan, not in UTC
    if (format === "xlsx") {
      const body = await writeXlsx([{ name: "監査ログ", header, rows }]);
      return {
        file: { name: `監査ログ_${stamp}.xlsx`, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", body },
      };
    }
    const { bytes } = writeCsv(header, rows, { encoding: "utf-8-bom" });
    return { file: { name: `監査ログ_${stamp}.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
  });

  // ---------------------------------------------------------------- search and jobs

  router.on(api.search, async ({ query }, { user }) => {
    if (!user) throw new Forbidden();
    return searchRecords(deps.db, { ...query, includeStaff: can(user, "staff.read"), reader: user });
  });

  router.on(api.startReindex, async (_, { user }) => {
    authorize(user, "admin.manage");
    return { jobId: await availableJobs(deps.jobs).enqueue(REINDEX_JOB, {}, user.id) };
  });

  // ---------------------------------------------------------------- tabular imports and files

  router.on(api.listImportKinds, async (_, { user }) => ({
    items: importKinds()
      .filter((kind) => can(user, kind.permission))
      .map((kind) => ({
        kind: kind.kind,
        label: kind.label,
        columns: kind.spec.columns.map((c) => ({ label: c.label, required: c.required ?? false })),
      })),
  }));

  const permittedKind = (user: Principal | null, name: string) => {
    const kind = importKind(name);
    if (!kind) throw new NotFound("取り込みの種類");
    authorize(user, kind.permission);
    return kind;
  };

  router.on(api.importTemplate, async ({ params }, { user }) => {
    const kind = permittedKind(user, params.kind);
    const { bytes } = writeCsv(
      kind.spec.columns.map((c) => c.label),
      [],
      { encoding: "utf-8-bom" },
    );
    return { file: { name: `${kind.label}_ひな形.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
  });

  router.on(api.startImport, async ({ params }, { user, actor, c }) => {
    const kind = permittedKind(user, params.kind);
    const jobs = availableJobs(deps.jobs);
    const form = await c.req.parseBody();
    const upload = form.file;
    if (!(upload instanceof File)) throw new ValidationError("ファイルを選んでください。", { file: "ファイルを選んでください。" });
    const bytes = new Uint8Array(await upload.arrayBuffer());
    const mimeType = checkTabularUpload(upload.name, bytes);
    const stored = await storeFile(deps.db, {
      name: upload.name,
      mimeType,
      bytes,
      createdBy: user!.id,
      owner: { kind: "import", id: null, purpose: "import_upload" },
    });
    const data: ImportJobData = { kind: kind.kind, fileId: stored.id, actor };
    return { jobId: await jobs.enqueue(TABULAR_IMPORT_JOB, data, user!.id) };
  });

  router.on(api.downloadFile, async ({ params }, { user, actor }) => {
    // Whatever the file, its owner's rule decides (an import's files: whoever started it, and administrators).
    const file = await readFileFor(deps.db, user, params.id, null);
    await recordAudit(deps.db, actor, {
      action: "download",
      entityType: "file",
      entityId: file.id,
      summary: `ファイル「${file.name}」をダウンロード`,
    });
    return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
  });

  // 会議とフォローアップ (/api/meetings): one kind of meeting for every partner, owned by the modules' records
  registerMeetingRoutes(router, deps);

  router.on(api.getJob, async ({ params }, { user }) => {
    const job = await getJobRun(deps.db, params.id);
    if (!user || (job.createdBy !== user.id && user.role !== "admin")) throw new Forbidden("このジョブを閲覧する権限がありません。");
    const { createdBy: _, ...run } = job;
    return run;
  });
}
