// 連携事業: the list and one project for every member of staff; the bureau that runs 広域連携 (region managers)
// registers and edits projects (version-checked), moves their status (forward freely, back only with a reason; each
// change kept in the history with its day, who and why), keeps the budget and its funding per 年度 (a funding sum
// that differs from the total needs a reason and stays flagged), links vision indicators (checked through the vision
// index), records the internal steps (庁内調整) and writes the yearly report. Every write is one transaction with its
// audit row; every write to a project's parts bumps the project's version.
import type { ResponseOf } from "../../../common/api/contract";
import type * as api from "../../../common/api/region-projects";
import { todayInJapan } from "../../../common/dates";
import {
  FUNDING_SOURCE_LABELS,
  FUNDING_SOURCES,
  type FundingSource,
  PROJECT_STATUS_LABELS,
  type ProjectStatus,
} from "../../../common/region/partnerships";
import {
  checkFunding,
  checkStatusChange,
  STEP_KIND_LABELS,
  STEP_STATUS_LABELS,
  stepDatesProblem,
} from "../../../common/region/project-rules";
import { daysBetween, daysPerStep, stepSpans } from "../../../common/step-days";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { checkAttachmentUpload, storeFile } from "../../platform/files/files";
import { deleteOwnedFile, listOwnedFiles, readFileFor } from "../../platform/files/owners";
import { requireUpload, type Upload } from "../../platform/http/multipart";
import type { FileResult } from "../../platform/http/types";
import { isRegionManager, requireRegionManager } from "./access";
import { internalOrganisations, ownedFileOf, STALE } from "./framework-service";
import { checkIndicatorIds, indicatorChoices, projectIndicators } from "./project-indicators";
import * as repo from "./project-repository";

const PROJECT = "連携事業";
export const reportOwner = (id: string) => ({ kind: "region.project_report", id, purpose: "attachment" }) as const;

const num = (v: number | string | null | undefined): number => (v === null || v === undefined ? 0 : Number(v));

export function toProjectSummary(row: repo.ProjectRow, today: string): api.ProjectSummary {
  const total = row.budget_total_yen === null ? null : num(row.budget_total_yen);
  return {
    id: row.id,
    name: row.name,
    framework: { id: row.framework_id, name: row.framework_name },
    status: row.status,
    statusSince: row.status_since,
    daysInStatus: Math.max(0, daysBetween(row.status_since, today)),
    lead: row.lead_member_id && row.lead_name ? { id: row.lead_member_id, name: row.lead_name } : null,
    owner: { id: row.owner_organisation_id, name: row.owner_name },
    startFiscalYear: row.start_fiscal_year,
    endFiscalYear: row.end_fiscal_year,
    memberCount: row.member_count,
    budget:
      row.budget_fiscal_year !== null && total !== null
        ? { fiscalYear: row.budget_fiscal_year, totalYen: total, fundingMatches: total === num(row.budget_funding_yen) }
        : null,
    isSample: row.is_sample,
    updatedAt: row.updated_at instanceof Date ? row.updated_at.toISOString() : String(row.updated_at),
  };
}

export function toBudget(row: repo.BudgetRowDb): api.BudgetRow {
  const funding = Object.fromEntries(FUNDING_SOURCES.map((s) => [s, 0])) as Record<FundingSource, number>;
  for (const f of row.funding ?? []) funding[f.source] = num(f.amount_yen);
  const totalYen = num(row.total_yen);
  const check = checkFunding(totalYen, funding);
  return {
    fiscalYear: row.fiscal_year,
    totalYen,
    funding,
    fundingTotalYen: check.fundingTotalYen,
    differenceYen: check.differenceYen,
    fundingMatches: check.matches,
    mismatchMessage: check.message,
    mismatchReason: row.mismatch_reason,
    note: row.note,
    isSample: row.is_sample,
    version: row.version,
  };
}

function toStep(row: repo.StepRowDb, today: string): api.ProjectStep {
  return {
    id: row.id,
    kind: row.kind,
    organisation: { id: row.organisation_id, name: row.organisation_name },
    fiscalYear: row.fiscal_year,
    status: row.status,
    startedOn: row.started_on,
    endedOn: row.ended_on,
    days: row.started_on ? Math.max(0, daysBetween(row.started_on, row.ended_on ?? today)) : null,
    note: row.note,
    rounds: (row.rounds ?? []).map((r) => ({ id: r.id, heldOn: r.held_on, title: r.title, outcome: r.outcome, isSample: r.is_sample })),
    isSample: row.is_sample,
    version: row.version,
  };
}

/** The history as spans with their days; a project without history (made elsewhere) starts with its current status. */
function historyOf(rows: repo.HistoryRowDb[], project: repo.ProjectRow, today: string) {
  const entries =
    rows.length > 0
      ? rows
      : [
          {
            status: project.status,
            from_status: null,
            entered_on: project.status_since,
            reason: "",
            changed_by_name: null,
            is_sample: project.is_sample,
          },
        ];
  const steps = entries.map((h) => ({ step: h.status, enteredOn: h.entered_on }));
  const spans = stepSpans(steps, today).map((span, i) => ({
    status: span.step,
    fromStatus: entries[i].from_status,
    enteredOn: span.enteredOn,
    leftOn: span.leftOn,
    days: span.days,
    reason: entries[i].reason,
    changedBy: entries[i].changed_by_name,
    isSample: entries[i].is_sample,
  }));
  return { spans, daysPerStatus: Object.fromEntries(daysPerStep(steps, today)) };
}

async function projectOf(db: Queryable, id: string, forUpdate = false): Promise<repo.ProjectRow> {
  const row = await repo.findProject(db, id, forUpdate);
  if (!row) throw new NotFound(PROJECT);
  return row;
}

async function detailOf(db: Queryable, row: repo.ProjectRow, canManage: boolean): Promise<api.ProjectDetail> {
  const today = todayInJapan();
  const [members, frameworkMembers, budgets, links, steps, history, reports] = await Promise.all([
    repo.findProjectMembers(db, row.id),
    repo.findMembers(db, row.framework_id),
    repo.findBudgets(db, row.id),
    repo.findIndicatorLinks(db, row.id),
    repo.findSteps(db, row.id),
    repo.findHistory(db, row.id),
    repo.findReports(db, row.id),
  ]);
  const reportViews: api.YearlyReport[] = [];
  for (const r of reports)
    reportViews.push({
      id: r.id,
      fiscalYear: r.fiscal_year,
      results: r.results,
      outcomes: r.outcomes,
      issues: r.issues,
      nextPolicy: r.next_policy,
      file: await ownedFileOf(db, { kind: "region.project_report", id: r.id }),
      updatedBy: r.updated_by_name,
      updatedAt: r.updated_at instanceof Date ? r.updated_at.toISOString() : String(r.updated_at),
      isSample: r.is_sample,
      version: r.version,
    });
  const { spans, daysPerStatus } = historyOf(history, row, today);
  return {
    ...toProjectSummary(row, today),
    summary: row.summary,
    members: members.map((m) => ({ id: m.id, name: m.name, municipalityCode: m.municipality_code, role: m.role })),
    frameworkMembers: frameworkMembers.map((m) => ({ id: m.id, name: m.name })),
    budgets: budgets.map(toBudget),
    indicators: await projectIndicators(
      db,
      links.map((l) => l.indicator_id),
    ),
    steps: steps.map((s) => toStep(s, today)),
    history: spans,
    daysPerStatus,
    reports: reportViews,
    organisationChoices: canManage ? (await internalOrganisations(db)).map((o) => ({ id: o.id, name: o.name, kind: o.kind })) : [],
    canManage,
    version: row.version,
  };
}

// ------------------------------------------------------------------ reads

type ListQuery = repo.ProjectFilter & { sort: string; page: number; pageSize: number };

export async function listProjects(db: Queryable, user: Principal | null, query: ListQuery): Promise<ResponseOf<typeof api.listProjects>> {
  authorize(user, "region.read");
  const today = todayInJapan();
  const { rows, total } = await repo.findProjects(db, query, query.sort, {
    limit: query.pageSize,
    offset: (query.page - 1) * query.pageSize,
  });
  return {
    items: rows.map((r) => toProjectSummary(r, today)),
    total,
    page: query.page,
    pageSize: query.pageSize,
    canManage: await isRegionManager(db, user),
    frameworks: (await repo.findFrameworks(db)).map((f) => ({ id: f.id, name: f.name })),
    owners: await repo.findProjectOwners(db),
  };
}

export async function getProject(db: Queryable, user: Principal | null, id: string): Promise<api.ProjectDetail> {
  authorize(user, "region.read");
  return detailOf(db, await projectOf(db, id), await isRegionManager(db, user));
}

export async function listIndicatorChoices(db: Queryable, user: Principal | null): Promise<ResponseOf<typeof api.listIndicatorChoices>> {
  authorize(user, "region.read");
  return indicatorChoices(db);
}

// ------------------------------------------------------------------ create and edit

interface ProjectFieldsInput {
  name: string;
  summary: string;
  leadMemberId: string | null;
  memberIds: string[];
  ownerOrganisationId: string;
  startFiscalYear: number | null;
  endFiscalYear: number | null;
}

/** Participants and the lead must be members of the framework (the lead always takes part); the 所管課 is the city's own. */
async function checkedFields(
  tx: Queryable,
  frameworkId: string,
  input: ProjectFieldsInput,
): Promise<{ values: repo.ProjectInput; memberIds: string[] }> {
  const members = await repo.findMembers(tx, frameworkId);
  const known = new Set(members.map((m) => m.id));
  const memberIds = [...new Set(input.memberIds.map((id) => id.toLowerCase()))];
  if (memberIds.some((id) => !known.has(id)))
    throw new ValidationError("参加団体には、この枠組みの構成団体を選んでください。", {
      memberIds: "枠組みの構成団体から選んでください。",
    });
  const lead = input.leadMemberId?.toLowerCase() ?? null;
  if (lead && !known.has(lead))
    throw new ValidationError("幹事団体には、この枠組みの構成団体を選んでください。", {
      leadMemberId: "枠組みの構成団体から選んでください。",
    });
  if (lead && !memberIds.includes(lead)) memberIds.push(lead);
  if (!(await internalOrganisations(tx)).some((o) => o.id === input.ownerOrganisationId))
    throw new ValidationError("所管課には市の組織を選んでください。", { ownerOrganisationId: "市の組織を選んでください。" });
  if (input.startFiscalYear && input.endFiscalYear && input.endFiscalYear < input.startFiscalYear)
    throw new ValidationError("終了年度は開始年度以降にしてください。", { endFiscalYear: "開始年度以降にしてください。" });
  return {
    values: {
      name: input.name,
      summary: input.summary,
      leadMemberId: lead,
      ownerOrganisationId: input.ownerOrganisationId,
      startFiscalYear: input.startFiscalYear,
      endFiscalYear: input.endFiscalYear,
    },
    memberIds,
  };
}

async function nameTaken(tx: Queryable, frameworkId: string, name: string, exceptId: string | null): Promise<void> {
  const id = await repo.findProjectIdByName(tx, frameworkId, name);
  if (id && id !== exceptId)
    throw new ValidationError("この枠組みに同じ名前の連携事業があります。", { name: "同じ名前の連携事業があります。" });
}

export async function createProject(
  db: Db,
  user: Principal | null,
  actor: Actor,
  input: ProjectFieldsInput & { frameworkId: string; status: ProjectStatus; statusSince: string | null },
): Promise<api.ProjectDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const framework = await repo.findFramework(tx, input.frameworkId);
    if (!framework) throw new ValidationError("枠組みを選んでください。", { frameworkId: "枠組みを選んでください。" });
    const { values, memberIds } = await checkedFields(tx, input.frameworkId, input);
    await nameTaken(tx, input.frameworkId, values.name, null);
    const today = todayInJapan();
    const since = input.statusSince ?? today;
    if (since > today)
      throw new ValidationError("状態の開始日に未来の日付は指定できません。", { statusSince: "今日以前の日付にしてください。" });
    const id = await repo.insertProject(tx, input.frameworkId, { ...values, status: input.status, statusSince: since }, actor.userId);
    await repo.setProjectMembers(tx, id, memberIds);
    await repo.insertHistory(tx, id, { status: input.status, fromStatus: null, enteredOn: since, reason: "登録" }, actor.userId);
    const row = await projectOf(tx, id);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "region_project",
      entityId: id,
      summary: `連携事業「${row.name}」（${framework.name}・${PROJECT_STATUS_LABELS[input.status]}）を登録`,
      after: { ...values, memberIds, status: input.status, statusSince: since },
    });
    return detailOf(tx, row, true);
  });
}

const projectValues = async (tx: Queryable, row: repo.ProjectRow) => ({
  name: row.name,
  summary: row.summary,
  lead: row.lead_name,
  owner: row.owner_name,
  startFiscalYear: row.start_fiscal_year,
  endFiscalYear: row.end_fiscal_year,
  members: (await repo.findProjectMembers(tx, row.id)).map((m) => m.name),
});

/** Locks the project and checks the version the caller saw. */
async function lockedProject(tx: Queryable, id: string, version?: number): Promise<repo.ProjectRow> {
  const row = await projectOf(tx, id, true);
  if (version !== undefined && row.version !== version) throw new Conflict(STALE);
  return row;
}

export async function updateProject(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: ProjectFieldsInput & { version: number },
): Promise<api.ProjectDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const before = await lockedProject(tx, id, input.version);
    const { values, memberIds } = await checkedFields(tx, before.framework_id, input);
    await nameTaken(tx, before.framework_id, values.name, id);
    const beforeValues = await projectValues(tx, before);
    await repo.updateProject(tx, id, values);
    await repo.setProjectMembers(tx, id, memberIds);
    const after = await projectOf(tx, id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "region_project",
      entityId: id,
      summary: `連携事業「${after.name}」を変更`,
      before: beforeValues,
      after: await projectValues(tx, after),
    });
    return detailOf(tx, after, true);
  });
}

export async function changeStatus(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { version: number; status: ProjectStatus; on: string; reason: string },
): Promise<api.ProjectDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const before = await lockedProject(tx, id, input.version);
    const history = await repo.findHistory(tx, id);
    const currentSince = history.at(-1)?.entered_on ?? before.status_since;
    const check = checkStatusChange({
      from: before.status,
      to: input.status,
      reason: input.reason,
      on: input.on,
      currentSince,
      today: todayInJapan(),
    });
    if (!check.ok) throw new ValidationError(check.message, { [check.field]: check.message });
    if (history.length === 0)
      await repo.insertHistory(
        tx,
        id,
        { status: before.status, fromStatus: null, enteredOn: before.status_since, reason: "" },
        null,
        before.is_sample,
      );
    await repo.insertHistory(
      tx,
      id,
      { status: input.status, fromStatus: before.status, enteredOn: input.on, reason: input.reason.trim() },
      actor.userId,
    );
    await repo.setProjectStatus(tx, id, input.status, input.on);
    const after = await projectOf(tx, id);
    await recordAudit(tx, actor, {
      action: "change_status",
      entityType: "region_project",
      entityId: id,
      summary: `連携事業「${after.name}」を「${PROJECT_STATUS_LABELS[before.status]}」から「${PROJECT_STATUS_LABELS[input.status]}」へ${
        check.direction === "back" ? "戻しました" : "進めました"
      }（${input.on}）`,
      before: { status: before.status, statusSince: before.status_since },
      after: { status: input.status, statusSince: input.on, reason: input.reason.trim() },
    });
    return detailOf(tx, after, true);
  });
}

// ------------------------------------------------------------------ budgets

const fundingText = (funding: Partial<Record<FundingSource, number>>) =>
  FUNDING_SOURCES.filter((s) => (funding[s] ?? 0) > 0)
    .map((s) => `${FUNDING_SOURCE_LABELS[s]} ${(funding[s] ?? 0).toLocaleString("ja-JP")}円`)
    .join("、");

export async function putBudget(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  fiscalYear: number,
  input: { version: number | null; totalYen: number; funding: Record<FundingSource, number>; note: string; mismatchReason: string },
): Promise<api.ProjectDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const project = await lockedProject(tx, id);
    const before = (await repo.findBudgets(tx, id)).find((b) => b.fiscal_year === fiscalYear) ?? null;
    if (before && input.version !== before.version) throw new Conflict(STALE);
    if (!before && input.version !== null) throw new Conflict(STALE);
    const check = checkFunding(input.totalYen, input.funding);
    const reason = input.mismatchReason.trim();
    // A funding sum that differs from the total is kept only with its reason (e.g. the 特別交付税 is not yet known):
    // never silently; the page keeps flagging it until the sum matches.
    if (!check.matches && !reason)
      throw new ValidationError(`${check.message}内訳を直すか、不一致のまま保存する理由を入力してください。`, {
        mismatchReason: "不一致の理由を入力してください。",
      });
    await repo.upsertBudget(tx, id, fiscalYear, { ...input, mismatchReason: check.matches ? "" : reason }, actor.userId);
    await repo.bumpProject(tx, id);
    await recordAudit(tx, actor, {
      action: before ? "update" : "create",
      entityType: "region_project_budget",
      entityId: id,
      summary: `連携事業「${project.name}」の${fiscalYear}年度予算: 総事業費 ${input.totalYen.toLocaleString("ja-JP")}円（${fundingText(input.funding) || "財源なし"}）${
        check.matches ? "" : `。不一致: ${check.message} 理由: ${reason}`
      }`,
      before: before ? { ...toBudget(before) } : undefined,
      after: {
        fiscalYear,
        totalYen: input.totalYen,
        funding: input.funding,
        note: input.note,
        mismatchReason: check.matches ? "" : reason,
      },
    });
    return detailOf(tx, await projectOf(tx, id), true);
  });
}

export async function deleteBudget(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  fiscalYear: number,
): Promise<api.ProjectDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const project = await lockedProject(tx, id);
    const before = (await repo.findBudgets(tx, id)).find((b) => b.fiscal_year === fiscalYear);
    if (!before || !(await repo.deleteBudget(tx, id, fiscalYear))) throw new NotFound("この年度の予算");
    await repo.bumpProject(tx, id);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "region_project_budget",
      entityId: id,
      summary: `連携事業「${project.name}」の${fiscalYear}年度予算を削除`,
      before: { ...toBudget(before) },
    });
    return detailOf(tx, await projectOf(tx, id), true);
  });
}

// ------------------------------------------------------------------ indicators

export async function setIndicators(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  indicatorIds: string[],
): Promise<api.ProjectDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const project = await lockedProject(tx, id);
    const labels = await checkIndicatorIds(tx, indicatorIds);
    const before = await repo.findIndicatorLinks(tx, id);
    const ids = [...new Set(indicatorIds.map((i) => i.toLowerCase()))];
    await repo.setIndicatorLinks(tx, id, ids);
    await repo.bumpProject(tx, id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "region_project",
      entityId: id,
      summary: `連携事業「${project.name}」の指標を${ids.length}件に設定（${labels.map((l) => `${l.code} ${l.name}`).join("、") || "なし"}）`,
      before: { indicatorIds: before.map((b) => b.indicator_id) },
      after: { indicatorIds: ids },
    });
    return detailOf(tx, await projectOf(tx, id), true);
  });
}

// ------------------------------------------------------------------ internal steps (庁内調整)

interface StepFields {
  kind: "department" | "budget";
  organisationId: string;
  fiscalYear: number | null;
  status: "planned" | "in_progress" | "agreed" | "declined";
  startedOn: string | null;
  endedOn: string | null;
  note: string;
}

async function checkedStep(tx: Queryable, input: StepFields): Promise<repo.StepInput> {
  const organisation = (await internalOrganisations(tx)).find((o) => o.id === input.organisationId);
  if (!organisation)
    throw new ValidationError("相手の部署には市の組織を選んでください。", { organisationId: "市の組織を選んでください。" });
  if (input.kind === "budget" && !input.fiscalYear)
    throw new ValidationError("予算協議には予算の年度を入力してください。", { fiscalYear: "年度を入力してください。" });
  const problem = stepDatesProblem(input);
  if (problem) throw new ValidationError(problem, { [problem.includes("開始日を") ? "startedOn" : "endedOn"]: problem });
  return { ...input, fiscalYear: input.kind === "budget" ? input.fiscalYear : input.fiscalYear };
}

const stepText = (s: repo.StepInput, organisationName: string) =>
  `${STEP_KIND_LABELS[s.kind]}（${organisationName}${s.fiscalYear ? `・${s.fiscalYear}年度予算` : ""}・${STEP_STATUS_LABELS[s.kind][s.status]}）`;

export async function addStep(db: Db, user: Principal | null, actor: Actor, id: string, input: StepFields): Promise<api.ProjectDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const project = await lockedProject(tx, id);
    const values = await checkedStep(tx, input);
    const stepId = await repo.insertStep(tx, id, values);
    await repo.bumpProject(tx, id);
    const step = (await repo.findStep(tx, id, stepId))!;
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "region_project_step",
      entityId: stepId,
      summary: `連携事業「${project.name}」に庁内調整 ${stepText(values, step.organisation_name)} を追加`,
      after: { ...values },
    });
    return detailOf(tx, await projectOf(tx, id), true);
  });
}

async function stepOf(tx: Queryable, projectId: string, stepId: string): Promise<repo.StepRowDb> {
  const step = await repo.findStep(tx, projectId, stepId);
  if (!step) throw new NotFound("庁内調整");
  return step;
}

export async function updateStep(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  stepId: string,
  input: StepFields & { version: number },
): Promise<api.ProjectDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const project = await lockedProject(tx, id);
    const before = await stepOf(tx, id, stepId);
    if (before.version !== input.version) throw new Conflict(STALE);
    const values = await checkedStep(tx, input);
    await repo.updateStep(tx, stepId, values);
    await repo.bumpProject(tx, id);
    const after = await stepOf(tx, id, stepId);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "region_project_step",
      entityId: stepId,
      summary: `連携事業「${project.name}」の庁内調整 ${stepText(values, after.organisation_name)} を変更`,
      before: { status: before.status, startedOn: before.started_on, endedOn: before.ended_on, note: before.note },
      after: { status: values.status, startedOn: values.startedOn, endedOn: values.endedOn, note: values.note },
    });
    return detailOf(tx, await projectOf(tx, id), true);
  });
}

export async function deleteStep(db: Db, user: Principal | null, actor: Actor, id: string, stepId: string): Promise<api.ProjectDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const project = await lockedProject(tx, id);
    const before = await stepOf(tx, id, stepId);
    await repo.deleteStep(tx, stepId);
    await repo.bumpProject(tx, id);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "region_project_step",
      entityId: stepId,
      summary: `連携事業「${project.name}」の庁内調整（${STEP_KIND_LABELS[before.kind]}・${before.organisation_name}）を削除`,
      before: { kind: before.kind, organisation: before.organisation_name, status: before.status, rounds: before.rounds?.length ?? 0 },
    });
    return detailOf(tx, await projectOf(tx, id), true);
  });
}

export async function addStepRound(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  stepId: string,
  input: { heldOn: string; title: string; outcome: string },
): Promise<api.ProjectDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const project = await lockedProject(tx, id);
    const step = await stepOf(tx, id, stepId);
    if (input.heldOn > todayInJapan())
      throw new ValidationError("経過の日付に未来の日付は指定できません。", { heldOn: "今日以前の日付にしてください。" });
    await repo.insertStepRound(tx, stepId, input, actor.userId);
    await repo.bumpProject(tx, id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "region_project_step",
      entityId: stepId,
      summary: `連携事業「${project.name}」の庁内調整（${step.organisation_name}）に経過「${input.title}」（${input.heldOn}）を記録`,
      after: { ...input },
    });
    return detailOf(tx, await projectOf(tx, id), true);
  });
}

// ------------------------------------------------------------------ yearly reports

export async function putReport(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  fiscalYear: number,
  input: { version: number | null; results: string; outcomes: string; issues: string; nextPolicy: string },
): Promise<api.ProjectDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const project = await lockedProject(tx, id);
    const before = await repo.findReport(tx, id, fiscalYear);
    if ((before?.version ?? null) !== input.version) throw new Conflict(STALE);
    if (![input.results, input.outcomes, input.issues, input.nextPolicy].some((t) => t.trim()))
      throw new ValidationError("実績・成果・課題・次年度の方針のいずれかを入力してください。", { results: "実績を入力してください。" });
    const reportId = await repo.upsertReport(tx, id, fiscalYear, input, actor.userId);
    await repo.bumpProject(tx, id);
    await recordAudit(tx, actor, {
      action: before ? "update" : "create",
      entityType: "region_project_report",
      entityId: reportId,
      summary: `連携事業「${project.name}」の${fiscalYear}年度の年次報告を${before ? "更新" : "作成"}`,
      before: before
        ? { results: before.results, outcomes: before.outcomes, issues: before.issues, nextPolicy: before.next_policy }
        : undefined,
      after: { results: input.results, outcomes: input.outcomes, issues: input.issues, nextPolicy: input.nextPolicy },
    });
    return detailOf(tx, await projectOf(tx, id), true);
  });
}

export async function uploadReportFile(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  fiscalYear: number,
  form: Upload | null,
): Promise<api.ProjectDetail> {
  return db.transaction(async (tx) => {
    await requireRegionManager(tx, user);
    const project = await lockedProject(tx, id);
    const report = await repo.findReport(tx, id, fiscalYear);
    if (!report) throw new NotFound("この年度の年次報告");
    const upload = requireUpload(form);
    const mimeType = checkAttachmentUpload(upload.name, upload.bytes);
    const previous = await listOwnedFiles(tx, reportOwner(report.id));
    for (const file of previous) await deleteOwnedFile(tx, file.id, reportOwner(report.id));
    const stored = await storeFile(tx, {
      name: upload.name,
      mimeType,
      bytes: upload.bytes,
      createdBy: actor.userId,
      owner: { ...reportOwner(report.id), organisationId: null },
    });
    await repo.bumpProject(tx, id);
    await recordAudit(tx, actor, {
      action: "attach_file",
      entityType: "region_project_report",
      entityId: report.id,
      summary: `連携事業「${project.name}」の${fiscalYear}年度の年次報告に資料「${stored.name}」を添付${previous.length ? "（前の資料と置き換え）" : ""}`,
      after: { fileId: stored.id, name: stored.name, mimeType: stored.mimeType, sizeBytes: stored.sizeBytes, sha256: stored.sha256 },
    });
    return detailOf(tx, await projectOf(tx, id), true);
  });
}

export async function downloadReportFile(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  fiscalYear: number,
): Promise<FileResult> {
  authorize(user, "region.read");
  const project = await projectOf(db, id);
  const report = await repo.findReport(db, id, fiscalYear);
  const owned = report ? await ownedFileOf(db, { kind: "region.project_report", id: report.id }) : null;
  if (!report || !owned) throw new NotFound("年次報告の資料");
  const file = await readFileFor(db, user, owned.id, reportOwner(report.id), "年次報告の資料");
  await recordAudit(db, actor, {
    action: "download",
    entityType: "file",
    entityId: file.id,
    summary: `連携事業「${project.name}」の${fiscalYear}年度の年次報告の資料「${file.name}」をダウンロード`,
  });
  return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
}
