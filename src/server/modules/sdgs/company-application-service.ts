// 申請 (a company's own applications), as its partner logins make them: the rounds open today (日本時間), a new draft
// (新規, or 更新・ランクアップ of the certification it holds, within the round's windows), the stepped form saved as
// a draft (incomplete is fine), the submission with every check (common/sdgs/company-submission-checks.ts), a
// withdrawal. Each write is one transaction with its audit row and, for a move, its 申請の経過 row; the moves are
// MOVE_RULES'. Another company's application is "not found" (404), never "forbidden".
import type { ApplicationSummary, CompanyApplication, DraftInput, OpenRound } from "../../../common/api/sdgs-company";
import { formatWareki, todayInJapan } from "../../../common/dates";
import {
  APPLICATION_STATUS_LABELS,
  type ApplicationStatus,
  canMove,
  companyMayEdit,
  MOVE_RULES,
  moveRefusal,
} from "../../../common/sdgs/application-states";
import { addMonths, daysBetween } from "../../../common/sdgs/certification-lifecycle";
import { submissionProblems } from "../../../common/sdgs/company-submission-checks";
import type { ApplicationKind } from "../../../common/sdgs/labels";
import { scoreSelfCheck, tierFor } from "../../../common/sdgs/scoring";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import {
  type ApplicationRow,
  findActiveCertifications,
  findAnswers,
  findCompanyApplication,
  findCompanyApplications,
  findEvents,
  findGoals,
  findItemsWithEvidence,
  findOpenRounds,
  findRoundWindow,
  type GoalRow,
  type HeldCertificationRow,
  hasOpenApplication,
  insertApplication,
  insertEvent,
  markSubmitted,
  replaceAnswers,
  replaceGoals,
  setStatus,
  updateDraft,
} from "./company-application-repository";
import type { CompanyRow } from "./company-repository";
import { ownCompany } from "./company-service";
import { evidenceOf } from "./evidence-service";
import { loadRoundRules, type RoundRules } from "./round-rules";
import { rescoreApplication } from "./scoring-service";

const APPLICATION = "申請";
const iso = (value: Date | string | null) => (value === null ? null : (value instanceof Date ? value : new Date(value)).toISOString());
const num = (value: string | number | null) => (value === null ? null : Number(value));
const wareki = (date: string) => formatWareki(date);

/** The events whose comment the company reads: the reasons given to it (差戻し・不認証) and its own (提出・取下げ). */
const COMPANY_VISIBLE_COMMENTS: readonly string[] = ["submitted", "returned", "refused", "withdrawn"];

// ------------------------------------------------------------------ kinds: 新規・更新・ランクアップ

interface RoundWindow {
  renewal_window_days: number;
  rank_up_after_months: number | null;
}

interface KindDecision {
  allowed: boolean;
  reason: string | null;
  previous: HeldCertificationRow | null;
}

/** Which kinds the company may apply with in a round today, from the certifications it holds (pure). */
export function kindDecisions(
  round: RoundWindow,
  held: readonly HeldCertificationRow[],
  today: string,
): Record<ApplicationKind, KindDecision> {
  const valid = held.filter((c) => c.valid_from <= today && today <= c.valid_until);
  const renewable = valid.find((c) => daysBetween(today, c.valid_until) <= round.renewal_window_days) ?? null;
  const rankUpAfter = round.rank_up_after_months;
  const rankable =
    rankUpAfter === null ? null : (valid.find((c) => c.tier_rank > 1 && addMonths(c.valid_from, rankUpAfter) <= today) ?? null);
  const first = valid[0];
  return {
    new: first
      ? {
          allowed: false,
          reason: `有効な認証（${first.number}）をお持ちです。「更新」または「ランクアップ」で申請してください。`,
          previous: null,
        }
      : { allowed: true, reason: null, previous: null },
    renewal: renewable
      ? { allowed: true, reason: null, previous: renewable }
      : {
          allowed: false,
          reason: first
            ? `更新の申請は、認証の有効期限（${wareki(first.valid_until)}）の${round.renewal_window_days}日前から受け付けます。`
            : "有効な認証をお持ちでないため、更新の申請はできません。",
          previous: null,
        },
    rank_up: rankable
      ? { allowed: true, reason: null, previous: rankable }
      : {
          allowed: false,
          reason:
            rankUpAfter === null
              ? "この募集回ではランクアップの申請を受け付けていません。"
              : !first
                ? "有効な認証をお持ちでないため、ランクアップの申請はできません。"
                : first.tier_rank <= 1
                  ? "最上位の区分の認証をお持ちです。ランクアップの申請はできません。"
                  : `ランクアップの申請は、認証を受けてから${rankUpAfter}か月後（${wareki(addMonths(first.valid_from, rankUpAfter))}）から受け付けます。`,
          previous: null,
        },
  };
}

export async function listOpenRounds(
  db: Db,
  user: Principal | null,
  today: string = todayInJapan(),
): Promise<{ today: string; items: OpenRound[] }> {
  const company = await ownCompany(db, user);
  const [rounds, held] = await Promise.all([findOpenRounds(db, company.id, today), findActiveCertifications(db, company.id)]);
  return {
    today,
    items: rounds.map((round) => {
      const kinds = kindDecisions(round, held, today);
      return {
        id: round.id,
        name: round.name,
        fiscalYear: round.fiscal_year,
        opensOn: round.opens_on,
        closesOn: round.closes_on,
        guidance: round.guidance,
        minGoals: round.min_goals,
        isSample: round.is_sample,
        applicationId: round.application_id,
        applicationStatus: (round.application_status as ApplicationStatus | null) ?? null,
        kinds: (["new", "renewal", "rank_up"] as const).map((kind) => ({
          kind,
          allowed: kinds[kind].allowed,
          reason: kinds[kind].reason,
        })),
      };
    }),
  };
}

export async function listApplications(db: Db, user: Principal | null): Promise<{ items: ApplicationSummary[] }> {
  const company = await ownCompany(db, user);
  const rows = await findCompanyApplications(db, company.id);
  return {
    items: rows.map((row) => ({
      id: row.id,
      roundId: row.round_id,
      roundName: row.round_name,
      fiscalYear: row.fiscal_year,
      kind: row.kind as ApplicationKind,
      status: row.status as ApplicationStatus,
      statusLabel: APPLICATION_STATUS_LABELS[row.status as ApplicationStatus],
      submittedAt: iso(row.submitted_at),
      updatedAt: iso(row.updated_at) ?? "",
      selfScore: num(row.self_score),
      tierName: row.tier_name,
      certificationNumber: row.certification_number,
      isSample: row.is_sample,
    })),
  };
}

export async function createApplication(
  db: Db,
  user: Principal | null,
  actor: Actor,
  input: { roundId: string; kind: ApplicationKind },
  today: string = todayInJapan(),
): Promise<{ id: string }> {
  return db.transaction(async (tx) => {
    // The company's row is locked: two "申請を始める" at once make one application, the other a 409.
    const company = await ownCompany(tx, user, true);
    const round = await findRoundWindow(tx, input.roundId);
    if (!round) throw new NotFound("募集回");
    if (today < round.opens_on || today > round.closes_on)
      throw new ValidationError(
        `「${round.name}」の申請受付期間は${wareki(round.opens_on)}から${wareki(round.closes_on)}までです。受付期間中に申請してください。`,
      );
    if (await hasOpenApplication(tx, round.id, company.id))
      throw new Conflict(`「${round.name}」にはすでに申請があります。一覧からその申請を開いてください。`, "application_exists");
    const decision = kindDecisions(round, await findActiveCertifications(tx, company.id), today)[input.kind];
    if (!decision.allowed) throw new ValidationError(decision.reason ?? "この種類では申請できません。", { kind: decision.reason ?? "" });
    const id = await insertApplication(tx, {
      roundId: round.id,
      companyId: company.id,
      kind: input.kind,
      previousCertificationId: decision.previous?.id ?? null,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "sdgs_application",
      entityId: id,
      summary: `「${company.name}」が「${round.name}」の申請（${KIND_LABEL[input.kind]}）を作成`,
      after: { roundId: round.id, kind: input.kind, previousCertificationId: decision.previous?.id ?? null },
    });
    await rescoreApplication(tx, id);
    return { id };
  });
}

const KIND_LABEL: Record<ApplicationKind, string> = { new: "新規", renewal: "更新", rank_up: "ランクアップ" };

// ------------------------------------------------------------------ one application

async function loadOwn(
  tx: Queryable,
  user: Principal | null,
  id: string,
  forUpdate = false,
): Promise<{ company: CompanyRow; app: ApplicationRow }> {
  const company = await ownCompany(tx, user);
  const app = await findCompanyApplication(tx, id, company.id, { forUpdate });
  if (!app) throw new NotFound(APPLICATION);
  return { company, app };
}

function answersOf(app: ApplicationRow): Record<string, boolean> {
  const raw = typeof app.eligibility_answers === "string" ? JSON.parse(app.eligibility_answers) : app.eligibility_answers;
  const answers: Record<string, boolean> = {};
  for (const [code, value] of Object.entries(raw ?? {})) if (typeof value === "boolean") answers[code] = value;
  return answers;
}

const toGoal = (goal: GoalRow) => ({
  id: goal.id,
  title: goal.title,
  sdgGoals: goal.sdg_goals.map(Number),
  kpi: goal.kpi,
  unit: goal.unit,
  baseline: num(goal.baseline),
  baselineYear: goal.baseline_year,
  target: Number(goal.target),
  targetYear: goal.target_year,
});

async function detail(db: Queryable, app: ApplicationRow, rules?: RoundRules): Promise<CompanyApplication> {
  const roundRules = rules ?? (await loadRoundRules(db, app.round_id));
  const { round, eligibilityRules, domains, items, tiers } = roundRules.rows;
  const [answers, goals, evidence, events] = await Promise.all([
    findAnswers(db, app.id),
    findGoals(db, app.id),
    evidenceOf(db, app.id),
    findEvents(db, app.id),
  ]);
  const self = scoreSelfCheck(roundRules.items, new Set(answers.filter((a) => a.met).map((a) => a.item_id)));
  const tier = tierFor(self, roundRules.tiers);
  const status = app.status as ApplicationStatus;
  return {
    id: app.id,
    kind: app.kind as ApplicationKind,
    status,
    statusLabel: APPLICATION_STATUS_LABELS[status],
    canEdit: companyMayEdit(status),
    canWithdraw: canMove(status, "withdraw"),
    version: app.version,
    isSample: app.is_sample,
    submittedAt: iso(app.submitted_at),
    submissionCount: app.submission_count,
    declaredAt: iso(app.declared_at),
    returnReason: app.return_reason,
    previousCertificationNumber: app.previous_certification_number,
    round: {
      id: round.id,
      name: round.name,
      fiscalYear: round.fiscal_year,
      opensOn: String(round.opens_on),
      closesOn: String(round.closes_on),
      minGoals: round.min_goals,
      guidance: round.guidance,
    },
    eligibilityRules: eligibilityRules.map((rule) => ({
      code: rule.code,
      question: rule.question,
      requiredAnswer: rule.required_answer,
      failureReason: rule.failure_reason,
    })),
    domains: domains.map((domain) => ({
      id: domain.id,
      name: domain.name,
      items: items
        .filter((item) => item.domain_id === domain.id)
        .map((item) => ({
          id: item.id,
          code: item.code,
          text: item.text,
          points: item.points,
          required: item.required,
          evidenceRequired: item.evidence_required,
          sdgGoals: item.sdg_goals.map(Number),
        })),
    })),
    tiers: tiers.map((t) => ({ id: t.id, rank: t.rank, name: t.name, minScore: Number(t.min_score) })),
    eligibilityAnswers: answersOf(app),
    summary: app.summary,
    answers: answers.map((a) => ({ itemId: a.item_id, met: a.met, note: a.note })),
    goals: goals.map(toGoal),
    evidence,
    history: events.map((event) => ({
      fromStatus: (event.from_status as ApplicationStatus | null) ?? null,
      toStatus: event.to_status as ApplicationStatus,
      toLabel: APPLICATION_STATUS_LABELS[event.to_status as ApplicationStatus],
      comment: COMPANY_VISIBLE_COMMENTS.includes(event.to_status) ? event.comment : "",
      actorLabel: event.actor_label,
      at: iso(event.at) ?? "",
    })),
    selfScore: {
      score: self.score,
      max: self.max,
      byDomain: self.byDomain,
      missingRequired: self.missingRequired,
      tierName: tier.tier?.name ?? null,
      tierReason: tier.reason,
    },
  };
}

export async function getApplication(db: Db, user: Principal | null, id: string): Promise<CompanyApplication> {
  const { app } = await loadOwn(db, user, id);
  return detail(db, app);
}

function requireEditable(app: ApplicationRow, version: number): void {
  const status = app.status as ApplicationStatus;
  if (!companyMayEdit(status))
    throw new Conflict(
      `「${APPLICATION_STATUS_LABELS[status]}」の申請は変更できません。変更できるのは下書きと差戻し中の申請です。`,
      "not_editable",
    );
  if (app.version !== version)
    throw new Conflict("この申請はほかの画面で先に保存されています。画面を読み込み直してから、もう一度保存してください。", "stale_version");
}

export async function saveDraft(db: Db, user: Principal | null, actor: Actor, id: string, input: DraftInput): Promise<CompanyApplication> {
  return db.transaction(async (tx) => {
    const { company, app } = await loadOwn(tx, user, id, true);
    requireEditable(app, input.version);
    const rules = await loadRoundRules(tx, app.round_id);
    const itemIds = new Set(rules.items.map((item) => item.id));
    const unknownItem = input.answers.find((answer) => !itemIds.has(answer.itemId));
    if (unknownItem) throw new ValidationError("この募集回にないチェック項目への回答が含まれています。画面を読み込み直してください。");
    if (new Set(input.answers.map((a) => a.itemId)).size !== input.answers.length)
      throw new ValidationError("同じチェック項目への回答が重複しています。");
    const codes = new Set(rules.eligibility.map((rule) => rule.code));
    const unknownCode = Object.keys(input.eligibilityAnswers).find((code) => !codes.has(code));
    if (unknownCode) throw new ValidationError("この募集回にない申請要件への回答が含まれています。画面を読み込み直してください。");
    input.goals.forEach((goal, index) => {
      if (goal.baselineYear !== null && goal.targetYear < goal.baselineYear) {
        const message = `目標${index + 1}の目標年（${goal.targetYear}年）は基準年（${goal.baselineYear}年）以降にしてください。`;
        throw new ValidationError(message, { [`goals.${index}.targetYear`]: message });
      }
    });
    await updateDraft(tx, app.id, { eligibilityAnswers: input.eligibilityAnswers, summary: input.summary });
    await replaceAnswers(tx, app.id, input.answers);
    await replaceGoals(
      tx,
      app.id,
      input.goals.map((goal) => ({ ...goal, sdgGoals: [...new Set(goal.sdgGoals)].sort((a, b) => a - b) })),
    );
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_application",
      entityId: app.id,
      summary: `「${company.name}」が申請「${rules.rows.round.name}」を下書き保存`,
      after: {
        answered: input.answers.length,
        met: input.answers.filter((a) => a.met).length,
        goals: input.goals.length,
        eligibilityAnswers: input.eligibilityAnswers,
      },
    });
    await rescoreApplication(tx, app.id);
    const updated = await findCompanyApplication(tx, app.id, company.id);
    if (!updated) throw new NotFound(APPLICATION);
    return detail(tx, updated, rules);
  });
}

export async function submitApplication(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { version: number; declaration: boolean },
): Promise<CompanyApplication> {
  return db.transaction(async (tx) => {
    const { company, app } = await loadOwn(tx, user, id, true);
    const status = app.status as ApplicationStatus;
    if (!canMove(status, "submit")) throw new Conflict(moveRefusal(status, "submit"), "invalid_move");
    requireEditable(app, input.version);
    const rules = await loadRoundRules(tx, app.round_id);
    const [answers, goals, withEvidence] = await Promise.all([
      findAnswers(tx, app.id),
      findGoals(tx, app.id),
      findItemsWithEvidence(tx, app.id),
    ]);
    const problems = submissionProblems({
      eligibilityRules: rules.eligibility,
      eligibilityAnswers: answersOf(app),
      items: rules.rows.items.map((item) => ({ id: item.id, code: item.code, text: item.text, evidenceRequired: item.evidence_required })),
      answers: answers.map((a) => ({ itemId: a.item_id, met: a.met })),
      itemsWithEvidence: new Set(withEvidence),
      goals: goals.map(toGoal),
      minGoals: rules.rows.round.min_goals,
      summary: app.summary,
      declaration: input.declaration,
    });
    if (problems.length > 0) {
      const fields: Record<string, string> = {};
      for (const problem of problems) fields[problem.field] ??= problem.message;
      throw new ValidationError(
        `提出できません。次の${problems.length}点を直してください。\n${problems.map((p) => `・${p.message}`).join("\n")}`,
        fields,
      );
    }
    await markSubmitted(tx, app.id, actor.userId);
    await insertEvent(tx, {
      applicationId: app.id,
      from: status,
      to: MOVE_RULES.submit.to,
      comment: app.submission_count > 0 ? `再提出（${app.submission_count + 1}回目）` : "",
      actorId: actor.userId,
      actorLabel: `${company.name}（${actor.label}）`,
    });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_application",
      entityId: app.id,
      summary: `「${company.name}」が申請「${rules.rows.round.name}」を${app.submission_count > 0 ? "再提出" : "提出"}（宣言あり）`,
      before: { status },
      after: { status: MOVE_RULES.submit.to, submissionCount: app.submission_count + 1, declared: true },
    });
    await rescoreApplication(tx, app.id);
    const updated = await findCompanyApplication(tx, app.id, company.id);
    if (!updated) throw new NotFound(APPLICATION);
    return detail(tx, updated, rules);
  });
}

export async function withdrawApplication(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { version: number; comment?: string },
): Promise<CompanyApplication> {
  return db.transaction(async (tx) => {
    const { company, app } = await loadOwn(tx, user, id, true);
    const status = app.status as ApplicationStatus;
    if (!canMove(status, "withdraw")) throw new Conflict(moveRefusal(status, "withdraw"), "invalid_move");
    if (app.version !== input.version)
      throw new Conflict("この申請はほかの画面で先に変更されています。画面を読み込み直してください。", "stale_version");
    await setStatus(tx, app.id, MOVE_RULES.withdraw.to);
    await insertEvent(tx, {
      applicationId: app.id,
      from: status,
      to: MOVE_RULES.withdraw.to,
      comment: input.comment ?? "",
      actorId: actor.userId,
      actorLabel: `${company.name}（${actor.label}）`,
    });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_application",
      entityId: app.id,
      summary: `「${company.name}」が申請を取下げ`,
      before: { status },
      after: { status: MOVE_RULES.withdraw.to, comment: input.comment ?? "" },
    });
    const updated = await findCompanyApplication(tx, app.id, company.id);
    if (!updated) throw new NotFound(APPLICATION);
    return detail(tx, updated);
  });
}
