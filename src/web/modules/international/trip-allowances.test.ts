// The trip form's 「旅費の基準額で計算」: computed 日当・宿泊料 lines replace the form's lines of those kinds in place.
import { describe, expect, it } from "vitest";
import { plannedAllowances } from "../../../common/international/travel-allowances";
import { allowanceTripOf, applyAllowances, regionClassFromCosts } from "./trip-allowances";
import { emptyCost, emptyTraveller, tripValues } from "./trip-form-values";

const ORG = "00000000-0000-4000-8000-000000000001";
const rates = [
  { validFrom: "2024-04-01", costKind: "daily" as const, regionClass: "class_a" as const, amount: 6200 },
  { validFrom: "2024-04-01", costKind: "lodging" as const, regionClass: "class_a" as const, amount: 13300 },
];

function values() {
  const v = tripValues(undefined, { ownerOrganisationId: ORG, self: { userId: "u1", name: "国際 花子" } });
  v.departsOn = "令和7年5月12日";
  v.returnsOn = "R7.5.16";
  v.travellers.push({ ...emptyTraveller(), name: "産業 太郎" });
  return v;
}

describe("旅費の基準額で計算 in the trip form", () => {
  it("reads the form's 和暦 dates and computes from them", () => {
    const result = plannedAllowances(allowanceTripOf(values(), "class_a"), rates);
    expect(result.ok && result.lines.map((l) => l.description)).toEqual([
      "日当（甲地方）6,200円 × 5日 × 2名",
      "宿泊料（甲地方）13,300円 × 4泊 × 2名",
    ]);
  });

  it("replaces the lines of those kinds in place (keeping the first one's 精算額), leaves the others, appends what was missing", () => {
    const fare = { ...emptyCost("fare"), planned: "180,000" };
    const daily1 = { ...emptyCost("daily"), description: "日当（手入力）", planned: "10,000", settled: "9,000" };
    const daily2 = { ...emptyCost("daily"), description: "日当（追加）", planned: "2,000" };
    const misc = { ...emptyCost("misc"), planned: "5,000" };
    const result = plannedAllowances(allowanceTripOf(values(), "class_a"), rates);
    if (!result.ok) throw new Error(result.message);
    const costs = applyAllowances([fare, daily1, misc, daily2], result.lines);
    expect(costs.map((c) => [c.costKind, c.description, c.planned, c.settled])).toEqual([
      ["fare", "", "180,000", ""],
      ["daily", "日当（甲地方）6,200円 × 5日 × 2名", "62,000", "9,000"],
      ["misc", "", "5,000", ""],
      ["lodging", "宿泊料（甲地方）13,300円 × 4泊 × 2名", "106,400", ""],
    ]);
    expect(costs[1].key).toBe(daily1.key);
    // computing again changes nothing
    expect(applyAllowances(costs, result.lines)).toEqual(costs);
  });

  it("reopens with the 地域区分 an earlier computation wrote into the lines", () => {
    expect(regionClassFromCosts([{ ...emptyCost("daily"), description: "日当（乙地方）5,000円 × 3日 × 1名" }])).toBe("class_b");
    expect(regionClassFromCosts([{ ...emptyCost("fare"), description: "（甲地方）" }])).toBeNull();
  });
});
