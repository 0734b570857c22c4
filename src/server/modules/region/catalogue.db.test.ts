// The public side over HTTP without sign-in: the オープンデータ一覧, each CSV (published items only; every 市町 as one
// file), and the CKAN-style Action API — CKAN's envelope and field names, packages only where a 市町 publishes,
// drafts never, metadata_modified from the latest change, sizes equal to the files, CKAN's error form with 404 / 409,
// and a rate limit per address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCsv } from "../../platform/tabular";
import { buildExportWorld, type ExportWorld, insertExportItem, KANDA, KITAKYUSHU, NOGATA } from "./export-fixture";

let w: ExportWorld;
const API = "/api/public/region/ckan/3/action";

beforeAll(async () => {
  w = await buildExportWorld();
  const db = w.t.db;
  await insertExportItem(db, {
    municipality: NOGATA,
    dataset: "tourism",
    sourceId: "001",
    name: "直方市石炭記念館",
    fields: { 名称: "直方市石炭記念館" },
    updatedAt: "2026-11-01T03:00:00Z",
  });
  await insertExportItem(db, {
    municipality: NOGATA,
    dataset: "tourism",
    sourceId: "002",
    name: "直方の下書き",
    status: "draft",
    fields: { 名称: "直方の下書き" },
    updatedAt: "2026-12-06T03:00:00Z",
  });
  await insertExportItem(db, {
    municipality: NOGATA,
    dataset: "event",
    sourceId: "E1",
    name: "のおがた夏まつり",
    fields: { イベント名: "のおがた夏まつり" },
    updatedAt: "2026-08-01T00:00:00Z",
  });
  // withdrawn later than the last published change: a harvester must see the file changed
  await insertExportItem(db, {
    municipality: NOGATA,
    dataset: "event",
    sourceId: "E2",
    name: "中止の催し",
    status: "withdrawn",
    fields: { イベント名: "中止の催し" },
    updatedAt: "2026-12-01T00:00:00Z",
  });
  await insertExportItem(db, {
    municipality: KITAKYUSHU,
    dataset: "tourism",
    sourceId: "1",
    name: "小倉城",
    fields: { 名称: "小倉城" },
    updatedAt: "2026-10-01T00:00:00Z",
  });
  await insertExportItem(db, {
    municipality: KANDA,
    dataset: "tourism",
    sourceId: "A1",
    name: "苅田の下書き",
    status: "draft",
    fields: { 名称: "苅田の下書き" },
  });
}, 120_000);
afterAll(() => w?.t.cleanup());

const PACKAGE_KEYS = [
  "author",
  "author_email",
  "extras",
  "groups",
  "id",
  "isopen",
  "license_id",
  "license_title",
  "license_url",
  "maintainer",
  "maintainer_email",
  "metadata_created",
  "metadata_modified",
  "name",
  "notes",
  "num_resources",
  "num_tags",
  "organization",
  "owner_org",
  "private",
  "relationships_as_object",
  "relationships_as_subject",
  "resources",
  "state",
  "tags",
  "title",
  "type",
  "url",
  "version",
];

describe("the CKAN Action API", () => {
  it("package_search answers CKAN's envelope with the packages of published data only", async () => {
    const response = await w.anonymous.get(`${API}/package_search?rows=100`);
    expect(response.status).toBe(200);
    expect(Object.keys(response.body).sort()).toEqual(["help", "result", "success"]);
    expect(response.body.success).toBe(true);
    const { result } = response.body;
    expect(Object.keys(result).sort()).toEqual(["count", "facets", "results", "search_facets", "sort"]);
    expect(result.count).toBe(3);
    // 苅田町 has drafts only: no package
    expect(result.results.map((p: { name: string }) => p.name).sort()).toEqual(["401005-tourism", "402044-event", "402044-tourism"]);
    for (const pkg of result.results) {
      expect(Object.keys(pkg).sort()).toEqual(PACKAGE_KEYS);
      expect(pkg.resources.map((r: { size: number | null }) => r.size)).toEqual([null, null]);
    }
    expect(result.sort).toBe("score desc, metadata_modified desc");
    // the default sort: the latest change first (a withdrawal counts)
    expect(result.results[0].name).toBe("402044-event");
    expect(result.results[0].metadata_modified).toBe("2026-12-01T00:00:00.000000");
  });

  it("filters with fq and pages with rows and start", async () => {
    const search = async (query: Record<string, string>) =>
      (await w.anonymous.get(`${API}/package_search?${new URLSearchParams(query)}`)).body.result;
    expect((await search({ fq: "organization:402044" })).results.map((p: { name: string }) => p.name)).toEqual([
      "402044-event",
      "402044-tourism",
    ]);
    expect((await search({ fq: "tags:観光施設" })).count).toBe(2);
    expect((await search({ q: "小倉" })).count).toBe(0);
    expect((await search({ q: "北九州市" })).results.map((p: { name: string }) => p.name)).toEqual(["401005-tourism"]);
    const page = await search({ rows: "1", start: "1", sort: "name asc" });
    expect(page.count).toBe(3);
    expect(page.results.map((p: { name: string }) => p.name)).toEqual(["402044-event"]);
    const facets = await search({ "facet.field": '["organization"]', rows: "0" });
    expect(facets.results).toEqual([]);
    expect(facets.facets.organization).toEqual({ "401005": 1, "402044": 2 });
  });

  it("package_show names the 市町, licence, dates and both CSVs with their real sizes", async () => {
    const response = await w.anonymous.get(`${API}/package_show?id=402044-tourism`);
    expect(response.status).toBe(200);
    const pkg = response.body.result;
    expect(pkg).toMatchObject({
      name: "402044-tourism",
      title: "直方市 観光施設一覧",
      organization: { name: NOGATA, title: "直方市" },
      license_id: "CC-BY-4.0",
      license_url: "https://creativecommons.org/licenses/by/4.0/deed.ja",
      metadata_modified: "2026-11-01T03:00:00.000000",
      num_resources: 2,
      extras: expect.arrayContaining([{ key: "record_count", value: "1" }]),
    });
    const [utf8, cp932] = pkg.resources;
    expect(utf8.url).toBe("http://localhost/api/public/region/opendata/402044_tourism.csv");
    expect(cp932.url).toBe("http://localhost/api/public/region/opendata/402044_tourism.csv?encoding=cp932");
    const utf8File = await w.anonymous.get(new URL(utf8.url).pathname);
    const cp932File = await w.anonymous.get(`${new URL(cp932.url).pathname}?encoding=cp932`);
    expect(utf8.size).toBe(utf8File.raw.length);
    expect(cp932.size).toBe(cp932File.raw.length);
    expect([utf8.format, utf8.mimetype, cp932.format]).toEqual(["CSV", "text/csv", "CSV"]);
  });

  it("answers CKAN's error form: 404 Not Found Error, 409 Validation / Search Query Error", async () => {
    const missing = await w.anonymous.get(`${API}/package_show?id=406210-tourism`);
    expect(missing.status).toBe(404);
    expect(missing.body).toMatchObject({ success: false, error: { __type: "Not Found Error" } });
    expect(missing.body.result).toBeUndefined();
    const noId = await w.anonymous.get(`${API}/package_show`);
    expect(noId.status).toBe(409);
    expect(noId.body.error).toMatchObject({ __type: "Validation Error", id: ["Missing value"] });
    const rows = await w.anonymous.get(`${API}/package_search?rows=many`);
    expect(rows.status).toBe(409);
    expect(rows.body.error).toMatchObject({ __type: "Validation Error", rows: ["Invalid integer"] });
    const field = await w.anonymous.get(`${API}/package_search?fq=${encodeURIComponent("secret:1")}`);
    expect(field.status).toBe(409);
    expect(field.body.error.__type).toBe("Search Query Error");
  });

  it("package_list and organization_list name only what is published", async () => {
    expect((await w.anonymous.get(`${API}/package_list`)).body.result).toEqual(["401005-tourism", "402044-event", "402044-tourism"]);
    expect((await w.anonymous.get(`${API}/package_list?limit=1&offset=1`)).body.result).toEqual(["402044-event"]);
    expect((await w.anonymous.get(`${API}/organization_list`)).body.result).toEqual([KITAKYUSHU, NOGATA]);
    const full = (await w.anonymous.get(`${API}/organization_list?all_fields=true&sort=package_count%20desc`)).body.result;
    expect(full.map((o: { name: string; title: string; package_count: number }) => [o.name, o.title, o.package_count])).toEqual([
      [NOGATA, "直方市", 2],
      [KITAKYUSHU, "北九州市", 1],
    ]);
  });

  it("takes a harvester's extra parameters without complaint", async () => {
    const response = await w.anonymous.get(`${API}/package_search?q=*:*&include_private=false&callback=x`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
  });
});

describe("the public files and list", () => {
  it("serves published items only, one 市町 or every 市町, and 404 for an unknown 市町", async () => {
    const one = await w.anonymous.get("/api/public/region/opendata/402044_tourism.csv");
    expect(one.status).toBe(200);
    expect([...one.raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readCsv(one.raw).rows.map((r) => r[3])).toEqual(["直方市石炭記念館"]);
    const region = readCsv((await w.anonymous.get("/api/public/region/opendata/kitakyushu-region_tourism.csv")).raw).rows;
    expect(region.map((r) => r[3])).toEqual(["小倉城", "直方市石炭記念館"]);
    expect((await w.anonymous.get("/api/public/region/opendata/999999_tourism.csv")).status).toBe(404);
    expect((await w.anonymous.get("/api/public/region/opendata/402044_secrets.csv")).status).toBe(400);
    const cp932 = await w.anonymous.get("/api/public/region/opendata/402044_tourism.csv?encoding=cp932");
    expect(cp932.headers.get("content-type")).toBe("text/csv; charset=Shift_JIS");
  });

  it("lists every package with its files and the API link, and each dataset's file of every 市町", async () => {
    const { body } = await w.anonymous.get("/api/public/region/opendata");
    expect(body.packages.map((p: { name: string; count: number }) => [p.name, p.count])).toEqual([
      ["401005-tourism", 1],
      ["402044-tourism", 1],
      ["402044-event", 1],
    ]);
    expect(body.packages[1]).toMatchObject({
      fileName: "402044_tourism.csv",
      urls: {
        "utf-8-bom": "/api/public/region/opendata/402044_tourism.csv",
        cp932: "/api/public/region/opendata/402044_tourism.csv?encoding=cp932",
      },
      apiUrl: `${API}/package_show?id=402044-tourism`,
      municipalityName: "直方市",
      datasetLabel: "観光施設一覧",
    });
    expect(
      body.regionFiles.map((f: { fileName: string; count: number; municipalityCount: number }) => [
        f.fileName,
        f.count,
        f.municipalityCount,
      ]),
    ).toEqual([
      ["kitakyushu-region_tourism.csv", 2, 2],
      ["kitakyushu-region_event.csv", 1, 1],
    ]);
    expect(JSON.stringify(body)).not.toContain("下書き");
  });

  it("limits each address (429 with Retry-After before the limit's window ends)", async () => {
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await w.anonymous.get("/api/public/region/opendata/401005_tourism.csv")).status;
    expect(last).toBe(429);
  });
});
