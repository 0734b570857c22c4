// 国際 in the cross-module search (GET /api/search), on the projects' sample data: a project is found by a fragment of
// its name and of its partner city by any member of staff, at once after each write and no more after its deletion; a
// trip is found only by those who may open it — its division, its travellers and the bureau — never by an editor or
// viewer of another division; a rebuild of the index gives the same entries.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchRecords } from "../../platform/search/search";
import type { TestClient } from "../../testing/app";
import { buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { buildProjectWorld, idOf, type ProjectWorld } from "./project.fixture";
import { reindexInternational } from "./search-index";
import { loadTripDemo } from "./trip-demo";

interface Hit {
  module: string;
  moduleLabel: string;
  entityType: string;
  entityId: string;
  title: string;
  snippet: string;
  url: string;
}

let w: ProjectWorld;
let sangyo: TestClient;
let kankyoEditor: TestClient;
let tripId: string;
const TRIP_TITLE = "ハイフォン市浄水場視察団";

async function search(client: TestClient, q: string): Promise<Hit[]> {
  const response = await client.get(`/api/search?q=${encodeURIComponent(q)}&module=international&pageSize=100`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body.items;
}
const ids = (hits: Hit[]) => hits.map((h) => h.entityId);

beforeAll(async () => {
  w = await buildProjectWorld();
  // the sample trips too: the sample data indexes its records once at its end, not per step
  await loadTripDemo(w.t.db);
  sangyo = await w.t.login("intl-sangyo", TEST_PASSWORD);
  const other = await buildOrganisation(w.t.db, { name: "港湾課", kind: "division", parentId: w.org.kankyo });
  const kankyo = await buildUser(w.t.db, { role: "editor", organisationId: other.id, loginId: "intl-kowan" });
  kankyoEditor = await w.t.login(kankyo.loginId, TEST_PASSWORD);
  // 財政課's trip, with 産業政策課's editor as a traveller
  const created = await w.clients.zaisei.post("/api/international/trips", {
    title: TRIP_TITLE,
    purpose: "上水道整備の技術協力について協議する",
    ownerOrganisationId: w.org.zaiseiDivision,
    departsOn: "2025-09-01",
    returnsOn: "2025-09-04",
    companions: "",
    travellers: [
      { userId: w.users.zaisei.id, name: "財政 花子", role: "leader", paidBy: "city" },
      { userId: w.users.sangyo.id, name: "産業 次郎", role: "member", paidBy: "city" },
    ],
    visits: [
      {
        visitOn: "2025-09-02",
        country: "ベトナム",
        city: "ハイフォン市",
        partnerId: null,
        organisation: "ハイフォン市水道公社",
        counterpart: "",
        purpose: "",
      },
    ],
    costs: [],
    projectIds: [],
  });
  expect(created.status, JSON.stringify(created.body)).toBe(200);
  tripId = created.body.id;
}, 120_000);
afterAll(() => w?.t.cleanup());

describe("projects in the search", () => {
  it("a project is found by a fragment of its name and by its partner city, with its link", async () => {
    const id = await idOf(w.t.db, "international_projects", "name", "タコマ市との姉妹都市青少年派遣");
    const byName = await search(w.clients.viewer, "青少年派遣");
    expect(ids(byName)).toContain(id);
    const hit = byName.find((h) => h.entityId === id);
    expect(hit).toMatchObject({
      module: "international",
      moduleLabel: "国際",
      entityType: "project",
      url: `/international/projects/${id}`,
    });
    // タコマ is in its name too; ホームステイ only in its summary; 米国 only through its partner
    expect(ids(await search(w.clients.viewer, "タコマ"))).toContain(id);
    expect(ids(await search(w.clients.viewer, "ホームステイ"))).toContain(id);
    const dalian = await idOf(w.t.db, "international_projects", "name", "大連市友好都市締結45周年記念事業");
    // the partner city 大連市 and its country: 中国 is not in this project's name or summary
    expect(ids(await search(w.clients.zaisei, "中国"))).toContain(dalian);
  });

  it("every member of staff finds internal projects too (visibility staff), a caller without a session nothing", async () => {
    const internal = await idOf(w.t.db, "international_projects", "name", "天津市との経済技術交流");
    expect(ids(await search(w.clients.viewer, "経済技術交流"))).toContain(internal);
    expect((await w.t.client().get(`/api/search?q=${encodeURIComponent("経済技術交流")}`)).status).toBe(401);
  });

  it("an edit is searchable at once, a partner's new name too, and a deleted project is gone", async () => {
    const id = await idOf(w.t.db, "international_projects", "name", "ノーフォーク市との市民交流");
    const detail = (await w.clients.admin.get(`/api/international/projects/${id}`)).body;
    const project = {
      name: "ノーフォーク市とのカワセミ交流",
      ownerOrganisationId: detail.ownerOrganisationId,
      contactUserId: detail.contactUserId,
      contactName: detail.contactName,
      fieldId: detail.fieldId,
      status: detail.status,
      isPublic: detail.isPublic,
      firstFiscalYear: detail.firstFiscalYear,
      lastFiscalYear: detail.lastFiscalYear,
      summary: detail.summary,
      themes: detail.themes,
      partnerIds: detail.partners.map((p: { id: string }) => p.id),
      years: detail.years,
      indicators: [],
    };
    expect((await w.clients.admin.put(`/api/international/projects/${id}`, { version: detail.version, project })).status).toBe(200);
    expect(ids(await search(w.clients.viewer, "カワセミ"))).toEqual([id]);
    expect(ids(await search(w.clients.viewer, "ノーフォーク市との市民交流"))).not.toContain(id);

    // the partner renamed: the projects naming it are found by the new name
    const partner = detail.partners[0].id;
    expect((await w.clients.bureau.patch(`/api/international/partners/${partner}`, { organisation: "ヤマセミ協会" })).status).toBe(200);
    expect(ids(await search(w.clients.viewer, "ヤマセミ"))).toContain(id);

    expect((await w.clients.admin.delete(`/api/international/projects/${id}`)).status).toBe(200);
    expect(ids(await search(w.clients.viewer, "カワセミ"))).toEqual([]);
  });
});

describe("trips in the search", () => {
  it("its division, its traveller and the bureau find the trip", async () => {
    for (const client of [w.clients.zaisei, sangyo, w.clients.bureau, w.clients.admin]) {
      const hits = await search(client, "浄水場視察");
      expect(ids(hits)).toEqual([tripId]);
      expect(hits[0]).toMatchObject({ entityType: "trip", url: `/international/trips/${tripId}`, title: TRIP_TITLE });
    }
    // by the place it visits
    expect(ids(await search(sangyo, "水道公社"))).toEqual([tripId]);
  });

  it("an editor of a third division, or a viewer of the traveller's division, does not find it (nor its total)", async () => {
    for (const client of [kankyoEditor, w.clients.viewer]) {
      const response = await client.get(`/api/search?q=${encodeURIComponent("浄水場視察")}`);
      expect(response.status).toBe(200);
      expect(response.body.items).toEqual([]);
      expect(response.body.total).toBe(0);
      // and the trip itself answers them 404: the search shows nothing they could not open
      expect((await client.get(`/api/international/trips/${tripId}`)).status).toBe(404);
    }
    // a search that names no reader (a caller the platform cannot identify) never shows a trip
    const unnamed = await searchRecords(w.t.db, { q: "浄水場視察", includeStaff: true, page: 1, pageSize: 10 });
    expect(unnamed.items).toEqual([]);
    // the project hits stay: the third division's editor still finds projects
    expect((await search(kankyoEditor, "青少年派遣")).length).toBeGreaterThan(0);
  });

  it("an update and a change of state are searchable at once", async () => {
    const detail = (await w.clients.zaisei.get(`/api/international/trips/${tripId}`)).body;
    const trip = {
      title: "ハイフォン市浄水場とカモメ港の視察団",
      purpose: detail.purpose,
      ownerOrganisationId: detail.ownerOrganisationId,
      departsOn: detail.departsOn,
      returnsOn: detail.returnsOn,
      companions: detail.companions,
      travellers: detail.travellers,
      visits: detail.visits,
      costs: [],
      projectIds: [],
    };
    const saved = await w.clients.zaisei.put(`/api/international/trips/${tripId}`, { version: detail.version, trip });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(ids(await search(sangyo, "カモメ港"))).toEqual([tripId]);
    expect(ids(await search(kankyoEditor, "カモメ港"))).toEqual([]);
    const moved = await w.clients.zaisei.post(`/api/international/trips/${tripId}/transition`, {
      version: saved.body.version,
      to: "applied",
      note: "",
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const [hit] = await search(w.clients.zaisei, "カモメ港");
    const { rows } = await w.t.db.query<{ body: string }>(
      "SELECT body FROM search_documents WHERE module = 'international' AND entity_id = $1",
      [tripId],
    );
    expect(hit.entityId).toBe(tripId);
    expect(rows[0].body).toContain("海外出張・申請");
  });
});

describe("the sample data in the search", () => {
  it("every sample project and trip has its entry, a trip's with the state it ended in", async () => {
    const { rows } = await w.t.db.query<{ id: string; status: string; body: string | null }>(
      `SELECT t.id, t.status, d.body FROM international_trips t
         LEFT JOIN search_documents d ON d.module = 'international' AND d.entity_type = 'trip' AND d.entity_id = t.id::text
        WHERE t.is_sample`,
    );
    expect(rows.length).toBeGreaterThan(5);
    const labels: Record<string, string> = { completed: "完了", cancelled: "中止", travelling: "出張中", planned: "計画" };
    for (const row of rows) {
      expect(row.body, row.id).not.toBeNull();
      if (labels[row.status]) expect(row.body).toContain(`海外出張・${labels[row.status]}`);
    }
    const missing = await w.t.db.query(
      `SELECT p.id FROM international_projects p WHERE p.is_sample AND NOT EXISTS (
         SELECT 1 FROM search_documents d WHERE d.module = 'international' AND d.entity_type = 'project' AND d.entity_id = p.id::text)`,
    );
    expect(missing.rows).toEqual([]);
  });
});

describe("rebuilding the index", () => {
  it("gives the same entries as the writes made", async () => {
    const snapshot = async () =>
      (
        await w.t.db.query(
          "SELECT entity_type, entity_id, title, body, url, organisation_id, visibility FROM search_documents WHERE module = 'international' ORDER BY entity_type, entity_id",
        )
      ).rows;
    const before = await snapshot();
    const { rows } = await w.t.db.query<{ n: number }>(
      "SELECT (SELECT count(*) FROM international_projects) + (SELECT count(*) FROM international_trips) AS n",
    );
    expect(before).toHaveLength(Number(rows[0].n));
    expect(await reindexInternational(w.t.db)).toBe(before.length);
    expect(await snapshot()).toEqual(before);
  });
});
