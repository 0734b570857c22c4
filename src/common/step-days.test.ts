import { describe, expect, it } from "vitest";
import { daysBetween, daysPerStep, stepSpans } from "./step-days";

describe("days in each step", () => {
  it("a step lasts until the next one was entered, the current one until today", () => {
    const spans = stepSpans(
      [
        { step: "proposed", enteredOn: "2026-01-10" },
        { step: "dialogue", enteredOn: "2026-02-09" },
        { step: "assessment", enteredOn: "2026-03-01" },
      ],
      "2026-03-31",
    );
    expect(spans.map((s) => [s.step, s.leftOn, s.days])).toEqual([
      ["proposed", "2026-02-09", 30],
      ["dialogue", "2026-03-01", 20],
      ["assessment", null, 30],
    ]);
  });

  it("counts across a leap day and a fiscal year's end", () => {
    expect(daysBetween("2028-02-28", "2028-03-01")).toBe(2);
    expect(daysBetween("2026-03-31", "2026-04-01")).toBe(1);
  });

  it("repeated steps (request rounds) add up; a future date counts 0, never negative", () => {
    const totals = daysPerStep(
      [
        { step: "request", enteredOn: "2026-01-01" },
        { step: "answer", enteredOn: "2026-01-11" },
        { step: "request", enteredOn: "2026-01-15" },
        { step: "answer", enteredOn: "2026-02-04" },
      ],
      "2026-02-01",
    );
    expect(totals.get("request")).toBe(10 + 20);
    expect(totals.get("answer")).toBe(4 + 0);
  });
});
