// HTTP handlers of the work that follows a donation: 出荷依頼, ワンストップ特例, 受領証明書, 保存期間.
// Each calls one service function (followup-service.ts, certificate-service.ts), which checks the caller. Donor data
// leaves only in answers to those who may read it; every /api answer carries Cache-Control: no-store (app.ts), and
// these handlers set it again where it matters.
import type { Context } from "hono";
import * as api from "../../../../common/api/furusato-followup";
import type { ApiRouter } from "../../../platform/http/router";
import type { AppDeps, AppEnv } from "../../../platform/http/types";
import * as certificates from "./certificate-service";
import * as followup from "./followup-service";

const personal = (c: Context<AppEnv>) => c.header("Cache-Control", "no-store");

export function registerFollowupRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  // ---------------------------------------------------------------- 出荷依頼

  router.on(api.listShipments, ({ query }, { user, c }) => {
    personal(c);
    return followup.listShipments(db, user, query);
  });
  router.on(api.shipmentBacklog, (_, { user }) => followup.shipmentBacklog(db, user));
  router.on(api.requestShipments, ({ body }, { user, actor }) => followup.requestShipments(db, user, actor, body));
  router.on(api.updateShipment, ({ params, body }, { user, actor, c }) => {
    personal(c);
    return followup.updateShipment(db, user, actor, params.id, body);
  });
  router.on(api.exportShipments, ({ query }, { user, actor, c }) => {
    personal(c);
    return followup.exportShipments(db, user, actor, query);
  });

  // ---------------------------------------------------------------- ワンストップ特例

  router.on(api.listOneStop, ({ query }, { user, actor, c }) => {
    personal(c);
    return followup.listOneStop(db, user, actor, query);
  });
  router.on(api.updateOneStop, ({ params, body }, { user, actor, c }) => {
    personal(c);
    return followup.updateOneStop(db, user, actor, params.id, body);
  });

  // ---------------------------------------------------------------- 受領証明書

  router.on(api.listCertificateCandidates, ({ query }, { user, actor, c }) => {
    personal(c);
    return certificates.listCertificateCandidates(db, user, actor, query);
  });
  router.on(api.startCertificateBatch, ({ body }, { user, actor }) => certificates.startCertificateBatch(db, deps.jobs, user, actor, body));
  router.on(api.listCertificateBatches, (_, { user }) => certificates.listCertificateBatches(db, user));
  router.on(api.downloadCertificateBatch, ({ params }, { user, actor, c }) => {
    personal(c);
    return certificates.downloadCertificateBatch(db, user, actor, params.id);
  });
  router.on(api.listCertificates, ({ query }, { user }) => certificates.listCertificates(db, user, query));
  router.on(api.reissueCertificate, ({ params }, { user, actor }) => certificates.reissueCertificate(db, user, actor, params.id));

  // ---------------------------------------------------------------- 保存期間 (system administrators)

  router.on(api.retentionStatus, (_, { user }) => followup.retentionStatus(db, user));
  router.on(api.runRetention, (_, { user, actor }) => followup.runRetention(db, deps.jobs, user, actor));
}
