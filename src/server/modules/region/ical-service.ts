// iCalendar (.ics) downloads of the hub's events: one event, and the calendar's events under its filters (a calendar
// app can subscribe to the feed's URL). The text comes from the pure writer in common/region/ical.ts, which keeps
// RFC 5545's rules (CRLF, folding, escaping, all-day DTEND, Japan time, daily hours as a daily RRULE).
import type { QueryOf } from "../../../common/api/contract";
import { type downloadEventsIcs, ICS_FEED_LIMIT } from "../../../common/api/region-public";
import { todayInJapan } from "../../../common/dates";
import { DATASETS } from "../../../common/region/datasets";
import { addDays, type CalendarEvent, renderCalendar } from "../../../common/region/ical";
import type { Queryable } from "../../db/database";
import { NotFound } from "../../platform/errors";
import type { FileResult } from "../../platform/http/types";
import { itemPath } from "./public-links";
import * as repo from "./public-repository";
import { wordsOf } from "./public-service";

const ICS_TYPE = "text/calendar; charset=utf-8";
/** The .ics feed's window when the caller names none: a month back (events still on) to a year ahead. */
const FEED_DAYS_BACK = 30;
const FEED_DAYS_AHEAD = 365;

type Lang = "ja" | "en";

/** An event row as an iCalendar VEVENT: English texts where translated (lang en), the hub's page as its URL. */
export function calendarEventOf(row: repo.EventRow, origin: string, lang: Lang): CalendarEvent {
  const page = `${origin}${itemPath(row.id, lang)}`;
  const name = (lang === "en" && row.name_en) || row.name;
  const description = (lang === "en" && row.description_en_full) || row.description_full;
  return {
    uid: `${row.id}@region.yokogushi`,
    summary: name,
    description: [description, page].filter(Boolean).join("\n\n"),
    location: [row.category, row.address].filter(Boolean).join(" "),
    url: page,
    geo: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
    categories: [
      lang === "en" ? row.municipality_name_en : row.municipality_name,
      lang === "en" ? DATASETS.event.labelEn : DATASETS.event.noun,
    ],
    startDate: row.start_date as string,
    endDate: row.end_date,
    startTime: row.start_time,
    endTime: row.end_time,
    lastModified: row.updated_at,
  };
}

const calendarName = (lang: Lang, municipality?: string) =>
  lang === "en"
    ? `Kitakyushu Metropolitan Region Hub events${municipality ? ` (${municipality})` : ""}`
    : `北九州都市圏域 情報ハブのイベント${municipality ? `（${municipality}）` : ""}`;

/** One published event's .ics (404 for anything that is not a published event with a date). */
export async function eventIcs(db: Queryable, id: string, origin: string, now = new Date()): Promise<FileResult> {
  const item = await repo.findPublishedItem(db, id);
  if (item?.dataset !== "event" || !item.start_date) throw new NotFound("公開中のイベント");
  const row: repo.EventRow = {
    ...item,
    description_full: item.description,
    description_en_full: item.description_en,
  };
  const text = renderCalendar({ name: item.name, events: [calendarEventOf(row, origin, "ja")], now });
  return {
    file: { name: `event-${item.start_date}-${item.id.slice(0, 8)}.ics`, mimeType: ICS_TYPE, body: new TextEncoder().encode(text) },
  };
}

/** The calendar's events under its filters as one .ics (at most ICS_FEED_LIMIT, soonest first). */
export async function eventsIcs(
  db: Queryable,
  query: QueryOf<typeof downloadEventsIcs> & { lang: Lang },
  origin: string,
  now = new Date(),
): Promise<FileResult> {
  const today = todayInJapan();
  const from = query.from ?? (query.to ? null : addDays(today, -FEED_DAYS_BACK));
  const to = query.to ?? (query.from ? null : addDays(today, FEED_DAYS_AHEAD));
  const rows = await repo.findEvents(db, { ...wordsOf(query.q), municipality: query.municipality, from, to }, ICS_FEED_LIMIT);
  const municipality =
    query.municipality && rows[0] ? (query.lang === "en" ? rows[0].municipality_name_en : rows[0].municipality_name) : undefined;
  const text = renderCalendar({
    name: calendarName(query.lang, municipality),
    events: rows.map((row) => calendarEventOf(row, origin, query.lang)),
    now,
  });
  return { file: { name: `region-events-${today}.ics`, mimeType: ICS_TYPE, body: new TextEncoder().encode(text) } };
}
