// 募集回と審査基準 as the routes call them. Every member of staff reads the rounds; an applicant company's and a
// reviewer's logins read one round's rules (the form and the score sheet are built from them). The bureau that runs
// the programme (sdgs.manager) creates a round (a copy of the latest round's rules, or of the round it names), saves
// a round with all its rules in one body, scores a round's applications at once (一括採点) and deletes a round that has
// no applications. Each write is one transaction: the caller's access, the checks, the change, its audit row.
import { type RoundBody, type RoundDetail, type RoundSummary, roundStatusOn } from "../../../common/api/sdgs-rounds";
import { formatWareki, todayInJapan } from "../../../common/dates";
import { APPLICATION_STATUSES, type ApplicationStatus } from "../../../common/sdgs/application-states";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, can, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, Unauthenticated, ValidationError } from "../../platform/errors";
import { companyOfUser, isActiveReviewer, isSdgsManager, requireSdgsManager } from "./access";
import { lockedRuleChanges, roundBodyProblems } from "./round-checks";
import * as repo from "./round-repository";
import { findRoundRules, type RoundRulesRows } from "./round-rules-repository";
import { scoreRound } from "./scoring-service";

const STALE = "他の利用者が先にこの募集回を更新しました。画面を再読み込みしてから、もう一度保存してください。";

function countsOf(raw: Record<string, number> | null): Record<ApplicationStatus, number> {
  return Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, raw?.[s] ?? 0])) as Record<ApplicationStatus, number>;
}

// ------------------------------------------------------------------ reads

export async function listRounds(db: Db, user: Principal | null): Promise<{ items: RoundSummary[]; canManage: boolean }> {
  authorize(user, "sdgs.read");
  const today = todayInJapan();
  const rows = await repo.findRoundList(db);
  return {
    items: rows.map((row) => {
      const counts = countsOf(row.counts);
      return {
        id: row.id,
        name: row.name,
        fiscalYear: row.fiscal_year,
        opensOn: row.opens_on,
        closesOn: row.closes_on,
        committeePlannedOn: row.committee_planned_on,
        status: roundStatusOn({ opensOn: row.opens_on, closesOn: row.closes_on }, today),
        counts,
        applicationCount: Object.values(counts).reduce((sum, n) => sum + n, 0),
        isSample: row.is_sample,
      };
    }),
    canManage: await isSdgsManager(db, user),
  };
}

/** Staff, an applicant company's login or an active reviewer reads a round's rules; anyone else gets 403. */
async function requireRoundReader(db: Queryable, user: Principal | null): Promise<Principal> {
  if (!user) throw new Unauthenticated();
  if (can(user, "sdgs.read") || (await isActiveReviewer(db, user))) return user;
  await companyOfUser(db, user);
  return user;
}

/** The round with its rules as its page shows them to this caller. */
async function readRound(tx: Queryable, user: Principal, id: string): Promise<RoundDetail> {
  const rows = await findRoundRules(tx, id);
  if (!rows) throw new NotFound("募集回");
  const { round } = rows;
  const [copiedFromName, rulesLocked, canManage] = await Promise.all([
    round.copied_from_id ? repo.findRoundName(tx, round.copied_from_id) : Promise.resolve(null),
    repo.hasSubmittedApplications(tx, id),
    isSdgsManager(tx, user),
  ]);
  const domains = rows.domains.map((domain) => {
    const items = rows.items.filter((item) => item.domain_id === domain.id);
    return {
      id: domain.id,
      name: domain.name,
      points: items.reduce((sum, item) => sum + item.points, 0),
      items: items.map((item) => ({
        id: item.id,
        code: item.code,
        text: item.text,
        points: item.points,
        required: item.required,
        evidenceRequired: item.evidence_required,
        sdgGoals: item.sdg_goals,
      })),
    };
  });
  return {
    id: round.id,
    name: round.name,
    fiscalYear: round.fiscal_year,
    opensOn: round.opens_on,
    closesOn: round.closes_on,
    committeePlannedOn: round.committee_planned_on,
    status: roundStatusOn({ opensOn: round.opens_on, closesOn: round.closes_on }, todayInJapan()),
    validityYears: round.validity_years,
    renewalWindowDays: round.renewal_window_days,
    rankUpAfterMonths: round.rank_up_after_months,
    reportIntervalMonths: round.report_interval_months,
    minGoals: round.min_goals,
    guidance: round.guidance,
    copiedFromId: round.copied_from_id,
    copiedFromName,
    eligibilityRules: rows.eligibilityRules.map((rule) => ({
      id: rule.id,
      code: rule.code,
      question: rule.question,
      requiredAnswer: rule.required_answer,
      failureReason: rule.failure_reason,
    })),
    domains,
    tiers: rows.tiers.map((tier) => ({ id: tier.id, rank: tier.rank, name: tier.name, minScore: tier.min_score })),
    totalPoints: rows.items.reduce((sum, item) => sum + item.points, 0),
    rulesLocked,
    canManage,
    version: round.version,
    isSample: round.is_sample,
  };
}

export async function getRound(db: Db, user: Principal | null, id: string): Promise<RoundDetail> {
  return readRound(db, await requireRoundReader(db, user), id);
}

/** What the audit row keeps of a round: its settings and the rules' essentials (codes, points, 必須, tiers). */
function auditSummaryOfRows(rows: RoundRulesRows) {
  const { round } = rows;
  return {
    name: round.name,
    fiscalYear: round.fiscal_year,
    opensOn: round.opens_on,
    closesOn: round.closes_on,
    committeePlannedOn: round.committee_planned_on,
    validityYears: round.validity_years,
    renewalWindowDays: round.renewal_window_days,
    rankUpAfterMonths: round.rank_up_after_months,
    reportIntervalMonths: round.report_interval_months,
    minGoals: round.min_goals,
    eligibility: rows.eligibilityRules.map((r) => `${r.code}=${r.required_answer ? "はい" : "いいえ"}`),
    items: rows.items.map((i) => `${i.domain_name}/${i.code}:${i.points}点${i.required ? "（必須）" : ""}`),
    tiers: rows.tiers.map((t) => `${t.rank}.${t.name}≥${t.min_score}`),
    totalPoints: rows.items.reduce((sum, i) => sum + i.points, 0),
  };
}

async function rulesRowsOf(tx: Queryable, id: string): Promise<RoundRulesRows> {
  const rows = await findRoundRules(tx, id);
  if (!rows) throw new NotFound("募集回");
  return rows;
}

// ------------------------------------------------------------------ writes

export interface NewRoundInput {
  name: string;
  fiscalYear: number;
  opensOn: string;
  closesOn: string;
  copyFromId?: string;
}

/** A new round with the period given and every rule copied from `copyFromId` or the latest round (none: empty rules). */
export async function createRoundIn(tx: Queryable, actor: Actor, input: NewRoundInput): Promise<string> {
  if (input.closesOn < input.opensOn) {
    const message = `受付終了日は受付開始日（${formatWareki(input.opensOn)}）以降の日付にしてください。`;
    throw new ValidationError(message, { closesOn: message });
  }
  let sourceId: string | null = null;
  if (input.copyFromId) {
    if (!(await repo.findRoundName(tx, input.copyFromId))) {
      const message = "複製元の募集回が見つかりません。一覧から選び直してください。";
      throw new ValidationError(message, { copyFromId: message });
    }
    sourceId = input.copyFromId;
  } else sourceId = await repo.findLatestRoundId(tx);
  const id = await repo.insertRoundCopy(tx, input, sourceId);
  if (sourceId) await repo.copyRoundRules(tx, sourceId, id);
  const sourceName = sourceId ? await repo.findRoundName(tx, sourceId) : null;
  await recordAudit(tx, actor, {
    action: sourceId ? "copy" : "create",
    entityType: "sdgs_round",
    entityId: id,
    summary: sourceName
      ? `募集回「${input.name}」を「${sourceName}」の審査基準を複製して作成`
      : `募集回「${input.name}」を作成（審査基準は空）`,
    after: auditSummaryOfRows(await rulesRowsOf(tx, id)),
  });
  return id;
}

export async function createRound(db: Db, user: Principal | null, actor: Actor, input: NewRoundInput): Promise<RoundDetail> {
  return db.transaction(async (tx) => {
    const manager = await requireSdgsManager(tx, user);
    return readRound(tx, manager, await createRoundIn(tx, actor, input));
  });
}

/**
 * Saves the round and all its rules (the body is the whole round). 400 with each problem at its field; 409 when the
 * version is stale, or when the round has submitted applications and the change touches items' points, 必須, the set
 * of items or the tiers. The rules are replaced by code, so a kept item keeps its id (answers point at it); the
 * applications' stored scores are computed again when the scoring rules may have changed.
 */
export async function updateRound(db: Db, user: Principal | null, actor: Actor, id: string, body: RoundBody): Promise<RoundDetail> {
  return db.transaction(async (tx) => {
    const manager = await requireSdgsManager(tx, user);
    if (!(await repo.lockRound(tx, id))) throw new NotFound("募集回");
    const before = await rulesRowsOf(tx, id);
    if (before.round.version !== body.version) throw new Conflict(STALE, "stale");
    const problems = roundBodyProblems(body);
    const first = Object.values(problems)[0];
    if (first) throw new ValidationError(first, problems);

    const locked = await repo.hasSubmittedApplications(tx, id);
    if (locked) {
      const changes = lockedRuleChanges(
        {
          items: before.items.map((i) => ({ code: i.code, points: i.points, required: i.required })),
          tiers: before.tiers.map((t) => ({ rank: t.rank, name: t.name, minScore: t.min_score })),
        },
        { items: body.domains.flatMap((d) => d.items), tiers: body.tiers },
      );
      if (changes.length > 0)
        throw new Conflict(
          `この募集回には提出された申請があるため、チェック項目の追加・削除、配点・必須の変更と認証区分の変更はできません（審査の公平のため。文言・日付・設定は変更できます）。元に戻してから保存してください: ${changes.slice(0, 5).join("、")}${changes.length > 5 ? ` ほか${changes.length - 5}件` : ""}`,
          "rules_locked",
        );
    }

    if (!(await repo.updateRoundRow(tx, id, body.version, body))) throw new Conflict(STALE, "stale");
    await repo.replaceEligibilityRules(tx, id, body.eligibilityRules);
    await repo.replaceCheckSheet(
      tx,
      id,
      body.domains.map((d) => d.name),
      body.domains.flatMap((d) => d.items.map((item) => ({ ...item, domain: d.name }))),
    );
    await repo.replaceTiers(tx, id, body.tiers);
    const after = await rulesRowsOf(tx, id);
    // the stored scores follow the rules: drafts' suggested tiers change with the points and thresholds
    const rescored = locked ? 0 : (await scoreRound(tx, id)).scored;
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_round",
      entityId: id,
      summary: `募集回「${body.name}」の審査基準を変更${rescored > 0 ? `（申請${rescored}件を採点し直し）` : ""}`,
      before: auditSummaryOfRows(before),
      after: auditSummaryOfRows(after),
    });
    return readRound(tx, manager, id);
  });
}

/** 一括採点: every application of the round scored again from its answers and submitted reviews, in one transaction. */
export async function scoreRoundNow(db: Db, user: Principal | null, actor: Actor, id: string): Promise<{ scored: number }> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    if (!(await repo.lockRound(tx, id))) throw new NotFound("募集回");
    const result = await scoreRound(tx, id);
    const name = await repo.findRoundName(tx, id);
    await recordAudit(tx, actor, {
      action: "recompute",
      entityType: "sdgs_round",
      entityId: id,
      summary: `募集回「${name}」の申請${result.scored}件を一括採点`,
      after: result,
    });
    return result;
  });
}

/** Deletes a round that no application (and no committee meeting) belongs to; 409 otherwise. */
export async function deleteRound(db: Db, user: Principal | null, actor: Actor, id: string): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    if (!(await repo.lockRound(tx, id))) throw new NotFound("募集回");
    const dependents = await repo.countRoundDependents(tx, id);
    if (dependents.applications > 0)
      throw new Conflict(
        `この募集回には申請が${dependents.applications}件あるため削除できません（申請は記録として残します）。受付を終えるには受付終了日を変更してください。`,
        "round_in_use",
      );
    if (dependents.meetings > 0)
      throw new Conflict(`この募集回には審査会の記録が${dependents.meetings}件あるため削除できません。`, "round_in_use");
    const before = await rulesRowsOf(tx, id);
    await repo.deleteRoundRow(tx, id);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "sdgs_round",
      entityId: id,
      summary: `募集回「${before.round.name}」を削除`,
      before: auditSummaryOfRows(before),
    });
    return { ok: true as const };
  });
}
