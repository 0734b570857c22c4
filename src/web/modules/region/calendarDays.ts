// The month grid of the event calendar, pure: the weeks of a month (Sunday first, blanks before the 1st and after the
// last day), which events fall on each day (a period is on every day it spans within the month), and moving a month.
import type { PublicCalendarEvent } from "../../../common/api/region-public";

/** YYYY-MM of a YYYY-MM-DD. */
export const monthOf = (iso: string) => iso.slice(0, 7);

export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split("-").map(Number);
  const at = new Date(Date.UTC(year, m - 1 + by, 1));
  return `${at.getUTCFullYear()}-${String(at.getUTCMonth() + 1).padStart(2, "0")}`;
}

export function daysIn(month: string): number {
  const [year, m] = month.split("-").map(Number);
  return new Date(Date.UTC(year, m, 0)).getUTCDate();
}

export const dayIso = (month: string, day: number) => `${month}-${String(day).padStart(2, "0")}`;

/** Day of the week of a date: 0 Sunday … 6 Saturday. */
export function weekdayOf(iso: string): number {
  const [year, m, d] = iso.split("-").map(Number);
  return new Date(Date.UTC(year, m - 1, d)).getUTCDay();
}

/** The weeks of the month, each seven cells: a day of the month (1…31) or null. */
export function weeksOf(month: string): (number | null)[][] {
  const blanks = weekdayOf(dayIso(month, 1));
  const cells: (number | null)[] = [...Array(blanks).fill(null), ...Array.from({ length: daysIn(month) }, (_, i) => i + 1)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/**
 * For each day of the month (1…31), the events on it: those that begin that day first, then the shorter periods (a
 * one-day event is news on its day; a season-long one is on every day of the month).
 */
export function eventsByDay(month: string, events: readonly PublicCalendarEvent[]): Map<number, PublicCalendarEvent[]> {
  const first = dayIso(month, 1);
  const last = dayIso(month, daysIn(month));
  const days = new Map<number, PublicCalendarEvent[]>();
  for (const event of events) {
    // ISO dates compare as text
    const [from] = [event.startDate, first].sort().reverse();
    const [to] = [event.endDate ?? event.startDate, last].sort();
    if (from > to) continue;
    for (let day = Number(from.slice(8, 10)); day <= Number(to.slice(8, 10)); day++) {
      const list = days.get(day) ?? [];
      list.push(event);
      days.set(day, list);
    }
  }
  const lengthOf = (event: PublicCalendarEvent) => Date.parse(event.endDate ?? event.startDate) - Date.parse(event.startDate);
  for (const [day, list] of days) {
    const iso = dayIso(month, day);
    list.sort((a, b) => Number(b.startDate === iso) - Number(a.startDate === iso) || lengthOf(a) - lengthOf(b));
  }
  return days;
}
