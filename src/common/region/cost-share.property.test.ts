// 負担金の算定, property tests: an 18-市町 rule (均等割10% + 人口割45% + 実績割45%) with any rounding unit and method,
// any total from 1 yen to 10,000,000,000 yen, any populations (≥ 1) and usage figures (≥ 0), any remainder taker.
//
// What is asserted, precisely:
//   (1) for every method and unit, the shares add up to the amount to share to the yen, and so do the component amounts
//       and, per component, the members' amounts plus that component's remainder;
//   (2) for every method, each member other than the remainder taker is within 8 rounding units of its exact share
//       (amount × Σ weight × figure ÷ figure total, as a real number): rounding moves a share by less than one unit per
//       component, and the component leftover (< 3 units) moves the adjusted component's amount;
//   (3) 切り捨て: every share is ≥ 0, always;
//   (4) 四捨五入: every share other than the taker's is ≥ 0 when the amount is ≥ 5 units (the adjusted component's
//       amount 45% × A − 2 units is then ≥ 0), and the taker's is ≥ 0 too when the amount is ≥ 10,000 units (its exact
//       share ≥ A ÷ 180 then exceeds what rounding can take from it: 8 units on its own lines + 27 units of remainders);
//   (5) 切り上げ: every share other than the taker's is ≥ 0 when the amount is ≥ 7 units; the taker's may be negative
//       (it absorbs what rounding up handed out), which is why (1) is the only promise about it;
//   (6) usage figures that are all 0 are refused with the component named, never divided by zero.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CostShareError, computeCostShares, ROUNDING_METHODS, ROUNDING_UNITS, ruleBodySchema } from "./cost-share";

const MEMBERS = Array.from({ length: 18 }, (_, i) => ({ id: `m${i}`, name: `市町${i + 1}` }));
const POP_KEY = "population:resident_register:2022-01-01";
const USE_KEY = "usage:利用者数:前年度";

const arbitraryCase = fc.record({
  total: fc.integer({ min: 1, max: 10_000_000_000 }),
  deduction: fc.integer({ min: 0, max: 100 }),
  populations: fc.array(fc.integer({ min: 1, max: 2_000_000 }), { minLength: 18, maxLength: 18 }),
  usage: fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5_000_000 })), { minLength: 18, maxLength: 18 }),
  unit: fc.constantFrom(...ROUNDING_UNITS),
  method: fc.constantFrom(...ROUNDING_METHODS),
  taker: fc.integer({ min: 0, max: 17 }),
});

type Case = typeof arbitraryCase extends fc.Arbitrary<infer T> ? T : never;

function run(c: Case) {
  const rule = ruleBodySchema.parse({
    components: [
      { kind: "equal", weight: 1000 },
      { kind: "population", weight: 4500, basis: "resident_register", asOf: "2022-01-01" },
      { kind: "usage", weight: 4500, figureName: "利用者数", period: "前年度" },
    ],
    rounding: { unit: c.unit, method: c.method },
    remainderMemberId: MEMBERS[c.taker].id,
  });
  const figures = {
    [POP_KEY]: Object.fromEntries(MEMBERS.map((m, i) => [m.id, c.populations[i]])),
    [USE_KEY]: Object.fromEntries(MEMBERS.map((m, i) => [m.id, c.usage[i]])),
  };
  // a deduction below the total, so the amount to share stays ≥ 1 yen
  const deductions = [{ label: "使用料", amount: Math.min(c.deduction, c.total - 1) }];
  return computeCostShares(rule, { members: MEMBERS, total: c.total, deductions, figures });
}

describe("負担金: an 18-市町 rule, any total from 1 yen to 10 billion yen", () => {
  it("adds up to the amount to share to the yen and keeps every share where its rounding rule promises", () => {
    fc.assert(
      fc.property(arbitraryCase, (c) => {
        const usageTotal = c.usage.reduce((s, x) => s + x, 0);
        if (usageTotal === 0) {
          expect(() => run(c)).toThrow(CostShareError);
          expect(() => run(c)).toThrow(/3番目の区分「実績割」の数値がすべて0です/);
          return;
        }
        const r = run(c);
        const A = r.amountToShare;
        // (1)
        expect(r.members.reduce((s, m) => s + m.share, 0)).toBe(A);
        expect(r.components.reduce((s, k) => s + k.amount, 0)).toBe(A);
        for (const k of r.components) {
          expect(r.members.reduce((s, m) => s + m.lines[k.index].amount, 0) + k.remainder).toBe(k.amount);
        }
        expect(r.members.reduce((s, m) => s + m.adjustment, 0)).toBe(r.components.reduce((s, k) => s + k.remainder, 0));
        const popTotal = c.populations.reduce((s, x) => s + x, 0);
        const unit = c.unit;
        r.members.forEach((m, i) => {
          const exact = A * (0.1 / 18 + (0.45 * c.populations[i]) / popTotal + (0.45 * c.usage[i]) / usageTotal);
          const isTaker = i === c.taker;
          // (2)
          if (!isTaker) expect(Math.abs(m.share - exact)).toBeLessThanOrEqual(8 * unit + 0.001);
          // (3)
          if (c.method === "floor") expect(m.share).toBeGreaterThanOrEqual(0);
          // (4)
          if (c.method === "round" && !isTaker && A >= 5 * unit) expect(m.share).toBeGreaterThanOrEqual(0);
          if (c.method === "round" && A >= 10_000 * unit) expect(m.share).toBeGreaterThanOrEqual(0);
          // (5)
          if (c.method === "ceil" && !isTaker && A >= 7 * unit) expect(m.share).toBeGreaterThanOrEqual(0);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it("holds at the extremes: 1 yen, and 10 billion yen over populations of a 政令市 and a village", () => {
    for (const method of ROUNDING_METHODS) {
      for (const unit of ROUNDING_UNITS) {
        for (const total of [1, 10_000_000_000]) {
          const r = run({
            total,
            deduction: 0,
            populations: MEMBERS.map((_, i) => (i === 0 ? 936_586 : 1)),
            usage: MEMBERS.map((_, i) => (i === 17 ? 3 : 0)),
            unit,
            method,
            taker: 0,
          });
          expect(r.members.reduce((s, m) => s + m.share, 0)).toBe(total);
        }
      }
    }
  });
});
