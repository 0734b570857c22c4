// SQL of 審査会 (committee meetings) and their decisions: the meetings of a round, the applications waiting for the
// committee, the decision row and the application's move. Dates are read as YYYY-MM-DD text; the meeting's
// updated_at (the table has no version column) is read as a microsecond token, so an edit can compare it exactly.
import type { Queryable } from "../../db/database";

const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
export const TOKEN = (column: string) => `floor(extract(epoch FROM ${column}) * 1000000)::bigint::text`;

export interface MeetingRow {
  id: string;
  round_id: string;
  round_name: string;
  fiscal_year: number;
  held_on: string;
  place: string;
  members: string;
  minutes: string;
  decision_count: number;
  certified_count: number;
  refused_count: number;
  is_sample: boolean;
  updated_token: string;
}

const MEETING_SELECT = `
  SELECT m.id, m.round_id, r.name AS round_name, r.fiscal_year, ${DAY("m.held_on")} AS held_on, m.place, m.members, m.minutes,
         (SELECT count(*)::int FROM sdgs_committee_decisions d WHERE d.meeting_id = m.id) AS decision_count,
         (SELECT count(*)::int FROM sdgs_committee_decisions d WHERE d.meeting_id = m.id AND d.decision = 'certify') AS certified_count,
         (SELECT count(*)::int FROM sdgs_committee_decisions d WHERE d.meeting_id = m.id AND d.decision = 'refuse') AS refused_count,
         m.is_sample, ${TOKEN("m.updated_at")} AS updated_token
    FROM sdgs_committee_meetings m JOIN sdgs_rounds r ON r.id = m.round_id`;

export async function findMeetings(db: Queryable, roundId: string | undefined): Promise<MeetingRow[]> {
  const { rows } = await db.query<MeetingRow>(
    `${MEETING_SELECT} WHERE ($1::uuid IS NULL OR m.round_id = $1) ORDER BY m.held_on DESC, r.fiscal_year DESC LIMIT 500`,
    [roundId ?? null],
  );
  return rows;
}

export async function findMeeting(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<MeetingRow | null> {
  if (opts.lock) await db.query("SELECT id FROM sdgs_committee_meetings WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<MeetingRow>(`${MEETING_SELECT} WHERE m.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface RoundOptionRow {
  id: string;
  name: string;
  fiscal_year: number;
}

export async function findRoundOptions(db: Queryable): Promise<RoundOptionRow[]> {
  const { rows } = await db.query<RoundOptionRow>("SELECT id, name, fiscal_year FROM sdgs_rounds ORDER BY fiscal_year DESC, opens_on DESC");
  return rows;
}

export interface MeetingValues {
  heldOn: string;
  place: string;
  members: string;
  minutes: string;
}

export async function insertMeeting(db: Queryable, roundId: string, values: MeetingValues): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sdgs_committee_meetings (round_id, held_on, place, members, minutes) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [roundId, values.heldOn, values.place, values.members, values.minutes],
  );
  return rows[0].id;
}

/** Updates when the token still matches; false when someone changed the meeting since it was read. */
export async function updateMeeting(db: Queryable, id: string, token: string, values: MeetingValues): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE sdgs_committee_meetings
        SET held_on = $3, place = $4, members = $5, minutes = $6, updated_at = clock_timestamp()
      WHERE id = $1 AND ${TOKEN("updated_at")} = $2
      RETURNING id`,
    [id, token, values.heldOn, values.place, values.members, values.minutes],
  );
  return rows.length > 0;
}

export async function touchMeeting(db: Queryable, id: string): Promise<void> {
  await db.query("UPDATE sdgs_committee_meetings SET updated_at = clock_timestamp() WHERE id = $1", [id]);
}

export interface CandidateRow {
  id: string;
  company_id: string;
  company_name: string;
  kind: "new" | "renewal" | "rank_up";
  status: "committee";
  previous_certification_number: string | null;
  is_sample: boolean;
}

/** The round's applications waiting for the committee (審査会待ち). */
export async function findCandidates(db: Queryable, roundId: string): Promise<CandidateRow[]> {
  const { rows } = await db.query<CandidateRow>(
    `SELECT a.id, a.company_id, c.name AS company_name, a.kind, a.status,
            (SELECT p.number FROM sdgs_certifications p WHERE p.id = a.previous_certification_id) AS previous_certification_number,
            a.is_sample
       FROM sdgs_applications a JOIN sdgs_companies c ON c.id = a.company_id
      WHERE a.round_id = $1 AND a.status = 'committee'
      ORDER BY c.name_kana, c.name`,
    [roundId],
  );
  return rows;
}

export interface DecisionRow {
  application_id: string;
  company_name: string;
  kind: "new" | "renewal" | "rank_up";
  decision: "certify" | "refuse";
  tier_name: string | null;
  reason: string;
  decided_at: Date;
  decided_by: string | null;
  certification_id: string | null;
  certification_number: string | null;
  is_sample: boolean;
}

export async function findDecisions(db: Queryable, meetingId: string): Promise<DecisionRow[]> {
  const { rows } = await db.query<DecisionRow>(
    `SELECT d.application_id, c.name AS company_name, a.kind, d.decision, t.name AS tier_name, d.reason, d.decided_at,
            u.display_name AS decided_by, z.id AS certification_id, z.number AS certification_number, a.is_sample
       FROM sdgs_committee_decisions d
       JOIN sdgs_applications a ON a.id = d.application_id
       JOIN sdgs_companies c ON c.id = a.company_id
       LEFT JOIN sdgs_tiers t ON t.id = d.tier_id
       LEFT JOIN users u ON u.id = d.decided_by
       LEFT JOIN sdgs_certifications z ON z.application_id = d.application_id
      WHERE d.meeting_id = $1
      ORDER BY d.decided_at, c.name`,
    [meetingId],
  );
  return rows;
}

export interface ApplicationForDecision {
  id: string;
  round_id: string;
  company_id: string;
  company_name: string;
  kind: "new" | "renewal" | "rank_up";
  status: string;
  previous_certification_id: string | null;
  version: number;
}

/** The application, locked for the decision (two decisions on one application: the second sees the first's status). */
export async function lockApplication(db: Queryable, id: string): Promise<ApplicationForDecision | null> {
  const { rows } = await db.query<ApplicationForDecision>(
    `SELECT a.id, a.round_id, a.company_id, c.name AS company_name, a.kind, a.status, a.previous_certification_id, a.version
       FROM sdgs_applications a JOIN sdgs_companies c ON c.id = a.company_id
      WHERE a.id = $1 FOR UPDATE OF a`,
    [id],
  );
  return rows[0] ?? null;
}

export async function insertDecision(
  db: Queryable,
  values: {
    applicationId: string;
    meetingId: string;
    decision: "certify" | "refuse";
    tierId: string | null;
    reason: string;
    decidedBy: string | null;
  },
): Promise<void> {
  await db.query(
    `INSERT INTO sdgs_committee_decisions (application_id, meeting_id, decision, tier_id, reason, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [values.applicationId, values.meetingId, values.decision, values.tierId, values.reason, values.decidedBy],
  );
}

/** The application's move (審査会待ち → 認証 / 不認証) with its event row. */
export async function moveApplication(
  db: Queryable,
  values: { applicationId: string; from: string; to: string; comment: string; actorId: string | null; actorLabel: string },
): Promise<void> {
  await db.query("UPDATE sdgs_applications SET status = $2, version = version + 1, updated_at = now() WHERE id = $1", [
    values.applicationId,
    values.to,
  ]);
  await db.query(
    `INSERT INTO sdgs_application_events (application_id, from_status, to_status, comment, actor_id, actor_label)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [values.applicationId, values.from, values.to, values.comment.slice(0, 2000), values.actorId, values.actorLabel],
  );
}
