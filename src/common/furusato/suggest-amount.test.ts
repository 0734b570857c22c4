import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AMOUNT_STEP, checkListing, evaluateReturnRatio } from "./rules.js";
import { suggestDonationAmount } from "./suggest-amount.js";
import type { Gift, Listing, Portal } from "./types.js";

function buildGift(overrides: Partial<Gift> = {}): Gift {
  return {
    code: "AB001",
    supplierCode: "AB",
    supplierName: "横串農園",
    title: "横串産コシヒカリ 5kg",
    catchCopy: "",
    description: "",
    contents: "精米 5kg",
    procurementCost: 3000,
    shippingCost: 1000,
    shippingSize: "80",
    temperature: "常温",
    handlingNotes: "",
    allergens: {},
    bestBefore: "",
    originOfIngredients: "",
    placeOfProcessing: "",
    applicationPeriod: { from: null, until: null },
    deliveryPeriod: "",
    limitedQuantity: null,
    noshi: false,
    wrapping: false,
    imageUrls: [],
    subscription: null,
    localProductType: "1",
    localProductReason: "市内で生産されたお米であるため",
    evidenceCount: 0,
    rawMaterialSamePrefecture: null,
    certifications: [],
    status: "入力中",
    ...overrides,
  };
}

function buildPortal(overrides: Partial<Portal> = {}): Portal {
  return { code: "choice", name: "ふるさとチョイス", feeRatio: 0.1, grantsPoints: false, fieldLimits: {}, active: true, ...overrides };
}

function listingFor(amount: number): Listing {
  return {
    giftCode: "AB001",
    portalCode: "choice",
    donationAmount: amount,
    titleVariant: "",
    state: "受付中",
    stock: null,
    listingDate: "2025-06-01",
    previousDonationAmount: null,
  };
}

describe("suggestDonationAmount", () => {
  it("takes the larger of the 3割 floor and the 5割 cost target, in ¥1,000 steps, and explains both", () => {
    // P = 3,000, S = 1,000, fee 10%: ① 10,000; ② 4,000 ÷ 0.4 = 10,000 → 10,000
    const s = suggestDonationAmount(buildGift(), buildPortal());
    expect(s).toMatchObject({ amount: 10_000, floor: 10_000 });
    expect(s.explanation).toContain("① 3割基準: 調達費用 3,000円 ÷ 30% = 10,000円以上。");
    expect(s.explanation).toContain("(3,000円 + 1,000円) ÷ (50% − 10%) = 10,000円以上");
    expect(s.explanation).toContain("10,000円を提案します");
  });

  it("shipping and a high fee push the amount above the floor", () => {
    // P = 3,000, S = 2,000, fee 20%: ① 10,000; ② 5,000 ÷ 0.3 = 16,667 → 17,000
    const s = suggestDonationAmount(buildGift({ shippingCost: 2_000 }), buildPortal({ feeRatio: 0.2 }));
    expect(s).toMatchObject({ amount: 17_000, floor: 10_000 });
    expect(s.explanation).toContain("16,667円以上");
  });

  it("rounds a floor that is not a multiple of ¥1,000 up, never below it", () => {
    // P = 3,001: ① ⌈30,010 ÷ 3⌉ = 10,004 → 11,000 (10,000 would be 30.01%)
    const s = suggestDonationAmount(buildGift({ procurementCost: 3_001, shippingCost: 0 }), buildPortal({ feeRatio: 0 }));
    expect(s).toMatchObject({ amount: 11_000, floor: 10_004 });
    expect(evaluateReturnRatio(3_001, 10_000).severity).toBe("error");
    expect(evaluateReturnRatio(3_001, s.floor).severity).not.toBe("error");
    expect(evaluateReturnRatio(3_001, s.floor - 1).severity).toBe("error");
  });

  it("counts every delivery of a 定期便", () => {
    // 3 × 3,000 = 9,000, shipping 3 × 1,000 = 3,000, fee 10%: ① 30,000; ② 12,000 ÷ 0.4 = 30,000
    const s = suggestDonationAmount(buildGift({ subscription: { deliveries: 3, schedule: "毎月" } }), buildPortal());
    expect(s).toMatchObject({ amount: 30_000, floor: 30_000 });
    expect(s.explanation).toContain("定期便3回分の調達費用 9,000円（3,000円 × 3回）");
  });

  it("differs per portal by the portal's fee", () => {
    const gift = buildGift({ shippingCost: 2_000 });
    expect(suggestDonationAmount(gift, buildPortal({ feeRatio: 0.05 })).amount).toBe(12_000); // 5,000 ÷ 0.45 = 11,112
    expect(suggestDonationAmount(gift, buildPortal({ feeRatio: 0.12 })).amount).toBe(14_000); // 5,000 ÷ 0.38 = 13,158
  });

  it("when the fee alone reaches 50% the 5割 target cannot be met; the amount rests on the 3割 floor and says so", () => {
    const s = suggestDonationAmount(buildGift(), buildPortal({ feeRatio: 0.5 }));
    expect(s).toMatchObject({ amount: 10_000, floor: 10_000 });
    expect(s.explanation).toContain("この目安は満たせません");
  });

  it("a free gift still suggests the smallest step", () => {
    expect(suggestDonationAmount(buildGift({ procurementCost: 0, shippingCost: 0 }), buildPortal()).amount).toBe(AMOUNT_STEP);
  });

  it("rejects negative costs, fractional yen, bad delivery counts and fees", () => {
    expect(() => suggestDonationAmount(buildGift({ procurementCost: -1 }), buildPortal())).toThrow(RangeError);
    expect(() => suggestDonationAmount(buildGift({ shippingCost: 10.5 }), buildPortal())).toThrow("送料");
    expect(() => suggestDonationAmount(buildGift({ subscription: { deliveries: 0, schedule: "" } }), buildPortal())).toThrow("配送回数");
    expect(() => suggestDonationAmount(buildGift(), buildPortal({ feeRatio: Number.NaN }))).toThrow("手数料率");
  });

  it("property: for any costs the amount passes the 3割 rule, is a multiple of ¥1,000, is ≥ the floor and meets 5割", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 200_000 }),
        fc.integer({ min: 1, max: 24 }),
        fc.integer({ min: 0, max: 4_999 }), // fee in 0.01% steps, below 50%
        fc.boolean(),
        (procurementCost, shippingCost, deliveries, feeBasisPoints, isSubscription) => {
          const gift = buildGift({
            procurementCost,
            shippingCost,
            subscription: isSubscription ? { deliveries, schedule: "毎月" } : null,
          });
          const n = isSubscription ? deliveries : 1;
          const portal = buildPortal({ feeRatio: feeBasisPoints / 10_000 });
          const { amount, floor } = suggestDonationAmount(gift, portal);

          expect(amount % AMOUNT_STEP).toBe(0);
          expect(amount).toBeGreaterThanOrEqual(floor);
          expect(amount).toBeGreaterThan(0);
          const findings = checkListing(gift, portal, listingFor(amount));
          expect(findings.filter((f) => f.rule === "return_ratio" && f.severity === "error")).toEqual([]);
          // 5割: (P + S) × 10,000 + fee(bp) × amount ≤ 5,000 × amount
          expect((procurementCost + shippingCost) * n * 10_000 + feeBasisPoints * amount).toBeLessThanOrEqual(5_000 * amount);
          // the floor is the exact 3割 boundary
          expect(evaluateReturnRatio(procurementCost * n, Math.max(floor, 1)).severity).not.toBe("error");
          if (floor > 1) expect(evaluateReturnRatio(procurementCost * n, floor - 1).severity).toBe("error");
          // and the suggestion is the smallest ¥1,000 step meeting both (one step less fails one of them)
          const less = amount - AMOUNT_STEP;
          if (less > 0) {
            const fails3 = evaluateReturnRatio(procurementCost * n, less).severity === "error";
            const fails5 = (procurementCost + shippingCost) * n * 10_000 + feeBasisPoints * less > 5_000 * less;
            expect(fails3 || fails5).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("property: any fee ratio in [0, 1) gives a multiple of ¥1,000 that passes 3割", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 0.999_999, noNaN: true }),
        (procurementCost, shippingCost, feeRatio) => {
          const gift = buildGift({ procurementCost, shippingCost });
          const { amount } = suggestDonationAmount(gift, buildPortal({ feeRatio }));
          expect(amount % AMOUNT_STEP).toBe(0);
          expect(evaluateReturnRatio(procurementCost, amount).severity).not.toBe("error");
        },
      ),
    );
  });
});
