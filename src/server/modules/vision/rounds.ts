// 報告ラウンド (e.g. 令和6年度末): the bureau opens a round and every indicator becomes a task (更新依頼) for its owner,
// due by the deadline plus a grace period. Owners see their to-do list; the bureau sees who has not updated and
// reminds them (督促: recorded on the tasks, shown on the owner's list — there is no e-mail). Closing freezes the
// grades; publishing puts the round on the public progress page; recomputing regrades with the current rule.
import type { OwnerStatus, RoundDetail, RoundGrades, RoundSummary, TodoTask } from "../../../common/api/vision";
import { todayInJapan } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { accessOf, canUpdateIndicator, managerAccessOf, type VisionAccess } from "./access";
import { currentRule, gradeRound, roundGrades } from "./grades";
import * as planRepo from "./plan-repository";
import * as roundRepo from "./round-repository";

export function toRoundSummary(row: roundRepo.RoundRow): RoundSummary {
  return {
    id: row.id,
    planId: row.plan_id,
    name: row.name,
    fiscalYear: row.fiscal_year,
    asOf: row.as_of,
    deadline: row.deadline,
    graceDays: row.grace_days,
    dueBy: row.due_by,
    status: row.status,
    ruleId: row.rule_id,
    openedAt: row.opened_at.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    publishedAt: row.published_at?.toISOString() ?? null,
    taskCount: row.task_count,
    updatedCount: row.updated_count,
    isSample: row.is_sample,
  };
}

export function toTodoTask(row: roundRepo.TaskRow): TodoTask {
  return {
    indicatorId: row.indicator_id,
    indicatorCode: row.indicator_code,
    indicatorName: row.indicator_name,
    unit: row.unit,
    ratingMode: row.rating_mode,
    nodeTitle: row.node_title,
    ownerOrganisationId: row.owner_organisation_id,
    ownerOrganisationName: row.owner_organisation_name ?? "所管未設定",
    updatedAt: row.updated_at?.toISOString() ?? null,
    remindedAt: row.reminded_at?.toISOString() ?? null,
    reminderCount: row.reminder_count,
    done: row.updated_at !== null,
    currentValue: row.current_value,
    currentStatus: row.current_status,
  };
}

/** 遅れ: an open round's pending task is overdue after the deadline and late after the grace period too. */
export function lateness(
  round: Pick<roundRepo.RoundRow, "status" | "deadline" | "due_by">,
  today: string,
): { overdue: boolean; late: boolean } {
  if (round.status !== "open") return { overdue: false, late: false };
  return { overdue: today > round.deadline, late: today > round.due_by };
}

/** Per owner organisation: tasks, updated, late, last reminder. */
export function ownerStatuses(round: roundRepo.RoundRow, tasks: roundRepo.TaskRow[], today: string): OwnerStatus[] {
  const byOwner = new Map<string, roundRepo.TaskRow[]>();
  for (const task of tasks) {
    const key = task.owner_organisation_id ?? "";
    byOwner.set(key, [...(byOwner.get(key) ?? []), task]);
  }
  const { overdue, late } = lateness(round, today);
  return [...byOwner.values()].map((owned) => {
    const pending = owned.filter((t) => t.updated_at === null);
    const reminded = owned
      .filter((t) => t.reminded_at !== null)
      .sort((a, b) => (b.reminded_at?.getTime() ?? 0) - (a.reminded_at?.getTime() ?? 0));
    return {
      organisationId: owned[0].owner_organisation_id,
      organisationName: owned[0].owner_organisation_name ?? "所管未設定",
      taskCount: owned.length,
      updatedCount: owned.length - pending.length,
      overdue: pending.length > 0 && overdue,
      late: pending.length > 0 && late,
      remindedAt: reminded[0]?.reminded_at?.toISOString() ?? null,
      reminderCount: Math.max(0, ...owned.map((t) => t.reminder_count)),
      pendingIndicatorCodes: pending.map((t) => t.indicator_code),
    };
  });
}

export async function listRounds(db: Queryable, user: Principal | null, planId: string): Promise<{ items: RoundSummary[] }> {
  await accessOf(db, user);
  if (!(await planRepo.findPlan(db, planId))) throw new NotFound("計画");
  return { items: (await roundRepo.findRounds(db, { planId })).map(toRoundSummary) };
}

export async function roundDetail(db: Queryable, access: VisionAccess, id: string, today = todayInJapan()): Promise<RoundDetail> {
  const round = await roundRepo.findRound(db, id);
  if (!round) throw new NotFound("報告ラウンド");
  const tasks = await roundRepo.findTasks(db, { roundIds: [id] });
  return { ...toRoundSummary(round), owners: ownerStatuses(round, tasks, today), canManage: access.manager };
}

export async function getRound(db: Queryable, user: Principal | null, id: string): Promise<RoundDetail> {
  return roundDetail(db, await accessOf(db, user), id);
}

export async function getRoundGrades(db: Queryable, user: Principal | null, id: string): Promise<RoundGrades> {
  await accessOf(db, user);
  const round = await roundRepo.findRound(db, id);
  if (!round) throw new NotFound("報告ラウンド");
  return roundGrades(db, round, toRoundSummary);
}

// ------------------------------------------------------------------ writes
// Each request runs in one transaction: the caller's access, the round, the change, its audit row, and the round's
// detail the page shows next. The `…In` steps run inside the caller's transaction without an access check (the demo
// loads through them).

export async function openRound(
  db: Db,
  user: Principal | null,
  actor: Actor,
  planId: string,
  input: roundRepo.RoundInput,
): Promise<RoundDetail> {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    return roundDetail(tx, access, await openRoundIn(tx, actor, planId, input));
  });
}

export async function openRoundIn(
  tx: Queryable,
  actor: Actor,
  planId: string,
  input: roundRepo.RoundInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  if (input.deadline < input.asOf)
    throw new ValidationError("期限は基準日以降の日付にしてください。", { deadline: "期限は基準日以降の日付にしてください。" });
  const plan = await planRepo.findPlan(tx, planId);
  if (!plan) throw new NotFound("計画");
  if (await roundRepo.roundNameTaken(tx, planId, input.name))
    throw new ValidationError("同じ名前のラウンドが既にあります。", { name: "同じ名前のラウンドが既にあります。" });
  const rule = await currentRule(tx);
  const id = await roundRepo.insertRound(tx, planId, input, rule.id, actor.userId, opts.isSample);
  const tasks = await roundRepo.insertRoundTasks(tx, id);
  const graded = await gradeRound(tx, id);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "vision_round",
    entityId: id,
    summary: `報告ラウンド「${input.name}」を開始（更新依頼${tasks}件、期限 ${input.deadline}、猶予${input.graceDays}日）`,
    after: { ...input, ruleId: rule.id, tasks, graded },
  });
  return id;
}

async function roundForChange(tx: Queryable, id: string): Promise<roundRepo.RoundRow> {
  const round = await roundRepo.findRound(tx, id);
  if (!round) throw new NotFound("報告ラウンド");
  return round;
}

/** A change to a round by its managers, in one transaction; returns the round's detail after it. */
async function changeRound(db: Db, user: Principal | null, id: string, change: (tx: Queryable) => Promise<void>): Promise<RoundDetail> {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    await change(tx);
    return roundDetail(tx, access, id);
  });
}

export async function closeRound(db: Db, user: Principal | null, actor: Actor, id: string): Promise<RoundDetail> {
  return changeRound(db, user, id, (tx) => closeRoundIn(tx, actor, id));
}

export async function closeRoundIn(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const round = await roundForChange(tx, id);
  if (round.status !== "open") throw new Conflict("受付中のラウンドだけを締め切れます。");
  await gradeRound(tx, id);
  await roundRepo.setRoundStatus(tx, id, "closed");
  await recordAudit(tx, actor, {
    action: "close",
    entityType: "vision_round",
    entityId: id,
    summary: `報告ラウンド「${round.name}」を締め切り（更新${round.updated_count}/${round.task_count}件）`,
  });
}

export async function publishRound(db: Db, user: Principal | null, actor: Actor, id: string): Promise<RoundDetail> {
  return changeRound(db, user, id, (tx) => publishRoundIn(tx, actor, id));
}

export async function publishRoundIn(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const round = await roundForChange(tx, id);
  if (round.status !== "closed") throw new Conflict("締め切ったラウンドだけを公表できます。先に締め切ってください。");
  await roundRepo.setRoundStatus(tx, id, "published");
  await recordAudit(tx, actor, {
    action: "publish",
    entityType: "vision_round",
    entityId: id,
    summary: `報告ラウンド「${round.name}」を公表`,
  });
}

/** 再計算: regrades every indicator of the round with the current rule version (the round then names it). */
export async function recomputeRound(db: Db, user: Principal | null, actor: Actor, id: string): Promise<RoundDetail> {
  return changeRound(db, user, id, async (tx) => {
    const round = await roundForChange(tx, id);
    if (round.status === "published") throw new Conflict("公表したラウンドは再計算できません。");
    const rule = await currentRule(tx);
    const graded = await gradeRound(tx, id, { ruleId: rule.id });
    await recordAudit(tx, actor, {
      action: "recompute",
      entityType: "vision_round",
      entityId: id,
      summary: `報告ラウンド「${round.name}」の評価を再計算（${graded}件、評価ルール「${rule.name}」）`,
      before: { ruleId: round.rule_id },
      after: { ruleId: rule.id, graded },
    });
  });
}

/** 督促 (all owners with pending tasks when none are chosen); the detail says how many were reminded. */
export async function remindRound(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  organisationIds: string[] | null,
): Promise<RoundDetail & { reminded: number }> {
  return db.transaction(async (tx) => {
    const access = await managerAccessOf(tx, user);
    const reminded = await remindRoundIn(tx, actor, id, organisationIds);
    return { ...(await roundDetail(tx, access, id)), reminded };
  });
}

/** 督促: stamps the pending tasks of the chosen owners (all owners with pending tasks by default). */
export async function remindRoundIn(tx: Queryable, actor: Actor, id: string, organisationIds: string[] | null): Promise<number> {
  const round = await roundForChange(tx, id);
  if (round.status !== "open") throw new Conflict("受付中のラウンドだけ督促できます。");
  const owners = await roundRepo.remindOwners(tx, id, organisationIds && organisationIds.length > 0 ? organisationIds : null);
  await recordAudit(tx, actor, {
    action: "remind",
    entityType: "vision_round",
    entityId: id,
    summary: `報告ラウンド「${round.name}」: 未更新の${owners.length}組織に督促`,
    after: { organisationIds: owners },
  });
  return owners.length;
}

export async function listTasks(
  db: Queryable,
  user: Principal | null,
  roundId: string,
  filter: { ownerOrganisationId?: string; pending?: boolean },
): Promise<{ items: TodoTask[] }> {
  await accessOf(db, user);
  if (!(await roundRepo.findRound(db, roundId))) throw new NotFound("報告ラウンド");
  return { items: (await roundRepo.findTasks(db, { roundIds: [roundId], ...filter })).map(toTodoTask) };
}

/** The caller's to-do list: the tasks of open rounds for indicators they may update. */
export async function todoOf(db: Queryable, caller: Principal | null, today = todayInJapan()) {
  const { user } = await accessOf(db, caller);
  const rounds = await roundRepo.findRounds(db, { status: ["open"] });
  const tasks = await roundRepo.findTasks(db, { roundIds: rounds.map((r) => r.id) });
  // Administrators may update anything, but their list holds what nobody owns rather than the whole city's work.
  const mine = (t: roundRepo.TaskRow) =>
    user.role === "admin"
      ? t.owner_organisation_id === null || t.owner_organisation_id === user.organisationId
      : canUpdateIndicator(user, { effective_owner_id: t.owner_organisation_id, owner_bureau_id: t.owner_bureau_id });
  return {
    rounds: rounds
      .map((round) => {
        const own = tasks.filter((t) => t.round_id === round.id && mine(t));
        const pending = own.filter((t) => t.updated_at === null);
        const { overdue, late } = lateness(round, today);
        return {
          ...toRoundSummary(round),
          tasks: own.map(toTodoTask),
          pendingCount: pending.length,
          reminded: pending.some((t) => t.reminded_at !== null),
          overdue: pending.length > 0 && overdue,
          late: pending.length > 0 && late,
        };
      })
      .filter((r) => r.tasks.length > 0),
  };
}
