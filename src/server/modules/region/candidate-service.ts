// 連携事業の候補: departments propose candidate joint projects; the bureau that runs 広域連携 carries them through the
// steps (提案受付 → 部門と意見交換 → 相手自治体と協議 → 予算協議（財政） → 事業化 / 見送り) with the day and a note at each,
// and the pipeline shows the days in each step so that a stalled candidate is seen. Every write is one transaction with
// its audit row; a move is version-checked; 事業化 makes the joint project (構想) in the same transaction.
import type { ResponseOf } from "../../../common/api/contract";
import type * as api from "../../../common/api/region-candidates";
import { todayInJapan } from "../../../common/dates";
import { averageDaysPerStep, candidateDays } from "../../../common/region/candidate-pipeline";
import {
  CANDIDATE_OBSTACLE_LABELS,
  CANDIDATE_STEP_LABELS,
  CANDIDATE_STEPS,
  type CandidateStep,
  checkCandidateMove,
  DEFAULT_STALLED_AFTER_DAYS,
  isOpenStep,
  movableSteps,
  OPEN_CANDIDATE_STEPS,
  STALLED_AFTER_DAYS_MAX,
  STALLED_AFTER_DAYS_MIN,
} from "../../../common/region/candidate-steps";
import { daysPerStep, type StepEntry, stepSpans } from "../../../common/step-days";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, Forbidden, NotFound, ValidationError } from "../../platform/errors";
import { readSetting, writeSetting } from "../../platform/settings";
import { isRegionManager, requireRegionManager } from "./access";
import { listDepartments, proposableDepartments } from "./candidate-access";
import * as repo from "./candidate-repository";

export const STALLED_SETTING = "region.candidates.stalledAfterDays";
const STALE = "他の利用者が先に更新しました。画面を再読み込みしてから、もう一度操作してください。";
/** closed columns of the pipeline show their newest few cards; the list shows them all */
const CLOSED_CARDS = 8;

export async function stalledAfterDays(db: Queryable): Promise<number> {
  const value = await readSetting<number>(db, STALLED_SETTING);
  return typeof value === "number" && Number.isInteger(value) && value >= STALLED_AFTER_DAYS_MIN && value <= STALLED_AFTER_DAYS_MAX
    ? value
    : DEFAULT_STALLED_AFTER_DAYS;
}

const entriesOf = (rows: readonly repo.StepRow[]): StepEntry<CandidateStep>[] =>
  rows.map((r) => ({ step: r.step, enteredOn: r.entered_on }));

function cardOf(row: repo.CandidateRow, history: readonly repo.StepRow[], today: string, stalledAfter: number): api.CandidateCard {
  const days = candidateDays(entriesOf(history), today, stalledAfter);
  return {
    id: row.id,
    title: row.title,
    step: row.step,
    stepSince: row.step_since,
    daysInStep: days.daysInStep,
    totalDays: days.totalDays,
    stalled: days.stalled,
    proposingOrganisation: { id: row.proposing_organisation_id, name: row.organisation_name },
    framework: { id: row.framework_id, name: row.framework_name },
    obstacle: row.obstacle,
    isSample: row.is_sample,
  };
}

function summaryOf(row: repo.CandidateRow, history: readonly repo.StepRow[], today: string, stalledAfter: number): api.CandidateSummary {
  const days = candidateDays(entriesOf(history), today, stalledAfter);
  return {
    ...cardOf(row, history, today, stalledAfter),
    proposedOn: row.proposed_on,
    closedOn: days.closedOn,
    memberNames: row.member_names ?? [],
    adoptedProject: row.adopted_project_id ? { id: row.adopted_project_id, name: row.adopted_project_name ?? "" } : null,
    updatedAt: row.updated_at.toISOString(),
  };
}

// ------------------------------------------------------------------------------------------------ reads

export async function getPipeline(
  db: Queryable,
  user: Principal | null,
  today = todayInJapan(),
): Promise<ResponseOf<typeof api.candidatePipeline>> {
  authorize(user, "region.read");
  const stalledAfter = await stalledAfterDays(db);
  const rows = await repo.findAllCandidates(db);
  const histories = await repo.findHistories(db, null);
  const cards = rows.map((row) => cardOf(row, histories.get(row.id) ?? [], today, stalledAfter));
  const averages = new Map(
    averageDaysPerStep(rows.map((row) => entriesOf(histories.get(row.id) ?? []))).map((a) => [a.step as CandidateStep, a]),
  );
  const columns = CANDIDATE_STEPS.map((step) => {
    const inStep = cards.filter((c) => c.step === step);
    const average = averages.get(step);
    return {
      step,
      count: inStep.length,
      stalledCount: inStep.filter((c) => c.stalled).length,
      averageDays: average?.averageDays ?? null,
      averageOver: average?.candidateCount ?? 0,
      // open: the longest in the step first (rows come by step_since); closed: the newest first
      cards: isOpenStep(step) ? inStep : [...inStep].sort((a, b) => b.stepSince.localeCompare(a.stepSince)).slice(0, CLOSED_CARDS),
    };
  });
  return {
    today,
    stalledAfterDays: stalledAfter,
    openCount: cards.filter((c) => isOpenStep(c.step)).length,
    stalledCount: cards.filter((c) => c.stalled).length,
    columns,
  };
}

export async function listCandidates(
  db: Queryable,
  user: Principal | null,
  query: api.CandidateListFilter,
  today = todayInJapan(),
): Promise<ResponseOf<typeof api.listCandidates>> {
  authorize(user, "region.read");
  const { page, pageSize, sort, ...filter } = query;
  const stalledAfter = await stalledAfterDays(db);
  const { rows, total } = await repo.findCandidates(
    db,
    filter,
    sort,
    { today, stalledAfterDays: stalledAfter },
    {
      limit: pageSize,
      offset: (page - 1) * pageSize,
    },
  );
  const histories = await repo.findHistories(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((row) => summaryOf(row, histories.get(row.id) ?? [], today, stalledAfter)),
    total,
    page,
    pageSize,
    today,
    stalledAfterDays: stalledAfter,
  };
}

/** Every candidate the export's conditions select, as summaries (the export writes them). */
export async function candidatesForExport(
  db: Queryable,
  query: Omit<api.CandidateListFilter, "page" | "pageSize">,
  today: string,
): Promise<{ items: api.CandidateSummary[]; stalledAfterDays: number }> {
  const { sort, ...filter } = query;
  const stalledAfter = await stalledAfterDays(db);
  const { rows } = await repo.findCandidates(db, filter, sort, { today, stalledAfterDays: stalledAfter }, { limit: 100_000, offset: 0 });
  const histories = await repo.findHistories(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((row) => summaryOf(row, histories.get(row.id) ?? [], today, stalledAfter)), stalledAfterDays: stalledAfter };
}

export async function getOptions(db: Queryable, user: Principal | null): Promise<ResponseOf<typeof api.candidateOptions>> {
  authorize(user, "region.read");
  const departments = await listDepartments(db);
  return {
    organisations: departments,
    proposeFor: proposableDepartments(user, departments).map((d) => ({ id: d.id, name: d.name })),
    frameworks: await repo.findFrameworksWithMembers(db),
    canManage: await isRegionManager(db, user),
    stalledAfterDays: await stalledAfterDays(db),
  };
}

async function detailOf(db: Queryable, row: repo.CandidateRow, canManage: boolean, today: string): Promise<api.CandidateDetail> {
  const history = (await repo.findHistories(db, [row.id])).get(row.id) ?? [];
  const stalledAfter = await stalledAfterDays(db);
  const entries = entriesOf(history);
  const closed = !isOpenStep(row.step);
  const spans = stepSpans(entries, today);
  // a closed candidate's days stop on the day it was closed
  const totals = daysPerStep(entries, closed ? (entries[entries.length - 1]?.enteredOn ?? today) : today);
  return {
    ...summaryOf(row, history, today, stalledAfter),
    summary: row.summary,
    expectedEffect: row.expected_effect,
    obstacleNote: row.obstacle_note,
    members: await repo.findMembersOf(db, row.id),
    history: history.map((h, i) => {
      const span = spans[i];
      const end = !isOpenStep(h.step);
      return {
        id: h.id,
        step: h.step,
        moveKind: h.move_kind,
        enteredOn: h.entered_on,
        leftOn: span.leftOn,
        // 事業化 / 見送り are ends, not steps a candidate waits in
        days: end ? 0 : span.days,
        recordedBy: h.recorded_by_label,
        note: h.note,
        reason: h.reason,
      };
    }),
    daysPerStep: OPEN_CANDIDATE_STEPS.filter((step) => totals.has(step)).map((step) => ({ step, days: totals.get(step) ?? 0 })),
    stalledAfterDays: stalledAfter,
    today,
    version: row.version,
    canManage,
    movableSteps: canManage ? movableSteps(row.step) : [],
  };
}

export async function getCandidate(
  db: Queryable,
  user: Principal | null,
  id: string,
  today = todayInJapan(),
): Promise<api.CandidateDetail> {
  authorize(user, "region.read");
  const row = await repo.findCandidate(db, id);
  if (!row) throw new NotFound("連携事業の候補");
  return detailOf(db, row, await isRegionManager(db, user), today);
}

// ------------------------------------------------------------------------------------------------ writes

export async function createCandidate(
  db: Db,
  user: Principal | null,
  actor: Actor,
  input: {
    title: string;
    proposingOrganisationId: string;
    frameworkId: string;
    memberIds: string[];
    summary: string;
    expectedEffect: string;
    obstacle: api.CandidateCard["obstacle"];
    obstacleNote: string;
  },
  today = todayInJapan(),
): Promise<api.CandidateDetail> {
  return db.transaction(async (tx) => {
    authorize(user, "region.read");
    const allowed = proposableDepartments(user, await listDepartments(tx));
    if (allowed.length === 0) throw new Forbidden("連携事業の候補を提案できるのは、各局・課の編集者です。");
    const department = allowed.find((d) => d.id === input.proposingOrganisationId);
    if (!department)
      throw new ValidationError("提案できるのは自分の局・課の名前でだけです。", {
        proposingOrganisationId: "自分の局・課を選んでください。",
      });
    const framework = await repo.findFramework(tx, input.frameworkId);
    if (!framework) throw new ValidationError("連携の枠組みが見つかりません。", { frameworkId: "枠組みを選び直してください。" });
    const memberIds = [...new Set(input.memberIds)];
    const known = await repo.findFrameworkMemberIds(tx, framework.id, memberIds);
    if (known.length !== memberIds.length)
      throw new ValidationError(`連携の相手には${framework.name}の構成団体を選んでください。`, {
        memberIds: "構成団体を選び直してください。",
      });
    const id = await repo.insertCandidate(tx, {
      title: input.title,
      proposingOrganisationId: department.id,
      frameworkId: framework.id,
      summary: input.summary,
      expectedEffect: input.expectedEffect,
      obstacle: input.obstacle,
      obstacleNote: input.obstacleNote,
      step: "proposed",
      stepSince: today,
      isSample: false,
      createdBy: user.id,
    });
    await repo.insertCandidateMembers(tx, id, memberIds);
    await repo.insertStep(tx, {
      candidateId: id,
      step: "proposed",
      moveKind: "submitted",
      enteredOn: today,
      recordedBy: user.id,
      recordedByLabel: actor.label,
      note: "",
      reason: "",
    });
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "region_candidate",
      entityId: id,
      summary: `${input.title}（${department.name}、${framework.name}、進まない理由: ${CANDIDATE_OBSTACLE_LABELS[input.obstacle]}）`,
    });
    const row = (await repo.findCandidate(tx, id))!;
    return detailOf(tx, row, await isRegionManager(tx, user), today);
  });
}

/** The day a move is dated: given (和暦 or 西暦, already an ISO date) or today; never before the current step, never ahead. */
function enteredOnOf(given: string | null, row: repo.CandidateRow, today: string): string {
  const day = given ?? today;
  if (day > today)
    throw new ValidationError("段階に入った日に先の日付は入れられません。", { enteredOn: "今日までの日付を入力してください。" });
  if (day < row.step_since)
    throw new ValidationError("段階に入った日は、今の段階に入った日より前にはできません。", {
      enteredOn: "今の段階に入った日以降の日付を入力してください。",
    });
  return day;
}

async function lockedForMove(tx: Queryable, id: string, version: number): Promise<repo.CandidateRow> {
  const row = await repo.findCandidate(tx, id, true);
  if (!row) throw new NotFound("連携事業の候補");
  if (row.version !== version) throw new Conflict(STALE, "stale");
  return row;
}

export async function moveCandidate(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { version: number; to: CandidateStep; enteredOn: string | null; note: string; reason: string },
  today = todayInJapan(),
): Promise<api.CandidateDetail> {
  return db.transaction(async (tx) => {
    const manager = await requireRegionManager(tx, user);
    const row = await lockedForMove(tx, id, input.version);
    if (input.to === "adopted")
      throw new ValidationError("事業化は「事業化する」から行ってください（連携事業を作ります）。", { to: "段階を選び直してください。" });
    const check = checkCandidateMove(row.step, input.to, input.reason);
    if (!check.ok) throw new ValidationError(check.message, isOpenStep(row.step) ? { reason: check.message } : undefined);
    const enteredOn = enteredOnOf(input.enteredOn, row, today);
    await repo.insertStep(tx, {
      candidateId: id,
      step: input.to,
      moveKind: check.kind,
      enteredOn,
      recordedBy: manager.id,
      recordedByLabel: actor.label,
      note: input.note,
      reason: input.reason,
    });
    await repo.updateCandidateStep(tx, id, input.to, enteredOn);
    await recordAudit(tx, actor, {
      action: check.kind === "dropped" ? "candidate_drop" : "candidate_move",
      entityType: "region_candidate",
      entityId: id,
      summary: `${row.title}: ${CANDIDATE_STEP_LABELS[row.step]} → ${CANDIDATE_STEP_LABELS[input.to]}${input.reason ? `（理由: ${input.reason}）` : ""}`,
      before: { step: row.step, stepSince: row.step_since },
      after: { step: input.to, stepSince: enteredOn },
    });
    return detailOf(tx, (await repo.findCandidate(tx, id))!, true, today);
  });
}

export async function adoptCandidate(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: {
    version: number;
    projectName: string;
    leadMemberId: string | null;
    startFiscalYear: number | null;
    enteredOn: string | null;
    note: string;
    reason: string;
  },
  today = todayInJapan(),
): Promise<api.CandidateDetail> {
  return db.transaction(async (tx) => {
    const manager = await requireRegionManager(tx, user);
    const row = await lockedForMove(tx, id, input.version);
    const check = checkCandidateMove(row.step, "adopted", input.reason);
    if (!check.ok) throw new ValidationError(check.message, isOpenStep(row.step) ? { reason: check.message } : undefined);
    const enteredOn = enteredOnOf(input.enteredOn, row, today);
    if (input.leadMemberId && (await repo.findFrameworkMemberIds(tx, row.framework_id, [input.leadMemberId])).length === 0)
      throw new ValidationError(`幹事市町には${row.framework_name}の構成団体を選んでください。`, {
        leadMemberId: "構成団体を選び直してください。",
      });
    if (await repo.findProjectIdByName(tx, row.framework_id, input.projectName))
      throw new Conflict(
        `${row.framework_name}には「${input.projectName}」という連携事業がすでにあります。別の名称にしてください。`,
        "conflict",
        {
          projectName: "別の名称にしてください。",
        },
      );
    const projectId = await repo.insertProjectFromCandidate(tx, {
      frameworkId: row.framework_id,
      name: input.projectName,
      summary: [row.summary, row.expected_effect ? `期待される効果: ${row.expected_effect}` : ""]
        .filter(Boolean)
        .join("\n\n")
        .slice(0, 4000),
      leadMemberId: input.leadMemberId,
      // the department that proposed it runs it (所管課); the projects' pages change it
      ownerOrganisationId: row.proposing_organisation_id,
      startFiscalYear: input.startFiscalYear,
      statusSince: enteredOn,
      memberIds: await repo.findCandidateMemberIds(tx, id),
      isSample: false,
      createdBy: manager.id,
    });
    await repo.insertStep(tx, {
      candidateId: id,
      step: "adopted",
      moveKind: "adopted",
      enteredOn,
      recordedBy: manager.id,
      recordedByLabel: actor.label,
      note: input.note,
      reason: input.reason,
    });
    await repo.updateCandidateStep(tx, id, "adopted", enteredOn, projectId);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "region_project",
      entityId: projectId,
      summary: `${input.projectName}（${row.framework_name}、連携事業の候補「${row.title}」から、状態: 構想）`,
    });
    await recordAudit(tx, actor, {
      action: "candidate_adopt",
      entityType: "region_candidate",
      entityId: id,
      summary: `${row.title}: ${CANDIDATE_STEP_LABELS[row.step]} → 事業化（連携事業「${input.projectName}」）${input.reason ? `（理由: ${input.reason}）` : ""}`,
      before: { step: row.step, stepSince: row.step_since },
      after: { step: "adopted", stepSince: enteredOn, projectId },
    });
    return detailOf(tx, (await repo.findCandidate(tx, id))!, true, today);
  });
}

export async function updateSettings(
  db: Db,
  user: Principal | null,
  actor: Actor,
  input: { stalledAfterDays: number },
): Promise<{ stalledAfterDays: number }> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const before = await stalledAfterDays(tx);
    await writeSetting(tx, STALLED_SETTING, input.stalledAfterDays);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "region_candidate",
      entityId: null,
      summary: `滞留とみなす日数を${before}日から${input.stalledAfterDays}日に変更`,
      before: { stalledAfterDays: before },
      after: { stalledAfterDays: input.stalledAfterDays },
    });
    return { stalledAfterDays: input.stalledAfterDays };
  });
}
