// An event's dates as one line: 和暦 in Japanese, day-month-year in English, daily hours over a period said so.
import { describe, expect, it } from "vitest";
import { formatEventPeriod } from "./event-period";

describe("formatEventPeriod", () => {
  it("writes one day, a period, hours and daily hours in Japanese (和暦)", () => {
    expect(formatEventPeriod({ startDate: "2026-08-01", endDate: null, startTime: null, endTime: null }, "ja")).toBe("令和8年8月1日");
    expect(formatEventPeriod({ startDate: "2026-08-01", endDate: "2026-08-02", startTime: null, endTime: null }, "ja")).toBe(
      "令和8年8月1日〜令和8年8月2日",
    );
    expect(formatEventPeriod({ startDate: "2026-08-01", endDate: "2026-08-01", startTime: "10:00", endTime: "21:00" }, "ja")).toBe(
      "令和8年8月1日 10:00〜21:00",
    );
    expect(formatEventPeriod({ startDate: "2022-01-18", endDate: "2022-02-18", startTime: "10:00", endTime: "17:00" }, "ja")).toBe(
      "令和4年1月18日〜令和4年2月18日 毎日10:00〜17:00",
    );
  });

  it("writes the same in English", () => {
    expect(formatEventPeriod({ startDate: "2026-08-01", endDate: null, startTime: "10:00", endTime: null }, "en")).toBe(
      "1 Aug 2026, 10:00",
    );
    expect(formatEventPeriod({ startDate: "2022-01-18", endDate: "2022-02-18", startTime: "10:00", endTime: "17:00" }, "en")).toBe(
      "18 Jan 2022 – 18 Feb 2022, daily 10:00–17:00",
    );
  });
});
