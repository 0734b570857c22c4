// SQL of projects written many at a time (project-batch.ts, the kintone import's new records): the references a
// batch names, looked up once for the batch, and the project rows with their parts written with one statement per
// table (the rows passed as one JSON array, ids made by the caller so that the parts can name their project).
import type { OrganisationKind } from "../../../common/api/platform";
import type { Queryable } from "../../db/database";
import type { ProjectParts, ProjectValues } from "./project-repository";

export async function findOrganisationKinds(db: Queryable, ids: readonly string[]): Promise<Map<string, OrganisationKind>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; kind: OrganisationKind }>("SELECT id, kind FROM organisations WHERE id = ANY($1::uuid[])", [
    ids,
  ]);
  return new Map(rows.map((r) => [r.id, r.kind]));
}

export async function findFieldStates(db: Queryable, ids: readonly string[]): Promise<Map<string, { active: boolean }>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; active: boolean }>(
    "SELECT id, active FROM international_fields WHERE id = ANY($1::uuid[])",
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { active: r.active }]));
}

export async function findExistingUserIds(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>("SELECT id FROM users WHERE id = ANY($1::uuid[])", [ids]);
  return new Set(rows.map((r) => r.id));
}

export interface NewProjectRow extends ProjectValues {
  id: string;
  sourceKey: string | null;
  sourceHash: string | null;
  isSample: boolean;
  createdBy: string | null;
}

/** Inserts the projects (their own row only), as insertProject does each. */
export async function insertProjects(db: Queryable, projects: readonly NewProjectRow[]): Promise<void> {
  if (projects.length === 0) return;
  await db.query(
    `INSERT INTO international_projects (id, name, owner_organisation_id, contact_user_id, contact_name, field_id, status, is_public,
       first_fiscal_year, last_fiscal_year, summary, themes, source_key, source_hash, is_sample, created_by)
     SELECT r.id, r.name, r.owner_organisation_id, r.contact_user_id, r.contact_name, r.field_id, r.status, r.is_public,
       r.first_fiscal_year, r.last_fiscal_year, r.summary, r.themes, r.source_key, r.source_hash, r.is_sample, r.created_by
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, name text, owner_organisation_id uuid, contact_user_id uuid, contact_name text,
         field_id uuid, status text, is_public boolean, first_fiscal_year int, last_fiscal_year int, summary text, themes text[],
         source_key text, source_hash text, is_sample boolean, created_by uuid)`,
    [
      JSON.stringify(
        projects.map((p) => ({
          id: p.id,
          name: p.name,
          owner_organisation_id: p.ownerOrganisationId,
          contact_user_id: p.contactUserId,
          contact_name: p.contactName,
          field_id: p.fieldId,
          status: p.status,
          is_public: p.isPublic,
          first_fiscal_year: p.firstFiscalYear,
          last_fiscal_year: p.lastFiscalYear,
          summary: p.summary,
          themes: p.themes,
          source_key: p.sourceKey,
          source_hash: p.sourceHash,
          is_sample: p.isSample,
          created_by: p.createdBy,
        })),
      ),
    ],
  );
}

/**
 * Inserts the parts of projects that have none yet (just inserted), as replaceProjectParts writes them: partners,
 * years, indicators in their order (sort_order from 0) with their results. `indicatorIds[k][i]` is the id of project
 * k's indicator i.
 */
export async function insertProjectsParts(
  db: Queryable,
  projects: readonly { projectId: string; parts: ProjectParts; indicatorIds: readonly string[] }[],
): Promise<void> {
  const partners = projects.flatMap((p) => p.parts.partnerIds.map((partnerId) => ({ project_id: p.projectId, partner_id: partnerId })));
  const years = projects.flatMap((p) =>
    p.parts.years.map((y) => ({
      project_id: p.projectId,
      fiscal_year: y.fiscalYear,
      funding_source: y.fundingSource,
      budget: y.budget,
      settled: y.settled,
    })),
  );
  const indicators = projects.flatMap((p) =>
    p.parts.indicators.map((i, index) => ({
      id: p.indicatorIds[index],
      project_id: p.projectId,
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      baseline_value: i.baselineValue,
      baseline_fiscal_year: i.baselineFiscalYear,
      target_value: i.targetValue,
      target_fiscal_year: i.targetFiscalYear,
      sort_order: index,
    })),
  );
  const results = projects.flatMap((p) =>
    p.parts.indicators.flatMap((i, index) =>
      i.results.map((r) => ({ indicator_id: p.indicatorIds[index], fiscal_year: r.fiscalYear, value: r.value })),
    ),
  );
  if (partners.length > 0)
    await db.query(
      `INSERT INTO international_project_partners (project_id, partner_id)
       SELECT r.project_id, r.partner_id FROM jsonb_to_recordset($1::jsonb) AS r(project_id uuid, partner_id uuid)`,
      [JSON.stringify(partners)],
    );
  if (years.length > 0)
    await db.query(
      `INSERT INTO international_project_years (project_id, fiscal_year, funding_source, budget, settled)
       SELECT r.project_id, r.fiscal_year, r.funding_source, r.budget, r.settled
         FROM jsonb_to_recordset($1::jsonb) AS r(project_id uuid, fiscal_year int, funding_source text, budget bigint, settled bigint)`,
      [JSON.stringify(years)],
    );
  if (indicators.length > 0)
    await db.query(
      `INSERT INTO international_indicators (id, project_id, name, unit, direction, baseline_value, baseline_fiscal_year,
         target_value, target_fiscal_year, sort_order)
       SELECT r.id, r.project_id, r.name, r.unit, r.direction, r.baseline_value, r.baseline_fiscal_year, r.target_value,
         r.target_fiscal_year, r.sort_order
         FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, project_id uuid, name text, unit text, direction text, baseline_value numeric,
           baseline_fiscal_year int, target_value numeric, target_fiscal_year int, sort_order int)`,
      [JSON.stringify(indicators)],
    );
  if (results.length > 0)
    await db.query(
      `INSERT INTO international_indicator_results (indicator_id, fiscal_year, value)
       SELECT r.indicator_id, r.fiscal_year, r.value FROM jsonb_to_recordset($1::jsonb) AS r(indicator_id uuid, fiscal_year int, value numeric)`,
      [JSON.stringify(results)],
    );
}
