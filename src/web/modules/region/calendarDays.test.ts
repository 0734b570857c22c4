// The calendar's month grid: weeks from Sunday with blanks, events on every day of their period within the month.
import { describe, expect, it } from "vitest";
import type { PublicCalendarEvent } from "../../../common/api/region-public";
import { eventsByDay, shiftMonth, weeksOf } from "./calendarDays";

const event = (id: string, startDate: string, endDate: string | null = null): PublicCalendarEvent => ({
  id,
  municipalityCode: "401005",
  municipalityName: "北九州市",
  municipalityNameEn: "Kitakyushu City",
  name: id,
  nameEn: "",
  startDate,
  endDate,
  startTime: null,
  endTime: null,
  isSample: false,
});

describe("calendar days", () => {
  it("lays a month out in weeks from Sunday", () => {
    // 2026-08-01 is a Saturday
    const weeks = weeksOf("2026-08");
    expect(weeks[0]).toEqual([null, null, null, null, null, null, 1]);
    expect(weeks.at(-1)).toEqual([30, 31, null, null, null, null, null]);
    expect(weeks.every((week) => week.length === 7)).toBe(true);
    expect(weeksOf("2026-02").flat().filter(Boolean)).toHaveLength(28);
  });

  it("puts a period on every day it spans within the month", () => {
    const days = eventsByDay("2022-02", [
      event("long", "2022-01-18", "2022-02-18"),
      event("one", "2022-02-20"),
      event("march", "2022-03-01"),
    ]);
    expect(days.get(1)?.map((e) => e.id)).toEqual(["long"]);
    expect(days.get(18)?.map((e) => e.id)).toEqual(["long"]);
    expect(days.get(19)).toBeUndefined();
    expect(days.get(20)?.map((e) => e.id)).toEqual(["one"]);
    expect([...days.keys()]).toHaveLength(19);
  });

  it("lists a day's events that begin that day first, then the shorter ones", () => {
    const days = eventsByDay("2022-02", [
      event("season", "2022-01-18", "2022-02-28"),
      event("week", "2022-02-07", "2022-02-13"),
      event("day", "2022-02-10"),
      event("starts", "2022-02-10", "2022-02-20"),
    ]);
    expect(days.get(10)?.map((e) => e.id)).toEqual(["day", "starts", "week", "season"]);
  });

  it("moves between months across years", () => {
    expect(shiftMonth("2026-12", 1)).toBe("2027-01");
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
  });
});
