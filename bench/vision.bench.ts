// vision.grade_rollup / vision.grade_rollup.db: grading and rolling up a 新ビジョン plan of 5,000 indicators × 10
// fiscal years (50,000 observations), the work a round recompute does for every year of a plan.
//
// The plan is generated from a seeded PRNG, so every run measures the same data: 1 vision, 3 strategies, 30 measures
// (施策), 300 projects (事業); 5,000 indicators, most on projects, some on measures and strategies; about 30% where
// lower is better, 8% rated by status (順調/一部遅れ…), 5% excluded (再掲, 数値目標対象外…), weights 1–3, weighted
// roll-ups on a third of the nodes; one actual per indicator and fiscal year FY2024–2033, 3% left blank (未評価).
//
// vision.grade_rollup (in memory): gradeIndicator for all 50,000 (indicator, year) observations against
// DEFAULT_GRADE_RULE, the tree rolled up with rollUp for each of the 10 years, and the grade counts per strategy
// (gradeCounts). No floor: there is no simpler program that computes the same grades; the time per observation is
// logged instead.
//
// vision.grade_rollup.db (PGlite in memory, the default database): the same plan loaded into the vision tables, one
// round per fiscal year (10 rounds); timed: the module's own path for each round — gradeRound (grades.ts, what 再計算
// and every value change run: the rule, the plan's indicators, each one's latest observation as of the round's date,
// grading, and the upsert of the round's 5,000 grades with their explanation jsonb) in a transaction per round, then
// loadRoundGrades (the grades read back and rolled up the tree with rollupPlan, as the round's grade page does).
// vision_grades is emptied before each run, outside the timing, so every run writes into the same empty table.
// (The module falls back to an earlier year's value when a year was left blank, so its counts differ a little from
// the in-memory bench's 未評価.)
// Floor: one INSERT … SELECT that writes the same 50,000 grade rows computed in SQL from the same latest actuals (a
// plain ratio, a CASE for the band and a one-key jsonb): the cheapest way the same volume of grades reaches the same
// table and indexes. What is left (value − floor) is moving the rows to JavaScript and back and the grading itself.
import {
  DEFAULT_GRADE_RULE,
  EXCLUSIONS,
  type Exclusion,
  fiscalYearEnd,
  type GradeResult,
  gradeCounts,
  gradeIndicator,
  type IndicatorForGrading,
  type Observation,
  type RollupMethod,
  type RollupNode,
  rollUp,
  STATUS_RATINGS,
} from "../src/common/vision/grading";
import type { Db, Queryable } from "../src/server/db/database";
import { gradeRound, loadRoundGrades, type PlanRollup } from "../src/server/modules/vision/grades";
import * as roundRepo from "../src/server/modules/vision/round-repository";
import { createTestDb, type TestDb } from "../src/server/testing/db";
import { type Bench, log, sample, timeIt } from "./harness";

const INDICATORS = 5_000;
const YEARS = Array.from({ length: 10 }, (_, i) => 2024 + i);
const STRATEGIES = 3;
const MEASURES_PER_STRATEGY = 10;
const PROJECTS_PER_MEASURE = 10;
const WRITE_BATCH = 5_000;
const rule = DEFAULT_GRADE_RULE;

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same plan. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface PlanNode {
  id: string;
  parentId: string | null;
  kind: "vision" | "strategy" | "measure" | "project";
  code: string;
  method: RollupMethod;
  weight: number;
}

interface PlanIndicator extends IndicatorForGrading {
  id: string;
  code: string;
  nodeId: string;
  ratingMode: "numeric" | "status";
  weight: number;
}

interface PlanActual extends Observation {
  indicatorId: string;
  fiscalYear: number;
}

interface Plan {
  nodes: PlanNode[];
  indicators: PlanIndicator[];
  /** one per indicator and year, absent for the blanks */
  actuals: PlanActual[];
}

/** uuid-shaped ids, so the same plan goes into the database as it is. */
const uuid = (prefix: number, n: number) => `00000000-0000-4000-8000-${String(prefix).padStart(2, "0")}${String(n).padStart(10, "0")}`;

function buildPlan(seed: number): Plan {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rand() * list.length)];
  const nodes: PlanNode[] = [];
  const node = (parentId: string | null, kind: PlanNode["kind"], code: string): PlanNode => {
    const n: PlanNode = {
      id: uuid(1, nodes.length),
      parentId,
      kind,
      code,
      method: rand() < 1 / 3 ? "weighted" : "average",
      weight: 1 + Math.floor(rand() * 3),
    };
    nodes.push(n);
    return n;
  };
  const vision = node(null, "vision", "V");
  const strategies = Array.from({ length: STRATEGIES }, (_, s) => node(vision.id, "strategy", `${s + 1}`));
  const measures = strategies.flatMap((s) =>
    Array.from({ length: MEASURES_PER_STRATEGY }, (_, m) => node(s.id, "measure", `${s.code}-${m + 1}`)),
  );
  const projects = measures.flatMap((m) =>
    Array.from({ length: PROJECTS_PER_MEASURE }, (_, p) => node(m.id, "project", `${m.code}-${p + 1}`)),
  );

  const indicators: PlanIndicator[] = [];
  const actuals: PlanActual[] = [];
  for (let i = 0; i < INDICATORS; i++) {
    // 85% on projects, 12% on measures, 3% on strategies
    const r = rand();
    const owner = r < 0.85 ? pick(projects) : r < 0.97 ? pick(measures) : pick(strategies);
    const direction = rand() < 0.3 ? "lower" : "higher";
    const ratingMode = rand() < 0.08 ? "status" : "numeric";
    const exclusion: Exclusion | null = rand() < 0.05 ? pick(EXCLUSIONS) : null;
    const baselineValue = Math.round(100 + rand() * 10_000);
    const change = baselineValue * (0.1 + rand() * 0.9);
    const targetValue = Math.round(direction === "higher" ? baselineValue + change : Math.max(0, baselineValue - change));
    const indicator: PlanIndicator = {
      id: uuid(2, i),
      code: `K${String(i).padStart(5, "0")}`,
      nodeId: owner.id,
      direction,
      ratingMode,
      baselineValue,
      baselineDate: rand() < 0.5 ? "2023-03-31" : "2024-03-31",
      targetValue,
      targetFiscalYear: 2028 + Math.floor(rand() * 6),
      exclusion,
      weight: 1 + Math.floor(rand() * 3),
    };
    indicators.push(indicator);
    for (const fiscalYear of YEARS) {
      if (rand() < 0.03) continue; // not entered: 未評価
      const asOf = fiscalYearEnd(fiscalYear);
      if (ratingMode === "status") {
        actuals.push({ indicatorId: indicator.id, fiscalYear, asOf, value: null, status: pick(STATUS_RATINGS) });
        continue;
      }
      // somewhere between 40% and 150% of the way the plan expected by then
      const elapsed = Math.min(1, (fiscalYear - 2023) / (indicator.targetFiscalYear - 2023));
      const value = baselineValue + (targetValue - baselineValue) * elapsed * (0.4 + rand() * 1.1);
      actuals.push({ indicatorId: indicator.id, fiscalYear, asOf, value: Math.round(value * 10) / 10, status: null });
    }
  }
  return { nodes, indicators, actuals };
}

// ------------------------------------------------------------------ the recompute (in memory)

interface YearResult {
  fiscalYear: number;
  grades: Map<string, GradeResult>;
  vision: number | null;
  countsByStrategy: Map<string, Record<string, number>>;
}

/** Roll-up input of one year: every node with its indicators' achievements, children in place. */
function rollupTree(plan: Plan, grades: Map<string, GradeResult>): RollupNode {
  const byId = new Map<string, RollupNode>();
  for (const n of plan.nodes) byId.set(n.id, { id: n.id, method: n.method, weight: n.weight, indicators: [], children: [] });
  let root: RollupNode | null = null;
  for (const n of plan.nodes) {
    const node = byId.get(n.id) as RollupNode;
    if (n.parentId) byId.get(n.parentId)?.children.push(node);
    else root = node;
  }
  for (const indicator of plan.indicators) {
    const grade = grades.get(indicator.id);
    const achievement = grade && (grade.kind === "graded" || grade.kind === "status") ? grade.achievement : null;
    byId.get(indicator.nodeId)?.indicators.push({ achievement, weight: indicator.weight });
  }
  if (!root) throw new Error("the plan has no vision node");
  return root;
}

/** The strategy each indicator counts under (its own node's nearest strategy ancestor). */
function strategyOfIndicators(plan: Plan): Map<string, string> {
  const byId = new Map(plan.nodes.map((n) => [n.id, n]));
  const strategyOf = (nodeId: string): string => {
    let node = byId.get(nodeId);
    while (node && node.kind !== "strategy") node = node.parentId ? byId.get(node.parentId) : undefined;
    return node?.id ?? "";
  };
  return new Map(plan.indicators.map((i) => [i.id, strategyOf(i.nodeId)]));
}

function recompute(plan: Plan, actualsByYear: Map<number, Map<string, Observation>>, strategyOf: Map<string, string>): YearResult[] {
  return YEARS.map((fiscalYear) => {
    const observed = actualsByYear.get(fiscalYear) ?? new Map<string, Observation>();
    const grades = new Map<string, GradeResult>();
    for (const indicator of plan.indicators) grades.set(indicator.id, gradeIndicator(indicator, observed.get(indicator.id) ?? null, rule));
    const vision = rollUp(rollupTree(plan, grades), rule).achievement;
    const perStrategy = new Map<string, GradeResult[]>();
    for (const [id, grade] of grades) {
      const strategy = strategyOf.get(id) ?? "";
      const list = perStrategy.get(strategy) ?? [];
      list.push(grade);
      perStrategy.set(strategy, list);
    }
    const countsByStrategy = new Map([...perStrategy].map(([s, list]) => [s, gradeCounts(list)]));
    return { fiscalYear, grades, vision, countsByStrategy };
  });
}

function actualsByYear(actuals: PlanActual[]): Map<number, Map<string, Observation>> {
  const byYear = new Map<number, Map<string, Observation>>();
  for (const a of actuals) {
    const year = byYear.get(a.fiscalYear) ?? new Map<string, Observation>();
    year.set(a.indicatorId, { asOf: a.asOf, value: a.value, status: a.status });
    byYear.set(a.fiscalYear, year);
  }
  return byYear;
}

function describeResults(results: YearResult[]): string {
  const total: Record<string, number> = {};
  for (const r of results)
    for (const counts of r.countsByStrategy.values()) for (const [k, n] of Object.entries(counts)) total[k] = (total[k] ?? 0) + n;
  const graded = Object.values(total).reduce((a, b) => a + b, 0);
  if (graded !== INDICATORS * YEARS.length) throw new Error(`expected ${INDICATORS * YEARS.length} grades, counted ${graded}`);
  const visions = results.map((r) => (r.vision === null ? "–" : r.vision.toFixed(1))).join(" ");
  return `${graded} grades: ${Object.entries(total)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ")}; vision roll-up by year ${visions}`;
}

let cachedPlan: Plan | null = null;
const plan = () => {
  cachedPlan ??= buildPlan(20240331);
  return cachedPlan;
};

// ------------------------------------------------------------------ database

const ROUND_ID = (fy: number) => uuid(3, fy);
const RULE_ID = uuid(4, 1);
const PLAN_ID = uuid(5, 1);

async function insertJson(db: Queryable, sql: string, rows: unknown[]): Promise<void> {
  for (let start = 0; start < rows.length; start += WRITE_BATCH)
    await db.query(sql, [JSON.stringify(rows.slice(start, start + WRITE_BATCH))]);
}

/** A fresh in-memory PGlite (createTestDb), whatever kind an earlier bench in this process asked for. */
async function pgliteDb(): Promise<TestDb> {
  const kind = process.env.TEST_DB_KIND;
  process.env.TEST_DB_KIND = "pglite";
  try {
    return await createTestDb();
  } finally {
    if (kind === undefined) delete process.env.TEST_DB_KIND;
    else process.env.TEST_DB_KIND = kind;
  }
}

async function loadPlan(db: Db, p: Plan): Promise<void> {
  await db.query("INSERT INTO vision_grade_rules (id, name, rule, is_current) VALUES ($1, '北九州市の評価基準', $2, true)", [
    RULE_ID,
    JSON.stringify(rule),
  ]);
  await db.query("INSERT INTO vision_plans (id, name, first_fiscal_year, last_fiscal_year) VALUES ($1, 'ベンチ用ビジョン', 2024, 2033)", [
    PLAN_ID,
  ]);
  // parents before children: the nodes are generated in that order
  for (const n of p.nodes)
    await db.query(
      `INSERT INTO vision_nodes (id, plan_id, parent_id, kind, code, title, rollup_method, weight) VALUES ($1, $2, $3, $4, $5, $5, $6, $7)`,
      [n.id, PLAN_ID, n.parentId, n.kind, n.code, n.method, n.weight],
    );
  await insertJson(
    db,
    `INSERT INTO vision_indicators (id, node_id, code, name, kind, direction, rating_mode, baseline_value, baseline_date,
                                    target_value, target_fiscal_year, exclusion, weight)
     SELECT id, node_id, code, code, '成果指標', direction, rating_mode, baseline_value, baseline_date, target_value,
            target_fiscal_year, exclusion, weight
       FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, node_id uuid, code text, direction text, rating_mode text,
            baseline_value numeric, baseline_date date, target_value numeric, target_fiscal_year int, exclusion text, weight numeric)`,
    p.indicators.map((i) => ({
      id: i.id,
      node_id: i.nodeId,
      code: i.code,
      direction: i.direction,
      rating_mode: i.ratingMode,
      baseline_value: i.baselineValue,
      baseline_date: i.baselineDate,
      target_value: i.targetValue,
      target_fiscal_year: i.targetFiscalYear,
      exclusion: i.exclusion,
      weight: i.weight,
    })),
  );
  // each value once as a first draft and once corrected, so "the latest per indicator-year" has a history to skip
  const drafts = p.actuals.filter((_, n) => n % 5 === 0);
  for (const [rows, age] of [
    [drafts, "1 day"],
    [p.actuals, "0 days"],
  ] as const)
    await insertJson(
      db,
      `INSERT INTO vision_actuals (indicator_id, fiscal_year, as_of, value, status_rating, entered_by_label, created_at)
       SELECT indicator_id, fiscal_year, as_of, value, status_rating, 'ベンチ', now() - interval '${age}'
         FROM jsonb_to_recordset($1::jsonb) AS x(indicator_id uuid, fiscal_year int, as_of date, value numeric, status_rating text)`,
      rows.map((a) => ({ indicator_id: a.indicatorId, fiscal_year: a.fiscalYear, as_of: a.asOf, value: a.value, status_rating: a.status })),
    );
  for (const fy of YEARS)
    await db.query(
      `INSERT INTO vision_rounds (id, plan_id, name, fiscal_year, as_of, deadline, rule_id)
       VALUES ($1, $2, $3, $4, $5, $5, $6)`,
      [ROUND_ID(fy), PLAN_ID, `${fy}年度末`, fy, fiscalYearEnd(fy), RULE_ID],
    );
  await db.exec("ANALYZE");
}

interface RoundResult {
  fiscalYear: number;
  rollup: PlanRollup;
}

/**
 * The timed recompute against the database, through the module's own path: for each of the 10 rounds, gradeRound in
 * a transaction of its own (as 再計算 does: read the rule, the plan's indicators and each one's latest observation,
 * grade, upsert the grades), then loadRoundGrades (as the round's grade page does: read the grades back and roll the
 * tree up with rollupPlan).
 */
async function recomputeInDb(db: Db, phases?: Record<string, number>): Promise<RoundResult[]> {
  const results: RoundResult[] = [];
  let grading = 0;
  let rolling = 0;
  for (const fiscalYear of YEARS) {
    let mark = performance.now();
    await db.transaction((tx) => gradeRound(tx, ROUND_ID(fiscalYear)));
    grading += performance.now() - mark;
    mark = performance.now();
    const round = await roundRepo.findRound(db, ROUND_ID(fiscalYear));
    if (!round) throw new Error(`round ${fiscalYear} is missing`);
    results.push({ fiscalYear, rollup: (await loadRoundGrades(db, round)).rollup });
    rolling += performance.now() - mark;
  }
  if (phases) Object.assign(phases, { "gradeRound ×10": grading, "loadRoundGrades (roll-up) ×10": rolling });
  return results;
}

function describeRoundResults(results: RoundResult[]): string {
  const total: Record<string, number> = {};
  for (const r of results) for (const [k, n] of Object.entries(r.rollup.totals)) total[k] = (total[k] ?? 0) + n;
  const graded = Object.values(total).reduce((a, b) => a + b, 0);
  if (graded !== INDICATORS * YEARS.length) throw new Error(`expected ${INDICATORS * YEARS.length} grades, counted ${graded}`);
  const visions = results.map((r) => r.rollup.tree[0]?.achievement?.toFixed(1) ?? "–").join(" ");
  return `${graded} grades: ${Object.entries(total)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ")}; vision roll-up by year ${visions}`;
}

/** The floor: the same number of grade rows computed and written by one INSERT … SELECT. */
async function floorInDb(db: Db): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO vision_grades (round_id, indicator_id, actual_id, rule_id, result_kind, grade, achievement, explanation)
     SELECT r.id, i.id, a.id, '${RULE_ID}', CASE WHEN a.id IS NULL THEN 'ungradable' ELSE 'graded' END,
            CASE WHEN a.value IS NULL THEN NULL WHEN a.value >= i.target_value * 1.2 THEN 'A' WHEN a.value >= i.target_value THEN 'B'
                 WHEN a.value >= i.target_value * 0.7 THEN 'C' ELSE 'D' END,
            round(a.value / nullif(i.target_value, 0) * 100, 1),
            jsonb_build_object('actual', a.value)
       FROM vision_rounds r
       CROSS JOIN vision_indicators i
       LEFT JOIN LATERAL (
         SELECT va.id, va.value FROM vision_actuals va
          WHERE va.indicator_id = i.id AND va.fiscal_year = r.fiscal_year
          ORDER BY va.created_at DESC LIMIT 1
       ) a ON true
      WHERE r.plan_id = $1`,
    [PLAN_ID],
  );
  return rowCount;
}

async function emptyGrades(db: Db): Promise<void> {
  await db.query("DELETE FROM vision_grades");
}

export default [
  {
    name: "vision.grade_rollup",
    description:
      "新ビジョン 5,000指標 × 10年度（50,000件）の評価（gradeIndicator, 既定ルール）と施策体系の積み上げ（rollUp）を年度ごとに、戦略別の評価件数まで（メモリ上）; floor なし",
    async run() {
      const p = plan();
      const byYear = actualsByYear(p.actuals);
      const strategyOf = strategyOfIndicators(p);
      log(`${p.nodes.length} nodes, ${p.indicators.length} indicators, ${p.actuals.length} actuals`);
      log(describeResults(recompute(p, byYear, strategyOf)));
      const value = await timeIt(() => recompute(p, byYear, strategyOf), { warmup: 1, iterations: 5 });
      log(`${((value / (INDICATORS * YEARS.length)) * 1000).toFixed(2)} µs per observation`);
      return { value, unit: "ms" };
    },
  },
  {
    name: "vision.grade_rollup.db",
    description:
      "同じ 50,000件を PGlite（メモリ）で、モジュールの経路のまま: 10ラウンドそれぞれ gradeRound（実績値の読み出し・評価・評価結果5,000行の書き込み）と loadRoundGrades（読み戻して積み上げ）; floor: 同じ行数の評価を SQL で計算して1回の INSERT … SELECT で書く時間",
    async run() {
      const t = await pgliteDb();
      try {
        const started = performance.now();
        await loadPlan(t.db, plan());
        log(`loaded the plan into PGlite in ${((performance.now() - started) / 1000).toFixed(1)} s`);
        const phases: Record<string, number> = {};
        log(describeRoundResults(await recomputeInDb(t.db, phases)));
        log(
          `one run: ${Object.entries(phases)
            .map(([name, ms]) => `${name} ${ms.toFixed(0)} ms`)
            .join(", ")}`,
        );
        const written = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM vision_grades");
        if (written.rows[0].n !== INDICATORS * YEARS.length) throw new Error(`wrote ${written.rows[0].n} grades`);
        const value = await sample(
          async () => {
            await emptyGrades(t.db);
            const s = performance.now();
            await recomputeInDb(t.db);
            return performance.now() - s;
          },
          // the checked run above was the warm-up
          { warmup: 0, iterations: 3 },
        );
        const floor = await sample(
          async () => {
            await emptyGrades(t.db);
            const s = performance.now();
            const n = await floorInDb(t.db);
            const ms = performance.now() - s;
            if (n !== INDICATORS * YEARS.length) throw new Error(`the floor wrote ${n} rows`);
            return ms;
          },
          { warmup: 1, iterations: 3 },
        );
        return { value, unit: "ms", floor };
      } finally {
        await t.cleanup();
      }
    },
  },
] satisfies Bench[];
