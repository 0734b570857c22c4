import { describe, expect, it } from "vitest";
import { transitionBody, transitionLabel, transitionNeeds, tripSteps } from "./trip-steps";

const EMPTY = { approvedBy: "", approvedOn: "", approvalConditions: "", safetyLevel: "", cancelReason: "", note: "" };

describe("海外出張 states on the detail page", () => {
  it("marks the steps before the current one done and the rest to come", () => {
    const steps = tripSteps("travelling");
    expect(steps.map((s) => s.state)).toEqual(["done", "done", "done", "current", "todo", "todo", "todo", "todo"]);
  });

  it("a cancelled trip keeps the steps it reached done and has no current step", () => {
    const steps = tripSteps("cancelled", ["planned", "applied"]);
    expect(steps.filter((s) => s.state === "done").map((s) => s.status)).toEqual(["planned", "applied"]);
    expect(steps.some((s) => s.state === "current")).toBe(false);
  });

  it("a move back is a 差戻し and asks for a memo; 決裁 asks for the 旅行命令", () => {
    expect(transitionLabel("applied", "planned")).toBe("差戻し（計画へ）");
    expect(transitionLabel("applied", "approved")).toBe("「決裁」にする");
    expect(transitionNeeds("applied", "approved")).toBe("approval");
    expect(transitionNeeds("approved", "travelling")).toBe("safety");
    expect(transitionNeeds("planned", "cancelled")).toBe("cancel");
    const back = transitionBody("applied", "planned", 4, EMPTY);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.errors.note).toBe("メモを入力してください。");
    const approval = transitionBody("applied", "approved", 4, { ...EMPTY, approvedBy: "政策局長", approvedOn: "令和7年4月10日" });
    expect(approval).toEqual({
      ok: true,
      body: { version: 4, to: "approved", note: "", approvedBy: "政策局長", approvedOn: "令和7年4月10日", approvalConditions: "" },
    });
    const departure = transitionBody("approved", "travelling", 5, { ...EMPTY, safetyLevel: "1" });
    expect(departure).toMatchObject({ ok: true, body: { safetyLevel: 1 } });
  });
});
