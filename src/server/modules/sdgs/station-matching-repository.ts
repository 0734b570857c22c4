// SQL of the SDGsステーション's matching requests (sdgs_matchings). Company and staff names come by joins (read only).
import type { MatchingStatus } from "../../../common/sdgs/labels";
import type { Queryable } from "../../db/database";

export interface MatchingRow {
  id: string;
  requested_on: string;
  requester_company_id: string | null;
  requester_company_name: string | null;
  requester_label: string;
  partner_label: string;
  purpose: string;
  sdg_goals: number[];
  status: MatchingStatus;
  result_on: string | null;
  result_note: string;
  consultation_id: string | null;
  staff_user_id: string | null;
  staff_name: string | null;
  version: number;
  is_sample: boolean;
  created_at: Date;
  updated_at: Date;
}

export interface MatchingValues {
  requestedOn: string;
  requesterCompanyId: string | null;
  requesterLabel: string;
  partnerLabel: string;
  purpose: string;
  sdgGoals: number[];
  consultationId: string | null;
  staffUserId: string | null;
  status: MatchingStatus;
  resultOn: string | null;
  resultNote: string;
}

const SELECT = `SELECT m.id, m.requested_on, m.requester_company_id, co.name AS requester_company_name, m.requester_label,
    m.partner_label, m.purpose, m.sdg_goals, m.status, m.result_on, m.result_note, m.consultation_id, m.staff_user_id,
    u.display_name AS staff_name, m.version, m.is_sample, m.created_at, m.updated_at
  FROM sdgs_matchings m
  LEFT JOIN sdgs_companies co ON co.id = m.requester_company_id
  LEFT JOIN users u ON u.id = m.staff_user_id`;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

export async function findMatchings(
  db: Queryable,
  filter: { from?: string; to?: string; status?: MatchingStatus; q?: string; limit: number; offset: number },
): Promise<{ rows: MatchingRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(clause(`$${params.length}`));
  };
  if (filter.from) add((p) => `m.requested_on >= ${p}::date`, filter.from);
  if (filter.to) add((p) => `m.requested_on <= ${p}::date`, filter.to);
  if (filter.status) add((p) => `m.status = ${p}`, filter.status);
  if (filter.q)
    add(
      (p) => `(m.requester_label ILIKE ${p} OR m.partner_label ILIKE ${p} OR m.purpose ILIKE ${p} OR co.name ILIKE ${p})`,
      `%${escapeLike(filter.q)}%`,
    );
  const sql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const count = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM sdgs_matchings m LEFT JOIN sdgs_companies co ON co.id = m.requester_company_id ${sql}`,
    params,
  );
  const { rows } = await db.query<MatchingRow>(
    `${SELECT} ${sql} ORDER BY m.requested_on DESC, m.created_at DESC LIMIT ${Math.trunc(filter.limit)} OFFSET ${Math.trunc(filter.offset)}`,
    params,
  );
  return { rows, total: count.rows[0]?.total ?? 0 };
}

export async function findMatching(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<MatchingRow | null> {
  if (opts.lock) await db.query("SELECT id FROM sdgs_matchings WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<MatchingRow>(`${SELECT} WHERE m.id = $1`, [id]);
  return rows[0] ?? null;
}

const valuesOf = (v: MatchingValues) => [
  v.requestedOn,
  v.requesterCompanyId,
  v.requesterLabel,
  v.partnerLabel,
  v.purpose,
  v.sdgGoals,
  v.consultationId,
  v.staffUserId,
  v.status,
  v.resultOn,
  v.resultNote,
];

export async function insertMatching(db: Queryable, values: MatchingValues, isSample: boolean): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO sdgs_matchings (requested_on, requester_company_id, requester_label, partner_label, purpose, sdg_goals,
       consultation_id, staff_user_id, status, result_on, result_note, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6::int[], $7, $8, $9, $10, $11, $12) RETURNING id`,
    [...valuesOf(values), isSample],
  );
  return rows[0].id;
}

export async function updateMatching(db: Queryable, id: string, version: number, values: MatchingValues): Promise<boolean> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE sdgs_matchings SET requested_on = $1, requester_company_id = $2, requester_label = $3, partner_label = $4,
       purpose = $5, sdg_goals = $6::int[], consultation_id = $7, staff_user_id = $8, status = $9, result_on = $10,
       result_note = $11, version = version + 1, updated_at = now()
     WHERE id = $12 AND version = $13 RETURNING id`,
    [...valuesOf(values), id, version],
  );
  return rows.length === 1;
}

export async function consultationExists(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM sdgs_consultations WHERE id = $1", [id]);
  return rows.length === 1;
}
