// 負担金の算定: the real rules of the data README (幡多, 渋川, 相楽) applied to given totals, populations, usage and
// 基準財政需要額 figures. Every expected yen below is worked out by hand in the comments (exact fractions, then the
// rule's rounding), not read back from the engine.
import { describe, expect, it } from "vitest";
import { CostShareError, type CostShareRule, compareShares, computeCostShares, roundToUnit, ruleBodySchema } from "./cost-share";

const sharesOf = (r: ReturnType<typeof computeCostShares>) => Object.fromEntries(r.members.map((m) => [m.name, m.share]));

describe("幡多広域市町村圏組合 経費負担条例", () => {
  // three members for the test: 四万十市 (A, the remainder taker), 宿毛市 (B), 黒潮町 (C)
  const members = [
    { id: "A", name: "四万十市" },
    { id: "B", name: "宿毛市" },
    { id: "C", name: "黒潮町" },
  ];

  it("運営費: 均等割10/100・人口割45/100（住民基本台帳）・基準財政需要額割45/100, 1円未満切り捨て", () => {
    const rule = ruleBodySchema.parse({
      components: [
        { kind: "equal", weight: 1000 },
        { kind: "population", weight: 4500, basis: "resident_register", asOf: "2024-03-31" },
        { kind: "fiscal_need", weight: 4500, fiscalYear: 2024 },
      ],
      rounding: { unit: 1, method: "floor" },
      remainderMemberId: "A",
    });
    const result = computeCostShares(rule, {
      members,
      total: 10_000_000,
      deductions: [
        { label: "国県支出金", amount: 1_000_000 },
        { label: "使用料", amount: 500_000 },
      ],
      figures: {
        "population:resident_register:2024-03-31": { A: 35_123, B: 18_456, C: 9_321 },
        "fiscal_need:2024": { A: 5_432_100_000, B: 2_100_000_000, C: 987_654_000 },
      },
    });
    // 対象額 = 10,000,000 − (1,000,000 + 500,000) = 8,500,000
    expect(result.amountToShare).toBe(8_500_000);
    // 均等割 8,500,000 × 10% = 850,000; 人口割 and 基準財政需要額割 8,500,000 × 45% = 3,825,000 each (no leftover)
    expect(result.components.map((c) => c.amount)).toEqual([850_000, 3_825_000, 3_825_000]);
    // 均等割: 850,000 ÷ 3 = 283,333.33… → 283,333 each; 850,000 − 3 × 283,333 = 1 → 四万十市
    // 人口割: total 35,123 + 18,456 + 9,321 = 62,900
    //   A 3,825,000 × 35,123 ÷ 62,900 = 2,135,858.108… → 2,135,858
    //   B 3,825,000 × 18,456 ÷ 62,900 = 1,122,324.324… → 1,122,324
    //   C 3,825,000 ×  9,321 ÷ 62,900 =   566,817.567… →   566,817   remainder 3,825,000 − 3,824,999 = 1 → A
    // 基準財政需要額割: total 5,432,100,000 + 2,100,000,000 + 987,654,000 = 8,519,754,000
    //   A 3,825,000 × 5,432,100,000 ÷ 8,519,754,000 = 2,438,777.28… → 2,438,777
    //   B 3,825,000 × 2,100,000,000 ÷ 8,519,754,000 =   942,808.91… →   942,808
    //   C 3,825,000 ×   987,654,000 ÷ 8,519,754,000 =   443,413.80… →   443,413   remainder 3,825,000 − 3,824,998 = 2 → A
    // A = 283,333 + 2,135,858 + 2,438,777 + (1 + 1 + 2) = 4,857,972
    // B = 283,333 + 1,122,324 +   942,808 = 2,348,465
    // C = 283,333 +   566,817 +   443,413 = 1,293,563           Σ = 8,500,000
    expect(sharesOf(result)).toEqual({ 四万十市: 4_857_972, 宿毛市: 2_348_465, 黒潮町: 1_293_563 });
    expect(result.members[0].adjustment).toBe(4);
    expect(result.components.map((c) => c.remainder)).toEqual([1, 1, 2]);
    const a = result.members[0].lines[1];
    expect(a).toEqual({ componentIndex: 1, figure: 35_123, ratio: 35_123 / 62_900, rawAmount: "2135858.1081", amount: 2_135_858 });
    expect(result.sum).toBe(8_500_000);
    // the explanation a person checks against: the exact component amount, its rounding, the remainder's taker
    expect(result.components[0].explanation).toMatch(/^均等割（10%）: 対象額8,500,000円×10%＝850,000円を1円未満切り捨てで850,000円。/);
    expect(result.components[0].explanation).toMatch(/割り振りの端数\+1円は四万十市が負担。$/);
  });

  it("施設費: 所在団体（宿毛市）90/100、その他の団体10/100を国勢調査の人口割, 1000円未満切り捨て", () => {
    const rule = ruleBodySchema.parse({
      components: [
        { kind: "hosting", weight: 9000, hostMemberId: "B" },
        { kind: "population", weight: 1000, basis: "census", asOf: "2020-10-01", appliesTo: { mode: "exclude", memberIds: ["B"] } },
      ],
      rounding: { unit: 1000, method: "floor" },
      remainderMemberId: "A",
    });
    const result = computeCostShares(rule, {
      members,
      total: 5_000_000,
      deductions: [],
      // 宿毛市's census figure is not needed (and not given): it is not among the 人口割's members
      figures: { "population:census:2020-10-01": { A: 34_567, C: 8_901 } },
    });
    // 所在団体割 5,000,000 × 90% = 4,500,000 → 宿毛市; 人口割 5,000,000 × 10% = 500,000 between A and C
    // 人口割: total 34,567 + 8,901 = 43,468
    //   A 500,000 × 34,567 ÷ 43,468 = 397,614.33… → 397,000 (1000円未満切り捨て)
    //   C 500,000 ×  8,901 ÷ 43,468 = 102,385.66… → 102,000     remainder 500,000 − 499,000 = 1,000 → A
    expect(sharesOf(result)).toEqual({ 四万十市: 398_000, 宿毛市: 4_500_000, 黒潮町: 102_000 });
    expect(result.members[1].lines[1].figure).toBeNull();
    expect(result.components[1].memberIds).toEqual(["A", "C"]);
  });
});

describe("渋川広域（令和6年度）", () => {
  const members = [
    { id: "S", name: "渋川市" },
    { id: "H", name: "榛東村" },
    { id: "Y", name: "吉岡町" },
  ];

  it("夜間急患: 均等割6% + 利用者割94%（前年度の利用者数）, 1000円未満四捨五入", () => {
    const rule = ruleBodySchema.parse({
      components: [
        { kind: "equal", weight: 600 },
        { kind: "usage", weight: 9400, figureName: "利用者数", period: "前年度" },
      ],
      rounding: { unit: 1000, method: "round" },
      remainderMemberId: "S",
    });
    const result = computeCostShares(rule, {
      members,
      total: 30_000_000,
      deductions: [{ label: "使用料", amount: 12_345_678 }],
      figures: { "usage:利用者数:前年度": { S: 4_321, H: 765, Y: 1_234 } },
    });
    // 対象額 = 30,000,000 − 12,345,678 = 17,654,322
    // 均等割 17,654,322 × 6% = 1,059,259.32 → 1,059,000 (1000円未満四捨五入: 259.32 < 500)
    // 利用者割 17,654,322 × 94% = 1,659,506,268 ÷ 100 = 16,595,062.68 → 16,595,000 (062.68 < 500)
    // leftover 17,654,322 − (1,059,000 + 16,595,000) = 322 → the largest weight (利用者割): 16,595,322
    expect(result.components.map((c) => [c.roundedAmount, c.componentAdjustment, c.amount])).toEqual([
      [1_059_000, 0, 1_059_000],
      [16_595_000, 322, 16_595_322],
    ]);
    // 均等割 1,059,000 ÷ 3 = 353,000 each (no remainder)
    // 利用者割: total 4,321 + 765 + 1,234 = 6,320
    //   S 16,595,322 × 4,321 ÷ 6,320 = 11,346,263.66… → 11,346,000
    //   H 16,595,322 ×   765 ÷ 6,320 =  2,008,769.19… →  2,009,000
    //   Y 16,595,322 × 1,234 ÷ 6,320 =  3,240,289.13… →  3,240,000   remainder 16,595,322 − 16,595,000 = 322 → 渋川市
    // 渋川市 = 353,000 + 11,346,000 + 322 = 11,699,322; 榛東村 = 353,000 + 2,009,000 = 2,362,000;
    // 吉岡町 = 353,000 + 3,240,000 = 3,593,000                       Σ = 17,654,322
    expect(sharesOf(result)).toEqual({ 渋川市: 11_699_322, 榛東村: 2_362_000, 吉岡町: 3_593_000 });
  });

  it("消防費: 均等割4% + 基準財政需要額割96%, 100円未満切り上げ (the remainder taker absorbs a negative difference)", () => {
    const rule = ruleBodySchema.parse({
      components: [
        { kind: "equal", weight: 400 },
        { kind: "fiscal_need", weight: 9600, fiscalYear: 2024 },
      ],
      rounding: { unit: 100, method: "ceil" },
      remainderMemberId: "S",
    });
    const result = computeCostShares(rule, {
      members,
      total: 1_234_567_890,
      deductions: [],
      figures: { "fiscal_need:2024": { S: 16_234_567_000, H: 2_345_678_000, Y: 3_456_789_000 } },
    });
    // 均等割 1,234,567,890 × 4% = 49,382,715.6 → 49,382,800 (100円未満切り上げ)
    // 基準財政需要額割 × 96% = 1,185,185,174.4 → 1,185,185,200
    // leftover 1,234,567,890 − 1,234,568,000 = −110 → 基準財政需要額割: 1,185,185,090
    // 均等割 49,382,800 ÷ 3 = 16,460,933.33… → 16,461,000 each; remainder 49,382,800 − 49,383,000 = −200 → 渋川市
    // 基準財政需要額割: total 16,234,567,000 + 2,345,678,000 + 3,456,789,000 = 22,037,034,000
    //   (1,185,185,090 × 16,234,567,000 ≈ 1.9 × 10^19: past 2^53, exact only in BigInt)
    //   S 1,185,185,090 × 16,234,567,000 ÷ 22,037,034,000 = 873,119,619.95… → 873,119,700
    //   H 1,185,185,090 ×  2,345,678,000 ÷ 22,037,034,000 = 126,154,118.17… → 126,154,200
    //   Y 1,185,185,090 ×  3,456,789,000 ÷ 22,037,034,000 = 185,911,351.86… → 185,911,400
    //   remainder 1,185,185,090 − 1,185,185,300 = −210 → 渋川市
    // 渋川市 = 16,461,000 + 873,119,700 − 200 − 210 = 889,580,290
    // 榛東村 = 16,461,000 + 126,154,200 = 142,615,200; 吉岡町 = 16,461,000 + 185,911,400 = 202,372,400
    // Σ = 889,580,290 + 142,615,200 + 202,372,400 = 1,234,567,890
    expect(sharesOf(result)).toEqual({ 渋川市: 889_580_290, 榛東村: 142_615_200, 吉岡町: 202_372_400 });
    expect(result.members[0].adjustment).toBe(-410);
    expect(result.components[1].componentAdjustment).toBe(-110);
  });
});

describe("相楽広域: 協定で定めた割合 60.00 / 11.18 / 12.65 / 6.76 / 9.41 %", () => {
  it("distributes by the agreed percentages, 1円未満切り捨て, the remainder to the first member", () => {
    const members = [
      { id: "K", name: "木津川市" },
      { id: "Se", name: "精華町" },
      { id: "Ka", name: "笠置町" },
      { id: "W", name: "和束町" },
      { id: "M", name: "南山城村" },
    ];
    const rule = ruleBodySchema.parse({
      components: [
        {
          kind: "fixed",
          weight: 10000,
          shares: [
            { memberId: "K", weight: 6000 },
            { memberId: "Se", weight: 1118 },
            { memberId: "Ka", weight: 1265 },
            { memberId: "W", weight: 676 },
            { memberId: "M", weight: 941 },
          ],
        },
      ],
      rounding: { unit: 1, method: "floor" },
      remainderMemberId: "K",
    });
    const result = computeCostShares(rule, { members, total: 12_345_678, deductions: [], figures: {} });
    // 12,345,678 × 60.00% = 7,407,406.8 → 7,407,406; × 11.18% = 1,380,246.80… → 1,380,246;
    // × 12.65% = 1,561,728.26… → 1,561,728; × 6.76% = 834,567.83… → 834,567; × 9.41% = 1,161,728.29… → 1,161,728
    // Σ = 12,345,675; remainder 3 → 木津川市: 7,407,409
    expect(sharesOf(result)).toEqual({ 木津川市: 7_407_409, 精華町: 1_380_246, 笠置町: 1_561_728, 和束町: 834_567, 南山城村: 1_161_728 });
  });

  it("refuses agreed percentages that do not add up to 100 %", () => {
    const parsed = ruleBodySchema.safeParse({
      components: [
        {
          kind: "fixed",
          weight: 10000,
          shares: [
            { memberId: "K", weight: 6000 },
            { memberId: "Se", weight: 3999 },
          ],
        },
      ],
      rounding: { unit: 1, method: "floor" },
      remainderMemberId: "K",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe(
      "1番目の区分（協定割合）の協定割合の合計が99.99%です。合計がちょうど100%になるようにしてください。",
    );
  });
});

describe("the rule's checks", () => {
  const members = [
    { id: "A", name: "北九州市" },
    { id: "B", name: "直方市" },
  ];
  const rule: CostShareRule = ruleBodySchema.parse({
    components: [
      { kind: "equal", weight: 1000 },
      { kind: "population", weight: 9000, basis: "resident_register", asOf: "2022-01-01" },
    ],
    rounding: { unit: 1, method: "floor" },
    remainderMemberId: "A",
  });
  const figures = { "population:resident_register:2022-01-01": { A: 936_586, B: 55_941 } };

  it("refuses weights that do not add up to exactly 100 %", () => {
    const parsed = ruleBodySchema.safeParse({ ...rule, components: [{ kind: "equal", weight: 9999 }] });
    expect(parsed.error?.issues[0].message).toBe("区分の割合の合計が99.99%です。合計がちょうど100%になるようにしてください。");
  });

  it("refuses deductions larger than the total, in Japanese", () => {
    expect(() => computeCostShares(rule, { members, total: 1_000, deductions: [{ label: "繰越金", amount: 1_001 }], figures })).toThrow(
      "特定財源の合計（1,001円）が総額（1,000円）を超えています。負担金の対象額がマイナス（-1円）になるため算定できません。",
    );
  });

  it("names the component and the members whose figure is missing, never taking it as 0", () => {
    expect(() =>
      computeCostShares(rule, { members, total: 1_000, deductions: [], figures: { "population:resident_register:2022-01-01": { A: 10 } } }),
    ).toThrow(/2番目の区分「人口割」.*の数値がない団体があります: 直方市/);
  });

  it("gives 0 of a component to a member whose figure is 0, and refuses a basis that is all 0", () => {
    const zero = computeCostShares(rule, {
      members,
      total: 1_000,
      deductions: [],
      figures: { "population:resident_register:2022-01-01": { A: 10, B: 0 } },
    });
    // 均等割 100 → 50 each; 人口割 900 → all to A
    expect(sharesOf(zero)).toEqual({ 北九州市: 950, 直方市: 50 });
    expect(() =>
      computeCostShares(rule, {
        members,
        total: 1_000,
        deductions: [],
        figures: { "population:resident_register:2022-01-01": { A: 0, B: 0 } },
      }),
    ).toThrow("2番目の区分「人口割」の数値がすべて0です（対象: 北九州市、直方市）。この区分の負担額を割り振れません。");
  });

  it("refuses a remainder taker that does not take part", () => {
    expect(() => computeCostShares({ ...rule, remainderMemberId: "Z" }, { members, total: 1_000, deductions: [], figures })).toThrow(
      CostShareError,
    );
  });

  it("rounds half away from zero with 四捨五入, exactly past 2^53", () => {
    expect(roundToUnit(1500n, 1n, 1000, "round")).toBe(2000n);
    expect(roundToUnit(1499n, 1n, 1000, "round")).toBe(1000n);
    expect(roundToUnit(-1500n, 1n, 1000, "round")).toBe(-2000n);
    expect(roundToUnit(-1499n, 1n, 1000, "floor")).toBe(-2000n);
    expect(roundToUnit(-1499n, 1n, 1000, "ceil")).toBe(-1000n);
    // 10,000,000,000 × 936,586 = 9,365,860,000,000,000 (> 2^53 ≈ 9.007 × 10^15): the floor of its quotient by 992,527
    // is the q with q × 992,527 ≤ the product < (q + 1) × 992,527
    const exact = roundToUnit(10_000_000_000n * 936_586n, 992_527n, 1, "floor");
    expect(exact * 992_527n <= 10_000_000_000n * 936_586n).toBe(true);
    expect((exact + 1n) * 992_527n > 10_000_000_000n * 936_586n).toBe(true);
  });

  it("compares two rules member by member in yen and percentage points", () => {
    const a = computeCostShares(rule, { members, total: 1_000, deductions: [], figures });
    const equal = ruleBodySchema.parse({
      components: [{ kind: "equal", weight: 10000 }],
      rounding: { unit: 1, method: "floor" },
      remainderMemberId: "A",
    });
    const b = computeCostShares(equal, { members, total: 1_000, deductions: [], figures });
    // a: 均等割 100 → 50/50; 人口割 900: A 900 × 936,586 ÷ 992,527 = 849.27… → 849, B 50.72… → 50, remainder 1 → A
    //    A = 50 + 849 + 1 = 900, B = 100; b: 500 / 500
    const diff = compareShares(a, b);
    expect(diff.map((d) => [d.name, d.a, d.b, d.difference, d.differencePoints])).toEqual([
      ["北九州市", 900, 500, -400, -40],
      ["直方市", 100, 500, 400, 40],
    ]);
  });
});
