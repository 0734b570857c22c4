// 有識者会議: its members (some with their own partner login) and its meetings, kept by the vision bureau. Each request
// is one transaction: the caller's access, the change, its audit row and the record the page shows next. The `…In`
// steps run inside the caller's transaction without an access check (the demo loads through them).
import type { CouncilMeeting, CouncilMember } from "../../../common/api/vision-engagement";
import type { Db, Queryable } from "../../db/database";
import { createOrganisation, findOrganisationIdByCode } from "../../platform/admin/organisations";
import { hashNewUserPassword, insertUser } from "../../platform/admin/users";
import { type Actor, recordAudit, SYSTEM_ACTOR } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound, ValidationError } from "../../platform/errors";
import { findRound } from "./core";
import { type EngagementAccess, managerEngagementAccessOf, resolvePlan } from "./engagement-access";
import * as repo from "./engagement-repository";

/** The external organisation the council members' logins belong to (one for the whole council). */
const COUNCIL_ORGANISATION_CODE = "vision-council";
const COUNCIL_ORGANISATION_NAME = "新ビジョン有識者会議";

// ------------------------------------------------------------------ members

type MemberRow = repo.MemberRow;

export function toMember(row: MemberRow, access: EngagementAccess): CouncilMember {
  return {
    id: row.id,
    name: row.name,
    affiliation: row.affiliation,
    isChair: row.is_chair,
    active: row.active,
    hasLogin: row.user_id !== null,
    loginId: access.manager ? row.login_id : null,
    isSample: row.is_sample,
  };
}

async function findMember(db: Queryable, id: string): Promise<MemberRow> {
  const row = await repo.findMember(db, id);
  if (!row) throw new NotFound("委員");
  return row;
}

async function getMember(db: Queryable, access: EngagementAccess, id: string): Promise<CouncilMember> {
  return toMember(await findMember(db, id), access);
}

type MemberInput = { name: string; affiliation: string; isChair: boolean };

/** Registers a member of the plan named (or the plan in force); returns the member. */
export async function createMember(
  db: Db,
  user: Principal | null,
  actor: Actor,
  planId: string | undefined,
  input: MemberInput,
): Promise<CouncilMember> {
  return db.transaction(async (tx) => {
    const access = await managerEngagementAccessOf(tx, user);
    const plan = await resolvePlan(tx, planId);
    return getMember(tx, access, await createMemberIn(tx, actor, plan.id, input));
  });
}

export async function createMemberIn(
  tx: Queryable,
  actor: Actor,
  planId: string,
  input: MemberInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  const id = await repo.insertMember(tx, planId, input, opts.isSample ?? false);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "vision_council_member",
    entityId: id,
    summary: `有識者会議の委員「${input.name}」を登録`,
    after: input,
  });
  return id;
}

export async function updateMember(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  patch: Partial<{ name: string; affiliation: string; isChair: boolean; active: boolean }>,
): Promise<CouncilMember> {
  return db.transaction(async (tx) => {
    const access = await managerEngagementAccessOf(tx, user);
    const before = await findMember(tx, id);
    const next = {
      name: patch.name ?? before.name,
      affiliation: patch.affiliation ?? before.affiliation,
      isChair: patch.isChair ?? before.is_chair,
      active: patch.active ?? before.active,
    };
    await repo.updateMember(tx, id, next);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "vision_council_member",
      entityId: id,
      summary: `有識者会議の委員「${next.name}」を変更${before.active && !next.active ? "（退任）" : ""}`,
      before: { name: before.name, affiliation: before.affiliation, isChair: before.is_chair, active: before.active },
      after: next,
    });
    return getMember(tx, access, id);
  });
}

/** The council's external organisation, made on first use (inside the caller's transaction). */
async function councilOrganisation(tx: Queryable): Promise<string> {
  const found = await findOrganisationIdByCode(tx, COUNCIL_ORGANISATION_CODE);
  if (found) return found;
  const id = await createOrganisation(tx, { kind: "external", name: COUNCIL_ORGANISATION_NAME, code: COUNCIL_ORGANISATION_CODE });
  await recordAudit(tx, SYSTEM_ACTOR, {
    action: "create",
    entityType: "organisation",
    entityId: id,
    summary: `組織「${COUNCIL_ORGANISATION_NAME}」（有識者会議の委員のログイン用）を追加`,
  });
  return id;
}

const ALREADY_LINKED = "この委員にはログインアカウントがあります。";

/**
 * A member's own login: a partner account (through the administrators' user creation, which checks the password
 * and audits) in the council's external organisation, linked to the member. Creating the user, linking it and the
 * audit rows are one transaction: if the link fails (the member got a login meanwhile), no account is left behind.
 */
export async function createMemberLogin(
  db: Db,
  user: Principal | null,
  actor: Actor,
  memberId: string,
  input: { loginId: string; password: string },
): Promise<CouncilMember> {
  // Fail fast before the (slow) password hashing, which only the bureau may start; the access check and the guarded
  // UPDATE inside the transaction are what decide.
  await managerEngagementAccessOf(db, user);
  const member = await findMember(db, memberId);
  if (member.user_id) throw new ValidationError(ALREADY_LINKED, { loginId: ALREADY_LINKED });
  const passwordHash = await hashNewUserPassword(input.loginId, input.password);
  return db.transaction(async (tx) => {
    const access = await managerEngagementAccessOf(tx, user);
    const organisationId = await councilOrganisation(tx);
    const login = await insertUser(tx, actor, {
      loginId: input.loginId,
      displayName: member.name,
      role: "partner",
      organisationId,
      passwordHash,
    });
    if (!(await repo.linkMemberLogin(tx, memberId, login.id))) throw new ValidationError(ALREADY_LINKED, { loginId: ALREADY_LINKED });
    await recordAudit(tx, actor, {
      action: "link_login",
      entityType: "vision_council_member",
      entityId: memberId,
      summary: `有識者会議の委員「${member.name}」にログイン（${login.loginId}）を設定`,
      after: { userId: login.id, loginId: login.loginId },
    });
    return getMember(tx, access, memberId);
  });
}

// ------------------------------------------------------------------ meetings

/** A meeting with the name of the round it takes up (a round of the core, read through its public face, core.ts). */
export type MeetingRow = repo.MeetingRow & { round_name: string | null };

async function withRoundName(db: Queryable, row: repo.MeetingRow): Promise<MeetingRow> {
  return { ...row, round_name: row.round_id ? ((await findRound(db, row.round_id))?.name ?? null) : null };
}

async function findMeetingRow(db: Queryable, id: string): Promise<MeetingRow | null> {
  const row = await repo.findMeeting(db, id);
  return row ? withRoundName(db, row) : null;
}

export const toMeeting = (row: MeetingRow): CouncilMeeting => ({
  id: row.id,
  title: row.title,
  heldOn: row.held_on,
  place: row.place,
  summary: row.summary,
  memberIds: row.member_ids,
  roundId: row.round_id,
  roundName: row.round_name,
  commentCount: row.comment_count,
  isSample: row.is_sample,
});

async function getMeeting(db: Queryable, id: string): Promise<CouncilMeeting> {
  const row = await findMeetingRow(db, id);
  if (!row) throw new NotFound("会議");
  return toMeeting(row);
}

export interface MeetingInput {
  title: string;
  heldOn: string;
  place: string;
  summary: string;
  memberIds: string[];
  roundId: string | null;
}

async function checkMeetingRefs(tx: Queryable, planId: string, input: MeetingInput): Promise<void> {
  const memberIds = [...new Set(input.memberIds)];
  if (memberIds.length > 0) {
    if ((await repo.countMembersOfPlan(tx, planId, memberIds)) !== memberIds.length)
      throw new ValidationError("出席委員に、この会議の委員でない人が含まれています。", { memberIds: "委員を選び直してください。" });
  }
  if (input.roundId) {
    const round = await findRound(tx, input.roundId);
    if (round?.plan_id !== planId)
      throw new ValidationError("対象の報告ラウンドが見つかりません。", { roundId: "報告ラウンドを選び直してください。" });
  }
}

/** Records a meeting of the plan named (or the plan in force); returns the meeting. */
export async function createMeeting(
  db: Db,
  user: Principal | null,
  actor: Actor,
  planId: string | undefined,
  input: MeetingInput,
): Promise<CouncilMeeting> {
  return db.transaction(async (tx) => {
    await managerEngagementAccessOf(tx, user);
    const plan = await resolvePlan(tx, planId);
    return getMeeting(tx, await createMeetingIn(tx, actor, plan.id, input));
  });
}

export async function createMeetingIn(
  tx: Queryable,
  actor: Actor,
  planId: string,
  input: MeetingInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  await checkMeetingRefs(tx, planId, input);
  const id = await repo.insertMeeting(tx, planId, { ...input, memberIds: [...new Set(input.memberIds)] }, opts.isSample ?? false);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "vision_council_meeting",
    entityId: id,
    summary: `有識者会議「${input.title}」（${input.heldOn}）を記録`,
    after: input,
  });
  return id;
}

export async function updateMeeting(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: MeetingInput,
): Promise<CouncilMeeting> {
  return db.transaction(async (tx) => {
    await managerEngagementAccessOf(tx, user);
    const before = await findMeetingRow(tx, id);
    if (!before) throw new NotFound("会議");
    await checkMeetingRefs(tx, before.plan_id, input);
    await repo.updateMeeting(tx, id, { ...input, memberIds: [...new Set(input.memberIds)] });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "vision_council_meeting",
      entityId: id,
      summary: `有識者会議「${input.title}」の記録を変更`,
      before: toMeeting(before),
      after: input,
    });
    return getMeeting(tx, id);
  });
}
