// SQL of the 相手先 (international_partners) with their counts, the visits the city received
// (international_received_visits), and a partner city's timeline: the projects linked to it, the trips that visited
// it (international_trip_visits.partner_id — the trips are written elsewhere in the module; this file only reads
// them) and the delegations received from it.
import type { PartnerRelation } from "../../../common/api/international";
import type { Queryable } from "../../db/database";

export interface PartnerRow {
  id: string;
  country: string;
  city: string;
  organisation: string;
  relation: PartnerRelation;
  related_since: string | null;
  latitude: number | null;
  longitude: number | null;
  project_count: number;
  visit_count: number;
  is_sample: boolean;
}

// 訪問数: the trips that visited the partner (one a trip, a cancelled trip not counted) and the delegations received
// from it.
const SELECT = `SELECT pt.id, pt.country, pt.city, pt.organisation, pt.relation, pt.related_since, pt.latitude, pt.longitude,
    (SELECT count(*)::int FROM international_project_partners pp WHERE pp.partner_id = pt.id) AS project_count,
    (SELECT count(DISTINCT v.trip_id)::int FROM international_trip_visits v JOIN international_trips t ON t.id = v.trip_id
      WHERE v.partner_id = pt.id AND t.status <> 'cancelled')
    + (SELECT count(*)::int FROM international_received_visits r WHERE r.partner_id = pt.id) AS visit_count,
    pt.is_sample
  FROM international_partners pt`;

const likeEscape = (text: string) => text.replace(/[\\%_]/g, (ch) => `\\${ch}`);

export async function findPartners(db: Queryable, q?: string): Promise<PartnerRow[]> {
  const params: unknown[] = [];
  let where = "";
  if (q) {
    params.push(likeEscape(q));
    where = `WHERE (pt.country || ' ' || pt.city || ' ' || pt.organisation) ILIKE '%' || $1 || '%'`;
  }
  const { rows } = await db.query<PartnerRow>(
    `${SELECT} ${where} ORDER BY pt.country COLLATE "C", pt.city COLLATE "C", pt.organisation COLLATE "C", pt.id`,
    params,
  );
  return rows;
}

export async function findPartner(db: Queryable, id: string): Promise<PartnerRow | null> {
  return (await db.query<PartnerRow>(`${SELECT} WHERE pt.id = $1`, [id])).rows[0] ?? null;
}

/** Which of `ids` are partners (a project names its partners by id). */
export async function findExistingPartnerIds(db: Queryable, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>("SELECT id FROM international_partners WHERE id = ANY($1::uuid[])", [ids]);
  return new Set(rows.map((r) => r.id));
}

export interface PartnerValues {
  country: string;
  city: string;
  organisation: string;
  relation: PartnerRelation;
  relatedSince: string | null;
  latitude: number | null;
  longitude: number | null;
}

export async function insertPartner(db: Queryable, input: PartnerValues & { isSample: boolean }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO international_partners (country, city, organisation, relation, related_since, latitude, longitude, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [input.country, input.city, input.organisation, input.relation, input.relatedSince, input.latitude, input.longitude, input.isSample],
  );
  return rows[0].id;
}

export async function updatePartner(db: Queryable, id: string, input: PartnerValues): Promise<void> {
  await db.query(
    `UPDATE international_partners SET country = $2, city = $3, organisation = $4, relation = $5, related_since = $6,
       latitude = $7, longitude = $8, updated_at = now()
     WHERE id = $1`,
    [id, input.country, input.city, input.organisation, input.relation, input.relatedSince, input.latitude, input.longitude],
  );
}

// ------------------------------------------------------------------ received visits (来訪)

export interface ReceivedVisitRow {
  id: string;
  received_on: string;
  delegation: string;
  purpose: string;
  owner_name: string;
}

export async function insertReceivedVisit(
  db: Queryable,
  input: { partnerId: string; ownerOrganisationId: string; receivedOn: string; delegation: string; purpose: string; isSample: boolean },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO international_received_visits (partner_id, owner_organisation_id, received_on, delegation, purpose, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [input.partnerId, input.ownerOrganisationId, input.receivedOn, input.delegation, input.purpose, input.isSample],
  );
  return rows[0].id;
}

export async function findReceivedVisit(db: Queryable, id: string): Promise<ReceivedVisitRow | null> {
  const { rows } = await db.query<ReceivedVisitRow>(
    `SELECT r.id, r.received_on, r.delegation, r.purpose, o.name AS owner_name
       FROM international_received_visits r JOIN organisations o ON o.id = r.owner_organisation_id WHERE r.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

// ------------------------------------------------------------------ a partner city's timeline

/** The city of the timeline: every partner in the same country and city (the city itself and organisations in it). */
const SAME_CITY = "pt.country = $1 AND pt.city = $2";

export interface TimelineProjectRow {
  id: string;
  name: string;
  first_fiscal_year: number;
  last_fiscal_year: number | null;
  field_name: string;
  owner_name: string;
}

export async function findCityProjects(db: Queryable, city: { country: string; city: string }): Promise<TimelineProjectRow[]> {
  const { rows } = await db.query<TimelineProjectRow>(
    `SELECT p.id, p.name, p.first_fiscal_year, p.last_fiscal_year, f.name AS field_name, o.name AS owner_name
       FROM international_projects p
       JOIN international_fields f ON f.id = p.field_id
       JOIN organisations o ON o.id = p.owner_organisation_id
      WHERE EXISTS (SELECT 1 FROM international_project_partners pp JOIN international_partners pt ON pt.id = pp.partner_id
                     WHERE pp.project_id = p.id AND ${SAME_CITY})`,
    [city.country, city.city],
  );
  return rows;
}

export interface TimelineTripRow {
  id: string;
  title: string;
  owner_name: string;
  /** the first day the trip spent in the city */
  visit_on: string;
  visits: { organisation: string; counterpart: string; purpose: string }[];
}

/**
 * The trips that visited the city and that the caller may read (a trip is read by its division, its travellers and
 * the bureau: `seesAll`); a cancelled trip never went.
 */
export async function findCityTrips(
  db: Queryable,
  city: { country: string; city: string },
  reader: { seesAll: boolean; organisationId: string; userId: string },
): Promise<TimelineTripRow[]> {
  const { rows } = await db.query<TimelineTripRow>(
    `SELECT t.id, t.title, o.name AS owner_name, min(v.visit_on) AS visit_on,
            json_agg(json_build_object('organisation', v.organisation, 'counterpart', v.counterpart, 'purpose', v.purpose)
                     ORDER BY v.visit_on, v.line_no) AS visits
       FROM international_trip_visits v
       JOIN international_partners pt ON pt.id = v.partner_id
       JOIN international_trips t ON t.id = v.trip_id
       JOIN organisations o ON o.id = t.owner_organisation_id
      WHERE ${SAME_CITY} AND t.status <> 'cancelled'
        AND ($3::boolean OR t.owner_organisation_id = $4
             OR EXISTS (SELECT 1 FROM international_trip_travellers tr WHERE tr.trip_id = t.id AND tr.user_id = $5))
      GROUP BY t.id, t.title, o.name`,
    [city.country, city.city, reader.seesAll, reader.organisationId, reader.userId],
  );
  return rows;
}

export async function findCityReceivedVisits(db: Queryable, city: { country: string; city: string }): Promise<ReceivedVisitRow[]> {
  const { rows } = await db.query<ReceivedVisitRow>(
    `SELECT r.id, r.received_on, r.delegation, r.purpose, o.name AS owner_name
       FROM international_received_visits r
       JOIN international_partners pt ON pt.id = r.partner_id
       JOIN organisations o ON o.id = r.owner_organisation_id
      WHERE ${SAME_CITY}`,
    [city.country, city.city],
  );
  return rows;
}
