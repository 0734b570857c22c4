// 「旅費の基準額で計算」 in the trip form: the form's values as the pure rule wants them (common/international/
// travel-allowances.ts), and the computed 日当・宿泊料 lines put in place of the form's lines of those kinds.
import { REGION_CLASS_LABELS, REGION_CLASSES, type RegionClass } from "../../../common/api/international";
import { parseJapaneseDate } from "../../../common/dates";
import type { AllowanceLine, AllowanceTrip } from "../../../common/international/travel-allowances";
import { yenText } from "./form-numbers";
import { type CostValues, emptyCost, type TripValues } from "./trip-form-values";

/** The trip as the rule reads it: dates as ISO ("" when they cannot be read), the travellers' names and 費用負担. */
export function allowanceTripOf(values: TripValues, regionClass: RegionClass | null): AllowanceTrip {
  return {
    departsOn: parseJapaneseDate(values.departsOn)?.iso ?? "",
    returnsOn: parseJapaneseDate(values.returnsOn)?.iso ?? "",
    regionClass,
    travellers: values.travellers.map((t) => ({ name: t.name, paidBy: t.paidBy })),
  };
}

/**
 * The cost lines with each computed line in place of the lines of its kind: at the first such line (which keeps its
 * 精算額), the others of that kind removed; appended when the trip had none. Lines of other kinds stay as they are,
 * and so do 宿泊料 lines when the computation gives none (a trip without a night).
 */
export function applyAllowances(costs: readonly CostValues[], lines: readonly AllowanceLine[]): CostValues[] {
  const out: CostValues[] = [];
  const placed = new Set<string>();
  for (const cost of costs) {
    const line = lines.find((l) => l.costKind === cost.costKind);
    if (!line) out.push(cost);
    else if (!placed.has(line.costKind)) {
      out.push({ ...cost, description: line.description, planned: yenText(line.planned) });
      placed.add(line.costKind);
    }
  }
  for (const line of lines)
    if (!placed.has(line.costKind))
      out.push({ ...emptyCost(line.costKind), description: line.description, planned: yenText(line.planned) });
  return out;
}

/** The 地域区分 an earlier computation wrote into a 日当 or 宿泊料 line (「日当（甲地方）…」), so that the form reopens with it. */
export function regionClassFromCosts(costs: readonly CostValues[]): RegionClass | null {
  for (const cost of costs) {
    if (cost.costKind !== "daily" && cost.costKind !== "lodging") continue;
    const found = REGION_CLASSES.find((r) => cost.description.includes(`（${REGION_CLASS_LABELS[r]}）`));
    if (found) return found;
  }
  return null;
}
