// iCalendar (RFC 5545) for the hub's events: one event's .ics and a feed of the calendar's events. Pure: data in, text
// out; the server only fills in the items and answers the download.
//
// The rules it keeps (tested in ical.test.ts):
// - every line ends in CRLF and is folded at 75 octets (a continuation line starts with one space); a multibyte
//   character is never split across a fold;
// - TEXT values escape \ ; , and newlines (\\ \; \, \n), and lose the control characters TEXT may not hold;
// - a VEVENT has UID, DTSTAMP and DTSTART; an all-day event is VALUE=DATE with an exclusive DTEND (the day after its
//   last day);
// - times are Japan time: DTSTART;TZID=Asia/Tokyo with a VTIMEZONE of a fixed +09:00 (Japan has no summer time);
// - an event whose dates span several days and that has times (開始日 2022-01-18, 終了日 2022-02-18, 10:00–17:00) is
//   read as daily opening hours — the publishers' usual meaning (see ../shared/data/region/README.md) — so it is one
//   10:00–17:00 occurrence a day with RRULE:FREQ=DAILY;UNTIL=<the last day's start, in UTC>, not one 31-day block;
// - a time past midnight (25:00, or an end before the start: 18:00–02:00) runs into the next day.

export const TIME_ZONE = "Asia/Tokyo";
const JAPAN_OFFSET_MINUTES = 9 * 60;

export interface CalendarEvent {
  /** globally unique and stable: the same event keeps its UID in every download */
  uid: string;
  summary: string;
  description?: string;
  location?: string;
  /** the event's page (http/https only) */
  url?: string;
  geo?: { lat: number; lon: number } | null;
  categories?: readonly string[];
  /** YYYY-MM-DD */
  startDate: string;
  endDate?: string | null;
  /** hh:mm, Japan time */
  startTime?: string | null;
  endTime?: string | null;
  /** ISO timestamp of the last change */
  lastModified?: string | null;
}

export interface CalendarDocument {
  /** X-WR-CALNAME: what a calendar app names the subscription */
  name: string;
  description?: string;
  events: readonly CalendarEvent[];
  /** DTSTAMP of every event: when this file was made */
  now: Date;
}

// ------------------------------------------------------------------ lines

/** UTF-8 length of one code point. */
function octetsOf(char: string): number {
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  if (code < 0x10000) return 3;
  return 4;
}

/** Folds one content line at 75 octets: CRLF + a space before each continuation, never inside a character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = octetsOf(char);
    if (octets + size > limit) {
      parts.push(current);
      current = char;
      octets = size;
      // a continuation line's leading space counts towards its 75 octets
      limit = 74;
    } else {
      current += char;
      octets += size;
    }
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/** A TEXT value: backslash, semicolon, comma and newlines escaped; control characters (but tab) dropped. */
export function escapeText(text: string): string {
  return (
    text
      .replace(/\r\n|\r|\n/g, "\n")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point (TEXT may not hold them)
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "")
      .replace(/\\/g, "\\\\")
      .replace(/;/g, "\\;")
      .replace(/,/g, "\\,")
      .replace(/\n/g, "\\n")
  );
}

/** A URI value: only http(s), without characters a content line may not hold. */
function uriValue(url: string | undefined): string | null {
  if (!url || !/^https?:\/\//i.test(url)) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: a content line may not hold control characters
  const clean = url.replace(/[\u0000-\u001f\u007f\s]/g, "");
  return clean || null;
}

// ------------------------------------------------------------------ dates and times

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Minutes after midnight of "hh:mm" (hours may pass 24: 25:30 is 1:30 the next day), or null. */
export function minutesOf(time: string | null | undefined): number | null {
  const match = /^(\d{1,2}):([0-5]\d)$/.exec(time ?? "");
  return match ? Number(match[1]) * 60 + Number(match[2]) : null;
}

/** A date and a number of minutes from its midnight (any size) as a UTC-based Date holding the local wall clock. */
function wallClock(date: string, minutes: number): Date {
  const [y, m, d] = date.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d, 0, minutes));
}

/** YYYY-MM-DD plus days. */
export function addDays(date: string, days: number): string {
  return wallClock(date, days * 24 * 60)
    .toISOString()
    .slice(0, 10);
}

const dateValue = (date: string) => date.replaceAll("-", "");
const wallClockValue = (at: Date) =>
  `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}00`;
export const utcValue = (at: Date) =>
  `${at.getUTCFullYear()}${pad(at.getUTCMonth() + 1)}${pad(at.getUTCDate())}T${pad(at.getUTCHours())}${pad(at.getUTCMinutes())}${pad(at.getUTCSeconds())}Z`;

export type EventTiming = "all-day" | "timed" | "daily";

/** How an event is written: all day (no time), once at a time, or daily hours over its dates. */
export function timingOf(event: Pick<CalendarEvent, "startDate" | "endDate" | "startTime">): EventTiming {
  if (minutesOf(event.startTime) === null) return "all-day";
  return event.endDate && event.endDate > event.startDate ? "daily" : "timed";
}

/** The DTSTART / DTEND / RRULE lines of an event (unfolded). */
export function timingLines(event: CalendarEvent): string[] {
  const timing = timingOf(event);
  if (timing === "all-day") {
    const last = event.endDate && event.endDate > event.startDate ? event.endDate : event.startDate;
    return [`DTSTART;VALUE=DATE:${dateValue(event.startDate)}`, `DTEND;VALUE=DATE:${dateValue(addDays(last, 1))}`];
  }
  const start = minutesOf(event.startTime) as number;
  let end = minutesOf(event.endTime);
  // an end at or before the start runs past midnight (18:00–02:00)
  if (end !== null && end <= start) end += 24 * 60;
  const lines = [`DTSTART;TZID=${TIME_ZONE}:${wallClockValue(wallClock(event.startDate, start))}`];
  if (end !== null) lines.push(`DTEND;TZID=${TIME_ZONE}:${wallClockValue(wallClock(event.startDate, end))}`);
  if (timing === "daily") {
    // UNTIL is in UTC when DTSTART has a TZID (RFC 5545 3.3.10): the last day's start, Japan time minus 9 hours
    const lastStart = wallClock(event.endDate as string, start - JAPAN_OFFSET_MINUTES);
    lines.push(`RRULE:FREQ=DAILY;UNTIL=${utcValue(lastStart)}`);
  }
  return lines;
}

// ------------------------------------------------------------------ the document

const VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  `TZID:${TIME_ZONE}`,
  "BEGIN:STANDARD",
  "DTSTART:19700101T000000",
  "TZOFFSETFROM:+0900",
  "TZOFFSETTO:+0900",
  "TZNAME:JST",
  "END:STANDARD",
  "END:VTIMEZONE",
];

function eventLines(event: CalendarEvent, now: Date): string[] {
  const lines = ["BEGIN:VEVENT", `UID:${escapeText(event.uid)}`, `DTSTAMP:${utcValue(now)}`, ...timingLines(event)];
  lines.push(`SUMMARY:${escapeText(event.summary)}`);
  if (event.description) lines.push(`DESCRIPTION:${escapeText(event.description)}`);
  if (event.location) lines.push(`LOCATION:${escapeText(event.location)}`);
  if (event.geo && Number.isFinite(event.geo.lat) && Number.isFinite(event.geo.lon)) lines.push(`GEO:${event.geo.lat};${event.geo.lon}`);
  const categories = (event.categories ?? []).filter(Boolean);
  if (categories.length) lines.push(`CATEGORIES:${categories.map(escapeText).join(",")}`);
  const url = uriValue(event.url);
  if (url) lines.push(`URL:${url}`);
  if (event.lastModified) {
    const at = new Date(event.lastModified);
    if (!Number.isNaN(at.getTime())) lines.push(`LAST-MODIFIED:${utcValue(at)}`);
  }
  lines.push("END:VEVENT");
  return lines;
}

/** A whole VCALENDAR: folded lines, each ending in CRLF. */
export function renderCalendar(doc: CalendarDocument): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Yokogushi//Kitakyushu Region Hub//JA",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(doc.name)}`,
    `X-WR-TIMEZONE:${TIME_ZONE}`,
    ...(doc.description ? [`X-WR-CALDESC:${escapeText(doc.description)}`] : []),
    ...VTIMEZONE,
    ...doc.events.flatMap((event) => eventLines(event, doc.now)),
    "END:VCALENDAR",
  ];
  return lines.map((line) => `${foldLine(line)}\r\n`).join("");
}
