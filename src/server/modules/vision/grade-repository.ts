// SQL of the vision core's grade rules (評価基準, versioned) and the grades a round stores with the rule they used.
import { type GradeRule, withRuleDefaults } from "../../../common/vision/grading";
import type { Queryable } from "../../db/database";
import { OBSERVATION_COLUMNS, type ObservationRow } from "./indicator-repository";
import { jsonColumns, jsonRows, rowFrom } from "./json-rows-repository";

// ------------------------------------------------------------------ grade rules

export interface RuleRow {
  id: string;
  name: string;
  rule: GradeRule;
  is_current: boolean;
  created_by_label: string | null;
  created_at: Date;
}

const RULE_SELECT = `SELECT r.id, r.name, r.rule, r.is_current, u.display_name AS created_by_label, r.created_at
  FROM vision_grade_rules r LEFT JOIN users u ON u.id = r.created_by`;

// A version restored from a backup made before 「前年度の値」 was a choice reads as it graded (withRuleDefaults).
const ruleRow = (row: RuleRow): RuleRow => ({ ...row, rule: withRuleDefaults(row.rule) });

export async function findRules(db: Queryable): Promise<RuleRow[]> {
  const { rows } = await db.query<RuleRow>(`${RULE_SELECT} ORDER BY r.created_at DESC, r.id`);
  return rows.map(ruleRow);
}

export async function findRule(db: Queryable, id: string): Promise<RuleRow | null> {
  const { rows } = await db.query<RuleRow>(`${RULE_SELECT} WHERE r.id = $1`, [id]);
  return rows[0] ? ruleRow(rows[0]) : null;
}

export async function findCurrentRule(db: Queryable): Promise<RuleRow | null> {
  const { rows } = await db.query<RuleRow>(`${RULE_SELECT} WHERE r.is_current`);
  return rows[0] ? ruleRow(rows[0]) : null;
}

/** Adds `rule` as the current version unless one exists (the first start's default). */
export async function insertRuleIfNone(db: Queryable, name: string, rule: GradeRule): Promise<void> {
  await db.query(
    `INSERT INTO vision_grade_rules (name, rule, is_current)
     SELECT $1, $2::jsonb, true WHERE NOT EXISTS (SELECT 1 FROM vision_grade_rules WHERE is_current)
     ON CONFLICT (is_current) WHERE is_current DO NOTHING`,
    [name, JSON.stringify(rule)],
  );
}

/** A new version becomes current; the old ones stay, unchanged, for the grades made with them. */
export async function insertCurrentRule(db: Queryable, name: string, rule: GradeRule, createdBy: string | null): Promise<string> {
  await db.query("UPDATE vision_grade_rules SET is_current = false WHERE is_current");
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO vision_grade_rules (name, rule, is_current, created_by) VALUES ($1, $2::jsonb, true, $3) RETURNING id",
    [name, JSON.stringify(rule), createdBy],
  );
  return rows[0].id;
}

// ------------------------------------------------------------------ grades

export type ResultKind = "graded" | "status" | "excluded" | "ungradable";

export interface GradeRow {
  round_id: string;
  indicator_id: string;
  actual_id: string | null;
  rule_id: string;
  result_kind: ResultKind;
  grade: string | null;
  achievement: number | null;
  explanation: { formula: string; text: string; [key: string]: unknown };
  computed_at: Date;
}

type StoredGrade = Omit<GradeRow, "round_id" | "computed_at"> & { computed_at: string };

const GRADE_COLUMNS = jsonColumns<StoredGrade & { actual: unknown[] | null }>({
  indicator_id: "g.indicator_id",
  actual_id: "g.actual_id",
  rule_id: "g.rule_id",
  result_kind: "g.result_kind",
  grade: "g.grade",
  achievement: "g.achievement",
  explanation: "g.explanation",
  computed_at: "g.computed_at",
  // the actual the grade was made from, as an array of OBSERVATION_COLUMNS' items (null: none)
  actual: `CASE WHEN a.id IS NULL THEN NULL ELSE json_build_array(${OBSERVATION_COLUMNS.keys.map((k) => `a.${k}`).join(", ")}) END`,
});

/** A round's grades, each with the actual it was made from (not today's newest: a closed round keeps what it used). */
export async function findRoundGrades(db: Queryable, roundId: string): Promise<{ grades: GradeRow[]; observations: ObservationRow[] }> {
  const rows = await jsonRows(
    db,
    GRADE_COLUMNS,
    `SELECT ${GRADE_COLUMNS.select} FROM vision_grades g LEFT JOIN vision_actuals a ON a.id = g.actual_id WHERE g.round_id = $1`,
    [roundId],
  );
  const grades: GradeRow[] = [];
  const observations: ObservationRow[] = [];
  for (const { actual, computed_at, ...grade } of rows) {
    grades.push({ round_id: roundId, ...grade, computed_at: new Date(computed_at) });
    if (actual) observations.push(rowFrom(OBSERVATION_COLUMNS, actual));
  }
  return { grades, observations };
}

export interface GradeInput {
  indicatorId: string;
  actualId: string | null;
  resultKind: ResultKind;
  grade: string | null;
  achievement: number | null;
  explanation: unknown;
}

const GRADE_INPUT = `jsonb_to_recordset($3::jsonb)
  AS t (indicator_id uuid, actual_id uuid, result_kind text, grade text, achievement numeric, explanation jsonb)`;

// A grade that comes out as it was stored is left as it is (computed_at included: when the grade last changed), so a
// recompute after one value changed rewrites that grade, not the round's 5,000.
const UPSERT = `INSERT INTO vision_grades (round_id, indicator_id, actual_id, rule_id, result_kind, grade, achievement, explanation, computed_at)
  SELECT $1, t.indicator_id, t.actual_id, $2, t.result_kind, t.grade, t.achievement, t.explanation, now() FROM input t
  ON CONFLICT (round_id, indicator_id) DO UPDATE SET actual_id = EXCLUDED.actual_id, rule_id = EXCLUDED.rule_id,
    result_kind = EXCLUDED.result_kind, grade = EXCLUDED.grade, achievement = EXCLUDED.achievement,
    explanation = EXCLUDED.explanation, computed_at = EXCLUDED.computed_at
  WHERE (vision_grades.actual_id, vision_grades.rule_id, vision_grades.result_kind, vision_grades.grade,
         vision_grades.achievement, vision_grades.explanation)
    IS DISTINCT FROM (EXCLUDED.actual_id, EXCLUDED.rule_id, EXCLUDED.result_kind, EXCLUDED.grade, EXCLUDED.achievement,
         EXCLUDED.explanation)`;

/**
 * The grades as one JSON parameter rather than six arrays: the drivers quote every array element in JavaScript (the
 * explanations twice over, JSON inside an array literal), JSON.stringify is native. The achievement goes as its text,
 * as it went in the array.
 */
function gradesJson(grades: readonly GradeInput[]): string {
  return JSON.stringify(
    grades.map((g) => ({
      indicator_id: g.indicatorId,
      actual_id: g.actualId,
      result_kind: g.resultKind,
      grade: g.grade,
      achievement: g.achievement === null ? null : String(g.achievement),
      explanation: g.explanation,
    })),
  );
}

/** Writes (or replaces) these grades of a round in one statement, all with the same rule version. */
export async function upsertGrades(db: Queryable, roundId: string, ruleId: string, grades: GradeInput[]): Promise<void> {
  if (grades.length === 0) return;
  await db.query(`WITH input AS (SELECT * FROM ${GRADE_INPUT}) ${UPSERT}`, [roundId, ruleId, gradesJson(grades)]);
}

/**
 * The round's grades become these, in one statement: each is written (or replaced), and the grades of indicators not
 * among them (no longer in the plan's tree) are dropped.
 */
export async function replaceRoundGrades(db: Queryable, roundId: string, ruleId: string, grades: GradeInput[]): Promise<void> {
  // The DELETE sees the table as it was before the statement: it only drops the grades of indicators left out.
  await db.query(
    `WITH input AS (SELECT * FROM ${GRADE_INPUT}), written AS (${UPSERT})
     DELETE FROM vision_grades WHERE round_id = $1 AND indicator_id NOT IN (SELECT indicator_id FROM input)`,
    [roundId, ruleId, gradesJson(grades)],
  );
}
