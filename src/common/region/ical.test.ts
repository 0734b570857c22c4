// iCalendar as RFC 5545 writes it: CRLF lines folded at 75 octets without splitting a character, TEXT escaping, an
// all-day event's exclusive DTEND, Japan time with its VTIMEZONE, and daily opening hours over a period as a daily
// RRULE with UNTIL in UTC.
import { describe, expect, it } from "vitest";
import { addDays, type CalendarEvent, escapeText, foldLine, minutesOf, renderCalendar, timingLines, timingOf } from "./ical";

const NOW = new Date("2026-05-01T03:04:05Z");

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  uid: "0b7c6d1e-1111-4222-8333-944455556666@yokogushi-region",
  summary: "小倉城 桜まつり",
  startDate: "2026-04-01",
  ...over,
});

/** Unfolds a calendar and reads its content lines back (name;params:value). */
function unfold(text: string): string[] {
  return text.replace(/\r\n /g, "").split("\r\n").filter(Boolean);
}

describe("folding", () => {
  it("leaves a line of 75 octets alone and folds the 76th octet onto a continuation line", () => {
    const line = `SUMMARY:${"a".repeat(67)}`; // 75 octets
    expect(foldLine(line)).toBe(line);
    const longer = `${line}b`;
    expect(foldLine(longer)).toBe(`${line}\r\n b`);
  });

  it("never splits a multibyte character and keeps every physical line within 75 octets", () => {
    const line = `DESCRIPTION:${"北九州都市圏域の観光🎆".repeat(20)}`;
    const folded = foldLine(line);
    for (const physical of folded.split("\r\n")) {
      expect(Buffer.byteLength(physical, "utf8")).toBeLessThanOrEqual(75);
      // each physical line is whole UTF-8 (no replacement character after a round trip)
      expect(Buffer.from(physical, "utf8").toString("utf8")).toBe(physical);
      expect(physical).not.toMatch(/\uFFFD/);
    }
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });

  it("fills a line with three-octet characters up to 75 octets and continuation lines up to 74 plus the space", () => {
    const folded = foldLine("X:".padEnd(2 + 60, "門"));
    const [first, second] = folded.split("\r\n");
    expect(Buffer.byteLength(first)).toBe(2 + 3 * 24); // 74: a 25th character would make 77
    expect(second.startsWith(" ")).toBe(true);
    expect(Buffer.byteLength(second)).toBeLessThanOrEqual(75);
  });
});

describe("TEXT escaping", () => {
  it("escapes backslash, semicolon, comma and newlines, and drops control characters", () => {
    expect(escapeText("a\\b;c,d\r\ne\nf\rg")).toBe("a\\\\b\\;c\\,d\\ne\\nf\\ng");
    expect(escapeText("bell\u0007tab\tend")).toBe("belltab\tend");
  });
});

describe("event timing", () => {
  it("writes an all-day event as VALUE=DATE with the day after its last day as DTEND", () => {
    expect(timingLines(event({ startDate: "2026-04-01" }))).toEqual(["DTSTART;VALUE=DATE:20260401", "DTEND;VALUE=DATE:20260402"]);
    expect(timingLines(event({ startDate: "2026-04-29", endDate: "2026-05-05" }))).toEqual([
      "DTSTART;VALUE=DATE:20260429",
      "DTEND;VALUE=DATE:20260506",
    ]);
    // month and year ends roll over
    expect(timingLines(event({ startDate: "2026-12-31" }))[1]).toBe("DTEND;VALUE=DATE:20270101");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("writes a timed event in Japan time with its TZID", () => {
    expect(timingOf(event({ startTime: "10:00", endTime: "17:00" }))).toBe("timed");
    expect(timingLines(event({ startTime: "10:00", endTime: "17:30" }))).toEqual([
      "DTSTART;TZID=Asia/Tokyo:20260401T100000",
      "DTEND;TZID=Asia/Tokyo:20260401T173000",
    ]);
    // without an end time there is no DTEND (the event is a moment)
    expect(timingLines(event({ startTime: "9:00" }))).toEqual(["DTSTART;TZID=Asia/Tokyo:20260401T090000"]);
  });

  it("runs an end before the start, or past 24:00, into the next day", () => {
    expect(timingLines(event({ startTime: "18:00", endTime: "02:00" }))[1]).toBe("DTEND;TZID=Asia/Tokyo:20260402T020000");
    expect(timingLines(event({ startTime: "20:00", endTime: "25:30" }))[1]).toBe("DTEND;TZID=Asia/Tokyo:20260402T013000");
    expect(minutesOf("25:30")).toBe(25 * 60 + 30);
    expect(minutesOf("ten")).toBeNull();
  });

  it("writes daily hours over a period (2022-01-18 → 02-18, 10:00–17:00) as a daily RRULE with UNTIL in UTC", () => {
    const daily = event({ startDate: "2022-01-18", endDate: "2022-02-18", startTime: "10:00", endTime: "17:00" });
    expect(timingOf(daily)).toBe("daily");
    expect(timingLines(daily)).toEqual([
      "DTSTART;TZID=Asia/Tokyo:20220118T100000",
      "DTEND;TZID=Asia/Tokyo:20220118T170000",
      // the last occurrence starts 2022-02-18 10:00 JST = 01:00 UTC: UNTIL is inclusive
      "RRULE:FREQ=DAILY;UNTIL=20220218T010000Z",
    ]);
  });
});

describe("the calendar document", () => {
  it("ends every line in CRLF, has VERSION, PRODID, the fixed +09:00 VTIMEZONE and one VEVENT per event", () => {
    const text = renderCalendar({
      name: "北九州都市圏域のイベント",
      now: NOW,
      events: [
        event({
          description: "桜の下で, 茶会; 夜桜\n（ライトアップ）",
          location: "小倉城, 北九州市小倉北区城内2-1",
          geo: { lat: 33.8846, lon: 130.8742 },
        }),
        event({ uid: "second@yokogushi-region", summary: "二つ目", startDate: "2026-04-02", startTime: "10:00", endTime: "12:00" }),
      ],
    });
    expect(text.endsWith("END:VCALENDAR\r\n")).toBe(true);
    // no bare LF or CR anywhere
    expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = unfold(text);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("VERSION:2.0");
    expect(lines.some((line) => line.startsWith("PRODID:"))).toBe(true);
    expect(lines).toContain("TZID:Asia/Tokyo");
    expect(lines).toContain("TZOFFSETTO:+0900");
    expect(lines.filter((line) => line === "BEGIN:VEVENT")).toHaveLength(2);
    expect(lines.filter((line) => line === "DTSTAMP:20260501T030405Z")).toHaveLength(2);
    expect(lines).toContain("DESCRIPTION:桜の下で\\, 茶会\\; 夜桜\\n（ライトアップ）");
    expect(lines).toContain("LOCATION:小倉城\\, 北九州市小倉北区城内2-1");
    expect(lines).toContain("GEO:33.8846;130.8742");
    expect(lines).toContain("X-WR-CALNAME:北九州都市圏域のイベント");
    for (const physical of text.split("\r\n")) expect(Buffer.byteLength(physical)).toBeLessThanOrEqual(75);
  });

  it("keeps only http(s) URLs", () => {
    const safe = unfold(renderCalendar({ name: "x", now: NOW, events: [event({ url: "https://example.jp/a?b=1,2" })] }));
    expect(safe).toContain("URL:https://example.jp/a?b=1,2");
    const unsafe = unfold(renderCalendar({ name: "x", now: NOW, events: [event({ url: "javascript:alert(1)" })] }));
    expect(unsafe.some((line) => line.startsWith("URL:"))).toBe(false);
  });
});
