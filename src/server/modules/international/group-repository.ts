// SQL of the テーマ別ワーキンググループ (international_working_groups and its wg_* tables). Organisation, user and
// project names come by joins (read only). "Overdue" needs today's date in Japan, which the service passes in: the
// database's clock and time zone are not the city's.
import type { GROUP_STATUSES } from "../../../common/api/international-groups";
import type { Queryable } from "../../db/database";

export type GroupStatus = (typeof GROUP_STATUSES)[number];

export interface GroupRow {
  id: string;
  theme: string;
  description: string;
  fiscal_year: number;
  lead_organisation_id: string;
  lead_name: string;
  status: GroupStatus;
  version: number;
  is_sample: boolean;
  member_count: number;
  meeting_count: number;
  open_actions: number;
  overdue_actions: number;
  project_count: number;
}

/** $1 is today's date in Japan (YYYY-MM-DD). */
const GROUP_SELECT = `SELECT g.id, g.theme, g.description, g.fiscal_year, g.lead_organisation_id, lo.name AS lead_name,
    g.status, g.version, g.is_sample,
    (SELECT count(*)::int FROM international_wg_members m WHERE m.group_id = g.id) AS member_count,
    (SELECT count(*)::int FROM international_wg_meetings mt WHERE mt.group_id = g.id) AS meeting_count,
    (SELECT count(*)::int FROM international_wg_actions a WHERE a.group_id = g.id AND a.status = 'open') AS open_actions,
    (SELECT count(*)::int FROM international_wg_actions a
      WHERE a.group_id = g.id AND a.status = 'open' AND a.due_on < $1::date) AS overdue_actions,
    (SELECT count(DISTINCT a.project_id)::int FROM international_wg_actions a
      WHERE a.group_id = g.id AND a.project_id IS NOT NULL) AS project_count
  FROM international_working_groups g
  JOIN organisations lo ON lo.id = g.lead_organisation_id`;

export async function findGroups(db: Queryable, today: string, filter: { fiscalYear?: number; status?: GroupStatus }): Promise<GroupRow[]> {
  const where: string[] = [];
  const params: unknown[] = [today];
  if (filter.fiscalYear !== undefined) {
    params.push(filter.fiscalYear);
    where.push(`g.fiscal_year = $${params.length}`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`g.status = $${params.length}`);
  }
  const { rows } = await db.query<GroupRow>(
    `${GROUP_SELECT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY g.fiscal_year DESC, g.status, g.theme`,
    params,
  );
  return rows;
}

export async function findGroup(db: Queryable, today: string, id: string): Promise<GroupRow | null> {
  const { rows } = await db.query<GroupRow>(`${GROUP_SELECT} WHERE g.id = $2`, [today, id]);
  return rows[0] ?? null;
}

/** The group's row, locked for the rest of the transaction (a write checks its version or its members against it). */
export async function lockGroup(db: Queryable, id: string): Promise<{ id: string; status: GroupStatus; version: number } | null> {
  const { rows } = await db.query<{ id: string; status: GroupStatus; version: number }>(
    "SELECT id, status, version FROM international_working_groups WHERE id = $1 FOR UPDATE",
    [id],
  );
  return rows[0] ?? null;
}

export interface GroupValues {
  theme: string;
  description: string;
  fiscalYear: number;
  leadOrganisationId: string;
  status: GroupStatus;
}

export async function insertGroup(db: Queryable, values: GroupValues, isSample: boolean): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO international_working_groups (theme, description, fiscal_year, lead_organisation_id, status, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [values.theme, values.description, values.fiscalYear, values.leadOrganisationId, values.status, isSample],
  );
  return rows[0].id;
}

/** Changes the group if it still has `version`; false when someone saved first. */
export async function updateGroup(db: Queryable, id: string, version: number, values: GroupValues): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE international_working_groups
        SET theme = $3, description = $4, fiscal_year = $5, lead_organisation_id = $6, status = $7,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2`,
    [id, version, values.theme, values.description, values.fiscalYear, values.leadOrganisationId, values.status],
  );
  return rowCount === 1;
}

/** Marks the group changed (a meeting, call, idea or action of it was written). */
export async function touchGroup(db: Queryable, id: string): Promise<void> {
  await db.query("UPDATE international_working_groups SET updated_at = now() WHERE id = $1", [id]);
}

export async function replaceMembers(db: Queryable, groupId: string, organisationIds: string[]): Promise<void> {
  await db.query("DELETE FROM international_wg_members WHERE group_id = $1", [groupId]);
  await db.query(
    `INSERT INTO international_wg_members (group_id, organisation_id)
     SELECT $1, o FROM unnest($2::uuid[]) AS o`,
    [groupId, organisationIds],
  );
}

export async function findMembers(db: Queryable, groupId: string): Promise<{ organisation_id: string; name: string }[]> {
  const { rows } = await db.query<{ organisation_id: string; name: string }>(
    `SELECT m.organisation_id, o.name FROM international_wg_members m
       JOIN organisations o ON o.id = m.organisation_id
      WHERE m.group_id = $1 ORDER BY o.sort_order, o.name`,
    [groupId],
  );
  return rows;
}

/** The city's organisations among `ids` (not external ones nor the municipality itself), with their names. */
export async function findCityOrganisations(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM organisations WHERE id = ANY($1::uuid[]) AND kind IN ('bureau', 'department', 'division')`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ------------------------------------------------------------------ meetings

export interface MeetingRow {
  id: string;
  group_id: string;
  held_on: string;
  title: string;
  agenda: string;
  attendees: string;
  minutes: string;
  decisions: string;
}

export interface MeetingValues {
  heldOn: string;
  title: string;
  agenda: string;
  attendees: string;
  minutes: string;
  decisions: string;
}

export async function findMeetings(db: Queryable, groupId: string): Promise<MeetingRow[]> {
  const { rows } = await db.query<MeetingRow>(
    `SELECT id, group_id, held_on::text AS held_on, title, agenda, attendees, minutes, decisions
       FROM international_wg_meetings WHERE group_id = $1 ORDER BY held_on, created_at`,
    [groupId],
  );
  return rows;
}

export async function findMeeting(db: Queryable, id: string): Promise<MeetingRow | null> {
  const { rows } = await db.query<MeetingRow>(
    `SELECT id, group_id, held_on::text AS held_on, title, agenda, attendees, minutes, decisions
       FROM international_wg_meetings WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function insertMeeting(db: Queryable, groupId: string, v: MeetingValues, isSample: boolean): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO international_wg_meetings (group_id, held_on, title, agenda, attendees, minutes, decisions, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [groupId, v.heldOn, v.title, v.agenda, v.attendees, v.minutes, v.decisions, isSample],
  );
  return rows[0].id;
}

export async function updateMeeting(db: Queryable, id: string, v: MeetingValues): Promise<void> {
  await db.query(
    `UPDATE international_wg_meetings SET held_on = $2, title = $3, agenda = $4, attendees = $5, minutes = $6, decisions = $7
      WHERE id = $1`,
    [id, v.heldOn, v.title, v.agenda, v.attendees, v.minutes, v.decisions],
  );
}

// ------------------------------------------------------------------ calls for ideas and ideas

export interface CallRow {
  id: string;
  group_id: string;
  meeting_id: string | null;
  title: string;
  question: string;
  closes_on: string;
}

export async function findCalls(db: Queryable, groupId: string): Promise<CallRow[]> {
  const { rows } = await db.query<CallRow>(
    `SELECT id, group_id, meeting_id, title, question, closes_on::text AS closes_on
       FROM international_wg_idea_calls WHERE group_id = $1 ORDER BY closes_on DESC, created_at DESC`,
    [groupId],
  );
  return rows;
}

export async function findCall(db: Queryable, id: string): Promise<CallRow | null> {
  const { rows } = await db.query<CallRow>(
    `SELECT id, group_id, meeting_id, title, question, closes_on::text AS closes_on FROM international_wg_idea_calls WHERE id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function insertCall(
  db: Queryable,
  groupId: string,
  v: { title: string; question: string; closesOn: string; meetingId: string | null },
  isSample: boolean,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO international_wg_idea_calls (group_id, meeting_id, title, question, closes_on, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [groupId, v.meetingId, v.title, v.question, v.closesOn, isSample],
  );
  return rows[0].id;
}

export interface IdeaRow {
  id: string;
  call_id: string;
  group_id: string;
  organisation_id: string;
  organisation_name: string;
  title: string;
  body: string;
  status: "submitted" | "adopted" | "not_adopted";
  submitted_by_name: string;
  submitted_at: Date;
}

const IDEA_SELECT = `SELECT i.id, i.call_id, c.group_id, i.organisation_id, o.name AS organisation_name, i.title, i.body,
    i.status, i.submitted_by_name, i.submitted_at
  FROM international_wg_ideas i
  JOIN international_wg_idea_calls c ON c.id = i.call_id
  JOIN organisations o ON o.id = i.organisation_id`;

export async function findIdeas(db: Queryable, groupId: string): Promise<IdeaRow[]> {
  const { rows } = await db.query<IdeaRow>(`${IDEA_SELECT} WHERE c.group_id = $1 ORDER BY o.sort_order, o.name, i.submitted_at`, [groupId]);
  return rows;
}

export async function findIdea(db: Queryable, id: string): Promise<IdeaRow | null> {
  const { rows } = await db.query<IdeaRow>(`${IDEA_SELECT} WHERE i.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function insertIdea(
  db: Queryable,
  v: {
    callId: string;
    organisationId: string;
    title: string;
    body: string;
    submittedBy: string | null;
    submittedByName: string;
    submittedAt: Date | null;
  },
  isSample: boolean,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO international_wg_ideas (call_id, organisation_id, title, body, submitted_by, submitted_by_name, submitted_at, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now()), $8) RETURNING id`,
    [v.callId, v.organisationId, v.title, v.body, v.submittedBy, v.submittedByName, v.submittedAt?.toISOString() ?? null, isSample],
  );
  return rows[0].id;
}

export async function setIdeaStatus(db: Queryable, id: string, status: IdeaRow["status"]): Promise<void> {
  await db.query("UPDATE international_wg_ideas SET status = $2 WHERE id = $1", [id, status]);
}

// ------------------------------------------------------------------ actions

export interface ActionRow {
  id: string;
  group_id: string;
  title: string;
  idea_id: string | null;
  idea_title: string | null;
  idea_status: IdeaRow["status"] | null;
  idea_organisation_name: string | null;
  owner_organisation_id: string;
  owner_organisation_name: string;
  owner_user_id: string | null;
  owner_user_name: string | null;
  due_on: string;
  status: "open" | "done";
  done_on: string | null;
  result: string;
  project_id: string | null;
  project_name: string | null;
  version: number;
}

const ACTION_SELECT = `SELECT a.id, a.group_id, a.title, a.idea_id, i.title AS idea_title, i.status AS idea_status,
    io.name AS idea_organisation_name, a.owner_organisation_id, o.name AS owner_organisation_name, a.owner_user_id,
    u.display_name AS owner_user_name, a.due_on::text AS due_on, a.status, a.done_on::text AS done_on, a.result,
    a.project_id, p.name AS project_name, a.version
  FROM international_wg_actions a
  JOIN organisations o ON o.id = a.owner_organisation_id
  LEFT JOIN users u ON u.id = a.owner_user_id
  LEFT JOIN international_wg_ideas i ON i.id = a.idea_id
  LEFT JOIN organisations io ON io.id = i.organisation_id
  LEFT JOIN international_projects p ON p.id = a.project_id`;

export async function findActions(db: Queryable, groupId: string): Promise<ActionRow[]> {
  const { rows } = await db.query<ActionRow>(`${ACTION_SELECT} WHERE a.group_id = $1 ORDER BY a.due_on, a.created_at`, [groupId]);
  return rows;
}

export async function findAction(db: Queryable, id: string): Promise<ActionRow | null> {
  const { rows } = await db.query<ActionRow>(`${ACTION_SELECT} WHERE a.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function countActionsOfIdea(db: Queryable, ideaId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM international_wg_actions WHERE idea_id = $1", [ideaId]);
  return rows[0].n;
}

export async function insertAction(
  db: Queryable,
  groupId: string,
  v: { title: string; ideaId: string | null; ownerOrganisationId: string; ownerUserId: string | null; dueOn: string },
  isSample: boolean,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO international_wg_actions (group_id, idea_id, title, owner_organisation_id, owner_user_id, due_on, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [groupId, v.ideaId, v.title, v.ownerOrganisationId, v.ownerUserId, v.dueOn, isSample],
  );
  return rows[0].id;
}

/** Records progress if the action still has `version`; false when someone saved first. */
export async function updateActionProgress(
  db: Queryable,
  id: string,
  version: number,
  v: { status: "open" | "done"; doneOn: string | null; result: string; projectId: string | null },
): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE international_wg_actions SET status = $3, done_on = $4, result = $5, project_id = $6,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2`,
    [id, version, v.status, v.doneOn, v.result, v.projectId],
  );
  return rowCount === 1;
}

// ------------------------------------------------------------------ projects and users an action names

export async function findProjectName(db: Queryable, id: string): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>("SELECT name FROM international_projects WHERE id = $1", [id]);
  return rows[0]?.name ?? null;
}

/** The sample data links its actions to sample projects by name (the first one of that name). */
export async function findProjectIdByName(db: Queryable, name: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM international_projects WHERE name = $1 ORDER BY created_at, id LIMIT 1", [
    name,
  ]);
  return rows[0]?.id ?? null;
}

export async function findUserOrganisation(db: Queryable, userId: string): Promise<string | null> {
  const { rows } = await db.query<{ organisation_id: string }>("SELECT organisation_id FROM users WHERE id = $1", [userId]);
  return rows[0]?.organisation_id ?? null;
}
