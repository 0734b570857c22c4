// 経営分析 (one per subject and fiscal year), as the routes call them: start an analysis (the subject's analysis year by
// default; a second one for the same year is a 409), its summary, the findings per viewpoint with the indicators they
// rest on, the options considered, the decision (common/analysis/review-rules.ts) and its withdrawal with a reason.
// Every write is one transaction with a version check and an audit row (analysis_review). A decided analysis is
// settled: it changes again only after its decision is withdrawn. reviewDetail is what the reports part prints.

import { indicatorDefs } from "../../../common/analysis/indicators";
import {
  type AnalysisOption,
  ASSESSMENT_LABELS,
  affiliateLabel,
  OPTION_LABELS,
  OPTIONS,
  REVIEW_STATUS_LABELS,
  SUBJECT_KIND_LABELS,
  VIEWPOINT_LABELS,
} from "../../../common/analysis/labels";
import { checkDecision, distinctKeys, unknownIndicatorKeys } from "../../../common/analysis/review-rules";
import type * as api from "../../../common/api/analysis-reviews";
import { formatFiscalYear, formatWareki, todayInJapan } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { isAnalysisManager, requireAnalysisManager, requireAnalysisReader } from "./access";
import * as actionsRepo from "./action-repository";
import { actionViewOf, type Closer } from "./action-view";
import * as repo from "./review-repository";

const REVIEW = "経営分析";
const STALE = "この経営分析はほかの操作で更新されています。画面を読み込み直してから、もう一度操作してください。";
const DECIDED = "決定済みの経営分析は変更できません。変更するには、先に決定を取り消してください。";

export type ReviewDetail = api.ReviewDetail;

// ------------------------------------------------------------------ shaping

async function subjectOf(db: Queryable, subjectId: string): Promise<repo.ReviewSubjectRow> {
  const subject = await repo.findReviewSubject(db, subjectId);
  if (subject?.role !== "subject") throw new NotFound("分析対象");
  return subject;
}

async function detailOf(db: Queryable, row: repo.ReviewRow, canManage: boolean, closer: Closer | null): Promise<ReviewDetail> {
  const today = todayInJapan();
  const [subject, findings, options, actions] = await Promise.all([
    subjectOf(db, row.subject_id),
    repo.findFindings(db, row.id),
    repo.findOptions(db, row.id),
    actionsRepo.findActions(db, row.id),
  ]);
  const assessed = new Map(options.map((o) => [o.option, o.assessment]));
  return {
    id: row.id,
    subject: {
      id: subject.id,
      name: subject.name,
      kind: subject.kind,
      kindLabel: SUBJECT_KIND_LABELS[subject.kind],
      isAffiliatedBody: subject.is_affiliated_body,
      affiliateLabel: subject.is_affiliated_body ? affiliateLabel(row.fiscal_year) : null,
      leadOrganisationName: subject.lead_organisation_name,
      bureauName: subject.bureau_name,
      analysisFiscalYear: subject.analysis_fiscal_year,
    },
    fiscalYear: row.fiscal_year,
    summary: row.summary,
    status: row.status,
    statusLabel: REVIEW_STATUS_LABELS[row.status],
    findings: findings.map((f) => ({
      id: f.id,
      viewpoint: f.viewpoint,
      viewpointLabel: VIEWPOINT_LABELS[f.viewpoint],
      body: f.body,
      assessment: f.assessment,
      assessmentLabel: f.assessment ? ASSESSMENT_LABELS[f.assessment] : null,
      indicators: f.indicators,
    })),
    options: OPTIONS.map((option) => ({ option, label: OPTION_LABELS[option], assessment: assessed.get(option) ?? "" })),
    chosenOption: row.chosen_option,
    chosenOptionLabel: row.chosen_option ? OPTION_LABELS[row.chosen_option] : null,
    decision: row.decision,
    decidedOn: row.decided_on,
    decidedBy: row.decided_by,
    actions: actions.map((a) => actionViewOf(a, today, closer)),
    canManage,
    version: row.version,
    isSample: row.is_sample,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

async function reviewOf(db: Queryable, id: string, forUpdate = false): Promise<repo.ReviewRow> {
  const row = await repo.findReview(db, id, { forUpdate });
  if (!row) throw new NotFound(REVIEW);
  return row;
}

/** The analysis for the reports part (no caller check: the report's route checks its caller). */
export async function reviewDetail(db: Queryable, reviewId: string): Promise<ReviewDetail> {
  return detailOf(db, await reviewOf(db, reviewId), false, null);
}

const managerCloser = (user: Principal): Closer => ({ user, isManager: true });

/** 「北九州市立大学の令和8年度の経営分析」 */
const reviewName = (subjectName: string, fiscalYear: number) => `${subjectName}の${formatFiscalYear(fiscalYear)}の経営分析`;

// ------------------------------------------------------------------ reads

export async function getReview(db: Db, user: Principal | null, id: string): Promise<ReviewDetail> {
  const caller = requireAnalysisReader(user);
  const canManage = await isAnalysisManager(db, caller);
  return detailOf(db, await reviewOf(db, id), canManage, { user: caller, isManager: canManage });
}

export async function listSubjectReviews(
  db: Db,
  user: Principal | null,
  subjectId: string,
): Promise<{ items: api.ReviewSummary[]; canManage: boolean; defaultFiscalYear: number | null }> {
  const caller = requireAnalysisReader(user);
  const subject = await subjectOf(db, subjectId);
  const rows = await repo.findSubjectReviews(db, subjectId, todayInJapan());
  return {
    items: rows.map((r) => ({
      id: r.id,
      fiscalYear: r.fiscal_year,
      status: r.status,
      statusLabel: REVIEW_STATUS_LABELS[r.status],
      chosenOption: r.chosen_option,
      chosenOptionLabel: r.chosen_option ? OPTION_LABELS[r.chosen_option] : null,
      decidedOn: r.decided_on,
      decidedBy: r.decided_by,
      findingCount: r.finding_count,
      openActions: r.open_actions,
      overdueActions: r.overdue_actions,
      isSample: r.is_sample,
    })),
    canManage: await isAnalysisManager(db, caller),
    defaultFiscalYear: subject.analysis_fiscal_year,
  };
}

// ------------------------------------------------------------------ start, summary

export async function createReview(
  db: Db,
  user: Principal | null,
  actor: Actor,
  input: { subjectId: string; fiscalYear: number | null; summary: string },
  opts: { isSample?: boolean } = {},
): Promise<ReviewDetail> {
  return db.transaction(async (tx) => {
    const caller = await requireAnalysisManager(tx, user);
    const subject = await subjectOf(tx, input.subjectId);
    const fiscalYear = input.fiscalYear ?? subject.analysis_fiscal_year;
    if (fiscalYear === null) {
      const message = "この対象には分析年度が決められていません。年度を選んでください。";
      throw new ValidationError(message, { fiscalYear: message });
    }
    // the unique constraint would say it too; asking first gives the clearer message (and the existing one's year)
    if (await repo.findReviewOfYear(tx, subject.id, fiscalYear))
      throw new Conflict(`${reviewName(subject.name, fiscalYear)}はすでにあります。一覧から開いてください。`, "duplicate", {
        fiscalYear: `${formatFiscalYear(fiscalYear)}の経営分析はすでにあります。`,
      });
    const id = await repo.insertReview(tx, {
      subjectId: subject.id,
      fiscalYear,
      summary: input.summary,
      createdBy: actor.userId,
      isSample: opts.isSample ?? false,
    });
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "analysis_review",
      entityId: id,
      summary: `${reviewName(subject.name, fiscalYear)}を開始`,
      after: { subjectId: subject.id, subjectName: subject.name, fiscalYear, summary: input.summary },
    });
    return detailOf(tx, await reviewOf(tx, id), true, managerCloser(caller));
  });
}

/** Locks the analysis for a change: manager, current version, not decided. */
async function editable(tx: Queryable, user: Principal | null, id: string, version: number) {
  const caller = await requireAnalysisManager(tx, user);
  const row = await reviewOf(tx, id, true);
  if (row.version !== version) throw new Conflict(STALE);
  if (row.status === "decided") throw new Conflict(DECIDED, "decided");
  const subject = await subjectOf(tx, row.subject_id);
  return { caller, row, subject, name: reviewName(subject.name, row.fiscal_year) };
}

async function reread(tx: Queryable, id: string, caller: Principal): Promise<ReviewDetail> {
  return detailOf(tx, await reviewOf(tx, id), true, managerCloser(caller));
}

export async function updateReview(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { version: number; summary: string },
): Promise<ReviewDetail> {
  return db.transaction(async (tx) => {
    const { caller, row, name } = await editable(tx, user, id, input.version);
    if (!(await repo.updateSummary(tx, id, input.version, input.summary))) throw new Conflict(STALE);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "analysis_review",
      entityId: id,
      summary: `${name}の概要を変更`,
      before: { summary: row.summary, version: row.version },
      after: { summary: input.summary },
    });
    return reread(tx, id, caller);
  });
}

// ------------------------------------------------------------------ findings

type FindingInput = repo.FindingValues & { version: number };

/** The keys kept as sent (without repeats), each one an indicator the subject has. */
async function checkedIndicators(tx: Queryable, subjectId: string, keys: readonly string[]): Promise<string[]> {
  const distinct = distinctKeys(keys);
  const known = indicatorDefs(await repo.findSubjectMeasures(tx, subjectId)).map((d) => d.key);
  const unknown = unknownIndicatorKeys(distinct, known);
  if (unknown.length > 0) {
    const message = `この対象にない指標が含まれています（${unknown.join("、")}）。指標を選び直してください。`;
    throw new ValidationError(message, { indicators: message });
  }
  return distinct;
}

const findingFacts = (f: repo.FindingValues) => ({
  viewpoint: f.viewpoint,
  body: f.body,
  assessment: f.assessment,
  indicators: f.indicators,
});

export async function addFinding(db: Db, user: Principal | null, actor: Actor, id: string, input: FindingInput): Promise<ReviewDetail> {
  return db.transaction(async (tx) => {
    const { caller, subject, name } = await editable(tx, user, id, input.version);
    const values = { ...input, indicators: await checkedIndicators(tx, subject.id, input.indicators) };
    const findingId = await repo.insertFinding(tx, id, values);
    if (!(await repo.bumpReview(tx, id, input.version))) throw new Conflict(STALE);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "analysis_review",
      entityId: id,
      summary: `${name}に${VIEWPOINT_LABELS[input.viewpoint]}の所見を追加`,
      after: { findingId, ...findingFacts(values) },
    });
    return reread(tx, id, caller);
  });
}

async function findingOf(tx: Queryable, reviewId: string, findingId: string): Promise<repo.FindingRow> {
  const found = (await repo.findFindings(tx, reviewId)).find((f) => f.id === findingId);
  if (!found) throw new NotFound("所見");
  return found;
}

export async function updateFinding(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  findingId: string,
  input: FindingInput,
): Promise<ReviewDetail> {
  return db.transaction(async (tx) => {
    const { caller, subject, name } = await editable(tx, user, id, input.version);
    const before = await findingOf(tx, id, findingId);
    const values = { ...input, indicators: await checkedIndicators(tx, subject.id, input.indicators) };
    await repo.updateFinding(tx, id, findingId, values);
    if (!(await repo.bumpReview(tx, id, input.version))) throw new Conflict(STALE);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "analysis_review",
      entityId: id,
      summary: `${name}の${VIEWPOINT_LABELS[input.viewpoint]}の所見を変更`,
      before: { findingId, ...findingFacts(before) },
      after: { findingId, ...findingFacts(values) },
    });
    return reread(tx, id, caller);
  });
}

export async function deleteFinding(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  findingId: string,
  version: number,
): Promise<ReviewDetail> {
  return db.transaction(async (tx) => {
    const { caller, name } = await editable(tx, user, id, version);
    const before = await findingOf(tx, id, findingId);
    await repo.deleteFinding(tx, id, findingId);
    if (!(await repo.bumpReview(tx, id, version))) throw new Conflict(STALE);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "analysis_review",
      entityId: id,
      summary: `${name}の${VIEWPOINT_LABELS[before.viewpoint]}の所見を削除`,
      before: { findingId, ...findingFacts(before) },
    });
    return reread(tx, id, caller);
  });
}

// ------------------------------------------------------------------ options

export async function putOptions(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { version: number; options: { option: AnalysisOption; assessment: string }[] },
): Promise<ReviewDetail> {
  return db.transaction(async (tx) => {
    const { caller, name } = await editable(tx, user, id, input.version);
    const seen = new Set<string>();
    for (const o of input.options) {
      if (seen.has(o.option)) throw new ValidationError(`選択肢「${OPTION_LABELS[o.option]}」が重複しています。`);
      seen.add(o.option);
    }
    const before = await repo.findOptions(tx, id);
    await repo.replaceOptions(tx, id, input.options);
    if (!(await repo.bumpReview(tx, id, input.version))) throw new Conflict(STALE);
    const after = await repo.findOptions(tx, id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "analysis_review",
      entityId: id,
      summary: `${name}の選択肢の検討を変更`,
      before: { options: before },
      after: { options: after },
    });
    return reread(tx, id, caller);
  });
}

// ------------------------------------------------------------------ decision

export async function decideReview(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { version: number; chosenOption: AnalysisOption; decision: string; decidedOn: string; decidedBy: string },
  opts: { today?: string } = {},
): Promise<ReviewDetail> {
  return db.transaction(async (tx) => {
    const caller = await requireAnalysisManager(tx, user);
    const row = await reviewOf(tx, id, true);
    if (row.version !== input.version) throw new Conflict(STALE);
    if (row.status === "decided")
      throw new Conflict("この経営分析はすでに決定済みです。決定を改めるには、先に決定を取り消してください。", "decided");
    const subject = await subjectOf(tx, row.subject_id);
    const [findings, options] = await Promise.all([repo.findFindings(tx, id), repo.findOptions(tx, id)]);
    const problem = checkDecision({
      chosenOption: input.chosenOption,
      decidedOn: input.decidedOn,
      today: opts.today ?? todayInJapan(),
      assessedOptions: options.filter((o) => o.assessment.trim()).map((o) => o.option),
      findingCount: findings.length,
    });
    if (problem) throw new ValidationError(problem.message, { [problem.field]: problem.message });
    if (!(await repo.setDecision(tx, id, input.version, input))) throw new Conflict(STALE);
    const label = OPTION_LABELS[input.chosenOption];
    await recordAudit(tx, actor, {
      action: "change_status",
      entityType: "analysis_review",
      entityId: id,
      summary: `${reviewName(subject.name, row.fiscal_year)}の決定を記録（${label}、${formatWareki(input.decidedOn)}、${input.decidedBy}）`,
      before: { status: row.status, version: row.version },
      after: {
        status: "decided",
        chosenOption: input.chosenOption,
        chosenOptionLabel: label,
        decision: input.decision,
        decidedOn: input.decidedOn,
        decidedBy: input.decidedBy,
      },
    });
    return reread(tx, id, caller);
  });
}

export async function withdrawDecision(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { version: number; reason: string },
): Promise<ReviewDetail> {
  return db.transaction(async (tx) => {
    const caller = await requireAnalysisManager(tx, user);
    const row = await reviewOf(tx, id, true);
    if (row.version !== input.version) throw new Conflict(STALE);
    if (row.status !== "decided") throw new Conflict("この経営分析はまだ決定されていません。", "not_decided");
    const subject = await subjectOf(tx, row.subject_id);
    if (!(await repo.clearDecision(tx, id, input.version))) throw new Conflict(STALE);
    await recordAudit(tx, actor, {
      action: "change_status",
      entityType: "analysis_review",
      entityId: id,
      summary: `${reviewName(subject.name, row.fiscal_year)}の決定を取り消し、分析中に戻す（理由：${input.reason}）`,
      // the withdrawn decision lives on here: the analysis row no longer holds it
      before: {
        status: row.status,
        chosenOption: row.chosen_option,
        decision: row.decision,
        decidedOn: row.decided_on,
        decidedBy: row.decided_by,
        version: row.version,
      },
      after: { status: "draft", reason: input.reason },
    });
    return reread(tx, id, caller);
  });
}
