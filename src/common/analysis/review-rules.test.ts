import { describe, expect, it } from "vitest";
import { checkActionOwner, checkDecision, checkDoneOn, isOverdue, unknownIndicatorKeys, viewpointsWithoutFinding } from "./review-rules";

const base = {
  chosenOption: "revise" as const,
  decidedOn: "2025-03-26",
  today: "2025-04-01",
  assessedOptions: ["continue", "revise"] as const,
  findingCount: 3,
};

describe("経営分析の決定の規則", () => {
  it("accepts a decision on an assessed option, dated today or before, with findings", () => {
    expect(checkDecision(base)).toBeNull();
    expect(checkDecision({ ...base, decidedOn: base.today })).toBeNull();
  });

  it("refuses an option nobody assessed, naming it", () => {
    const problem = checkDecision({ ...base, chosenOption: "abolish" });
    expect(problem?.field).toBe("chosenOption");
    expect(problem?.message).toContain("廃止");
  });

  it("refuses a decision without any finding", () => {
    expect(checkDecision({ ...base, findingCount: 0 })?.message).toContain("所見");
  });

  it("refuses a date in the future", () => {
    expect(checkDecision({ ...base, decidedOn: "2025-04-02" })).toEqual({
      field: "decidedOn",
      message: "決定日に未来の日付は入力できません。",
    });
  });
});

describe("所見と指標", () => {
  it("lists the viewpoints without a finding in the plan's order", () => {
    expect(viewpointsWithoutFinding([{ viewpoint: "finance" }, { viewpoint: "necessity" }]).map((v) => v.label)).toEqual([
      "役割",
      "効率性・有効性",
      "運営体制",
    ]);
  });

  it("finds the indicator keys the subject does not have", () => {
    expect(unknownIndicatorKeys(["dependency", "cost_per:x", "nope"], ["dependency", "cost_per:x"])).toEqual(["nope"]);
  });
});

describe("今後の取組", () => {
  it("needs a division or an outside owner", () => {
    expect(checkActionOwner({ ownerOrganisationId: null, ownerName: "  " })?.field).toBe("ownerOrganisationId");
    expect(checkActionOwner({ ownerOrganisationId: null, ownerName: "公益財団法人" })).toBeNull();
    expect(checkActionOwner({ ownerOrganisationId: "x", ownerName: "" })).toBeNull();
  });

  it("is overdue only when open and past its due day", () => {
    expect(isOverdue({ status: "open", dueOn: "2025-03-31" }, "2025-04-01")).toBe(true);
    expect(isOverdue({ status: "open", dueOn: "2025-04-01" }, "2025-04-01")).toBe(false);
    expect(isOverdue({ status: "done", dueOn: "2025-03-31" }, "2025-04-01")).toBe(false);
    expect(isOverdue({ status: "open", dueOn: null }, "2025-04-01")).toBe(false);
  });

  it("refuses a completion date in the future", () => {
    expect(checkDoneOn("2025-04-02", "2025-04-01")?.field).toBe("doneOn");
    expect(checkDoneOn("2025-04-01", "2025-04-01")).toBeNull();
  });
});
