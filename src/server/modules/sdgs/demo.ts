// Sample data of the SDGs module (every record is_sample): the bureau that runs the programme (政策局); four rounds
// with the sample rules; 18 fictional companies with applications in every state (令和8年度 is open), certifications
// in the registry (one 期限間近, one 報告期限超過, one revoked) and the committee decisions behind them. Partner
// banks and the SDGsステーション's records load after these (their own demo files, called at the end).
import { type ApplicationStatus, MOVE_RULES } from "../../../common/sdgs/application-states";
import { validUntilFor } from "../../../common/sdgs/certification-lifecycle";
import { withCheckDigit } from "../../../common/sdgs/corporate-number";
import { scoreSelfCheck, tierFor } from "../../../common/sdgs/scoring";
import type { Db, Queryable } from "../../db/database";
import { organisationIdByCode } from "../../platform/admin/organisations";
import { DEMO_ACTOR, recordAudit } from "../../platform/audit/audit";
import { setSdgsOwner } from "./access";
import { SAMPLE_COMPANIES, SAMPLE_ROUNDS, type SampleApplicationPlan, type SampleCompany, type SampleRoundPlan } from "./demo-companies";
import { findSampleGoals, hasSampleRounds, insertSampleOrganisation, insertSampleRow, insertSampleRows } from "./demo-repository";
import { SAMPLE_DOMAINS, SAMPLE_ELIGIBILITY, SAMPLE_GUIDANCE, SAMPLE_ITEMS, SAMPLE_TIERS } from "./demo-rules";
import { loadFinanceDemo } from "./finance-demo";
import { loadRoundRules, type RoundRules } from "./round-rules";
import { scoreRound } from "./scoring-service";
import { indexAllApplications } from "./screening-search";
import { loadStationDemo } from "./station-demo";

/** The path an application took to reach each state (the moves of common/sdgs/application-states.ts). */
const PATHS: Record<ApplicationStatus, ApplicationStatus[]> = {
  draft: [],
  submitted: ["submitted"],
  returned: ["submitted", "screening", "returned"],
  screening: ["submitted", "screening"],
  review: ["submitted", "screening", "review"],
  committee: ["submitted", "screening", "review", "committee"],
  certified: ["submitted", "screening", "review", "committee", "certified"],
  refused: ["submitted", "screening", "review", "committee", "refused"],
  withdrawn: ["submitted", "withdrawn"],
};

/** A stable pseudo-random number in [0, 1) from a text (the same sample data on every first start). */
function stableRandom(text: string): number {
  let hash = 2166136261;
  for (const char of text) hash = Math.imul(hash ^ char.codePointAt(0)!, 16777619);
  return ((hash >>> 0) % 10000) / 10000;
}

function addDaysIso(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const at = (iso: string, hour = 10) => new Date(`${iso}T${String(hour).padStart(2, "0")}:00:00+09:00`);

async function insertRound(tx: Queryable, plan: SampleRoundPlan, copiedFromId: string | null): Promise<string> {
  const roundId = await insertSampleRow(tx, "sdgs_rounds", {
    name: plan.name,
    fiscal_year: plan.fiscalYear,
    opens_on: plan.opensOn,
    closes_on: plan.closesOn,
    committee_planned_on: plan.committeeOn,
    validity_years: plan.validityYears,
    renewal_window_days: 90,
    rank_up_after_months: 12,
    report_interval_months: 12,
    min_goals: 3,
    guidance: SAMPLE_GUIDANCE,
    copied_from_id: copiedFromId,
    is_sample: true,
  });
  for (const [index, rule] of SAMPLE_ELIGIBILITY.entries())
    await insertSampleRow(tx, "sdgs_eligibility_rules", {
      round_id: roundId,
      code: rule.code,
      question: rule.question,
      required_answer: rule.requiredAnswer,
      failure_reason: rule.failureReason,
      sort_order: index + 1,
    });
  const domainIds = new Map<string, string>();
  for (const [index, name] of SAMPLE_DOMAINS.entries())
    domainIds.set(name, await insertSampleRow(tx, "sdgs_check_domains", { round_id: roundId, name, sort_order: index + 1 }));
  await insertSampleRows(
    tx,
    "sdgs_check_items",
    SAMPLE_ITEMS.map((item, index) => ({
      round_id: roundId,
      domain_id: domainIds.get(item.domain),
      code: item.code,
      text: item.text,
      points: item.points,
      required: item.required ?? false,
      evidence_required: item.evidence ?? false,
      sdg_goals: item.goals,
      sort_order: index + 1,
    })),
  );
  for (const tier of SAMPLE_TIERS)
    await insertSampleRow(tx, "sdgs_tiers", { round_id: roundId, rank: tier.rank, name: tier.name, min_score: tier.minScore });
  return roundId;
}

async function insertCompany(tx: Queryable, company: SampleCompany, index: number): Promise<string> {
  const organisationId = await insertSampleOrganisation(tx, `${company.name}（サンプル）`, `sdgs-sample-${company.key}`);
  return insertSampleRow(tx, "sdgs_companies", {
    organisation_id: organisationId,
    corporate_number: withCheckDigit(`999901${String(index + 1).padStart(6, "0")}`),
    name: company.name,
    name_kana: company.kana,
    postal_code: "800-0000",
    address: company.address,
    ward: company.ward,
    industry: company.industry,
    size: company.size,
    employees: company.employees,
    contact_name: "担当 太郎（サンプル）",
    contact_email: `sdgs-${company.key}@example.jp`,
    contact_phone: "093-000-0000",
    is_sample: true,
  });
}

/** The items a company meets: required ones (unless it is the sample that misses one), then others until its strength. */
function metItems(rules: RoundRules, plan: SampleApplicationPlan): Set<string> {
  const met = new Set<string>();
  let points = 0;
  const required = rules.items.filter((item) => item.required);
  for (const [index, item] of required.entries()) {
    if (plan.missRequired && index === required.length - 1) continue;
    met.add(item.id);
    points += item.points;
  }
  const others = rules.items
    .filter((item) => !item.required)
    .sort((a, b) => stableRandom(`${plan.company}:${a.code}`) - stableRandom(`${plan.company}:${b.code}`));
  for (const item of others) {
    if (points + item.points > plan.strength * 100 + 2) continue;
    met.add(item.id);
    points += item.points;
  }
  return met;
}

interface Context {
  companyIds: Map<string, string>;
  /** the company's active certification (for renewals and rank-ups of a later round) */
  certifications: Map<string, string>;
  certificateSequence: Map<number, number>;
}

async function insertApplication(
  tx: Queryable,
  round: SampleRoundPlan,
  roundId: string,
  rules: RoundRules,
  plan: SampleApplicationPlan,
  meetingId: string | null,
  ctx: Context,
) {
  const companyId = ctx.companyIds.get(plan.company)!;
  const company = SAMPLE_COMPANIES.find((c) => c.key === plan.company)!;
  const path = PATHS[plan.status];
  const submittedOn = addDaysIso(round.opensOn, 20 + Math.floor(stableRandom(plan.company) * 60));
  const applicationId = await insertSampleRow(tx, "sdgs_applications", {
    round_id: roundId,
    company_id: companyId,
    kind: plan.kind ?? "new",
    status: plan.status,
    previous_certification_id: plan.kind ? (ctx.certifications.get(plan.company) ?? null) : null,
    eligibility_answers: JSON.stringify(Object.fromEntries(SAMPLE_ELIGIBILITY.map((rule) => [rule.code, rule.requiredAnswer]))),
    summary: `${company.name}は、${company.goals.map((g) => g.title).join("、")}ことを柱に、SDGsの達成に向けた経営に取り組んでいます（サンプル）。`,
    declared_at: path.length > 0 ? at(submittedOn) : null,
    submitted_at: path.length > 0 ? at(submittedOn) : null,
    submission_count: path.length > 0 ? 1 : 0,
    return_reason: plan.returnReason ?? null,
    screening_note: path.includes("review") ? "申請要件・必須書類を確認しました（サンプル）。" : "",
    is_sample: true,
    created_at: at(addDaysIso(submittedOn, -10)),
  });
  const met = metItems(rules, plan);
  await insertSampleRows(
    tx,
    "sdgs_application_answers",
    rules.items.map((item) => ({ application_id: applicationId, item_id: item.id, met: met.has(item.id), note: "" })),
  );
  await insertSampleRows(
    tx,
    "sdgs_application_goals",
    company.goals.map((g, index) => ({
      application_id: applicationId,
      title: g.title,
      sdg_goals: g.sdgs,
      kpi: g.kpi,
      unit: g.unit,
      baseline: g.baseline,
      baseline_year: round.fiscalYear - 1,
      target: g.target,
      target_year: round.fiscalYear + 4,
      sort_order: index + 1,
    })),
  );
  // the history: each move of the path, a few days apart
  let from: ApplicationStatus = "draft";
  let day = submittedOn;
  for (const to of path) {
    const move = Object.values(MOVE_RULES).find((rule) => rule.to === to && rule.from.includes(from));
    const comment = to === "returned" ? (plan.returnReason ?? "") : to === "refused" ? "必須項目が満たされていないため（サンプル）。" : "";
    await insertSampleRow(tx, "sdgs_application_events", {
      application_id: applicationId,
      from_status: from,
      to_status: to,
      comment,
      actor_label: move?.by === "company" ? `${company.name}（サンプル）` : "サンプルデータ",
      at: at(to === "certified" || to === "refused" ? round.committeeOn : day, 10),
    });
    from = to;
    day = addDaysIso(day, 7);
  }
  if ((plan.status === "certified" || plan.status === "refused") && meetingId) {
    const score = scoreSelfCheck(rules.items, met);
    const tier = tierFor(score, rules.tiers).tier;
    const certify = plan.status === "certified" && tier !== null;
    await insertSampleRow(tx, "sdgs_committee_decisions", {
      application_id: applicationId,
      meeting_id: meetingId,
      decision: certify ? "certify" : "refuse",
      tier_id: certify ? tier.id : null,
      reason: certify ? `審査点${score.score}点。` : tierFor(score, rules.tiers).reason,
      decided_at: at(round.committeeOn, 15),
    });
    if (certify) await insertCertification(tx, round, plan, applicationId, companyId, tier, ctx);
  }
}

async function insertCertification(
  tx: Queryable,
  round: SampleRoundPlan,
  plan: SampleApplicationPlan,
  applicationId: string,
  companyId: string,
  tier: { id: string; name: string; rank: number },
  ctx: Context,
) {
  const sequence = (ctx.certificateSequence.get(round.fiscalYear) ?? 0) + 1;
  ctx.certificateSequence.set(round.fiscalYear, sequence);
  const certificationId = await insertSampleRow(tx, "sdgs_certifications", {
    number: `KSM-${round.fiscalYear}-${String(sequence).padStart(4, "0")}`,
    company_id: companyId,
    application_id: applicationId,
    tier_id: tier.id,
    tier_name: tier.name,
    tier_rank: tier.rank,
    valid_from: round.committeeOn,
    valid_until: validUntilFor(round.committeeOn, round.validityYears),
    status: plan.revoked ? "revoked" : "active",
    revoked_at: plan.revoked ? at("2026-06-30", 15) : null,
    revoke_reason: plan.revoked ?? null,
    is_sample: true,
  });
  ctx.certifications.set(plan.company, certificationId);
  const goals = await findSampleGoals(tx, applicationId);
  for (const period of plan.reportedPeriods ?? []) {
    const reportOn = addDaysIso(round.committeeOn, period * 365 - 20);
    const reportId = await insertSampleRow(tx, "sdgs_progress_reports", {
      certification_id: certificationId,
      period,
      status: "accepted",
      comment: `認証後${period}年目の取組状況です（サンプル）。`,
      submitted_at: at(reportOn),
      accepted_at: at(addDaysIso(reportOn, 10)),
      is_sample: true,
    });
    for (const goal of goals)
      await insertSampleRow(tx, "sdgs_progress_report_goals", {
        report_id: reportId,
        goal_id: goal.id,
        actual: Number(goal.baseline) + ((Number(goal.target) - Number(goal.baseline)) * period) / 4,
        comment: "",
      });
  }
}

export async function loadSdgsDemo(db: Db): Promise<void> {
  await setSdgsOwner(db, await organisationIdByCode(db, "seisaku"));
  if (await hasSampleRounds(db)) return;
  await db.transaction(async (tx) => {
    const ctx: Context = { companyIds: new Map(), certifications: new Map(), certificateSequence: new Map() };
    for (const [index, company] of SAMPLE_COMPANIES.entries()) ctx.companyIds.set(company.key, await insertCompany(tx, company, index));
    // outside 審査員 (学識経験者 …) get partner logins in this organisation; staff then register them as reviewers
    await insertSampleOrganisation(tx, "サステナブル経営認証 審査委員（サンプル）", "sdgs-sample-reviewers");
    let previousRoundId: string | null = null;
    for (const round of SAMPLE_ROUNDS) {
      const roundId = await insertRound(tx, round, previousRoundId);
      previousRoundId = roundId;
      const rules = await loadRoundRules(tx, roundId);
      const decided = round.applications.some((plan) => plan.status === "certified" || plan.status === "refused");
      const meetingId = decided
        ? await insertSampleRow(tx, "sdgs_committee_meetings", {
            round_id: roundId,
            held_on: round.committeeOn,
            place: "北九州市役所 本庁舎 5階 特別会議室（サンプル）",
            members: "委員長 学識経験者（サンプル）、委員 金融機関・経済団体・市民団体の代表（サンプル）",
            minutes: `${round.name}の申請について審査し、認証区分を決定した（サンプル）。`,
            is_sample: true,
          })
        : null;
      for (const plan of round.applications) await insertApplication(tx, round, roundId, rules, plan, meetingId, ctx);
      await scoreRound(tx, roundId);
    }
    await recordAudit(tx, DEMO_ACTOR, {
      action: "create",
      entityType: "sdgs_round",
      summary: "サステナブル経営認証のサンプルデータを作成",
    });
    await loadFinanceDemo(tx);
    await loadStationDemo(tx);
    await indexAllApplications(tx);
  });
}
