// The money side as the routes call it: dashboard, cost ledger and its manual entries, 現況調査 sheet. Staff only: a
// supplier's login is refused (403); reading needs furusato.read, writing the module's 担当者 (checked inside the
// write's transaction). Every download is audited.
import type { CostEntry } from "../../../../common/api/furusato-money";
import type { AuditEntityType } from "../../../../common/audit-labels";
import { todayInJapan } from "../../../../common/dates";
import type { Db, Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import type { Principal } from "../../../platform/auth/permissions";
import { requireManager, staffAccessOf } from "../access";
import * as costs from "./costs";
import { dashboard, dashboardXlsx } from "./dashboard";
import { surveySheetXlsx } from "./survey-sheet";

const MONEY_IS_STAFF_ONLY = "寄附と経費の集計は市の職員だけが閲覧できます。";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const moneyAccess = (db: Queryable, user: Principal | null) => staffAccessOf(db, user, MONEY_IS_STAFF_ONLY);

async function auditDownload(db: Queryable, actor: Actor, entityType: AuditEntityType, summary: string): Promise<void> {
  await recordAudit(db, actor, { action: "download", entityType, summary });
}

export async function getDashboard(db: Db, user: Principal | null, query: { fiscalYear: number }) {
  await moneyAccess(db, user);
  return dashboard(db, query.fiscalYear, todayInJapan());
}

export async function exportDashboard(db: Db, user: Principal | null, actor: Actor, query: { fiscalYear: number }) {
  await moneyAccess(db, user);
  const file = await dashboardXlsx(db, query.fiscalYear, todayInJapan());
  await auditDownload(db, actor, "furusato_dashboard", `ダッシュボード「${file.name}」をダウンロード`);
  return { file: { name: file.name, mimeType: XLSX, body: file.bytes } };
}

export async function exportSurveySheet(db: Db, user: Principal | null, actor: Actor, query: { fiscalYear: number }) {
  await moneyAccess(db, user);
  const file = await surveySheetXlsx(db, query.fiscalYear, todayInJapan());
  await auditDownload(db, actor, "furusato_survey_sheet", `現況調査の回答表「${file.name}」をダウンロード`);
  return { file: { name: file.name, mimeType: XLSX, body: file.bytes } };
}

export async function getCostLedger(db: Db, user: Principal | null, query: { fiscalYear: number }) {
  await moneyAccess(db, user);
  return costs.costLedger(db, query.fiscalYear, todayInJapan());
}

export async function listCostEntries(db: Db, user: Principal | null, query: { fiscalYear: number }) {
  await moneyAccess(db, user);
  return { items: await costs.listCostEntries(db, query.fiscalYear) };
}

export async function createCostEntry(db: Db, user: Principal | null, actor: Actor, input: costs.NewCostEntry): Promise<CostEntry> {
  return db.transaction(async (tx) => {
    requireManager(await moneyAccess(tx, user));
    return costs.addCostEntry(tx, actor, input);
  });
}

export async function deleteCostEntry(db: Db, user: Principal | null, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    requireManager(await moneyAccess(tx, user));
    await costs.deleteCostEntry(tx, actor, id);
  });
  return { ok: true as const };
}

export async function exportCostEntries(db: Db, user: Principal | null, actor: Actor, query: { fiscalYear: number }) {
  await moneyAccess(db, user);
  const file = await costs.costLedgerCsv(db, query.fiscalYear, todayInJapan());
  await auditDownload(db, actor, "furusato_cost_ledger", `経費台帳「${file.name}」をダウンロード`);
  return { file: { name: file.name, mimeType: "text/csv; charset=utf-8", body: file.bytes } };
}
