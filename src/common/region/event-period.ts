// An event's dates and hours as one line of text, in Japanese (和暦) or English: the feeds' titles, the calendar's
// labels for screen readers, the English pages. Daily hours over a period read "毎日" / "daily", as the .ics writes
// them (common/region/ical.ts).
import { formatWareki } from "../dates";
import { timingOf } from "./ical";

export interface EventDates {
  startDate: string;
  endDate: string | null;
  startTime: string | null;
  endTime: string | null;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function japaneseDate(iso: string): string {
  try {
    return formatWareki(iso);
  } catch {
    return iso;
  }
}

function englishDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

/** 令和8年8月1日 10:00〜21:00 / 令和4年1月18日〜令和4年2月18日 毎日10:00〜17:00 / 1 Aug 2026, 10:00–21:00 */
export function formatEventPeriod(event: EventDates, lang: "ja" | "en"): string {
  const date = lang === "en" ? englishDate : japaneseDate;
  const dash = lang === "en" ? " – " : "〜";
  const multiDay = !!event.endDate && event.endDate > event.startDate;
  const days = multiDay ? `${date(event.startDate)}${dash}${date(event.endDate as string)}` : date(event.startDate);
  if (!event.startTime) return days;
  const hours = event.endTime ? `${event.startTime}${lang === "en" ? "–" : "〜"}${event.endTime}` : event.startTime;
  const daily = timingOf(event) === "daily";
  if (lang === "en") return `${days}, ${daily ? "daily " : ""}${hours}`;
  return `${days} ${daily ? "毎日" : ""}${hours}`;
}
