// The アクセス解析 dashboard against visits written here and counted by hand: totals, every day of the period (0 where
// none), page kinds, 市町 (all 18, then the pages of no 市町), top items, referrers, campaigns and languages. A visitor
// is a hash on a day (the same hash on two days is two visitors). Staff see the whole hub; a 市町 editor sees its own
// 市町's pages whatever it asks; other outside logins and anonymous callers are refused. The Excel and CSV files hold
// the same figures, and each export leaves an audit row.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadExcelJs } from "../../platform/tabular/exceljs-loader.js";
import type { TestClient } from "../../testing/app";
import { type AnalyticsWorld, buildAnalyticsWorld, insertCampaign, insertVisits } from "./analytics.fixture";

let w: AnalyticsWorld;
let viewer: TestClient;
let nogataEditor: TestClient;
let campaign: string;

const Q = "/api/region/analytics?from=2026-11-01&to=2026-11-03";

beforeAll(async () => {
  w = await buildAnalyticsWorld();
  viewer = await w.login(w.city.viewer.loginId);
  nogataEditor = await w.login(w.users.municipalityEditor.loginId);
  campaign = await insertCampaign(w.db, { name: "秋のX投稿", tag: "fig-test", channel: "x", publishedOn: "2026-10-25", costYen: 10_000 });
  const { published, publishedOther } = w.items;
  await insertVisits(w.db, [
    // 11月1日: a1 views three pages, b2 (English) two, coming by the campaign's link
    { day: "2026-11-01", hash: "a1", pageKind: "home", referrer: "www.google.com" },
    { day: "2026-11-01", hash: "a1", pageKind: "item", item: published, municipality: "402044" },
    { day: "2026-11-01", hash: "a1", pageKind: "item", item: published, municipality: "402044" },
    { day: "2026-11-01", hash: "b2", pageKind: "search", lang: "en", referrer: "t.co", campaign },
    { day: "2026-11-01", hash: "b2", pageKind: "item", lang: "en", item: publishedOther, municipality: "401005" },
    // 11月2日: the same hash a1 again (another day: another visitor), c3 on a 市町's page and the map
    { day: "2026-11-02", hash: "a1", pageKind: "home", referrer: "www.google.com" },
    { day: "2026-11-02", hash: "c3", pageKind: "municipality", municipality: "402133", referrer: "www.city.yukuhashi.fukuoka.jp" },
    { day: "2026-11-02", hash: "c3", pageKind: "map" },
    // 11月3日: one sample visit by the campaign's link
    { day: "2026-11-03", hash: "d4", pageKind: "item", item: published, municipality: "402044", referrer: "t.co", campaign, sample: true },
    // outside the period
    { day: "2026-10-31", hash: "e5", pageKind: "home" },
    { day: "2026-11-04", hash: "e5", pageKind: "item", item: published, municipality: "402044" },
  ]);
}, 120_000);
afterAll(() => w?.cleanup());

type Counted = { code: string | null; visits: number; visitors: number };
const pick = (rows: Counted[], code: string) => {
  const row = rows.find((r) => r.code === code);
  return row ? [row.visits, row.visitors] : null;
};

describe("the dashboard's figures", () => {
  it("match the visits counted by hand", async () => {
    const r = await viewer.get(Q);
    expect(r.status).toBe(200);
    const d = r.body;
    expect(d.period).toEqual({ from: "2026-11-01", to: "2026-11-03", days: 3 });
    expect(d.municipality).toBeNull();
    expect(d.totals).toEqual({ visits: 9, visitors: 5, sampleVisits: 1 });
    expect(d.byDay).toEqual([
      { day: "2026-11-01", visits: 5, visitors: 2 },
      { day: "2026-11-02", visits: 3, visitors: 2 },
      { day: "2026-11-03", visits: 1, visitors: 1 },
    ]);
    const kinds = Object.fromEntries(
      d.byPageKind.map((k: { pageKind: string; visits: number; visitors: number }) => [k.pageKind, [k.visits, k.visitors]]),
    );
    expect(kinds).toEqual({
      home: [2, 2],
      search: [1, 1],
      item: [4, 3],
      municipality: [1, 1],
      map: [1, 1],
      calendar: [0, 0],
      opendata: [0, 0],
      privacy: [0, 0],
    });
    expect(d.byMunicipality).toHaveLength(19);
    expect(d.byMunicipality[0]).toMatchObject({ code: "401005", name: "北九州市", visits: 1, visitors: 1 });
    expect(pick(d.byMunicipality, "402044")).toEqual([3, 2]);
    expect(pick(d.byMunicipality, "402133")).toEqual([1, 1]);
    expect(pick(d.byMunicipality, "406473")).toEqual([0, 0]);
    expect(d.byMunicipality.at(-1)).toEqual({ code: null, name: "市町を特定しないページ", visits: 4, visitors: 4 });
    expect(d.topItems).toEqual([
      {
        itemId: w.items.published,
        name: "直方市石炭記念館",
        municipalityCode: "402044",
        municipalityName: "直方市",
        visits: 3,
        visitors: 2,
      },
      { itemId: w.items.publishedOther, name: "小倉城", municipalityCode: "401005", municipalityName: "北九州市", visits: 1, visitors: 1 },
    ]);
    expect(d.topReferrers).toEqual([
      { host: "", visits: 4, visitors: 3 },
      { host: "t.co", visits: 2, visitors: 2 },
      { host: "www.google.com", visits: 2, visitors: 2 },
      { host: "www.city.yukuhashi.fukuoka.jp", visits: 1, visitors: 1 },
    ]);
    expect(d.byCampaign).toEqual([{ campaignId: campaign, name: "秋のX投稿", tag: "fig-test", channel: "x", visits: 2, visitors: 2 }]);
    expect(d.byLang).toEqual([
      { lang: "ja", label: "日本語", visits: 7, visitors: 4 },
      { lang: "en", label: "英語", visits: 2, visitors: 1 },
    ]);
    expect(d.municipalities).toHaveLength(18);
  });

  it("narrow to one 市町's pages when asked, and show every day of the period, 0 where none", async () => {
    const d = (await viewer.get(`/api/region/analytics?from=2026-10-30&to=2026-11-03&municipality=402044`)).body;
    expect(d.municipality).toEqual({ code: "402044", name: "直方市" });
    expect(d.municipalityFixed).toBe(false);
    expect(d.totals).toEqual({ visits: 3, visitors: 2, sampleVisits: 1 });
    expect(d.byDay.map((x: { visits: number }) => x.visits)).toEqual([0, 0, 2, 0, 1]);
    expect(d.byMunicipality).toEqual([{ code: "402044", name: "直方市", visits: 3, visitors: 2 }]);
    expect(d.topItems.map((i: { itemId: string }) => i.itemId)).toEqual([w.items.published]);
    expect(d.topReferrers).toEqual([
      { host: "", visits: 2, visitors: 1 },
      { host: "t.co", visits: 1, visitors: 1 },
    ]);
  });
});

describe("who reads it", () => {
  it("a 市町 editor: its own 市町 only, whatever it asks", async () => {
    const asked = await nogataEditor.get(`${Q}&municipality=401005`);
    expect(asked.status).toBe(200);
    expect(asked.body.municipality).toEqual({ code: "402044", name: "直方市" });
    expect(asked.body.municipalityFixed).toBe(true);
    expect(asked.body.totals).toEqual({ visits: 3, visitors: 2, sampleVisits: 1 });
    expect(asked.body.municipalities).toEqual([{ code: "402044", name: "直方市" }]);
    const file = await nogataEditor.get(`/api/region/analytics.csv?from=2026-11-01&to=2026-11-03&municipality=401005`);
    expect(file.status).toBe(200);
    expect(String(file.body)).toContain("合計,期間全体,,3,2");
  });

  it("not another outside login, nor anyone signed out", async () => {
    const partner = await w.login(w.city.partner.loginId);
    expect((await partner.get(Q)).status).toBe(403);
    expect((await w.client().get(Q)).status).toBe(401);
  });

  it("a period that ends before it starts, or longer than two years, is refused with a Japanese message", async () => {
    const backwards = await viewer.get("/api/region/analytics?from=2026-11-03&to=2026-11-01");
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields.to).toBe("期間の終わりが始まりより前です。");
    expect((await viewer.get("/api/region/analytics?from=2024-01-01&to=2026-11-01")).status).toBe(400);
    // 和暦 is read too
    expect((await viewer.get("/api/region/analytics?from=令和8年11月1日&to=令和8年11月3日")).body.totals.visits).toBe(9);
  });
});

describe("the files", () => {
  it("Excel: a sheet per breakdown with the page's figures; CSV: the same in long form; both audited", async () => {
    const xlsx = await viewer.get("/api/region/analytics.xlsx?from=2026-11-01&to=2026-11-03");
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain("attachment");
    const book = new (await loadExcelJs()).Workbook();
    await book.xlsx.load(Buffer.from(xlsx.raw) as never);
    expect(book.worksheets.map((s) => s.name)).toEqual([
      "概要",
      "日別",
      "ページの種類別",
      "市町別",
      "人気の掲載情報",
      "参照元",
      "キャンペーン別",
      "言語別",
    ]);
    const days = book.getWorksheet("日別");
    expect(days?.getRow(2).values).toEqual([undefined, "令和8年11月1日", 5, 2]);
    expect(book.getWorksheet("人気の掲載情報")?.getRow(2).values).toEqual([undefined, "直方市石炭記念館", "直方市", 3, 2]);

    const csv = await viewer.get("/api/region/analytics.csv?from=2026-11-01&to=2026-11-03");
    expect(csv.raw.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const lines = String(csv.body)
      .replace(/^\uFEFF/, "")
      .split("\r\n");
    expect(lines[0]).toBe("集計の種類,項目,コード,訪問数,訪問者数");
    expect(lines).toContain("合計,期間全体,,9,5");
    expect(lines).toContain("日別,令和8年11月2日,2026-11-02,3,2");
    expect(lines).toContain("参照元,（直接・不明）,,4,3");
    expect(lines).toContain("キャンペーン別,秋のX投稿（X（旧Twitter））,fig-test,2,2");

    const audit = await w.db.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'region_analytics' AND action = 'export' ORDER BY id",
    );
    expect(audit.rows.map((r) => r.summary)).toContain("アクセス解析をExcelで出力（令和8年11月1日〜令和8年11月3日）");
  });
});
