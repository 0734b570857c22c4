// SQL of the policy module (the only place that touches its tables).
import type { ChallengeSummary, PolicyDocumentSummary, PolicyStatus, ProgressEntry } from "../../../common/api/policy";
import type { OverviewItem, PolicyArea } from "../../../common/policy/types";
import type { Queryable } from "../../db/database";

export interface DocumentRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  fiscal_year: number;
  bureau_name: string;
  overview_title: string;
  title: string;
  mission_heading: string;
  mission: string;
  challenges_heading: string;
  areas: PolicyArea[];
  categories: string[];
  overview: OverviewItem[];
  status: "draft" | "published";
  published_at: Date | null;
  is_sample: boolean;
  version: number;
  updated_at: Date;
  challenge_count: number;
  latest_as_of: string | null;
}

const DOCUMENT_SELECT = `
  SELECT d.*, o.name AS organisation_name,
    (SELECT count(*)::int FROM policy_challenges c WHERE c.document_id = d.id) AS challenge_count,
    (SELECT max(p.as_of)::text FROM policy_progress_entries p JOIN policy_challenges c ON c.id = p.challenge_id WHERE c.document_id = d.id) AS latest_as_of
  FROM policy_documents d JOIN organisations o ON o.id = d.organisation_id`;

export function toDocumentSummary(row: DocumentRow, canEdit: boolean): PolicyDocumentSummary {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    fiscalYear: row.fiscal_year,
    title: row.title,
    bureauName: row.bureau_name,
    status: row.status,
    challengeCount: row.challenge_count,
    latestAsOf: row.latest_as_of,
    publishedAt: row.published_at?.toISOString() ?? null,
    updatedAt: row.updated_at.toISOString(),
    isSample: row.is_sample,
    canEdit,
  };
}

export async function findDocuments(
  db: Queryable,
  filter: { fiscalYear?: number; organisationId?: string; status?: "draft" | "published" },
): Promise<DocumentRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [column, value] of [
    ["d.fiscal_year", filter.fiscalYear],
    ["d.organisation_id", filter.organisationId],
    ["d.status", filter.status],
  ] as const) {
    if (value === undefined) continue;
    params.push(value);
    where.push(`${column} = $${params.length}`);
  }
  const { rows } = await db.query<DocumentRow>(
    `${DOCUMENT_SELECT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY d.fiscal_year DESC, o.sort_order, o.name`,
    params,
  );
  return rows;
}

export async function findDocument(db: Queryable, id: string): Promise<DocumentRow | null> {
  const { rows } = await db.query<DocumentRow>(`${DOCUMENT_SELECT} WHERE d.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function findDocumentByBureauYear(db: Queryable, organisationId: string, fiscalYear: number): Promise<{ id: string } | null> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM policy_documents WHERE organisation_id = $1 AND fiscal_year = $2", [
    organisationId,
    fiscalYear,
  ]);
  return rows[0] ?? null;
}

export interface DocumentFields {
  bureauName: string;
  overviewTitle: string;
  title: string;
  missionHeading: string;
  mission: string;
  challengesHeading: string;
  areas: PolicyArea[];
  categories: string[];
  overview: OverviewItem[];
}

export async function insertDocument(
  tx: Queryable,
  input: DocumentFields & {
    organisationId: string;
    fiscalYear: number;
    sourceText: string | null;
    createdBy: string | null;
    isSample: boolean;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO policy_documents (organisation_id, fiscal_year, bureau_name, overview_title, title, mission_heading, mission,
       challenges_heading, areas, categories, overview, source_text, created_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
    [
      input.organisationId,
      input.fiscalYear,
      input.bureauName,
      input.overviewTitle,
      input.title,
      input.missionHeading,
      input.mission,
      input.challengesHeading,
      JSON.stringify(input.areas),
      JSON.stringify(input.categories),
      JSON.stringify(input.overview),
      input.sourceText,
      input.createdBy,
      input.isSample,
    ],
  );
  return rows[0].id;
}

export async function updateDocumentFields(
  tx: Queryable,
  id: string,
  fields: DocumentFields & { sourceText?: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE policy_documents SET bureau_name = $2, overview_title = $3, title = $4, mission_heading = $5, mission = $6,
       challenges_heading = $7, areas = $8, categories = $9, overview = $10, source_text = coalesce($11, source_text),
       version = version + 1, updated_at = now()
     WHERE id = $1`,
    [
      id,
      fields.bureauName,
      fields.overviewTitle,
      fields.title,
      fields.missionHeading,
      fields.mission,
      fields.challengesHeading,
      JSON.stringify(fields.areas),
      JSON.stringify(fields.categories),
      JSON.stringify(fields.overview),
      fields.sourceText ?? null,
    ],
  );
}

export async function setPublished(tx: Queryable, id: string, published: boolean, userId: string | null): Promise<void> {
  await tx.query(
    `UPDATE policy_documents SET status = $2, published_at = CASE WHEN $2 = 'published' THEN now() ELSE NULL END,
       published_by = CASE WHEN $2 = 'published' THEN $3::uuid ELSE NULL END, version = version + 1, updated_at = now()
     WHERE id = $1`,
    [id, published ? "published" : "draft", userId],
  );
}

export async function deleteDocumentRow(tx: Queryable, id: string): Promise<void> {
  await tx.query("DELETE FROM policy_documents WHERE id = $1", [id]);
}

// ------------------------------------------------------------------ challenges

export interface ChallengeRow {
  id: string;
  document_id: string;
  code: string;
  area_code: string;
  number: number;
  category: string | null;
  name: string;
  content: string;
  background: string;
  approach_heading: string;
  approach: string;
  analysis_note: string | null;
  analysis_year: number | null;
  owner_organisation_id: string | null;
  owner_organisation_name: string | null;
  sort_order: number;
  version: number;
  updated_at: Date;
  progress_count: number;
  latest: ProgressRow | null;
}

interface ProgressRow {
  id: string;
  as_of: string;
  as_of_label: string;
  body: string;
  status: string | null;
  author_label: string;
  created_at: Date | string;
}

export function toProgressEntry(row: ProgressRow): ProgressEntry {
  return {
    id: row.id,
    asOf: row.as_of,
    asOfLabel: row.as_of_label,
    text: row.body,
    status: row.status,
    authorLabel: row.author_label,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export function toChallengeSummary(row: ChallengeRow): ChallengeSummary {
  return {
    id: row.id,
    documentId: row.document_id,
    code: row.code,
    areaCode: row.area_code,
    number: row.number,
    category: row.category,
    name: row.name,
    ownerOrganisationId: row.owner_organisation_id,
    ownerOrganisationName: row.owner_organisation_name,
    analysisYear: row.analysis_year,
    latestProgress: row.latest ? toProgressEntry(row.latest) : null,
    progressCount: row.progress_count,
  };
}

// The latest entry: newest 時点, and for the same 時点 the newest correction.
const CHALLENGE_SELECT = `
  SELECT c.*, o.name AS owner_organisation_name,
    (SELECT count(*)::int FROM policy_progress_entries p WHERE p.challenge_id = c.id) AS progress_count,
    (SELECT to_jsonb(p) FROM (SELECT id, as_of::text AS as_of, as_of_label, body, status, author_label, created_at
        FROM policy_progress_entries WHERE challenge_id = c.id ORDER BY as_of DESC, created_at DESC LIMIT 1) p) AS latest
  FROM policy_challenges c LEFT JOIN organisations o ON o.id = c.owner_organisation_id`;

export interface ChallengeFilter {
  documentId?: string;
  documentIds?: string[];
  area?: string;
  category?: string;
  status?: string;
  ownerOrganisationId?: string;
  q?: string;
}

const SORTS = {
  code: "c.area_code, c.number",
  name: "c.name",
  category: "c.category",
  owner: "owner_organisation_name",
  latestAsOf: "(latest->>'as_of')",
  status: "(SELECT sort_order FROM policy_statuses s WHERE s.label = latest->>'status')",
} as const;

function challengeWhere(filter: ChallengeFilter): { clause: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll("?", `$${params.length}`));
  };
  if (filter.documentId) add("c.document_id = ?", filter.documentId);
  if (filter.documentIds) add("c.document_id = ANY(?::uuid[])", filter.documentIds);
  if (filter.area) add("c.area_code = ?", filter.area);
  if (filter.category) add("c.category = ?", filter.category);
  if (filter.ownerOrganisationId) add("c.owner_organisation_id = ?", filter.ownerOrganisationId);
  if (filter.q) add("(c.name ILIKE ? OR c.content ILIKE ? OR c.code ILIKE ?)", `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  return { clause: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

export async function findChallenges(
  db: Queryable,
  filter: ChallengeFilter,
  paging: { sort: keyof typeof SORTS; order: "asc" | "desc"; page: number; pageSize: number },
): Promise<{ rows: ChallengeRow[]; total: number }> {
  const { clause, params } = challengeWhere(filter);
  // The status filter applies to the latest entry, so it wraps the select.
  const statusParam = filter.status ? `$${params.length + 1}` : null;
  const inner = `SELECT * FROM (${CHALLENGE_SELECT} ${clause}) x ${statusParam ? `WHERE latest->>'status' = ${statusParam}` : ""}`;
  const allParams = statusParam ? [...params, filter.status] : params;
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${inner}) t`, allParams);
  const direction = paging.order === "desc" ? "DESC" : "ASC";
  const sort = SORTS[paging.sort]
    .replaceAll("c.", "")
    .split(", ")
    .map((column) => `${column} ${direction} NULLS LAST`)
    .join(", ");
  const { rows } = await db.query<ChallengeRow>(
    `${inner} ORDER BY ${sort}, area_code, number LIMIT ${paging.pageSize} OFFSET ${(paging.page - 1) * paging.pageSize}`,
    allParams,
  );
  return { rows, total: total.rows[0].n };
}

export async function findDocumentChallenges(db: Queryable, documentId: string): Promise<ChallengeRow[]> {
  const { rows } = await db.query<ChallengeRow>(
    `${CHALLENGE_SELECT} WHERE c.document_id = $1 ORDER BY c.sort_order, c.area_code, c.number`,
    [documentId],
  );
  return rows;
}

export async function findChallenge(db: Queryable, id: string): Promise<ChallengeRow | null> {
  const { rows } = await db.query<ChallengeRow>(`${CHALLENGE_SELECT} WHERE c.id = $1`, [id]);
  return rows[0] ?? null;
}

export interface ChallengeFields {
  code: string;
  areaCode: string;
  number: number;
  category: string | null;
  name: string;
  content: string;
  background: string;
  approachHeading: string;
  approach: string;
  analysisNote: string | null;
  analysisYear: number | null;
}

/** Inserts or updates a challenge by its code within the document; returns its id. */
export async function upsertChallenge(
  tx: Queryable,
  documentId: string,
  fields: ChallengeFields,
  sortOrder: number,
  ownerOrganisationId?: string | null,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO policy_challenges (document_id, code, area_code, number, category, name, content, background, approach_heading,
       approach, analysis_note, analysis_year, sort_order, owner_organisation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
     ON CONFLICT (document_id, code) DO UPDATE SET area_code = EXCLUDED.area_code, number = EXCLUDED.number,
       category = EXCLUDED.category, name = EXCLUDED.name, content = EXCLUDED.content, background = EXCLUDED.background,
       approach_heading = EXCLUDED.approach_heading, approach = EXCLUDED.approach, analysis_note = EXCLUDED.analysis_note,
       analysis_year = EXCLUDED.analysis_year, sort_order = EXCLUDED.sort_order,
       owner_organisation_id = coalesce(EXCLUDED.owner_organisation_id, policy_challenges.owner_organisation_id),
       version = policy_challenges.version + 1, updated_at = now()
     RETURNING id`,
    [
      documentId,
      fields.code,
      fields.areaCode,
      fields.number,
      fields.category,
      fields.name,
      fields.content,
      fields.background,
      fields.approachHeading,
      fields.approach,
      fields.analysisNote,
      fields.analysisYear,
      sortOrder,
      ownerOrganisationId ?? null,
    ],
  );
  return rows[0].id;
}

export async function updateChallengeRow(
  tx: Queryable,
  id: string,
  expectedVersion: number,
  fields: Omit<ChallengeFields, "code" | "areaCode" | "number"> & { ownerOrganisationId: string | null },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE policy_challenges SET name = $3, content = $4, background = $5, approach_heading = $6, approach = $7,
       analysis_note = $8, analysis_year = $9, category = $10, owner_organisation_id = $11, version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2`,
    [
      id,
      expectedVersion,
      fields.name,
      fields.content,
      fields.background,
      fields.approachHeading,
      fields.approach,
      fields.analysisNote,
      fields.analysisYear,
      fields.category,
      fields.ownerOrganisationId,
    ],
  );
  return rowCount > 0;
}

/** Gives a challenge to the division that carries it (the demo data; the form goes through updateChallengeRow). */
export async function setChallengeOwner(tx: Queryable, id: string, ownerOrganisationId: string): Promise<void> {
  await tx.query("UPDATE policy_challenges SET owner_organisation_id = $2 WHERE id = $1", [id, ownerOrganisationId]);
}

// ------------------------------------------------------------------ progress

export async function findProgress(db: Queryable, challengeIds: string[]): Promise<(ProgressRow & { challenge_id: string })[]> {
  if (challengeIds.length === 0) return [];
  const { rows } = await db.query<ProgressRow & { challenge_id: string }>(
    `SELECT id, challenge_id, as_of::text AS as_of, as_of_label, body, status, author_label, created_at
       FROM policy_progress_entries WHERE challenge_id = ANY($1::uuid[]) ORDER BY as_of, created_at`,
    [challengeIds],
  );
  return rows;
}

/** The texts of a challenge's progress entries, oldest 時点 first (for the search index). */
export async function findProgressBodies(db: Queryable, challengeId: string): Promise<string[]> {
  const { rows } = await db.query<{ body: string }>("SELECT body FROM policy_progress_entries WHERE challenge_id = $1 ORDER BY as_of", [
    challengeId,
  ]);
  return rows.map((r) => r.body);
}

/** Adds an entry unless the same 時点 already holds the same text (re-importing a document adds nothing twice). */
export async function insertProgress(
  tx: Queryable,
  input: {
    challengeId: string;
    asOf: string;
    asOfLabel: string;
    text: string;
    status: string | null;
    authorUserId: string | null;
    authorLabel: string;
  },
): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO policy_progress_entries (challenge_id, as_of, as_of_label, body, status, author_user_id, author_label)
     SELECT $1, $2, $3, $4, $5, $6, $7
      WHERE NOT EXISTS (SELECT 1 FROM policy_progress_entries WHERE challenge_id = $1 AND as_of = $2 AND body = $4
        AND status IS NOT DISTINCT FROM $5)
     RETURNING id`,
    [input.challengeId, input.asOf, input.asOfLabel, input.text, input.status, input.authorUserId, input.authorLabel],
  );
  return rows[0]?.id ?? null;
}

// ------------------------------------------------------------------ statuses

export async function findStatuses(db: Queryable): Promise<PolicyStatus[]> {
  const { rows } = await db.query<{ label: string; sort_order: number; tone: PolicyStatus["tone"]; active: boolean }>(
    "SELECT * FROM policy_statuses ORDER BY sort_order, label",
  );
  return rows.map((row) => ({ label: row.label, sortOrder: row.sort_order, tone: row.tone, active: row.active }));
}

export async function saveStatusList(
  tx: Queryable,
  items: { label: string; tone: PolicyStatus["tone"]; active: boolean }[],
): Promise<void> {
  // Statuses already used by entries stay (deactivated if dropped from the list): history keeps its labels.
  await tx.query("UPDATE policy_statuses SET active = false, sort_order = sort_order + 1000");
  for (const [index, item] of items.entries()) {
    await tx.query(
      `INSERT INTO policy_statuses (label, sort_order, tone, active) VALUES ($1, $2, $3, $4)
       ON CONFLICT (label) DO UPDATE SET sort_order = EXCLUDED.sort_order, tone = EXCLUDED.tone, active = EXCLUDED.active`,
      [item.label, index + 1, item.tone, item.active],
    );
  }
  await tx.query(
    "DELETE FROM policy_statuses s WHERE s.sort_order > 1000 AND NOT EXISTS (SELECT 1 FROM policy_progress_entries p WHERE p.status = s.label)",
  );
}
