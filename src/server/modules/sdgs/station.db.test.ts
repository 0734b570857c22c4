// The SDGsステーション over HTTP on the module's sample data: consultations recorded, changed and deleted with their
// versions (a stale one is a 409) and audit rows; a citizen is never named; matchings move only by the allowed steps;
// the statistics have every month of the year (0 where none), breakdowns that add up to counts made here with SQL of
// the test's own, and a cost per consultation only when there is a cost and a consultation; the Excel file opens and
// holds the same figures; stationStatistics (what 経営分析 reads through index.ts) follows a new consultation; the
// public page shows published posts only, with exactly the public keys.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInJapan } from "../../../common/dates";
import { loadExcelJs } from "../../platform/tabular/exceljs-loader.js";
import type { TestApp, TestClient } from "../../testing/app";
import { buildUser, TEST_PASSWORD } from "../../testing/factories";
import { stationStatistics } from "./index";
import { buildRegistryWorld } from "./registry.fixture";

let t: TestApp;
let manager: TestClient;
let viewer: TestClient;
let otherEditor: TestClient;
let anonymous: TestClient;
let staffId: string;

beforeAll(async () => {
  const world = await buildRegistryWorld();
  t = world.t;
  const editor = await buildUser(t.db, { role: "editor", organisationId: world.city.bureau.id, displayName: "駅 花子" });
  staffId = editor.id;
  manager = await t.login(editor.loginId, TEST_PASSWORD);
  viewer = await t.login(world.city.viewer.loginId, TEST_PASSWORD);
  otherEditor = await t.login(world.city.otherEditor.loginId, TEST_PASSWORD);
  anonymous = t.client();
}, 120_000);
afterAll(() => t?.cleanup());

const C = "/api/sdgs/station/consultations";

const consultationBody = (extra: object = {}) => ({
  consultedOn: "令和8年11月5日",
  channel: "visit",
  clientKind: "organisation",
  clientLabel: "テスト協議会",
  topic: "certification",
  sdgGoals: [13, 8, 13],
  summary: "認証制度の説明",
  outcome: "continuing",
  followUp: "資料を送る",
  followUpDue: "2026-11-20",
  ...extra,
});

async function sqlCount(sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await t.db.query<{ n: number }>(sql, params);
  return Number(rows[0].n);
}

describe("consultations", () => {
  it("are recorded by the bureau's editor, changed with the version they saw, and deleted, each with its audit row", async () => {
    expect((await viewer.post(C, consultationBody())).status).toBe(403);
    expect((await otherEditor.post(C, consultationBody())).status).toBe(403);

    const created = await manager.post(C, consultationBody({ staffUserId: staffId }));
    expect(created.status).toBe(200);
    const c = created.body;
    expect(c).toMatchObject({
      consultedOn: "2026-11-05",
      fiscalYear: 2026,
      clientLabel: "テスト協議会",
      sdgGoals: [8, 13],
      staffName: "駅 花子",
      version: 1,
      isSample: false,
      followUpState: todayInJapan() > "2026-11-20" ? "overdue" : "open",
    });
    // every member of staff reads it
    expect((await viewer.get(`${C}/${c.id}`)).body.summary).toBe("認証制度の説明");

    const changed = await manager.put(`${C}/${c.id}`, { version: 1, consultation: consultationBody({ summary: "変更後" }) });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(2);
    const stale = await manager.put(`${C}/${c.id}`, { version: 1, consultation: consultationBody({ summary: "古い画面から" }) });
    expect(stale.status).toBe(409);
    expect((await viewer.get(`${C}/${c.id}`)).body.summary).toBe("変更後");

    const done = await manager.post(`${C}/${c.id}/follow-up-done`, { version: 2 });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ followUpState: "done", version: 3 });
    expect(done.body.followUpDoneAt).not.toBeNull();

    expect((await manager.delete(`${C}/${c.id}?version=2`)).status).toBe(409);
    expect((await viewer.delete(`${C}/${c.id}?version=3`)).status).toBe(403);
    expect((await manager.delete(`${C}/${c.id}?version=3`)).status).toBe(200);
    expect((await viewer.get(`${C}/${c.id}`)).status).toBe(404);

    const { rows } = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'sdgs_consultation' AND entity_id = $1 ORDER BY id",
      [c.id],
    );
    expect(rows.map((r) => r.action)).toEqual(["create", "update", "update", "delete"]);
  });

  it("never name a citizen: a name is refused, and no stored citizen has one", async () => {
    const named = await manager.post(C, consultationBody({ clientKind: "citizen", clientLabel: "山田 太郎" }));
    expect(named.status).toBe(400);
    expect(named.body.error.fields.clientLabel).toContain("市民");
    const company = await t.db.query<{ id: string }>("SELECT id FROM sdgs_companies LIMIT 1");
    expect(
      (await manager.post(C, consultationBody({ clientKind: "citizen", clientLabel: "", companyId: company.rows[0].id }))).status,
    ).toBe(400);

    const ok = await manager.post(C, consultationBody({ clientKind: "citizen", clientLabel: "" }));
    expect(ok.status).toBe(200);
    expect(ok.body.clientLabel).toBe("");
    // the sample data's citizens too
    expect(await sqlCount("SELECT count(*)::int AS n FROM sdgs_consultations WHERE client_kind = 'citizen'")).toBeGreaterThan(3);
    expect(
      await sqlCount(
        "SELECT count(*)::int AS n FROM sdgs_consultations WHERE client_kind = 'citizen' AND (client_label <> '' OR company_id IS NOT NULL)",
      ),
    ).toBe(0);
    await manager.delete(`${C}/${ok.body.id}?version=1`);
  });

  it("are listed with filters and paging, each filter agreeing with SQL of the test's own", async () => {
    const all = await viewer.get(`${C}?fiscalYear=2025&pageSize=10`);
    expect(all.status).toBe(200);
    const expected = await sqlCount(
      "SELECT count(*)::int AS n FROM sdgs_consultations WHERE consulted_on BETWEEN '2025-04-01' AND '2026-03-31'",
    );
    expect(all.body.total).toBe(expected);
    expect(all.body.items).toHaveLength(10);
    expect(all.body.canManage).toBe(false);

    const june = await viewer.get(`${C}?fiscalYear=2025&month=6&pageSize=200`);
    expect(june.body.total).toBe(
      await sqlCount("SELECT count(*)::int AS n FROM sdgs_consultations WHERE consulted_on BETWEEN '2025-06-01' AND '2025-06-30'"),
    );
    const certification = await viewer.get(`${C}?topic=certification&sdgGoal=13&pageSize=200`);
    expect(certification.body.total).toBe(
      await sqlCount("SELECT count(*)::int AS n FROM sdgs_consultations WHERE topic = 'certification' AND 13 = ANY (sdg_goals)"),
    );
    const overdue = await viewer.get(`${C}?followUp=overdue&pageSize=200`);
    expect(overdue.body.total).toBe(
      await sqlCount(
        `SELECT count(*)::int AS n FROM sdgs_consultations
         WHERE (follow_up <> '' OR follow_up_due IS NOT NULL) AND follow_up_done_at IS NULL AND follow_up_due < $1::date`,
        [todayInJapan()],
      ),
    );
    expect(overdue.body.items.every((c: { followUpState: string }) => c.followUpState === "overdue")).toBe(true);
  });
});

describe("matchings", () => {
  it("move only by the allowed steps, with a result date when they end, and stale versions refused", async () => {
    const company = await t.db.query<{ id: string; name: string }>("SELECT id, name FROM sdgs_companies ORDER BY name LIMIT 1");
    const created = await manager.post("/api/sdgs/station/matchings", {
      requestedOn: "2026-11-10",
      requesterCompanyId: company.rows[0].id,
      purpose: "連携先を探したい",
      sdgGoals: [17],
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      status: "requested",
      requesterLabel: company.rows[0].name,
      nextStatuses: ["introduced", "not_matched", "withdrawn"],
    });
    const id = created.body.id;
    const body = (status: string, extra: object = {}) => ({
      requestedOn: "2026-11-10",
      requesterCompanyId: company.rows[0].id,
      purpose: "連携先を探したい",
      status,
      ...extra,
    });
    const skip = await manager.put(`/api/sdgs/station/matchings/${id}`, { version: 1, matching: body("in_talks") });
    expect(skip.status).toBe(400);
    expect(skip.body.error.message).toContain("進められません");
    const noDate = await manager.put(`/api/sdgs/station/matchings/${id}`, { version: 1, matching: body("not_matched") });
    expect(noDate.status).toBe(400);
    const introduced = await manager.put(`/api/sdgs/station/matchings/${id}`, {
      version: 1,
      matching: body("introduced", { partnerLabel: "テスト社" }),
    });
    expect(introduced.status).toBe(200);
    expect((await manager.put(`/api/sdgs/station/matchings/${id}`, { version: 1, matching: body("in_talks") })).status).toBe(409);
    const matched = await manager.put(`/api/sdgs/station/matchings/${id}`, {
      version: 2,
      matching: body("matched", { resultOn: "2026-12-01", resultNote: "成立" }),
    });
    expect(matched.status).toBe(200);
    expect(matched.body).toMatchObject({ status: "matched", resultOn: "2026-12-01", nextStatuses: [] });
    expect((await manager.put(`/api/sdgs/station/matchings/${id}`, { version: 3, matching: body("withdrawn") })).status).toBe(400);
    expect(
      (await viewer.put(`/api/sdgs/station/matchings/${id}`, { version: 3, matching: body("matched", { resultOn: "2026-12-01" }) })).status,
    ).toBe(403);
  });

  it("are in every status in the sample data", async () => {
    const { rows } = await t.db.query<{ status: string }>("SELECT DISTINCT status FROM sdgs_matchings WHERE is_sample ORDER BY status");
    expect(rows.map((r) => r.status)).toEqual(["in_talks", "introduced", "matched", "not_matched", "requested", "withdrawn"]);
  });
});

describe("statistics", () => {
  it("have every month of the year, April first, 0 where none", async () => {
    const response = await viewer.get("/api/sdgs/station/statistics?fiscalYear=2031");
    expect(response.status).toBe(200);
    const s = response.body;
    expect(s.byMonth.map((m: { year: number; month: number }) => `${m.year}-${m.month}`)).toEqual([
      "2031-4",
      "2031-5",
      "2031-6",
      "2031-7",
      "2031-8",
      "2031-9",
      "2031-10",
      "2031-11",
      "2031-12",
      "2032-1",
      "2032-2",
      "2032-3",
    ]);
    expect(s.byMonth.every((m: { count: number }) => m.count === 0)).toBe(true);
    expect(s.consultations).toBe(0);
    expect(s.byTopic).toHaveLength(7);
    expect(s.byGoal).toHaveLength(17);
    expect(s.costPerConsultation).toBeNull();
  });

  it("add up to counts made with SQL, per month and per breakdown", async () => {
    const s = (await viewer.get("/api/sdgs/station/statistics?fiscalYear=2025")).body;
    const range = ["2025-04-01", "2026-03-31"];
    expect(s.consultations).toBe(
      await sqlCount("SELECT count(*)::int AS n FROM sdgs_consultations WHERE consulted_on BETWEEN $1 AND $2", range),
    );
    expect(s.consultations).toBeGreaterThan(20);
    const sum = (rows: { count: number }[]) => rows.reduce((a, r) => a + r.count, 0);
    for (const key of ["byMonth", "byTopic", "byChannel", "byOutcome", "byClientKind"]) expect(sum(s[key])).toBe(s.consultations);
    const september = s.byMonth.find((m: { month: number }) => m.month === 9);
    expect(september.count).toBe(
      await sqlCount("SELECT count(*)::int AS n FROM sdgs_consultations WHERE consulted_on BETWEEN '2025-09-01' AND '2025-09-30'"),
    );
    const goal13 = s.byGoal.find((g: { goal: number }) => g.goal === 13);
    expect(goal13.count).toBe(
      await sqlCount(
        "SELECT count(*)::int AS n FROM sdgs_consultations WHERE consulted_on BETWEEN $1 AND $2 AND 13 = ANY (sdg_goals)",
        range,
      ),
    );
    expect(s.matchingsRequested).toBe(
      await sqlCount("SELECT count(*)::int AS n FROM sdgs_matchings WHERE requested_on BETWEEN $1 AND $2", range),
    );
    expect(s.matchingsMade).toBe(
      await sqlCount("SELECT count(*)::int AS n FROM sdgs_matchings WHERE status = 'matched' AND result_on BETWEEN $1 AND $2", range),
    );
    expect(s.matchingsMade).toBeGreaterThan(0);
    // the sample cost of 令和7年度
    expect(s.costYen).toBe(18_600_000);
    expect(s.costPerConsultation).toBe(Math.round(18_600_000 / s.consultations));
  });

  it("give a cost per consultation only with a cost entered and at least one consultation", async () => {
    const year = 2032;
    const path = `/api/sdgs/station/statistics?fiscalYear=${year}`;
    expect((await viewer.put(`/api/sdgs/station/costs/${year}`, { costYen: 1000 })).status).toBe(403);
    // a consultation, no cost: null
    const c = await manager.post(C, consultationBody({ consultedOn: "2032-05-10", followUpDue: null, followUp: "" }));
    expect(c.status).toBe(200);
    expect((await viewer.get(path)).body).toMatchObject({ consultations: 1, costYen: null, costPerConsultation: null });
    // a cost: cost ÷ consultations
    const cost = await manager.put(`/api/sdgs/station/costs/${year}`, { costYen: 1_000_000, note: "テスト" });
    expect(cost.status).toBe(200);
    expect(cost.body).toMatchObject({ fiscalYear: year, costYen: 1_000_000, isSample: false });
    await manager.post(C, consultationBody({ consultedOn: "2032-06-10", followUpDue: null, followUp: "" }));
    await manager.post(C, consultationBody({ consultedOn: "2033-03-31", followUpDue: null, followUp: "" }));
    expect((await viewer.get(path)).body).toMatchObject({ consultations: 3, costYen: 1_000_000, costPerConsultation: 333_333 });
    // a cost, no consultations: null, never a division by zero
    await manager.put(`/api/sdgs/station/costs/${year + 1}`, { costYen: 5_000_000 });
    expect((await viewer.get(`/api/sdgs/station/statistics?fiscalYear=${year + 1}`)).body).toMatchObject({
      consultations: 0,
      costYen: 5_000_000,
      costPerConsultation: null,
    });
    const costs = await viewer.get("/api/sdgs/station/costs");
    expect(costs.body.items.map((i: { fiscalYear: number }) => i.fiscalYear)).toEqual([2033, 2032, 2026, 2025, 2024, 2023]);
    expect(await sqlCount("SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'sdgs_station_cost' AND entity_id = '2032'")).toBe(
      1,
    );
  });

  it("come as an Excel workbook that opens with exceljs and holds the same figures", async () => {
    const s = (await viewer.get("/api/sdgs/station/statistics?fiscalYear=2026")).body;
    const response = await viewer.get("/api/sdgs/station/statistics.xlsx?fiscalYear=2026");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const workbook = new (await loadExcelJs()).Workbook();
    await workbook.xlsx.load(Buffer.from(response.raw) as never);
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual([
      "概要（令和8年度）",
      "月別（令和8年度）",
      "相談内容別（令和8年度）",
      "相談方法別（令和8年度）",
      "対応結果別（令和8年度）",
      "相談者区分別（令和8年度）",
      "SDGs目標別（令和8年度）",
    ]);
    const summary = workbook.getWorksheet("概要（令和8年度）")!;
    expect(String(summary.getCell("A1").value)).toContain("令和8年度");
    expect(summary.getCell("B2").value).toBe(s.consultations);
    expect(summary.getCell("B4").value).toBe(s.matchingsMade);
    expect(summary.getCell("B6").value).toBe(s.costPerConsultation);
    const months = workbook.getWorksheet("月別（令和8年度）")!;
    expect(months.getCell("A2").value).toBe("2026年4月");
    for (let i = 0; i < 12; i++) expect(months.getCell(`B${i + 2}`).value).toBe(s.byMonth[i].count);
    expect(months.getCell("B14").value).toBe(s.consultations);
    const topics = workbook.getWorksheet("相談内容別（令和8年度）")!;
    s.byTopic.forEach((row: { label: string; count: number }, i: number) => {
      expect(topics.getCell(`A${i + 2}`).value).toBe(row.label);
      expect(topics.getCell(`B${i + 2}`).value).toBe(row.count);
    });
  });

  it("as 経営分析 reads them (stationStatistics in index.ts) change when a consultation is added", async () => {
    const before = await stationStatistics(t.db, 2026);
    const route = (await viewer.get("/api/sdgs/station/statistics?fiscalYear=2026")).body;
    expect(route).toEqual(before);
    const created = await manager.post(
      C,
      consultationBody({ consultedOn: "2026-10-15", topic: "finance", followUpDue: null, followUp: "" }),
    );
    expect(created.status).toBe(200);
    const after = await stationStatistics(t.db, 2026);
    expect(after.consultations).toBe(before.consultations + 1);
    expect(after.byMonth[6]).toEqual({ year: 2026, month: 10, count: before.byMonth[6].count + 1 });
    expect(after.byTopic.find((r) => r.code === "finance")!.count).toBe(before.byTopic.find((r) => r.code === "finance")!.count + 1);
    expect(after.costPerConsultation).toBe(Math.round(19_200_000 / after.consultations));
  });
});

describe("events and information posts", () => {
  const PUBLIC_KEYS = ["endsAt", "id", "isSample", "kind", "place", "publishedAt", "startsAt", "title", "upcoming", "url"];

  it("reach the public page only when published, with exactly the public keys", async () => {
    const list = await anonymous.get("/api/public/sdgs/station/posts?pageSize=50");
    expect(list.status).toBe(200);
    const published = await sqlCount("SELECT count(*)::int AS n FROM sdgs_station_posts WHERE published_at IS NOT NULL");
    expect(published).toBe(4);
    expect(list.body.total).toBe(published);
    for (const item of list.body.items) expect(Object.keys(item).sort()).toEqual(PUBLIC_KEYS);
    // upcoming events first (soonest first), then information, then past events
    const order = list.body.items.map((i: { kind: string; upcoming: boolean }) => (i.upcoming ? "upcoming" : i.kind));
    expect(order).toEqual(
      [...order].sort((a: string, b: string) => ["upcoming", "info", "event"].indexOf(a) - ["upcoming", "info", "event"].indexOf(b)),
    );
    const upcoming = list.body.items.filter((i: { upcoming: boolean }) => i.upcoming);
    expect(upcoming.map((i: { startsAt: string }) => i.startsAt)).toEqual(upcoming.map((i: { startsAt: string }) => i.startsAt).sort());

    const draft = await t.db.query<{ id: string }>("SELECT id FROM sdgs_station_posts WHERE published_at IS NULL LIMIT 1");
    expect((await anonymous.get(`/api/public/sdgs/station/posts/${draft.rows[0].id}`)).status).toBe(404);
    const one = await anonymous.get(`/api/public/sdgs/station/posts/${list.body.items[0].id}`);
    expect(one.status).toBe(200);
    expect(Object.keys(one.body).sort()).toEqual([...PUBLIC_KEYS, "body"].sort());
  });

  it("are written as drafts, published, changed with their version and taken down by the bureau", async () => {
    const created = await manager.post("/api/sdgs/station/posts", {
      kind: "event",
      title: "テストの講演会",
      body: "本文",
      startsAt: "2027-03-01T10:00:00+09:00",
      endsAt: "2027-03-01T12:00:00+09:00",
      place: "会場",
    });
    expect(created.status).toBe(200);
    const id = created.body.id;
    expect(created.body.publishedAt).toBeNull();
    expect((await anonymous.get(`/api/public/sdgs/station/posts/${id}`)).status).toBe(404);
    expect((await viewer.post(`/api/sdgs/station/posts/${id}/publish`, { version: 1 })).status).toBe(403);
    const published = await manager.post(`/api/sdgs/station/posts/${id}/publish`, { version: 1 });
    expect(published.status).toBe(200);
    expect((await anonymous.get(`/api/public/sdgs/station/posts/${id}`)).body.title).toBe("テストの講演会");
    expect((await manager.post(`/api/sdgs/station/posts/${id}/publish`, { version: 2 })).status).toBe(409);
    const noStart = await manager.put(`/api/sdgs/station/posts/${id}`, { version: 2, post: { kind: "event", title: "x" } });
    expect(noStart.status).toBe(400);
    const changed = await manager.put(`/api/sdgs/station/posts/${id}`, {
      version: 2,
      post: { kind: "event", title: "テストの講演会（変更）", startsAt: "2027-03-01T10:00:00+09:00" },
    });
    expect(changed.status).toBe(200);
    expect((await manager.put(`/api/sdgs/station/posts/${id}`, { version: 2, post: { kind: "info", title: "古い" } })).status).toBe(409);
    expect((await manager.post(`/api/sdgs/station/posts/${id}/unpublish`, { version: 3 })).status).toBe(200);
    expect((await anonymous.get(`/api/public/sdgs/station/posts/${id}`)).status).toBe(404);
    expect((await manager.delete(`/api/sdgs/station/posts/${id}?version=4`)).status).toBe(200);
    const { rows } = await t.db.query<{ action: string }>(
      "SELECT action FROM audit_log WHERE entity_type = 'sdgs_station_post' AND entity_id = $1 ORDER BY id",
      [id],
    );
    expect(rows.map((r) => r.action)).toEqual(["create", "publish", "update", "unpublish", "delete"]);
  });
});
