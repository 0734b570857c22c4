// 審査会 (committee meetings) and their decisions, as the routes call them. Staff read; the bureau's editors
// (sdgs.manager) hold meetings and record decisions. A decision is one transaction: the decision row, the
// application's move (審査会待ち → 認証 / 不認証) with its event row, and for 認証 the certification with its number
// (KSM-<年度>-<連番>, numbered under a lock per year), validity and tier snapshot; a renewal or rank-up supersedes the
// certification it continues. The tier is checked against the score the application reaches (review score when
// reviews exist, else the self-check's): the committee may choose that tier or a lower one, never a higher one, and
// a required item not met blocks 認証 whatever the score.
import type {
  CommitteeCandidate,
  CommitteeMeetingDetail,
  CommitteeMeetingSummary,
  CreateCommitteeMeetingInput,
  DecisionInput,
  UpdateCommitteeMeetingInput,
} from "../../../common/api/sdgs-certification";
import { formatWareki } from "../../../common/dates";
import { addDays, validUntilFor } from "../../../common/sdgs/certification-lifecycle";
import { committeeTierProblem, type TierRule, tierFor } from "../../../common/sdgs/scoring";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { isSdgsManager, requireSdgsManager } from "./access";
import * as certs from "./certification-repository";
import * as repo from "./committee-repository";
import { loadRoundRules, type RoundRules } from "./round-rules";
import { findScoringInputs } from "./scoring-repository";
import { rescoreApplication, scoreInput } from "./scoring-service";

const MEETING = "審査会";
const STALE = "この審査会の記録は、ほかの人が先に変更しました。画面を開き直してから、もう一度変更してください。";

function toSummary(row: repo.MeetingRow): CommitteeMeetingSummary {
  return {
    id: row.id,
    roundId: row.round_id,
    roundName: row.round_name,
    fiscalYear: row.fiscal_year,
    heldOn: row.held_on,
    place: row.place,
    members: row.members,
    minutes: row.minutes,
    decisionCount: row.decision_count,
    certifiedCount: row.certified_count,
    refusedCount: row.refused_count,
    isSample: row.is_sample,
    updatedAt: row.updated_token,
  };
}

const tierOption = (tier: TierRule) => ({ id: tier.id, rank: tier.rank, name: tier.name, minScore: tier.minScore });

export async function listMeetings(db: Db, user: Principal | null, roundId: string | undefined) {
  authorize(user, "sdgs.read");
  const [meetings, rounds, canManage] = await Promise.all([
    repo.findMeetings(db, roundId),
    repo.findRoundOptions(db),
    isSdgsManager(db, user),
  ]);
  return {
    items: meetings.map(toSummary),
    rounds: rounds.map((r) => ({ id: r.id, name: r.name, fiscalYear: r.fiscal_year })),
    canManage,
  };
}

/** The applications waiting for the committee, scored now with the round's rules (the stored scores may be stale). */
async function candidatesOf(db: Queryable, roundId: string, rules: RoundRules): Promise<CommitteeCandidate[]> {
  const rows = await repo.findCandidates(db, roundId);
  if (rows.length === 0) return [];
  const inputs = new Map((await findScoringInputs(db, { applicationIds: rows.map((r) => r.id) })).map((i) => [i.application_id, i]));
  return rows.map((row) => {
    const input = inputs.get(row.id) ?? { application_id: row.id, round_id: roundId, met_item_ids: [], reviews: [] };
    const score = scoreInput(rules, input);
    const reached = tierFor(score.basis, rules.tiers).tier;
    return {
      id: row.id,
      companyId: row.company_id,
      companyName: row.company_name,
      kind: row.kind,
      status: row.status,
      selfScore: score.selfScore,
      reviewScore: score.reviewScore,
      basisKind: score.basisKind,
      basisScore: score.basis.score,
      maxScore: score.basis.max,
      suggestedTier: reached ? tierOption(reached) : null,
      tierReason: score.tierReason,
      missingRequired: score.basis.missingRequired,
      allowedTierIds: reached ? rules.tiers.filter((t) => t.rank >= reached.rank).map((t) => t.id) : [],
      previousCertificationNumber: row.previous_certification_number,
      isSample: row.is_sample,
    };
  });
}

async function detailOf(db: Queryable, user: Principal, id: string): Promise<CommitteeMeetingDetail> {
  const meeting = await repo.findMeeting(db, id);
  if (!meeting) throw new NotFound(MEETING);
  const rules = await loadRoundRules(db, meeting.round_id);
  const [candidates, decisions, canManage] = await Promise.all([
    candidatesOf(db, meeting.round_id, rules),
    repo.findDecisions(db, id),
    isSdgsManager(db, user),
  ]);
  return {
    meeting: toSummary(meeting),
    tiers: rules.tiers.map(tierOption),
    candidates,
    decisions: decisions.map((d) => ({
      applicationId: d.application_id,
      companyName: d.company_name,
      kind: d.kind,
      decision: d.decision,
      tierName: d.tier_name,
      reason: d.reason,
      decidedAt: d.decided_at.toISOString(),
      decidedBy: d.decided_by,
      certificationId: d.certification_id,
      certificationNumber: d.certification_number,
      isSample: d.is_sample,
    })),
    canManage,
  };
}

export async function getMeeting(db: Db, user: Principal | null, id: string): Promise<CommitteeMeetingDetail> {
  authorize(user, "sdgs.read");
  return detailOf(db, user, id);
}

function meetingValues(input: CreateCommitteeMeetingInput | UpdateCommitteeMeetingInput): repo.MeetingValues {
  return { heldOn: input.heldOn, place: input.place, members: input.members, minutes: input.minutes };
}

export async function createMeeting(db: Db, user: Principal | null, actor: Actor, input: CreateCommitteeMeetingInput) {
  return db.transaction(async (tx) => {
    const manager = await requireSdgsManager(tx, user);
    const rules = await loadRoundRules(tx, input.roundId);
    if (input.heldOn < rules.rows.round.closes_on)
      throw new ValidationError("審査会の開催日は、募集の締切日より後の日付にしてください。", {
        heldOn: `募集の締切（${formatWareki(rules.rows.round.closes_on)}）より後の日付にしてください。`,
      });
    const id = await repo.insertMeeting(tx, input.roundId, meetingValues(input));
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "sdgs_committee_meeting",
      entityId: id,
      summary: `${rules.rows.round.name}の審査会（${formatWareki(input.heldOn)}）を登録`,
      after: { roundId: input.roundId, ...meetingValues(input) },
    });
    return detailOf(tx, manager, id);
  });
}

export async function updateMeeting(db: Db, user: Principal | null, actor: Actor, id: string, input: UpdateCommitteeMeetingInput) {
  return db.transaction(async (tx) => {
    const manager = await requireSdgsManager(tx, user);
    const before = await repo.findMeeting(tx, id, { lock: true });
    if (!before) throw new NotFound(MEETING);
    if (before.updated_token !== input.updatedAt) throw new Conflict(STALE, "stale");
    // the certifications decided at this meeting start on its date: it cannot move once they exist
    if (input.heldOn !== before.held_on && before.decision_count > 0)
      throw new ValidationError("決定を記録した審査会の開催日は変更できません（認証の有効期間の始まりになっているため）。", {
        heldOn: "決定を記録した審査会の開催日は変更できません。",
      });
    if (!(await repo.updateMeeting(tx, id, input.updatedAt, meetingValues(input)))) throw new Conflict(STALE, "stale");
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_committee_meeting",
      entityId: id,
      summary: `${before.round_name}の審査会（${formatWareki(input.heldOn)}）の記録を変更`,
      before: { heldOn: before.held_on, place: before.place, members: before.members, minutes: before.minutes },
      after: meetingValues(input),
    });
    return detailOf(tx, manager, id);
  });
}

export interface DecisionResult {
  applicationId: string;
  decision: "certify" | "refuse";
  certificationId: string | null;
  certificationNumber: string | null;
  validFrom: string | null;
  validUntil: string | null;
}

/** The validity of a new certification: from the meeting's date; a renewal from the day after the old one ends if later; a rank-up keeps the old end. */
export function validityFor(
  kind: "new" | "renewal" | "rank_up",
  heldOn: string,
  validityYears: number,
  previous: { valid_until: string } | null,
): { validFrom: string; validUntil: string } {
  if (previous && kind === "renewal") {
    const dayAfter = addDays(previous.valid_until, 1);
    const validFrom = dayAfter > heldOn ? dayAfter : heldOn;
    return { validFrom, validUntil: validUntilFor(validFrom, validityYears) };
  }
  if (previous && kind === "rank_up" && previous.valid_until > heldOn) return { validFrom: heldOn, validUntil: previous.valid_until };
  return { validFrom: heldOn, validUntil: validUntilFor(heldOn, validityYears) };
}

export async function decide(
  db: Db,
  user: Principal | null,
  actor: Actor,
  meetingId: string,
  input: DecisionInput,
): Promise<DecisionResult> {
  return db.transaction(async (tx) => {
    const manager = await requireSdgsManager(tx, user);
    const meeting = await repo.findMeeting(tx, meetingId, { lock: true });
    if (!meeting) throw new NotFound(MEETING);
    const application = await repo.lockApplication(tx, input.applicationId);
    if (!application || application.round_id !== meeting.round_id) throw new NotFound("この審査会の募集回の申請");
    if (application.status !== "committee")
      throw new Conflict(
        `この申請は「審査会待ち」ではないため、決定を記録できません（すでに決定済みか、審査の途中です）。画面を開き直して確認してください。`,
        "wrong_status",
      );
    const reason = input.reason.trim();
    if (input.decision === "refuse") {
      if (!reason)
        throw new ValidationError("不認証の理由を入力してください。理由は不認証通知書に載ります。", {
          reason: "不認証の理由を入力してください。",
        });
      if (input.tierId)
        throw new ValidationError("不認証のときは認証区分を選ばないでください。", { tierId: "不認証のときは区分は不要です。" });
      await repo.insertDecision(tx, {
        applicationId: application.id,
        meetingId,
        decision: "refuse",
        tierId: null,
        reason,
        decidedBy: manager.id,
      });
      await repo.moveApplication(tx, {
        applicationId: application.id,
        from: "committee",
        to: "refused",
        comment: reason,
        actorId: manager.id,
        actorLabel: actor.label,
      });
      await repo.touchMeeting(tx, meetingId);
      await recordAudit(tx, actor, {
        action: "update",
        entityType: "sdgs_application",
        entityId: application.id,
        summary: `審査会（${formatWareki(meeting.held_on)}）で${application.company_name}の申請を不認証と決定`,
        before: { status: "committee" },
        after: { status: "refused", reason, meetingId },
      });
      return {
        applicationId: application.id,
        decision: "refuse",
        certificationId: null,
        certificationNumber: null,
        validFrom: null,
        validUntil: null,
      };
    }

    if (!input.tierId) throw new ValidationError("認証区分を選んでください。", { tierId: "認証区分を選んでください。" });
    const rules = await loadRoundRules(tx, meeting.round_id);
    const chosen = rules.tiers.find((tier) => tier.id === input.tierId);
    if (!chosen)
      throw new ValidationError("この募集回の認証区分から選んでください。", { tierId: "この募集回の認証区分から選んでください。" });
    const score = await rescoreApplication(tx, application.id);
    if (!score) throw new NotFound("申請");
    const problem = committeeTierProblem(chosen, tierFor(score.basis, rules.tiers));
    if (problem) throw new ValidationError(problem, { tierId: problem });

    const previous = application.previous_certification_id
      ? await certs.lockCertificationForSupersede(tx, application.previous_certification_id)
      : null;
    const { validFrom, validUntil } = validityFor(application.kind, meeting.held_on, rules.rows.round.validity_years, previous);
    const number = await certs.nextCertificationNumber(tx, meeting.fiscal_year);
    await repo.insertDecision(tx, {
      applicationId: application.id,
      meetingId,
      decision: "certify",
      tierId: chosen.id,
      reason,
      decidedBy: manager.id,
    });
    await repo.moveApplication(tx, {
      applicationId: application.id,
      from: "committee",
      to: "certified",
      comment: reason || `「${chosen.name}」で認証`,
      actorId: manager.id,
      actorLabel: actor.label,
    });
    const certificationId = await certs.insertCertification(tx, {
      number,
      companyId: application.company_id,
      applicationId: application.id,
      tierId: chosen.id,
      tierName: chosen.name,
      tierRank: chosen.rank,
      validFrom,
      validUntil,
      previousCertificationId: previous?.id ?? null,
    });
    if (previous && (previous.status === "active" || previous.status === "expired")) {
      await certs.setStatus(tx, previous.id, "superseded");
      await recordAudit(tx, actor, {
        action: "update",
        entityType: "sdgs_certification",
        entityId: previous.id,
        summary: `認証 ${previous.number} は${application.kind === "renewal" ? "更新" : "ランクアップ"}により ${number} に引き継がれました`,
        before: { status: previous.status },
        after: { status: "superseded", next: number },
      });
    }
    await repo.touchMeeting(tx, meetingId);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_application",
      entityId: application.id,
      summary: `審査会（${formatWareki(meeting.held_on)}）で${application.company_name}の申請を「${chosen.name}」で認証と決定`,
      before: { status: "committee" },
      after: { status: "certified", tier: chosen.name, reason, meetingId, basisScore: score.basis.score, basisKind: score.basisKind },
    });
    await recordAudit(tx, actor, {
      action: "issue",
      entityType: "sdgs_certification",
      entityId: certificationId,
      summary: `認証 ${number}（${application.company_name}・${chosen.name}）を発行`,
      after: { number, tier: chosen.name, validFrom, validUntil, previous: previous?.number ?? null },
    });
    return { applicationId: application.id, decision: "certify", certificationId, certificationNumber: number, validFrom, validUntil };
  });
}
