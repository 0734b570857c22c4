// 国際の集計と地図 over HTTP: the totals per 分野 / 局 / 相手先 and the map's points, checked against figures worked out
// by hand on a small fixture written straight into the tables (see the comment of each expectation), including the
// fiscal-year boundary (a trip leaving on 31 March belongs to the year before; 1 April starts the new one).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { MapPoint, TotalsRow } from "../../../common/api/international";
import type { Queryable } from "../../db/database";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, buildOrganisation, TEST_PASSWORD } from "../../testing/factories";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let viewer: TestClient;
let editor: TestClient;
const ids: Record<string, string> = {};

async function insert(db: Queryable, sql: string, params: unknown[]): Promise<string> {
  const { rows } = await db.query<{ id: string }>(`${sql} RETURNING id`, params);
  return rows[0].id;
}

beforeAll(async () => {
  t = await createTestApp();
  const db = t.db;
  city = await buildCity(db);
  // 財政局 → 税務部 (a department) → 税制課: the 局 of 税制課 is two levels up; 財政課 is directly under 財政局
  const department = await buildOrganisation(db, { name: "税務部", kind: "department", parentId: city.otherBureau.id });
  const taxDivision = await buildOrganisation(db, { name: "税制課", kind: "division", parentId: department.id });
  const financeDivision = await buildOrganisation(db, { name: "財政課", kind: "division", parentId: city.otherBureau.id });
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  editor = await t.login(city.editor.loginId, TEST_PASSWORD);

  const field = (name: string, sort: number) =>
    insert(db, "INSERT INTO international_fields (name, sort_order) VALUES ($1, $2)", [name, sort]);
  ids.exchange = await field("国際交流", 1);
  ids.business = await field("国際ビジネス", 2);
  ids.study = await field("視察・調査", 3);

  const partner = (city: string, country: string, relation: string, lat: number | null, lon: number | null) =>
    insert(db, "INSERT INTO international_partners (country, city, relation, latitude, longitude) VALUES ($1, $2, $3, $4, $5)", [
      country,
      city,
      relation,
      lat,
      lon,
    ]);
  ids.dalian = await partner("大連市", "中国", "friendship", 38.914, 121.6147);
  ids.tacoma = await partner("タコマ市", "米国", "sister", 47.2529, -122.4443);
  ids.busan = await partner("釜山広域市", "韓国", "agreement", null, null);

  const project = (name: string, fieldId: string, ownerId: string, first: number, last: number | null, partners: string[]) =>
    insert(
      db,
      `INSERT INTO international_projects (name, owner_organisation_id, field_id, status, first_fiscal_year, last_fiscal_year)
       VALUES ($1, $2, $3, 'active', $4, $5)`,
      [name, ownerId, fieldId, first, last],
    ).then(async (id) => {
      for (const p of partners) await db.query("INSERT INTO international_project_partners VALUES ($1, $2)", [id, p]);
      return id;
    });
  // P1 国際交流 / 企画課 (政策局), 2020– (no end), with 大連 and タコマ
  ids.p1 = await project("P1", ids.exchange, city.division.id, 2020, null, [ids.dalian, ids.tacoma]);
  // P2 国際交流 / 税制課 (財政局 through 税務部), 2024 only, with 大連
  ids.p2 = await project("P2", ids.exchange, taxDivision.id, 2024, 2024, [ids.dalian]);
  // P3 国際ビジネス / 財政局 itself, 2022–2023: ended before 2024, with タコマ
  ids.p3 = await project("P3", ids.business, city.otherBureau.id, 2022, 2023, [ids.tacoma]);
  // P4 国際ビジネス / 財政課, from 2025
  ids.p4 = await project("P4", ids.business, financeDivision.id, 2025, null, []);
  // P5 国際ビジネス / 企画課, 2024–2026, no partner and no money
  ids.p5 = await project("P5", ids.business, city.division.id, 2024, 2026, []);

  const money = (projectId: string, fy: number, source: string, budget: number, settled: number | null) =>
    db.query("INSERT INTO international_project_years VALUES ($1, $2, $3, $4, $5)", [projectId, fy, source, budget, settled]);
  await money(ids.p1, 2024, "general", 1_000_000, 900_000);
  await money(ids.p1, 2024, "national", 500_000, null); // 決算 not entered: counts as 0
  await money(ids.p1, 2023, "general", 777, 777); // another year
  await money(ids.p2, 2024, "general", 2_000_000, 2_100_000);
  await money(ids.p3, 2024, "general", 99_999, 99_999); // P3 is not running in 2024: left out

  const trip = async (title: string, departs: string, status: string, projects: string[], visits: (string | null)[]) => {
    const id = await insert(
      db,
      `INSERT INTO international_trips (title, owner_organisation_id, status, departs_on, returns_on)
       VALUES ($1, $2, $3, $4, $4)`,
      [title, city.division.id, status, departs],
    );
    for (const p of projects) await db.query("INSERT INTO international_trip_projects VALUES ($1, $2)", [id, p]);
    let line = 0;
    for (const partnerId of visits)
      await db.query(
        `INSERT INTO international_trip_visits (trip_id, line_no, visit_on, country, city, partner_id)
         VALUES ($1, $2, $3, '某国', '某市', $4)`,
        [id, ++line, departs, partnerId],
      );
    return id;
  };
  await trip("T1", "2025-03-31", "completed", [ids.p1], [ids.dalian]); // the last day of FY2024
  await trip("T2", "2025-04-01", "planned", [ids.p1], [ids.dalian]); // the first day of FY2025
  await trip("T3", "2024-04-01", "completed", [ids.p1, ids.p2], [ids.tacoma, ids.dalian, ids.dalian]);
  await trip("T4", "2024-10-01", "cancelled", [ids.p5], [ids.tacoma]); // 中止: never counted
  await trip("T5", "2024-06-01", "completed", [], [ids.tacoma]); // no project: counts for the partner only
  await trip("T6", "2024-05-01", "completed", [ids.p5], [null]); // a visit to a city that is not a partner
  await trip("T7", "2024-03-31", "completed", [ids.p1], [ids.dalian]); // FY2023
});
afterAll(() => t.cleanup());

const byKey = (rows: TotalsRow[]) => Object.fromEntries(rows.map((r) => [r.key, r]));
const figures = (r: TotalsRow | undefined) => r && { projects: r.projects, budget: r.budget, settled: r.settled, trips: r.trips };

async function totals(client: TestClient, fy: number, by: string): Promise<TotalsRow[]> {
  const response = await client.get(`/api/international/totals?fiscalYear=${fy}&by=${by}`);
  expect(response.status).toBe(200);
  const body = response.body as { fiscalYear: number; by: string; rows: TotalsRow[] };
  expect(body.fiscalYear).toBe(fy);
  expect(body.by).toBe(by);
  return body.rows;
}

describe("international totals", () => {
  it("sums FY2024 per 分野: running projects, their money of the year, trips of the year linked to them", async () => {
    const rows = await totals(viewer, 2024, "field");
    // 視察・調査 has no running project: left out; 国際交流 comes before 国際ビジネス by the list's order
    expect(rows.map((r) => r.label)).toEqual(["国際交流", "国際ビジネス"]);
    const rowsByKey = byKey(rows);
    // 国際交流: P1 + P2; budget 1,000,000 + 500,000 + 2,000,000; settled 900,000 + 0 + 2,100,000; trips T1, T3
    // (T3 is linked to both P1 and P2 and counts once; T2 is FY2025, T7 FY2023)
    expect(figures(rowsByKey[ids.exchange])).toEqual({ projects: 2, budget: 3_500_000, settled: 3_000_000, trips: 2 });
    // 国際ビジネス: P5 only (P3 ended in 2023, P4 starts in 2025, P3's 2024 money is not counted); trips T6 (T4 中止)
    expect(figures(rowsByKey[ids.business])).toEqual({ projects: 1, budget: 0, settled: 0, trips: 1 });
  });

  it("groups by the owner division's nearest 局, through a department", async () => {
    const rows = byKey(await totals(viewer, 2024, "bureau"));
    expect(Object.keys(rows).sort()).toEqual([city.bureau.id, city.otherBureau.id].sort());
    // 政策局: P1, P5; trips T1, T3, T6
    expect(rows[city.bureau.id].label).toBe("政策局");
    expect(figures(rows[city.bureau.id])).toEqual({ projects: 2, budget: 1_500_000, settled: 900_000, trips: 3 });
    // 財政局: P2 (税制課 → 税務部 → 財政局); trips T3
    expect(rows[city.otherBureau.id].label).toBe("財政局");
    expect(figures(rows[city.otherBureau.id])).toEqual({ projects: 1, budget: 2_000_000, settled: 2_100_000, trips: 1 });
  });

  it("counts per 相手先 the running projects with it and the trips of the year that visit it", async () => {
    const rows = byKey(await totals(viewer, 2024, "partner"));
    // 釜山 has neither a running project nor a trip: left out
    expect(Object.keys(rows).sort()).toEqual([ids.dalian, ids.tacoma].sort());
    expect(rows[ids.dalian].label).toBe("大連市（中国）");
    // 大連: P1 + P2 (money in full for each); trips T1 and T3 (two visits to 大連 on T3 count once)
    expect(figures(rows[ids.dalian])).toEqual({ projects: 2, budget: 3_500_000, settled: 3_000_000, trips: 2 });
    // タコマ: P1 (P3 ended); trips T3 and T5 (T4 中止)
    expect(figures(rows[ids.tacoma])).toEqual({ projects: 1, budget: 1_500_000, settled: 900_000, trips: 2 });
  });

  it("puts a trip leaving on 1 April in the new fiscal year and one leaving on 31 March in the year before", async () => {
    const fy2025 = byKey(await totals(viewer, 2025, "field"));
    // 国際交流 in 2025: P1 only (P2 was 2024 only), no money entered for 2025; trips: T2 (2025-04-01) alone
    expect(figures(fy2025[ids.exchange])).toEqual({ projects: 1, budget: 0, settled: 0, trips: 1 });
    // 国際ビジネス in 2025: P4 and P5
    expect(figures(fy2025[ids.business])).toEqual({ projects: 2, budget: 0, settled: 0, trips: 0 });
    const fy2023 = byKey(await totals(viewer, 2023, "partner"));
    // 大連 in 2023: P1 (P2 starts 2024), money 777; trip T7 (2024-03-31) only — T3 left on 2024-04-01
    expect(figures(fy2023[ids.dalian])).toEqual({ projects: 1, budget: 777, settled: 777, trips: 1 });
  });

  it("answers every member of staff and nobody else", async () => {
    expect((await editor.get("/api/international/totals?fiscalYear=2024")).status).toBe(200);
    expect((await t.client().get("/api/international/totals?fiscalYear=2024")).status).toBe(401);
    const partner = await t.login(city.partner.loginId, TEST_PASSWORD);
    expect((await partner.get("/api/international/totals?fiscalYear=2024")).status).toBe(403);
    expect((await partner.get("/api/international/map")).status).toBe(403);
    expect((await viewer.get("/api/international/totals?fiscalYear=1900")).status).toBe(400);
  });
});

describe("international map", () => {
  async function map(query: string): Promise<{ points: MapPoint[]; unplaced: number }> {
    const response = await viewer.get(`/api/international/map${query}`);
    expect(response.status).toBe(200);
    return response.body as { points: MapPoint[]; unplaced: number };
  }
  const pointOf = (points: MapPoint[], id: string) => points.find((p) => p.partnerId === id);

  it("places the partners with a position and counts everything when no year is given", async () => {
    const { points, unplaced } = await map("");
    // 釜山 has no coordinates: not a point, counted as unplaced
    expect(points.map((p) => p.partnerId).sort()).toEqual([ids.dalian, ids.tacoma].sort());
    expect(unplaced).toBe(1);
    expect(pointOf(points, ids.dalian)).toEqual({
      partnerId: ids.dalian,
      label: "大連市",
      country: "中国",
      relation: "friendship",
      latitude: 38.914,
      longitude: 121.6147,
      // P1, P2; trips T1, T2, T3, T7
      projects: 2,
      trips: 4,
    });
    // タコマ: P1, P3; trips T3, T5 (T4 中止)
    expect(pointOf(points, ids.tacoma)).toMatchObject({ relation: "sister", projects: 2, trips: 2 });
  });

  it("counts one fiscal year when one is given", async () => {
    const fy2024 = (await map("?fiscalYear=2024")).points;
    expect(pointOf(fy2024, ids.dalian)).toMatchObject({ projects: 2, trips: 2 }); // P1, P2; T1, T3
    expect(pointOf(fy2024, ids.tacoma)).toMatchObject({ projects: 1, trips: 2 }); // P1; T3, T5
    const fy2025 = (await map("?fiscalYear=2025")).points;
    expect(pointOf(fy2025, ids.dalian)).toMatchObject({ projects: 1, trips: 1 }); // P1; T2
    expect(pointOf(fy2025, ids.tacoma)).toMatchObject({ projects: 1, trips: 0 }); // P1
  });
});
