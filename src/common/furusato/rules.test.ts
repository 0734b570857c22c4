import { describe, expect, it } from "vitest";
import {
  blocksPublishing,
  checkGift,
  checkListing,
  countChars,
  differsByOneDigit,
  evaluateReturnRatio,
  LOCAL_REASON_MAX,
  POINT_BAN_DATE,
  PRICE_JUMP_FRACTION,
  PRICE_JUMP_RATIO,
  RETURN_RATIO_LIMIT,
  RETURN_RATIO_LIMIT_FRACTION,
  RETURN_RATIO_WARNING,
  RETURN_RATIO_WARNING_FRACTION,
} from "./rules.js";
import type { Gift, Listing, Portal, RuleFinding } from "./types.js";

// ---------------------------------------------------------------------------------------------------------------
// Factories: a gift that passes every rule on a plain portal, so each test changes one thing.

function buildGift(overrides: Partial<Gift> = {}): Gift {
  return {
    code: "AB001",
    supplierCode: "AB",
    supplierName: "横串農園",
    title: "横串産コシヒカリ 5kg",
    catchCopy: "朝どれの新米",
    description: "市内の田んぼで育てたお米です。",
    contents: "精米 5kg",
    procurementCost: 3000,
    shippingCost: 1000,
    shippingSize: "80",
    temperature: "常温",
    handlingNotes: "",
    allergens: {},
    bestBefore: "精米日から1か月",
    originOfIngredients: "市内産",
    placeOfProcessing: "市内",
    applicationPeriod: { from: null, until: null },
    deliveryPeriod: "通年",
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
  return {
    code: "choice",
    name: "ふるさとチョイス",
    feeRatio: 0.1,
    grantsPoints: false,
    fieldLimits: { title: 200, catchCopy: 40, description: 1000, supplierName: 64 },
    active: true,
    ...overrides,
  };
}

function buildListing(overrides: Partial<Listing> = {}): Listing {
  return {
    giftCode: "AB001",
    portalCode: "choice",
    donationAmount: 12000,
    titleVariant: "",
    state: "受付中",
    stock: null,
    listingDate: "2025-06-01",
    previousDonationAmount: null,
    ...overrides,
  };
}

function check(gift: Partial<Gift> = {}, listing: Partial<Listing> = {}, portal: Partial<Portal> = {}, today?: string): RuleFinding[] {
  return checkListing(buildGift(gift), buildPortal(portal), buildListing(listing), today ? { today } : {});
}

function byRule(findings: RuleFinding[], rule: string): RuleFinding[] {
  return findings.filter((f) => f.rule === rule);
}

function only(findings: RuleFinding[], rule: string): RuleFinding {
  const found = byRule(findings, rule);
  expect(found, JSON.stringify(findings, null, 2)).toHaveLength(1);
  return found[0];
}

describe("the baseline fixtures", () => {
  it("a complete gift at 25% on a plain portal has no findings and may be published", () => {
    const findings = check();
    expect(findings).toEqual([]);
    expect(blocksPublishing(findings)).toBe(false);
  });
});

describe("constants", () => {
  it("the integer fractions used for comparisons are the published decimal limits", () => {
    expect(RETURN_RATIO_LIMIT_FRACTION.numerator / RETURN_RATIO_LIMIT_FRACTION.denominator).toBe(RETURN_RATIO_LIMIT);
    expect(RETURN_RATIO_WARNING_FRACTION.numerator / RETURN_RATIO_WARNING_FRACTION.denominator).toBe(RETURN_RATIO_WARNING);
    expect(PRICE_JUMP_FRACTION.numerator / PRICE_JUMP_FRACTION.denominator).toBe(PRICE_JUMP_RATIO);
    expect(POINT_BAN_DATE).toBe("2025-10-01");
    expect(LOCAL_REASON_MAX).toBe(100);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("返礼割合 (3割)", () => {
  // amount 100,000 yen: cost in yen is the ratio in 0.001% steps, so the edges are exact.
  const amount = 100_000;
  const ratioOf = (cost: number) => check({ procurementCost: cost }, { donationAmount: amount });

  it("29.9% passes (a warning, not an error)", () => {
    const f = only(ratioOf(29_900), "return_ratio");
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("返礼割合が29.9%です");
    expect(blocksPublishing(ratioOf(29_900))).toBe(false);
  });

  it("exactly 30.0% passes (the limit is inclusive)", () => {
    const f = ratioOf(30_000);
    expect(only(f, "return_ratio").severity).toBe("warning");
    expect(only(f, "return_ratio").message).toContain("30.0%");
    expect(blocksPublishing(f)).toBe(false);
  });

  it("30.1% is an error that blocks publishing", () => {
    const f = only(ratioOf(30_100), "return_ratio");
    expect(f.severity).toBe("error");
    expect(f.portalCode).toBe("choice");
    expect(f.message).toContain("返礼割合が30.1%です");
    expect(blocksPublishing(ratioOf(30_100))).toBe(true);
  });

  it("a ratio one yen over 30% reads above 30.0%, never a confusing 30.0% error", () => {
    const f = only(ratioOf(30_001), "return_ratio");
    expect(f.severity).toBe("error");
    expect(f.message).toContain("30.1%");
  });

  it("decides at the exact boundary with awkward amounts where floating point would wobble", () => {
    // 0.3 × 33,333 = 9,999.9 in decimal; in floating point 9999.9 / 33333 is not exactly 0.3.
    expect(evaluateReturnRatio(9_999, 33_333).severity).not.toBe("error");
    expect(evaluateReturnRatio(10_000, 33_333).severity).toBe("error");
    expect(evaluateReturnRatio(3, 10).severity).not.toBe("error");
    expect(evaluateReturnRatio(21, 70).severity).not.toBe("error");
  });

  it("27.9% has no finding; 28.0% is a warning that does not block", () => {
    expect(byRule(ratioOf(27_900), "return_ratio")).toEqual([]);
    const warning = only(ratioOf(28_000), "return_ratio");
    expect(warning.severity).toBe("warning");
    expect(warning.message).toContain("28.0%");
    expect(blocksPublishing(ratioOf(28_000))).toBe(false);
  });

  it("explains the numbers in Japanese, as in the issue", () => {
    const f = only(check({ procurementCost: 9_300 }, { donationAmount: 30_000 }), "return_ratio");
    expect(f.message).toContain("返礼割合が31.0%です（調達費用 9,300円 ÷ ふるさとチョイスの寄附金額 30,000円）。3割以下にしてください。");
    expect(f.detail).toMatchObject({ returnRatioPercent: 31, totalProcurementCost: 9_300, donationAmount: 30_000, limitPercent: 30 });
  });

  it("a 定期便 counts every delivery: 3 × 3,000 = 9,000 is fine at 30,000 and an error at 29,000", () => {
    const subscription = { deliveries: 3, schedule: "毎月" };
    expect(
      byRule(check({ procurementCost: 3_000, subscription }, { donationAmount: 30_000 }), "return_ratio").map((f) => f.severity),
    ).toEqual(["warning"]);
    const f = only(check({ procurementCost: 3_000, subscription }, { donationAmount: 29_000 }), "return_ratio");
    expect(f.severity).toBe("error");
    expect(f.message).toContain("調達費用 3,000円 × 3回 = 9,000円 ÷ ふるさとチョイスの寄附金額 29,000円");
    expect(f.detail).toMatchObject({ totalProcurementCost: 9_000, deliveries: 3 });
  });

  it("the same cost judged per delivery only would pass, so the sum really matters", () => {
    // 3,000 ÷ 29,000 = 10.3%: a single gift with the same cost and amount is fine.
    expect(byRule(check({ procurementCost: 3_000 }, { donationAmount: 29_000 }), "return_ratio")).toEqual([]);
  });

  it("a price rise is re-checked with no exemption: the same listing fails once the cost goes up", () => {
    const before = check({ procurementCost: 9_000 }, { donationAmount: 30_000 });
    const after = check({ procurementCost: 9_030 }, { donationAmount: 30_000 });
    expect(blocksPublishing(before)).toBe(false);
    expect(only(after, "return_ratio").severity).toBe("error");
    expect(only(after, "return_ratio").message).toContain("値上がり");
    expect(blocksPublishing(after)).toBe(true);
  });

  it("is checked per portal: each portal's own donation amount counts", () => {
    const gift = buildGift({ procurementCost: 9_000 });
    const choice = buildPortal();
    const other = buildPortal({ code: "other", name: "別ポータル" });
    const findings = checkGift(gift, [
      { portal: choice, listing: buildListing({ donationAmount: 31_000 }) },
      { portal: other, listing: buildListing({ portalCode: "other", donationAmount: 29_000 }) },
    ]);
    const ratio = byRule(findings, "return_ratio").filter((f) => f.severity === "error");
    expect(ratio.map((f) => f.portalCode)).toEqual(["other"]);
  });

  it("a zero, negative or fractional donation amount is an error rather than a division by zero", () => {
    for (const donationAmount of [0, -1000, 1000.5]) {
      const f = check({}, { donationAmount });
      expect(only(f, "donation_amount").severity).toBe("error");
      expect(byRule(f, "return_ratio")).toEqual([]);
    }
  });

  it("an invalid procurement cost is an error once per gift", () => {
    const f = checkGift(buildGift({ procurementCost: -1 }), [
      { portal: buildPortal(), listing: buildListing() },
      { portal: buildPortal({ code: "p2" }), listing: buildListing({ portalCode: "p2" }) },
    ]);
    expect(byRule(f, "procurement_cost")).toHaveLength(1);
    expect(blocksPublishing(f)).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("地場産品基準", () => {
  it("a missing 類型 is an error", () => {
    const f = only(check({ localProductType: null }), "local_product_type");
    expect(f.severity).toBe("error");
    expect(f.message).toContain("類型が選択されていません");
  });

  it("an unknown 類型 from stored data is an error", () => {
    const f = only(check({ localProductType: "10" as Gift["localProductType"] }), "local_product_type");
    expect(f.message).toContain("「10」");
  });

  it("the reason is required (blank counts as missing)", () => {
    expect(only(check({ localProductReason: "" }), "local_product_reason").severity).toBe("error");
    expect(only(check({ localProductReason: "　 " }), "local_product_reason").message).toContain("入力されていません");
  });

  it("a reason of 100 characters passes and 101 is an error", () => {
    expect(byRule(check({ localProductReason: "理".repeat(100) }), "local_product_reason")).toEqual([]);
    const f = only(check({ localProductReason: "理".repeat(101) }), "local_product_reason");
    expect(f.message).toBe("地場産品に該当する理由が101文字です。100文字以内にしてください。");
    expect(f.detail).toEqual({ length: 101, limit: 100 });
  });

  it("the reason counts an emoji or 𠮷 once", () => {
    expect(byRule(check({ localProductReason: "𠮷".repeat(100) }), "local_product_reason")).toEqual([]);
    expect(byRule(check({ localProductReason: `${"理".repeat(99)}🍚` }), "local_product_reason")).toEqual([]);
    expect(byRule(check({ localProductReason: `${"理".repeat(100)}🍚` }), "local_product_reason")).toHaveLength(1);
  });

  it.each(["2", "3", "3イ", "3ロ"] as const)("類型%s needs evidence attached", (type) => {
    const extra = type === "3イ" ? { rawMaterialSamePrefecture: true } : {};
    const missing = only(check({ localProductType: type, evidenceCount: 0, ...extra }), "local_product_evidence");
    expect(missing.severity).toBe("error");
    expect(missing.message).toContain(`類型${type}号`);
    expect(check({ localProductType: type, evidenceCount: 1, ...extra })).toEqual([]);
  });

  it.each(["1", "4", "5", "8イ", "9"] as const)("類型%s does not need evidence", (type) => {
    expect(byRule(check({ localProductType: type, evidenceCount: 0 }), "local_product_evidence")).toEqual([]);
  });

  it("3号イ (熟成肉・精米) passes only when the raw material is confirmed from the same prefecture", () => {
    const base = { localProductType: "3イ" as const, evidenceCount: 1 };
    expect(check({ ...base, rawMaterialSamePrefecture: true })).toEqual([]);

    const no = only(check({ ...base, rawMaterialSamePrefecture: false }), "local_product_raw_material");
    expect(no.severity).toBe("error");
    expect(no.message).toContain("同一都道府県産でない");

    const unknown = only(check({ ...base, rawMaterialSamePrefecture: null }), "local_product_raw_material");
    expect(unknown.severity).toBe("error");
    expect(unknown.message).toContain("未確認");
  });

  it("the same-prefecture question does not apply to other types", () => {
    expect(
      byRule(check({ localProductType: "3ロ", evidenceCount: 1, rawMaterialSamePrefecture: false }), "local_product_raw_material"),
    ).toEqual([]);
  });

  it("gift-level findings appear once in checkGift however many portals", () => {
    const gift = buildGift({ localProductType: null });
    const f = checkGift(gift, [
      { portal: buildPortal(), listing: buildListing() },
      { portal: buildPortal({ code: "p2" }), listing: buildListing({ portalCode: "p2" }) },
    ]);
    expect(byRule(f, "local_product_type")).toHaveLength(1);
    expect(byRule(f, "local_product_type")[0].portalCode).toBeUndefined();
  });
});

describe("認証の有効期間", () => {
  const cert = { name: "特別栽培農産物", validFrom: "2025-04-01", validUntil: "2026-03-31" };
  const at = (listingDate: string) => check({ certifications: [cert] }, { listingDate });

  it("is valid on its first and last day", () => {
    expect(at("2025-04-01")).toEqual([]);
    expect(at("2026-03-31")).toEqual([]);
  });

  it("the day before it starts is an error naming the certification and the dates in 和暦", () => {
    const f = only(at("2025-03-31"), "certification_validity");
    expect(f.severity).toBe("error");
    expect(f.message).toBe(
      "認証「特別栽培農産物」の有効期間（令和7年4月1日〜令和8年3月31日）は、掲載日 令和7年3月31日 にまだ始まっていません。有効な認証を確認してから掲載してください。",
    );
  });

  it("the day after it ends is an error", () => {
    const f = only(at("2026-04-01"), "certification_validity");
    expect(f.message).toContain("令和8年4月1日 に切れています");
  });

  it("open-ended periods have no limit on the open side", () => {
    const noEnd = { name: "地域ブランド認証", validFrom: "2020-01-01", validUntil: null };
    const noStart = { name: "地域ブランド認証", validFrom: null, validUntil: "2025-12-31" };
    expect(check({ certifications: [noEnd] }, { listingDate: "2099-12-31" })).toEqual([]);
    expect(check({ certifications: [noStart] }, { listingDate: "2000-01-01" })).toEqual([]);
    expect(only(check({ certifications: [noStart] }, { listingDate: "2026-01-01" }), "certification_validity").message).toContain(
      "（令和7年12月31日まで）",
    );
    expect(check({ certifications: [{ name: "無期限", validFrom: null, validUntil: null }] })).toEqual([]);
  });

  it("a live listing is judged on today when today is later: a certification that expired since is an error", () => {
    const f = check({ certifications: [cert] }, { listingDate: "2025-06-01" }, {}, "2026-04-01");
    expect(only(f, "certification_validity").message).toContain("掲載日 令和8年4月1日");
  });

  it("a malformed certification date is an error, not a crash", () => {
    expect(
      only(check({ certifications: [{ name: "X", validFrom: "2025-13-01", validUntil: null }] }), "certification_validity").severity,
    ).toBe("error");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("ポイント付与ポータル", () => {
  const points = { grantsPoints: true, name: "ポイントサイト", code: "pt" };
  const at = (listingDate: string, today?: string) => check({}, { listingDate, portalCode: "pt" }, points, today);

  it("on 2025-09-30 it is a warning that it becomes banned on 令和7年10月1日", () => {
    const f = only(at("2025-09-30"), "portal_points");
    expect(f.severity).toBe("warning");
    expect(f.message).toContain("令和7年10月1日からはこのポータルに掲載できなくなります");
    expect(blocksPublishing(at("2025-09-30"))).toBe(false);
  });

  it("on 2025-10-01 and later it is an error that blocks publishing", () => {
    for (const d of ["2025-10-01", "2026-01-15"]) {
      const f = only(at(d), "portal_points");
      expect(f.severity).toBe("error");
      expect(f.message).toContain("令和7年10月1日以降は掲載できません");
      expect(blocksPublishing(at(d))).toBe(true);
    }
  });

  it("a listing published before the ban is an error once today reaches the ban date", () => {
    expect(only(at("2025-09-01", "2025-09-30"), "portal_points").severity).toBe("warning");
    expect(only(at("2025-09-01", "2025-10-01"), "portal_points").severity).toBe("error");
  });

  it("a portal without points has no such finding after the ban date", () => {
    expect(byRule(check({}, { listingDate: "2025-10-01" }), "portal_points")).toEqual([]);
  });

  it("an inactive portal blocks publishing", () => {
    expect(only(check({}, {}, { active: false }), "portal_inactive").severity).toBe("error");
  });
});

describe("ポータルの文字数制限", () => {
  it("a title at the limit passes and one character more is an error naming field, length and limit", () => {
    expect(check({ title: "米".repeat(200) })).toEqual([]);
    const f = only(check({ title: "米".repeat(201) }), "field_limit");
    expect(f.field).toBe("title");
    expect(f.message).toBe("ふるさとチョイスの「返礼品名」が201文字です（上限200文字）。200文字以内にしてください。");
    expect(f.detail).toEqual({ length: 201, limit: 200 });
  });

  it("emoji and surrogate pairs count once", () => {
    expect("🍑".length).toBe(2);
    expect(countChars("🍑𠮷")).toBe(2);
    expect(check({ catchCopy: "🍑".repeat(40) })).toEqual([]);
    expect(check({ catchCopy: `${"𠮷".repeat(39)}🍑` })).toEqual([]);
    const f = only(check({ catchCopy: "🍑".repeat(41) }), "field_limit");
    expect(f.field).toBe("catchCopy");
    expect(f.detail).toEqual({ length: 41, limit: 40 });
  });

  it("description (1,000) and supplier name (64) limits with thousands separators in the message", () => {
    expect(check({ description: "あ".repeat(1000), supplierName: "株".repeat(64) })).toEqual([]);
    const f = check({ description: "あ".repeat(1001), supplierName: "株".repeat(65) });
    expect(byRule(f, "field_limit").map((x) => x.field)).toEqual(["description", "supplierName"]);
    expect(f[0].message).toContain("「説明文」が1,001文字です（上限1,000文字）");
  });

  it("the title variant replaces the gift title on that portal when it is not empty", () => {
    expect(check({ title: "米".repeat(300) }, { titleVariant: "米".repeat(200) })).toEqual([]);
    const f = only(check({ title: "短い" }, { titleVariant: "米".repeat(201) }), "field_limit");
    expect(f.message).toContain("「返礼品名（ポータル別）」が201文字");
    expect(only(check({ title: "米".repeat(201) }, { titleVariant: "  " }), "field_limit").field).toBe("title");
  });

  it("fields the portal does not limit are not checked", () => {
    expect(check({ contents: "x".repeat(5000) })).toEqual([]);
    expect(only(check({ contents: "x".repeat(31) }, {}, { fieldLimits: { contents: 30 } }), "field_limit").message).toContain("「内容量」");
  });
});

// ---------------------------------------------------------------------------------------------------------------

describe("寄附金額の急変 (price sanity)", () => {
  const change = (previousDonationAmount: number | null, donationAmount: number) =>
    check({ procurementCost: 0 }, { previousDonationAmount, donationAmount });

  it("¥280,000 → ¥28,000 is an error that needs a second approval and names a likely digit slip", () => {
    const f = only(change(280_000, 28_000), "price_jump");
    expect(f.severity).toBe("error");
    expect(f.needsSecondApproval).toBe(true);
    expect(f.message).toContain("280,000円 → 28,000円（−90.0%）");
    expect(f.message).toContain("桁の入力ミス");
    expect(f.detail).toMatchObject({ previousDonationAmount: 280_000, donationAmount: 28_000, suspectedDigitSlip: true });
    expect(blocksPublishing(change(280_000, 28_000))).toBe(true);
  });

  it("+50% exactly passes; +50.1% needs approval", () => {
    expect(byRule(change(20_000, 30_000), "price_jump")).toEqual([]);
    const f = only(change(20_000, 30_020), "price_jump");
    expect(f.needsSecondApproval).toBe(true);
    expect(f.message).toContain("+50.1%");
    expect(f.detail).toMatchObject({ suspectedDigitSlip: false });
  });

  it("−50% exactly passes; −50.1% needs approval", () => {
    expect(byRule(change(20_000, 10_000), "price_jump")).toEqual([]);
    expect(only(change(20_000, 9_980), "price_jump").needsSecondApproval).toBe(true);
  });

  it("×10 and ÷10 within ±5% and a single inserted digit are flagged as digit slips", () => {
    expect(only(change(15_000, 150_000), "price_jump").detail?.suspectedDigitSlip).toBe(true);
    expect(only(change(15_000, 157_000), "price_jump").detail?.suspectedDigitSlip).toBe(true); // ×10.47
    expect(only(change(280_000, 29_000), "price_jump").detail?.suspectedDigitSlip).toBe(true); // ÷9.66
    expect(only(change(12_000, 102_000), "price_jump").detail?.suspectedDigitSlip).toBe(true); // inserted 0
    expect(only(change(20_000, 60_000), "price_jump").detail?.suspectedDigitSlip).toBe(false); // ×3: just a jump
  });

  it("differsByOneDigit finds one inserted or removed digit only", () => {
    expect(differsByOneDigit(280_000, 28_000)).toBe(true);
    expect(differsByOneDigit(12_000, 135_000)).toBe(false);
    expect(differsByOneDigit(12_000, 120_500)).toBe(true); // the 5 inserted
    expect(differsByOneDigit(12_000, 112_000)).toBe(true);
    expect(differsByOneDigit(12_000, 13_000)).toBe(false);
  });

  it("no previous amount or an unchanged amount means no finding", () => {
    expect(byRule(change(null, 28_000), "price_jump")).toEqual([]);
    expect(byRule(change(28_000, 28_000), "price_jump")).toEqual([]);
  });
});

describe("checkGift and blocksPublishing", () => {
  it("collects listing findings for every portal with their portal codes", () => {
    const gift = buildGift({ title: "米".repeat(41) });
    const f = checkGift(gift, [
      { portal: buildPortal({ fieldLimits: { title: 40 } }), listing: buildListing() },
      { portal: buildPortal({ code: "p2", fieldLimits: { title: 50 } }), listing: buildListing({ portalCode: "p2" }) },
      { portal: buildPortal({ code: "p3", fieldLimits: { title: 30 } }), listing: buildListing({ portalCode: "p3" }) },
    ]);
    expect(byRule(f, "field_limit").map((x) => x.portalCode)).toEqual(["choice", "p3"]);
  });

  it("warnings alone do not block; any error does", () => {
    const warning: RuleFinding = { rule: "return_ratio", severity: "warning", message: "", giftCode: "A" };
    const error: RuleFinding = { rule: "field_limit", severity: "error", message: "", giftCode: "A" };
    expect(blocksPublishing([])).toBe(false);
    expect(blocksPublishing([warning])).toBe(false);
    expect(blocksPublishing([warning, error])).toBe(true);
  });

  it("a listing for another gift or portal, or with a bad date, is an error rather than a wrong verdict", () => {
    expect(only(check({}, { giftCode: "ZZ999" }), "listing_mismatch").severity).toBe("error");
    expect(only(check({}, { listingDate: "2025-02-30" }), "listing_date").severity).toBe("error");
  });
});
