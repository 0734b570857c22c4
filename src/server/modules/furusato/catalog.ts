// 返礼品カタログ as the system writes it: the demo data, the test fixtures and the route × role matrix's world build
// suppliers, gifts and listings with these. There is no caller to authorise here; the routes call the services
// (gift-service.ts, gift-files.ts, supplier-service.ts), which authorise inside the same transaction. Each function is
// one transaction around one step (gift-steps.ts, supplier-steps.ts), so both ways write the same rows and audit.
import { todayInJapan } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import type { Actor } from "../../platform/audit/audit";
import { NotFound } from "../../platform/errors";
import { type GiftAction, giftWithFindings } from "./gift-rules";
import * as giftSteps from "./gift-steps";
import * as repo from "./repository";
import * as supplierSteps from "./supplier-steps";

// The reader the writers below return (index.ts offers it to the tests and the demo check from here).
export { giftWithFindings };

async function giftOn(tx: Queryable, id: string, on = todayInJapan()): Promise<repo.GiftRow> {
  const gift = await repo.findGift(tx, id, on);
  if (!gift) throw new NotFound("返礼品");
  return gift;
}

export async function createSupplier(db: Db, actor: Actor, input: supplierSteps.NewSupplier, opts: { isSample?: boolean } = {}) {
  return db.transaction((tx) => supplierSteps.createSupplier(tx, actor, input, opts));
}

export async function recordSupplierEvent(
  db: Db,
  actor: Actor,
  supplierId: string,
  input: Parameters<typeof supplierSteps.recordSupplierEvent>[3],
): Promise<void> {
  await db.transaction((tx) => supplierSteps.recordSupplierEvent(tx, actor, supplierId, input));
}

export async function addSupplierDocument(db: Db, actor: Actor, supplierId: string, file: giftSteps.UploadedFile & { title: string }) {
  await db.transaction((tx) => supplierSteps.addSupplierDocument(tx, actor, supplierId, file));
}

export async function createGift(
  db: Db,
  actor: Actor,
  input: giftSteps.NewGift,
  opts: { copiedFrom?: string; isSample?: boolean } = {},
): Promise<string> {
  return db.transaction((tx) => giftSteps.createGift(tx, actor, input, opts));
}

export async function copyGift(db: Db, actor: Actor, id: string): Promise<string> {
  return db.transaction(async (tx) => giftSteps.copyGift(tx, actor, await giftOn(tx, id)));
}

/** A new cost from a date on; returns the re-checked gift, whose 3割 may now fail. */
export async function changeCost(db: Db, actor: Actor, id: string, input: Parameters<typeof giftSteps.changeCost>[3]) {
  await db.transaction(async (tx) => giftSteps.changeCost(tx, actor, await giftOn(tx, id, input.effectiveFrom), input));
  // biome-ignore lint/complexity/useMathMinMax: the later of two ISO dates (strings; Math.max compares numbers)
  return giftWithFindings(db, id, input.effectiveFrom > todayInJapan() ? input.effectiveFrom : todayInJapan());
}

export async function transitionGift(
  db: Db,
  actor: Actor,
  id: string,
  input: { action: GiftAction; comment: string },
  opts: { bySupplier: boolean },
) {
  await db.transaction(async (tx) => giftSteps.transition(tx, actor, await giftOn(tx, id), input, opts));
  return giftWithFindings(db, id);
}

export async function setListing(db: Db, actor: Actor, giftId: string, input: Parameters<typeof giftSteps.setListing>[3]) {
  await db.transaction(async (tx) => giftSteps.setListing(tx, actor, await giftOn(tx, giftId, input.listingDate), input));
  return giftWithFindings(db, giftId, input.listingDate);
}

export async function approveListingAmount(db: Db, actor: Actor, giftId: string, portalCode: string) {
  await db.transaction((tx) => giftSteps.approveListingAmount(tx, actor, giftId, portalCode));
  return giftWithFindings(db, giftId);
}

export async function attachEvidence(db: Db, actor: Actor, giftId: string, file: giftSteps.UploadedFile): Promise<void> {
  await db.transaction(async (tx) => giftSteps.attachEvidence(tx, actor, await giftOn(tx, giftId), file));
}

export async function addGiftImage(db: Db, actor: Actor, giftId: string, file: giftSteps.UploadedFile, baseUrl: string): Promise<void> {
  await db.transaction(async (tx) => giftSteps.addGiftImage(tx, actor, await giftOn(tx, giftId), file, baseUrl));
}
