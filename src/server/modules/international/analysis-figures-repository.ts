// SQL of the international programmes' yearly figures for 経営分析 (analysis-figures.ts). The definitions are those of
// overview-repository.ts: a project runs in fiscal year y when first_fiscal_year ≤ y ≤ coalesce(last_fiscal_year, y);
// money is its international_project_years row of y; a trip counts when it departs within the fiscal year and was not
// cancelled. Here every project and trip counts once (no grouping), and 決算額 stays null when no running project
// has one entered (the overview counts a missing 決算 as 0).
import type { Queryable } from "../../db/database";

export interface YearFiguresRow {
  projects: number;
  budget: number;
  /** null: no running project has a 決算額 entered for the year */
  settled: number | null;
  trips: number;
  indicators_met: number;
}

export async function yearFigures(db: Queryable, fy: number, start: string, end: string): Promise<YearFiguresRow> {
  const { rows } = await db.query<YearFiguresRow>(
    `WITH running AS (
       SELECT p.id FROM international_projects p
        WHERE p.first_fiscal_year <= $1 AND coalesce(p.last_fiscal_year, $1) >= $1
     )
     SELECT
       (SELECT count(*)::int FROM running) AS projects,
       (SELECT coalesce(sum(y.budget), 0)::bigint FROM international_project_years y JOIN running r ON r.id = y.project_id
         WHERE y.fiscal_year = $1) AS budget,
       (SELECT sum(y.settled)::bigint FROM international_project_years y JOIN running r ON r.id = y.project_id
         WHERE y.fiscal_year = $1) AS settled,
       (SELECT count(*)::int FROM international_trips t
         WHERE t.departs_on BETWEEN $2::date AND $3::date AND t.status <> 'cancelled') AS trips,
       (SELECT count(*)::int FROM international_indicators i
          JOIN running r ON r.id = i.project_id
          JOIN international_indicator_results res ON res.indicator_id = i.id AND res.fiscal_year = $1
         WHERE (i.direction = 'higher' AND res.value >= i.target_value)
            OR (i.direction = 'lower' AND res.value <= i.target_value)) AS indicators_met`,
    [fy, start, end],
  );
  const row = rows[0] as YearFiguresRow;
  return {
    projects: Number(row.projects),
    budget: Number(row.budget),
    settled: row.settled === null ? null : Number(row.settled),
    trips: Number(row.trips),
    indicators_met: Number(row.indicators_met),
  };
}
