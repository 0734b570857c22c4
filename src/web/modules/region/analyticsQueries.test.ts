// The dashboard's conditions in the URL: dates as YYYY-MM-DD, the 市町 code kept as a number (the router would quote
// a digit string: ?municipality=%22402044%22) and given back as six digits; anything malformed dropped.
import { describe, expect, it } from "vitest";
import { analyticsSearch, campaignSearch, municipalityCodeOf } from "./analyticsQueries";

describe("the analytics page's URL", () => {
  it("reads the period and the 市町, whether the code came back as a number or a string", () => {
    expect(analyticsSearch({ from: "2026-11-01", to: "2026-11-30", municipality: 402044 })).toEqual({
      from: "2026-11-01",
      to: "2026-11-30",
      municipality: 402044,
    });
    expect(analyticsSearch({ municipality: "402044" }).municipality).toBe(402044);
    expect(municipalityCodeOf({ municipality: 402044 })).toBe("402044");
    // a code with a leading zero survives as a number
    expect(municipalityCodeOf(analyticsSearch({ municipality: "011002" }))).toBe("011002");
    expect(municipalityCodeOf({})).toBeUndefined();
  });

  it("drops what is not a date or a code", () => {
    expect(analyticsSearch({ from: "令和8年11月1日", to: "2026-13", municipality: "直方市" })).toEqual({
      from: undefined,
      to: undefined,
      municipality: undefined,
    });
    expect(analyticsSearch({ municipality: 1.5 }).municipality).toBeUndefined();
    expect(analyticsSearch({ municipality: 12_345_678 }).municipality).toBeUndefined();
  });

  it("reads the campaigns' 年度 and 媒体", () => {
    expect(campaignSearch({ fiscalYear: 2026, channel: "tiktok" })).toEqual({ fiscalYear: 2026, channel: "tiktok" });
    expect(campaignSearch({ fiscalYear: "x", channel: "myspace" })).toEqual({ fiscalYear: undefined, channel: undefined });
  });
});
