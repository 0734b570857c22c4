// 旅費の基準額で計算: the planned 日当 and 宿泊料 of a trip from the bureau's rate tables. Each (cost kind, region class)
// has versions by 適用開始日; a trip is costed with the version in force on its departure day (出発日), for every
// traveller whose travel the city pays (費用負担「市」) — 日当 per day of the trip, 宿泊料 per night (days − 1). The
// result is a pair of cost lines whose description shows the computation, or a message that says what is missing.
import { REGION_CLASS_LABELS, type RegionClass } from "../api/international";
import { formatWareki, isIsoDate } from "../dates";

export type AllowanceKind = "daily" | "lodging";

export interface AllowanceTrip {
  /** ISO dates */
  departsOn: string;
  returnsOn: string;
  /** 地域区分 of the destination (指定都市・甲地方・乙地方・丙地方) */
  regionClass: RegionClass | null;
  travellers: { name: string; paidBy: "city" | "host" | "other" }[];
}

export interface AllowanceRate {
  validFrom: string;
  costKind: AllowanceKind;
  regionClass: RegionClass;
  amount: number;
}

export interface AllowanceLine {
  costKind: AllowanceKind;
  /** integer yen: rate × days (or nights) × travellers */
  planned: number;
  /** 「日当（甲地方）6,200円 × 5日 × 2名」 */
  description: string;
}

export type AllowanceResult =
  | {
      ok: true;
      /** 日当, and 宿泊料 when the trip has a night */
      lines: AllowanceLine[];
      days: number;
      nights: number;
      travellers: number;
    }
  | { ok: false; message: string };

const KIND_LABELS: Record<AllowanceKind, string> = { daily: "日当", lodging: "宿泊料" };
const yen = new Intl.NumberFormat("ja-JP");
const DAY_MS = 86_400_000;

/** Days from departure to return, both counted (a trip out and back the same day is 1 day). */
export function tripDays(departsOn: string, returnsOn: string): number {
  return Math.round((Date.parse(`${returnsOn}T00:00:00Z`) - Date.parse(`${departsOn}T00:00:00Z`)) / DAY_MS) + 1;
}

/** The version of (kind, class) in force on `onDate`: the latest 適用開始日 on or before it. */
export function rateInForce(rates: readonly AllowanceRate[], kind: AllowanceKind, regionClass: RegionClass, onDate: string) {
  let found: AllowanceRate | null = null;
  for (const r of rates)
    if (r.costKind === kind && r.regionClass === regionClass && r.validFrom <= onDate && (!found || r.validFrom > found.validFrom))
      found = r;
  return found;
}

export function plannedAllowances(trip: AllowanceTrip, rates: readonly AllowanceRate[]): AllowanceResult {
  if (!isIsoDate(trip.departsOn) || !isIsoDate(trip.returnsOn))
    return { ok: false, message: "出発日と帰着日を入力してから計算してください。" };
  if (trip.returnsOn < trip.departsOn) return { ok: false, message: "帰着日が出発日より前です。日付を直してから計算してください。" };
  if (!trip.regionClass) return { ok: false, message: "行き先の地域区分を選んでから計算してください。" };
  const travellers = trip.travellers.filter((t) => t.name.trim() !== "" && t.paidBy === "city").length;
  if (travellers === 0)
    return { ok: false, message: "費用負担が「市」の出張者がいません。日当・宿泊料は市が負担する出張者の分だけを計算します。" };
  const days = tripDays(trip.departsOn, trip.returnsOn);
  const nights = days - 1;
  const region = REGION_CLASS_LABELS[trip.regionClass];
  const kinds: AllowanceKind[] = nights > 0 ? ["daily", "lodging"] : ["daily"];
  const missing = kinds.filter((k) => !rateInForce(rates, k, trip.regionClass as RegionClass, trip.departsOn));
  if (missing.length > 0)
    return {
      ok: false,
      message: `出発日（${formatWareki(trip.departsOn)}）に適用される${missing.map((k) => KIND_LABELS[k]).join("・")}（${region}）の基準額が登録されていません。局の設定で旅費の基準額を登録してください。`,
    };
  const lines = kinds.map((kind): AllowanceLine => {
    const rate = rateInForce(rates, kind, trip.regionClass as RegionClass, trip.departsOn) as AllowanceRate;
    const units = kind === "daily" ? days : nights;
    return {
      costKind: kind,
      planned: rate.amount * units * travellers,
      description: `${KIND_LABELS[kind]}（${region}）${yen.format(rate.amount)}円 × ${units}${kind === "daily" ? "日" : "泊"} × ${travellers}名`,
    };
  });
  return { ok: true, lines, days, nights, travellers };
}
