// SQL of the SDGsステーション's statistics (counts over sdgs_consultations and sdgs_matchings for a period) and of its
// yearly cost (sdgs_station_costs). "Overdue" needs today's date in Japan, which the caller passes in.
import type { Queryable } from "../../db/database";
import { OPEN_FOLLOW_UP } from "./station-consultation-repository";

export interface ConsultationCounts {
  total: number;
  byMonth: { month: string; count: number }[];
  byTopic: { code: string; count: number }[];
  byChannel: { code: string; count: number }[];
  byOutcome: { code: string; count: number }[];
  byClientKind: { code: string; count: number }[];
  byGoal: { goal: number; count: number }[];
  followUpsOpen: number;
  followUpsOverdue: number;
}

/** Every count of the consultations dated from `from` to `to` (both included), in one read. */
export async function countConsultations(db: Queryable, from: string, to: string, today: string): Promise<ConsultationCounts> {
  const { rows } = await db.query<{ dimension: string; code: string; count: number }>(
    `WITH c AS (SELECT * FROM sdgs_consultations c WHERE c.consulted_on BETWEEN $1::date AND $2::date)
     SELECT 'total' AS dimension, '' AS code, count(*)::int AS count FROM c
     UNION ALL SELECT 'month', to_char(c.consulted_on, 'YYYY-MM'), count(*)::int FROM c GROUP BY 2
     UNION ALL SELECT 'topic', c.topic, count(*)::int FROM c GROUP BY 2
     UNION ALL SELECT 'channel', c.channel, count(*)::int FROM c GROUP BY 2
     UNION ALL SELECT 'outcome', c.outcome, count(*)::int FROM c GROUP BY 2
     UNION ALL SELECT 'clientKind', c.client_kind, count(*)::int FROM c GROUP BY 2
     UNION ALL SELECT 'goal', g::text, count(*)::int FROM c, unnest(c.sdg_goals) AS g GROUP BY 2
     UNION ALL SELECT 'followUpsOpen', '', count(*)::int FROM c WHERE ${OPEN_FOLLOW_UP}
     UNION ALL SELECT 'followUpsOverdue', '', count(*)::int FROM c WHERE ${OPEN_FOLLOW_UP} AND c.follow_up_due < $3::date`,
    [from, to, today],
  );
  const of = (dimension: string) => rows.filter((r) => r.dimension === dimension).map((r) => ({ code: r.code, count: Number(r.count) }));
  const one = (dimension: string) => Number(rows.find((r) => r.dimension === dimension)?.count ?? 0);
  return {
    total: one("total"),
    byMonth: of("month").map((r) => ({ month: r.code, count: r.count })),
    byTopic: of("topic"),
    byChannel: of("channel"),
    byOutcome: of("outcome"),
    byClientKind: of("clientKind"),
    byGoal: of("goal").map((r) => ({ goal: Number(r.code), count: r.count })),
    followUpsOpen: one("followUpsOpen"),
    followUpsOverdue: one("followUpsOverdue"),
  };
}

/** Matchings requested in the period, and those made (成立) with their result date in the period. */
export async function countMatchings(db: Queryable, from: string, to: string): Promise<{ requested: number; made: number }> {
  const { rows } = await db.query<{ requested: number; made: number }>(
    `SELECT
       (SELECT count(*)::int FROM sdgs_matchings WHERE requested_on BETWEEN $1::date AND $2::date) AS requested,
       (SELECT count(*)::int FROM sdgs_matchings WHERE status = 'matched' AND result_on BETWEEN $1::date AND $2::date) AS made`,
    [from, to],
  );
  return { requested: Number(rows[0]?.requested ?? 0), made: Number(rows[0]?.made ?? 0) };
}

export interface CostRow {
  fiscal_year: number;
  cost_yen: number | string;
  note: string;
  is_sample: boolean;
  updated_at: Date;
}

export async function findCosts(db: Queryable): Promise<CostRow[]> {
  const { rows } = await db.query<CostRow>(
    "SELECT fiscal_year, cost_yen::text AS cost_yen, note, is_sample, updated_at FROM sdgs_station_costs ORDER BY fiscal_year DESC",
  );
  return rows;
}

export async function findCost(db: Queryable, fiscalYear: number, opts: { lock?: boolean } = {}): Promise<CostRow | null> {
  const { rows } = await db.query<CostRow>(
    `SELECT fiscal_year, cost_yen::text AS cost_yen, note, is_sample, updated_at FROM sdgs_station_costs WHERE fiscal_year = $1
     ${opts.lock ? "FOR UPDATE" : ""}`,
    [fiscalYear],
  );
  return rows[0] ?? null;
}

/** Writes the year's cost (a new year or a change); an entry by staff is no longer sample data. */
export async function upsertCost(db: Queryable, fiscalYear: number, costYen: number, note: string, isSample: boolean): Promise<void> {
  await db.query(
    `INSERT INTO sdgs_station_costs (fiscal_year, cost_yen, note, is_sample) VALUES ($1, $2, $3, $4)
     ON CONFLICT (fiscal_year) DO UPDATE SET cost_yen = EXCLUDED.cost_yen, note = EXCLUDED.note,
       is_sample = EXCLUDED.is_sample, updated_at = now()`,
    [fiscalYear, costYen, note, isSample],
  );
}
