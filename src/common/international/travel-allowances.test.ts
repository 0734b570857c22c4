// 旅費の基準額で計算: the rate in force on the departure day, days and nights, the travellers the city pays for, and a
// clear message when something is missing.
import { describe, expect, it } from "vitest";
import { type AllowanceRate, type AllowanceTrip, plannedAllowances, tripDays } from "./travel-allowances";

const rates: AllowanceRate[] = [
  { validFrom: "2020-04-01", costKind: "daily", regionClass: "class_a", amount: 6200 },
  { validFrom: "2020-04-01", costKind: "lodging", regionClass: "class_a", amount: 13300 },
  // revised from 令和7年4月1日
  { validFrom: "2025-04-01", costKind: "daily", regionClass: "class_a", amount: 7000 },
  { validFrom: "2025-04-01", costKind: "lodging", regionClass: "class_a", amount: 15000 },
  { validFrom: "2020-04-01", costKind: "daily", regionClass: "designated", amount: 8300 },
  { validFrom: "2020-04-01", costKind: "lodging", regionClass: "designated", amount: 22500 },
];

const trip = (over: Partial<AllowanceTrip> = {}): AllowanceTrip => ({
  departsOn: "2024-05-12",
  returnsOn: "2024-05-16",
  regionClass: "class_a",
  travellers: [
    { name: "財政 花子", paidBy: "city" },
    { name: "産業 太郎", paidBy: "city" },
  ],
  ...over,
});

describe("plannedAllowances", () => {
  it("costs 日当 per day and 宿泊料 per night (days − 1) for each traveller, and shows the computation", () => {
    const result = plannedAllowances(trip(), rates);
    expect(result).toEqual({
      ok: true,
      days: 5,
      nights: 4,
      travellers: 2,
      lines: [
        { costKind: "daily", planned: 6200 * 5 * 2, description: "日当（甲地方）6,200円 × 5日 × 2名" },
        { costKind: "lodging", planned: 13300 * 4 * 2, description: "宿泊料（甲地方）13,300円 × 4泊 × 2名" },
      ],
    });
  });

  it("uses the version in force on the departure day: a revision from that very day applies, one from the next day does not", () => {
    const onTheDay = plannedAllowances(trip({ departsOn: "2025-04-01", returnsOn: "2025-04-03" }), rates);
    expect(onTheDay.ok && onTheDay.lines.map((l) => l.planned)).toEqual([7000 * 3 * 2, 15000 * 2 * 2]);
    const dayBefore = plannedAllowances(trip({ departsOn: "2025-03-31", returnsOn: "2025-04-03" }), rates);
    // a trip that starts the day before the revision is costed at the old rate for every day, even those after it
    expect(dayBefore.ok && dayBefore.lines.map((l) => l.description)).toEqual([
      "日当（甲地方）6,200円 × 4日 × 2名",
      "宿泊料（甲地方）13,300円 × 3泊 × 2名",
    ]);
  });

  it("counts only the travellers the city pays for, and takes the chosen region class", () => {
    const result = plannedAllowances(
      trip({
        regionClass: "designated",
        travellers: [
          { name: "財政 花子", paidBy: "city" },
          { name: "先方 招待", paidBy: "host" },
          { name: "団体 職員", paidBy: "other" },
          { name: "産業 太郎", paidBy: "city" },
          { name: "経済 三郎", paidBy: "city" },
          { name: " ", paidBy: "city" },
        ],
      }),
      rates,
    );
    expect(result.ok && result.travellers).toBe(3);
    expect(result.ok && result.lines).toEqual([
      { costKind: "daily", planned: 8300 * 5 * 3, description: "日当（指定都市）8,300円 × 5日 × 3名" },
      { costKind: "lodging", planned: 22500 * 4 * 3, description: "宿泊料（指定都市）22,500円 × 4泊 × 3名" },
    ]);
  });

  it("gives a day trip 日当 only (no night, no 宿泊料 needed)", () => {
    const result = plannedAllowances(trip({ returnsOn: "2024-05-12", regionClass: "class_a" }), rates);
    expect(result).toMatchObject({ ok: true, days: 1, nights: 0 });
    expect(result.ok && result.lines.map((l) => l.costKind)).toEqual(["daily"]);
  });

  it("says which rate is missing on the departure day", () => {
    expect(plannedAllowances(trip({ regionClass: "class_c" }), rates)).toEqual({
      ok: false,
      message:
        "出発日（令和6年5月12日）に適用される日当・宿泊料（丙地方）の基準額が登録されていません。局の設定で旅費の基準額を登録してください。",
    });
    // the only versions begin after the departure day
    const later: AllowanceRate[] = [{ validFrom: "2030-04-01", costKind: "daily", regionClass: "class_b", amount: 5000 }];
    const result = plannedAllowances(trip({ regionClass: "class_b", returnsOn: "2024-05-12" }), later);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain("日当（乙地方）の基準額が登録されていません");
  });

  it("asks for what the computation needs: dates, a region class, a traveller the city pays for", () => {
    expect(plannedAllowances(trip({ departsOn: "" }), rates)).toEqual({
      ok: false,
      message: "出発日と帰着日を入力してから計算してください。",
    });
    expect(plannedAllowances(trip({ returnsOn: "2024-05-01" }), rates).ok).toBe(false);
    expect(plannedAllowances(trip({ regionClass: null }), rates)).toEqual({
      ok: false,
      message: "行き先の地域区分を選んでから計算してください。",
    });
    const hostPaid = plannedAllowances(trip({ travellers: [{ name: "先方 招待", paidBy: "host" }] }), rates);
    expect(!hostPaid.ok && hostPaid.message).toContain("費用負担が「市」の出張者がいません");
  });

  it("counts days across a month and a year end", () => {
    expect(tripDays("2024-12-30", "2025-01-02")).toBe(4);
    expect(tripDays("2024-02-28", "2024-03-01")).toBe(3);
  });
});
