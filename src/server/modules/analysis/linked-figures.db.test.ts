// THE must-show: the SDGsステーション's consultation count in its analysis (figures and indicators) is the sdgs module's
// own count for the year (stationStatistics, through its index) and follows a consultation added through the sdgs
// module's own service (its HTTP route). Linked figures are read, never stored, and cannot be typed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { internationalYearFigures } from "../international";
import { setSdgsOwner, stationStatistics } from "../sdgs";
import { setAnalysisOwner } from "./access";
import { subjectIndicators } from "./indicator-service";

let t: TestApp;
let manager: TestClient;
let viewer: TestClient;
let stationId: string;
let programmesId: string;
let bureauId: string;
const measureIds: Record<string, string> = {};

const FY = 2025;

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  bureauId = city.bureau.id;
  await setAnalysisOwner(t.db, city.bureau.id);
  await setSdgsOwner(t.db, city.bureau.id);
  const user = await buildUser(t.db, { role: "editor", organisationId: city.bureau.id });
  manager = await t.login(user.loginId, TEST_PASSWORD);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  const s = await t.db.query<{ id: string }>(
    `INSERT INTO analysis_subjects (name, role, kind, analysis_fiscal_year, linked_source)
     VALUES ('SDGsステーション', 'subject', 'programme', 2024, 'sdgs.station') RETURNING id`,
  );
  stationId = s.rows[0]!.id;
  // the linked measures as the subject part makes them
  for (const [key, name, unit, basis] of [
    ["sdgs.consultations", "相談件数", "件", true],
    ["sdgs.matchings_requested", "マッチング依頼件数", "件", false],
    ["sdgs.matchings_made", "マッチング成立件数", "件", true],
  ] as const) {
    const m = await t.db.query<{ id: string }>(
      "INSERT INTO analysis_measures (subject_id, name, unit, linked_figure, is_cost_basis) VALUES ($1, $2, $3, $4, $5) RETURNING id",
      [stationId, name, unit, key, basis],
    );
    measureIds[key] = m.rows[0]!.id;
  }
  const p = await t.db.query<{ id: string }>(
    `INSERT INTO analysis_subjects (name, role, kind, analysis_fiscal_year, linked_source)
     VALUES ('国際関連事業', 'subject', 'network', 2025, 'international.programmes') RETURNING id`,
  );
  programmesId = p.rows[0]!.id;
}, 120_000);
afterAll(() => t?.cleanup());

const consultation = (day: string) => ({
  consultedOn: day,
  channel: "visit",
  clientKind: "organisation",
  clientLabel: "テスト協議会",
  topic: "certification",
  sdgGoals: [13],
  summary: "認証制度の説明",
  outcome: "answered",
  followUp: "",
});

const consultationsIn = async (fy: number): Promise<{ value: number; source: string } | undefined> => {
  const view = (await viewer.get(`/api/analysis/subjects/${stationId}/figures`)).body;
  const year = view.years.find((y: { fiscalYear: number }) => y.fiscalYear === fy);
  const found = year?.measures.find((m: { measureId: string }) => m.measureId === measureIds["sdgs.consultations"]);
  return found && { value: found.value, source: found.source };
};

describe("the SDGsステーション's figures come from the sdgs module", () => {
  it("shows the sdgs module's own consultation count for the year, and follows a consultation added there", async () => {
    for (const day of ["2025-05-12", "2025-11-04"])
      expect((await manager.post("/api/sdgs/station/consultations", consultation(day))).status).toBe(200);
    // a consultation of the next fiscal year does not count in 2025
    expect((await manager.post("/api/sdgs/station/consultations", consultation("2026-04-02"))).status).toBe(200);
    expect((await manager.put(`/api/sdgs/station/costs/${FY}`, { costYen: 9_000_000, note: "" })).status).toBe(200);

    const own = await stationStatistics(t.db, FY);
    expect(own.consultations).toBe(2);
    expect(await consultationsIn(FY)).toEqual({ value: own.consultations, source: "linked" });

    const costKey = `cost_per:${measureIds["sdgs.consultations"]}`;
    const before = await subjectIndicators(t.db, stationId, { from: FY, to: FY });
    const costPer = before.indicators.find((i) => i.key === costKey);
    expect(costPer?.series).toEqual([{ fiscalYear: FY, value: 9_000_000 / own.consultations }]);
    expect(before.sources).toEqual(
      expect.arrayContaining([
        { item: "expense.unitemised", label: "経費（内訳なし）", source: "linked", sourceLabel: expect.stringContaining("SDGsモジュール") },
        { item: "相談件数", label: "相談件数（件）", source: "linked", sourceLabel: expect.stringContaining("SDGsモジュール") },
      ]),
    );

    expect((await manager.post("/api/sdgs/station/consultations", consultation("2026-02-20"))).status).toBe(200);
    const after = await stationStatistics(t.db, FY);
    expect(after.consultations).toBe(3);
    expect(await consultationsIn(FY)).toEqual({ value: 3, source: "linked" });
    const indicatorsAfter = (await viewer.get(`/api/analysis/subjects/${stationId}/indicators?from=${FY}&to=${FY}`)).body;
    expect(indicatorsAfter.indicators.find((i: { key: string }) => i.key === costKey).series[0].value).toBe(3_000_000);

    // never stored here
    const stored = await t.db.query("SELECT 1 FROM analysis_measure_values WHERE measure_id = ANY($1::uuid[])", [
      Object.values(measureIds),
    ]);
    expect(stored.rowCount).toBe(0);
  });

  it("counts a year only when the station has data for it", async () => {
    const view = (await viewer.get(`/api/analysis/subjects/${stationId}/figures`)).body;
    expect(view.years.map((y: { fiscalYear: number }) => y.fiscalYear)).toEqual([2026, 2025]);
    expect(view.linkedYearsRule).toContain("年間経費");
    // 2026 has a consultation but no cost: the cost is missing, not 0
    const y2026 = view.years.find((y: { fiscalYear: number }) => y.fiscalYear === 2026);
    expect(y2026.items).toEqual([]);
  });

  it("refuses to have a linked figure typed", async () => {
    const typed = await manager.put(`/api/analysis/subjects/${stationId}/figures/${FY}`, {
      stamp: "",
      items: { "expense.unitemised": 1 },
      measures: {},
    });
    expect(typed.status).toBe(400);
    const measure = await manager.put(`/api/analysis/subjects/${stationId}/figures/${FY}`, {
      stamp: "",
      items: {},
      measures: { [measureIds["sdgs.consultations"] as string]: 99 },
    });
    expect(measure.status).toBe(400);
    // a figure the source does not provide can be entered beside the linked ones
    const own = await manager.put(`/api/analysis/subjects/${stationId}/figures/${FY}`, {
      stamp: "",
      items: { "staff.full_time": 3 },
      measures: {},
    });
    expect(own.status).toBe(200);
    expect(own.body.items).toEqual(
      expect.arrayContaining([
        { code: "staff.full_time", value: 3, source: "entered" },
        { code: "expense.unitemised", value: 9_000_000, source: "linked" },
      ]),
    );
  });
});

describe("the international programmes' figures come from the international module", () => {
  it("shows the module's projects, trips and 決算額 of each year that has a running project", async () => {
    const field = await t.db.query<{ id: string }>("INSERT INTO international_fields (name) VALUES ('経済') RETURNING id");
    const project = await t.db.query<{ id: string }>(
      `INSERT INTO international_projects (name, owner_organisation_id, field_id, status, first_fiscal_year, last_fiscal_year)
       VALUES ('環境協力', $1, $2, 'active', 2024, 2025) RETURNING id`,
      [bureauId, field.rows[0]!.id],
    );
    await t.db.query(
      "INSERT INTO international_project_years (project_id, fiscal_year, funding_source, budget, settled) VALUES ($1, 2024, 'general', 1000000, 800000)",
      [project.rows[0]!.id],
    );
    const own2024 = await internationalYearFigures(t.db, 2024);
    expect(own2024).toMatchObject({ projects: 1, budgetYen: 1_000_000, settledYen: 800_000, trips: 0 });
    expect((await internationalYearFigures(t.db, 2025)).settledYen).toBeNull();
    const view = (await viewer.get(`/api/analysis/subjects/${programmesId}/figures`)).body;
    const byYear = Object.fromEntries(view.years.map((y: { fiscalYear: number; items: unknown[] }) => [y.fiscalYear, y]));
    expect(Object.keys(byYear).sort()).toEqual(["2024", "2025"]);
    expect(byYear[2024].items).toEqual([{ code: "expense.unitemised", value: 800_000, source: "linked" }]);
    // 2025: the project runs but no 決算額 is entered: missing, not 0
    expect(byYear[2025].items).toEqual([]);
    const projects = view.measures.find((m: { linkedFigure: string }) => m.linkedFigure === "international.projects");
    expect(byYear[2024].measures).toEqual(expect.arrayContaining([{ measureId: projects.id, value: 1, source: "linked" }]));
  });
});
