// SQL of 経営分析's subjects and peers (one table, role subject/peer), their peer links, and what the lists show of
// their analyses (analysis_reviews is read here directly for the count and the latest status). The service decides
// (permissions, versions, linked measures); this file only reads and writes rows.
import type { LinkedSource } from "../../../common/analysis/figure-items";
import type { ReviewStatus, SubjectKind, SubjectRole } from "../../../common/analysis/labels";
import type { Queryable } from "../../db/database";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SubjectRow {
  id: string;
  name: string;
  short_name: string;
  role: SubjectRole;
  kind: SubjectKind;
  is_affiliated_body: boolean;
  lead_organisation_id: string | null;
  lead_organisation_name: string | null;
  bureau_name: string | null;
  city_stake_percent: number | null;
  city_role: string;
  purpose: string;
  founded_year: number | null;
  analysis_fiscal_year: number | null;
  location: string;
  linked_source: LinkedSource | null;
  note: string;
  is_sample: boolean;
  version: number;
  created_at: Date;
  updated_at: Date;
  /** subjects: their peers' names; peers: their subjects' names */
  linked_names: string[];
  review_count: number;
  latest_review_id: string | null;
  latest_review_year: number | null;
  latest_review_status: ReviewStatus | null;
}

// 所管課's 局: the nearest bureau above it (or itself)
const SELECT = `
  WITH RECURSIVE org_up AS (
    SELECT o.id AS org_id, o.id AS cur_id, o.kind, o.parent_id, o.name, 0 AS depth
      FROM organisations o WHERE o.id IN (SELECT lead_organisation_id FROM analysis_subjects WHERE lead_organisation_id IS NOT NULL)
    UNION ALL
    SELECT u.org_id, o.id, o.kind, o.parent_id, o.name, u.depth + 1
      FROM org_up u JOIN organisations o ON o.id = u.parent_id WHERE u.kind <> 'bureau'
  ),
  org_bureau AS (SELECT DISTINCT ON (org_id) org_id, name FROM org_up WHERE kind = 'bureau' ORDER BY org_id, depth)
  SELECT s.id, s.name, s.short_name, s.role, s.kind, s.is_affiliated_body, s.lead_organisation_id,
         lo.name AS lead_organisation_name, b.name AS bureau_name, s.city_stake_percent::float8 AS city_stake_percent,
         s.city_role, s.purpose, s.founded_year, s.analysis_fiscal_year, s.location, s.linked_source, s.note, s.is_sample,
         s.version, s.created_at, s.updated_at,
         COALESCE(CASE WHEN s.role = 'subject'
           THEN (SELECT array_agg(p.name ORDER BY p.name) FROM analysis_subject_peers sp JOIN analysis_subjects p ON p.id = sp.peer_id
                  WHERE sp.subject_id = s.id)
           ELSE (SELECT array_agg(p.name ORDER BY p.name) FROM analysis_subject_peers sp JOIN analysis_subjects p ON p.id = sp.subject_id
                  WHERE sp.peer_id = s.id) END, '{}') AS linked_names,
         (SELECT count(*)::int FROM analysis_reviews r WHERE r.subject_id = s.id) AS review_count,
         lr.id AS latest_review_id, lr.fiscal_year AS latest_review_year, lr.status AS latest_review_status
    FROM analysis_subjects s
    LEFT JOIN organisations lo ON lo.id = s.lead_organisation_id
    LEFT JOIN org_bureau b ON b.org_id = s.lead_organisation_id
    LEFT JOIN LATERAL (SELECT r.id, r.fiscal_year, r.status FROM analysis_reviews r WHERE r.subject_id = s.id
                        ORDER BY r.fiscal_year DESC LIMIT 1) lr ON true`;

export interface SubjectFilter {
  role?: SubjectRole;
  kind?: SubjectKind;
  analysisYear?: number;
  q?: string;
  sort: "name" | "kind" | "analysisYear" | "updated";
  order: "asc" | "desc";
}

function whereOf(filter: Omit<SubjectFilter, "sort" | "order">): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    conditions.push(sql.replace("?", `$${params.length}`));
  };
  if (filter.role) add("s.role = ?", filter.role);
  if (filter.kind) add("s.kind = ?", filter.kind);
  if (filter.analysisYear !== undefined) add("s.analysis_fiscal_year = ?", filter.analysisYear);
  for (const word of (filter.q ?? "").split(/[\s　]+/).filter(Boolean)) {
    params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const n = params.length;
    conditions.push(`(s.name ILIKE $${n} OR s.short_name ILIKE $${n} OR s.location ILIKE $${n} OR s.purpose ILIKE $${n}
      OR EXISTS (SELECT 1 FROM organisations o WHERE o.id = s.lead_organisation_id AND o.name ILIKE $${n}))`);
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(" AND ")}` : "", params };
}

function orderOf(sort: SubjectFilter["sort"], order: "asc" | "desc"): string {
  const dir = order === "asc" ? "ASC" : "DESC";
  switch (sort) {
    case "name":
      return `s.name ${dir}, s.id`;
    case "kind":
      return `s.kind ${dir}, s.name, s.id`;
    case "updated":
      return `s.updated_at ${dir}, s.id`;
    default:
      // subjects by their analysis year; peers (no year) after them, by name
      return `s.analysis_fiscal_year ${dir} NULLS LAST, s.role DESC, s.name, s.id`;
  }
}

export async function findSubjects(
  db: Queryable,
  filter: SubjectFilter,
  page: { limit: number; offset: number } | null,
): Promise<{ rows: SubjectRow[]; total: number }> {
  const where = whereOf(filter);
  const params = [...where.params];
  let limit = "";
  if (page) {
    params.push(page.limit, page.offset);
    limit = `LIMIT $${params.length - 1} OFFSET $${params.length}`;
  }
  const { rows } = await db.query<SubjectRow>(`${SELECT} ${where.sql} ORDER BY ${orderOf(filter.sort, filter.order)} ${limit}`, params);
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM analysis_subjects s ${where.sql}`, where.params);
  return { rows, total: count.rows[0]?.n ?? 0 };
}

/** One subject or peer with its lead division, 局 and analyses' count; null when there is none. */
export async function findSubject(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<SubjectRow | null> {
  if (!UUID.test(id)) return null;
  if (opts.forUpdate) await db.query("SELECT 1 FROM analysis_subjects WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<SubjectRow>(`${SELECT} WHERE s.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface SubjectValues {
  name: string;
  shortName: string;
  kind: SubjectKind;
  isAffiliatedBody: boolean;
  leadOrganisationId: string | null;
  cityStakePercent: number | null;
  cityRole: string;
  purpose: string;
  foundedYear: number | null;
  analysisFiscalYear: number | null;
  location: string;
  linkedSource: LinkedSource | null;
  note: string;
}

const valuesOf = (v: SubjectValues) => [
  v.name,
  v.shortName,
  v.kind,
  v.isAffiliatedBody,
  v.leadOrganisationId,
  v.cityStakePercent,
  v.cityRole,
  v.purpose,
  v.foundedYear,
  v.analysisFiscalYear,
  v.location,
  v.linkedSource,
  v.note,
];

export async function insertSubject(
  tx: Queryable,
  input: SubjectValues & { role: SubjectRole; isSample: boolean; createdBy: string | null },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO analysis_subjects (name, short_name, kind, is_affiliated_body, lead_organisation_id, city_stake_percent, city_role,
       purpose, founded_year, analysis_fiscal_year, location, linked_source, note, role, is_sample, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) RETURNING id`,
    [...valuesOf(input), input.role, input.isSample, input.createdBy],
  );
  return rows[0]!.id;
}

/** Updates at the version read; false when another write came first. */
export async function updateSubject(tx: Queryable, id: string, version: number, input: SubjectValues): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE analysis_subjects SET name = $1, short_name = $2, kind = $3, is_affiliated_body = $4, lead_organisation_id = $5,
       city_stake_percent = $6, city_role = $7, purpose = $8, founded_year = $9, analysis_fiscal_year = $10, location = $11,
       linked_source = $12, note = $13, version = version + 1, updated_at = now()
     WHERE id = $14 AND version = $15`,
    [...valuesOf(input), id, version],
  );
  return (rowCount ?? 0) > 0;
}

/** A change to what belongs to the subject (facilities, measures, peers) moves its version and updated_at. */
export async function touchSubject(tx: Queryable, id: string): Promise<void> {
  await tx.query("UPDATE analysis_subjects SET version = version + 1, updated_at = now() WHERE id = $1", [id]);
}

export async function deleteSubject(tx: Queryable, id: string): Promise<void> {
  await tx.query("DELETE FROM analysis_subjects WHERE id = $1", [id]);
}

export async function countReviews(db: Queryable, subjectId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM analysis_reviews WHERE subject_id = $1", [subjectId]);
  return rows[0]?.n ?? 0;
}

export interface ReviewRefRow {
  id: string;
  fiscal_year: number;
  status: ReviewStatus;
}

export async function findReviews(db: Queryable, subjectId: string): Promise<ReviewRefRow[]> {
  const { rows } = await db.query<ReviewRefRow>(
    "SELECT id, fiscal_year, status FROM analysis_reviews WHERE subject_id = $1 ORDER BY fiscal_year DESC",
    [subjectId],
  );
  return rows;
}

// ------------------------------------------------------------------ peers

export interface SubjectRefRow {
  id: string;
  name: string;
  location: string;
  kind: SubjectKind;
}

/** The peers of a subject, by name. */
export async function peersOf(db: Queryable, subjectId: string): Promise<SubjectRefRow[]> {
  if (!UUID.test(subjectId)) return [];
  const { rows } = await db.query<SubjectRefRow>(
    `SELECT p.id, p.name, p.location, p.kind FROM analysis_subject_peers sp JOIN analysis_subjects p ON p.id = sp.peer_id
      WHERE sp.subject_id = $1 ORDER BY p.name, p.id`,
    [subjectId],
  );
  return rows;
}

/** The subjects a peer is compared with, by name. */
export async function subjectsOfPeer(db: Queryable, peerId: string): Promise<SubjectRefRow[]> {
  const { rows } = await db.query<SubjectRefRow>(
    `SELECT s.id, s.name, s.location, s.kind FROM analysis_subject_peers sp JOIN analysis_subjects s ON s.id = sp.subject_id
      WHERE sp.peer_id = $1 ORDER BY s.name, s.id`,
    [peerId],
  );
  return rows;
}

/** Links a peer to a subject; false when it was linked already. */
export async function insertPeerLink(tx: Queryable, subjectId: string, peerId: string): Promise<boolean> {
  const { rowCount } = await tx.query("INSERT INTO analysis_subject_peers (subject_id, peer_id) VALUES ($1, $2) ON CONFLICT DO NOTHING", [
    subjectId,
    peerId,
  ]);
  return (rowCount ?? 0) > 0;
}

/** Unlinks; false when it was not linked. */
export async function deletePeerLink(tx: Queryable, subjectId: string, peerId: string): Promise<boolean> {
  const { rowCount } = await tx.query("DELETE FROM analysis_subject_peers WHERE subject_id = $1 AND peer_id = $2", [subjectId, peerId]);
  return (rowCount ?? 0) > 0;
}
