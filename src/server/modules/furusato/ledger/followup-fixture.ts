// Test fixture of the follow-up work (tests only): a city whose 政策局 runs ふるさと納税, two suppliers (小倉畜産 KK,
// 八幡果樹園 YH) each with one gift and one login, signed-in clients of each kind, and a donation record builder.

import type { DonationRecord } from "../../../../common/furusato/donation";
import type { GiftDetails } from "../../../../common/furusato/gift-schema";
import type { Db } from "../../../db/database";
import type { Actor } from "../../../platform/audit/audit";
import { writeSetting } from "../../../platform/settings";
import { createTestApp, type TestApp, type TestClient } from "../../../testing/app";
import { buildCity, buildUser, TEST_PASSWORD } from "../../../testing/factories";
import { setFurusatoOwner } from "../access";
import * as catalog from "../catalog";
import * as repo from "../repository";
import { SHIPPED_PORTALS } from "../shipped-templates";
import { upsertDonations } from "./donations-store";

const details = (title: string): GiftDetails => ({
  title,
  catchCopy: "",
  description: "",
  contents: "1セット",
  shippingSize: "60",
  temperature: "冷凍",
  handlingNotes: "",
  allergens: {},
  bestBefore: "",
  originOfIngredients: "福岡県北九州市",
  placeOfProcessing: "北九州市",
  applicationPeriod: { from: null, until: null },
  deliveryPeriod: "通年",
  limitedQuantity: null,
  noshi: false,
  wrapping: false,
  imageUrls: [],
  subscription: null,
  localProductType: "1",
  localProductReason: "市内で生産された。",
  rawMaterialSamePrefecture: null,
  evidenceFileIds: [],
  certifications: [],
});

export interface FollowupFixture {
  t: TestApp;
  city: Awaited<ReturnType<typeof buildCity>>;
  actor: Actor;
  portalCode: string;
  suppliers: { kk: string; yh: string };
  /**
   * viewer: a viewer of another bureau (財政局), who sees totals only; donorViewer: a viewer of the bureau that runs
   * ふるさと納税 (staff of that organisation may see donors' records, issue 11 finding 13), without a manager's rights
   */
  clients: { manager: TestClient; viewer: TestClient; donorViewer: TestClient; admin: TestClient; kk: TestClient; yh: TestClient };
}

export async function buildFollowupFixture(opts: { jobs?: boolean } = {}): Promise<FollowupFixture> {
  const t = await createTestApp(opts);
  const city = await buildCity(t.db);
  await setFurusatoOwner(t.db, city.bureau.id);
  await t.db.transaction(async (tx) => {
    for (const [index, portal] of SHIPPED_PORTALS.slice(0, 2).entries()) await repo.upsertPortal(tx, { ...portal, sortOrder: index });
  });
  const actor: Actor = { userId: city.editor.id, label: "担当者" };
  const supplier = (code: string, name: string) =>
    catalog.createSupplier(t.db, actor, { code, name, contactName: "", contactPhone: "", contactEmail: "", address: "", bank: {} });
  const kk = await supplier("KK", "小倉畜産");
  const yh = await supplier("YH", "八幡果樹園");
  const gift = (supplierId: string, title: string) =>
    catalog.createGift(t.db, actor, {
      supplierId,
      details: details(title),
      procurementCost: 3000,
      shippingCost: 1000,
      costEffectiveFrom: "2020-04-01",
    });
  await gift(kk, "小倉牛ステーキ"); // KK001
  await gift(yh, "八幡いちじく"); // YH001
  const loginFor = async (supplierId: string) => {
    const row = await repo.findSupplier(t.db, supplierId);
    const user = await buildUser(t.db, { role: "partner", organisationId: row?.organisation_id ?? "" });
    return t.login(user.loginId, TEST_PASSWORD);
  };
  return {
    t,
    city,
    actor,
    portalCode: SHIPPED_PORTALS[0].code,
    suppliers: { kk, yh },
    clients: {
      manager: await t.login(city.editor.loginId, TEST_PASSWORD),
      viewer: await t.login(city.viewer.loginId, TEST_PASSWORD),
      donorViewer: await t.login((await buildUser(t.db, { role: "viewer", organisationId: city.division.id })).loginId, TEST_PASSWORD),
      admin: await t.login(city.admin.loginId, TEST_PASSWORD),
      kk: await loginFor(kk),
      yh: await loginFor(yh),
    },
  };
}

let sequence = 0;

/** A paid card donation of 30,000円 on 2024-12-01 by 山田 太郎 for one KK001, unless told otherwise. */
export function donationRecord(overrides: Partial<DonationRecord> = {}): DonationRecord {
  sequence++;
  const donatedOn = overrides.donatedOn ?? "2024-12-01";
  return {
    portalCode: SHIPPED_PORTALS[0].code,
    orderNumber: `T-${String(sequence).padStart(5, "0")}`,
    appliedOn: donatedOn,
    paidOn: donatedOn,
    donatedOn,
    paymentMethod: "クレジットカード",
    amount: 30000,
    status: "入金済",
    fundUseCode: null,
    isResident: false,
    oneStopWish: false,
    publicationConsent: false,
    donor: {
      name: "山田 太郎",
      kana: "ヤマダ タロウ",
      postalCode: "802-0001",
      address: "北九州市小倉北区浅野1-1-1",
      phone: "093-000-0001",
      email: "taro@example.jp",
      gender: null,
    },
    shipTo: null,
    items: [{ giftCode: "KK001", quantity: 1 }],
    ...overrides,
  };
}

/** Writes the donations through the ledger's store; answers their ids in the order of `records`. */
export async function addDonations(db: Db, records: DonationRecord[]): Promise<string[]> {
  await db.transaction((tx) => upsertDonations(tx, records, { importId: null }));
  const { rows } = await db.query<{ id: string; order_number: string }>(
    "SELECT id, order_number FROM furusato_donations WHERE order_number = ANY($1::text[])",
    [records.map((r) => r.orderNumber)],
  );
  const idOf = new Map(rows.map((r) => [r.order_number, r.id]));
  return records.map((r) => idOf.get(r.orderNumber) ?? "");
}

export async function setSetting(db: Db, key: string, value: unknown): Promise<void> {
  await writeSetting(db, key, value);
}

/** Every audit row written so far, as text (to check that no personal data leaked into it). */
export async function auditText(db: Db): Promise<string> {
  const { rows } = await db.query<{ summary: string; before: unknown; after: unknown }>("SELECT summary, before, after FROM audit_log");
  return JSON.stringify(rows);
}
