// SQL of the 国際 module's overviews: the totals per 分野 / 局 / 相手先 for one fiscal year, and the partners placed on
// the world map with their counts.
//
// What each figure counts (the screens and the benchmark read the same definitions):
// - 件数 (projects): the projects running in the fiscal year y — first_fiscal_year ≤ y ≤ coalesce(last_fiscal_year, y)
//   — that belong to the group. A project is in one 分野 and one 局 (the nearest 局 above its owner division, the
//   division itself when it is a 局, the owner organisation when it has no 局 above it), but in as many 相手先 rows as
//   it has partners, so the 相手先 rows may add up to more than the number of projects.
// - 予算額 / 決算額 (budget / settled): the sum over the group's running projects of their international_project_years
//   rows of fiscal year y, every funding source together, in yen. A 決算 not entered yet (NULL) counts as 0. In the
//   相手先 rows a project shared by two partners counts in full in each.
// - 出張数 (trips): trips departing in fiscal year y (departs_on from y-04-01 to (y+1)-03-31) that were not 中止
//   (cancelled), each counted once per row:
//     分野 / 局: trips linked (international_trip_projects) to at least one of the group's running projects;
//     相手先: trips with a visit (international_trip_visits.partner_id) to the partner, linked to a project or not.
//   A trip linked to projects of two 分野 counts in both rows. Trips of every division count: these are aggregates.
// A group appears when it has a running project or (相手先 only) a trip of the year; the rest are left out.
import type { Queryable } from "../../db/database";

/** The nearest 局 of every organisation (itself when it is one); none when no 局 is above it. */
const ORG_BUREAU = `
  org_up AS (
    SELECT id AS org_id, id AS cur_id, kind, parent_id, 0 AS depth FROM organisations
    UNION ALL
    SELECT u.org_id, o.id, o.kind, o.parent_id, u.depth + 1 FROM org_up u JOIN organisations o ON o.id = u.parent_id
     WHERE u.kind <> 'bureau'
  ),
  org_bureau AS (
    SELECT DISTINCT ON (org_id) org_id, cur_id AS bureau_id FROM org_up WHERE kind = 'bureau' ORDER BY org_id, depth
  )`;

export interface TotalsRowData {
  key: string;
  label: string;
  projects: number;
  budget: number;
  settled: number;
  trips: number;
}

/** The running projects of fiscal year $1, and the trips of the year ($2–$3) not cancelled. */
const RUNNING = `
  running AS (
    SELECT p.id, p.field_id, p.owner_organisation_id FROM international_projects p
     WHERE p.first_fiscal_year <= $1 AND coalesce(p.last_fiscal_year, $1) >= $1
  ),
  year_trips AS (
    SELECT t.id FROM international_trips t WHERE t.departs_on BETWEEN $2::date AND $3::date AND t.status <> 'cancelled'
  )`;

/**
 * The figures of each group, given the CTE grouped (id, group_key: a running project and the group it counts in). Each is
 * aggregated per group straight away (never per project first, then joined): with 100,000 projects the per-project
 * step was most of the time. The year's trips are few, so their links are found from the trips' side.
 */
const FIGURES_OF_GROUPS = `
  group_projects AS (SELECT g.group_key, count(*)::int AS projects FROM grouped g GROUP BY g.group_key),
  group_money AS (
    SELECT g.group_key, sum(y.budget)::bigint AS budget, sum(coalesce(y.settled, 0))::bigint AS settled
      FROM grouped g JOIN international_project_years y ON y.project_id = g.id AND y.fiscal_year = $1
     GROUP BY g.group_key
  ),
  group_trips AS (
    SELECT g.group_key, count(DISTINCT tp.trip_id)::int AS trips
      FROM year_trips yt
      JOIN international_trip_projects tp ON tp.trip_id = yt.id
      JOIN grouped g ON g.id = tp.project_id
     GROUP BY g.group_key
  )`;

const SELECT_FIGURES = `
  gp.projects, coalesce(gm.budget, 0)::bigint AS budget, coalesce(gm.settled, 0)::bigint AS settled,
  coalesce(gt.trips, 0)::int AS trips`;

const JOIN_FIGURES = (key: string) => `
  LEFT JOIN group_money gm ON gm.group_key = ${key}
  LEFT JOIN group_trips gt ON gt.group_key = ${key}`;

export async function totalsByField(db: Queryable, fy: number, start: string, end: string): Promise<TotalsRowData[]> {
  const { rows } = await db.query<TotalsRowData>(
    `WITH ${RUNNING},
     grouped AS (SELECT r.id, r.field_id AS group_key FROM running r),
     ${FIGURES_OF_GROUPS}
     SELECT f.id AS key, f.name AS label, ${SELECT_FIGURES}
       FROM group_projects gp
       JOIN international_fields f ON f.id = gp.group_key
       ${JOIN_FIGURES("f.id")}
      ORDER BY f.sort_order, f.name`,
    [fy, start, end],
  );
  return rows;
}

export async function totalsByBureau(db: Queryable, fy: number, start: string, end: string): Promise<TotalsRowData[]> {
  const { rows } = await db.query<TotalsRowData>(
    `WITH RECURSIVE ${RUNNING}, ${ORG_BUREAU},
     grouped AS (
       SELECT r.id, coalesce(ob.bureau_id, r.owner_organisation_id) AS group_key
         FROM running r LEFT JOIN org_bureau ob ON ob.org_id = r.owner_organisation_id
     ),
     ${FIGURES_OF_GROUPS}
     SELECT o.id AS key, o.name AS label, ${SELECT_FIGURES}
       FROM group_projects gp
       JOIN organisations o ON o.id = gp.group_key
       ${JOIN_FIGURES("o.id")}
      ORDER BY o.sort_order, o.name`,
    [fy, start, end],
  );
  return rows;
}

export async function totalsByPartner(db: Queryable, fy: number, start: string, end: string): Promise<TotalsRowData[]> {
  const { rows } = await db.query<TotalsRowData>(
    `WITH ${RUNNING},
     grouped AS (
       SELECT r.id, pp.partner_id AS group_key FROM running r JOIN international_project_partners pp ON pp.project_id = r.id
     ),
     ${FIGURES_OF_GROUPS},
     partner_trips AS (
       SELECT v.partner_id, count(DISTINCT v.trip_id)::int AS trips
         FROM year_trips yt JOIN international_trip_visits v ON v.trip_id = yt.id
        WHERE v.partner_id IS NOT NULL
        GROUP BY v.partner_id
     )
     SELECT pa.id AS key,
            pa.city || CASE WHEN pa.organisation = '' THEN '' ELSE ' ' || pa.organisation END || '（' || pa.country || '）' AS label,
            coalesce(gp.projects, 0)::int AS projects, coalesce(gm.budget, 0)::bigint AS budget,
            coalesce(gm.settled, 0)::bigint AS settled, coalesce(pt.trips, 0)::int AS trips
       FROM international_partners pa
       LEFT JOIN group_projects gp ON gp.group_key = pa.id
       LEFT JOIN group_money gm ON gm.group_key = pa.id
       LEFT JOIN partner_trips pt ON pt.partner_id = pa.id
      WHERE gp.group_key IS NOT NULL OR pt.partner_id IS NOT NULL
      ORDER BY pa.country, pa.city, pa.organisation`,
    [fy, start, end],
  );
  return rows;
}

export interface MapPointRow {
  partner_id: string;
  country: string;
  city: string;
  organisation: string;
  relation: "sister" | "friendship" | "agreement" | "other";
  latitude: number;
  longitude: number;
  projects: number;
  trips: number;
}

/**
 * Partners with a position, and per partner: its projects (running in the fiscal year when one is given, else all of
 * them) and the trips not cancelled with a visit to it (departing in the fiscal year when one is given, else all).
 */
export async function mapPoints(db: Queryable, range: { fy: number; start: string; end: string } | null): Promise<MapPointRow[]> {
  const { rows } = await db.query<MapPointRow>(
    `WITH projects AS (
       SELECT pp.partner_id, count(*)::int AS n
         FROM international_project_partners pp JOIN international_projects p ON p.id = pp.project_id
        WHERE $1::int IS NULL OR (p.first_fiscal_year <= $1::int AND coalesce(p.last_fiscal_year, $1::int) >= $1::int)
        GROUP BY pp.partner_id
     ),
     trips AS (
       SELECT v.partner_id, count(DISTINCT v.trip_id)::int AS n
         FROM international_trip_visits v JOIN international_trips t ON t.id = v.trip_id
        WHERE v.partner_id IS NOT NULL AND t.status <> 'cancelled'
          AND ($2::date IS NULL OR t.departs_on BETWEEN $2::date AND $3::date)
        GROUP BY v.partner_id
     )
     SELECT pa.id AS partner_id, pa.country, pa.city, pa.organisation, pa.relation, pa.latitude, pa.longitude,
            coalesce(pr.n, 0)::int AS projects, coalesce(tr.n, 0)::int AS trips
       FROM international_partners pa
       LEFT JOIN projects pr ON pr.partner_id = pa.id
       LEFT JOIN trips tr ON tr.partner_id = pa.id
      WHERE pa.latitude IS NOT NULL AND pa.longitude IS NOT NULL
      ORDER BY pa.country, pa.city, pa.organisation`,
    [range?.fy ?? null, range?.start ?? null, range?.end ?? null],
  );
  return rows;
}

/** Partners the map cannot place (no latitude or no longitude). */
export async function countUnplacedPartners(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM international_partners WHERE latitude IS NULL OR longitude IS NULL",
  );
  return rows[0]?.n ?? 0;
}
