// Test fixture of the comparison table and the report: subjects, peers, yearly figures, measures, facilities and
// analyses written straight into the module's tables (the tests check what the comparison and the report read, not
// how the other parts write).
import type { Queryable } from "../../db/database";

export interface SubjectSpec {
  name: string;
  role?: "subject" | "peer";
  kind?: string;
  affiliated?: boolean;
  lead?: string | null;
  year?: number | null;
  purpose?: string;
  cityRole?: string;
  stake?: number | null;
  founded?: number | null;
}

export async function insertSubject(db: Queryable, s: SubjectSpec): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO analysis_subjects (name, role, kind, is_affiliated_body, lead_organisation_id, analysis_fiscal_year,
                                    purpose, city_role, city_stake_percent, founded_year)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      s.name,
      s.role ?? "subject",
      s.kind ?? "programme",
      s.affiliated ?? false,
      s.lead ?? null,
      s.role === "peer" ? null : (s.year ?? null),
      s.purpose ?? "",
      s.cityRole ?? "",
      s.stake ?? null,
      s.founded ?? null,
    ],
  );
  return rows[0]!.id;
}

export async function linkPeer(db: Queryable, subjectId: string, peerId: string): Promise<void> {
  await db.query("INSERT INTO analysis_subject_peers (subject_id, peer_id) VALUES ($1, $2)", [subjectId, peerId]);
}

/** One year's figures: { "revenue.city_grant": 300, … } (an item left out is missing). */
export async function insertFigures(db: Queryable, subjectId: string, fiscalYear: number, items: Record<string, number>): Promise<void> {
  for (const [item, value] of Object.entries(items)) {
    await db.query("INSERT INTO analysis_figures (subject_id, fiscal_year, item, value) VALUES ($1, $2, $3, $4)", [
      subjectId,
      fiscalYear,
      item,
      value,
    ]);
  }
}

export async function insertMeasure(
  db: Queryable,
  subjectId: string,
  m: { name: string; unit: string; costBasis?: boolean; values?: Record<number, number> },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO analysis_measures (subject_id, name, unit, is_cost_basis) VALUES ($1, $2, $3, $4) RETURNING id",
    [subjectId, m.name, m.unit, m.costBasis ?? true],
  );
  const id = rows[0]!.id;
  for (const [year, value] of Object.entries(m.values ?? {})) {
    await db.query("INSERT INTO analysis_measure_values (measure_id, fiscal_year, value) VALUES ($1, $2, $3)", [id, Number(year), value]);
  }
  return id;
}

export async function insertFacility(db: Queryable, subjectId: string, name: string, builtYear: number): Promise<void> {
  await db.query("INSERT INTO analysis_facilities (subject_id, name, built_year) VALUES ($1, $2, $3)", [subjectId, name, builtYear]);
}

export interface ReviewSpec {
  subjectId: string;
  fiscalYear: number;
  summary?: string;
  decided?: { option: string; decision: string; on: string; by: string };
  findings?: { viewpoint: string; body: string; assessment: string | null; indicators?: string[] }[];
  options?: { option: string; assessment: string }[];
  actions?: { title: string; owner?: string | null; ownerName?: string; dueOn?: string | null; doneOn?: string | null; result?: string }[];
}

export async function insertReview(db: Queryable, r: ReviewSpec): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO analysis_reviews (subject_id, fiscal_year, summary, status, chosen_option, decision, decided_on, decided_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      r.subjectId,
      r.fiscalYear,
      r.summary ?? "",
      r.decided ? "decided" : "draft",
      r.decided?.option ?? null,
      r.decided?.decision ?? "",
      r.decided?.on ?? null,
      r.decided?.by ?? "",
    ],
  );
  const id = rows[0]!.id;
  for (const [i, f] of (r.findings ?? []).entries()) {
    await db.query(
      `INSERT INTO analysis_findings (review_id, viewpoint, body, assessment, indicators, sort_order)
       VALUES ($1, $2, $3, $4, $5::jsonb, $6)`,
      [id, f.viewpoint, f.body, f.assessment, JSON.stringify(f.indicators ?? []), i],
    );
  }
  for (const o of r.options ?? []) {
    await db.query("INSERT INTO analysis_options (review_id, option, assessment) VALUES ($1, $2, $3)", [id, o.option, o.assessment]);
  }
  for (const [i, a] of (r.actions ?? []).entries()) {
    await db.query(
      `INSERT INTO analysis_actions (review_id, title, owner_organisation_id, owner_name, due_on, status, done_on, result, sort_order)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [id, a.title, a.owner ?? null, a.ownerName ?? "", a.dueOn ?? null, a.doneOn ? "done" : "open", a.doneOn ?? null, a.result ?? "", i],
    );
  }
  return id;
}
