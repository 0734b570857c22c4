// 返礼品: what the gift routes call, one function a request. Each write is one transaction that checks the caller's
// access and the gift (another supplier's is "not found") before its step (gift-steps.ts), and returns the detail the
// page shows next, read in the same transaction. The gift update itself is gift-update.ts.

import { todayInJapan } from "../../../common/dates";
import type { GiftStatus } from "../../../common/furusato/types";
import type { Db } from "../../db/database";
import type { Actor } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Forbidden } from "../../platform/errors";
import { accessOf, requireManager, visibleGift } from "./access";
import { giftDetail } from "./gift-detail";
import { type GiftAction, giftsWithFindings } from "./gift-rules";
import * as steps from "./gift-steps";
import * as repo from "./repository";

/** The catalog's list: a supplier sees its own gifts only; `q` matches the code or the title (全角/半角 alike). */
export async function listGifts(db: Db, user: Principal | null, query: { supplierId?: string; status?: GiftStatus; q?: string }) {
  const access = await accessOf(db, user);
  const today = todayInJapan();
  const rows = await repo.findGifts(db, today, { supplierId: access.supplier?.id ?? query.supplierId, status: query.status });
  const needle = query.q?.normalize("NFKC").toLowerCase();
  const matching = needle ? rows.filter((g) => `${g.code} ${g.details.title}`.normalize("NFKC").toLowerCase().includes(needle)) : rows;
  const judged = await giftsWithFindings(db, matching, today);
  const items = judged.map(({ gift: row, findings, blocked }) => ({
    id: row.id,
    code: row.code,
    title: row.details.title,
    supplierId: row.supplier_id,
    supplierName: row.supplier_name,
    status: row.status,
    procurementCost: row.procurement_cost,
    deliveries: row.details.subscription?.deliveries ?? 1,
    errorCount: findings.filter((f) => f.severity === "error").length,
    warningCount: findings.filter((f) => f.severity === "warning").length,
    blocked,
    isSample: row.is_sample,
  }));
  return { items };
}

export async function getGift(db: Db, user: Principal | null, id: string) {
  return giftDetail(db, await accessOf(db, user), id);
}

/** A supplier proposes for itself only; staff enter for any supplier. */
export async function createGift(db: Db, user: Principal | null, actor: Actor, input: steps.NewGift) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    if (access.supplier && input.supplierId !== access.supplier.id) throw new Forbidden("自社以外の返礼品は登録できません。");
    if (!access.supplier) requireManager(access);
    return giftDetail(tx, access, await steps.createGift(tx, actor, input));
  });
}

/** A copy of a gift the caller may see (a supplier its own), as a new gift 入力中. */
export async function copyGift(db: Db, user: Principal | null, actor: Actor, id: string) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const source = await visibleGift(tx, access, id, todayInJapan());
    if (!access.supplier) requireManager(access);
    return giftDetail(tx, access, await steps.copyGift(tx, actor, source));
  });
}

/** Suppliers report a new price too: the rules re-check every portal at once either way. */
export async function changeGiftCost(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { effectiveFrom: string; procurementCost: number; shippingCost: number },
) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    // Read on the new cost's first day: the audit row's "before" is the cost it replaces.
    const gift = await visibleGift(tx, access, id, input.effectiveFrom);
    if (!access.supplier) requireManager(access);
    await steps.changeCost(tx, actor, gift, input);
    return giftDetail(tx, access, id);
  });
}

export async function transitionGift(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { action: GiftAction; comment: string },
) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const gift = await visibleGift(tx, access, id, todayInJapan());
    if (!access.supplier) requireManager(access);
    await steps.transition(tx, actor, gift, input, { bySupplier: access.supplier !== null });
    return giftDetail(tx, access, id);
  });
}

export async function setListing(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { portalCode: string; donationAmount: number; titleVariant: string; stock: number | null; listingDate: string },
) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    requireManager(access);
    // Read on the listing date: its amount is checked against the cost then.
    await steps.setListing(tx, actor, await visibleGift(tx, access, id, input.listingDate), input);
    return giftDetail(tx, access, id);
  });
}

export async function decideChange(db: Db, user: Principal | null, actor: Actor, id: string, input: { approve: boolean; comment: string }) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    requireManager(access);
    await steps.decideChange(tx, actor, await visibleGift(tx, access, id, todayInJapan()), input);
    return giftDetail(tx, access, id);
  });
}

export async function approveListingAmount(db: Db, user: Principal | null, actor: Actor, id: string, portalCode: string) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    requireManager(access);
    await steps.approveListingAmount(tx, actor, id, portalCode);
    return giftDetail(tx, access, id);
  });
}
