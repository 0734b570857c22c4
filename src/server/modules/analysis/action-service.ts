// 経営分析の今後の取組 (follow-up actions), as the routes call them: added and edited by the bureau responsible for the
// analyses (also after the decision: the actions usually come from it), marked done with the date and result and
// reopened by that bureau or by the editors of the owner division (their own actions only; anyone else 403), and
// listed across subjects and years, overdue first, so that an action of an older analysis stays on the list until it
// is done. Every write is one transaction with a version check and an audit row (analysis_action).

import { checkActionOwner, checkDoneOn } from "../../../common/analysis/review-rules";
import type * as api from "../../../common/api/analysis-reviews";
import { formatFiscalYear, formatWareki, todayInJapan } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, Forbidden, NotFound, ValidationError } from "../../platform/errors";
import { isAnalysisManager, requireAnalysisManager, requireAnalysisReader } from "./access";
import * as repo from "./action-repository";
import { actionViewOf, type Closer, canCloseAction } from "./action-view";
import { findReview } from "./review-repository";

const ACTION = "今後の取組";
const STALE = "この取組はほかの操作で更新されています。画面を読み込み直してから、もう一度操作してください。";

async function actionOf(db: Queryable, id: string, forUpdate = false): Promise<repo.ActionListRow> {
  const row = await repo.findAction(db, id, { forUpdate });
  if (!row) throw new NotFound(ACTION);
  return row;
}

/** 「北九州市立大学（令和8年度）の取組「…」」 */
const actionName = (row: { subject_name: string; fiscal_year: number; title: string }) =>
  `${row.subject_name}（${formatFiscalYear(row.fiscal_year)}）の取組「${row.title}」`;

const actionFacts = (v: repo.ActionValues) => ({
  title: v.title,
  detail: v.detail,
  ownerOrganisationId: v.ownerOrganisationId,
  ownerName: v.ownerName,
  dueOn: v.dueOn,
});

async function checkedValues(tx: Queryable, input: repo.ActionValues): Promise<repo.ActionValues> {
  const values = { ...input, ownerName: input.ownerName.trim() };
  const problem = checkActionOwner(values);
  if (problem) throw new ValidationError(problem.message, { [problem.field]: problem.message });
  if (values.ownerOrganisationId && !(await repo.organisationName(tx, values.ownerOrganisationId))) {
    const message = "担当課が見つかりません。選び直してください。";
    throw new ValidationError(message, { ownerOrganisationId: message });
  }
  return values;
}

const managerCloser = (user: Principal): Closer => ({ user, isManager: true });

// ------------------------------------------------------------------ manager's writes

export async function addAction(
  db: Db,
  user: Principal | null,
  actor: Actor,
  reviewId: string,
  input: repo.ActionValues,
  opts: { isSample?: boolean } = {},
): Promise<api.ActionView> {
  return db.transaction(async (tx) => {
    const caller = await requireAnalysisManager(tx, user);
    const review = await findReview(tx, reviewId, { forUpdate: true });
    if (!review) throw new NotFound("経営分析");
    const values = await checkedValues(tx, input);
    const id = await repo.insertAction(tx, reviewId, values, opts.isSample ?? false);
    const row = await actionOf(tx, id);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "analysis_action",
      entityId: id,
      summary: `${actionName(row)}を追加${values.dueOn ? `（期限 ${formatWareki(values.dueOn)}）` : ""}`,
      after: { reviewId, ...actionFacts(values) },
    });
    return actionViewOf(row, todayInJapan(), managerCloser(caller));
  });
}

export async function updateAction(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: repo.ActionValues & { version: number },
): Promise<api.ActionView> {
  return db.transaction(async (tx) => {
    const caller = await requireAnalysisManager(tx, user);
    const before = await actionOf(tx, id, true);
    if (before.version !== input.version) throw new Conflict(STALE);
    const values = await checkedValues(tx, input);
    if (!(await repo.updateAction(tx, id, input.version, values))) throw new Conflict(STALE);
    const after = await actionOf(tx, id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "analysis_action",
      entityId: id,
      summary: `${actionName(after)}を変更`,
      before: {
        title: before.title,
        detail: before.detail,
        ownerOrganisationId: before.owner_organisation_id,
        ownerName: before.owner_name,
        dueOn: before.due_on,
        version: before.version,
      },
      after: actionFacts(values),
    });
    return actionViewOf(after, todayInJapan(), managerCloser(caller));
  });
}

export async function deleteAction(db: Db, user: Principal | null, actor: Actor, id: string, version: number): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    const before = await actionOf(tx, id, true);
    if (!(await repo.deleteAction(tx, id, version))) throw new Conflict(STALE);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "analysis_action",
      entityId: id,
      summary: `${actionName(before)}を削除`,
      before: {
        reviewId: before.review_id,
        title: before.title,
        ownerOrganisationId: before.owner_organisation_id,
        ownerName: before.owner_name,
        dueOn: before.due_on,
        status: before.status,
      },
    });
    return { ok: true };
  });
}

// ------------------------------------------------------------------ done and reopened (managers and the owner division)

async function closable(tx: Queryable, user: Principal | null, id: string): Promise<{ closer: Closer; row: repo.ActionListRow }> {
  const caller = requireAnalysisReader(user);
  const row = await actionOf(tx, id, true);
  const closer = { user: caller, isManager: await isAnalysisManager(tx, caller) };
  if (!canCloseAction(closer, row.owner_organisation_id))
    throw new Forbidden("この取組を完了・再開できるのは、経営分析を所管する局の担当者と、担当課の編集者だけです。");
  return { closer, row };
}

export async function completeAction(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { version: number; doneOn: string; result: string },
  opts: { today?: string } = {},
): Promise<api.ActionView> {
  return db.transaction(async (tx) => {
    const { closer, row } = await closable(tx, user, id);
    const today = opts.today ?? todayInJapan();
    const problem = checkDoneOn(input.doneOn, today);
    if (problem) throw new ValidationError(problem.message, { [problem.field]: problem.message });
    if (row.version !== input.version) throw new Conflict(STALE);
    if (row.status === "done") throw new Conflict("この取組はすでに完了しています。", "already_done");
    if (!(await repo.completeAction(tx, id, input.version, input.doneOn, input.result))) throw new Conflict(STALE);
    await recordAudit(tx, actor, {
      action: "complete_followup",
      entityType: "analysis_action",
      entityId: id,
      summary: `${actionName(row)}を完了（${formatWareki(input.doneOn)}）`,
      before: { status: row.status, version: row.version },
      after: { status: "done", doneOn: input.doneOn, result: input.result },
    });
    return actionViewOf(await actionOf(tx, id), todayInJapan(), closer);
  });
}

export async function reopenAction(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { version: number },
): Promise<api.ActionView> {
  return db.transaction(async (tx) => {
    const { closer, row } = await closable(tx, user, id);
    if (row.version !== input.version) throw new Conflict(STALE);
    if (row.status === "open") throw new Conflict("この取組は未完了です。", "not_done");
    if (!(await repo.reopenAction(tx, id, input.version))) throw new Conflict(STALE);
    await recordAudit(tx, actor, {
      action: "reopen_followup",
      entityType: "analysis_action",
      entityId: id,
      summary: `${actionName(row)}を未完了に戻す`,
      before: { status: row.status, doneOn: row.done_on, result: row.result, version: row.version },
      after: { status: "open" },
    });
    return actionViewOf(await actionOf(tx, id), todayInJapan(), closer);
  });
}

// ------------------------------------------------------------------ the list across subjects and years

type ListQuery = repo.ActionFilter & { page: number; pageSize: number };

function listItemOf(row: repo.ActionListRow, today: string, closer: Closer): api.ActionListItem {
  return {
    ...actionViewOf(row, today, closer),
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    fiscalYear: row.fiscal_year,
    reviewStatus: row.review_status,
  };
}

export async function listActions(
  db: Db,
  user: Principal | null,
  query: ListQuery,
): Promise<{
  items: api.ActionListItem[];
  total: number;
  page: number;
  pageSize: number;
  canManage: boolean;
  counts: { open: number; overdue: number; done: number };
}> {
  const caller = requireAnalysisReader(user);
  const today = todayInJapan();
  const canManage = await isAnalysisManager(db, caller);
  const closer = { user: caller, isManager: canManage };
  const [{ rows, total }, counts] = await Promise.all([
    repo.searchActions(db, query, today, { limit: query.pageSize, offset: (query.page - 1) * query.pageSize }),
    repo.countActions(db, query, today),
  ]);
  return {
    items: rows.map((row) => listItemOf(row, today, closer)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    canManage,
    counts,
  };
}

/** Every action that matches, for the export (no paging, no caller check: the export checks). */
export async function allActions(db: Queryable, filter: repo.ActionFilter, today: string): Promise<repo.ActionListRow[]> {
  return (await repo.searchActions(db, filter, today, null)).rows;
}
