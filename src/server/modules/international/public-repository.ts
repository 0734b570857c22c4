// SQL of the public pages of 国際関連事業: the projects marked 公開 (is_public) only, and only the columns a citizen
// may see. Every query here names its columns and filters on is_public itself, so that nothing internal (the contact,
// theme tags, who entered it, kintone keys, internal projects) can reach the public answer by way of a shared query.
import type { FundingSource, PartnerRelation } from "../../../common/api/international";
import type { Queryable } from "../../db/database";

export interface PublicProjectFilter {
  q?: string;
  fieldId?: string;
  fiscalYear?: number;
  country?: string;
}

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** The WHERE over international_projects p: public ones only, then the filters. */
function where(filter: PublicProjectFilter): { sql: string; params: unknown[] } {
  const clauses = ["p.is_public"];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.q) {
    const q = param(likeEscape(filter.q));
    clauses.push(`(p.name ILIKE '%' || ${q} || '%' OR p.summary ILIKE '%' || ${q} || '%' OR EXISTS (
       SELECT 1 FROM international_project_partners qp JOIN international_partners qt ON qt.id = qp.partner_id
        WHERE qp.project_id = p.id AND (qt.country || ' ' || qt.city || ' ' || qt.organisation) ILIKE '%' || ${q} || '%'))`);
  }
  if (filter.fieldId) clauses.push(`p.field_id = ${param(filter.fieldId)}`);
  if (filter.fiscalYear !== undefined) {
    const fy = param(filter.fiscalYear);
    clauses.push(`p.first_fiscal_year <= ${fy} AND coalesce(p.last_fiscal_year, 2100) >= ${fy}`);
  }
  if (filter.country)
    clauses.push(`EXISTS (SELECT 1 FROM international_project_partners cp JOIN international_partners ct ON ct.id = cp.partner_id
       WHERE cp.project_id = p.id AND ct.country = ${param(filter.country)})`);
  return { sql: `WHERE ${clauses.join(" AND ")}`, params };
}

/** The nearest 局 of the owning organisation (itself when it is one). */
const BUREAU_NAME = `(WITH RECURSIVE up AS (
      SELECT o.id, o.kind, o.parent_id, o.name, 0 AS depth FROM organisations o WHERE o.id = p.owner_organisation_id
      UNION ALL
      SELECT o.id, o.kind, o.parent_id, o.name, up.depth + 1 FROM up JOIN organisations o ON o.id = up.parent_id WHERE up.kind <> 'bureau'
    ) SELECT name FROM up WHERE kind = 'bureau' ORDER BY depth LIMIT 1)`;

export interface PublicProjectRow {
  id: string;
  name: string;
  field_id: string;
  field_name: string;
  owner_name: string;
  bureau_name: string | null;
  first_fiscal_year: number;
  last_fiscal_year: number | null;
  is_sample: boolean;
  partners: { country: string; city: string; organisation: string; relation: PartnerRelation; related_since: string | null }[];
}

const COLUMNS = `p.id, p.name, p.field_id, f.name AS field_name, o.name AS owner_name, ${BUREAU_NAME} AS bureau_name,
    p.first_fiscal_year, p.last_fiscal_year, p.is_sample,
    coalesce((SELECT json_agg(json_build_object('country', pt.country, 'city', pt.city, 'organisation', pt.organisation,
                                                'relation', pt.relation, 'related_since', pt.related_since::text)
                              ORDER BY pt.country COLLATE "C", pt.city COLLATE "C", pt.organisation COLLATE "C")
                FROM international_project_partners pp JOIN international_partners pt ON pt.id = pp.partner_id
               WHERE pp.project_id = p.id), '[]') AS partners`;

const FROM = `FROM international_projects p
  JOIN organisations o ON o.id = p.owner_organisation_id
  JOIN international_fields f ON f.id = p.field_id`;

export async function countPublicProjects(db: Queryable, filter: PublicProjectFilter): Promise<number> {
  const { sql, params } = where(filter);
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM international_projects p ${sql}`, params)).rows[0].n;
}

/** Newest first (the 年度 they began), then by name. */
export async function findPublicProjectPage(
  db: Queryable,
  filter: PublicProjectFilter,
  page: { page: number; pageSize: number },
): Promise<PublicProjectRow[]> {
  const { sql, params } = where(filter);
  const { rows } = await db.query<PublicProjectRow>(
    `SELECT ${COLUMNS} ${FROM} ${sql}
      ORDER BY p.first_fiscal_year DESC, p.name COLLATE "C", p.id
      LIMIT ${Number(page.pageSize)} OFFSET ${Number((page.page - 1) * page.pageSize)}`,
    params,
  );
  return rows;
}

/** The project if it exists and is public; null otherwise (an internal project and an unknown id alike). */
export async function findPublicProject(db: Queryable, id: string): Promise<(PublicProjectRow & { summary: string }) | null> {
  const { rows } = await db.query<PublicProjectRow & { summary: string }>(
    `SELECT ${COLUMNS}, p.summary ${FROM} WHERE p.id = $1 AND p.is_public`,
    [id],
  );
  return rows[0] ?? null;
}

/** What the filters offer: the 分野, partner countries and 年度 of the public projects (a project without an end runs to `lastOpenYear`). */
export async function findPublicChoices(db: Queryable, lastOpenYear: number) {
  const fields = await db.query<{ id: string; name: string }>(
    `SELECT f.id, f.name FROM international_fields f
      WHERE EXISTS (SELECT 1 FROM international_projects p WHERE p.field_id = f.id AND p.is_public)
      ORDER BY f.sort_order, f.name COLLATE "C"`,
  );
  const countries = await db.query<{ country: string }>(
    `SELECT DISTINCT pt.country FROM international_partners pt
       JOIN international_project_partners pp ON pp.partner_id = pt.id
       JOIN international_projects p ON p.id = pp.project_id AND p.is_public
      ORDER BY pt.country`,
  );
  const years = await db.query<{ fy: number }>(
    `SELECT DISTINCT gs.fy::int AS fy FROM international_projects p,
            generate_series(p.first_fiscal_year, greatest(p.first_fiscal_year, coalesce(p.last_fiscal_year, $1::int))) AS gs(fy)
      WHERE p.is_public ORDER BY fy DESC`,
    [lastOpenYear],
  );
  return { fields: fields.rows, countries: countries.rows.map((r) => r.country), fiscalYears: years.rows.map((r) => r.fy) };
}

export interface PublicYearRow {
  fiscal_year: number;
  funding_source: FundingSource;
  budget: number;
  settled: number | null;
}

export async function findPublicProjectYears(db: Queryable, projectId: string): Promise<PublicYearRow[]> {
  const { rows } = await db.query<PublicYearRow>(
    `SELECT fiscal_year, funding_source, budget, settled FROM international_project_years
      WHERE project_id = $1
      ORDER BY fiscal_year, array_position(ARRAY['general', 'national', 'prefectural', 'other'], funding_source)`,
    [projectId],
  );
  return rows;
}

export interface PublicIndicatorRow {
  name: string;
  unit: string;
  direction: "higher" | "lower";
  baseline_value: number;
  baseline_fiscal_year: number;
  target_value: number;
  target_fiscal_year: number;
  results: { fiscal_year: number; value: string }[];
}

export async function findPublicIndicators(db: Queryable, projectId: string): Promise<PublicIndicatorRow[]> {
  const { rows } = await db.query<PublicIndicatorRow>(
    `SELECT i.name, i.unit, i.direction, i.baseline_value, i.baseline_fiscal_year, i.target_value, i.target_fiscal_year,
            coalesce((SELECT json_agg(json_build_object('fiscal_year', r.fiscal_year, 'value', r.value::text) ORDER BY r.fiscal_year)
                        FROM international_indicator_results r WHERE r.indicator_id = i.id), '[]') AS results
       FROM international_indicators i WHERE i.project_id = $1 ORDER BY i.sort_order, i.id`,
    [projectId],
  );
  return rows;
}
