// 有識者会議 (experts' council): members (some with their own partner login), meetings, the round's report that the
// members read, their comments on nodes of the plan and the bureau's response (対応) to each. Every write is one
// transaction with its audit row.
import type { CommentState, CouncilComment, CouncilMeeting, CouncilMember, ReportNode } from "../../../common/api/vision-engagement";
import type { Db, Queryable } from "../../db/database";
import { hashNewUserPassword, insertUser } from "../../platform/admin/users";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { Forbidden, NotFound, ValidationError } from "../../platform/errors";
import { writeCsv } from "../../platform/tabular/csv-write";
import type { CouncilMemberRow, EngagementAccess } from "./engagement-access";

/** The external organisation the council members' logins belong to (one for the whole council). */
export const COUNCIL_ORGANISATION_CODE = "vision-council";
const COUNCIL_ORGANISATION_NAME = "新ビジョン有識者会議";

// ------------------------------------------------------------------ members

interface MemberRow extends CouncilMemberRow {
  login_id: string | null;
}

const MEMBER_SELECT = `SELECT m.*, u.login_id FROM vision_council_members m LEFT JOIN users u ON u.id = m.user_id`;

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
  const { rows } = await db.query<MemberRow>(`${MEMBER_SELECT} WHERE m.id = $1`, [id]);
  if (!rows[0]) throw new NotFound("委員");
  return rows[0];
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
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO vision_council_members (plan_id, name, affiliation, is_chair, is_sample) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [planId, input.name, input.affiliation, input.isChair, opts.isSample ?? false],
    );
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "vision_council_member",
      entityId: rows[0].id,
      summary: `有識者会議の委員「${input.name}」を登録`,
      after: input,
    });
    return rows[0].id;
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
    await tx.query("UPDATE vision_council_members SET name = $2, affiliation = $3, is_chair = $4, active = $5 WHERE id = $1", [
      id,
      next.name,
      next.affiliation,
      next.isChair,
      next.active,
    ]);
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
  const found = await tx.query<{ id: string }>("SELECT id FROM organisations WHERE code = $1", [COUNCIL_ORGANISATION_CODE]);
  if (found.rows[0]) return found.rows[0].id;
  const { rows } = await tx.query<{ id: string }>("INSERT INTO organisations (kind, name, code) VALUES ('external', $1, $2) RETURNING id", [
    COUNCIL_ORGANISATION_NAME,
    COUNCIL_ORGANISATION_CODE,
  ]);
  await recordAudit(
    tx,
    { userId: null, label: "システム" },
    {
      action: "create",
      entityType: "organisation",
      entityId: rows[0].id,
      summary: `組織「${COUNCIL_ORGANISATION_NAME}」（有識者会議の委員のログイン用）を追加`,
    },
  );
  return rows[0].id;
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
    const linked = await tx.query("UPDATE vision_council_members SET user_id = $2 WHERE id = $1 AND user_id IS NULL", [memberId, user.id]);
    if (linked.rowCount === 0) throw new ValidationError(ALREADY_LINKED, { loginId: ALREADY_LINKED });
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

interface MeetingRow {
  id: string;
  plan_id: string;
  round_id: string | null;
  round_name: string | null;
  title: string;
  held_on: string;
  place: string;
  summary: string;
  member_ids: string[];
  comment_count: number;
  is_sample: boolean;
}

const MEETING_SELECT = `SELECT mt.*, r.name AS round_name,
  (SELECT count(*)::int FROM vision_council_comments c WHERE c.meeting_id = mt.id) AS comment_count
  FROM vision_council_meetings mt LEFT JOIN vision_rounds r ON r.id = mt.round_id`;

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
  const { rows } = await db.query<MeetingRow>(`${MEETING_SELECT} WHERE mt.id = $1`, [id]);
  if (!rows[0]) throw new NotFound("会議");
  return toMeeting(rows[0]);
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
    const { rows } = await tx.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM vision_council_members WHERE plan_id = $1 AND id = ANY($2::uuid[])",
      [planId, memberIds],
    );
    if (rows[0].n !== memberIds.length)
      throw new ValidationError("出席委員に、この会議の委員でない人が含まれています。", { memberIds: "委員を選び直してください。" });
  }
  if (input.roundId) {
    const { rows } = await tx.query("SELECT 1 FROM vision_rounds WHERE id = $1 AND plan_id = $2", [input.roundId, planId]);
    if (rows.length === 0)
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
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO vision_council_meetings (plan_id, round_id, title, held_on, place, summary, member_ids, is_sample)
       VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8) RETURNING id`,
      [planId, input.roundId, input.title, input.heldOn, input.place, input.summary, [...new Set(input.memberIds)], opts.isSample ?? false],
    );
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "vision_council_meeting",
      entityId: rows[0].id,
      summary: `有識者会議「${input.title}」（${input.heldOn}）を記録`,
      after: input,
    });
    return rows[0].id;
  });
}

export async function updateMeeting(db: Db, actor: Actor, id: string, input: MeetingInput): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<MeetingRow>(`${MEETING_SELECT} WHERE mt.id = $1`, [id]);
    const before = rows[0];
    if (!before) throw new NotFound("会議");
    await checkMeetingRefs(tx, before.plan_id, input);
    await tx.query(
      `UPDATE vision_council_meetings SET round_id = $2, title = $3, held_on = $4, place = $5, summary = $6, member_ids = $7::uuid[]
       WHERE id = $1`,
      [id, input.roundId, input.title, input.heldOn, input.place, input.summary, [...new Set(input.memberIds)]],
    );
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

interface RoundRow {
  id: string;
  plan_id: string;
  name: string;
  fiscal_year: number;
  as_of: string;
  status: "open" | "closed" | "published";
  comment_count: number;
  open_comment_count: number;
  in_meeting: boolean;
}

const ROUND_SELECT = `SELECT r.id, r.plan_id, r.name, r.fiscal_year, r.as_of, r.status,
  (SELECT count(*)::int FROM vision_council_comments c WHERE c.round_id = r.id) AS comment_count,
  (SELECT count(*)::int FROM vision_council_comments c WHERE c.round_id = r.id AND c.response IS NULL) AS open_comment_count,
  EXISTS (SELECT 1 FROM vision_council_meetings mt WHERE mt.round_id = r.id) AS in_meeting
  FROM vision_rounds r`;

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
  const { rows } = await db.query<RoundRow>(`${ROUND_SELECT} WHERE r.id = $1`, [roundId]);
  const row = rows[0];
  if (!row || (access.member && (row.plan_id !== access.member.plan_id || !memberMaySee(row)))) throw new NotFound("報告ラウンド");
  return { ...toRound(row), planId: row.plan_id };
}

// ------------------------------------------------------------------ the council page

export async function councilOverview(db: Queryable, access: EngagementAccess, plan: { id: string; name: string }) {
  const [members, meetings, rounds] = await Promise.all([
    db.query<MemberRow>(`${MEMBER_SELECT} WHERE m.plan_id = $1 ORDER BY m.is_chair DESC, m.active DESC, m.name`, [plan.id]),
    db.query<MeetingRow>(`${MEETING_SELECT} WHERE mt.plan_id = $1 ORDER BY mt.held_on DESC, mt.created_at DESC`, [plan.id]),
    db.query<RoundRow>(`${ROUND_SELECT} WHERE r.plan_id = $1 ORDER BY r.as_of DESC, r.name`, [plan.id]),
  ]);
  const me = access.member ? members.rows.find((row) => row.id === access.member?.id) : undefined;
  return {
    planId: plan.id,
    planName: plan.name,
    canManage: access.manager,
    me: me ? toMember(me, access) : null,
    // A member sees the sitting council; the bureau sees former members too.
    members: members.rows.filter((row) => access.staff || row.active).map((row) => toMember(row, access)),
    meetings: meetings.rows.map(toMeeting),
    rounds: rounds.rows.filter((row) => access.staff || memberMaySee(row)).map(toRound),
  };
}

// ------------------------------------------------------------------ the round's report

interface NodeRow {
  id: string;
  parent_id: string | null;
  kind: ReportNode["kind"];
  code: string;
  title: string;
  sort_order: number;
  owner_name: string | null;
  comment_count: number;
}

interface IndicatorRow {
  id: string;
  node_id: string;
  code: string;
  name: string;
  unit: string;
  kind: string;
  direction: "higher" | "lower";
  baseline_value: number | null;
  target_value: number | null;
  target_fiscal_year: number | null;
  exclusion: string | null;
  result_kind: "graded" | "status" | "excluded" | "ungradable" | null;
  grade: string | null;
  achievement: number | null;
  actual_value: number | null;
  actual_fiscal_year: number | null;
  status_rating: string | null;
}

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
  const [nodes, indicators] = await Promise.all([
    db.query<NodeRow>(
      `SELECT n.id, n.parent_id, n.kind, n.code, n.title, n.sort_order, o.name AS owner_name,
         (SELECT count(*)::int FROM vision_council_comments c WHERE c.node_id = n.id AND c.round_id = $2) AS comment_count
       FROM vision_nodes n LEFT JOIN organisations o ON o.id = n.owner_organisation_id WHERE n.plan_id = $1`,
      [round.planId, round.id],
    ),
    // The grade of the round when there is one, with the value it was made from; otherwise the latest value of the
    // round's fiscal year known at its as-of date.
    db.query<IndicatorRow>(
      `SELECT i.id, i.node_id, i.code, i.name, i.unit, i.kind, i.direction, i.baseline_value, i.target_value, i.target_fiscal_year,
         i.exclusion, g.result_kind, g.grade, g.achievement, a.value AS actual_value, a.fiscal_year AS actual_fiscal_year, a.status_rating
       FROM vision_indicators i
       JOIN vision_nodes n ON n.id = i.node_id AND n.plan_id = $1
       LEFT JOIN vision_grades g ON g.indicator_id = i.id AND g.round_id = $2
       LEFT JOIN LATERAL (
         SELECT x.value, x.fiscal_year, x.status_rating FROM vision_actuals x
         WHERE (g.actual_id IS NOT NULL AND x.id = g.actual_id)
            OR (g.actual_id IS NULL AND x.indicator_id = i.id AND x.fiscal_year = $3 AND x.as_of <= $4)
         ORDER BY x.as_of DESC, x.created_at DESC LIMIT 1
       ) a ON true
       ORDER BY i.sort_order, i.code`,
      [round.planId, round.id, round.fiscalYear, round.asOf],
    ),
  ]);
  const byNode = new Map<string, IndicatorRow[]>();
  for (const row of indicators.rows) byNode.set(row.node_id, [...(byNode.get(row.node_id) ?? []), row]);
  return orderTree(nodes.rows).map((node) => ({
    id: node.id,
    parentId: node.parent_id,
    kind: node.kind,
    code: node.code,
    title: node.title,
    depth: node.depth,
    ownerName: node.owner_name,
    commentCount: node.comment_count,
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

interface CommentRow {
  id: string;
  round_id: string;
  node_id: string;
  node_code: string;
  node_title: string;
  member_id: string;
  member_name: string;
  meeting_id: string | null;
  meeting_title: string | null;
  body: string;
  response: string | null;
  responded_at: Date | null;
  created_at: Date;
  is_sample: boolean;
}

const COMMENT_SELECT = `SELECT c.*, n.code AS node_code, n.title AS node_title, m.name AS member_name, mt.title AS meeting_title
  FROM vision_council_comments c
  JOIN vision_nodes n ON n.id = c.node_id
  JOIN vision_council_members m ON m.id = c.member_id
  LEFT JOIN vision_council_meetings mt ON mt.id = c.meeting_id`;

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

async function commentRows(db: Queryable, roundId: string, filter: { state?: CommentState; nodeId?: string; id?: string } = {}) {
  const where = ["c.round_id = $1"];
  const params: unknown[] = [roundId];
  if (filter.state) where.push(filter.state === "未対応" ? "c.response IS NULL" : "c.response IS NOT NULL");
  if (filter.nodeId) {
    params.push(filter.nodeId);
    where.push(`c.node_id = $${params.length}`);
  }
  if (filter.id) {
    params.push(filter.id);
    where.push(`c.id = $${params.length}`);
  }
  const { rows } = await db.query<CommentRow>(`${COMMENT_SELECT} WHERE ${where.join(" AND ")} ORDER BY n.code, c.created_at, c.id`, params);
  return rows;
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
  const { rows } = await db.query<CommentRow>(`${COMMENT_SELECT} WHERE c.id = $1`, [id]);
  if (!rows[0]) throw new NotFound("意見");
  return toComment(rows[0], access);
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
    const member = await tx.query<{ name: string }>("SELECT name FROM vision_council_members WHERE id = $1 AND plan_id = $2", [
      memberId,
      round.planId,
    ]);
    if (!member.rows[0]) throw new ValidationError("委員が見つかりません。", { memberId: "委員を選び直してください。" });
    const node = await tx.query<{ code: string; title: string }>("SELECT code, title FROM vision_nodes WHERE id = $1 AND plan_id = $2", [
      input.nodeId,
      round.planId,
    ]);
    if (!node.rows[0]) throw new ValidationError("意見の対象が見つかりません。", { nodeId: "対象を選び直してください。" });
    if (input.meetingId) {
      const meeting = await tx.query("SELECT 1 FROM vision_council_meetings WHERE id = $1 AND plan_id = $2", [
        input.meetingId,
        round.planId,
      ]);
      if (meeting.rows.length === 0) throw new ValidationError("会議が見つかりません。", { meetingId: "会議を選び直してください。" });
    }
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO vision_council_comments (round_id, meeting_id, node_id, member_id, body, is_sample)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [round.id, input.meetingId ?? null, input.nodeId, memberId, input.body, opts.isSample ?? false],
    );
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "vision_council_comment",
      entityId: rows[0].id,
      summary: `有識者会議の意見（${member.rows[0].name}、${node.rows[0].code} ${node.rows[0].title}）を記録`,
      after: { roundId: round.id, nodeId: input.nodeId, memberId, meetingId: input.meetingId ?? null, body: input.body },
    });
    return rows[0].id;
  });
}

/** 市の対応: the text of the response; an empty text takes it back (未対応 again). */
export async function respond(db: Db, actor: Actor, commentId: string, response: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<{ response: string | null; node_id: string }>(
      "SELECT response, node_id FROM vision_council_comments WHERE id = $1 FOR UPDATE",
      [commentId],
    );
    if (!rows[0]) throw new NotFound("意見");
    const next = response.trim() === "" ? null : response.trim();
    await tx.query(
      `UPDATE vision_council_comments SET response = $2, responded_by = $3, responded_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END
       WHERE id = $1`,
      [commentId, next, next === null ? null : actor.userId],
    );
    await recordAudit(tx, actor, {
      action: next === null ? "withdraw_response" : "respond",
      entityType: "vision_council_comment",
      entityId: commentId,
      summary: next === null ? "有識者会議の意見への対応を未対応に戻した" : "有識者会議の意見への対応を記録",
      before: { response: rows[0].response },
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
