// SQL of the 国際関連事業 (international_projects with their partners, yearly money and indicators): the filtered,
// sorted, paged list and the export's rows (one filter and sort builder), one project with its parts, and the
// writes. A project's parts are replaced whole on every save. The trips linked to a project are read here (the trips
// themselves are written elsewhere in the module).
import type { FundingSource, PROJECT_SORTS, ProjectStatus } from "../../../common/api/international";
import type { Queryable } from "../../db/database";

export interface ProjectFilter {
  q?: string;
  fieldId?: string;
  organisationId?: string;
  status?: ProjectStatus;
  fiscalYear?: number;
  partnerId?: string;
  theme?: string;
  visibility?: "public" | "internal";
}

export type ProjectSort = (typeof PROJECT_SORTS)[number];

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

/** The WHERE of the list and the export, over international_projects p. */
function where(filter: ProjectFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, ...values: unknown[]) => {
    let sql = clause;
    for (const value of values) {
      params.push(value);
      sql = sql.replace("?", `$${params.length}`);
    }
    clauses.push(sql);
  };
  if (filter.q) {
    // 事業名, 概要 and the partners' country, city and organisation
    add(
      `(p.name ILIKE '%' || ? || '%' OR p.summary ILIKE '%' || ? || '%' OR EXISTS (
         SELECT 1 FROM international_project_partners qp JOIN international_partners qt ON qt.id = qp.partner_id
          WHERE qp.project_id = p.id AND (qt.country || ' ' || qt.city || ' ' || qt.organisation) ILIKE '%' || ? || '%'))`,
      ...Array(3).fill(likeEscape(filter.q)),
    );
  }
  if (filter.fieldId) add("p.field_id = ?", filter.fieldId);
  if (filter.organisationId)
    // the organisation and every organisation under it (a 局: its 部 and 課)
    add(
      `p.owner_organisation_id IN (
         WITH RECURSIVE down AS (SELECT id FROM organisations WHERE id = ?
                                 UNION ALL SELECT o.id FROM organisations o JOIN down ON o.parent_id = down.id)
         SELECT id FROM down)`,
      filter.organisationId,
    );
  if (filter.status) add("p.status = ?", filter.status);
  // running in that 年度: begun by then and not ended before it
  if (filter.fiscalYear !== undefined)
    add("p.first_fiscal_year <= ? AND coalesce(p.last_fiscal_year, 2100) >= ?", filter.fiscalYear, filter.fiscalYear);
  if (filter.partnerId)
    add("EXISTS (SELECT 1 FROM international_project_partners fp WHERE fp.project_id = p.id AND fp.partner_id = ?)", filter.partnerId);
  if (filter.theme) add("? = ANY(p.themes)", filter.theme);
  if (filter.visibility) add("p.is_public = ?", filter.visibility === "public");
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

// Names compare by code point on both databases (PGlite and a server may have different default collations).
const BY_NAME = `p.name COLLATE "C"`;
const SORTS: Record<ProjectSort, string> = {
  name: `${BY_NAME}, p.id`,
  "-name": `${BY_NAME} DESC, p.id`,
  firstFiscalYear: `p.first_fiscal_year, ${BY_NAME}, p.id`,
  "-firstFiscalYear": `p.first_fiscal_year DESC, ${BY_NAME}, p.id`,
  // the city's order of bureaus and divisions (organisations.sort_order), as the organisation tree shows them
  owner: `b.sort_order NULLS LAST, b.name COLLATE "C", o.sort_order, o.name COLLATE "C", ${BY_NAME}, p.id`,
  field: `f.sort_order, f.name COLLATE "C", ${BY_NAME}, p.id`,
  "-updatedAt": "p.updated_at DESC, p.id",
  "-budgetTotal": `budget_total DESC, ${BY_NAME}, p.id`,
};

/** The nearest 局 of every organisation (itself when it is one). */
const ORG_BUREAU = `WITH RECURSIVE org_up AS (
    SELECT id AS org_id, id AS cur_id, kind, parent_id, name, sort_order, 0 AS depth FROM organisations
    UNION ALL
    SELECT u.org_id, o.id, o.kind, o.parent_id, o.name, o.sort_order, u.depth + 1
      FROM org_up u JOIN organisations o ON o.id = u.parent_id WHERE u.kind <> 'bureau'
  ),
  org_bureau AS (
    SELECT DISTINCT ON (org_id) org_id, name, sort_order FROM org_up WHERE kind = 'bureau' ORDER BY org_id, depth
  )`;

export interface ProjectRow {
  id: string;
  name: string;
  owner_organisation_id: string;
  owner_name: string;
  bureau_name: string;
  field_id: string;
  field_name: string;
  status: ProjectStatus;
  is_public: boolean;
  first_fiscal_year: number;
  last_fiscal_year: number | null;
  themes: string[];
  partners: { id: string; country: string; city: string; organisation: string }[];
  budget_total: number;
  settled_total: number;
  updated_at: Date;
  source_key: string | null;
  is_sample: boolean;
}

export interface ProjectDetailRow extends ProjectRow {
  contact_user_id: string | null;
  /** as entered, else the contact user's name */
  contact_name: string;
  summary: string;
  version: number;
}

const COLUMNS = `p.id, p.name, p.owner_organisation_id, o.name AS owner_name, coalesce(b.name, '') AS bureau_name,
    p.field_id, f.name AS field_name, p.status, p.is_public, p.first_fiscal_year, p.last_fiscal_year, p.themes,
    coalesce((SELECT json_agg(json_build_object('id', pt.id, 'country', pt.country, 'city', pt.city, 'organisation', pt.organisation)
                              ORDER BY pt.country COLLATE "C", pt.city COLLATE "C", pt.organisation COLLATE "C")
                FROM international_project_partners pp JOIN international_partners pt ON pt.id = pp.partner_id
               WHERE pp.project_id = p.id), '[]') AS partners,
    coalesce(y.budget_total, 0) AS budget_total, coalesce(y.settled_total, 0) AS settled_total,
    p.updated_at, p.source_key, p.is_sample`;

const DETAIL_COLUMNS = `${COLUMNS}, p.contact_user_id, coalesce(nullif(p.contact_name, ''), cu.display_name, '') AS contact_name,
    p.summary, p.version`;

const FROM = `FROM international_projects p
  JOIN organisations o ON o.id = p.owner_organisation_id
  LEFT JOIN org_bureau b ON b.org_id = p.owner_organisation_id
  JOIN international_fields f ON f.id = p.field_id
  LEFT JOIN LATERAL (
    SELECT sum(budget)::bigint AS budget_total, sum(coalesce(settled, 0))::bigint AS settled_total
      FROM international_project_years WHERE project_id = p.id
  ) y ON true`;

const DETAIL_FROM = `${FROM} LEFT JOIN users cu ON cu.id = p.contact_user_id`;

export async function countProjects(db: Queryable, filter: ProjectFilter): Promise<number> {
  const { sql, params } = where(filter);
  return (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM international_projects p ${sql}`, params)).rows[0].n;
}

export async function findProjectPage(
  db: Queryable,
  filter: ProjectFilter,
  page: { page: number; pageSize: number; sort: ProjectSort },
): Promise<ProjectRow[]> {
  const { sql, params } = where(filter);
  const offset = (page.page - 1) * page.pageSize;
  const { rows } = await db.query<ProjectRow>(
    `${ORG_BUREAU} SELECT ${COLUMNS} ${FROM} ${sql} ORDER BY ${SORTS[page.sort] ?? SORTS["-updatedAt"]}
      LIMIT ${Number(page.pageSize)} OFFSET ${Number(offset)}`,
    params,
  );
  return rows;
}

/** Every matching project with its detail columns, in the list's order (the export). */
export async function findAllProjects(db: Queryable, filter: ProjectFilter, sort: ProjectSort): Promise<ProjectDetailRow[]> {
  const { sql, params } = where(filter);
  const { rows } = await db.query<ProjectDetailRow>(
    `${ORG_BUREAU} SELECT ${DETAIL_COLUMNS} ${DETAIL_FROM} ${sql} ORDER BY ${SORTS[sort] ?? SORTS["-updatedAt"]}`,
    params,
  );
  return rows;
}

export async function findProject(db: Queryable, id: string): Promise<ProjectDetailRow | null> {
  const { rows } = await db.query<ProjectDetailRow>(`${ORG_BUREAU} SELECT ${DETAIL_COLUMNS} ${DETAIL_FROM} WHERE p.id = $1`, [id]);
  return rows[0] ?? null;
}

/** What a write needs to know first: who owns the project and its version, the row locked until the transaction ends. */
export async function lockProject(
  db: Queryable,
  id: string,
): Promise<{ name: string; owner_organisation_id: string; field_id: string; version: number } | null> {
  const { rows } = await db.query<{ name: string; owner_organisation_id: string; field_id: string; version: number }>(
    "SELECT name, owner_organisation_id, field_id, version FROM international_projects WHERE id = $1 FOR UPDATE",
    [id],
  );
  return rows[0] ?? null;
}

export interface YearRow {
  project_id: string;
  fiscal_year: number;
  funding_source: FundingSource;
  budget: number;
  settled: number | null;
}

export async function findProjectYears(db: Queryable, projectIds: readonly string[]): Promise<YearRow[]> {
  if (projectIds.length === 0) return [];
  const { rows } = await db.query<YearRow>(
    `SELECT project_id, fiscal_year, funding_source, budget, settled FROM international_project_years
      WHERE project_id = ANY($1::uuid[])
      ORDER BY project_id, fiscal_year,
        array_position(ARRAY['general', 'national', 'prefectural', 'other'], funding_source)`,
    [projectIds],
  );
  return rows;
}

export interface IndicatorRow {
  id: string;
  project_id: string;
  name: string;
  unit: string;
  direction: "higher" | "lower";
  baseline_value: number;
  baseline_fiscal_year: number;
  target_value: number;
  target_fiscal_year: number;
  results: { fiscal_year: number; value: number }[];
}

/** The indicators of the projects with their results (oldest 年度 first). */
export async function findProjectIndicators(db: Queryable, projectIds: readonly string[]): Promise<IndicatorRow[]> {
  if (projectIds.length === 0) return [];
  // Results as text inside the JSON: a numeric keeps its decimals exactly until Number() reads it.
  const { rows } = await db.query<Omit<IndicatorRow, "results"> & { results: { fiscal_year: number; value: string }[] }>(
    `SELECT i.id, i.project_id, i.name, i.unit, i.direction, i.baseline_value, i.baseline_fiscal_year, i.target_value,
            i.target_fiscal_year,
            coalesce((SELECT json_agg(json_build_object('fiscal_year', r.fiscal_year, 'value', r.value::text) ORDER BY r.fiscal_year)
                        FROM international_indicator_results r WHERE r.indicator_id = i.id), '[]') AS results
       FROM international_indicators i
      WHERE i.project_id = ANY($1::uuid[])
      ORDER BY i.project_id, i.sort_order, i.id`,
    [projectIds],
  );
  return rows.map((r) => ({ ...r, results: r.results.map((x) => ({ fiscal_year: x.fiscal_year, value: Number(x.value) })) }));
}

export interface ProjectTripRow {
  id: string;
  title: string;
  departs_on: string;
  status: string;
}

/** The trips linked to the project that the reader may read (their division, their travellers, the bureau: seesAll). */
export async function findProjectTrips(
  db: Queryable,
  projectId: string,
  reader: { seesAll: boolean; organisationId: string; userId: string },
): Promise<ProjectTripRow[]> {
  const { rows } = await db.query<ProjectTripRow>(
    `SELECT t.id, t.title, t.departs_on, t.status
       FROM international_trip_projects tp JOIN international_trips t ON t.id = tp.trip_id
      WHERE tp.project_id = $1
        AND ($2::boolean OR t.owner_organisation_id = $3
             OR EXISTS (SELECT 1 FROM international_trip_travellers tr WHERE tr.trip_id = t.id AND tr.user_id = $4))
      ORDER BY t.departs_on DESC, t.id`,
    [projectId, reader.seesAll, reader.organisationId, reader.userId],
  );
  return rows;
}

/** Whether the field exists, and whether it is in use (a retired field is kept only by the projects that have it). */
export async function findFieldState(db: Queryable, id: string): Promise<{ name: string; active: boolean } | null> {
  const { rows } = await db.query<{ name: string; active: boolean }>("SELECT name, active FROM international_fields WHERE id = $1", [id]);
  return rows[0] ?? null;
}

// ------------------------------------------------------------------ writes

export interface ProjectValues {
  name: string;
  ownerOrganisationId: string;
  contactUserId: string | null;
  contactName: string;
  fieldId: string;
  status: ProjectStatus;
  isPublic: boolean;
  firstFiscalYear: number;
  lastFiscalYear: number | null;
  summary: string;
  themes: string[];
}

export async function insertProject(
  db: Queryable,
  input: ProjectValues & { sourceKey: string | null; isSample: boolean; createdBy: string | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO international_projects (name, owner_organisation_id, contact_user_id, contact_name, field_id, status, is_public,
       first_fiscal_year, last_fiscal_year, summary, themes, source_key, is_sample, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      input.name,
      input.ownerOrganisationId,
      input.contactUserId,
      input.contactName,
      input.fieldId,
      input.status,
      input.isPublic,
      input.firstFiscalYear,
      input.lastFiscalYear,
      input.summary,
      input.themes,
      input.sourceKey,
      input.isSample,
      input.createdBy,
    ],
  );
  return rows[0].id;
}

/** Updates the project if it still has `version`; false when another save came first. */
export async function updateProject(db: Queryable, id: string, version: number, input: ProjectValues): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE international_projects SET name = $3, owner_organisation_id = $4, contact_user_id = $5, contact_name = $6,
       field_id = $7, status = $8, is_public = $9, first_fiscal_year = $10, last_fiscal_year = $11, summary = $12,
       themes = $13, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2`,
    [
      id,
      version,
      input.name,
      input.ownerOrganisationId,
      input.contactUserId,
      input.contactName,
      input.fieldId,
      input.status,
      input.isPublic,
      input.firstFiscalYear,
      input.lastFiscalYear,
      input.summary,
      input.themes,
    ],
  );
  return rowCount > 0;
}

export async function deleteProject(db: Queryable, id: string): Promise<void> {
  await db.query("DELETE FROM international_projects WHERE id = $1", [id]);
}

export interface ProjectParts {
  partnerIds: string[];
  years: { fiscalYear: number; fundingSource: FundingSource; budget: number; settled: number | null }[];
  indicators: {
    name: string;
    unit: string;
    direction: "higher" | "lower";
    baselineValue: number;
    baselineFiscalYear: number;
    targetValue: number;
    targetFiscalYear: number;
    results: { fiscalYear: number; value: number }[];
  }[];
}

/** Replaces the project's partners, years and indicators (with their results) by `parts`; one statement a table. */
export async function replaceProjectParts(db: Queryable, projectId: string, parts: ProjectParts): Promise<void> {
  await db.query("DELETE FROM international_project_partners WHERE project_id = $1", [projectId]);
  await db.query("DELETE FROM international_project_years WHERE project_id = $1", [projectId]);
  await db.query("DELETE FROM international_indicators WHERE project_id = $1", [projectId]);
  if (parts.partnerIds.length > 0)
    await db.query("INSERT INTO international_project_partners (project_id, partner_id) SELECT $1, unnest($2::uuid[])", [
      projectId,
      parts.partnerIds,
    ]);
  if (parts.years.length > 0)
    await db.query(
      `INSERT INTO international_project_years (project_id, fiscal_year, funding_source, budget, settled)
       SELECT $1, y.fiscal_year, y.funding_source, y.budget, y.settled
         FROM json_to_recordset($2::json) AS y(fiscal_year int, funding_source text, budget bigint, settled bigint)`,
      [
        projectId,
        JSON.stringify(
          parts.years.map((y) => ({ fiscal_year: y.fiscalYear, funding_source: y.fundingSource, budget: y.budget, settled: y.settled })),
        ),
      ],
    );
  for (const [index, indicator] of parts.indicators.entries()) {
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO international_indicators (project_id, name, unit, direction, baseline_value, baseline_fiscal_year,
         target_value, target_fiscal_year, sort_order)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        projectId,
        indicator.name,
        indicator.unit,
        indicator.direction,
        indicator.baselineValue,
        indicator.baselineFiscalYear,
        indicator.targetValue,
        indicator.targetFiscalYear,
        index,
      ],
    );
    if (indicator.results.length > 0)
      await db.query(
        `INSERT INTO international_indicator_results (indicator_id, fiscal_year, value)
         SELECT $1, r.fiscal_year, r.value FROM json_to_recordset($2::json) AS r(fiscal_year int, value numeric)`,
        [rows[0].id, JSON.stringify(indicator.results.map((r) => ({ fiscal_year: r.fiscalYear, value: r.value })))],
      );
  }
}
