import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  daysInMonth,
  fiscalYearOf,
  fiscalYearRange,
  formatDateBoth,
  formatFiscalYear,
  formatWareki,
  formatWarekiShort,
  isoDateInJapan,
  parseFiscalYear,
  parseJapaneseDate,
  todayInJapan,
} from "./dates.js";

const day = (iso: string) => ({ iso, precision: "day" });

describe("parseJapaneseDate", () => {
  it.each([
    ["令和6年11月30日", "2024-11-30"],
    ["R6.11.30", "2024-11-30"],
    ["R6/11/30", "2024-11-30"],
    ["r6-11-30", "2024-11-30"],
    ["R6年11月30日", "2024-11-30"],
    ["H31.4.30", "2019-04-30"],
    ["平成31年4月30日", "2019-04-30"],
    ["令和元年5月1日", "2019-05-01"],
    ["R元.5.1", "2019-05-01"],
    ["R1.5.1", "2019-05-01"],
    ["昭和64年1月7日", "1989-01-07"],
    ["平成元年1月8日", "1989-01-08"],
    ["大正15年12月24日", "1926-12-24"],
    ["2024-11-30", "2024-11-30"],
    ["2024/11/30", "2024-11-30"],
    ["2024年11月30日", "2024-11-30"],
    ["2024.11.30", "2024-11-30"],
    ["2024/1/5", "2024-01-05"],
  ])("reads %s as a day", (input, iso) => {
    expect(parseJapaneseDate(input)).toEqual(day(iso));
  });

  it("reads full-width digits, letters and spaces", () => {
    expect(parseJapaneseDate("令和６年１１月３０日")).toEqual(day("2024-11-30"));
    expect(parseJapaneseDate("令和 6 年 11 月 30 日")).toEqual(day("2024-11-30"));
    expect(parseJapaneseDate("令和　６年　１１月末")).toEqual({ iso: "2024-11-30", precision: "month-end" });
    expect(parseJapaneseDate("Ｒ６．１１．３０")).toEqual(day("2024-11-30"));
    expect(parseJapaneseDate("２０２４／１１／３０")).toEqual(day("2024-11-30"));
  });

  it("reads 月末 with or without 時点 / 現在 as the last day of the month", () => {
    const end = { iso: "2024-11-30", precision: "month-end" };
    expect(parseJapaneseDate("令和6年11月末")).toEqual(end);
    expect(parseJapaneseDate("令和6年11月末時点")).toEqual(end);
    expect(parseJapaneseDate("令和6年11月末現在")).toEqual(end);
    expect(parseJapaneseDate("令和7年3月末時点")).toEqual({ iso: "2025-03-31", precision: "month-end" });
    expect(parseJapaneseDate("2024年11月末")).toEqual(end);
  });

  it("reads a day followed by 時点", () => {
    expect(parseJapaneseDate("令和7年2月15日時点")).toEqual(day("2025-02-15"));
  });

  it("gets February's month-end right in leap and common years", () => {
    expect(parseJapaneseDate("令和6年2月末")?.iso).toBe("2024-02-29");
    expect(parseJapaneseDate("令和7年2月末")?.iso).toBe("2025-02-28");
    expect(parseJapaneseDate("平成12年2月末")?.iso).toBe("2000-02-29"); // divisible by 400
    expect(parseJapaneseDate("2100年2月末")?.iso).toBe("2100-02-28"); // divisible by 100 only
  });

  it("reads a month alone as its first day with precision month", () => {
    expect(parseJapaneseDate("令和6年11月")).toEqual({ iso: "2024-11-01", precision: "month" });
    expect(parseJapaneseDate("2024年11月")).toEqual({ iso: "2024-11-01", precision: "month" });
    expect(parseJapaneseDate("平成31年4月")).toEqual({ iso: "2019-04-01", precision: "month" });
    expect(parseJapaneseDate("令和元年4月")).toBeNull(); // no day of April 2019 was 令和
  });

  it("rejects impossible dates", () => {
    for (const input of ["令和6年2月30日", "令和7年2月29日", "2023-02-29", "2024-13-01", "2024-00-10", "令和6年11月31日", "2024/11/0"]) {
      expect(parseJapaneseDate(input), input).toBeNull();
    }
  });

  it("rejects dates outside their era (the 平成/令和 boundary and others)", () => {
    for (const input of [
      "平成31年5月1日",
      "H31.5.1",
      "令和元年4月30日",
      "R1.4.30",
      "平成32年1月1日",
      "昭和64年1月8日",
      "令和0年5月1日",
      "平成0年1月1日",
      "平成元年1月7日",
    ]) {
      expect(parseJapaneseDate(input), input).toBeNull();
    }
  });

  it("rejects text that is not a date", () => {
    for (const input of ["", "令和", "令和6年", "明日", "R6", "2024", "2024-11-30x", "令和6年11月30日頃", "X6.11.30"]) {
      expect(parseJapaneseDate(input), input).toBeNull();
    }
  });
});

describe("formatWareki and friends", () => {
  it("writes era dates with 元年 for the first year", () => {
    expect(formatWareki("2024-11-30")).toBe("令和6年11月30日");
    expect(formatWareki("2019-05-01")).toBe("令和元年5月1日");
    expect(formatWareki("2019-04-30")).toBe("平成31年4月30日");
    expect(formatWareki("1989-01-07")).toBe("昭和64年1月7日");
    expect(formatWareki("1989-01-08")).toBe("平成元年1月8日");
  });

  it("writes the month-end and month styles", () => {
    expect(formatWareki("2024-11-30", { precision: "month-end" })).toBe("令和6年11月末");
    expect(formatWareki("2024-02-29", { precision: "month-end" })).toBe("令和6年2月末");
    expect(formatWareki("2024-11-01", { precision: "month" })).toBe("令和6年11月");
    // A month-end label on a mid-month date would misstate the 時点, so it is refused.
    expect(() => formatWareki("2024-11-29", { precision: "month-end" })).toThrow(RangeError);
  });

  it("writes the short form", () => {
    expect(formatWarekiShort("2024-11-30")).toBe("R6.11.30");
    expect(formatWarekiShort("2019-04-30")).toBe("H31.4.30");
    expect(formatWarekiShort("2019-05-01")).toBe("R1.5.1");
  });

  it("writes both calendars for the UI", () => {
    expect(formatDateBoth("2024-11-30")).toBe("令和6年11月30日（2024-11-30）");
  });

  it("refuses malformed or non-existent ISO input and dates before 大正", () => {
    expect(() => formatWareki("2024-02-30")).toThrow(RangeError);
    expect(() => formatWareki("2024/11/30")).toThrow(RangeError);
    expect(() => formatWareki("1900-01-01")).toThrow(RangeError);
  });
});

describe("fiscal year (年度)", () => {
  it("starts in April", () => {
    expect(fiscalYearOf("2025-03-31")).toBe(2024);
    expect(fiscalYearOf("2025-04-01")).toBe(2025);
    expect(fiscalYearOf("2024-01-01")).toBe(2023);
    expect(fiscalYearRange(2024)).toEqual({ start: "2024-04-01", end: "2025-03-31" });
  });

  it("names fiscal years in 和暦, FY2019 as 令和元年度 by city convention", () => {
    expect(formatFiscalYear(2024)).toBe("令和6年度");
    expect(formatFiscalYear(2019)).toBe("令和元年度");
    expect(formatFiscalYear(2020)).toBe("令和2年度");
    expect(formatFiscalYear(2018)).toBe("平成30年度");
    expect(formatFiscalYear(1988)).toBe("昭和63年度");
    expect(formatFiscalYear(1989)).toBe("平成元年度");
  });

  it.each([
    ["令和6年度", 2024],
    ["R6年度", 2024],
    ["R6", 2024],
    ["r6", 2024],
    ["2024年度", 2024],
    ["2024", 2024],
    ["平成30年度", 2018],
    ["平成31年度", 2019],
    ["令和元年度", 2019],
    ["Ｒ６年度", 2024],
    ["令和 ６ 年度", 2024],
  ])("reads %s", (input, fy) => {
    expect(parseFiscalYear(input)).toBe(fy);
  });

  it("rejects what is not a fiscal year", () => {
    for (const input of ["", "令和6年", "令和0年度", "平成32年度", "年度", "24年度", "令和6年11月"]) {
      expect(parseFiscalYear(input), input).toBeNull();
    }
  });
});

describe("properties", () => {
  const isoDate = fc
    .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ year, month, d }) => {
      const dd = Math.min(d, daysInMonth(year, month));
      return `${year}-${String(month).padStart(2, "0")}-${String(dd).padStart(2, "0")}`;
    });

  it("formatWareki → parseJapaneseDate returns the same day (1990–2100)", () => {
    fc.assert(
      fc.property(isoDate, (iso) => {
        expect(parseJapaneseDate(formatWareki(iso))).toEqual(day(iso));
        expect(parseJapaneseDate(formatWarekiShort(iso))).toEqual(day(iso));
      }),
      { numRuns: 2000 },
    );
  });

  it("month-end labels round-trip", () => {
    const monthEnd = fc
      .record({ year: fc.integer({ min: 1990, max: 2100 }), month: fc.integer({ min: 1, max: 12 }) })
      .map(({ year, month }) => `${year}-${String(month).padStart(2, "0")}-${String(daysInMonth(year, month)).padStart(2, "0")}`);
    fc.assert(
      fc.property(monthEnd, (iso) => {
        expect(parseJapaneseDate(`${formatWareki(iso, { precision: "month-end" })}時点`)).toEqual({ iso, precision: "month-end" });
      }),
    );
  });

  it("formatFiscalYear → parseFiscalYear round-trips and fiscalYearOf agrees with the range", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1927, max: 2100 }), (fy) => {
        expect(parseFiscalYear(formatFiscalYear(fy))).toBe(fy);
        const { start, end } = fiscalYearRange(fy);
        expect(fiscalYearOf(start)).toBe(fy);
        expect(fiscalYearOf(end)).toBe(fy);
      }),
    );
  });
});

describe("item 13: today in Japan (one function for the whole system)", () => {
  afterEach(() => vi.useRealTimers());

  it("item 13: is the date in Japan, not in UTC: 08:59 JST on 1 April is still 1 April, not 31 March", () => {
    vi.useFakeTimers({ now: new Date("2025-03-31T23:59:00Z") }); // 2025-04-01 08:59 in Japan
    expect(todayInJapan()).toBe("2025-04-01");
    expect(fiscalYearOf(todayInJapan())).toBe(2025);
    vi.setSystemTime(new Date("2025-03-31T14:59:59Z")); // 23:59:59 in Japan
    expect(todayInJapan()).toBe("2025-03-31");
  });

  it("item 13: reads an instant's date in Japan whatever the process time zone", () => {
    expect(isoDateInJapan(new Date("2024-12-31T15:00:00Z"))).toBe("2025-01-01");
    expect(isoDateInJapan(new Date("2024-12-31T14:59:59.999Z"))).toBe("2024-12-31");
  });
});
