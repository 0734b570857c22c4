// The hub's public API over HTTP without sign-in: only published items ever appear (a draft or withdrawn item is not
// found), the answers carry exactly the published keys (never the row as imported, never an editor's id), the search
// matches words by NFKC bigrams (full-width, half-width kana, English, one character), filters by 市町, kind, an
// event period that overlaps the range, near a point within N km and a box of the map, sorts and pages; the featured
// items, the 市町 with their counts, the map's boundaries and points and the calendar's month; and the API is
// limited per address (429).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestApp, TestClient } from "../../testing/app";
import { createTestApp } from "../../testing/app";
import { buildOrganisation, buildUser } from "../../testing/factories";
import { clearOfWindowEdges } from "../../testing/rate-windows";
import { insertItem, KITAKYUSHU, NOGATA, seedMunicipalities, YUKUHASHI } from "./public.fixture";
import { searchPublished } from "./public-repository";
import { filterOf } from "./public-service";

let t: TestApp;
let anonymous: TestClient;
let editorId: string;
const ids: Record<string, string> = {};
const SECRET = "元の行にだけある秘密の値";

// 門司港駅 and places around it (km from it, measured with common/region/geo.ts distanceKm)
const MOJIKO = { lat: 33.9446, lon: 130.9621 };

beforeAll(async () => {
  t = await createTestApp();
  anonymous = t.client();
  await seedMunicipalities(t.db);
  const org = await buildOrganisation(t.db, { name: "政策局", code: "seisaku" });
  editorId = (await buildUser(t.db, { role: "editor", organisationId: org.id })).id;
  const original = { fileName: "401005_tourism.csv", rowNumber: 3, header: ["名称"], values: [SECRET] };
  ids.retro = await insertItem(t.db, {
    name: "門司港レトロ",
    nameKana: "もじこうれとろ",
    nameEn: "Mojiko Retro",
    description: "明治から大正の建物が残る港町。",
    descriptionEn: "A port town with buildings from the Meiji and Taisho eras.",
    category: "観光地",
    address: "福岡県北九州市門司区港町",
    lat: 33.9457,
    lon: 130.9613,
    original,
    createdBy: editorId,
    fields: { "料金（基本）": "無料", アクセス方法: "JR門司港駅から徒歩2分", 全国地方公共団体コード: "401005" },
    publishedAt: "2026-04-01T00:00:00Z",
    featured: true,
  });
  ids.kokura = await insertItem(t.db, {
    name: "小倉城",
    nameKana: "こくらじょう",
    address: "福岡県北九州市小倉北区城内",
    lat: 33.8846,
    lon: 130.8742,
    publishedAt: "2026-04-03T00:00:00Z",
  });
  ids.nogataPark = await insertItem(t.db, {
    municipality: NOGATA,
    dataset: "public_facility",
    name: "直方市石炭記念館",
    nameKana: "のおがたしせきたんきねんかん",
    address: "福岡県直方市直方",
    lat: 33.7427,
    lon: 130.7296,
    publishedAt: "2026-04-02T00:00:00Z",
  });
  ids.halfWidth = await insertItem(t.db, {
    municipality: YUKUHASHI,
    name: "ｺｽﾓｽ園 ２０２６",
    nameKana: "",
    publishedAt: "2026-03-01T00:00:00Z",
  });
  ids.longEvent = await insertItem(t.db, {
    dataset: "event",
    name: "門司港レトロ冬のイルミネーション",
    startDate: "2022-01-18",
    endDate: "2022-02-18",
    startTime: "10:00",
    endTime: "17:00",
    lat: 33.9449,
    lon: 130.9617,
    publishedAt: "2021-12-20T00:00:00Z",
  });
  ids.oneDay = await insertItem(t.db, {
    dataset: "event",
    municipality: YUKUHASHI,
    name: "行橋の花火大会",
    startDate: "2022-02-20",
    publishedAt: "2021-12-21T00:00:00Z",
  });
  ids.draft = await insertItem(t.db, { name: "門司港の下書き", status: "draft" });
  ids.withdrawn = await insertItem(t.db, { name: "門司港の取り下げ", status: "withdrawn", publishedAt: "2026-01-01T00:00:00Z" });
}, 120_000);
afterAll(() => t?.cleanup());

const search = async (query: Record<string, string> = {}) => {
  const response = await anonymous.get(`/api/public/region/items?${new URLSearchParams(query)}`);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as { items: Record<string, any>[]; total: number; totalCapped: boolean; page: number; pageSize: number };
};
const namesOf = (items: Record<string, any>[]) => items.map((i) => i.name as string);

const SUMMARY_KEYS = [
  "address",
  "category",
  "dataset",
  "distanceKm",
  "endDate",
  "endTime",
  "featured",
  "id",
  "imageUrl",
  "isSample",
  "lat",
  "lon",
  "municipalityCode",
  "municipalityName",
  "municipalityNameEn",
  "name",
  "nameEn",
  "publishedAt",
  "startDate",
  "startTime",
  "summary",
  "summaryEn",
];
const DETAIL_KEYS = [...SUMMARY_KEYS, "description", "descriptionEn", "details", "nameKana", "updatedAt", "url"].sort();

describe("only published items, only public fields", () => {
  it("lists published items only and finds neither a draft nor a withdrawn item", async () => {
    const all = await search({ pageSize: "50" });
    expect(all.total).toBe(6);
    expect(namesOf(all.items)).not.toContain("門司港の下書き");
    expect(namesOf(all.items)).not.toContain("門司港の取り下げ");
    for (const id of [ids.draft, ids.withdrawn]) {
      const response = await anonymous.get(`/api/public/region/items/${id}`);
      expect(response.status).toBe(404);
      expect(response.body.error.message).toContain("見つかりません");
    }
    expect((await anonymous.get("/api/public/region/items/not-a-uuid")).status).toBe(400);
  });

  it("answers exactly the published keys, never the imported row or an editor's id", async () => {
    const list = await search({ q: "門司港" });
    for (const item of list.items) expect(Object.keys(item).sort()).toEqual(SUMMARY_KEYS);
    const detail = await anonymous.get(`/api/public/region/items/${ids.retro}`);
    expect(detail.status).toBe(200);
    expect(Object.keys(detail.body).sort()).toEqual(DETAIL_KEYS);
    expect(detail.body.details).toEqual([
      { column: "料金（基本）", value: "無料" },
      { column: "アクセス方法", value: "JR門司港駅から徒歩2分" },
    ]);
    for (const body of [JSON.stringify(list), new TextDecoder().decode(detail.raw)]) {
      expect(body).not.toContain(SECRET);
      expect(body).not.toContain(editorId);
      expect(body).not.toContain("401005_tourism.csv");
    }
  });
});

describe("search words", () => {
  it("matches every word by bigrams, in names, kana, English and addresses", async () => {
    expect(namesOf((await search({ q: "門司港" })).items).sort()).toEqual(["門司港レトロ", "門司港レトロ冬のイルミネーション"]);
    expect(namesOf((await search({ q: "門司港 イルミネーション" })).items)).toEqual(["門司港レトロ冬のイルミネーション"]);
    expect(namesOf((await search({ q: "retro" })).items)).toEqual(["門司港レトロ"]);
    expect(namesOf((await search({ q: "こくらじょう" })).items)).toEqual(["小倉城"]);
    expect(namesOf((await search({ q: "小倉北区" })).items)).toEqual(["小倉城"]);
    expect((await search({ q: "存在しない言葉" })).total).toBe(0);
  });

  it("normalises full-width and half-width forms (NFKC) and finds one-character words", async () => {
    expect(namesOf((await search({ q: "コスモス" })).items)).toEqual(["ｺｽﾓｽ園 ２０２６"]);
    expect(namesOf((await search({ q: "2026" })).items)).toEqual(["ｺｽﾓｽ園 ２０２６"]);
    expect(namesOf((await search({ q: "城" })).items)).toEqual(["小倉城"]);
  });

  it("ranks items whose name holds the words first", async () => {
    // both hold 門司港 in their names; 港町 is in the address of 門司港レトロ only
    const hits = await search({ q: "港町" });
    expect(namesOf(hits.items)).toEqual(["門司港レトロ"]);
    const ranked = await search({ q: "北九州" });
    // none has 北九州 in its name: newest first
    expect(namesOf(ranked.items)).toEqual(["小倉城", "門司港レトロ"]);
  });
});

describe("filters", () => {
  it("filters by 市町 and by kind", async () => {
    expect(namesOf((await search({ municipality: NOGATA })).items)).toEqual(["直方市石炭記念館"]);
    expect(namesOf((await search({ dataset: "public_facility" })).items)).toEqual(["直方市石炭記念館"]);
    expect((await search({ municipality: KITAKYUSHU, dataset: "event" })).items.map((i) => i.id)).toEqual([ids.longEvent]);
    const bad = await anonymous.get("/api/public/region/items?municipality=40100");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("市町の指定");
  });

  it("finds an event when its period overlaps the range", async () => {
    const names = async (from?: string, to?: string) =>
      namesOf((await search({ ...(from ? { from } : {}), ...(to ? { to } : {}) })).items).sort();
    // inside the long event's period, touching its first and last day, and around the one-day event
    expect(await names("2022-02-01", "2022-02-05")).toEqual(["門司港レトロ冬のイルミネーション"]);
    expect(await names("2022-01-01", "2022-01-18")).toEqual(["門司港レトロ冬のイルミネーション"]);
    expect(await names("2022-02-18", "2022-02-20")).toEqual(["行橋の花火大会", "門司港レトロ冬のイルミネーション"]);
    expect(await names("2022-02-19", "2022-02-19")).toEqual([]);
    expect(await names("2022-02-20", "2022-02-20")).toEqual(["行橋の花火大会"]);
    // open ends
    expect(await names("2022-02-19")).toEqual(["行橋の花火大会"]);
    expect(await names(undefined, "2022-01-17")).toEqual([]);
    const reversed = await anonymous.get("/api/public/region/items?from=2022-03-01&to=2022-02-01");
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.fields.to).toContain("開始日以降");
  });

  it("finds places near a point within N km, nearest first with their distance, and within a box of the map", async () => {
    const near = await search({ lat: String(MOJIKO.lat), lon: String(MOJIKO.lon), km: "2", sort: "distance" });
    expect(namesOf(near.items)).toEqual(["門司港レトロ冬のイルミネーション", "門司港レトロ"]);
    expect(near.items[0].distanceKm).toBeLessThan(near.items[1].distanceKm);
    expect(near.items[1].distanceKm).toBeGreaterThan(0.1);
    expect(near.items[1].distanceKm).toBeLessThan(0.2);
    // 小倉城 is about 11 km from 門司港: in at 15 km, out at 10 km
    expect(namesOf((await search({ lat: String(MOJIKO.lat), lon: String(MOJIKO.lon), km: "15" })).items)).toContain("小倉城");
    expect(namesOf((await search({ lat: String(MOJIKO.lat), lon: String(MOJIKO.lon), km: "10" })).items)).not.toContain("小倉城");
    // a box around 直方市
    expect(namesOf((await search({ bbox: "130.6,33.6,130.8,33.8" })).items)).toEqual(["直方市石炭記念館"]);
    const noPoint = await anonymous.get("/api/public/region/items?lat=33.9");
    expect(noPoint.status).toBe(400);
    expect(noPoint.body.error.message).toContain("緯度と経度");
    const badBox = await anonymous.get("/api/public/region/items?bbox=131,34,130,33");
    expect(badBox.status).toBe(400);
    expect((await anonymous.get("/api/public/region/items?sort=distance")).status).toBe(400);
  });

  it("combines words, place and kind", async () => {
    const hits = await search({ q: "門司港", dataset: "tourism", lat: String(MOJIKO.lat), lon: String(MOJIKO.lon), km: "1" });
    expect(namesOf(hits.items)).toEqual(["門司港レトロ"]);
  });
});

describe("sort and paging", () => {
  it("sorts by newest, name (kana) and date, and pages with the total", async () => {
    expect(namesOf((await search({ sort: "newest", pageSize: "3" })).items)).toEqual(["小倉城", "直方市石炭記念館", "門司港レトロ"]);
    expect(namesOf((await search({ sort: "name", dataset: "tourism" })).items)).toEqual(["小倉城", "門司港レトロ", "ｺｽﾓｽ園 ２０２６"]);
    expect(namesOf((await search({ sort: "date" })).items).slice(0, 2)).toEqual(["門司港レトロ冬のイルミネーション", "行橋の花火大会"]);
    const second = await search({ sort: "newest", pageSize: "4", page: "2" });
    expect(second).toMatchObject({ total: 6, page: 2, pageSize: 4, totalCapped: false });
    expect(second.items).toHaveLength(2);
    const past = await search({ sort: "newest", pageSize: "4", page: "3" });
    expect(past.items).toHaveLength(0);
    expect(past.total).toBe(6);
  });

  it("counts matches up to its cap and one more (the page says 「…件以上」), on the page and past it", async () => {
    const capped = await searchPublished(t.db, filterOf({}), "newest", { limit: 2, offset: 0 }, 3);
    expect(capped.rows).toHaveLength(2);
    expect(capped.total).toBe(4);
    const pastEnd = await searchPublished(t.db, filterOf({}), "newest", { limit: 2, offset: 10 }, 3);
    expect(pastEnd).toEqual({ rows: [], total: 4 });
    const exact = await searchPublished(t.db, filterOf({ municipality: NOGATA }), "newest", { limit: 2, offset: 0 }, 3);
    expect(exact.total).toBe(1);
  });
});

describe("the other public answers", () => {
  it("lists the featured items and the 市町 with their published items counted", async () => {
    const featured = await anonymous.get("/api/public/region/featured");
    expect(featured.status).toBe(200);
    expect(featured.body.items.map((i: { id: string }) => i.id)).toEqual([ids.retro]);
    const choices = await anonymous.get("/api/public/region/municipalities");
    expect(choices.status).toBe(200);
    const counts = Object.fromEntries(
      choices.body.municipalities.map((m: { code: string; publishedCount: number }) => [m.code, m.publishedCount]),
    );
    expect(counts).toMatchObject({ [KITAKYUSHU]: 3, [NOGATA]: 1, [YUKUHASHI]: 2 });
    const datasets = Object.fromEntries(
      choices.body.datasets.map((d: { key: string; publishedCount: number }) => [d.key, d.publishedCount]),
    );
    expect(datasets).toMatchObject({ tourism: 3, event: 2, public_facility: 1, aed: 0 });
  });

  it("serves the 18 市町's boundaries with their credit line", async () => {
    const geo = await anonymous.get("/api/public/region/municipalities.geojson");
    expect(geo.status).toBe(200);
    expect(geo.body.type).toBe("FeatureCollection");
    expect(geo.body.features).toHaveLength(18);
    expect(geo.body.attribution).toBe("「国土数値情報（行政区域データ）」（国土交通省）を加工して作成");
    expect(geo.body.features.map((f: { properties: { code: string } }) => f.properties.code)).toContain("406422");
  });

  it("gives the map its points (published, with a place) and the total", async () => {
    const points = await anonymous.get("/api/public/region/map/points");
    expect(points.status).toBe(200);
    expect(points.body.total).toBe(4);
    expect(points.body.points.map((p: { id: string }) => p.id)).not.toContain(ids.halfWidth);
    expect(Object.keys(points.body.points[0]).sort()).toEqual(["dataset", "id", "lat", "lon", "municipalityCode", "name", "nameEn"]);
    const nogata = await anonymous.get(`/api/public/region/map/points?municipality=${NOGATA}`);
    expect(nogata.body.points.map((p: { id: string }) => p.id)).toEqual([ids.nogataPark]);
  });

  it("gives the calendar the events whose period touches the month", async () => {
    const month = async (m: string, extra: Record<string, string> = {}) => {
      const response = await anonymous.get(`/api/public/region/calendar?${new URLSearchParams({ month: m, ...extra })}`);
      expect(response.status, JSON.stringify(response.body)).toBe(200);
      return response.body as { events: { id: string; endDate: string | null }[]; truncated: boolean };
    };
    expect((await month("2022-01")).events.map((e) => e.id)).toEqual([ids.longEvent]);
    expect((await month("2022-02")).events.map((e) => e.id)).toEqual([ids.longEvent, ids.oneDay]);
    expect((await month("2022-02", { municipality: YUKUHASHI })).events.map((e) => e.id)).toEqual([ids.oneDay]);
    expect((await month("2022-02", { q: "イルミネーション" })).events.map((e) => e.id)).toEqual([ids.longEvent]);
    expect((await month("2022-03")).events).toEqual([]);
    expect((await month("2022-02")).events[1].endDate).toBeNull();
    expect((await anonymous.get("/api/public/region/calendar?month=2022-13")).status).toBe(400);
  });
});

describe("rate limit", () => {
  it("answers 429 with Retry-After past the per-address limit", async () => {
    await clearOfWindowEdges([[60, 15]]);
    let last = 200;
    for (let i = 0; i < 61; i++) last = (await anonymous.get("/api/public/region/municipalities.geojson")).status;
    expect(last).toBe(429);
    const refused = await anonymous.get("/api/public/region/municipalities.geojson");
    expect(refused.status).toBe(429);
    expect(refused.headers.get("retry-after")).toBeTruthy();
    expect(refused.body.error.message).toContain("1分間に60回まで");
  });
});
