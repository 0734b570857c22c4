// SQL of 会議 (platform/meetings): meetings, their attendees and decisions, their follow-up items, and the staff a
// follow-up may be assigned to. Rules, permissions and audit rows are the service's (service.ts).
import type { Queryable } from "../../db/database";

export interface MeetingRow {
  id: string;
  owner_kind: string;
  owner_id: string;
  kind: string;
  title: string;
  held_on: string;
  starts_at: string | null;
  ends_at: string | null;
  place: string;
  online: boolean;
  online_url: string | null;
  agenda: string;
  minutes: string;
  is_sample: boolean;
  version: number;
  created_by_name: string | null;
  updated_at: string;
}

export interface MeetingSummaryRow {
  id: string;
  owner_kind: string;
  owner_id: string;
  kind: string;
  title: string;
  held_on: string;
  starts_at: string | null;
  ends_at: string | null;
  place: string;
  online: boolean;
  is_sample: boolean;
  organisations: string[] | null;
  decision_count: number;
  material_count: number;
  open_followups: number;
  overdue_followups: number;
}

export interface FollowupRow {
  id: string;
  meeting_id: string;
  title: string;
  detail: string;
  assignee_id: string | null;
  assignee_name: string | null;
  assignee_organisation: string | null;
  owner_organisation: string | null;
  due_on: string | null;
  status: "open" | "done";
  done_on: string | null;
  done_by_name: string | null;
  done_note: string;
  is_sample: boolean;
  version: number;
}

export interface FollowupListRow extends FollowupRow {
  meeting_title: string;
  meeting_kind: string;
  meeting_held_on: string;
  owner_kind: string;
  owner_id: string;
}

export interface MeetingValues {
  kind: string;
  title: string;
  heldOn: string;
  startsAt: string | null;
  endsAt: string | null;
  place: string;
  online: boolean;
  onlineUrl: string | null;
  agenda: string;
  minutes: string;
}

export interface FollowupValues {
  title: string;
  detail: string;
  assigneeId: string | null;
  ownerOrganisation: string | null;
  dueOn: string | null;
}

/** Owners the caller may read, as two parallel arrays (kinds, ids) for unnest. */
export interface OwnerSet {
  kinds: string[];
  ids: string[];
}

export interface MeetingFilter {
  kind?: string;
  ownerKind?: string;
  from?: string;
  to?: string;
  q?: string;
}

const MEETING_COLUMNS = `m.id, m.owner_kind, m.owner_id::text AS owner_id, m.kind, m.title, m.held_on::text AS held_on,
  to_char(m.starts_at, 'HH24:MI') AS starts_at, to_char(m.ends_at, 'HH24:MI') AS ends_at, m.place, m.online, m.is_sample`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

// ------------------------------------------------------------------ meetings

export async function insertMeeting(
  tx: Queryable,
  owner: { kind: string; id: string },
  values: MeetingValues,
  createdBy: string | null,
  isSample = false,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO meetings (owner_kind, owner_id, kind, title, held_on, starts_at, ends_at, place, online, online_url, agenda,
       minutes, created_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      owner.kind,
      owner.id,
      values.kind,
      values.title,
      values.heldOn,
      values.startsAt,
      values.endsAt,
      values.place,
      values.online,
      values.onlineUrl,
      values.agenda,
      values.minutes,
      createdBy,
      isSample,
    ],
  );
  return rows[0].id;
}

/** Updates the meeting if its version is still `version`; false when someone changed it first (or it is gone). */
export async function updateMeeting(tx: Queryable, id: string, version: number, values: MeetingValues): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE meetings SET kind = $3, title = $4, held_on = $5, starts_at = $6, ends_at = $7, place = $8, online = $9,
       online_url = $10, agenda = $11, minutes = $12, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2`,
    [
      id,
      version,
      values.kind,
      values.title,
      values.heldOn,
      values.startsAt,
      values.endsAt,
      values.place,
      values.online,
      values.onlineUrl,
      values.agenda,
      values.minutes,
    ],
  );
  return (rowCount ?? 0) > 0;
}

export async function deleteMeeting(tx: Queryable, id: string, version: number): Promise<boolean> {
  const { rowCount } = await tx.query("DELETE FROM meetings WHERE id = $1 AND version = $2", [id, version]);
  return (rowCount ?? 0) > 0;
}

/** A change of the meeting's parts (materials, follow-ups) counts as a change of the meeting for its page. */
export async function touchMeeting(tx: Queryable, id: string): Promise<void> {
  await tx.query("UPDATE meetings SET updated_at = now() WHERE id = $1", [id]);
}

export async function findMeeting(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<MeetingRow | null> {
  const { rows } = await db.query<MeetingRow>(
    `SELECT ${MEETING_COLUMNS}, m.online_url, m.agenda, m.minutes, m.version, u.display_name AS created_by_name,
            to_char(m.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS updated_at
       FROM meetings m LEFT JOIN users u ON u.id = m.created_by
      WHERE m.id = $1${opts.forUpdate ? " FOR UPDATE OF m" : ""}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function replaceAttendees(
  tx: Queryable,
  meetingId: string,
  attendees: readonly { organisationName: string; organisationId: string | null; people: string }[],
): Promise<void> {
  await tx.query("DELETE FROM meeting_attendees WHERE meeting_id = $1", [meetingId]);
  if (attendees.length === 0) return;
  await tx.query(
    `INSERT INTO meeting_attendees (meeting_id, organisation_name, organisation_id, people, sort_order)
     SELECT $1, a.name, a.organisation_id, a.people, a.ord - 1
       FROM unnest($2::text[], $3::uuid[], $4::text[]) WITH ORDINALITY AS a(name, organisation_id, people, ord)`,
    [meetingId, attendees.map((a) => a.organisationName), attendees.map((a) => a.organisationId), attendees.map((a) => a.people)],
  );
}

export async function replaceDecisions(tx: Queryable, meetingId: string, decisions: readonly string[]): Promise<void> {
  await tx.query("DELETE FROM meeting_decisions WHERE meeting_id = $1", [meetingId]);
  if (decisions.length === 0) return;
  await tx.query(
    `INSERT INTO meeting_decisions (meeting_id, text, sort_order)
     SELECT $1, d.text, d.ord - 1 FROM unnest($2::text[]) WITH ORDINALITY AS d(text, ord)`,
    [meetingId, [...decisions]],
  );
}

export async function listAttendees(
  db: Queryable,
  meetingId: string,
): Promise<{ organisation_name: string; organisation_id: string | null; people: string }[]> {
  const { rows } = await db.query<{ organisation_name: string; organisation_id: string | null; people: string }>(
    "SELECT organisation_name, organisation_id::text AS organisation_id, people FROM meeting_attendees WHERE meeting_id = $1 ORDER BY sort_order",
    [meetingId],
  );
  return rows;
}

export async function listDecisions(db: Queryable, meetingId: string): Promise<string[]> {
  const { rows } = await db.query<{ text: string }>("SELECT text FROM meeting_decisions WHERE meeting_id = $1 ORDER BY sort_order", [
    meetingId,
  ]);
  return rows.map((r) => r.text);
}

/** The organisations among `ids` that exist (an attendee may name one). */
export async function existingOrganisations(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>("SELECT id::text AS id FROM organisations WHERE id = ANY($1::uuid[])", [[...ids]]);
  return new Set(rows.map((r) => r.id));
}

/** Every record that has meetings (of one kind, when given): the service asks each one's module who may read it. */
export async function meetingOwners(db: Queryable, ownerKind?: string): Promise<{ owner_kind: string; owner_id: string }[]> {
  const { rows } = await db.query<{ owner_kind: string; owner_id: string }>(
    `SELECT DISTINCT owner_kind, owner_id::text AS owner_id FROM meetings WHERE ($1::text IS NULL OR owner_kind = $1)`,
    [ownerKind ?? null],
  );
  return rows;
}

const SUMMARY_SELECT = `SELECT ${MEETING_COLUMNS},
    (SELECT array_agg(a.organisation_name ORDER BY a.sort_order) FROM meeting_attendees a WHERE a.meeting_id = m.id) AS organisations,
    (SELECT count(*)::int FROM meeting_decisions d WHERE d.meeting_id = m.id) AS decision_count,
    (SELECT count(*)::int FROM files f WHERE f.owner_kind = 'meeting' AND f.owner_id = m.id) AS material_count,
    (SELECT count(*)::int FROM meeting_followups x WHERE x.meeting_id = m.id AND x.status = 'open') AS open_followups,
    (SELECT count(*)::int FROM meeting_followups x WHERE x.meeting_id = m.id AND x.status = 'open' AND x.due_on < $TODAY::date)
      AS overdue_followups
  FROM meetings m`;

const ORDER: Record<string, string> = {
  held_desc: "m.held_on DESC, m.starts_at DESC NULLS LAST, m.title, m.id",
  held_asc: "m.held_on, m.starts_at NULLS LAST, m.title, m.id",
  title: "m.title, m.held_on DESC, m.id",
};

/** The meetings of one record, newest first. */
export async function listOwnerMeetings(db: Queryable, owner: { kind: string; id: string }, today: string): Promise<MeetingSummaryRow[]> {
  const { rows } = await db.query<MeetingSummaryRow>(
    `${SUMMARY_SELECT.replace("$TODAY", "$3")} WHERE m.owner_kind = $1 AND m.owner_id = $2 ORDER BY ${ORDER.held_desc}`,
    [owner.kind, owner.id, today],
  );
  return rows;
}

/** A page of the meetings of the readable owners that match the filter, and how many match in all. */
export async function searchMeetings(
  db: Queryable,
  owners: OwnerSet,
  filter: MeetingFilter,
  sort: string,
  paging: { limit: number; offset: number } | null,
  today: string,
): Promise<{ rows: MeetingSummaryRow[]; total: number }> {
  const q = filter.q ? `%${escapeLike(filter.q.normalize("NFKC"))}%` : null;
  const where = `WHERE (m.owner_kind, m.owner_id) IN (SELECT k, i FROM unnest($1::text[], $2::uuid[]) AS o(k, i))
      AND ($3::text IS NULL OR m.kind = $3) AND ($4::text IS NULL OR m.owner_kind = $4)
      AND ($5::date IS NULL OR m.held_on >= $5::date) AND ($6::date IS NULL OR m.held_on <= $6::date)
      AND ($7::text IS NULL OR normalize(m.title || ' ' || m.place || ' ' || m.agenda || ' ' || m.minutes, NFKC) ILIKE $7
        OR EXISTS (SELECT 1 FROM meeting_attendees a WHERE a.meeting_id = m.id
                     AND normalize(a.organisation_name || ' ' || a.people, NFKC) ILIKE $7)
        OR EXISTS (SELECT 1 FROM meeting_decisions d WHERE d.meeting_id = m.id AND normalize(d.text, NFKC) ILIKE $7))`;
  const params = [owners.kinds, owners.ids, filter.kind ?? null, filter.ownerKind ?? null, filter.from ?? null, filter.to ?? null, q];
  const { rows: counted } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM meetings m ${where}`, params);
  const limit = paging ? ` LIMIT ${Math.trunc(paging.limit)} OFFSET ${Math.trunc(paging.offset)}` : "";
  const { rows } = await db.query<MeetingSummaryRow>(
    `${SUMMARY_SELECT.replace("$TODAY", "$8")} ${where} ORDER BY ${ORDER[sort] ?? ORDER.held_desc}${limit}`,
    [...params, today],
  );
  return { rows, total: Number(counted[0]?.n ?? 0) };
}

// ------------------------------------------------------------------ follow-ups

const FOLLOWUP_COLUMNS = `x.id, x.meeting_id::text AS meeting_id, x.title, x.detail, x.assignee_id::text AS assignee_id,
  au.display_name AS assignee_name, ao.name AS assignee_organisation, x.owner_organisation, x.due_on::text AS due_on,
  x.status, x.done_on::text AS done_on, du.display_name AS done_by_name, x.done_note, x.is_sample, x.version`;
const FOLLOWUP_JOINS = `LEFT JOIN users au ON au.id = x.assignee_id LEFT JOIN organisations ao ON ao.id = au.organisation_id
  LEFT JOIN users du ON du.id = x.done_by`;

export async function listMeetingFollowups(db: Queryable, meetingId: string): Promise<FollowupRow[]> {
  const { rows } = await db.query<FollowupRow>(
    `SELECT ${FOLLOWUP_COLUMNS} FROM meeting_followups x ${FOLLOWUP_JOINS}
      WHERE x.meeting_id = $1 ORDER BY x.sort_order, x.created_at, x.id`,
    [meetingId],
  );
  return rows;
}

export async function findFollowup(
  db: Queryable,
  meetingId: string,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<FollowupRow | null> {
  const { rows } = await db.query<FollowupRow>(
    `SELECT ${FOLLOWUP_COLUMNS} FROM meeting_followups x ${FOLLOWUP_JOINS}
      WHERE x.meeting_id = $1 AND x.id = $2${opts.forUpdate ? " FOR UPDATE OF x" : ""}`,
    [meetingId, id],
  );
  return rows[0] ?? null;
}

export async function insertFollowup(
  tx: Queryable,
  meetingId: string,
  values: FollowupValues,
  createdBy: string | null,
  close: { doneOn: string; doneBy: string | null; note: string } | null = null,
  isSample = false,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO meeting_followups (meeting_id, title, detail, assignee_id, owner_organisation, due_on, status, done_on, done_by,
       done_note, sort_order, created_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10,
       (SELECT coalesce(max(sort_order) + 1, 0) FROM meeting_followups WHERE meeting_id = $1), $11, $12)
     RETURNING id`,
    [
      meetingId,
      values.title,
      values.detail,
      values.assigneeId,
      values.ownerOrganisation,
      values.dueOn,
      close ? "done" : "open",
      close?.doneOn ?? null,
      close?.doneBy ?? null,
      close?.note ?? "",
      createdBy,
      isSample,
    ],
  );
  return rows[0].id;
}

export async function updateFollowup(tx: Queryable, id: string, version: number, values: FollowupValues): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE meeting_followups SET title = $3, detail = $4, assignee_id = $5, owner_organisation = $6, due_on = $7,
       version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2`,
    [id, version, values.title, values.detail, values.assigneeId, values.ownerOrganisation, values.dueOn],
  );
  return (rowCount ?? 0) > 0;
}

export async function closeFollowup(
  tx: Queryable,
  id: string,
  version: number,
  close: { doneOn: string; doneBy: string | null; note: string },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE meeting_followups SET status = 'done', done_on = $3, done_by = $4, done_note = $5, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 AND status = 'open'`,
    [id, version, close.doneOn, close.doneBy, close.note],
  );
  return (rowCount ?? 0) > 0;
}

export async function reopenFollowup(tx: Queryable, id: string, version: number): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE meeting_followups SET status = 'open', done_on = NULL, done_by = NULL, done_note = '', version = version + 1,
       updated_at = now()
     WHERE id = $1 AND version = $2 AND status = 'done'`,
    [id, version],
  );
  return (rowCount ?? 0) > 0;
}

export async function deleteFollowup(tx: Queryable, id: string, version: number): Promise<boolean> {
  const { rowCount } = await tx.query("DELETE FROM meeting_followups WHERE id = $1 AND version = $2", [id, version]);
  return (rowCount ?? 0) > 0;
}

const SCOPE_WHERE: Record<string, string> = {
  mine: "x.status = 'open' AND x.assignee_id = $3",
  open: "x.status = 'open'",
  overdue: "x.status = 'open' AND x.due_on < $4::date",
  done: "x.status = 'done'",
  all: "TRUE",
};

/** Follow-ups of the readable owners' meetings: overdue first, then by due date (none last), then by meeting date. */
export async function searchFollowups(
  db: Queryable,
  owners: OwnerSet,
  scope: string,
  userId: string,
  today: string,
  paging: { limit: number; offset: number },
): Promise<{ rows: FollowupListRow[]; total: number }> {
  const from = `FROM meeting_followups x JOIN meetings m ON m.id = x.meeting_id ${FOLLOWUP_JOINS}
    WHERE (m.owner_kind, m.owner_id) IN (SELECT k, i FROM unnest($1::text[], $2::uuid[]) AS o(k, i))
      AND ($3::uuid IS NOT NULL AND $4::date IS NOT NULL) AND ${SCOPE_WHERE[scope] ?? SCOPE_WHERE.open}`;
  const params = [owners.kinds, owners.ids, userId, today];
  const { rows: counted } = await db.query<{ n: number }>(`SELECT count(*)::int AS n ${from}`, params);
  const { rows } = await db.query<FollowupListRow>(
    `SELECT ${FOLLOWUP_COLUMNS}, m.title AS meeting_title, m.kind AS meeting_kind, m.held_on::text AS meeting_held_on,
            m.owner_kind, m.owner_id::text AS owner_id
     ${from}
     ORDER BY coalesce(x.status = 'open' AND x.due_on < $4::date, false) DESC, x.status, x.due_on NULLS LAST, m.held_on DESC, x.sort_order, x.id
     LIMIT ${Math.trunc(paging.limit)} OFFSET ${Math.trunc(paging.offset)}`,
    params,
  );
  return { rows, total: Number(counted[0]?.n ?? 0) };
}

export async function countFollowups(
  db: Queryable,
  owners: OwnerSet,
  userId: string,
  today: string,
): Promise<{ mine: number; open: number; overdue: number }> {
  const { rows } = await db.query<{ mine: number; open: number; overdue: number }>(
    `SELECT count(*) FILTER (WHERE x.assignee_id = $3)::int AS mine, count(*)::int AS open,
            count(*) FILTER (WHERE x.due_on < $4::date)::int AS overdue
       FROM meeting_followups x JOIN meetings m ON m.id = x.meeting_id
      WHERE x.status = 'open' AND (m.owner_kind, m.owner_id) IN (SELECT k, i FROM unnest($1::text[], $2::uuid[]) AS o(k, i))`,
    [owners.kinds, owners.ids, userId, today],
  );
  return { mine: rows[0]?.mine ?? 0, open: rows[0]?.open ?? 0, overdue: rows[0]?.overdue ?? 0 };
}

/** A member of staff a follow-up may be assigned to: active, of the city (not an external organisation's login). */
export async function findAssignableStaff(db: Queryable, id: string): Promise<{ id: string; display_name: string } | null> {
  const { rows } = await db.query<{ id: string; display_name: string }>(
    `SELECT u.id::text AS id, u.display_name FROM users u JOIN organisations o ON o.id = u.organisation_id
      WHERE u.id = $1 AND u.role IN ('admin', 'editor', 'viewer') AND NOT u.disabled AND o.kind <> 'external'`,
    [id],
  );
  return rows[0] ?? null;
}
