// HTTP handlers of the work that follows a donation: 出荷依頼, ワンストップ特例, 受領証明書, 保存期間.
// Parse (contracts), check access, call the service. Donor data leaves only in answers to those who may read it;
// every /api answer carries Cache-Control: no-store (app.ts), and these handlers set it again where it matters.
import type { Context } from "hono";
import * as api from "../../../../common/api/furusato-followup";
import { todayInJapan } from "../../../../common/dates";
import { AppError, Forbidden } from "../../../platform/errors";
import type { ApiRouter } from "../../../platform/http/router";
import type { AppDeps, AppEnv } from "../../../platform/http/types";
import { accessOf, requireManager, revealDonorNames } from "../access";
import * as certificates from "./certificates";
import * as oneStop from "./one-stop";
import { RETENTION_JOB, retentionStatus } from "./retention";
import * as shipments from "./shipments";

const personal = (c: Context<AppEnv>) => c.header("Cache-Control", "no-store");

export function registerFollowupRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  const jobs = () => {
    if (!deps.jobs) throw new AppError(503, "jobs_unavailable", "ジョブ実行基盤が起動していません。");
    return deps.jobs;
  };

  // ---------------------------------------------------------------- 出荷依頼

  router.on(api.listShipments, async ({ query }, { user, c }) => {
    const access = await accessOf(db, user);
    personal(c);
    return shipments.listShipments(db, access, query, todayInJapan());
  });

  router.on(api.shipmentBacklog, async (_, { user }) => {
    const access = await accessOf(db, user);
    if (access.supplier) throw new Forbidden("事業者ごとの集計は市の職員だけが閲覧できます。");
    const today = todayInJapan();
    return { today, leadDays: await shipments.shippingLeadDays(db), items: await shipments.shipmentBacklog(db, today) };
  });

  router.on(api.requestShipments, async ({ body }, { user, actor }) => {
    requireManager(await accessOf(db, user));
    return shipments.requestShipments(db, actor, body, todayInJapan());
  });

  router.on(api.updateShipment, async ({ params, body }, { user, actor, c }) => {
    const access = await accessOf(db, user);
    personal(c);
    return shipments.updateShipment(db, access, actor, params.id, body, todayInJapan());
  });

  router.on(api.exportShipments, async ({ query }, { user, actor, c }) => {
    const access = await accessOf(db, user);
    personal(c);
    return { file: await shipments.exportShipmentsCsv(db, access, actor, query, todayInJapan()) };
  });

  // ---------------------------------------------------------------- ワンストップ特例

  router.on(api.listOneStop, async ({ query }, { user, actor, c }) => {
    const access = await accessOf(db, user);
    const { reveal, ...filter } = query;
    if (reveal === "true") requireManager(access);
    personal(c);
    const list = await oneStop.listOneStop(db, access, { ...filter, revealed: reveal === "true" }, todayInJapan());
    const what = "ワンストップ特例申請の一覧で寄附者名を表示";
    const revealed = await revealDonorNames(db, access, actor, reveal === "true", what, list.items.length);
    return { ...list, canReveal: access.manager, revealed };
  });

  router.on(api.updateOneStop, async ({ params, body }, { user, actor, c }) => {
    const access = await accessOf(db, user);
    personal(c);
    return oneStop.updateOneStop(db, access, actor, params.id, body, todayInJapan());
  });

  // ---------------------------------------------------------------- 受領証明書

  router.on(api.listCertificateCandidates, async ({ query }, { user, actor, c }) => {
    const access = await accessOf(db, user);
    if (query.reveal === "true") requireManager(access);
    personal(c);
    const list = await certificates.listCertificateCandidates(db, access, {
      from: query.from ?? null,
      to: query.to ?? null,
      portalCode: query.portalCode ?? null,
      page: query.page,
      pageSize: query.pageSize,
      revealed: query.reveal === "true",
    });
    const what = "受領証明書の発行待ち一覧で寄附者名を表示";
    const revealed = await revealDonorNames(db, access, actor, query.reveal === "true", what, list.items.length);
    return { ...list, canReveal: access.manager, revealed };
  });

  router.on(api.startCertificateBatch, async ({ body }, { user, actor }) => {
    requireManager(await accessOf(db, user));
    certificates.checkCertificateFilter(body);
    return { jobId: await jobs().enqueue(certificates.CERTIFICATE_JOB, { actor, filter: body }, actor.userId) };
  });

  router.on(api.listCertificateBatches, async (_, { user }) => {
    requireManager(await accessOf(db, user));
    return { items: await certificates.listBatches(db) };
  });

  router.on(api.downloadCertificateBatch, async ({ params }, { user, actor, c }) => {
    const access = await accessOf(db, user);
    personal(c);
    return { file: await certificates.downloadBatch(db, access, actor, params.id) };
  });

  router.on(api.listCertificates, async ({ query }, { user }) => {
    requireManager(await accessOf(db, user));
    return certificates.listCertificates(db, query);
  });

  router.on(api.reissueCertificate, async ({ params }, { user, actor }) => {
    requireManager(await accessOf(db, user));
    return certificates.reissueCertificate(db, actor, params.id);
  });

  // ---------------------------------------------------------------- 保存期間 (system administrators)

  const requireAdmin = async (user: Parameters<typeof accessOf>[1]) => {
    const access = await accessOf(db, user);
    if (access.user.role !== "admin") throw new Forbidden("寄附者情報の匿名化はシステム管理者だけが行えます。");
  };

  router.on(api.retentionStatus, async (_, { user }) => {
    await requireAdmin(user);
    return retentionStatus(db);
  });

  router.on(api.runRetention, async (_, { user, actor }) => {
    await requireAdmin(user);
    return { jobId: await jobs().enqueue(RETENTION_JOB, { actor }, actor.userId) };
  });
}

/** Job kinds of the follow-up work (one line in modules/index.ts). */
