// SQL of the SDGsステーション's consultations (sdgs_consultations) and the pickers of its forms (the registered
// companies, the bureau's staff). Company and staff names come by joins (read only). "Overdue" needs today's date in
// Japan, which the service passes in: the database's clock and time zone are not the city's.
import type { CONSULTATION_SORTS } from "../../../common/api/sdgs-station";
import type { ClientKind, ConsultationChannel, ConsultationOutcome, ConsultationTopic } from "../../../common/sdgs/labels";
import type { Queryable } from "../../db/database";

export interface ConsultationRow {
  id: string;
  consulted_on: string;
  channel: ConsultationChannel;
  client_kind: ClientKind;
  company_id: string | null;
  company_name: string | null;
  client_label: string;
  topic: ConsultationTopic;
  sdg_goals: number[];
  staff_user_id: string | null;
  staff_name: string | null;
  summary: string;
  outcome: ConsultationOutcome;
  follow_up: string;
  follow_up_due: string | null;
  follow_up_done_at: Date | null;
  version: number;
  is_sample: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface ConsultationValues {
  consultedOn: string;
  channel: ConsultationChannel;
  clientKind: ClientKind;
  companyId: string | null;
  clientLabel: string;
  topic: ConsultationTopic;
  sdgGoals: number[];
  staffUserId: string | null;
  summary: string;
  outcome: ConsultationOutcome;
  followUp: string;
  followUpDue: string | null;
}

export interface ConsultationFilter {
  /** the first and last day of the period asked for (a fiscal year, a month) */
  from?: string;
  to?: string;
  /** a calendar month in any year (when no fiscal year narrows the period) */
  month?: number;
  channel?: ConsultationChannel;
  clientKind?: ClientKind;
  topic?: ConsultationTopic;
  outcome?: ConsultationOutcome;
  sdgGoal?: number;
  followUp?: "open" | "overdue";
  q?: string;
  sort: (typeof CONSULTATION_SORTS)[number];
  limit: number;
  offset: number;
}

const SELECT = `SELECT c.id, c.consulted_on, c.channel, c.client_kind, c.company_id, co.name AS company_name, c.client_label,
    c.topic, c.sdg_goals, c.staff_user_id, u.display_name AS staff_name, c.summary, c.outcome, c.follow_up,
    c.follow_up_due, c.follow_up_done_at, c.version, c.is_sample, c.created_at, c.updated_at
  FROM sdgs_consultations c
  LEFT JOIN sdgs_companies co ON co.id = c.company_id
  LEFT JOIN users u ON u.id = c.staff_user_id`;

/** A follow-up exists when its text or its due date is recorded; it is open until marked done. */
export const OPEN_FOLLOW_UP = "(c.follow_up <> '' OR c.follow_up_due IS NOT NULL) AND c.follow_up_done_at IS NULL";

const ORDER: Record<(typeof CONSULTATION_SORTS)[number], string> = {
  consultedOn: "c.consulted_on ASC, c.created_at ASC",
  "-consultedOn": "c.consulted_on DESC, c.created_at DESC",
  followUpDue: "c.follow_up_due ASC NULLS LAST, c.consulted_on DESC",
  "-followUpDue": "c.follow_up_due DESC NULLS LAST, c.consulted_on DESC",
  topic: "c.topic, c.consulted_on DESC",
  outcome: "c.outcome, c.consulted_on DESC",
};

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function whereOf(filter: Omit<ConsultationFilter, "sort" | "limit" | "offset">, today: string): { sql: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (n: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.from) add((p) => `c.consulted_on >= ${p}::date`, filter.from);
  if (filter.to) add((p) => `c.consulted_on <= ${p}::date`, filter.to);
  if (filter.month) add((p) => `extract(month FROM c.consulted_on) = ${p}::int`, filter.month);
  if (filter.channel) add((p) => `c.channel = ${p}`, filter.channel);
  if (filter.clientKind) add((p) => `c.client_kind = ${p}`, filter.clientKind);
  if (filter.topic) add((p) => `c.topic = ${p}`, filter.topic);
  if (filter.outcome) add((p) => `c.outcome = ${p}`, filter.outcome);
  if (filter.sdgGoal) add((p) => `${p}::int = ANY (c.sdg_goals)`, filter.sdgGoal);
  if (filter.followUp === "open") where.push(OPEN_FOLLOW_UP);
  if (filter.followUp === "overdue") add((p) => `${OPEN_FOLLOW_UP} AND c.follow_up_due < ${p}::date`, today);
  if (filter.q)
    add(
      (p) => `(c.client_label ILIKE ${p} OR co.name ILIKE ${p} OR c.summary ILIKE ${p} OR c.follow_up ILIKE ${p})`,
      `%${escapeLike(filter.q)}%`,
    );
  return { sql: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

export async function findConsultations(
  db: Queryable,
  filter: ConsultationFilter,
  today: string,
): Promise<{ rows: ConsultationRow[]; total: number }> {
  const { sql, params } = whereOf(filter, today);
  const from = `FROM sdgs_consultations c LEFT JOIN sdgs_companies co ON co.id = c.company_id ${sql}`;
  const count = await db.query<{ total: number }>(`SELECT count(*)::int AS total ${from}`, params);
  const { rows } = await db.query<ConsultationRow>(
    `${SELECT} ${sql} ORDER BY ${ORDER[filter.sort]} LIMIT ${Math.trunc(filter.limit)} OFFSET ${Math.trunc(filter.offset)}`,
    params,
  );
  return { rows, total: count.rows[0]?.total ?? 0 };
}

export async function findConsultation(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<ConsultationRow | null> {
  if (opts.lock) await db.query("SELECT id FROM sdgs_consultations WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<ConsultationRow>(`${SELECT} WHERE c.id = $1`, [id]);
  return rows[0] ?? null;
}

const valuesOf = (v: ConsultationValues) => [
  v.consultedOn,
  v.channel,
  v.clientKind,
  v.companyId,
  v.clientLabel,
  v.topic,
  v.sdgGoals,
  v.staffUserId,
  v.summary,
  v.outcome,
  v.followUp,
  v.followUpDue,
];

export async function insertConsultation(
  db: Queryable,
  values: ConsultationValues,
  opts: { createdBy: string | null; isSample: boolean; followUpDoneAt?: Date | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sdgs_consultations (consulted_on, channel, client_kind, company_id, client_label, topic, sdg_goals, staff_user_id,
       summary, outcome, follow_up, follow_up_due, created_by, is_sample, follow_up_done_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7::int[], $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id`,
    [...valuesOf(values), opts.createdBy, opts.isSample, opts.followUpDoneAt ?? null],
  );
  return rows[0].id;
}

/** Changes the record when its version is still `version`; false when someone changed it first (or it is gone). */
export async function updateConsultation(db: Queryable, id: string, version: number, values: ConsultationValues): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE sdgs_consultations SET consulted_on = $1, channel = $2, client_kind = $3, company_id = $4, client_label = $5,
       topic = $6, sdg_goals = $7::int[], staff_user_id = $8, summary = $9, outcome = $10, follow_up = $11, follow_up_due = $12,
       follow_up_done_at = CASE WHEN $11 = '' AND $12::date IS NULL THEN NULL ELSE follow_up_done_at END,
       version = version + 1, updated_at = now()
     WHERE id = $13 AND version = $14 RETURNING id`,
    [...valuesOf(values), id, version],
  );
  return rows.length === 1;
}

export async function markFollowUpDone(db: Queryable, id: string, version: number): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE sdgs_consultations SET follow_up_done_at = now(), version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version],
  );
  return rows.length === 1;
}

export async function deleteConsultation(db: Queryable, id: string, version: number): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>("DELETE FROM sdgs_consultations WHERE id = $1 AND version = $2 RETURNING id", [
    id,
    version,
  ]);
  return rows.length === 1;
}

export async function findMatchingsOfConsultation(
  db: Queryable,
  id: string,
): Promise<{ id: string; purpose: string; status: "requested" | "introduced" | "in_talks" | "matched" | "not_matched" | "withdrawn" }[]> {
  const { rows } = await db.query<{
    id: string;
    purpose: string;
    status: "requested" | "introduced" | "in_talks" | "matched" | "not_matched" | "withdrawn";
  }>("SELECT id, purpose, status FROM sdgs_matchings WHERE consultation_id = $1 ORDER BY requested_on, created_at", [id]);
  return rows;
}

// ------------------------------------------------------------------ pickers

export async function findCompanyNames(db: Queryable, ids?: string[]): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM sdgs_companies WHERE ($1::uuid[] IS NULL OR id = ANY ($1::uuid[])) ORDER BY name_kana, name`,
    [ids ?? null],
  );
  return rows;
}

/**
 * The bureau's staff: active city staff (admin, editor, viewer) in the bureau or any organisation under it; every
 * city member of staff when no bureau is set. Only the columns a picker shows.
 */
export async function findBureauStaff(
  db: Queryable,
  bureauId: string | null,
  ids?: string[],
): Promise<{ id: string; name: string; organisation_name: string }[]> {
  const { rows } = await db.query<{ id: string; name: string; organisation_name: string }>(
    `WITH RECURSIVE tree AS (
       SELECT id FROM organisations WHERE id = $1::uuid
       UNION ALL SELECT o.id FROM organisations o JOIN tree t ON o.parent_id = t.id
     )
     SELECT u.id, u.display_name AS name, o.name AS organisation_name
     FROM users u JOIN organisations o ON o.id = u.organisation_id
     WHERE u.role IN ('admin', 'editor', 'viewer') AND NOT u.disabled AND o.kind <> 'external'
       AND ($1::uuid IS NULL OR u.organisation_id IN (SELECT id FROM tree))
       AND ($2::uuid[] IS NULL OR u.id = ANY ($2::uuid[]))
     ORDER BY u.display_name, u.login_id
     LIMIT 500`,
    [bureauId, ids ?? null],
  );
  return rows;
}
