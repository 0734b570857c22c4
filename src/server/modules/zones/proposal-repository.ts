// SQL of 特区の規制改革提案: proposals, their partners and regulations, the append-only step history and the documents.
// The service decides (permissions, the state machine, versions); this file only reads and writes rows.
import type { DocumentCategory, MeasureKind, MeasureScope, PartnerKind, ProposalField } from "../../../common/zones/proposal-fields";
import type { AnswerKind, ProposalState } from "../../../common/zones/proposal-states";
import type { Queryable } from "../../db/database";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface ProposalRow {
  id: string;
  title: string;
  field: ProposalField;
  summary: string;
  measure_scope: MeasureScope;
  measure_kind: MeasureKind;
  business_plan: string;
  necessity: string;
  research_notes: string;
  state: ProposalState;
  state_since: string;
  is_sample: boolean;
  version: number;
  created_by_name: string | null;
  created_at: Date;
  updated_at: Date;
  /** the first step's date */
  started_on: string | null;
  /** the 提案 step's date */
  proposed_on: string | null;
  /** the current step's round and answer (for its label) */
  current_round: number | null;
  current_answer: AnswerKind | null;
  partner_names: string[];
  ministries: string[];
}

const PROPOSAL_SELECT = `
  SELECT p.id, p.title, p.field, p.summary, p.measure_scope, p.measure_kind, p.business_plan, p.necessity, p.research_notes,
         p.state, p.state_since::text AS state_since, p.is_sample, p.version, u.display_name AS created_by_name, p.created_at,
         p.updated_at,
         (SELECT min(s.step_date)::text FROM zones_proposal_steps s WHERE s.proposal_id = p.id) AS started_on,
         (SELECT min(s.step_date)::text FROM zones_proposal_steps s WHERE s.proposal_id = p.id AND s.state = 'proposal') AS proposed_on,
         last.round AS current_round, last.answer AS current_answer,
         COALESCE((SELECT array_agg(pp.name ORDER BY pp.sort_order, pp.name) FROM zones_proposal_partners pp WHERE pp.proposal_id = p.id),
                  '{}') AS partner_names,
         COALESCE((SELECT array_agg(m.ministry ORDER BY m.first_order) FROM (
                     SELECT r.ministry, min(r.sort_order) AS first_order FROM zones_proposal_regulations r
                      WHERE r.proposal_id = p.id GROUP BY r.ministry) m), '{}') AS ministries
    FROM zones_proposals p
    LEFT JOIN users u ON u.id = p.created_by
    LEFT JOIN LATERAL (SELECT s.round, s.answer FROM zones_proposal_steps s WHERE s.proposal_id = p.id ORDER BY s.seq DESC LIMIT 1) last
      ON true`;

export interface ProposalFilter {
  state?: ProposalState | "active" | "ended";
  field?: ProposalField;
  q?: string;
  sort: "updated" | "title" | "state" | "stateSince" | "daysInState" | "proposedOn";
  order: "asc" | "desc";
}

const END_STATES_SQL = "('withdrawn', 'rejected', 'resolved')";
const STATE_ORDER_SQL = `array_position(ARRAY['research', 'consultation', 'proposal', 'request', 'answer', 're_request', 'wg_hearing',
  'policy', 'legal_measure', 'zone_plan', 'certification', 'implementation', 'evaluation', 'withdrawn', 'rejected', 'resolved'], p.state)`;

function whereOf(filter: Omit<ProposalFilter, "sort" | "order">): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (filter.state === "active") conditions.push(`p.state NOT IN ${END_STATES_SQL}`);
  else if (filter.state === "ended") conditions.push(`p.state IN ${END_STATES_SQL}`);
  else if (filter.state) {
    params.push(filter.state);
    conditions.push(`p.state = $${params.length}`);
  }
  if (filter.field) {
    params.push(filter.field);
    conditions.push(`p.field = $${params.length}`);
  }
  const words = (filter.q ?? "").split(/[\s　]+/).filter(Boolean);
  for (const word of words) {
    params.push(`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const n = params.length;
    conditions.push(`(p.title ILIKE $${n} OR p.summary ILIKE $${n}
      OR EXISTS (SELECT 1 FROM zones_proposal_partners pp WHERE pp.proposal_id = p.id AND pp.name ILIKE $${n})
      OR EXISTS (SELECT 1 FROM zones_proposal_regulations r WHERE r.proposal_id = p.id
                  AND (r.law ILIKE $${n} OR r.ministry ILIKE $${n} OR r.article ILIKE $${n})))`);
  }
  return { sql: conditions.length ? `WHERE ${conditions.join(" AND ")}` : "", params };
}

function orderOf(sort: ProposalFilter["sort"], order: "asc" | "desc"): string {
  const dir = order === "asc" ? "ASC" : "DESC";
  // days in the state grow as state_since goes back: the longest first is the oldest state_since first
  const inverse = order === "asc" ? "DESC" : "ASC";
  switch (sort) {
    case "title":
      return `p.title ${dir}, p.id`;
    case "state":
      return `${STATE_ORDER_SQL} ${dir}, p.state_since, p.id`;
    case "stateSince":
      return `p.state_since ${dir}, p.id`;
    case "daysInState":
      return `p.state_since ${inverse}, p.id`;
    case "proposedOn":
      return `proposed_on ${dir} NULLS LAST, p.id`;
    default:
      return `p.updated_at ${dir}, p.id`;
  }
}

export async function findProposals(
  db: Queryable,
  filter: ProposalFilter,
  page: { limit: number; offset: number } | null,
): Promise<{ rows: ProposalRow[]; total: number }> {
  const where = whereOf(filter);
  const params = [...where.params];
  let limit = "";
  if (page) {
    params.push(page.limit, page.offset);
    limit = `LIMIT $${params.length - 1} OFFSET $${params.length}`;
  }
  const { rows } = await db.query<ProposalRow>(
    `SELECT * FROM (${PROPOSAL_SELECT} ${where.sql}) p ORDER BY ${orderOf(filter.sort, filter.order)} ${limit}`,
    params,
  );
  const count = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM zones_proposals p ${where.sql}`, where.params);
  return { rows, total: count.rows[0]?.n ?? 0 };
}

export async function findProposal(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<ProposalRow | null> {
  if (!UUID.test(id)) return null;
  if (opts.forUpdate) await db.query("SELECT 1 FROM zones_proposals WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<ProposalRow>(`${PROPOSAL_SELECT} WHERE p.id = $1`, [id]);
  return rows[0] ?? null;
}

export async function findProposalTitle(db: Queryable, id: string): Promise<string | null> {
  if (!UUID.test(id)) return null;
  const { rows } = await db.query<{ title: string }>("SELECT title FROM zones_proposals WHERE id = $1", [id]);
  return rows[0]?.title ?? null;
}

export interface PartnerRow {
  id: string;
  name: string;
  kind: PartnerKind;
  role: string;
}

export async function findPartners(db: Queryable, proposalId: string): Promise<PartnerRow[]> {
  const { rows } = await db.query<PartnerRow>(
    "SELECT id, name, kind, role FROM zones_proposal_partners WHERE proposal_id = $1 ORDER BY sort_order, name",
    [proposalId],
  );
  return rows;
}

export interface RegulationRow {
  id: string;
  law: string;
  article: string;
  ministry: string;
  note: string;
}

export async function findRegulations(db: Queryable, proposalId: string): Promise<RegulationRow[]> {
  const { rows } = await db.query<RegulationRow>(
    "SELECT id, law, article, ministry, note FROM zones_proposal_regulations WHERE proposal_id = $1 ORDER BY sort_order, id",
    [proposalId],
  );
  return rows;
}

export interface StepRow {
  id: string;
  proposal_id: string;
  seq: number;
  state: ProposalState;
  step_date: string;
  round: number | null;
  answer: AnswerKind | null;
  skip_reason: string | null;
  note: string;
  recorded_by_name: string | null;
  recorded_at: Date;
}

export async function findSteps(db: Queryable, proposalIds: readonly string[]): Promise<StepRow[]> {
  if (proposalIds.length === 0) return [];
  const { rows } = await db.query<StepRow>(
    `SELECT s.id, s.proposal_id, s.seq, s.state, s.step_date::text AS step_date, s.round, s.answer, s.skip_reason, s.note,
            u.display_name AS recorded_by_name, s.recorded_at
       FROM zones_proposal_steps s LEFT JOIN users u ON u.id = s.recorded_by
      WHERE s.proposal_id = ANY($1::uuid[]) ORDER BY s.proposal_id, s.seq`,
    [proposalIds],
  );
  return rows;
}

export interface ProposalValues {
  title: string;
  field: ProposalField;
  summary: string;
  measureScope: MeasureScope;
  measureKind: MeasureKind;
  businessPlan: string;
  necessity: string;
  researchNotes: string;
}

export async function insertProposal(
  db: Queryable,
  values: ProposalValues & { state: ProposalState; stateSince: string; isSample: boolean; createdBy: string | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO zones_proposals (title, field, summary, measure_scope, measure_kind, business_plan, necessity, research_notes,
                                  state, state_since, is_sample, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      values.title,
      values.field,
      values.summary,
      values.measureScope,
      values.measureKind,
      values.businessPlan,
      values.necessity,
      values.researchNotes,
      values.state,
      values.stateSince,
      values.isSample,
      values.createdBy,
    ],
  );
  return rows[0]!.id;
}

/** Writes the fields when the version is still `version`; false when someone changed it meanwhile. */
export async function updateProposal(db: Queryable, id: string, version: number, values: ProposalValues): Promise<boolean> {
  const result = await db.query(
    `UPDATE zones_proposals
        SET title = $3, field = $4, summary = $5, measure_scope = $6, measure_kind = $7, business_plan = $8, necessity = $9,
            research_notes = $10, is_sample = false, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2`,
    [
      id,
      version,
      values.title,
      values.field,
      values.summary,
      values.measureScope,
      values.measureKind,
      values.businessPlan,
      values.necessity,
      values.researchNotes,
    ],
  );
  return (result.rowCount ?? 0) === 1;
}

/** Sets the current state when the version is still `version`; false when someone moved or edited it meanwhile. */
export async function setProposalState(db: Queryable, id: string, version: number, state: ProposalState, since: string): Promise<boolean> {
  const result = await db.query(
    `UPDATE zones_proposals SET state = $3, state_since = $4, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2`,
    [id, version, state, since],
  );
  return (result.rowCount ?? 0) === 1;
}

export async function replacePartners(
  db: Queryable,
  proposalId: string,
  partners: readonly { name: string; kind: PartnerKind; role: string }[],
): Promise<void> {
  await db.query("DELETE FROM zones_proposal_partners WHERE proposal_id = $1", [proposalId]);
  if (partners.length === 0) return;
  await db.query(
    `INSERT INTO zones_proposal_partners (proposal_id, name, kind, role, sort_order)
     SELECT $1, r.name, r.kind, r.role, r.ord::int FROM jsonb_to_recordset($2::jsonb) AS r(name text, kind text, role text, ord int)`,
    [proposalId, JSON.stringify(partners.map((p, i) => ({ ...p, ord: i + 1 })))],
  );
}

export async function replaceRegulations(
  db: Queryable,
  proposalId: string,
  regulations: readonly { law: string; article: string; ministry: string; note: string }[],
): Promise<void> {
  await db.query("DELETE FROM zones_proposal_regulations WHERE proposal_id = $1", [proposalId]);
  if (regulations.length === 0) return;
  await db.query(
    `INSERT INTO zones_proposal_regulations (proposal_id, law, article, ministry, note, sort_order)
     SELECT $1, r.law, r.article, r.ministry, r.note, r.ord FROM jsonb_to_recordset($2::jsonb)
         AS r(law text, article text, ministry text, note text, ord int)`,
    [proposalId, JSON.stringify(regulations.map((r, i) => ({ ...r, ord: i + 1 })))],
  );
}

export async function insertStep(
  db: Queryable,
  step: {
    proposalId: string;
    state: ProposalState;
    date: string;
    round: number | null;
    answer: AnswerKind | null;
    skipReason: string | null;
    note: string;
    recordedBy: string | null;
    isSample: boolean;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO zones_proposal_steps (proposal_id, seq, state, step_date, round, answer, skip_reason, note, recorded_by, is_sample)
     VALUES ($1, COALESCE((SELECT max(seq) FROM zones_proposal_steps WHERE proposal_id = $1), 0) + 1, $2, $3, $4, $5, $6, $7, $8, $9)
     RETURNING id`,
    [step.proposalId, step.state, step.date, step.round, step.answer, step.skipReason, step.note, step.recordedBy, step.isSample],
  );
  return rows[0]!.id;
}

export interface DocumentRow {
  file_id: string;
  name: string;
  mime_type: string;
  size_bytes: number;
  category: DocumentCategory;
  step_id: string | null;
  note: string;
  uploader_name: string | null;
  created_at: Date;
}

export async function findDocuments(db: Queryable, proposalId: string): Promise<DocumentRow[]> {
  const { rows } = await db.query<DocumentRow>(
    `SELECT d.file_id, f.name, f.mime_type, f.size_bytes::int AS size_bytes, d.category, d.step_id, d.note,
            u.display_name AS uploader_name, d.created_at
       FROM zones_proposal_documents d
       JOIN files f ON f.id = d.file_id
       LEFT JOIN users u ON u.id = f.created_by
      WHERE d.proposal_id = $1
      ORDER BY d.created_at, f.name`,
    [proposalId],
  );
  return rows;
}

export async function insertDocument(
  db: Queryable,
  doc: { fileId: string; proposalId: string; stepId: string | null; category: DocumentCategory; note: string; isSample: boolean },
): Promise<void> {
  await db.query(
    `INSERT INTO zones_proposal_documents (file_id, proposal_id, step_id, category, note, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [doc.fileId, doc.proposalId, doc.stepId, doc.category, doc.note, doc.isSample],
  );
}

/** Sample data: whether a proposal of this title exists already. */
export async function proposalExists(db: Queryable, title: string): Promise<boolean> {
  const { rows } = await db.query("SELECT 1 FROM zones_proposals WHERE title = $1", [title]);
  return rows.length > 0;
}

/** The proposer for the print: the city at the top of the bureau's organisation tree, and the bureau. */
export async function findProposerNames(db: Queryable, bureauId: string): Promise<{ city: string; bureau: string } | null> {
  const { rows } = await db.query<{ city: string; bureau: string }>(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id, name, 0 AS depth FROM organisations WHERE id = $1
       UNION ALL
       SELECT o.id, o.parent_id, o.name, up.depth + 1 FROM organisations o JOIN up ON o.id = up.parent_id WHERE up.depth < 20)
     SELECT (SELECT name FROM up ORDER BY depth DESC LIMIT 1) AS city, (SELECT name FROM up WHERE depth = 0) AS bureau`,
    [bureauId],
  );
  return rows[0]?.city ? rows[0] : null;
}
