// SQL of the 国際 module's search entries (search-index.ts): what a project's or a trip's entry reads, which records
// name a partner or a 分野, the trips linked to a project, and which trips a reader may open (trip-service's rule:
// its division, its travellers, the bureau).
import type { PartnerRelation, ProjectStatus, TripStatus } from "../../../common/api/international";
import type { Queryable } from "../../db/database";

export interface ProjectEntryRow {
  id: string;
  name: string;
  summary: string;
  status: ProjectStatus;
  themes: string[];
  owner_organisation_id: string;
  owner_name: string;
  field_name: string;
  partners: { country: string; city: string; organisation: string; relation: PartnerRelation }[];
}

export interface TripEntryRow {
  id: string;
  title: string;
  purpose: string;
  status: TripStatus;
  departs_on: string;
  returns_on: string;
  owner_organisation_id: string;
  owner_name: string;
  travellers: string[];
  places: string[];
  projects: string[];
}

/** The projects' entries (every project when `ids` is null). */
export async function findProjectEntries(tx: Queryable, ids: readonly string[] | null): Promise<ProjectEntryRow[]> {
  const { rows } = await tx.query<ProjectEntryRow>(
    `SELECT p.id, p.name, p.summary, p.status, p.themes, p.owner_organisation_id, o.name AS owner_name, f.name AS field_name,
            coalesce((SELECT json_agg(json_build_object('country', pt.country, 'city', pt.city, 'organisation', pt.organisation,
                                                        'relation', pt.relation) ORDER BY pt.country, pt.city, pt.organisation)
                        FROM international_project_partners pp JOIN international_partners pt ON pt.id = pp.partner_id
                       WHERE pp.project_id = p.id), '[]') AS partners
       FROM international_projects p
       JOIN organisations o ON o.id = p.owner_organisation_id
       JOIN international_fields f ON f.id = p.field_id
      ${ids ? "WHERE p.id = ANY($1::uuid[])" : ""}`,
    ids ? [ids] : [],
  );
  return rows;
}

/** The trips' entries (every trip when `ids` is null). */
export async function findTripEntries(tx: Queryable, ids: readonly string[] | null): Promise<TripEntryRow[]> {
  const { rows } = await tx.query<TripEntryRow>(
    `SELECT t.id, t.title, t.purpose, t.status, t.departs_on, t.returns_on, t.owner_organisation_id, o.name AS owner_name,
            coalesce((SELECT array_agg(tr.name ORDER BY tr.line_no) FROM international_trip_travellers tr WHERE tr.trip_id = t.id),
                     '{}') AS travellers,
            coalesce((SELECT array_agg(concat_ws(' ', v.country, v.city, nullif(v.organisation, '')) ORDER BY v.line_no)
                        FROM international_trip_visits v WHERE v.trip_id = t.id), '{}') AS places,
            coalesce((SELECT array_agg(p.name ORDER BY p.name) FROM international_trip_projects tp
                        JOIN international_projects p ON p.id = tp.project_id WHERE tp.trip_id = t.id), '{}') AS projects
       FROM international_trips t
       JOIN organisations o ON o.id = t.owner_organisation_id
      ${ids ? "WHERE t.id = ANY($1::uuid[])" : ""}`,
    ids ? [ids] : [],
  );
  return rows;
}

/** The projects that name the partner, or have the 分野. */
export async function findProjectIdsOf(tx: Queryable, by: { partnerId: string } | { fieldId: string }): Promise<string[]> {
  const { rows } =
    "partnerId" in by
      ? await tx.query<{ id: string }>("SELECT project_id AS id FROM international_project_partners WHERE partner_id = $1", [by.partnerId])
      : await tx.query<{ id: string }>("SELECT id FROM international_projects WHERE field_id = $1", [by.fieldId]);
  return rows.map((r) => r.id);
}

/** The trips linked to a project. */
export async function findTripIdsOfProject(tx: Queryable, projectId: string): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>("SELECT trip_id AS id FROM international_trip_projects WHERE project_id = $1", [
    projectId,
  ]);
  return rows.map((r) => r.id);
}

/** Among `ids`, the trips the reader may open: all for the bureau (seesAll), else their division's and those they travel on. */
export async function findReadableTripIds(
  db: Queryable,
  ids: readonly string[],
  reader: { seesAll: boolean; organisationId: string; userId: string },
): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT t.id::text AS id FROM international_trips t
      WHERE t.id = ANY($1::uuid[])
        AND ($2::boolean OR t.owner_organisation_id = $3
             OR EXISTS (SELECT 1 FROM international_trip_travellers tr WHERE tr.trip_id = t.id AND tr.user_id = $4))`,
    [ids, reader.seesAll, reader.organisationId, reader.userId],
  );
  return rows.map((r) => r.id);
}

/** The ids of the sample data's projects and trips. */
export async function findSampleIds(tx: Queryable): Promise<{ projects: string[]; trips: string[] }> {
  const projects = await tx.query<{ id: string }>("SELECT id FROM international_projects WHERE is_sample");
  const trips = await tx.query<{ id: string }>("SELECT id FROM international_trips WHERE is_sample");
  return { projects: projects.rows.map((r) => r.id), trips: trips.rows.map((r) => r.id) };
}
