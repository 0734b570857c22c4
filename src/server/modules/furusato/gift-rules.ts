// What the rules say of a gift: the rule engine's view of stored rows, the findings on each portal, and the workflow
// (which action moves which status where). Pure, apart from the two readers that fetch a gift's listings and portals.

import { todayInJapan } from "../../../common/dates";
import type { GiftDetails } from "../../../common/furusato/gift-schema";
import { blocksPublishing, checkGift } from "../../../common/furusato/rules";
import type { Gift, GiftStatus, Listing, RuleFinding } from "../../../common/furusato/types";
import type { Queryable } from "../../db/database";
import { NotFound } from "../../platform/errors";
import * as repo from "./repository";

export const STALE = "他の利用者が先に更新しました。画面を再読み込みしてから、もう一度保存してください。";

/** The rule engine's view of a stored gift, with the cost effective on `on`. */
export function toGift(row: repo.GiftRow): Gift {
  const d = row.details;
  return {
    code: row.code,
    supplierCode: row.supplier_code,
    supplierName: row.supplier_name,
    title: d.title,
    catchCopy: d.catchCopy,
    description: d.description,
    contents: d.contents,
    procurementCost: row.procurement_cost ?? 0,
    shippingCost: row.shipping_cost ?? 0,
    shippingSize: d.shippingSize,
    temperature: d.temperature,
    handlingNotes: d.handlingNotes,
    allergens: d.allergens,
    bestBefore: d.bestBefore,
    originOfIngredients: d.originOfIngredients,
    placeOfProcessing: d.placeOfProcessing,
    applicationPeriod: d.applicationPeriod,
    deliveryPeriod: d.deliveryPeriod,
    limitedQuantity: d.limitedQuantity,
    noshi: d.noshi,
    wrapping: d.wrapping,
    imageUrls: d.imageUrls,
    subscription: d.subscription,
    localProductType: d.localProductType,
    localProductReason: d.localProductReason,
    evidenceCount: d.evidenceFileIds.length,
    rawMaterialSamePrefecture: d.rawMaterialSamePrefecture,
    certifications: d.certifications,
    status: row.status,
  };
}

export function toListing(row: repo.ListingRow): Listing {
  return {
    giftCode: "",
    portalCode: row.portal_code,
    donationAmount: row.donation_amount,
    titleVariant: row.title_variant,
    state: row.state,
    stock: row.stock,
    listingDate: row.listing_date,
    previousDonationAmount: row.approved_donation_amount,
  };
}

export interface GiftWithFindings {
  gift: repo.GiftRow;
  listings: repo.ListingRow[];
  findings: RuleFinding[];
  /** publishing is blocked: an error, or an amount still waiting for a second person's approval */
  blocked: boolean;
}

/** A suspended supplier's gifts cannot be published anywhere. */
export function supplierFindings(gift: repo.GiftRow): RuleFinding[] {
  if (gift.supplier_status !== "受付停止") return [];
  return [
    { rule: "supplier_suspended", severity: "error", message: `事業者「${gift.supplier_name}」は受付停止中です。`, giftCode: gift.code },
  ];
}

/** What the rules say of a gift on each of its portals, given its listings (pure). */
export function judge(
  gift: repo.GiftRow,
  listings: repo.ListingRow[],
  portals: Map<string, repo.StoredPortal>,
  on: string,
): GiftWithFindings {
  const pairs = listings.flatMap((row) => {
    const portal = portals.get(row.portal_code);
    return portal ? [{ listing: { ...toListing(row), giftCode: gift.code }, portal }] : [];
  });
  const findings = [...checkGift(toGift(gift), pairs, { today: on }), ...supplierFindings(gift)];
  return { gift, listings, findings, blocked: blocksPublishing(findings) };
}

/** Many gifts at once (lists): three queries whatever the number of gifts. */
export async function giftsWithFindings(db: Queryable, gifts: repo.GiftRow[], on = todayInJapan()): Promise<GiftWithFindings[]> {
  const portals = new Map((await repo.findPortals(db)).map((p) => [p.code, p]));
  const listings = await repo.findListings(
    db,
    gifts.map((g) => g.id),
  );
  return gifts.map((gift) =>
    judge(
      gift,
      listings.filter((l) => l.gift_id === gift.id),
      portals,
      on,
    ),
  );
}

/** A gift, its listings and what the rules say of it on each portal today. */
export async function giftWithFindings(db: Queryable, id: string, on = todayInJapan()): Promise<GiftWithFindings> {
  const gift = await repo.findGift(db, id, on);
  if (!gift) throw new NotFound("返礼品");
  return (await giftsWithFindings(db, [gift], on))[0];
}

/** Statuses in which a supplier's edit becomes a change proposal instead of a direct change. */
export const PROPOSABLE = new Set<GiftStatus>(["承認済", "ポータル登録済"]);

/** The workflow: which action moves which status where, and who may take it. */
export const GIFT_TRANSITIONS = {
  提出: { from: ["入力中"], to: "確認中", supplier: true },
  差戻し: { from: ["確認中"], to: "入力中", supplier: false },
  承認: { from: ["確認中"], to: "承認済", supplier: false },
  受付停止: { from: ["承認済", "ポータル登録済"], to: "受付停止", supplier: false },
  再開: { from: ["受付停止"], to: "承認済", supplier: false },
  取り下げ: { from: ["入力中", "確認中", "承認済", "ポータル登録済", "受付停止"], to: "取り下げ", supplier: true },
} as const satisfies Record<string, { from: readonly GiftStatus[]; to: GiftStatus; supplier: boolean }>;
export type GiftAction = keyof typeof GIFT_TRANSITIONS;

/** The rule-relevant fields of proposed details, laid over the stored gift for checking. */
export function detailsForRules(details: GiftDetails): Partial<Gift> {
  return {
    title: details.title,
    catchCopy: details.catchCopy,
    description: details.description,
    contents: details.contents,
    localProductType: details.localProductType,
    localProductReason: details.localProductReason,
    evidenceCount: details.evidenceFileIds.length,
    rawMaterialSamePrefecture: details.rawMaterialSamePrefecture,
    certifications: details.certifications,
    subscription: details.subscription,
  };
}
