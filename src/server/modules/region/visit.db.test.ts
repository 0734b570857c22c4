// The hub's visit counter over HTTP (POST /api/public/region/visits): a visitor is one per day (the same browser and
// address twice in a day is one visitor; on two days, two), nothing that names the caller — address, user agent —
// is in any table or log line afterwards, only the page's path (no query), the referrer's host, and the item, 市町
// and campaign the hub knows; crawlers and browsers asking not to be tracked are not counted; a signed-in member of
// staff is counted too; the body is strict and small; the per-address limit holds without storing the address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isoDateInJapan } from "../../../common/dates";
import type { TestClient } from "../../testing/app";
import { clearOfWindowEdges } from "../../testing/rate-windows";
import { type AnalyticsWorld, buildAnalyticsWorld, insertCampaign } from "./analytics.fixture";
import { analyticsFigures } from "./analytics-service";
import { recordVisit } from "./visit-service";

const URL_ = "/api/public/region/visits";
// Test addresses (RFC 5737) and a user agent no other test uses, to look for afterwards.
const ADDRESS = "203.0.113.77";
const OTHER_ADDRESS = "198.51.100.23";
const UA = "Mozilla/5.0 (X11; Linux x86_64) AnalyticsProbe/7.7 Chrome/130.0";

let w: AnalyticsWorld;
let anonymous: TestClient;

beforeAll(async () => {
  w = await buildAnalyticsWorld();
  anonymous = w.client();
}, 120_000);
afterAll(() => w?.cleanup());

const headers = (extra: Record<string, string> = {}) => ({ "x-forwarded-for": ADDRESS, "user-agent": UA, ...extra });
const view = (body: object = {}) => ({ pageKind: "home", lang: "ja", path: "/public/region", ...body });
const post = (client: TestClient, body: object, extra: Record<string, string> = {}) => client.request("POST", URL_, body, headers(extra));

async function visitsToday(): Promise<{ visitor_hash: string; path: string; referrer_host: string; page_kind: string }[]> {
  const { rows } = await w.db.query<{ visitor_hash: string; path: string; referrer_host: string; page_kind: string }>(
    "SELECT visitor_hash, path, referrer_host, page_kind FROM region_visits ORDER BY id",
  );
  return rows;
}

describe("a visitor", () => {
  it("twice in a day is one visitor; another browser or another address is another", async () => {
    await w.db.query("DELETE FROM region_visits");
    expect((await post(anonymous, view())).body).toEqual({ counted: true });
    expect((await post(anonymous, view({ pageKind: "search", path: "/public/region/search" }))).body).toEqual({ counted: true });
    await post(anonymous, view(), { "user-agent": `${UA} Edge/1` });
    await post(anonymous, view(), { "x-forwarded-for": OTHER_ADDRESS });
    const rows = await visitsToday();
    expect(rows).toHaveLength(4);
    expect(rows.every((r) => /^[0-9a-f]{32}$/.test(r.visitor_hash))).toBe(true);
    expect(rows[0].visitor_hash).toBe(rows[1].visitor_hash);
    expect(new Set(rows.map((r) => r.visitor_hash)).size).toBe(3);

    const today = isoDateInJapan(new Date());
    const figures = await analyticsFigures(w.db, { from: today, to: today }, { municipality: null, fixed: false });
    expect(figures.totals).toMatchObject({ visits: 4, visitors: 3 });
  });

  it("on two days is two visitors: each day has its own salt", async () => {
    await w.db.query("DELETE FROM region_visits");
    const caller = { userAgent: UA, address: ADDRESS, dnt: undefined, secGpc: undefined };
    const input = { pageKind: "home" as const, lang: "ja" as const, path: "/public/region", referrerHost: "" };
    const dayOne = new Date("2026-11-04T10:00:00+09:00");
    const sameDayLater = new Date("2026-11-04T23:59:00+09:00");
    const dayTwo = new Date("2026-11-05T00:01:00+09:00");
    for (const now of [dayOne, sameDayLater, dayTwo]) expect(await recordVisit(w.db, input, caller, { now })).toEqual({ counted: true });

    const { rows } = await w.db.query<{ day: string; visitor_hash: string }>("SELECT day, visitor_hash FROM region_visits ORDER BY id");
    expect(rows.map((r) => r.day)).toEqual(["2026-11-04", "2026-11-04", "2026-11-05"]);
    expect(rows[0].visitor_hash).toBe(rows[1].visitor_hash);
    expect(rows[2].visitor_hash).not.toBe(rows[0].visitor_hash);
    const salts = await w.db.query<{ day: string }>("SELECT day FROM region_visit_salts WHERE day IN ('2026-11-04', '2026-11-05')");
    expect(salts.rows).toHaveLength(2);

    const figures = await analyticsFigures(w.db, { from: "2026-11-04", to: "2026-11-05" }, { municipality: null, fixed: false });
    expect(figures.totals).toMatchObject({ visits: 3, visitors: 2 });
    expect(figures.byDay).toEqual([
      { day: "2026-11-04", visits: 2, visitors: 1 },
      { day: "2026-11-05", visits: 1, visitors: 1 },
    ]);
  });
});

describe("what is kept", () => {
  it("no address and no user agent in any table, only the day's hash", async () => {
    await post(anonymous, view({ referrerHost: "www.google.com" }));
    await post(w.client(), view({ itemId: w.items.published, pageKind: "item", path: `/public/region/items/${w.items.published}` }));
    expect((await visitsToday()).length).toBeGreaterThan(0);

    // every row of every table, as text (bytea shows as hex: look for the address's bytes too)
    const tables = await w.db.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`,
    );
    expect(tables.rows.length).toBeGreaterThan(50);
    const needles = [ADDRESS, UA, "AnalyticsProbe", Buffer.from(ADDRESS).toString("hex")];
    const found: string[] = [];
    for (const t of tables.rows) {
      const { rows } = await w.db.query<{ row: string }>(`SELECT t::text AS row FROM "${t.schema}"."${t.name}" t`);
      for (const r of rows) for (const needle of needles) if (r.row.includes(needle)) found.push(`${t.name}: ${needle}`);
    }
    expect(found).toEqual([]);
  });

  it("the path without its query, the referrer's host only, and only what the hub knows", async () => {
    await w.db.query("DELETE FROM region_visits");
    const campaign = await insertCampaign(w.db, {
      name: "試験キャンペーン",
      tag: "visit-test",
      channel: "x",
      publishedOn: "2026-11-01",
      costYen: 0,
    });
    await post(
      anonymous,
      view({ pageKind: "search", path: "/public/region/search?q=secret-words#top", referrerHost: "https://www.Google.com/search?q=me" }),
    );
    await post(anonymous, view({ campaign: "VISIT-TEST" }));
    await post(anonymous, view({ campaign: "no-such-tag" }));
    // an item's page counts for the item's own 市町; a draft item or an unknown 市町 is not recorded
    await post(
      anonymous,
      view({ pageKind: "item", path: "/public/region/items/x", itemId: w.items.published, municipalityCode: "401005" }),
    );
    await post(anonymous, view({ pageKind: "item", path: "/public/region/items/y", itemId: w.items.draft }));
    await post(anonymous, view({ pageKind: "municipality", path: "/public/region/m", municipalityCode: "999999" }));
    await post(anonymous, view({ pageKind: "municipality", path: "/public/region/n", municipalityCode: "直方" }));
    const { rows } = await w.db.query<{
      path: string;
      referrer_host: string;
      campaign_id: string | null;
      item_id: string | null;
      municipality_code: string | null;
    }>("SELECT path, referrer_host, campaign_id, item_id, municipality_code FROM region_visits ORDER BY id");
    expect(rows).toEqual([
      { path: "/public/region/search", referrer_host: "www.google.com", campaign_id: null, item_id: null, municipality_code: null },
      { path: "/public/region", referrer_host: "", campaign_id: campaign, item_id: null, municipality_code: null },
      { path: "/public/region", referrer_host: "", campaign_id: null, item_id: null, municipality_code: null },
      { path: "/public/region/items/x", referrer_host: "", campaign_id: null, item_id: w.items.published, municipality_code: "402044" },
      { path: "/public/region/items/y", referrer_host: "", campaign_id: null, item_id: null, municipality_code: null },
      { path: "/public/region/m", referrer_host: "", campaign_id: null, item_id: null, municipality_code: null },
      { path: "/public/region/n", referrer_host: "", campaign_id: null, item_id: null, municipality_code: null },
    ]);
  });

  it("leaves the address and the user agent out of the request log", async () => {
    const before = w.logLines.length;
    await post(anonymous, view());
    await post(anonymous, { ...view(), extra: 1 });
    const lines = w.logLines.slice(before);
    expect(lines.filter((l) => l.msg === "request" && l.path === URL_)).toHaveLength(2);
    const text = JSON.stringify(lines);
    expect(text).not.toContain(ADDRESS);
    expect(text).not.toContain("AnalyticsProbe");
  });
});

describe("what is not counted", () => {
  it("crawlers, a request without a user agent, and browsers asking not to be tracked (DNT, GPC)", async () => {
    await w.db.query("DELETE FROM region_visits");
    for (const ua of [
      "Googlebot/2.1 (+http://www.google.com/bot.html)",
      "Mozilla/5.0 (compatible; bingbot/2.0)",
      "Baiduspider",
      "SomeCrawler/1.0",
      "",
    ])
      expect((await post(anonymous, view(), { "user-agent": ua })).body).toEqual({ counted: false });
    expect((await post(anonymous, view(), { dnt: "1" })).body).toEqual({ counted: false });
    expect((await post(anonymous, view(), { "sec-gpc": "1" })).body).toEqual({ counted: false });
    expect((await post(anonymous, view(), { dnt: "0" })).body).toEqual({ counted: true });
    expect(await visitsToday()).toHaveLength(1);
  });

  it("a page outside the hub, an unknown page kind, an unknown key, a large body or a body that is not JSON", async () => {
    expect((await post(anonymous, view({ path: "/admin/users" }))).status).toBe(400);
    expect((await post(anonymous, view({ path: "/public/region/../admin" }))).status).toBe(400);
    expect((await post(anonymous, view({ pageKind: "admin" }))).status).toBe(400);
    expect((await post(anonymous, { ...view(), visitor: "me" })).status).toBe(400);
    const big = await post(anonymous, view({ referrerHost: "a".repeat(3000) }));
    expect(big.status).toBe(413);
    const text = await anonymous.request("POST", URL_, JSON.stringify(view()), { ...headers(), "content-type": "text/plain" });
    expect(text.status).toBe(415);
  });
});

describe("a signed-in member of staff", () => {
  it("is counted with the page's CSRF token; without cookie (as the pages send it: credentials omitted) as anyone", async () => {
    await w.db.query("DELETE FROM region_visits");
    const staff = await w.login(w.city.viewer.loginId);
    expect((await post(staff, view())).body).toEqual({ counted: true });
    // the platform refuses a write with the session cookie and no token: the public pages therefore send the beacon
    // without credentials (hubVisit.ts), so the server never learns who viewed the page
    const noToken = await staff.request("POST", URL_, view(), { ...headers(), "x-csrf-token": "" });
    expect(noToken.status).toBe(403);
    const withoutCookie = w.client();
    expect((await post(withoutCookie, view())).body).toEqual({ counted: true });
    const { rows } = await w.db.query<{ n: number }>("SELECT count(*)::int AS n FROM region_visits");
    expect(rows[0].n).toBe(2);
  });
});

describe("the per-address limit", () => {
  it("answers 429 past the limit for that address only, and keeps a hash, not the address, as the counter's key", async () => {
    const limited = await buildAnalyticsWorld({ config: { publicApiRateLimit: 3 } });
    try {
      await clearOfWindowEdges([[60, 5]]);
      const client = limited.client();
      const send = (address: string) => client.request("POST", URL_, view(), { ...headers(), "x-forwarded-for": address });
      for (let i = 0; i < 3; i++) expect((await send(ADDRESS)).status).toBe(200);
      const over = await send(ADDRESS);
      expect(over.status).toBe(429);
      expect(over.headers.get("retry-after")).toMatch(/^\d+$/);
      expect((await send(OTHER_ADDRESS)).status).toBe(200);
      const buckets = await limited.db.query<{ bucket: string }>(
        "SELECT bucket FROM rate_limit_counters WHERE bucket LIKE 'region.visit:%'",
      );
      expect(buckets.rows).toHaveLength(2);
      for (const { bucket } of buckets.rows) {
        expect(bucket).toMatch(/^region\.visit:[0-9a-f]{32}$/);
        expect(bucket).not.toContain(ADDRESS);
      }
    } finally {
      await limited.cleanup();
    }
  });
});
