// SQL of the 経営分析 sample data (sample-data.ts): rows written straight into the tables of 0025_analysis.sql, every
// one marked is_sample. The loader passes organisation ids already looked up (null when the sample city lacks them).
import type { Queryable } from "../../db/database";

export async function hasAnalysisSubjects(db: Queryable): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM analysis_subjects LIMIT 1");
  return (rowCount ?? 0) > 0;
}

export interface SampleSubjectRow {
  name: string;
  shortName: string;
  role: "subject" | "peer";
  kind: string;
  isAffiliatedBody: boolean;
  leadOrganisationId: string | null;
  cityStakePercent: number | null;
  cityRole: string;
  purpose: string;
  foundedYear: number | null;
  analysisFiscalYear: number | null;
  location: string;
  linkedSource: string | null;
  note: string;
}

export async function insertSampleSubject(tx: Queryable, s: SampleSubjectRow): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO analysis_subjects (name, short_name, role, kind, is_affiliated_body, lead_organisation_id, city_stake_percent,
                                    city_role, purpose, founded_year, analysis_fiscal_year, location, linked_source, note, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, true) RETURNING id`,
    [
      s.name,
      s.shortName,
      s.role,
      s.kind,
      s.isAffiliatedBody,
      s.leadOrganisationId,
      s.cityStakePercent,
      s.cityRole,
      s.purpose,
      s.foundedYear,
      s.analysisFiscalYear,
      s.location,
      s.linkedSource,
      s.note,
    ],
  );
  return rows[0].id;
}

export async function insertSamplePeerLink(tx: Queryable, subjectId: string, peerId: string): Promise<void> {
  await tx.query("INSERT INTO analysis_subject_peers (subject_id, peer_id) VALUES ($1, $2)", [subjectId, peerId]);
}

/** One subject's figures, all at once: { item, fiscalYear, value } rows. */
export async function insertSampleFigures(
  tx: Queryable,
  subjectId: string,
  figures: readonly { item: string; fiscalYear: number; value: number }[],
): Promise<void> {
  if (figures.length === 0) return;
  await tx.query(
    `INSERT INTO analysis_figures (subject_id, fiscal_year, item, value, is_sample)
     SELECT $1, f.fiscal_year, f.item, f.value, true
       FROM jsonb_to_recordset($2::jsonb) AS f(fiscal_year integer, item text, value numeric)`,
    [subjectId, JSON.stringify(figures.map((f) => ({ fiscal_year: f.fiscalYear, item: f.item, value: f.value })))],
  );
}

export interface SampleMeasureRow {
  name: string;
  unit: string;
  linkedFigure: string | null;
  isCostBasis: boolean;
  sortOrder: number;
}

export async function insertSampleMeasure(tx: Queryable, subjectId: string, m: SampleMeasureRow): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO analysis_measures (subject_id, name, unit, linked_figure, is_cost_basis, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [subjectId, m.name, m.unit, m.linkedFigure, m.isCostBasis, m.sortOrder],
  );
  return rows[0].id;
}

export async function insertSampleMeasureValues(
  tx: Queryable,
  measureId: string,
  values: readonly { fiscalYear: number; value: number }[],
): Promise<void> {
  if (values.length === 0) return;
  await tx.query(
    `INSERT INTO analysis_measure_values (measure_id, fiscal_year, value, is_sample)
     SELECT $1, v.fiscal_year, v.value, true FROM jsonb_to_recordset($2::jsonb) AS v(fiscal_year integer, value numeric)`,
    [measureId, JSON.stringify(values.map((v) => ({ fiscal_year: v.fiscalYear, value: v.value })))],
  );
}

export interface SampleFacilityRow {
  name: string;
  builtYear: number;
  floorAreaM2: number | null;
  lastRenovatedYear: number | null;
  note: string;
  sortOrder: number;
}

export async function insertSampleFacility(tx: Queryable, subjectId: string, f: SampleFacilityRow): Promise<void> {
  await tx.query(
    `INSERT INTO analysis_facilities (subject_id, name, built_year, floor_area_m2, last_renovated_year, note, is_sample, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6, true, $7)`,
    [subjectId, f.name, f.builtYear, f.floorAreaM2, f.lastRenovatedYear, f.note, f.sortOrder],
  );
}

export interface SampleReviewRow {
  subjectId: string;
  fiscalYear: number;
  summary: string;
  status: "draft" | "decided";
  chosenOption: string | null;
  decision: string;
  decidedOn: string | null;
  decidedBy: string;
}

export async function insertSampleReview(tx: Queryable, r: SampleReviewRow): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO analysis_reviews (subject_id, fiscal_year, summary, status, chosen_option, decision, decided_on, decided_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true) RETURNING id`,
    [r.subjectId, r.fiscalYear, r.summary, r.status, r.chosenOption, r.decision, r.decidedOn, r.decidedBy],
  );
  return rows[0].id;
}

export async function insertSampleFinding(
  tx: Queryable,
  reviewId: string,
  f: { viewpoint: string; body: string; assessment: string | null; indicators: string[]; sortOrder: number },
): Promise<void> {
  await tx.query(
    `INSERT INTO analysis_findings (review_id, viewpoint, body, assessment, indicators, sort_order)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
    [reviewId, f.viewpoint, f.body, f.assessment, JSON.stringify(f.indicators), f.sortOrder],
  );
}

export async function insertSampleOption(tx: Queryable, reviewId: string, option: string, assessment: string): Promise<void> {
  await tx.query("INSERT INTO analysis_options (review_id, option, assessment) VALUES ($1, $2, $3)", [reviewId, option, assessment]);
}

export interface SampleActionRow {
  title: string;
  detail: string;
  ownerOrganisationId: string | null;
  ownerName: string;
  dueOn: string | null;
  status: "open" | "done";
  doneOn: string | null;
  result: string;
  sortOrder: number;
}

export async function insertSampleAction(tx: Queryable, reviewId: string, a: SampleActionRow): Promise<void> {
  await tx.query(
    `INSERT INTO analysis_actions (review_id, title, detail, owner_organisation_id, owner_name, due_on, status, done_on, result, is_sample, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, true, $10)`,
    [reviewId, a.title, a.detail, a.ownerOrganisationId, a.ownerName, a.dueOn, a.status, a.doneOn, a.result, a.sortOrder],
  );
}
