// The public pages of 海外出張の報告 over HTTP, without sign-in, on the sample data: only a trip whose report is
// published and that stands at 報告書提出, 精算 or 完了 appears (in the list, a search, the detail); an unpublished
// report, a trip before 報告書提出 and an unknown id answer alike; the answers carry exactly the public keys (no
// traveller's name, no counterpart, no contact, approval or safety level); the costs are the settled totals per kind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestClient } from "../../testing/app";
import { buildProjectWorld, idOf, type ProjectWorld } from "./project.fixture";
import { loadTripDemo } from "./trip-demo";

let w: ProjectWorld;
let anonymous: TestClient;

beforeAll(async () => {
  w = await buildProjectWorld();
  await loadTripDemo(w.t.db);
  anonymous = w.t.client();
}, 180_000);
afterAll(() => w?.t.cleanup());

const LIST = "/api/public/international/trip-reports";
const DALIAN = "大連市友好都市締結45周年記念式典への訪問"; // 完了, published
const KAOHSIUNG = "台湾PRキャンペーン 高雄市での現地プロモーション"; // 報告書提出, published
const INCHEON = "仁川広域市 経済交流ミッション（商談会）"; // 精算, not published

interface Item {
  id: string;
  title: string;
  [key: string]: unknown;
}

async function list(query: Record<string, string> = {}) {
  const response = await anonymous.get(`${LIST}?${new URLSearchParams({ pageSize: "100", ...query })}`);
  return {
    status: response.status,
    items: (response.body.items ?? []) as Item[],
    total: (response.body.total ?? 0) as number,
    body: response.body as Record<string, unknown>,
  };
}
const titles = (items: Item[]) => items.map((i) => i.title).sort();
const tripId = (title: string) => idOf(w.t.db, "international_trips", "title", title);

const SUMMARY_KEYS = ["bureauName", "departsOn", "destinations", "id", "isSample", "ownerName", "reportFiledOn", "returnsOn", "title"];
const DETAIL_KEYS = [
  ...SUMMARY_KEYS,
  "costs",
  "costsSettled",
  "followup",
  "members",
  "projects",
  "purpose",
  "results",
  "settledTotal",
  "visits",
].sort();

describe("the public list of 海外出張の報告", () => {
  it("shows exactly the published reports of trips at 報告書提出, 精算 or 完了, to a caller who is not signed in", async () => {
    const { status, items, total } = await list();
    expect(status).toBe(200);
    expect(titles(items)).toEqual([DALIAN, KAOHSIUNG].sort());
    expect(total).toBe(2);
    // sample trips, and marked as such (the page shows サンプル beside them)
    expect(items.map((i) => (i as { isSample?: unknown }).isSample)).toEqual([true, true]);
    // the sample data has other filed reports, and published ones are only these two
    const { rows } = await w.t.db.query<{ title: string }>(
      "SELECT title FROM international_trips WHERE report_filed_on IS NOT NULL AND NOT report_public",
    );
    expect(rows.map((r) => r.title)).toContain(INCHEON);
  });

  it("never shows an unpublished report: not in the list, not by a word only it has, not by its id", async () => {
    expect(titles((await list()).items)).not.toContain(INCHEON);
    // 商談 is in the unpublished 仁川 report's title and results only
    expect((await list({ q: "商談" })).items).toEqual([]);
    expect((await list({ country: "韓国" })).items).toEqual([]);
    const hidden = await anonymous.get(`${LIST}/${await tripId(INCHEON)}`);
    const unknown = await anonymous.get(`${LIST}/00000000-0000-4000-8000-000000000000`);
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(hidden.body.error.code).toBe(unknown.body.error.code);
    expect(hidden.body.error.message).toBe(unknown.body.error.message);
    // signed-in staff get the same answer on the public path
    expect((await w.clients.admin.get(`${LIST}/${await tripId(INCHEON)}`)).status).toBe(404);
  });

  it("never shows a trip marked published before 報告書提出 (帰庁, 出張中, 中止 …)", async () => {
    // the flag is only set by filing; written straight to the table here, with a filed date, to prove the state rule
    const { rows } = await w.t.db.query<{ id: string; title: string; status: string }>(
      `UPDATE international_trips SET report_public = true, report_filed_on = returns_on, report_results = '未提出段階の成果XYZ'
        WHERE status NOT IN ('reported', 'settled', 'completed') RETURNING id, title, status`,
    );
    expect(rows.map((r) => r.status)).toEqual(expect.arrayContaining(["returned", "travelling", "cancelled", "changed"]));
    try {
      expect(titles((await list()).items)).toEqual([DALIAN, KAOHSIUNG].sort());
      expect((await list({ q: "未提出段階の成果XYZ" })).items).toEqual([]);
      for (const row of rows) expect((await anonymous.get(`${LIST}/${row.id}`)).status, row.status).toBe(404);
      const choices = (await list()).body.choices as { fiscalYears: number[] };
      expect(choices.fiscalYears).toEqual([2025, 2024]);
    } finally {
      await w.t.db.query(
        `UPDATE international_trips SET report_public = false, report_filed_on = NULL, report_results = '' WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
    }
  });

  it("searches title, purpose, destinations and results, and filters by 年度 of departure and country", async () => {
    // results only: 覚書 (大連), 旅行博の北九州ブース (高雄)
    expect(titles((await list({ q: "覚書" })).items)).toEqual([DALIAN]);
    expect(titles((await list({ q: "北九州ブース" })).items)).toEqual([KAOHSIUNG]);
    // purpose only: 交流計画
    expect(titles((await list({ q: "交流計画" })).items)).toEqual([DALIAN]);
    // destination (city, country)
    expect(titles((await list({ q: "高雄" })).items)).toEqual([KAOHSIUNG]);
    expect(titles((await list({ q: "台湾" })).items)).toEqual([KAOHSIUNG]);
    // 年度 of departure: 2024-10 is 令和6年度, 2025-11 is 令和7年度
    expect(titles((await list({ fiscalYear: "2024" })).items)).toEqual([DALIAN]);
    expect(titles((await list({ fiscalYear: "2025" })).items)).toEqual([KAOHSIUNG]);
    expect((await list({ fiscalYear: "2023" })).items).toEqual([]);
    expect(titles((await list({ country: "中国" })).items)).toEqual([DALIAN]);
    expect(titles((await list({ q: "大連", fiscalYear: "2025" })).items)).toEqual([]);
    // linked to a public project (the project's page lists them); an internal project finds nothing
    const project = await idOf(w.t.db, "international_projects", "name", "大連市友好都市締結45周年記念事業");
    expect(titles((await list({ projectId: project })).items)).toEqual([DALIAN]);
    const internal = await idOf(w.t.db, "international_projects", "name", "天津市との経済技術交流");
    await w.t.db.query("INSERT INTO international_trip_projects (trip_id, project_id) VALUES ($1, $2)", [await tripId(DALIAN), internal]);
    expect((await list({ projectId: internal })).items).toEqual([]);
    await w.t.db.query("DELETE FROM international_trip_projects WHERE trip_id = $1 AND project_id = $2", [await tripId(DALIAN), internal]);
    const bad = await anonymous.get(`${LIST}?fiscalYear=abc`);
    expect(bad.status).toBe(400);
  });

  it("offers as choices only what the published reports have, and pages", async () => {
    const { body } = await list();
    expect(body.choices).toEqual({ countries: ["中国", "台湾"].sort(), fiscalYears: [2025, 2024] });
    const first = await list({ pageSize: "1", page: "1" });
    const second = await list({ pageSize: "1", page: "2" });
    expect(first.items.map((i) => i.title)).toEqual([KAOHSIUNG]); // newest departure first
    expect(second.items.map((i) => i.title)).toEqual([DALIAN]);
    expect(first.total).toBe(2);
  });

  it("carries exactly the public keys", async () => {
    const { items, body } = await list();
    expect(Object.keys(body).sort()).toEqual(["choices", "items", "page", "pageSize", "total"]);
    for (const item of items) {
      expect(Object.keys(item).sort()).toEqual(SUMMARY_KEYS);
      for (const d of item.destinations as object[]) expect(Object.keys(d).sort()).toEqual(["city", "country"]);
    }
    const dalian = items.find((i) => i.title === DALIAN);
    expect(dalian).toMatchObject({ ownerName: "国際政策課", bureauName: "政策局", departsOn: "2024-10-14", reportFiledOn: "2024-11-08" });
    expect(dalian?.destinations).toEqual([{ country: "中国", city: "大連市" }]);
  });
});

describe("one published trip report", () => {
  it("shows the report with exactly the public keys, nested too, and nothing personal or internal", async () => {
    const id = await tripId(DALIAN);
    const response = await anonymous.get(`${LIST}/${id}`);
    expect(response.status).toBe(200);
    const body = response.body;
    expect(Object.keys(body).sort()).toEqual(DETAIL_KEYS);
    for (const v of body.visits) expect(Object.keys(v).sort()).toEqual(["city", "country", "organisation", "purpose", "visitOn"]);
    for (const m of body.members) expect(Object.keys(m).sort()).toEqual(["organisationName", "role"]);
    for (const p of body.projects) expect(Object.keys(p).sort()).toEqual(["id", "name"]);
    for (const c of body.costs) expect(Object.keys(c).sort()).toEqual(["costKind", "settled"]);
    for (const d of body.destinations) expect(Object.keys(d).sort()).toEqual(["city", "country"]);
    expect(body.visits[0]).toMatchObject({ visitOn: "2024-10-15", country: "中国", city: "大連市", organisation: "大連市人民政府" });
    // the leader first; role and division only
    expect(body.members[0]).toEqual({ role: "leader", organisationName: "国際政策課" });
    expect(body.members).toHaveLength(3);
    expect(body.results).toContain("覚書");
    expect(body.followup).toContain("青少年交流団");

    // no traveller's name (the sample names, or the logins that travel in their place), no counterpart, no
    // companions, approval or safety level, no internal keys
    const stored = await w.t.db.query<{ name: string }>("SELECT tr.name FROM international_trip_travellers tr WHERE tr.trip_id = $1", [id]);
    const text = JSON.stringify(body);
    for (const { name } of stored.rows) expect(text).not.toContain(name);
    for (const word of [
      "外事弁公室主任",
      "副市長",
      "市内経済団体",
      "approved",
      "safety",
      "companions",
      "counterpart",
      "userId",
      "paidBy",
      "contact",
      "mail",
      "phone",
      "version",
      "sourceKey",
      "status",
      "canEdit",
    ])
      expect(text).not.toContain(word);
  });

  it("shows the settled cost per kind (totals, as the trip's own lines add up) once the trip is 精算 or 完了", async () => {
    const id = await tripId(DALIAN);
    const { body } = await anonymous.get(`${LIST}/${id}`);
    const { rows } = await w.t.db.query<{ cost_kind: string; settled: string }>(
      "SELECT cost_kind, sum(settled)::text AS settled FROM international_trip_costs WHERE trip_id = $1 GROUP BY cost_kind",
      [id],
    );
    expect(body.costsSettled).toBe(true);
    expect(rows.length).toBeGreaterThan(1);
    expect(Object.fromEntries((body.costs as { costKind: string; settled: number }[]).map((c) => [c.costKind, c.settled]))).toEqual(
      Object.fromEntries(rows.map((r) => [r.cost_kind, Number(r.settled)])),
    );
    // in the kinds' order: 運賃 first
    expect(body.costs[0].costKind).toBe("fare");
    // the same total as the trip's own page
    const staff = await w.clients.admin.get(`/api/international/trips/${id}`);
    expect(staff.status).toBe(200);
    expect(body.settledTotal).toBe(staff.body.settledTotal);
    expect(body.settledTotal).toBeGreaterThan(0);

    // 報告書提出 (not yet 精算): no amounts
    const reported = await anonymous.get(`${LIST}/${await tripId(KAOHSIUNG)}`);
    expect(reported.status).toBe(200);
    expect(reported.body).toMatchObject({ costsSettled: false, costs: [], settledTotal: null });
  });

  it("links only the public projects of the trip", async () => {
    const id = await tripId(DALIAN);
    const internal = await idOf(w.t.db, "international_projects", "name", "天津市との経済技術交流");
    await w.t.db.query("INSERT INTO international_trip_projects (trip_id, project_id) VALUES ($1, $2)", [id, internal]);
    try {
      const { body } = await anonymous.get(`${LIST}/${id}`);
      const names = (body.projects as { name: string }[]).map((p) => p.name);
      expect(names).toEqual(expect.arrayContaining(["大連市との友好交流事業", "大連市友好都市締結45周年記念事業"]));
      expect(names).not.toContain("天津市との経済技術交流");
      for (const p of body.projects as { id: string }[])
        expect((await anonymous.get(`/api/public/international/projects/${p.id}`)).status).toBe(200);
    } finally {
      await w.t.db.query("DELETE FROM international_trip_projects WHERE trip_id = $1 AND project_id = $2", [id, internal]);
    }
  });

  it("a report whose publish flag is taken off disappears from the list, the search and its page at once", async () => {
    const id = await tripId(KAOHSIUNG);
    expect((await anonymous.get(`${LIST}/${id}`)).status).toBe(200);
    const trip = (await w.clients.admin.get(`/api/international/trips/${id}`)).body;
    const saved = await w.clients.admin.put(`/api/international/trips/${id}/report`, {
      version: trip.version,
      filedOn: trip.reportFiledOn,
      results: trip.reportResults,
      followup: trip.reportFollowup,
      publish: false,
    });
    expect(saved.status).toBe(200);
    expect((await anonymous.get(`${LIST}/${id}`)).status).toBe(404);
    expect(titles((await list()).items)).toEqual([DALIAN]);
    expect((await list({ q: "高雄" })).items).toEqual([]);
  });
});
