// 返礼品の詳細: what the gift page shows (the gift, its costs, reviews, listings, what the rules say on each portal,
// suggested amounts, and what this caller may do next), built from one read (repository.findGiftWithParts).
import * as api from "../../../common/api/furusato";
import { todayInJapan } from "../../../common/dates";
import { suggestDonationAmount } from "../../../common/furusato/suggest-amount";
import type { Queryable } from "../../db/database";
import { NotFound } from "../../platform/errors";
import type { FurusatoAccess } from "./access";
import { GIFT_TRANSITIONS, judge, toGift } from "./gift-rules";
import * as repo from "./repository";

const iso = (value: Date) => value.toISOString();

/** The review actions this caller may take on a gift in this status. */
export function allowedActions(access: FurusatoAccess, status: repo.GiftRow["status"]) {
  return api.GIFT_ACTIONS.filter((action) => {
    const rule = GIFT_TRANSITIONS[action];
    if (!(rule.from as readonly string[]).includes(status)) return false;
    return access.manager || (access.supplier !== null && rule.supplier);
  });
}

/** The gift if the caller may see it (staff see all; a supplier its own, others are "not found"), with its parts. */
export async function visibleGiftWithParts(db: Queryable, access: FurusatoAccess, id: string, on = todayInJapan()) {
  const parts = await repo.findGiftWithParts(db, id, on);
  if (!parts || (access.supplier && parts.gift.supplier_id !== access.supplier.id)) throw new NotFound("返礼品");
  return parts;
}

/** The detail of a gift the caller may see. */
export async function giftDetail(db: Queryable, access: FurusatoAccess, id: string) {
  const on = todayInJapan();
  return toGiftDetail(access, await visibleGiftWithParts(db, access, id, on), on);
}

/** The page's view of a gift (pure: from the parts already read). */
export function toGiftDetail(access: FurusatoAccess, parts: repo.GiftWithParts, on = todayInJapan()) {
  const { gift, costs, reviews, portals } = parts;
  const { listings, findings, blocked } = judge(gift, parts.listings, new Map(portals.map((p) => [p.code, p])), on);
  const portalName = new Map(portals.map((p) => [p.code, p.name]));
  const asGift = toGift(gift);
  return {
    id: gift.id,
    code: gift.code,
    title: gift.details.title,
    supplierId: gift.supplier_id,
    supplierName: gift.supplier_name,
    status: gift.status,
    procurementCost: gift.procurement_cost,
    deliveries: gift.details.subscription?.deliveries ?? 1,
    errorCount: findings.filter((f) => f.severity === "error").length,
    warningCount: findings.filter((f) => f.severity === "warning").length,
    blocked,
    isSample: gift.is_sample,
    version: gift.version,
    details: gift.details,
    shippingCost: gift.shipping_cost,
    costEffectiveFrom: gift.cost_effective_from,
    copiedFrom: gift.copied_from,
    pendingDetails: gift.pending_details,
    pendingAt: gift.pending_at ? iso(gift.pending_at) : null,
    editProposes: access.supplier !== null && (gift.status === "承認済" || gift.status === "ポータル登録済"),
    costs: costs.map((c) => ({
      effectiveFrom: c.effective_from,
      procurementCost: c.procurement_cost,
      shippingCost: c.shipping_cost,
      authorLabel: c.author_label,
      createdAt: iso(c.created_at),
    })),
    reviews: reviews.map((r) => ({
      action: r.action,
      fromStatus: r.from_status,
      toStatus: r.to_status,
      comment: r.comment,
      actorLabel: r.actor_label,
      createdAt: iso(r.created_at),
    })),
    listings: listings.map((l) => ({
      portalCode: l.portal_code,
      portalName: portalName.get(l.portal_code) ?? l.portal_code,
      donationAmount: l.donation_amount,
      approvedDonationAmount: l.approved_donation_amount,
      titleVariant: l.title_variant,
      state: l.state,
      stock: l.stock,
      listingDate: l.listing_date,
    })),
    findings,
    suggestions: portals.filter((p) => p.active).map((p) => ({ portalCode: p.code, ...suggestDonationAmount(asGift, p) })),
    allowedActions: allowedActions(access, gift.status),
    canEdit: access.manager || (access.supplier !== null && ["入力中", "承認済", "ポータル登録済"].includes(gift.status)),
  };
}
