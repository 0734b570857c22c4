// The indicators of a subject from its stored figures: the default years run from its first to its last year with
// figures; a missing year stays missing in the series and the trend names it; peers' series come from their own
// figures, a peer with fewer years is named as missing in the standing, not counted as 0; cost per unit is compared on
// the peer's measure of the same name; the view answers over HTTP to every member of staff.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { setAnalysisOwner } from "./access";
import { subjectIndicators } from "./indicator-service";

let t: TestApp;
let manager: TestClient;
let viewer: TestClient;
let partner: TestClient;
const ids: Record<string, string> = {};

const subject = async (name: string, role: "subject" | "peer") => {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO analysis_subjects (name, role, kind, analysis_fiscal_year) VALUES ($1, $2, 'public_university', $3) RETURNING id`,
    [name, role, role === "subject" ? 2026 : null],
  );
  return rows[0]!.id;
};
const measure = async (subjectId: string) => {
  const { rows } = await t.db.query<{ id: string }>(
    "INSERT INTO analysis_measures (subject_id, name, unit, is_cost_basis) VALUES ($1, '学生数', '人', true) RETURNING id",
    [subjectId],
  );
  return rows[0]!.id;
};
const put = async (id: string, fy: number, items: Record<string, number>, measures: Record<string, number> = {}) => {
  const res = await manager.put(`/api/analysis/subjects/${id}/figures/${fy}`, { stamp: "", items, measures });
  expect(res.status).toBe(200);
};

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildCity(t.db);
  await setAnalysisOwner(t.db, city.bureau.id);
  const user = await buildUser(t.db, { role: "editor", organisationId: city.bureau.id });
  manager = await t.login(user.loginId, TEST_PASSWORD);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  partner = await t.login(city.partner.loginId, TEST_PASSWORD);
  ids.university = await subject("北九州テスト大学", "subject");
  ids.shortPeer = await subject("横浜テスト大学", "peer");
  ids.longPeer = await subject("大阪テスト大学", "peer");
  for (const peer of [ids.shortPeer, ids.longPeer])
    await t.db.query("INSERT INTO analysis_subject_peers (subject_id, peer_id) VALUES ($1, $2)", [ids.university, peer]);
  ids.students = await measure(ids.university);
  ids.peerStudents = await measure(ids.longPeer);

  const year = (city: number, own: number, expense: number) => ({
    "revenue.city_grant": city,
    "revenue.own_tuition": own,
    "expense.goods": expense,
  });
  await put(ids.university, 2021, year(300, 700, 1000), { [ids.students]: 100 });
  await put(ids.university, 2022, year(320, 680, 1000), { [ids.students]: 100 });
  // 2023 missing
  await put(ids.university, 2024, year(250, 750, 1200), { [ids.students]: 120 });
  await put(ids.shortPeer, 2024, year(400, 600, 900));
  await put(ids.longPeer, 2021, year(100, 900, 500), { [ids.peerStudents]: 50 });
  await put(ids.longPeer, 2024, year(100, 900, 600), { [ids.peerStudents]: 40 });
}, 120_000);
afterAll(() => t?.cleanup());

describe("subjectIndicators", () => {
  it("runs from the first to the last year with figures, a missing year as null, named in the trend", async () => {
    const view = await subjectIndicators(t.db, ids.university as string);
    expect(view).toMatchObject({ fromYear: 2021, toYear: 2024, standingYear: 2024 });
    const dependency = view.indicators.find((i) => i.key === "dependency")!;
    expect(dependency.series.map((p) => (p.value === null ? null : Math.round(p.value)))).toEqual([30, 32, null, 25]);
    expect(dependency.series[2]).toMatchObject({ fiscalYear: 2023, value: null, missing: "収入合計が未入力" });
    expect(dependency.trend).toMatchObject({ fromYear: 2021, toYear: 2024, direction: "down", missingYears: [2023] });
    expect(dependency.trend.change).toBeCloseTo(-5);
  });

  it("compares with the peers from their own figures, naming a peer without the year", async () => {
    const view = await subjectIndicators(t.db, ids.university as string, { standingYear: 2021 });
    const dependency = view.indicators.find((i) => i.key === "dependency")!;
    const shortPeer = dependency.peers.find((p) => p.id === ids.shortPeer)!;
    expect(shortPeer.series.map((p) => p.value)).toEqual([null, null, null, 40]);
    expect(dependency.standing).toMatchObject({
      fiscalYear: 2021,
      rankHighFirst: 1,
      of: 2,
      peersMissing: [{ id: ids.shortPeer, name: "横浜テスト大学", missing: "収入合計が未入力" }],
    });
    expect(dependency.standing?.median).toBeCloseTo(20);

    const in2024 = (await subjectIndicators(t.db, ids.university as string)).indicators.find((i) => i.key === "dependency")!;
    expect(in2024.standing).toMatchObject({ fiscalYear: 2024, rankHighFirst: 2, of: 3, peersMissing: [] });
  });

  it("compares cost per unit on the peer's measure of the same name, and names a peer without one", async () => {
    const view = await subjectIndicators(t.db, ids.university as string);
    const cost = view.indicators.find((i) => i.key === `cost_per:${ids.students}`)!;
    expect(cost.label).toBe("学生数1人あたりの経費");
    expect(cost.series.map((p) => p.value)).toEqual([10, 10, null, 10]);
    expect(cost.peers.find((p) => p.id === ids.longPeer)!.series.map((p) => p.value)).toEqual([10, null, null, 15]);
    expect(cost.standing).toMatchObject({
      rankHighFirst: 2,
      of: 2,
      peersMissing: [{ id: ids.shortPeer, missing: "同じ名前の活動指標がありません" }],
    });
  });

  it("names where each figure came from", async () => {
    const view = await subjectIndicators(t.db, ids.university as string);
    expect(view.sources).toEqual([
      { item: "revenue.city_grant", label: "運営費交付金（市）", source: "entered", sourceLabel: "入力" },
      { item: "revenue.own_tuition", label: "授業料", source: "entered", sourceLabel: "入力" },
      { item: "expense.goods", label: "物件費", source: "entered", sourceLabel: "入力" },
      { item: "学生数", label: "学生数（人）", source: "entered", sourceLabel: "入力" },
    ]);
  });

  it("falls back to the five years up to the analysis year when there are no figures", async () => {
    const empty = await subject("数値のない団体", "subject");
    const view = await subjectIndicators(t.db, empty);
    expect(view).toMatchObject({ fromYear: 2022, toYear: 2026, standingYear: 2026 });
    expect(view.indicators.every((i) => i.series.every((p) => p.value === null) && i.standing === null)).toBe(true);
  });
});

describe("GET /api/analysis/subjects/:id/indicators", () => {
  it("answers every member of staff with the years asked, and no one outside", async () => {
    const res = await viewer.get(`/api/analysis/subjects/${ids.university}/indicators?from=2022&to=2024&standingYear=2022`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ fromYear: 2022, toYear: 2024, standingYear: 2022 });
    expect((await partner.get(`/api/analysis/subjects/${ids.university}/indicators`)).status).toBe(403);
    expect((await viewer.get(`/api/analysis/subjects/${ids.university}/indicators?from=2025&to=2022`)).status).toBe(400);
    expect((await viewer.get("/api/analysis/subjects/00000000-0000-4000-8000-000000000000/indicators")).status).toBe(404);
  });
});
