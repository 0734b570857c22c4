// SQL of the 海外出張 (international_trips and its lines: travellers, visits, linked projects, cost lines, events).
// Organisation and user names by joins on the platform's tables (read only); partners and projects are this module's.
import type { CostKind, TripStatus } from "../../../common/api/international";
import type { Queryable } from "../../db/database";

export interface TripRow {
  id: string;
  title: string;
  purpose: string;
  owner_organisation_id: string;
  owner_name: string;
  status: TripStatus;
  departs_on: string;
  returns_on: string;
  companions: string;
  approved_by: string;
  approved_on: string | null;
  approval_conditions: string;
  safety_level: number | null;
  report_due_on: string | null;
  report_filed_on: string | null;
  report_results: string;
  report_followup: string;
  report_public: boolean;
  cancel_reason: string;
  source_key: string | null;
  version: number;
  is_sample: boolean;
}

export interface TripSummaryRow {
  id: string;
  title: string;
  owner_organisation_id: string;
  owner_name: string;
  status: TripStatus;
  departs_on: string;
  returns_on: string;
  destinations: string[];
  leader_name: string | null;
  traveller_count: number;
  planned_total: number;
  settled_total: number | null;
  report_due_on: string | null;
  report_filed_on: string | null;
  report_overdue: boolean;
  is_sample: boolean;
}

export interface TravellerRow {
  user_id: string | null;
  name: string;
  role: "leader" | "member";
  paid_by: "city" | "host" | "other";
}
export interface VisitRow {
  visit_on: string;
  country: string;
  city: string;
  partner_id: string | null;
  organisation: string;
  counterpart: string;
  purpose: string;
}
export interface CostRow {
  line_no: number;
  cost_kind: CostKind;
  description: string;
  planned: number;
  settled: number | null;
}
export interface EventRow {
  from_status: TripStatus | null;
  to_status: TripStatus;
  note: string;
  actor_name: string;
  at: Date;
}

/**
 * 報告書の遅延: the due date has passed (before today in Japan, given as $n), no report is filed, and the trip is
 * under way or back (出張中・帰庁). Never NULL (a trip without a due date is not overdue), so that NOT works for the
 * list filter. Used by the list flag, the list filter and the overdue list alike.
 */
const overdueSql = (todayParam: string) =>
  `(coalesce(t.report_due_on < ${todayParam}::date, false) AND t.report_filed_on IS NULL AND t.status IN ('travelling', 'returned'))`;

const summarySelect = (todayParam: string) => `SELECT t.id, t.title, t.owner_organisation_id, o.name AS owner_name, t.status,
    t.departs_on, t.returns_on, t.report_due_on, t.report_filed_on, t.is_sample,
    ${overdueSql(todayParam)} AS report_overdue,
    coalesce((SELECT array_agg(d.city ORDER BY d.first_line)
       FROM (SELECT v.city, min(v.line_no) AS first_line FROM international_trip_visits v WHERE v.trip_id = t.id GROUP BY v.city) d),
      '{}') AS destinations,
    (SELECT p.name FROM international_trip_travellers p WHERE p.trip_id = t.id AND p.role = 'leader' ORDER BY p.line_no LIMIT 1) AS leader_name,
    (SELECT count(*)::int FROM international_trip_travellers p WHERE p.trip_id = t.id) AS traveller_count,
    (SELECT coalesce(sum(c.planned), 0)::bigint FROM international_trip_costs c WHERE c.trip_id = t.id) AS planned_total,
    (SELECT CASE WHEN count(c.settled) = 0 THEN NULL ELSE sum(c.settled)::bigint END
       FROM international_trip_costs c WHERE c.trip_id = t.id) AS settled_total
  FROM international_trips t JOIN organisations o ON o.id = t.owner_organisation_id`;

/** Who the caller is for a list: everything (the bureau), or their own division's trips and those they travel on. */
export type TripScope = { all: true } | { all: false; organisationId: string; userId: string };

function scopeClause(scope: TripScope, params: unknown[]): string | null {
  if (scope.all) return null;
  params.push(scope.organisationId, scope.userId);
  const org = `$${params.length - 1}`;
  const user = `$${params.length}`;
  return `(t.owner_organisation_id = ${org}
    OR EXISTS (SELECT 1 FROM international_trip_travellers p WHERE p.trip_id = t.id AND p.user_id = ${user}))`;
}

export interface TripFilter {
  q?: string;
  status?: TripStatus;
  organisationId?: string;
  /** departing in that 年度: [start, end] */
  departsBetween?: { start: string; end: string };
  overdue?: boolean;
}

const SORTS: Record<string, string> = {
  "-departsOn": "t.departs_on DESC, t.title",
  departsOn: "t.departs_on, t.title",
  title: "t.title, t.departs_on DESC",
  owner: "o.name, t.departs_on DESC",
  status: `array_position(ARRAY['planned','applied','approved','travelling','returned','reported','settled','completed','changed','cancelled']::text[], t.status), t.departs_on DESC`,
  reportDueOn: "t.report_due_on NULLS LAST, t.departs_on DESC",
};

export async function findTrips(
  db: Queryable,
  scope: TripScope,
  filter: TripFilter,
  opts: { today: string; sort: string; page: number; pageSize: number },
): Promise<{ rows: TripSummaryRow[]; total: number }> {
  const params: unknown[] = [opts.today];
  const where: string[] = [];
  const scoped = scopeClause(scope, params);
  if (scoped) where.push(scoped);
  if (filter.q) {
    params.push(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const p = `$${params.length}`;
    where.push(`(t.title ILIKE ${p} OR t.purpose ILIKE ${p}
      OR EXISTS (SELECT 1 FROM international_trip_visits v WHERE v.trip_id = t.id AND (v.city ILIKE ${p} OR v.country ILIKE ${p} OR v.organisation ILIKE ${p}))
      OR EXISTS (SELECT 1 FROM international_trip_travellers p WHERE p.trip_id = t.id AND p.name ILIKE ${p}))`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`t.status = $${params.length}`);
  }
  if (filter.organisationId) {
    // a bureau names its own trips and those of the divisions under it
    params.push(filter.organisationId);
    where.push(`t.owner_organisation_id IN (
      WITH RECURSIVE tree AS (SELECT id FROM organisations WHERE id = $${params.length}
        UNION ALL SELECT c.id FROM organisations c JOIN tree ON c.parent_id = tree.id)
      SELECT id FROM tree)`);
  }
  if (filter.departsBetween) {
    params.push(filter.departsBetween.start, filter.departsBetween.end);
    where.push(`t.departs_on BETWEEN $${params.length - 1}::date AND $${params.length}::date`);
  }
  if (filter.overdue !== undefined) where.push(filter.overdue ? overdueSql("$1") : `NOT ${overdueSql("$1")}`);
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  // $1 (today) is named in the select list too: a parameter the statement never uses has no type for PostgreSQL
  const total = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n, $1::date AS today FROM international_trips t JOIN organisations o ON o.id = t.owner_organisation_id ${clause}`,
    params,
  );
  const { rows } = await db.query<TripSummaryRow>(
    `${summarySelect("$1")} ${clause} ORDER BY ${SORTS[opts.sort] ?? SORTS["-departsOn"]}, t.id
     LIMIT ${opts.pageSize} OFFSET ${(opts.page - 1) * opts.pageSize}`,
    params,
  );
  return { rows, total: total.rows[0].n };
}

/** Trips whose report is overdue (see overdueSql), the longest overdue first. */
export async function findOverdueTrips(db: Queryable, scope: TripScope, today: string): Promise<TripSummaryRow[]> {
  const params: unknown[] = [today];
  const where = [overdueSql("$1")];
  const scoped = scopeClause(scope, params);
  if (scoped) where.push(scoped);
  const { rows } = await db.query<TripSummaryRow>(
    `${summarySelect("$1")} WHERE ${where.join(" AND ")} ORDER BY t.report_due_on, t.departs_on, t.id`,
    params,
  );
  return rows;
}

export async function findTripSummary(db: Queryable, id: string, today: string): Promise<TripSummaryRow | null> {
  const { rows } = await db.query<TripSummaryRow>(`${summarySelect("$1")} WHERE t.id = $2`, [today, id]);
  return rows[0] ?? null;
}

export async function findTrip(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<TripRow | null> {
  const { rows } = await db.query<TripRow>(
    `SELECT t.*, o.name AS owner_name FROM international_trips t JOIN organisations o ON o.id = t.owner_organisation_id
     WHERE t.id = $1${opts.forUpdate ? " FOR UPDATE OF t" : ""}`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findTravellers(db: Queryable, tripId: string): Promise<TravellerRow[]> {
  const { rows } = await db.query<TravellerRow>(
    "SELECT user_id, name, role, paid_by FROM international_trip_travellers WHERE trip_id = $1 ORDER BY line_no",
    [tripId],
  );
  return rows;
}

export async function findVisits(db: Queryable, tripId: string): Promise<VisitRow[]> {
  const { rows } = await db.query<VisitRow>(
    `SELECT visit_on, country, city, partner_id, organisation, counterpart, purpose
     FROM international_trip_visits WHERE trip_id = $1 ORDER BY line_no`,
    [tripId],
  );
  return rows;
}

export async function findCosts(db: Queryable, tripId: string): Promise<CostRow[]> {
  const { rows } = await db.query<CostRow>(
    "SELECT line_no, cost_kind, description, planned, settled FROM international_trip_costs WHERE trip_id = $1 ORDER BY line_no",
    [tripId],
  );
  return rows;
}

export async function findLinkedProjects(db: Queryable, tripId: string): Promise<{ id: string; name: string }[]> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM international_trip_projects tp JOIN international_projects p ON p.id = tp.project_id
     WHERE tp.trip_id = $1 ORDER BY p.name, p.id`,
    [tripId],
  );
  return rows;
}

export async function findEvents(db: Queryable, tripId: string): Promise<EventRow[]> {
  const { rows } = await db.query<EventRow>(
    "SELECT from_status, to_status, note, actor_name, at FROM international_trip_events WHERE trip_id = $1 ORDER BY at, id",
    [tripId],
  );
  return rows;
}

// ------------------------------------------------------------------ references the input names

/** Of the ids given, those that name a user. */
/**
 * The ids that are the city's staff (roles admin, editor, viewer, in a city organisation): a traveller is never an
 * external login. A disabled account still counts (a past trip keeps the person who has since left).
 */
export async function existingStaffIds(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>(
    `SELECT u.id FROM users u JOIN organisations o ON o.id = u.organisation_id
      WHERE u.id = ANY($1::uuid[]) AND u.role IN ('admin', 'editor', 'viewer') AND o.kind <> 'external'`,
    [ids],
  );
  return new Set(rows.map((r) => r.id));
}

export async function existingPartnerIds(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>("SELECT id FROM international_partners WHERE id = ANY($1::uuid[])", [ids]);
  return new Set(rows.map((r) => r.id));
}

export async function existingProjectIds(db: Queryable, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>("SELECT id FROM international_projects WHERE id = ANY($1::uuid[])", [ids]);
  return new Set(rows.map((r) => r.id));
}

export async function organisationExists(db: Queryable, id: string): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM organisations WHERE id = $1", [id]);
  return rows.length > 0;
}

// ------------------------------------------------------------------ writes

export interface TripFields {
  title: string;
  purpose: string;
  ownerOrganisationId: string;
  departsOn: string;
  returnsOn: string;
  companions: string;
  reportDueOn: string;
}

export async function insertTrip(
  db: Queryable,
  fields: TripFields,
  opts: { isSample: boolean; createdBy: string | null; sourceKey?: string | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO international_trips (title, purpose, owner_organisation_id, departs_on, returns_on, companions, report_due_on,
       is_sample, created_by, source_key)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      fields.title,
      fields.purpose,
      fields.ownerOrganisationId,
      fields.departsOn,
      fields.returnsOn,
      fields.companions,
      fields.reportDueOn,
      opts.isSample,
      opts.createdBy,
      opts.sourceKey ?? null,
    ],
  );
  return rows[0].id;
}

/** Changes the trip's own fields if its version is still `version`; false when another change came first. */
export async function updateTripFields(db: Queryable, id: string, version: number, fields: TripFields): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE international_trips SET title = $3, purpose = $4, owner_organisation_id = $5, departs_on = $6, returns_on = $7,
       companions = $8, report_due_on = $9, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2`,
    [
      id,
      version,
      fields.title,
      fields.purpose,
      fields.ownerOrganisationId,
      fields.departsOn,
      fields.returnsOn,
      fields.companions,
      fields.reportDueOn,
    ],
  );
  return rowCount > 0;
}

/** Moves the version on (a change of lines only) if it is still `version`. */
export async function bumpVersion(db: Queryable, id: string, version: number): Promise<boolean> {
  const { rowCount } = await db.query(
    "UPDATE international_trips SET version = version + 1, updated_at = now() WHERE id = $1 AND version = $2",
    [id, version],
  );
  return rowCount > 0;
}

export interface TravellerLine {
  userId: string | null;
  name: string;
  role: "leader" | "member";
  paidBy: "city" | "host" | "other";
}
export interface VisitLine {
  visitOn: string;
  country: string;
  city: string;
  partnerId: string | null;
  organisation: string;
  counterpart: string;
  purpose: string;
}
export interface CostLine {
  costKind: CostKind;
  description: string;
  planned: number;
  settled: number | null;
}

/** Replaces the trip's travellers, visits, cost lines and linked projects with those given (line numbers from 1). */
export async function replaceTripLines(
  db: Queryable,
  tripId: string,
  lines: { travellers: TravellerLine[]; visits: VisitLine[]; costs: CostLine[]; projectIds: string[] },
): Promise<void> {
  await db.query("DELETE FROM international_trip_travellers WHERE trip_id = $1", [tripId]);
  await db.query("DELETE FROM international_trip_visits WHERE trip_id = $1", [tripId]);
  await db.query("DELETE FROM international_trip_costs WHERE trip_id = $1", [tripId]);
  await db.query("DELETE FROM international_trip_projects WHERE trip_id = $1", [tripId]);
  // one INSERT per table, the lines passed as JSON (a trip has tens of lines at most)
  if (lines.travellers.length)
    await db.query(
      `INSERT INTO international_trip_travellers (trip_id, line_no, user_id, name, role, paid_by)
       SELECT $1, l.ord, (l.v->>'userId')::uuid, l.v->>'name', l.v->>'role', l.v->>'paidBy'
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS l(v, ord)`,
      [tripId, JSON.stringify(lines.travellers)],
    );
  if (lines.visits.length)
    await db.query(
      `INSERT INTO international_trip_visits (trip_id, line_no, visit_on, country, city, partner_id, organisation, counterpart, purpose)
       SELECT $1, l.ord, (l.v->>'visitOn')::date, l.v->>'country', l.v->>'city', (l.v->>'partnerId')::uuid,
         l.v->>'organisation', l.v->>'counterpart', l.v->>'purpose'
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS l(v, ord)`,
      [tripId, JSON.stringify(lines.visits)],
    );
  if (lines.costs.length)
    await db.query(
      `INSERT INTO international_trip_costs (trip_id, line_no, cost_kind, description, planned, settled)
       SELECT $1, l.ord, l.v->>'costKind', l.v->>'description', (l.v->>'planned')::bigint, (l.v->>'settled')::bigint
       FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS l(v, ord)`,
      [tripId, JSON.stringify(lines.costs)],
    );
  if (lines.projectIds.length)
    await db.query(
      "INSERT INTO international_trip_projects (trip_id, project_id) SELECT $1, p FROM unnest($2::uuid[]) AS p ON CONFLICT DO NOTHING",
      [tripId, lines.projectIds],
    );
}

/** Writes the settled amount of each cost line (by line number). */
export async function updateSettledAmounts(
  db: Queryable,
  tripId: string,
  settled: { lineNo: number; settled: number | null }[],
): Promise<void> {
  if (settled.length === 0) return;
  await db.query(
    `UPDATE international_trip_costs c SET settled = (l.v->>'settled')::bigint
     FROM jsonb_array_elements($2::jsonb) AS l(v)
     WHERE c.trip_id = $1 AND c.line_no = (l.v->>'lineNo')::int`,
    [tripId, JSON.stringify(settled)],
  );
}

export interface StatusChange {
  status: TripStatus;
  approvedBy?: string;
  approvedOn?: string;
  approvalConditions?: string;
  safetyLevel?: number;
  cancelReason?: string;
}

/** Moves the trip to a new state (with what the move records) if its version is still `version`. */
export async function updateStatus(db: Queryable, id: string, version: number, change: StatusChange): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE international_trips SET status = $3,
       approved_by = coalesce($4, approved_by), approved_on = coalesce($5::date, approved_on),
       approval_conditions = coalesce($6, approval_conditions), safety_level = coalesce($7::int, safety_level),
       cancel_reason = coalesce($8, cancel_reason), version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2`,
    [
      id,
      version,
      change.status,
      change.approvedBy ?? null,
      change.approvedOn ?? null,
      change.approvalConditions ?? null,
      change.safetyLevel ?? null,
      change.cancelReason ?? null,
    ],
  );
  return rowCount > 0;
}

export interface ReportFields {
  status: TripStatus;
  filedOn: string;
  results: string;
  followup: string;
  publish: boolean;
}

export async function updateReport(db: Queryable, id: string, version: number, report: ReportFields): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE international_trips SET status = $3, report_filed_on = $4, report_results = $5, report_followup = $6,
       report_public = $7, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2`,
    [id, version, report.status, report.filedOn, report.results, report.followup, report.publish],
  );
  return rowCount > 0;
}

export async function insertEvent(
  db: Queryable,
  tripId: string,
  event: { fromStatus: TripStatus | null; toStatus: TripStatus; note: string; actorId: string | null; actorName: string },
): Promise<void> {
  await db.query(
    `INSERT INTO international_trip_events (trip_id, from_status, to_status, note, actor_id, actor_name)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [tripId, event.fromStatus, event.toStatus, event.note, event.actorId, event.actorName],
  );
}

// ------------------------------------------------------------------ sample data look-ups

/** The partner of a city (the city itself, not an organisation in it, when both exist). */
export async function findPartnerByCity(db: Queryable, city: string): Promise<{ id: string; country: string; city: string } | null> {
  const { rows } = await db.query<{ id: string; country: string; city: string }>(
    "SELECT id, country, city FROM international_partners WHERE city = $1 ORDER BY (organisation = '') DESC, created_at LIMIT 1",
    [city],
  );
  return rows[0] ?? null;
}

export async function findProjectIdByName(db: Queryable, name: string): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM international_projects WHERE name = $1 ORDER BY created_at LIMIT 1", [
    name,
  ]);
  return rows[0]?.id ?? null;
}

/** Active staff logins of an organisation, by name (sample travellers when the sample city has users). */
export async function findUsersOfOrganisation(db: Queryable, organisationId: string): Promise<{ id: string; display_name: string }[]> {
  const { rows } = await db.query<{ id: string; display_name: string }>(
    `SELECT id, display_name FROM users WHERE organisation_id = $1 AND NOT disabled AND role IN ('admin', 'editor', 'viewer')
     ORDER BY display_name, id`,
    [organisationId],
  );
  return rows;
}

/** The state and report of an imported trip as its source has them (kintone is the record of what happened). */
export async function updateImportedState(
  db: Queryable,
  id: string,
  state: { status: TripStatus; safetyLevel: number | null; reportFiledOn: string | null; results: string },
): Promise<void> {
  await db.query(
    `UPDATE international_trips SET status = $2, safety_level = $3, report_filed_on = $4, report_results = $5,
       version = version + 1, updated_at = now()
     WHERE id = $1`,
    [id, state.status, state.safetyLevel, state.reportFiledOn, state.results],
  );
}
