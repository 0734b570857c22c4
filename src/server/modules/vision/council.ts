// 有識者会議 (experts' council): members (some with their own partner login), meetings, the round's report that the
// members read, their comments on nodes of the plan and the bureau's response (対応) to each. Every write is one
// transaction with its audit row.
import type { CommentState, CouncilComment, CouncilMeeting, CouncilMember, ReportNode } from "../../../common/api/vision-engagement";
import type { Db, Queryable } from "../../db/database";
import { createOrganisation, findOrganisationIdByCode } from "../../platform/admin/organisations";
import { hashNewUserPassword, insertUser } from "../../platform/admin/users";
import { type Actor, recordAudit, SYSTEM_ACTOR } from "../../platform/audit/audit";
import { Forbidden, NotFound, ValidationError } from "../../platform/errors";
import { writeCsv } from "../../platform/tabular/csv-write";
import type { EngagementAccess } from "./engagement-access";
import * as repo from "./engagement-repository";
import {
  type RoundRow as CoreRoundRow,
  findNodeLabels,
  findRound,
  findRoundReportRows,
  findRounds,
  type ReportIndicatorRow,
} from "./index";

/** The external organisation the council members' logins belong to (one for the whole council). */
export const COUNCIL_ORGANISATION_CODE = "vision-council";
const COUNCIL_ORGANISATION_NAME = "新ビジョン有識者会議";

// ------------------------------------------------------------------ members

type MemberRow = repo.MemberRow;

function toMember(row: MemberRow, access: EngagementAccess): CouncilMember {
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

export async function getMember(db: Queryable, access: EngagementAccess, id: string): Promise<CouncilMember> {
  return toMember(await findMember(db, id), access);
}

export async function createMember(
  db: Db,
  actor: Actor,
  planId: string,
  input: { name: string; affiliation: string; isChair: boolean },
  opts: { isSample?: boolean } = {},
): Promise<string> {
  return db.transaction(async (tx) => {
    const id = await repo.insertMember(tx, planId, input, opts.isSample ?? false);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "vision_council_member",
      entityId: id,
      summary: `有識者会議の委員「${input.name}」を登録`,
      after: input,
    });
    return id;
  });
}

export async function updateMember(
  db: Db,
  actor: Actor,
  id: string,
  patch: Partial<{ name: string; affiliation: string; isChair: boolean; active: boolean }>,
): Promise<void> {
  await db.transaction(async (tx) => {
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
  actor: Actor,
  memberId: string,
  input: { loginId: string; password: string },
): Promise<void> {
  // Fail fast before the (slow) password hashing; the guarded UPDATE below is what decides.
  const member = await findMember(db, memberId);
  if (member.user_id) throw new ValidationError(ALREADY_LINKED, { loginId: ALREADY_LINKED });
  const passwordHash = await hashNewUserPassword(input.loginId, input.password);
  await db.transaction(async (tx) => {
    const organisationId = await councilOrganisation(tx);
    const user = await insertUser(tx, actor, {
      loginId: input.loginId,
      displayName: member.name,
      role: "partner",
      organisationId,
      passwordHash,
    });
    if (!(await repo.linkMemberLogin(tx, memberId, user.id))) throw new ValidationError(ALREADY_LINKED, { loginId: ALREADY_LINKED });
    await recordAudit(tx, actor, {
      action: "link_login",
      entityType: "vision_council_member",
      entityId: memberId,
      summary: `有識者会議の委員「${member.name}」にログイン（${user.loginId}）を設定`,
      after: { userId: user.id, loginId: user.loginId },
    });
  });
}

// ------------------------------------------------------------------ meetings

/** A meeting with the name of the round it takes up (a round of the core, read through its index). */
type MeetingRow = repo.MeetingRow & { round_name: string | null };

async function withRoundName(db: Queryable, row: repo.MeetingRow): Promise<MeetingRow> {
  return { ...row, round_name: row.round_id ? ((await findRound(db, row.round_id))?.name ?? null) : null };
}

async function findMeetingRow(db: Queryable, id: string): Promise<MeetingRow | null> {
  const row = await repo.findMeeting(db, id);
  return row ? withRoundName(db, row) : null;
}

const toMeeting = (row: MeetingRow): CouncilMeeting => ({
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

export async function getMeeting(db: Queryable, id: string): Promise<CouncilMeeting> {
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

export async function createMeeting(
  db: Db,
  actor: Actor,
  planId: string,
  input: MeetingInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  return db.transaction(async (tx) => {
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
  });
}

export async function updateMeeting(db: Db, actor: Actor, id: string, input: MeetingInput): Promise<void> {
  await db.transaction(async (tx) => {
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
  });
}

// ------------------------------------------------------------------ rounds the caller may read

/** A round of the core (read through its index) with the council's comments on it. */
type RoundRow = Pick<CoreRoundRow, "id" | "plan_id" | "name" | "fiscal_year" | "as_of" | "status"> & repo.RoundCouncilStats;

async function withCouncilStats(db: Queryable, rounds: CoreRoundRow[]): Promise<RoundRow[]> {
  const stats = await repo.roundCouncilStats(
    db,
    rounds.map((r) => r.id),
  );
  return rounds.map((r) => ({
    id: r.id,
    plan_id: r.plan_id,
    name: r.name,
    fiscal_year: r.fiscal_year,
    as_of: r.as_of,
    status: r.status,
    ...(stats.get(r.id) ?? { comment_count: 0, open_comment_count: 0, in_meeting: false }),
  }));
}

/** Code-point order, as the database orders text (C collation). */
const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const toRound = (row: RoundRow) => ({
  id: row.id,
  name: row.name,
  fiscalYear: row.fiscal_year,
  asOf: row.as_of,
  status: row.status,
  commentCount: row.comment_count,
  openCommentCount: row.open_comment_count,
});

/** Members read a round once it is closed (or published), or when a meeting takes it up; staff read every round. */
function memberMaySee(row: RoundRow): boolean {
  return row.status !== "open" || row.in_meeting;
}

export async function visibleRound(
  db: Queryable,
  access: EngagementAccess,
  roundId: string,
): Promise<ReturnType<typeof toRound> & { planId: string }> {
  const core = await findRound(db, roundId);
  const [row] = core ? await withCouncilStats(db, [core]) : [];
  if (!row || (access.member && (row.plan_id !== access.member.plan_id || !memberMaySee(row)))) throw new NotFound("報告ラウンド");
  return { ...toRound(row), planId: row.plan_id };
}

// ------------------------------------------------------------------ the council page

export async function councilOverview(db: Queryable, access: EngagementAccess, plan: { id: string; name: string }) {
  const [memberRows, meetingRows, coreRounds] = await Promise.all([
    repo.findMembers(db, plan.id),
    repo.findMeetings(db, plan.id),
    findRounds(db, { planId: plan.id }),
  ]);
  // The latest as-of date first, then by name.
  const rounds = (await withCouncilStats(db, coreRounds)).sort((a, b) => byText(b.as_of, a.as_of) || byText(a.name, b.name));
  const roundNames = new Map(coreRounds.map((r) => [r.id, r.name]));
  const meetings = meetingRows.map((row) => ({ ...row, round_name: row.round_id ? (roundNames.get(row.round_id) ?? null) : null }));
  const me = access.member ? memberRows.find((row) => row.id === access.member?.id) : undefined;
  return {
    planId: plan.id,
    planName: plan.name,
    canManage: access.manager,
    me: me ? toMember(me, access) : null,
    // A member sees the sitting council; the bureau sees former members too.
    members: memberRows.filter((row) => access.staff || row.active).map((row) => toMember(row, access)),
    meetings: meetings.map(toMeeting),
    rounds: rounds.filter((row) => access.staff || memberMaySee(row)).map(toRound),
  };
}

// ------------------------------------------------------------------ the round's report

/** The plan tree in reading order (parents before children, siblings by sort order then code), with depths. */
export function orderTree<T extends { id: string; parent_id: string | null; sort_order: number; code: string }>(
  rows: T[],
): (T & { depth: number })[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(rows.map((row) => row.id));
  for (const row of rows) {
    const parent = row.parent_id && ids.has(row.parent_id) ? row.parent_id : null;
    children.set(parent, [...(children.get(parent) ?? []), row]);
  }
  const out: (T & { depth: number })[] = [];
  const visit = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.sort_order - b.sort_order || a.code.localeCompare(b.code, "ja"));
    for (const row of list) {
      out.push({ ...row, depth });
      visit(row.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

export async function roundReport(
  db: Queryable,
  round: { id: string; planId: string; fiscalYear: number; asOf: string },
): Promise<ReportNode[]> {
  // The grade of the round when there is one, with the value it was made from; otherwise the latest value of the
  // round's fiscal year known at its as-of date (the core's report rows).
  const [{ nodes, indicators }, comments] = await Promise.all([findRoundReportRows(db, round), repo.commentCountsByNode(db, round.id)]);
  const byNode = new Map<string, ReportIndicatorRow[]>();
  for (const row of indicators) byNode.set(row.node_id, [...(byNode.get(row.node_id) ?? []), row]);
  return orderTree(nodes).map((node) => ({
    id: node.id,
    parentId: node.parent_id,
    kind: node.kind,
    code: node.code,
    title: node.title,
    depth: node.depth,
    ownerName: node.owner_name,
    commentCount: comments.get(node.id) ?? 0,
    indicators: (byNode.get(node.id) ?? []).map((i) => ({
      id: i.id,
      code: i.code,
      name: i.name,
      unit: i.unit,
      kind: i.kind,
      direction: i.direction,
      baselineValue: i.baseline_value,
      targetValue: i.target_value,
      targetFiscalYear: i.target_fiscal_year,
      actualValue: i.actual_value,
      statusRating: i.status_rating,
      resultKind: i.result_kind,
      grade: i.grade,
      achievement: i.achievement,
      valueFiscalYear: i.actual_fiscal_year !== null && i.actual_fiscal_year < round.fiscalYear ? i.actual_fiscal_year : null,
      exclusion: i.exclusion,
    })),
  }));
}

// ------------------------------------------------------------------ comments and responses

/** A comment with the code and title of its node (a node of the core, read through its index). */
type CommentRow = repo.CommentRow & { node_code: string; node_title: string };

async function withNodes(db: Queryable, rows: repo.CommentRow[]): Promise<CommentRow[]> {
  const nodes = new Map(
    (
      await findNodeLabels(
        db,
        rows.map((row) => row.node_id),
      )
    ).map((n) => [n.id, n]),
  );
  return rows.flatMap((row) => {
    const node = nodes.get(row.node_id);
    return node ? [{ ...row, node_code: node.code, node_title: node.title }] : [];
  });
}

export const commentState = (response: string | null): CommentState => (response === null ? "未対応" : "対応済");

function toComment(row: CommentRow, access: EngagementAccess): CouncilComment {
  return {
    id: row.id,
    roundId: row.round_id,
    nodeId: row.node_id,
    nodeCode: row.node_code,
    nodeTitle: row.node_title,
    memberId: row.member_id,
    memberName: row.member_name,
    meetingId: row.meeting_id,
    meetingTitle: row.meeting_title,
    body: row.body,
    response: row.response,
    respondedAt: row.responded_at?.toISOString() ?? null,
    state: commentState(row.response),
    createdAt: row.created_at.toISOString(),
    mine: access.member?.id === row.member_id,
    isSample: row.is_sample,
  };
}

/** A round's comments by node code, then oldest first (the sort is stable over the repository's time order). */
async function commentRows(db: Queryable, roundId: string, filter: { state?: CommentState; nodeId?: string; id?: string } = {}) {
  const rows = await withNodes(db, await repo.findComments(db, roundId, filter));
  return rows.sort((a, b) => byText(a.node_code, b.node_code));
}

export async function listComments(
  db: Queryable,
  access: EngagementAccess,
  roundId: string,
  filter: { state?: CommentState; nodeId?: string },
) {
  return (await commentRows(db, roundId, filter)).map((row) => toComment(row, access));
}

export async function getComment(db: Queryable, access: EngagementAccess, id: string): Promise<CouncilComment> {
  const row = await repo.findComment(db, id);
  const [comment] = row ? await withNodes(db, [row]) : [];
  if (!comment) throw new NotFound("意見");
  return toComment(comment, access);
}

export async function addComment(
  db: Db,
  actor: Actor,
  access: EngagementAccess,
  round: { id: string; planId: string },
  input: { nodeId: string; body: string; meetingId?: string | null; memberId?: string },
  opts: { isSample?: boolean } = {},
): Promise<string> {
  // A member writes as themself; the bureau records what a member said at a meeting, under that member's name.
  let memberId: string;
  if (access.member) {
    if (input.memberId && input.memberId !== access.member.id) throw new Forbidden("ほかの委員の名前では意見を書けません。");
    memberId = access.member.id;
  } else {
    if (!access.manager) throw new Forbidden("意見を書けるのは委員本人と新ビジョンの担当者です。");
    if (!input.memberId) throw new ValidationError("意見を述べた委員を選んでください。", { memberId: "委員を選んでください。" });
    memberId = input.memberId;
  }
  return db.transaction(async (tx) => {
    const memberName = await repo.memberNameInPlan(tx, memberId, round.planId);
    if (memberName === null) throw new ValidationError("委員が見つかりません。", { memberId: "委員を選び直してください。" });
    const [node] = (await findNodeLabels(tx, [input.nodeId])).filter((n) => n.plan_id === round.planId);
    if (!node) throw new ValidationError("意見の対象が見つかりません。", { nodeId: "対象を選び直してください。" });
    if (input.meetingId && !(await repo.meetingInPlan(tx, input.meetingId, round.planId)))
      throw new ValidationError("会議が見つかりません。", { meetingId: "会議を選び直してください。" });
    const id = await repo.insertComment(
      tx,
      { roundId: round.id, meetingId: input.meetingId ?? null, nodeId: input.nodeId, memberId, body: input.body },
      opts.isSample ?? false,
    );
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "vision_council_comment",
      entityId: id,
      summary: `有識者会議の意見（${memberName}、${node.code} ${node.title}）を記録`,
      after: { roundId: round.id, nodeId: input.nodeId, memberId, meetingId: input.meetingId ?? null, body: input.body },
    });
    return id;
  });
}

/** 市の対応: the text of the response; an empty text takes it back (未対応 again). */
export async function respond(db: Db, actor: Actor, commentId: string, response: string): Promise<void> {
  await db.transaction(async (tx) => {
    const current = await repo.lockCommentResponse(tx, commentId);
    if (!current) throw new NotFound("意見");
    const next = response.trim() === "" ? null : response.trim();
    await repo.setCommentResponse(tx, commentId, next, next === null ? null : actor.userId);
    await recordAudit(tx, actor, {
      action: next === null ? "withdraw_response" : "respond",
      entityType: "vision_council_comment",
      entityId: commentId,
      summary: next === null ? "有識者会議の意見への対応を未対応に戻した" : "有識者会議の意見への対応を記録",
      before: { response: current.response },
      after: { response: next },
    });
  });
}

export const COMMENT_CSV_HEADER = [
  "報告ラウンド",
  "コード",
  "施策体系",
  "委員",
  "会議",
  "意見",
  "意見の日時",
  "対応状況",
  "市の対応",
  "対応日時",
];

/** 意見と対応の一覧 as CSV (UTF-8 with BOM, for Excel). */
export async function commentsCsv(db: Queryable, access: EngagementAccess, round: { id: string; name: string }): Promise<Uint8Array> {
  const rows = await listComments(db, access, round.id, {});
  const stamp = (iso: string | null) => (iso ? new Date(iso).toLocaleString("ja-JP", { timeZone: "Asia/Tokyo" }) : "");
  const cells = rows.map((c) => [
    round.name,
    c.nodeCode,
    c.nodeTitle,
    c.memberName,
    c.meetingTitle ?? "",
    c.body,
    stamp(c.createdAt),
    c.state,
    c.response ?? "",
    stamp(c.respondedAt),
  ]);
  return writeCsv(COMMENT_CSV_HEADER, cells, { encoding: "utf-8-bom" }).bytes;
}
