// SQL of the vision core's indicators (KPI) and their actual values (実績値).
import type { Exclusion, StatusRating } from "../../../common/vision/grading";
import type { Queryable } from "../../db/database";
import { jsonColumns, jsonRows, rowFrom } from "./json-rows-repository";
import { NODE_OWNER, ORG_BUREAU } from "./plan-repository";

// ------------------------------------------------------------------ indicators

export interface IndicatorRow {
  id: string;
  node_id: string;
  plan_id: string;
  code: string;
  name: string;
  unit: string;
  kind: "活動指標" | "成果指標";
  direction: "higher" | "lower";
  rating_mode: "numeric" | "status";
  baseline_value: number | null;
  baseline_date: string | null;
  target_value: number | null;
  target_fiscal_year: number | null;
  data_source: string;
  exclusion: Exclusion | null;
  owner_organisation_id: string | null;
  owner_organisation_name: string | null;
  /** the indicator's own owner, else its node's (inherited down the tree) */
  effective_owner_id: string | null;
  effective_owner_name: string | null;
  /** the 局 of the effective owner */
  owner_bureau_id: string | null;
  weight: number;
  sort_order: number;
  version: number;
  is_sample: boolean;
  latest: { fiscal_year: number; as_of: string; value: number | null; status_rating: StatusRating | null } | null;
}

export interface IndicatorFilter {
  planId?: string;
  ids?: string[];
  codes?: string[];
  nodeId?: string;
  q?: string;
}

export async function findIndicators(db: Queryable, filter: IndicatorFilter): Promise<IndicatorRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll("?", `$${params.length}`));
  };
  if (filter.planId) add("n.plan_id = ?", filter.planId);
  if (filter.ids) add("i.id = ANY(?::uuid[])", filter.ids);
  if (filter.codes) add("i.code = ANY(?::text[])", filter.codes);
  if (filter.nodeId) add("i.node_id = ?", filter.nodeId);
  if (filter.q) add("(i.name ILIKE ? OR i.code ILIKE ?)", `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`);
  const { rows } = await db.query<IndicatorRow>(
    `WITH RECURSIVE ${NODE_OWNER}, ${ORG_BUREAU}
     SELECT i.id, i.node_id, n.plan_id, i.code, i.name, i.unit, i.kind, i.direction, i.rating_mode, i.baseline_value,
       i.baseline_date, i.target_value, i.target_fiscal_year, i.data_source, i.exclusion, i.owner_organisation_id,
       io.name AS owner_organisation_name, coalesce(i.owner_organisation_id, no.owner_id) AS effective_owner_id,
       eo.name AS effective_owner_name, ob.bureau_id AS owner_bureau_id, i.weight, i.sort_order, i.version, i.is_sample,
       (SELECT jsonb_build_object('fiscal_year', a.fiscal_year, 'as_of', a.as_of::text, 'value', a.value,
                 'status_rating', a.status_rating)
          FROM vision_actuals a WHERE a.indicator_id = i.id
          ORDER BY a.fiscal_year DESC, a.as_of DESC, a.created_at DESC LIMIT 1) AS latest
     FROM vision_indicators i
     JOIN vision_nodes n ON n.id = i.node_id
     JOIN node_owner no ON no.id = i.node_id
     LEFT JOIN organisations io ON io.id = i.owner_organisation_id
     LEFT JOIN organisations eo ON eo.id = coalesce(i.owner_organisation_id, no.owner_id)
     LEFT JOIN org_bureau ob ON ob.org_id = coalesce(i.owner_organisation_id, no.owner_id)
     ${where.length ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY n.sort_order, i.sort_order, i.code`,
    params,
  );
  return rows;
}

export async function findIndicator(db: Queryable, id: string): Promise<IndicatorRow | null> {
  return (await findIndicators(db, { ids: [id] }))[0] ?? null;
}

/** What grading reads of an indicator (grades.ts forGrading, observationOf). */
export type GradingIndicatorRow = Pick<
  IndicatorRow,
  "id" | "direction" | "rating_mode" | "baseline_value" | "baseline_date" | "target_value" | "target_fiscal_year" | "exclusion"
>;

/** An indicator as a round grades it, rolls it up (node, weight) and lists it on the grade pages. */
export type RoundIndicatorRow = GradingIndicatorRow & Pick<IndicatorRow, "node_id" | "code" | "name" | "unit" | "kind" | "weight">;

const ROUND_INDICATOR_COLUMNS = jsonColumns<RoundIndicatorRow>({
  id: "i.id",
  node_id: "i.node_id",
  code: "i.code",
  name: "i.name",
  unit: "i.unit",
  kind: "i.kind",
  direction: "i.direction",
  rating_mode: "i.rating_mode",
  baseline_value: "i.baseline_value",
  baseline_date: "i.baseline_date",
  target_value: "i.target_value",
  target_fiscal_year: "i.target_fiscal_year",
  exclusion: "i.exclusion",
  weight: "i.weight",
});

/**
 * The indicators of a plan (or those of `ids` in it) as findIndicators lists them, with what a round needs only
 * (findIndicators' node_owner join left out: it drops no indicator, every node's parents leading up to the vision).
 */
export async function findRoundIndicators(db: Queryable, filter: { planId: string; ids?: string[] }): Promise<RoundIndicatorRow[]> {
  return jsonRows(
    db,
    ROUND_INDICATOR_COLUMNS,
    `SELECT ${ROUND_INDICATOR_COLUMNS.select}
     FROM vision_indicators i
     JOIN vision_nodes n ON n.id = i.node_id
     WHERE n.plan_id = $1 AND ($2::uuid[] IS NULL OR i.id = ANY($2::uuid[]))
     ORDER BY n.sort_order, i.sort_order, i.code`,
    [filter.planId, filter.ids ?? null],
  );
}

export interface IndicatorInput {
  code: string;
  name: string;
  unit: string;
  kind: "活動指標" | "成果指標";
  direction: "higher" | "lower";
  ratingMode: "numeric" | "status";
  baselineValue: number | null;
  baselineDate: string | null;
  targetValue: number | null;
  targetFiscalYear: number | null;
  dataSource: string;
  exclusion: Exclusion | null;
  ownerOrganisationId: string | null;
  weight: number;
  sortOrder: number;
}

const indicatorParams = (input: IndicatorInput) => [
  input.code,
  input.name,
  input.unit,
  input.kind,
  input.direction,
  input.ratingMode,
  input.baselineValue,
  input.baselineDate,
  input.targetValue,
  input.targetFiscalYear,
  input.dataSource,
  input.exclusion,
  input.ownerOrganisationId,
  input.weight,
  input.sortOrder,
];

export async function insertIndicator(db: Queryable, nodeId: string, input: IndicatorInput, isSample = false): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO vision_indicators (code, name, unit, kind, direction, rating_mode, baseline_value, baseline_date, target_value,
       target_fiscal_year, data_source, exclusion, owner_organisation_id, weight, sort_order, node_id, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17) RETURNING id`,
    [...indicatorParams(input), nodeId, isSample],
  );
  return rows[0].id;
}

export async function updateIndicator(db: Queryable, id: string, version: number, nodeId: string, input: IndicatorInput): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE vision_indicators SET code = $1, name = $2, unit = $3, kind = $4, direction = $5, rating_mode = $6,
       baseline_value = $7, baseline_date = $8, target_value = $9, target_fiscal_year = $10, data_source = $11, exclusion = $12,
       owner_organisation_id = $13, weight = $14, sort_order = $15, node_id = $16, version = version + 1, updated_at = now()
     WHERE id = $17 AND version = $18`,
    [...indicatorParams(input), nodeId, id, version],
  );
  return rowCount > 0;
}

export async function indicatorCodeTaken(db: Queryable, code: string, exceptId: string | null): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM vision_indicators WHERE code = $1 AND id IS DISTINCT FROM $2", [code, exceptId]);
  return rowCount > 0;
}

// ------------------------------------------------------------------ actual values

/**
 * Which actual is "the latest" (`va` = vision_actuals): the newest as-of date, and of two values for one date the one
 * entered last. A value entered later for an earlier date (a corrected quarter) never replaces a newer figure. The
 * round's grading (findRoundGradingRows, within the round's 年度), the council's report (findRoundReportRows) and
 * the KPI report (report-repository.ts) pick the value of an ungraded indicator by this order.
 */
export const LATEST_ACTUAL_ORDER = "va.as_of DESC, va.created_at DESC";

export interface ActualRow {
  id: string;
  indicator_id: string;
  fiscal_year: number;
  as_of: string;
  value: number | null;
  status_rating: StatusRating | null;
  note: string;
  entered_by_label: string;
  created_at: Date;
}

export interface ActualInput {
  indicatorId: string;
  fiscalYear: number;
  asOf: string;
  value: number | null;
  statusRating: StatusRating | null;
  note: string;
}

export async function findActuals(db: Queryable, indicatorIds: string[]): Promise<ActualRow[]> {
  if (indicatorIds.length === 0) return [];
  const { rows } = await db.query<ActualRow>(
    `SELECT id, indicator_id, fiscal_year, as_of::text AS as_of, value, status_rating, note, entered_by_label, created_at
     FROM vision_actuals WHERE indicator_id = ANY($1::uuid[])
     ORDER BY indicator_id, fiscal_year DESC, as_of DESC, created_at DESC, id`,
    [indicatorIds],
  );
  return rows;
}

/** Inserts many values in one statement (a bulk import of thousands of rows stays one round trip). */
export async function insertActuals(
  db: Queryable,
  inputs: ActualInput[],
  enteredBy: { userId: string | null; label: string },
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO vision_actuals (indicator_id, fiscal_year, as_of, value, status_rating, note, entered_by, entered_by_label)
     SELECT t.indicator_id, t.fiscal_year, t.as_of, t.value, t.status_rating, t.note, $7, $8
     FROM unnest($1::uuid[], $2::int[], $3::date[], $4::numeric[], $5::text[], $6::text[])
       AS t (indicator_id, fiscal_year, as_of, value, status_rating, note)
     RETURNING id`,
    [
      inputs.map((a) => a.indicatorId),
      inputs.map((a) => a.fiscalYear),
      inputs.map((a) => a.asOf),
      inputs.map((a) => a.value),
      inputs.map((a) => a.statusRating),
      inputs.map((a) => a.note),
      enteredBy.userId,
      enteredBy.label,
    ],
  );
  return rows.map((r) => r.id);
}

/** What a grade reads of an actual value: the value, its 年度 and date (grades.ts observationOf). */
export type ObservationRow = Pick<ActualRow, "id" | "indicator_id" | "fiscal_year" | "as_of" | "value" | "status_rating">;

/** The columns of an ObservationRow from vision_actuals `a`. */
export const OBSERVATION_COLUMNS = jsonColumns<ObservationRow>({
  id: "a.id",
  indicator_id: "a.indicator_id",
  fiscal_year: "a.fiscal_year",
  as_of: "a.as_of",
  value: "a.value",
  status_rating: "a.status_rating",
});

/** An indicator of a round with the actual it is graded on (null: none as of the round's date). */
export interface GradingRow {
  indicator: GradingIndicatorRow;
  actual: ObservationRow | null;
}

/** An actual of `a` as an array of OBSERVATION_COLUMNS' items. */
const observationArray = (a: string) => `json_build_array(${OBSERVATION_COLUMNS.keys.map((k) => `${a}.${k}`).join(", ")})`;

const GRADING_COLUMNS = jsonColumns<GradingIndicatorRow & { actual: unknown[] | null }>({
  id: "i.id",
  direction: "i.direction",
  rating_mode: "i.rating_mode",
  baseline_value: "i.baseline_value",
  baseline_date: "i.baseline_date",
  target_value: "i.target_value",
  target_fiscal_year: "i.target_fiscal_year",
  exclusion: "i.exclusion",
  // the value of the round's own 年度 (o), else the newest earlier one (e); null: none
  actual: `CASE WHEN o.id IS NOT NULL THEN ${observationArray("o")} WHEN e.id IS NOT NULL THEN ${observationArray("e")} END`,
});

/**
 * The indicators of a plan (or those of `indicatorIds` in it) as findIndicators lists them, each with the actual it
 * is graded on in a round: the newest value of the round's fiscal year as of the round's date, else the newest value
 * of any year as of that date.
 *
 * In two steps, because nearly every indicator has a value of the round's 年度: those values alone are sorted for
 * the newest (a few thousand rows, where sorting all of the plan's values took most of the read), and only an
 * indicator without one looks up its earlier values (by the vision_actuals_current index). The node_owner join of
 * findIndicators is left out: it drops no indicator, every node's parents leading up to the plan's vision node.
 */
export async function findRoundGradingRows(
  db: Queryable,
  round: { planId: string; fiscalYear: number; asOf: string },
  indicatorIds: string[] | null,
): Promise<GradingRow[]> {
  const rows = await jsonRows(
    db,
    GRADING_COLUMNS,
    `WITH own AS (
       SELECT DISTINCT ON (a.indicator_id) a.id, a.indicator_id, a.fiscal_year, a.as_of, a.value, a.status_rating
       FROM vision_actuals a
       WHERE a.fiscal_year = $2 AND a.as_of <= $3::date AND ($4::uuid[] IS NULL OR a.indicator_id = ANY($4::uuid[]))
       ORDER BY a.indicator_id, a.as_of DESC, a.created_at DESC
     )
     SELECT ${GRADING_COLUMNS.select}
     FROM vision_indicators i
     JOIN vision_nodes n ON n.id = i.node_id
     LEFT JOIN own o ON o.indicator_id = i.id
     LEFT JOIN LATERAL (
       SELECT a.id, a.indicator_id, a.fiscal_year, a.as_of, a.value, a.status_rating
       FROM vision_actuals a
       WHERE o.id IS NULL AND a.indicator_id = i.id AND a.as_of <= $3::date
       ORDER BY a.as_of DESC, a.fiscal_year DESC, a.created_at DESC
       LIMIT 1
     ) e ON true
     WHERE n.plan_id = $1 AND ($4::uuid[] IS NULL OR i.id = ANY($4::uuid[]))
     ORDER BY n.sort_order, i.sort_order, i.code`,
    [round.planId, round.fiscalYear, round.asOf, indicatorIds],
  );
  return rows.map(({ actual, ...indicator }) => ({ indicator, actual: actual ? rowFrom(OBSERVATION_COLUMNS, actual) : null }));
}

// ------------------------------------------------------------------ reads for the engagement features (re-exported from core.ts)

export interface IndicatorLabel {
  id: string;
  plan_id: string;
  code: string;
  name: string;
  unit: string;
  rating_mode: "numeric" | "status";
}

/** Indicators by id, or all of a plan, with the plan they belong to; by code. */
export async function findIndicatorLabels(db: Queryable, filter: { ids?: readonly string[]; planId?: string }): Promise<IndicatorLabel[]> {
  if (filter.ids && filter.ids.length === 0) return [];
  const { rows } = await db.query<IndicatorLabel>(
    `SELECT i.id, n.plan_id, i.code, i.name, i.unit, i.rating_mode FROM vision_indicators i JOIN vision_nodes n ON n.id = i.node_id
     WHERE ($1::uuid[] IS NULL OR i.id = ANY($1::uuid[])) AND ($2::uuid IS NULL OR n.plan_id = $2) ORDER BY i.code`,
    [filter.ids ? [...new Set(filter.ids)] : null, filter.planId ?? null],
  );
  return rows;
}

/** The indicator's latest value of a fiscal year (null when none). */
export async function findLatestActualValue(db: Queryable, indicatorId: string, fiscalYear: number): Promise<number | null> {
  const { rows } = await db.query<{ value: number | null }>(
    "SELECT value FROM vision_actuals WHERE indicator_id = $1 AND fiscal_year = $2 ORDER BY as_of DESC, created_at DESC LIMIT 1",
    [indicatorId, fiscalYear],
  );
  return rows[0]?.value ?? null;
}
