// RSS 2.0 and Atom 1.0 feeds of the hub: newly published items (新着) or upcoming events (これからのイベント: those
// not yet over, soonest first), per 市町 and dataset by query, in Japanese or English. The XML comes from the pure
// writers in common/region/feeds.ts (escaped text, RFC 822 / RFC 3339 dates).
import type { QueryOf } from "../../../common/api/contract";
import { type downloadRssFeed, FEED_LIMIT, type FeedKind } from "../../../common/api/region-public";
import { todayInJapan } from "../../../common/dates";
import { DATASETS, type DatasetKey } from "../../../common/region/datasets";
import { formatEventPeriod } from "../../../common/region/event-period";
import { type FeedDocument, type FeedEntry, renderAtom, renderRss } from "../../../common/region/feeds";
import type { Queryable } from "../../db/database";
import type { FileResult } from "../../platform/http/types";
import { hubPath, itemPath } from "./public-links";
import * as repo from "./public-repository";

type Lang = "ja" | "en";
type FeedQuery = QueryOf<typeof downloadRssFeed> & { kind: FeedKind; lang: Lang };

const SUMMARY_LENGTH = 300;
const clip = (text: string) => (Array.from(text).length > SUMMARY_LENGTH ? `${Array.from(text).slice(0, SUMMARY_LENGTH).join("")}…` : text);

const TITLES: Record<Lang, Record<FeedKind, string>> = {
  ja: { new: "北九州都市圏域 情報ハブ 新着", events: "北九州都市圏域 情報ハブ これからのイベント" },
  en: { new: "Kitakyushu Metropolitan Region Hub: new", events: "Kitakyushu Metropolitan Region Hub: upcoming events" },
};
const DESCRIPTIONS: Record<Lang, Record<FeedKind, string>> = {
  ja: {
    new: "北九州都市圏域18市町の観光施設・イベント・公共施設などの新着情報",
    events: "北九州都市圏域18市町のこれから開催されるイベント（開催日の近い順）",
  },
  en: {
    new: "New sights, events and facilities of the 18 cities and towns of the Kitakyushu region",
    events: "Upcoming events of the 18 cities and towns of the Kitakyushu region, soonest first",
  },
};

function entryOf(row: repo.EventRow, kind: FeedKind, origin: string, lang: Lang): FeedEntry {
  const name = (lang === "en" && row.name_en) || row.name;
  const description = (lang === "en" && row.description_en_full) || row.description_full;
  const period =
    row.dataset === "event" && row.start_date
      ? formatEventPeriod({ startDate: row.start_date, endDate: row.end_date, startTime: row.start_time, endTime: row.end_time }, lang)
      : "";
  const place = lang === "en" ? row.municipality_name_en : row.municipality_name;
  return {
    id: row.id,
    title: kind === "events" && period ? (lang === "en" ? `${name} (${period})` : `${name}（${period}）`) : name,
    link: `${origin}${itemPath(row.id, lang)}`,
    summary: clip([period, description].filter(Boolean).join(lang === "en" ? ". " : "。")),
    published: row.published_at ?? row.updated_at,
    updated: row.updated_at,
    categories: [lang === "en" ? DATASETS[row.dataset].labelEn : DATASETS[row.dataset].noun, place],
  };
}

function queryString(query: FeedQuery): string {
  const search = new URLSearchParams({ kind: query.kind });
  if (query.municipality) search.set("municipality", query.municipality);
  if (query.dataset) search.set("dataset", query.dataset);
  if (query.lang !== "ja") search.set("lang", query.lang);
  return search.toString();
}

async function feedOf(db: Queryable, query: FeedQuery, origin: string, format: "rss" | "atom"): Promise<FeedDocument> {
  const filter = { municipality: query.municipality, dataset: query.dataset as DatasetKey | undefined };
  const rows =
    query.kind === "events"
      ? await repo.findEvents(db, { grams: [], chars: [], municipality: filter.municipality, from: todayInJapan(), to: null }, FEED_LIMIT)
      : await repo.findNewest(db, filter, FEED_LIMIT);
  const entries = rows.map((row) => entryOf(row, query.kind, origin, query.lang));
  const narrowed = [
    query.municipality && rows[0] ? (query.lang === "en" ? rows[0].municipality_name_en : rows[0].municipality_name) : "",
    query.kind === "new" && query.dataset ? (query.lang === "en" ? DATASETS[query.dataset].labelEn : DATASETS[query.dataset].label) : "",
  ].filter(Boolean);
  const title =
    TITLES[query.lang][query.kind] +
    (narrowed.length ? (query.lang === "en" ? ` (${narrowed.join(", ")})` : `（${narrowed.join("・")}）`) : "");
  const hub = new URLSearchParams();
  if (query.municipality) hub.set("municipality", query.municipality);
  if (query.dataset) hub.set("dataset", query.dataset);
  // ISO timestamps: the latest sorts last
  const updated =
    entries
      .map((e) => e.updated)
      .sort()
      .at(-1) ?? new Date().toISOString();
  return {
    title,
    description: DESCRIPTIONS[query.lang][query.kind],
    link: `${origin}${hubPath(query.lang)}${hub.size ? `?${hub}` : ""}`,
    selfUrl: `${origin}/api/public/region/feed.${format}?${queryString(query)}`,
    language: query.lang,
    updated: new Date(updated).toISOString(),
    entries,
  };
}

export async function rssFeed(db: Queryable, query: FeedQuery, origin: string): Promise<FileResult> {
  const xml = renderRss(await feedOf(db, query, origin, "rss"));
  return {
    file: { name: `region-${query.kind}.rss`, mimeType: "application/rss+xml; charset=utf-8", body: new TextEncoder().encode(xml) },
  };
}

export async function atomFeed(db: Queryable, query: FeedQuery, origin: string): Promise<FileResult> {
  const xml = renderAtom(await feedOf(db, query, origin, "atom"));
  return {
    file: { name: `region-${query.kind}.atom`, mimeType: "application/atom+xml; charset=utf-8", body: new TextEncoder().encode(xml) },
  };
}
