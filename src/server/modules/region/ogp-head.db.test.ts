// Share cards of the hub's public pages, as a crawler that does not run scripts sees them: the server answers the
// SPA's index.html with the page's title, OGP and Twitter tags, canonical link, feed discovery and (items) schema.org
// JSON-LD in its head — every value escaped, so an item named with markup stays text. A draft item and other
// modules' pages get the shell unchanged.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { registerModules } from "../../modules";
import type { AppEnv } from "../../platform/http/types";
import { createLogger } from "../../platform/logger";
import { createTestDb, type TestDb } from "../../testing/db";
import { insertItem, seedMunicipalities } from "./public.fixture";

const SHELL = `<!doctype html>
<html lang="ja">
  <head>
    <meta charset="UTF-8" />
    <meta name="description" content="横串（Yokogushi）— 政策局の局区方針・横断調整システム" />
    <title>横串 Yokogushi</title>
  </head>
  <body><div id="root"></div></body>
</html>
`;

const HOSTILE = `門司港"レトロ" <script>alert('x')</script> & 祭`;

let testDb: TestDb;
let app: Hono<AppEnv>;
let webRoot: string;
const ids: Record<string, string> = {};

beforeAll(async () => {
  registerModules();
  testDb = await createTestDb();
  webRoot = mkdtempSync(path.join(tmpdir(), "yokogushi-ogp-"));
  writeFileSync(path.join(webRoot, "index.html"), SHELL);
  const config = { ...loadConfig({}), logLevel: "silent", loadDemoData: false, publicUrl: "https://hub.example.jp" };
  app = buildApp({ db: testDb.db, config, log: createLogger("silent"), jobs: null }, { webRoot });
  await seedMunicipalities(testDb.db);
  ids.event = await insertItem(testDb.db, {
    dataset: "event",
    name: HOSTILE,
    nameEn: "Mojiko Retro Festival",
    description: "港町の夏祭り。</script><script>alert(1)</script>",
    category: "門司港レトロ地区",
    address: "福岡県北九州市門司区港町",
    lat: 33.9449,
    lon: 130.9617,
    startDate: "2026-08-01",
    startTime: "10:00",
    endTime: "21:00",
    imageUrl: "https://example.jp/festival.jpg",
    fields: { 主催者: "門司港まつり実行委員会" },
  });
  ids.place = await insertItem(testDb.db, { name: "小倉城", description: "" });
  ids.draft = await insertItem(testDb.db, { name: "下書きの催し", status: "draft" });
}, 120_000);
afterAll(async () => {
  await testDb?.cleanup();
  if (webRoot) rmSync(webRoot, { recursive: true, force: true });
});

async function page(pathname: string): Promise<string> {
  const response = await app.request(`http://localhost${pathname}`);
  expect(response.status).toBe(200);
  return response.text();
}

/** The attributes of every <meta> and <link> in a head, and the JSON-LD blocks. */
function headOf(html: string) {
  const head = html.slice(0, html.indexOf("</head>"));
  const attributes = (tag: string) =>
    Object.fromEntries([...tag.matchAll(/([a-z:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]])) as Record<string, string>;
  const decode = (text: string) =>
    text
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const metas = [...head.matchAll(/<meta [^>]*>/g)].map((m) => attributes(m[0]));
  const meta = (key: string) => {
    const found = metas.find((m) => m.property === key || m.name === key);
    return found ? decode(found.content) : undefined;
  };
  const links = [...head.matchAll(/<link [^>]*>/g)].map((m) => attributes(m[0]));
  const jsonLd = [...head.matchAll(/<script type="application\/ld\+json">([^<]*)<\/script>/g)].map((m) => JSON.parse(m[1]));
  const title = decode(/<title>([^<]*)<\/title>/.exec(head)?.[1] ?? "");
  return { head, meta, links, jsonLd, title };
}

describe("share cards of the hub's pages", () => {
  it("an event's page: its escaped name, description and image, JSON-LD Event, canonical and feed links", async () => {
    const html = await page(`/public/region/items/${ids.event}`);
    const { head, meta, links, jsonLd, title } = headOf(html);
    // the markup in the name never becomes markup: no <script> but the JSON-LD block, no stray quote
    expect(head.match(/<script/g)).toHaveLength(1);
    expect(head).not.toContain("<script>alert");
    expect(title).toBe(`${HOSTILE} | 北九州都市圏域 情報ハブ`);
    expect(meta("og:title")).toBe(`${HOSTILE} | 北九州都市圏域 情報ハブ`);
    expect(meta("og:description")).toBe("港町の夏祭り。</script><script>alert(1)</script>");
    expect(meta("description")).toBe("港町の夏祭り。</script><script>alert(1)</script>");
    expect(meta("og:url")).toBe(`https://hub.example.jp/public/region/items/${ids.event}`);
    expect(meta("og:image")).toBe("https://example.jp/festival.jpg");
    expect(meta("og:type")).toBe("article");
    expect(meta("twitter:card")).toBe("summary_large_image");
    expect(links.find((l) => l.rel === "canonical")?.href).toBe(`https://hub.example.jp/public/region/items/${ids.event}`);
    expect(links.filter((l) => l.type === "application/rss+xml").map((l) => l.href)).toContain(
      "https://hub.example.jp/api/public/region/feed.rss?kind=new",
    );
    expect(links.find((l) => l.hreflang === "en")?.href).toBe(`https://hub.example.jp/public/region/en/items/${ids.event}`);
    expect(jsonLd).toHaveLength(1);
    expect(jsonLd[0]).toMatchObject({
      "@type": "Event",
      name: HOSTILE,
      startDate: "2026-08-01T10:00:00+09:00",
      endDate: "2026-08-01T21:00:00+09:00",
      organizer: { name: "門司港まつり実行委員会" },
      location: { "@type": "Place", name: "門司港レトロ地区", geo: { latitude: 33.9449, longitude: 130.9617 } },
      url: `https://hub.example.jp/public/region/items/${ids.event}`,
    });
    // the rest of the shell is untouched
    expect(html).toContain('<div id="root"></div>');
    expect(html.match(/<title>/g)).toHaveLength(1);
  });

  it("the English page names the item in English; a page without an image gets the hub's card", async () => {
    const english = headOf(await page(`/public/region/en/items/${ids.event}`));
    expect(english.meta("og:title")).toBe("Mojiko Retro Festival | Kitakyushu Metropolitan Region Hub");
    expect(english.meta("og:locale")).toBe("en_US");
    const place = headOf(await page(`/public/region/items/${ids.place}`));
    expect(place.meta("og:image")).toBe("https://hub.example.jp/region-hub-card.png");
    expect(place.meta("og:description")).toBe("北九州市の観光施設");
    expect(place.jsonLd[0]["@type"]).toBe("TouristAttraction");
  });

  it("the hub, its map and calendar carry the hub's card and the feeds' discovery links", async () => {
    const hub = headOf(await page("/public/region"));
    expect(hub.meta("og:title")).toBe("北九州都市圏域 情報ハブ");
    expect(hub.meta("og:url")).toBe("https://hub.example.jp/public/region");
    expect(hub.meta("og:image")).toBe("https://hub.example.jp/region-hub-card.png");
    expect(hub.links.filter((l) => l.rel === "alternate" && l.type)).toHaveLength(4);
    expect(hub.jsonLd).toHaveLength(0);
    expect(headOf(await page("/public/region/calendar")).meta("og:url")).toBe("https://hub.example.jp/public/region/calendar");
    expect(headOf(await page("/public/region/en/map")).meta("og:title")).toBe("Map | Kitakyushu Metropolitan Region Hub");
  });

  it("a draft item's page and other pages get the shell unchanged", async () => {
    expect(await page(`/public/region/items/${ids.draft}`)).toBe(SHELL);
    expect(await page("/public/region/items/not-an-id")).toBe(SHELL);
    expect(await page("/public/sdgs")).toBe(SHELL);
    expect(await page("/region/items")).toBe(SHELL);
  });
});
