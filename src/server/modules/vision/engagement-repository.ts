// SQL of the 有識者会議 on its own tables (vision_council_members, _meetings, _comments); the other engagement
// features keep theirs in declarations-repository.ts and outreach-repository.ts. The core's tables (plans, nodes,
// indicators, rounds, actuals) are read only through the functions vision/core.ts exports; names of accounts and
// organisations come with the rows by a join on the platform's tables (read only).
import type { CommentState } from "../../../common/api/vision-engagement";
import type { Queryable } from "../../db/database";

// ------------------------------------------------------------------ council members

export interface CouncilMemberRow {
  id: string;
  plan_id: string;
  name: string;
  affiliation: string;
  user_id: string | null;
  is_chair: boolean;
  active: boolean;
  is_sample: boolean;
}

export interface MemberRow extends CouncilMemberRow {
  login_id: string | null;
}

const MEMBER_SELECT = `SELECT m.*, u.login_id FROM vision_council_members m LEFT JOIN users u ON u.id = m.user_id`;

/** The active council membership of a partner login. */
export async function findActiveMemberOfUser(db: Queryable, userId: string): Promise<CouncilMemberRow | null> {
  const { rows } = await db.query<CouncilMemberRow>("SELECT * FROM vision_council_members WHERE user_id = $1 AND active", [userId]);
  return rows[0] ?? null;
}

export async function findMember(db: Queryable, id: string): Promise<MemberRow | null> {
  const { rows } = await db.query<MemberRow>(`${MEMBER_SELECT} WHERE m.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The plan's members: the chair first, sitting before former, by name. */
export async function findMembers(db: Queryable, planId: string): Promise<MemberRow[]> {
  const { rows } = await db.query<MemberRow>(`${MEMBER_SELECT} WHERE m.plan_id = $1 ORDER BY m.is_chair DESC, m.active DESC, m.name`, [
    planId,
  ]);
  return rows;
}

export async function insertMember(
  db: Queryable,
  planId: string,
  input: { name: string; affiliation: string; isChair: boolean },
  isSample: boolean,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO vision_council_members (plan_id, name, affiliation, is_chair, is_sample) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [planId, input.name, input.affiliation, input.isChair, isSample],
  );
  return rows[0].id;
}

export async function updateMember(
  db: Queryable,
  id: string,
  next: { name: string; affiliation: string; isChair: boolean; active: boolean },
): Promise<void> {
  await db.query("UPDATE vision_council_members SET name = $2, affiliation = $3, is_chair = $4, active = $5 WHERE id = $1", [
    id,
    next.name,
    next.affiliation,
    next.isChair,
    next.active,
  ]);
}

/** Links a login to a member that has none yet; false when the member got one meanwhile. */
export async function linkMemberLogin(db: Queryable, memberId: string, userId: string): Promise<boolean> {
  const linked = await db.query("UPDATE vision_council_members SET user_id = $2 WHERE id = $1 AND user_id IS NULL", [memberId, userId]);
  return linked.rowCount > 0;
}

/** How many of the given members belong to the plan. */
export async function countMembersOfPlan(db: Queryable, planId: string, memberIds: readonly string[]): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM vision_council_members WHERE plan_id = $1 AND id = ANY($2::uuid[])",
    [planId, memberIds],
  );
  return rows[0].n;
}

export async function memberNameInPlan(db: Queryable, memberId: string, planId: string): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>("SELECT name FROM vision_council_members WHERE id = $1 AND plan_id = $2", [
    memberId,
    planId,
  ]);
  return rows[0]?.name ?? null;
}

// ------------------------------------------------------------------ council meetings

export interface MeetingRow {
  id: string;
  plan_id: string;
  round_id: string | null;
  title: string;
  held_on: string;
  place: string;
  summary: string;
  member_ids: string[];
  comment_count: number;
  is_sample: boolean;
  created_at: Date;
}

const MEETING_SELECT = `SELECT mt.*,
  (SELECT count(*)::int FROM vision_council_comments c WHERE c.meeting_id = mt.id) AS comment_count
  FROM vision_council_meetings mt`;

export async function findMeeting(db: Queryable, id: string): Promise<MeetingRow | null> {
  const { rows } = await db.query<MeetingRow>(`${MEETING_SELECT} WHERE mt.id = $1`, [id]);
  return rows[0] ?? null;
}

/** The plan's meetings, the latest first. */
export async function findMeetings(db: Queryable, planId: string): Promise<MeetingRow[]> {
  const { rows } = await db.query<MeetingRow>(`${MEETING_SELECT} WHERE mt.plan_id = $1 ORDER BY mt.held_on DESC, mt.created_at DESC`, [
    planId,
  ]);
  return rows;
}

export interface MeetingFields {
  title: string;
  heldOn: string;
  place: string;
  summary: string;
  memberIds: string[];
  roundId: string | null;
}

export async function insertMeeting(db: Queryable, planId: string, input: MeetingFields, isSample: boolean): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO vision_council_meetings (plan_id, round_id, title, held_on, place, summary, member_ids, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7::uuid[], $8) RETURNING id`,
    [planId, input.roundId, input.title, input.heldOn, input.place, input.summary, input.memberIds, isSample],
  );
  return rows[0].id;
}

export async function updateMeeting(db: Queryable, id: string, input: MeetingFields): Promise<void> {
  await db.query(
    `UPDATE vision_council_meetings SET round_id = $2, title = $3, held_on = $4, place = $5, summary = $6, member_ids = $7::uuid[]
     WHERE id = $1`,
    [id, input.roundId, input.title, input.heldOn, input.place, input.summary, input.memberIds],
  );
}

export async function meetingInPlan(db: Queryable, meetingId: string, planId: string): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM vision_council_meetings WHERE id = $1 AND plan_id = $2", [meetingId, planId]);
  return rows.length > 0;
}

// ------------------------------------------------------------------ the council's view of rounds

export interface RoundCouncilStats {
  comment_count: number;
  open_comment_count: number;
  in_meeting: boolean;
}

/** Per round: its comments, those without a response, and whether a meeting takes it up. */
export async function roundCouncilStats(db: Queryable, roundIds: readonly string[]): Promise<Map<string, RoundCouncilStats>> {
  if (roundIds.length === 0) return new Map();
  const { rows } = await db.query<RoundCouncilStats & { round_id: string }>(
    `SELECT r.round_id,
       (SELECT count(*)::int FROM vision_council_comments c WHERE c.round_id = r.round_id) AS comment_count,
       (SELECT count(*)::int FROM vision_council_comments c WHERE c.round_id = r.round_id AND c.response IS NULL) AS open_comment_count,
       EXISTS (SELECT 1 FROM vision_council_meetings mt WHERE mt.round_id = r.round_id) AS in_meeting
     FROM unnest($1::uuid[]) AS r(round_id)`,
    [[...new Set(roundIds)]],
  );
  return new Map(rows.map(({ round_id, ...stats }) => [round_id, stats]));
}

/** The number of comments on each node in a round. */
export async function commentCountsByNode(db: Queryable, roundId: string): Promise<Map<string, number>> {
  const { rows } = await db.query<{ node_id: string; n: number }>(
    "SELECT node_id, count(*)::int AS n FROM vision_council_comments WHERE round_id = $1 GROUP BY node_id",
    [roundId],
  );
  return new Map(rows.map((row) => [row.node_id, row.n]));
}

// ------------------------------------------------------------------ council comments

export interface CommentRow {
  id: string;
  round_id: string;
  node_id: string;
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

const COMMENT_SELECT = `SELECT c.*, m.name AS member_name, mt.title AS meeting_title
  FROM vision_council_comments c
  JOIN vision_council_members m ON m.id = c.member_id
  LEFT JOIN vision_council_meetings mt ON mt.id = c.meeting_id`;

/** A round's comments (filtered), oldest first; the caller orders them by node. */
export async function findComments(
  db: Queryable,
  roundId: string,
  filter: { state?: CommentState; nodeId?: string; id?: string } = {},
): Promise<CommentRow[]> {
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
  const { rows } = await db.query<CommentRow>(`${COMMENT_SELECT} WHERE ${where.join(" AND ")} ORDER BY c.created_at, c.id`, params);
  return rows;
}

export async function findComment(db: Queryable, id: string): Promise<CommentRow | null> {
  const { rows } = await db.query<CommentRow>(`${COMMENT_SELECT} WHERE c.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertComment(
  db: Queryable,
  input: { roundId: string; meetingId: string | null; nodeId: string; memberId: string; body: string },
  isSample: boolean,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO vision_council_comments (round_id, meeting_id, node_id, member_id, body, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [input.roundId, input.meetingId, input.nodeId, input.memberId, input.body, isSample],
  );
  return rows[0].id;
}

/** The comment's response, locked for the change that follows (undefined when there is no such comment). */
export async function lockCommentResponse(db: Queryable, id: string): Promise<{ response: string | null } | undefined> {
  const { rows } = await db.query<{ response: string | null }>("SELECT response FROM vision_council_comments WHERE id = $1 FOR UPDATE", [
    id,
  ]);
  return rows[0];
}

export async function setCommentResponse(db: Queryable, id: string, response: string | null, by: string | null): Promise<void> {
  await db.query(
    `UPDATE vision_council_comments SET response = $2, responded_by = $3, responded_at = CASE WHEN $2::text IS NULL THEN NULL ELSE now() END
     WHERE id = $1`,
    [id, response, by],
  );
}
