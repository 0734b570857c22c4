// What leaves the hub for calendars and feed readers, read back the way they read it: an event's .ics (a VEVENT with
// UID, DTSTAMP, DTSTART in Japan time, daily hours as a daily RRULE, an all-day event's exclusive DTEND, CRLF and
// folded lines), the calendar's .ics feed under its filters, and the RSS 2.0 and Atom 1.0 feeds of new items and of
// upcoming events per 市町 and kind (well-formed XML whatever the names hold; only published items; absolute links).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInJapan } from "../../../common/dates";
import { addDays } from "../../../common/region/ical";
import { childrenNamed, parseXml, textOf } from "../../../common/region/xml-tree.fixture";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { insertItem, KITAKYUSHU, NOGATA, seedMunicipalities } from "./public.fixture";

let t: TestApp;
let anonymous: TestClient;
const ids: Record<string, string> = {};
const today = todayInJapan();

beforeAll(async () => {
  t = await createTestApp();
  anonymous = t.client();
  await seedMunicipalities(t.db);
  ids.daily = await insertItem(t.db, {
    dataset: "event",
    name: "門司港レトロ冬のイルミネーション",
    nameEn: "Mojiko Retro Winter Illumination",
    description: "期間中は毎日点灯します。\n雨天決行, 入場無料; どなたでも",
    category: "門司港レトロ地区",
    address: "福岡県北九州市門司区港町",
    lat: 33.9449,
    lon: 130.9617,
    startDate: "2022-01-18",
    endDate: "2022-02-18",
    startTime: "10:00",
    endTime: "17:00",
    publishedAt: "2021-12-20T00:00:00Z",
  });
  ids.allDay = await insertItem(t.db, {
    dataset: "event",
    municipality: NOGATA,
    name: "直方チューリップフェア",
    startDate: addDays(today, 3),
    endDate: addDays(today, 5),
    publishedAt: new Date(Date.now() - 600_000).toISOString(),
  });
  ids.soon = await insertItem(t.db, {
    dataset: "event",
    name: `<b>"祭"</b> & 'ライブ'`,
    startDate: addDays(today, 1),
    startTime: "18:00",
    endTime: "21:00",
    publishedAt: new Date(Date.now() - 60_000).toISOString(),
  });
  ids.past = await insertItem(t.db, {
    dataset: "event",
    name: "終わったイベント",
    startDate: addDays(today, -40),
    publishedAt: "2020-01-01T00:00:00Z",
  });
  ids.draftEvent = await insertItem(t.db, { dataset: "event", name: "下書きのイベント", startDate: addDays(today, 2), status: "draft" });
  ids.place = await insertItem(t.db, { name: "小倉城", publishedAt: new Date(Date.now() - 120_000).toISOString() });
}, 120_000);
afterAll(() => t?.cleanup());

/** Unfolds an iCalendar text and splits it into content lines. */
const unfold = (text: string) => text.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
/** The VEVENTs of a calendar as maps of property (with its parameters) → value. */
function eventsOf(text: string): Map<string, string>[] {
  const events: Map<string, string>[] = [];
  let current: Map<string, string> | null = null;
  for (const line of unfold(text)) {
    if (line === "BEGIN:VEVENT") current = new Map();
    else if (line === "END:VEVENT" && current) {
      events.push(current);
      current = null;
    } else if (current) {
      const at = line.indexOf(":");
      current.set(line.slice(0, at), line.slice(at + 1));
    }
  }
  return events;
}

describe("iCalendar", () => {
  it("downloads one event as RFC 5545: CRLF, folded, Japan time, daily hours as a daily RRULE", async () => {
    const response = await anonymous.get(`/api/public/region/items/${ids.daily}/event.ics`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("content-disposition")).toContain("attachment");
    const text = response.body as string;
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    for (const line of text.split("\r\n")) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(unfold(text)).toContain("TZID:Asia/Tokyo");
    const [event] = eventsOf(text);
    expect(event.get("UID")).toBe(`${ids.daily}@region.yokogushi`);
    expect(event.get("DTSTAMP")).toMatch(/^\d{8}T\d{6}Z$/);
    expect(event.get("DTSTART;TZID=Asia/Tokyo")).toBe("20220118T100000");
    expect(event.get("DTEND;TZID=Asia/Tokyo")).toBe("20220118T170000");
    expect(event.get("RRULE")).toBe("FREQ=DAILY;UNTIL=20220218T010000Z");
    expect(event.get("SUMMARY")).toBe("門司港レトロ冬のイルミネーション");
    expect(event.get("DESCRIPTION")).toContain("期間中は毎日点灯します。\\n雨天決行\\, 入場無料\\; どなたでも");
    expect(event.get("LOCATION")).toBe("門司港レトロ地区 福岡県北九州市門司区港町");
    expect(event.get("GEO")).toBe("33.9449;130.9617");
    expect(event.get("URL")).toBe(`http://localhost/public/region/items/${ids.daily}`);
  });

  it("writes an all-day event with an exclusive DTEND", async () => {
    const text = (await anonymous.get(`/api/public/region/items/${ids.allDay}/event.ics`)).body as string;
    const [event] = eventsOf(text);
    expect(event.get("DTSTART;VALUE=DATE")).toBe(addDays(today, 3).replaceAll("-", ""));
    expect(event.get("DTEND;VALUE=DATE")).toBe(addDays(today, 6).replaceAll("-", ""));
  });

  it("answers 404 for a draft event and for an item that is not an event", async () => {
    expect((await anonymous.get(`/api/public/region/items/${ids.draftEvent}/event.ics`)).status).toBe(404);
    expect((await anonymous.get(`/api/public/region/items/${ids.place}/event.ics`)).status).toBe(404);
  });

  it("downloads the calendar's events under its filters, from a month back to a year ahead by default", async () => {
    const all = eventsOf((await anonymous.get("/api/public/region/events.ics")).body as string);
    expect(all.map((e) => e.get("SUMMARY"))).toEqual([`<b>"祭"</b> & 'ライブ'`, "直方チューリップフェア"]);
    const nogata = eventsOf((await anonymous.get(`/api/public/region/events.ics?municipality=${NOGATA}`)).body as string);
    expect(nogata.map((e) => e.get("UID"))).toEqual([`${ids.allDay}@region.yokogushi`]);
    const range = eventsOf((await anonymous.get("/api/public/region/events.ics?from=2022-02-01&to=2022-02-28&lang=en")).body as string);
    expect(range.map((e) => e.get("SUMMARY"))).toEqual(["Mojiko Retro Winter Illumination"]);
    expect(range[0].get("URL")).toBe(`http://localhost/public/region/en/items/${ids.daily}`);
  });
});

describe("RSS and Atom", () => {
  it("RSS 2.0 of new items: published ones, newest first, escaped, with absolute links", async () => {
    const response = await anonymous.get("/api/public/region/feed.rss");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const channel = childrenNamed(parseXml(response.body as string), "channel")[0];
    expect(textOf(channel, "title")).toBe("北九州都市圏域 情報ハブ 新着");
    const items = childrenNamed(channel, "item");
    const titles = items.map((item) => textOf(item, "title"));
    expect(titles).not.toContain("下書きのイベント");
    expect(titles.slice(0, 2)).toEqual([`<b>"祭"</b> & 'ライブ'`, "小倉城"]);
    expect(textOf(items[0], "link")).toBe(`http://localhost/public/region/items/${ids.soon}`);
    for (const item of items) expect(Number.isNaN(new Date(textOf(item, "pubDate")).getTime())).toBe(false);
  });

  it("Atom 1.0 of upcoming events per 市町, soonest first, with their dates in the title", async () => {
    const all = parseXml((await anonymous.get("/api/public/region/feed.atom?kind=events")).body as string);
    const entries = childrenNamed(all, "entry");
    expect(entries.map((e) => textOf(e, "id"))).toEqual([`urn:uuid:${ids.soon}`, `urn:uuid:${ids.allDay}`]);
    expect(textOf(entries[1], "title")).toMatch(/^直方チューリップフェア（令和\d+年\d+月\d+日〜令和\d+年\d+月\d+日）$/);
    for (const entry of entries) expect(textOf(entry, "updated")).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const kitakyushu = parseXml(
      (await anonymous.get(`/api/public/region/feed.atom?kind=events&municipality=${KITAKYUSHU}`)).body as string,
    );
    expect(childrenNamed(kitakyushu, "entry").map((e) => textOf(e, "id"))).toEqual([`urn:uuid:${ids.soon}`]);
    expect(textOf(kitakyushu, "title")).toBe("北九州都市圏域 情報ハブ これからのイベント（北九州市）");
    const english = parseXml((await anonymous.get("/api/public/region/feed.atom?kind=new&dataset=tourism&lang=en")).body as string);
    expect(textOf(english, "title")).toBe("Kitakyushu Metropolitan Region Hub: new (Tourist attractions)");
    expect(childrenNamed(english, "entry").map((e) => textOf(e, "title"))).toEqual(["小倉城"]);
    expect(childrenNamed(childrenNamed(english, "entry")[0], "link")[0].attributes.href).toBe(
      `http://localhost/public/region/en/items/${ids.place}`,
    );
  });

  it("refuses a feed kind it does not have", async () => {
    const response = await anonymous.get("/api/public/region/feed.rss?kind=all");
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain("フィードの種類");
  });
});
