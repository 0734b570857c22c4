// SQL of the public pages of 海外出張の報告: the trips whose report is published (report_public) and filed, at
// 報告書提出, 精算 or 完了 only, and only the columns a citizen may see. Every query here names its columns and
// applies PUBLISHED itself, so that nothing internal (travellers' names, the counterpart met, the contact, approval
// conditions, the safety level, unpublished or withdrawn reports) can reach the public answer by a shared query.
import type { CostKind } from "../../../common/api/international";
import type { Queryable } from "../../db/database";

export interface PublicTripFilter {
  q?: string;
  fiscalYear?: number;
  country?: string;
  projectId?: string;
}

/** A trip (alias t) whose report a citizen may read. */
const PUBLISHED = `t.report_public AND t.report_filed_on IS NOT NULL AND t.status IN ('reported', 'settled', 'completed')`;

/** The 年度 (April to March) of the departure. */
const FISCAL_YEAR = `(extract(year FROM t.departs_on)::int - CASE WHEN extract(month FROM t.departs_on) < 4 THEN 1 ELSE 0 END)`;

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

function where(filter: PublicTripFilter): { sql: string; params: unknown[] } {
  const clauses = [PUBLISHED];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.q) {
    const q = param(likeEscape(filter.q));
    clauses.push(`(t.title ILIKE '%' || ${q} || '%' OR t.purpose ILIKE '%' || ${q} || '%' OR t.report_results ILIKE '%' || ${q} || '%'
       OR EXISTS (SELECT 1 FROM international_trip_visits qv
                   WHERE qv.trip_id = t.id AND (qv.country || ' ' || qv.city) ILIKE '%' || ${q} || '%'))`);
  }
  if (filter.fiscalYear !== undefined) clauses.push(`${FISCAL_YEAR} = ${param(filter.fiscalYear)}`);
  if (filter.country)
    clauses.push(`EXISTS (SELECT 1 FROM international_trip_visits cv WHERE cv.trip_id = t.id AND cv.country = ${param(filter.country)})`);
  if (filter.projectId)
    clauses.push(`EXISTS (SELECT 1 FROM international_trip_projects tp JOIN international_projects p ON p.id = tp.project_id AND p.is_public
       WHERE tp.trip_id = t.id AND tp.project_id = ${param(filter.projectId)})`);
  return { sql: `WHERE ${clauses.join(" AND ")}`, params };
}

/** The nearest 局 of the owning organisation (itself when it is one). */
const BUREAU_NAME = `(WITH RECURSIVE up AS (
      SELECT o2.id, o2.kind, o2.parent_id, o2.name, 0 AS depth FROM organisations o2 WHERE o2.id = t.owner_organisation_id
      UNION ALL
      SELECT o2.id, o2.kind, o2.parent_id, o2.name, up.depth + 1 FROM up JOIN organisations o2 ON o2.id = up.parent_id WHERE up.kind <> 'bureau'
    ) SELECT name FROM up WHERE kind = 'bureau' ORDER BY depth LIMIT 1)`;

export interface PublicTripRow {
  id: string;
  title: string;
  owner_name: string;
  bureau_name: string | null;
  departs_on: string;
  returns_on: string;
  report_filed_on: string;
  is_sample: boolean;
  destinations: { country: string; city: string }[];
}

const COLUMNS = `t.id, t.title, o.name AS owner_name, ${BUREAU_NAME} AS bureau_name,
    t.departs_on::text AS departs_on, t.returns_on::text AS returns_on, t.report_filed_on::text AS report_filed_on, t.is_sample,
    coalesce((SELECT json_agg(json_build_object('country', d.country, 'city', d.city) ORDER BY d.first_line)
                FROM (SELECT v.country, v.city, min(v.line_no) AS first_line FROM international_trip_visits v
                       WHERE v.trip_id = t.id GROUP BY v.country, v.city) d), '[]') AS destinations`;

const FROM = "FROM international_trips t JOIN organisations o ON o.id = t.owner_organisation_id";

export async function countPublicTrips(db: Queryable, filter: PublicTripFilter): Promise<number> {
  const { sql, params } = where(filter);
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM international_trips t ${sql}`, params)).rows[0].n;
}

/** Newest departure first, then by title. */
export async function findPublicTripPage(
  db: Queryable,
  filter: PublicTripFilter,
  page: { page: number; pageSize: number },
): Promise<PublicTripRow[]> {
  const { sql, params } = where(filter);
  const { rows } = await db.query<PublicTripRow>(
    `SELECT ${COLUMNS} ${FROM} ${sql}
      ORDER BY t.departs_on DESC, t.title COLLATE "C", t.id
      LIMIT ${Number(page.pageSize)} OFFSET ${Number((page.page - 1) * page.pageSize)}`,
    params,
  );
  return rows;
}

export type PublicTripDetailRow = PublicTripRow & {
  purpose: string;
  status: "reported" | "settled" | "completed";
  report_results: string;
  report_followup: string;
};

/** The trip if its report is published and filed (報告書提出・精算・完了); null otherwise, as for an unknown id. */
export async function findPublicTrip(db: Queryable, id: string): Promise<PublicTripDetailRow | null> {
  const { rows } = await db.query<PublicTripDetailRow>(
    `SELECT ${COLUMNS}, t.purpose, t.status, t.report_results, t.report_followup ${FROM} WHERE t.id = $1 AND ${PUBLISHED}`,
    [id],
  );
  return rows[0] ?? null;
}

/** What the filters offer: the countries visited and the 年度 of departure of the published reports. */
export async function findPublicTripChoices(db: Queryable) {
  const countries = await db.query<{ country: string }>(
    `SELECT DISTINCT v.country FROM international_trip_visits v JOIN international_trips t ON t.id = v.trip_id
      WHERE ${PUBLISHED} ORDER BY v.country`,
  );
  const years = await db.query<{ fy: number }>(
    `SELECT DISTINCT ${FISCAL_YEAR} AS fy FROM international_trips t WHERE ${PUBLISHED} ORDER BY fy DESC`,
  );
  return { countries: countries.rows.map((r) => r.country), fiscalYears: years.rows.map((r) => r.fy) };
}

export interface PublicVisitRow {
  visit_on: string;
  country: string;
  city: string;
  organisation: string;
  purpose: string;
}

/** The itinerary, without the counterpart met (a personal name). */
export async function findPublicVisits(db: Queryable, tripId: string): Promise<PublicVisitRow[]> {
  const { rows } = await db.query<PublicVisitRow>(
    `SELECT visit_on::text AS visit_on, country, city, organisation, purpose FROM international_trip_visits
      WHERE trip_id = $1 ORDER BY visit_on, line_no`,
    [tripId],
  );
  return rows;
}

/**
 * The members as role and division: the traveller's own organisation when the traveller is a login, otherwise the
 * trip's owning division (a traveller without a login is entered by that division). Never the name.
 */
export async function findPublicMembers(
  db: Queryable,
  tripId: string,
): Promise<{ role: "leader" | "member"; organisation_name: string }[]> {
  const { rows } = await db.query<{ role: "leader" | "member"; organisation_name: string }>(
    `SELECT tr.role, coalesce(uo.name, o.name) AS organisation_name
       FROM international_trip_travellers tr
       JOIN international_trips t ON t.id = tr.trip_id
       JOIN organisations o ON o.id = t.owner_organisation_id
       LEFT JOIN users u ON u.id = tr.user_id
       LEFT JOIN organisations uo ON uo.id = u.organisation_id
      WHERE tr.trip_id = $1
      ORDER BY (tr.role = 'leader') DESC, tr.line_no`,
    [tripId],
  );
  return rows;
}

/** The linked projects that are public. */
export async function findPublicTripProjects(db: Queryable, tripId: string): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM international_trip_projects tp JOIN international_projects p ON p.id = tp.project_id AND p.is_public
      WHERE tp.trip_id = $1 ORDER BY p.name COLLATE "C", p.id`,
    [tripId],
  );
  return rows;
}

/** The settled amount per cost kind (totals only), in the kinds' order; kinds with no settled line are left out. */
export async function findPublicSettledCosts(db: Queryable, tripId: string): Promise<{ cost_kind: CostKind; settled: string }[]> {
  const { rows } = await db.query<{ cost_kind: CostKind; settled: string }>(
    `SELECT cost_kind, sum(settled)::text AS settled FROM international_trip_costs
      WHERE trip_id = $1 AND settled IS NOT NULL
      GROUP BY cost_kind
      ORDER BY array_position(ARRAY['fare', 'daily', 'lodging', 'misc', 'interpreter', 'other'], cost_kind)`,
    [tripId],
  );
  return rows;
}
