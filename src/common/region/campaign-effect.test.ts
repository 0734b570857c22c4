import { describe, expect, it } from "vitest";
import { CAMPAIGN_TAG_PATTERN, campaignEffect, campaignLink, sumFigures } from "./campaign-effect";

describe("the effect of a campaign per yen", () => {
  it("cost per visit and per visitor (rounded yen), reach per 1,000 yen (one decimal), the lasting share", () => {
    expect(campaignEffect({ costYen: 100_000, reach: 12_345, visits: 300, visitors: 240, lastingVisits: 30 })).toEqual({
      costPerVisit: 333,
      costPerVisitor: 417,
      reachPer1000Yen: 123.5,
      lastingShare: 0.1,
    });
  });

  it("nothing to divide by: no figure rather than infinity or zero", () => {
    expect(campaignEffect({ costYen: 50_000, reach: null, visits: 0, visitors: 0, lastingVisits: 0 })).toEqual({
      costPerVisit: null,
      costPerVisitor: null,
      reachPer1000Yen: null,
      lastingShare: null,
    });
    // a campaign without cost: each visit cost nothing, and reach per yen has no meaning
    expect(campaignEffect({ costYen: 0, reach: 5000, visits: 10, visitors: 8, lastingVisits: 0 })).toMatchObject({
      costPerVisit: 0,
      costPerVisitor: 0,
      reachPer1000Yen: null,
    });
  });

  it("sums a group's figures; reach only of the campaigns that report one", () => {
    expect(
      sumFigures([
        { costYen: 10, reach: 100, visits: 1, visitors: 1, lastingVisits: 0 },
        { costYen: 20, reach: null, visits: 2, visitors: 2, lastingVisits: 1 },
      ]),
    ).toEqual({ costYen: 30, reach: 100, visits: 3, visitors: 3, lastingVisits: 1 });
    expect(sumFigures([{ costYen: 1, reach: null, visits: 0, visitors: 0, lastingVisits: 0 }]).reach).toBeNull();
  });
});

describe("the tagged link", () => {
  it("is the target page with ?c=<tag>", () => {
    expect(campaignLink("https://hub.example.jp/", "/public/region/calendar", "r8-x-summer")).toBe(
      "https://hub.example.jp/public/region/calendar?c=r8-x-summer",
    );
  });

  it("tags: lower-case letters, digits and hyphens, 2 to 40, not starting with a hyphen", () => {
    for (const ok of ["r8", "r8-insta-summer", "2026-line", "a".repeat(40)]) expect(CAMPAIGN_TAG_PATTERN.test(ok), ok).toBe(true);
    for (const bad of ["a", "-r8", "R8", "r8_x", "夏", "a".repeat(41), "r8 x"]) expect(CAMPAIGN_TAG_PATTERN.test(bad), bad).toBe(false);
  });
});
