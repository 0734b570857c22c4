// 採点と認証区分: the tier thresholds at their edges, a missing required item blocking certification whatever the
// score (with self-check answers and with reviewers' scores), the reviewers' means (clamped to the item's points,
// rounded to 0.01), the tier rules' own checks, and the committee's choice of tier.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type CheckItemRule,
  committeeTierProblem,
  scoreReviews,
  scoreSelfCheck,
  type TierRule,
  tierFor,
  tierRuleProblems,
} from "./scoring";

const TIERS: TierRule[] = [
  { id: "gold", rank: 1, name: "ゴールド", minScore: 80 },
  { id: "silver", rank: 2, name: "シルバー", minScore: 60 },
  { id: "bronze", rank: 3, name: "ブロンズ", minScore: 40 },
];

// 100 points: one required item of 10 points, nine optional of 10 points.
const ITEMS: CheckItemRule[] = [
  { id: "req", code: "G-01", domain: "ガバナンス", points: 10, required: true },
  ...Array.from({ length: 9 }, (_, i) => ({
    id: `opt${i}`,
    code: `E-0${i + 1}`,
    domain: i < 5 ? "環境" : "社会",
    points: 10,
    required: false,
  })),
];

const tierAt = (score: number) => tierFor({ score, missingRequired: [] }, TIERS).tier?.name ?? null;

describe("tierFor: thresholds at their edges", () => {
  it.each([
    [0, null],
    [39, null],
    [39.99, null],
    [40, "ブロンズ"],
    [59, "ブロンズ"],
    [59.99, "ブロンズ"],
    [60, "シルバー"],
    [79, "シルバー"],
    [80, "ゴールド"],
    [100, "ゴールド"],
  ])("%s points → %s", (score, tier) => {
    expect(tierAt(score)).toBe(tier);
  });

  it("explains a score below the lowest tier with that tier's threshold", () => {
    const result = tierFor({ score: 39, missingRequired: [] }, TIERS);
    expect(result.tier).toBeNull();
    expect(result.reason).toBe("39点は最も低い区分（ブロンズ: 40点以上）に届きません。");
  });

  it("says so when the round has no tiers", () => {
    expect(tierFor({ score: 100, missingRequired: [] }, []).reason).toBe("認証区分が設定されていません。");
  });

  it("finds the tier whatever order the tiers come in", () => {
    expect(tierFor({ score: 65, missingRequired: [] }, [...TIERS].reverse()).tier?.name).toBe("シルバー");
  });

  it("the tier of a higher score is never lower (property)", () => {
    const rankOf = (score: number) => tierFor({ score, missingRequired: [] }, TIERS).tier?.rank ?? 99;
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), fc.integer({ min: 0, max: 10000 }), (a, b) => {
        const [low, high] = a <= b ? [a / 100, b / 100] : [b / 100, a / 100];
        // rank 1 is the highest: a higher score has the same rank or a smaller number
        expect(rankOf(high)).toBeLessThanOrEqual(rankOf(low));
      }),
    );
  });
});

describe("a missing required item blocks certification whatever the score", () => {
  it("self-check: every optional item met (90 of 100) but the required one not → no tier, and the reason names it", () => {
    const met = new Set(ITEMS.filter((i) => !i.required).map((i) => i.id));
    const score = scoreSelfCheck(ITEMS, met);
    expect(score.score).toBe(90);
    expect(score.max).toBe(100);
    expect(score.missingRequired).toEqual(["G-01"]);
    const tier = tierFor(score, TIERS);
    expect(tier.tier).toBeNull();
    expect(tier.reason).toBe("必須項目（G-01）が満たされていないため、点数にかかわらず認証できません。");
  });

  it("even a score of 100 is refused when a required item is listed missing", () => {
    expect(tierFor({ score: 100, missingRequired: ["G-01", "S-01"] }, TIERS).tier).toBeNull();
    expect(tierFor({ score: 100, missingRequired: ["G-01", "S-01"] }, TIERS).reason).toContain("G-01、S-01");
  });

  it("a required item worth 0 points that is not met still blocks", () => {
    const items: CheckItemRule[] = [...ITEMS.slice(1), { id: "zero", code: "Z-00", domain: "地域", points: 0, required: true }];
    const result = scoreSelfCheck(items, new Set(items.map((i) => i.id)));
    // met, but worth 0: 0 is not "above 0", so a zero-point required item can never be met
    expect(result.missingRequired).toEqual(["Z-00"]);
  });

  it("with reviews: every reviewer gives full marks except 0 for the required item → no tier", () => {
    const full = new Map(ITEMS.map((i) => [i.id, i.id === "req" ? 0 : i.points]));
    const result = scoreReviews(ITEMS, [full, full]);
    expect(result.score).toBe(90);
    expect(result.missingRequired).toEqual(["G-01"]);
    expect(tierFor(result, TIERS).tier).toBeNull();
  });

  it("with reviews: a required item nobody scored is missing", () => {
    const review = new Map(ITEMS.filter((i) => !i.required).map((i) => [i.id, i.points]));
    expect(scoreReviews(ITEMS, [review]).missingRequired).toEqual(["G-01"]);
  });

  it("with reviews: one reviewer's point on the required item is enough (its mean is above 0)", () => {
    const a = new Map(ITEMS.map((i) => [i.id, i.id === "req" ? 1 : i.points]));
    const b = new Map(ITEMS.map((i) => [i.id, i.id === "req" ? 0 : i.points]));
    const result = scoreReviews(ITEMS, [a, b]);
    expect(result.missingRequired).toEqual([]);
    expect(result.score).toBe(90.5);
    expect(tierFor(result, TIERS).tier?.name).toBe("ゴールド");
  });
});

describe("scoreSelfCheck", () => {
  it("scores met items' points, by domain too", () => {
    const result = scoreSelfCheck(ITEMS, new Set(["req", "opt0", "opt5"]));
    expect(result.score).toBe(30);
    expect(result.byDomain).toEqual([
      { domain: "ガバナンス", score: 10, max: 10 },
      { domain: "環境", score: 10, max: 50 },
      { domain: "社会", score: 10, max: 40 },
    ]);
  });

  it("an answer for an item not on the sheet counts nothing", () => {
    expect(scoreSelfCheck(ITEMS, new Set(["somewhere-else"])).score).toBe(0);
  });
});

describe("scoreReviews: means, clamps, rounding", () => {
  const items: CheckItemRule[] = [
    { id: "a", code: "A", domain: "環境", points: 10, required: false },
    { id: "b", code: "B", domain: "環境", points: 5, required: false },
  ];

  it("each item scores the mean of its reviewers", () => {
    const result = scoreReviews(items, [
      new Map([
        ["a", 8],
        ["b", 5],
      ]),
      new Map([
        ["a", 6],
        ["b", 2],
      ]),
    ]);
    expect(result.score).toBe(7 + 3.5);
  });

  it("a score above the item's points counts as its points, a negative one as 0", () => {
    const result = scoreReviews(items, [
      new Map([
        ["a", 50],
        ["b", -3],
      ]),
      new Map([
        ["a", 10],
        ["b", 3],
      ]),
    ]);
    expect(result.score).toBe(10 + 1.5);
  });

  it("rounds each item's mean to 0.01", () => {
    // (7 + 7 + 8) / 3 = 7.333… → 7.33; (1 + 2 + 2) / 3 = 1.666… → 1.67
    const result = scoreReviews(items, [
      new Map([
        ["a", 7],
        ["b", 1],
      ]),
      new Map([
        ["a", 7],
        ["b", 2],
      ]),
      new Map([
        ["a", 8],
        ["b", 2],
      ]),
    ]);
    expect(result.score).toBe(9);
    expect(result.byDomain[0].score).toBe(9);
    const single = scoreReviews([items[0]], [new Map([["a", 7]]), new Map([["a", 7]]), new Map([["a", 8]])]);
    expect(single.score).toBe(7.33);
  });

  it("a reviewer who skipped an item is left out of that item's mean", () => {
    const result = scoreReviews(items, [
      new Map([["a", 10]]),
      new Map([
        ["a", 6],
        ["b", 4],
      ]),
    ]);
    expect(result.score).toBe(8 + 4);
  });

  it("no reviews: every item scores 0", () => {
    expect(scoreReviews(items, []).score).toBe(0);
  });
});

describe("tierRuleProblems", () => {
  it("accepts three tiers ranked 1..3 with falling thresholds", () => {
    expect(tierRuleProblems(TIERS)).toEqual([]);
  });

  it("asks for at least one tier", () => {
    expect(tierRuleProblems([])).toEqual(["認証区分を1つ以上設定してください。"]);
  });

  it("asks for ranks from 1 without gaps", () => {
    expect(tierRuleProblems([{ rank: 2, name: "シルバー", minScore: 60 }])).toEqual(["区分の順位は1から順に付けてください。"]);
    expect(
      tierRuleProblems([
        { rank: 1, name: "ゴールド", minScore: 80 },
        { rank: 3, name: "ブロンズ", minScore: 40 },
      ]),
    ).toEqual(["区分の順位は1から順に付けてください。"]);
  });

  it("asks a higher tier for strictly more points than the one below it (equal is refused too)", () => {
    expect(
      tierRuleProblems([
        { rank: 1, name: "ゴールド", minScore: 60 },
        { rank: 2, name: "シルバー", minScore: 60 },
      ]),
    ).toEqual(["「ゴールド」の最低点は、下の区分「シルバー」の最低点より高くしてください。"]);
  });
});

describe("committeeTierProblem", () => {
  const reached = (score: number, missingRequired: string[] = []) => tierFor({ score, missingRequired }, TIERS);

  it("the committee may certify at the tier reached or a lower one", () => {
    expect(committeeTierProblem(TIERS[1], reached(65))).toBeNull();
    expect(committeeTierProblem(TIERS[2], reached(65))).toBeNull();
  });

  it("never higher than the score reaches", () => {
    expect(committeeTierProblem(TIERS[0], reached(65))).toBe(
      "審査点では「シルバー」までの区分です。「ゴールド」で認証することはできません。",
    );
  });

  it("never with a required item missing, and never below the lowest threshold", () => {
    expect(committeeTierProblem(TIERS[2], reached(95, ["G-01"]))).toContain("必須項目（G-01）");
    expect(committeeTierProblem(TIERS[2], reached(39))).toBe("39点は最も低い区分（ブロンズ: 40点以上）に届きません。");
  });
});
