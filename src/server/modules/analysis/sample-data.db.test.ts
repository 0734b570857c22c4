import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FigureItemCode } from "../../../common/analysis/figure-items";
import { costPerUnitKey, indicatorsOfYear, type SubjectFigures, type YearFigures } from "../../../common/analysis/indicators";
import type { Queryable } from "../../db/database";
import { loadDemoDataIfEmpty } from "../../demo";
import { createOrganisation, findOrganisationIdByCode } from "../../platform/admin/organisations";
import { createLogger } from "../../platform/logger";
import { createTestDb, type TestDb } from "../../testing/db";
import { loadAnalysisDemo } from "./demo";
import { loadAnalysisSamples } from "./sample-data";

const SAMPLE_TABLES = [
  "analysis_subjects",
  "analysis_figures",
  "analysis_measure_values",
  "analysis_facilities",
  "analysis_reviews",
  "analysis_actions",
];

async function countRows(db: Queryable): Promise<Record<string, { all: number; samples: number }>> {
  const out: Record<string, { all: number; samples: number }> = {};
  for (const table of SAMPLE_TABLES) {
    const { rows } = await db.query<{ all: number; samples: number }>(
      `SELECT count(*)::int AS all, count(*) FILTER (WHERE is_sample)::int AS samples FROM ${table}`,
    );
    out[table] = rows[0];
  }
  return out;
}

async function subjectId(db: Queryable, name: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>("SELECT id FROM analysis_subjects WHERE name = $1", [name]);
  if (!rows[0]) throw new Error(`no subject ${name}`);
  return rows[0].id;
}

/** A subject's figures as the indicators read them, straight from the tables. */
async function figuresOf(db: Queryable, id: string): Promise<SubjectFigures> {
  const figures = await db.query<{ fiscal_year: number; item: string; value: string }>(
    "SELECT fiscal_year, item, value FROM analysis_figures WHERE subject_id = $1",
    [id],
  );
  const measures = await db.query<{ id: string; name: string; unit: string; is_cost_basis: boolean }>(
    "SELECT id, name, unit, is_cost_basis FROM analysis_measures WHERE subject_id = $1",
    [id],
  );
  const values = await db.query<{ measure_id: string; fiscal_year: number; value: string }>(
    "SELECT v.measure_id, v.fiscal_year, v.value FROM analysis_measure_values v JOIN analysis_measures m ON m.id = v.measure_id WHERE m.subject_id = $1",
    [id],
  );
  const years = new Map<number, YearFigures>();
  const year = (fy: number) => years.get(fy) ?? (years.set(fy, { fiscalYear: fy, items: {}, measures: {} }).get(fy) as YearFigures);
  for (const f of figures.rows) year(f.fiscal_year).items[f.item as FigureItemCode] = Number(f.value);
  for (const v of values.rows) year(v.fiscal_year).measures[v.measure_id] = Number(v.value);
  return {
    years: [...years.values()],
    measures: measures.rows.map((m) => ({ id: m.id, name: m.name, unit: m.unit, isCostBasis: m.is_cost_basis })),
    facilities: [],
  };
}

describe("経営分析のサンプルデータ on the sample city", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    // the first start: the sample organisations, then this module's demo (as the module's manifest runs it)
    const analysisDemoOnly = { name: "analysis", label: "経営分析", demo: loadAnalysisDemo };
    expect(await loadDemoDataIfEmpty(t.db, createLogger("silent"), [analysisDemoOnly])).toBe(true);
  });
  afterAll(() => t.cleanup());

  it("loads the five subjects and their peers, every row marked sample, each with its lead division", async () => {
    const counts = await countRows(t.db);
    for (const table of SAMPLE_TABLES) {
      expect(counts[table].all, table).toBeGreaterThan(0);
      expect(counts[table].samples, table).toBe(counts[table].all);
    }
    const { rows } = await t.db.query<{ name: string; role: string; lead: string | null; fy: number | null }>(
      `SELECT s.name, s.role, o.code AS lead, s.analysis_fiscal_year AS fy
         FROM analysis_subjects s LEFT JOIN organisations o ON o.id = s.lead_organisation_id WHERE s.role = 'subject'`,
    );
    const byName = (a: { name: string }, b: { name: string }) => (a.name < b.name ? -1 : 1);
    expect(rows.sort(byName)).toEqual(
      [
        { name: "公立大学法人北九州市立大学", role: "subject", lead: "seisaku-gaikaku", fy: 2026 },
        { name: "公益財団法人アジア成長研究所", role: "subject", lead: "seisaku-gaikaku", fy: 2024 },
        { name: "公益財団法人北九州国際交流協会", role: "subject", lead: "seisaku-kokusai", fy: 2024 },
        { name: "北九州SDGsステーション", role: "subject", lead: "seisaku-sdgs", fy: 2024 },
        { name: "国際関係施策・海外ネットワーク", role: "subject", lead: "seisaku-kokusai", fy: 2025 },
      ].sort(byName),
    );
    const peers = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM analysis_subjects WHERE role = 'peer'");
    expect(peers.rows[0].n).toBeGreaterThanOrEqual(5);
  });

  it("gives the university a dependency on city money of about 30% in every year FY2019–FY2025, with rising 人件費", async () => {
    const figures = await figuresOf(t.db, await subjectId(t.db, "公立大学法人北九州市立大学"));
    expect(figures.years.map((y) => y.fiscalYear).sort()).toEqual([2019, 2020, 2021, 2022, 2023, 2024, 2025]);
    for (let fy = 2019; fy <= 2025; fy++) {
      const dependency = indicatorsOfYear(figures, fy).dependency.value;
      expect(dependency, String(fy)).toBeGreaterThan(28);
      expect(dependency, String(fy)).toBeLessThan(32);
    }
    const personnel = (fy: number) => figures.years.find((y) => y.fiscalYear === fy)?.items["expense.personnel"] ?? 0;
    expect(personnel(2025)).toBeGreaterThan(personnel(2019));
    const utilities = (fy: number) => indicatorsOfYear(figures, fy).utilities_ratio.value ?? 0;
    expect(utilities(2022)).toBeGreaterThan(utilities(2021));
  });

  it("gives the university's peers fewer years than the subject, one of them with a year missing (not 0)", async () => {
    const university = await subjectId(t.db, "公立大学法人北九州市立大学");
    const { rows } = await t.db.query<{ name: string; years: number[] }>(
      `SELECT p.name, array_agg(DISTINCT f.fiscal_year ORDER BY f.fiscal_year) AS years
         FROM analysis_subject_peers l JOIN analysis_subjects p ON p.id = l.peer_id JOIN analysis_figures f ON f.subject_id = p.id
        WHERE l.subject_id = $1 GROUP BY p.name ORDER BY p.name`,
      [university],
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
    for (const peer of rows) expect(peer.years.length, peer.name).toBeLessThan(7);
    const gap = rows.find((r) => r.name === "公立大学法人福岡女子大学");
    expect(gap?.years).toEqual([2020, 2021, 2023, 2024, 2025]);
  });

  it("types no figure of the linked subjects: their measures are the source's, with no values", async () => {
    for (const [name, source] of [
      ["北九州SDGsステーション", "sdgs"],
      ["国際関係施策・海外ネットワーク", "international"],
    ] as const) {
      const id = await subjectId(t.db, name);
      const typed = await t.db.query("SELECT 1 FROM analysis_figures WHERE subject_id = $1 AND item = 'expense.unitemised'", [id]);
      expect(typed.rowCount, name).toBe(0);
      const measures = await t.db.query<{ linked_figure: string | null; values: number }>(
        `SELECT m.linked_figure, (SELECT count(*)::int FROM analysis_measure_values v WHERE v.measure_id = m.id) AS values
           FROM analysis_measures m WHERE m.subject_id = $1`,
        [id],
      );
      expect(measures.rows.length, name).toBeGreaterThan(0);
      for (const m of measures.rows) {
        expect(m.linked_figure?.startsWith(`${source}.`), name).toBe(true);
        expect(m.values, name).toBe(0);
      }
    }
  });

  it("decides the FY2024 analyses, drafts FY2025's and leaves the university's FY2026 to be recorded", async () => {
    const { rows } = await t.db.query<{
      name: string;
      fiscal_year: number;
      status: string;
      chosen_option: string | null;
      decided_on: string | null;
    }>(
      `SELECT s.name, r.fiscal_year, r.status, r.chosen_option, to_char(r.decided_on, 'YYYY-MM-DD') AS decided_on
         FROM analysis_reviews r JOIN analysis_subjects s ON s.id = r.subject_id`,
    );
    const order = (a: { fiscal_year: number; name: string }, b: { fiscal_year: number; name: string }) =>
      a.fiscal_year - b.fiscal_year || (a.name < b.name ? -1 : 1);
    expect(rows.sort(order)).toEqual([
      { name: "公益財団法人アジア成長研究所", fiscal_year: 2024, status: "decided", chosen_option: "continue", decided_on: "2025-03-24" },
      { name: "公益財団法人北九州国際交流協会", fiscal_year: 2024, status: "decided", chosen_option: "continue", decided_on: "2025-03-24" },
      { name: "北九州SDGsステーション", fiscal_year: 2024, status: "decided", chosen_option: "revise", decided_on: "2025-03-24" },
      { name: "国際関係施策・海外ネットワーク", fiscal_year: 2025, status: "draft", chosen_option: null, decided_on: null },
    ]);
  });

  it("rests each decided analysis's findings on every viewpoint and on indicators the subject has", async () => {
    const { rows } = await t.db.query<{ subject_id: string; status: string; viewpoints: string[]; indicators: string[] }>(
      `SELECT r.subject_id, r.status, array_agg(DISTINCT f.viewpoint ORDER BY f.viewpoint) AS viewpoints,
              coalesce((SELECT array_agg(DISTINCT k) FROM analysis_findings g, jsonb_array_elements_text(g.indicators) k WHERE g.review_id = r.id), '{}') AS indicators
         FROM analysis_reviews r JOIN analysis_findings f ON f.review_id = r.id GROUP BY r.id`,
    );
    for (const review of rows) {
      if (review.status === "decided") expect(review.viewpoints).toEqual(["efficiency", "finance", "governance", "necessity", "role"]);
      const figures = await figuresOf(t.db, review.subject_id);
      const known = Object.keys(indicatorsOfYear(figures, 2024));
      for (const key of review.indicators) expect(known, key).toContain(key);
    }
    const station = await figuresOf(t.db, await subjectId(t.db, "北九州SDGsステーション"));
    const consultations = station.measures.find((m) => m.name === "相談件数");
    const cited = await t.db.query("SELECT 1 FROM analysis_findings WHERE indicators ? $1", [costPerUnitKey(consultations?.id ?? "none")]);
    expect(cited.rowCount).toBeGreaterThan(0);
  });

  it("tracks follow-up actions: some done in FY2025, some open, one past its due date", async () => {
    const { rows } = await t.db.query<{ done_fy2025: number; open: number; overdue: number; owned: number; all: number }>(
      `SELECT count(*) FILTER (WHERE status = 'done' AND done_on BETWEEN '2025-04-01' AND '2026-03-31')::int AS done_fy2025,
              count(*) FILTER (WHERE status = 'open')::int AS open,
              count(*) FILTER (WHERE status = 'open' AND due_on < '2026-12-01')::int AS overdue,
              count(owner_organisation_id)::int AS owned, count(*)::int AS all
         FROM analysis_actions`,
    );
    expect(rows[0].done_fy2025).toBeGreaterThanOrEqual(3);
    expect(rows[0].open).toBeGreaterThanOrEqual(3);
    expect(rows[0].overdue).toBe(1);
    expect(rows[0].owned).toBe(rows[0].all);
  });

  it("loads once: a second start adds nothing", async () => {
    const before = await countRows(t.db);
    await loadAnalysisSamples(t.db);
    expect(await countRows(t.db)).toEqual(before);
  });
});

describe("経営分析のサンプルデータ on a city without the sample organisations", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
  });
  afterAll(() => t.cleanup());

  it("loads the subjects, analyses and actions without a lead or owner division", async () => {
    await createOrganisation(t.db, { kind: "bureau", name: "総務局", code: "somu" });
    expect(await findOrganisationIdByCode(t.db, "seisaku-sdgs")).toBeNull();
    await loadAnalysisSamples(t.db);
    const counts = await countRows(t.db);
    for (const table of SAMPLE_TABLES) expect(counts[table].samples, table).toBeGreaterThan(0);
    const { rows } = await t.db.query<{ leads: number; owners: number }>(
      `SELECT (SELECT count(lead_organisation_id)::int FROM analysis_subjects) AS leads,
              (SELECT count(owner_organisation_id)::int FROM analysis_actions) AS owners`,
    );
    expect(rows[0]).toEqual({ leads: 0, owners: 0 });
  });
});
