// HTTP handlers of the furusato module's money side: dashboard, cost ledger and its manual entries, 現況調査 sheet.
// Staff only: a supplier's login is refused (403); reading needs furusato.read, writing the module's 担当者.

import * as api from "../../../../common/api/furusato-money";
import type { AuditEntityType } from "../../../../common/audit-labels";
import { todayInJapan } from "../../../../common/dates";
import type { Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import type { Principal } from "../../../platform/auth/permissions";
import { Forbidden } from "../../../platform/errors";
import type { ApiRouter } from "../../../platform/http/router";
import type { AppDeps } from "../../../platform/http/types";
import { accessOf, type FurusatoAccess, requireManager } from "../access";
import * as costs from "./costs";
import { dashboard, dashboardXlsx } from "./dashboard";
import { surveySheetXlsx } from "./survey-sheet";

/** The module's staff (any staff with furusato.read); suppliers' logins never see the money. */
async function staffAccess(db: Queryable, user: Principal | null): Promise<FurusatoAccess> {
  const access = await accessOf(db, user);
  if (access.supplier) throw new Forbidden("寄附と経費の集計は市の職員だけが閲覧できます。");
  return access;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

async function auditDownload(db: Queryable, actor: Actor, entityType: AuditEntityType, summary: string): Promise<void> {
  await recordAudit(db, actor, { action: "download", entityType, summary });
}

export function registerMoneyRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.getDashboard, async ({ query }, { user }) => {
    await staffAccess(db, user);
    return dashboard(db, query.fiscalYear, todayInJapan());
  });

  router.on(api.exportDashboard, async ({ query }, { user, actor }) => {
    await staffAccess(db, user);
    const file = await dashboardXlsx(db, query.fiscalYear, todayInJapan());
    await auditDownload(db, actor, "furusato_dashboard", `ダッシュボード「${file.name}」をダウンロード`);
    return { file: { name: file.name, mimeType: XLSX, body: file.bytes } };
  });

  router.on(api.exportSurveySheet, async ({ query }, { user, actor }) => {
    await staffAccess(db, user);
    const file = await surveySheetXlsx(db, query.fiscalYear, todayInJapan());
    await auditDownload(db, actor, "furusato_survey_sheet", `現況調査の回答表「${file.name}」をダウンロード`);
    return { file: { name: file.name, mimeType: XLSX, body: file.bytes } };
  });

  router.on(api.getCostLedger, async ({ query }, { user }) => {
    await staffAccess(db, user);
    return costs.costLedger(db, query.fiscalYear, todayInJapan());
  });

  router.on(api.listCostEntries, async ({ query }, { user }) => {
    await staffAccess(db, user);
    return { items: await costs.listCostEntries(db, query.fiscalYear) };
  });

  router.on(api.createCostEntry, async ({ body }, { user, actor }) => {
    requireManager(await staffAccess(db, user));
    return costs.createCostEntry(db, actor, body);
  });

  router.on(api.deleteCostEntry, async ({ params }, { user, actor }) => {
    requireManager(await staffAccess(db, user));
    await costs.deleteCostEntry(db, actor, params.id);
    return { ok: true as const };
  });

  router.on(api.exportCostEntries, async ({ query }, { user, actor }) => {
    await staffAccess(db, user);
    const file = await costs.costLedgerCsv(db, query.fiscalYear, todayInJapan());
    await auditDownload(db, actor, "furusato_cost_ledger", `経費台帳「${file.name}」をダウンロード`);
    return { file: { name: file.name, mimeType: "text/csv; charset=utf-8", body: file.bytes } };
  });
}
