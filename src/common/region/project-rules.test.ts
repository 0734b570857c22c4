import { describe, expect, it } from "vitest";
import { checkFunding, checkStatusChange, stepDatesProblem } from "./project-rules";

describe("checkStatusChange", () => {
  const base = { reason: "", on: "2026-05-01", currentSince: "2026-04-01", today: "2026-06-01" };
  it("lets a project move forward, skipping steps, without a reason", () => {
    expect(checkStatusChange({ ...base, from: "concept", to: "negotiating" })).toEqual({ ok: true, direction: "forward" });
    expect(checkStatusChange({ ...base, from: "concept", to: "agreed" })).toEqual({ ok: true, direction: "forward" });
  });
  it("asks for a reason to go back, and accepts it with one", () => {
    expect(checkStatusChange({ ...base, from: "running", to: "negotiating" })).toMatchObject({ ok: false, field: "reason" });
    expect(checkStatusChange({ ...base, from: "running", to: "negotiating", reason: "再協議" })).toEqual({ ok: true, direction: "back" });
  });
  it("refuses the same status, a future day and a day before the current status began", () => {
    expect(checkStatusChange({ ...base, from: "agreed", to: "agreed" })).toMatchObject({ ok: false, field: "status" });
    expect(checkStatusChange({ ...base, from: "concept", to: "agreed", on: "2026-06-02" })).toMatchObject({ ok: false, field: "on" });
    expect(checkStatusChange({ ...base, from: "concept", to: "agreed", on: "2026-03-31" })).toMatchObject({ ok: false, field: "on" });
  });
});

describe("checkFunding", () => {
  it("matches when the sources add up to the total", () => {
    expect(
      checkFunding(30_000_000, { special_allocation_tax: 12_000_000, member_contribution: 6_000_000, general_revenue: 12_000_000 }),
    ).toEqual({
      fundingTotalYen: 30_000_000,
      differenceYen: 0,
      matches: true,
      message: null,
    });
  });
  it("flags a shortfall and an excess with the difference in yen", () => {
    const short = checkFunding(35_000_000, { member_contribution: 7_000_000, general_revenue: 14_000_000 });
    expect(short).toMatchObject({ differenceYen: 14_000_000, matches: false });
    expect(short.message).toContain("14,000,000円少なく");
    const over = checkFunding(1_000, { grant: 1_500 });
    expect(over).toMatchObject({ differenceYen: -500, matches: false });
    expect(over.message).toContain("500円多く");
  });
});

describe("stepDatesProblem", () => {
  it("needs a start once under way and an end once finished, in order", () => {
    expect(stepDatesProblem({ status: "planned", startedOn: null, endedOn: null })).toBeNull();
    expect(stepDatesProblem({ status: "in_progress", startedOn: null, endedOn: null })).toContain("開始日");
    expect(stepDatesProblem({ status: "agreed", startedOn: "2026-01-01", endedOn: null })).toContain("終了日");
    expect(stepDatesProblem({ status: "agreed", startedOn: "2026-01-02", endedOn: "2026-01-01" })).toContain("後の日付");
    expect(stepDatesProblem({ status: "declined", startedOn: "2026-01-01", endedOn: "2026-01-01" })).toBeNull();
  });
});
