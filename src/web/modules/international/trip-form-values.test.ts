import { describe, expect, it } from "vitest";
import { emptyCost, emptyVisit, parseTrip, tripValues } from "./trip-form-values";

const ORG = "00000000-0000-4000-8000-000000000001";

function filled() {
  const values = tripValues(undefined, {
    ownerOrganisationId: ORG,
    self: { userId: "00000000-0000-4000-8000-000000000009", name: "国際 花子" },
  });
  values.title = "大連市友好交流訪問";
  values.departsOn = "令和7年5月12日";
  values.returnsOn = "R7.5.15";
  values.visits = [{ ...emptyVisit("2025-05-13"), country: "中国", city: "大連市" }];
  values.costs = [{ ...emptyCost("fare"), planned: "180,000", settled: "" }];
  return values;
}

describe("海外出張 form values", () => {
  it("a new trip has the caller as its 団長, paid by the city", () => {
    const values = tripValues(undefined, { ownerOrganisationId: ORG, self: { userId: "u1", name: "国際 花子" } });
    expect(values.travellers).toHaveLength(1);
    expect(values.travellers[0]).toMatchObject({ userId: "u1", name: "国際 花子", role: "leader", paidBy: "city" });
  });

  it("reads 和暦 dates as ISO and yen with commas as integers; an empty 精算額 is null", () => {
    const result = parseTrip(filled());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.body.departsOn).toBe("2025-05-12");
    expect(result.body.returnsOn).toBe("2025-05-15");
    expect(result.body.costs).toEqual([{ costKind: "fare", description: "", planned: 180_000, settled: null }]);
    expect(result.body.reportDueOn).toBeNull();
  });

  it("says a return before the departure, an amount it cannot read and a second 団長", () => {
    const values = filled();
    values.returnsOn = "令和7年5月1日";
    values.costs[0].planned = "十八万";
    values.travellers.push({ ...values.travellers[0], key: "x", userId: null, name: "随行 太郎" });
    const result = parseTrip(values);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    // all at once: the rules across fields do not wait for every field to parse
    expect(result.errors["costs.0.planned"]).toBe("金額を数値（円）で入力してください。");
    expect(result.errors.returnsOn).toBe("帰着日は出発日以降です。");
    expect(result.errors.travellers).toBe("団長は1人です。");
  });
});

describe("海外出張 form values of a saved trip", () => {
  it("shows the saved dates in 和暦 and sends them back as the same ISO dates", () => {
    const values = filled();
    const parsed = parseTrip(values);
    if (!parsed.ok) throw new Error("expected the filled form to parse");
    const detail = {
      ...parsed.body,
      id: "t1",
      ownerName: "国際政策課",
      status: "planned" as const,
      destinations: ["大連市"],
      leaderName: "国際 花子",
      travellerCount: 1,
      plannedTotal: 180_000,
      settledTotal: null,
      reportDueOn: "2025-06-14",
      reportFiledOn: null,
      reportOverdue: false,
      isSample: false,
      visits: parsed.body.visits.map((v) => ({ ...v, partnerId: v.partnerId })),
      projects: [],
      approvedBy: "",
      approvedOn: null,
      approvalConditions: "",
      safetyLevel: null,
      reportResults: "",
      reportFollowup: "",
      reportPublic: false,
      cancelReason: "",
      events: [],
      nextStatuses: [],
      canEdit: true,
      canFileReport: false,
      version: 1,
      sourceKey: null,
    };
    const again = tripValues(detail, { ownerOrganisationId: ORG });
    expect(again.departsOn).toBe("令和7年5月12日");
    expect(again.costs[0].planned).toBe("180,000");
    const back = parseTrip(again);
    expect(back.ok && back.body).toMatchObject({ departsOn: "2025-05-12", returnsOn: "2025-05-15", reportDueOn: "2025-06-14" });
    expect(back.ok && back.body.visits[0].visitOn).toBe("2025-05-13");
  });
});
