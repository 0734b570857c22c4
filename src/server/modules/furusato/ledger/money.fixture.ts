// A small, hand-counted ledger for the money tests (dashboard, cost ledger, 現況調査): two portals with different
// fees, two suppliers, a gift whose cost rose in October, a 3-delivery 定期便, and donations of FY2023–FY2025 that
// cover every case the figures treat differently (resident, cancelled, unpaid, unknown gift, several gifts).

import type { DonationRecord } from "../../../../common/furusato/donation";
import type { GiftDetails } from "../../../../common/furusato/gift-schema";
import type { Db } from "../../../db/database";
import { SYSTEM_ACTOR } from "../../../platform/audit/audit";
import { buildUser } from "../../../testing/factories";
import { createGift, createSupplier } from "../catalog";
import * as repo from "../repository";
import { SHIPPED_PORTALS } from "../shipped-templates";
import { upsertDonations } from "./donations-store";

export const giftDetails = (title: string, deliveries: number | null = null): GiftDetails => ({
  title,
  catchCopy: "市内で育てました",
  description: "市内の事業者が丁寧に仕上げました。",
  contents: "1箱",
  shippingSize: "80",
  temperature: "冷凍",
  handlingNotes: "",
  allergens: { 小麦: "なし", 乳: "なし" },
  bestBefore: "冷凍60日",
  originOfIngredients: "福岡県北九州市",
  placeOfProcessing: "北九州市小倉北区",
  applicationPeriod: { from: null, until: null },
  deliveryPeriod: "通年",
  limitedQuantity: null,
  noshi: false,
  wrapping: false,
  imageUrls: [],
  subscription: deliveries ? { deliveries, schedule: "毎月" } : null,
  localProductType: "1",
  localProductReason: "市内で生産された品である。",
  rawMaterialSamePrefecture: null,
  evidenceFileIds: [],
  certifications: [],
});

export function donation(
  portalCode: string,
  orderNumber: string,
  donatedOn: string,
  amount: number,
  items: [string, number][],
  extra: Partial<DonationRecord> = {},
): DonationRecord {
  return {
    portalCode,
    orderNumber,
    appliedOn: donatedOn,
    paidOn: donatedOn,
    donatedOn,
    paymentMethod: "クレジットカード",
    amount,
    status: "入金済",
    fundUseCode: null,
    isResident: false,
    oneStopWish: false,
    publicationConsent: false,
    donor: {
      name: "寄附 太郎",
      kana: null,
      postalCode: "100-0001",
      address: "東京都千代田区千代田1-1",
      phone: null,
      email: null,
      gender: null,
    },
    shipTo: null,
    items: items.map(([giftCode, quantity]) => ({ giftCode, quantity })),
    ...extra,
  };
}

/** rakuten 12% (fee), ana 10%. */
export const PORTALS = { rakuten: 0.12, ana: 0.1 } as const;

/**
 * FY2024 (令和6年度), hand-counted:
 *   paid 150,000 in 5 (R1 30,000 / R2 60,000 / R5 10,000 on rakuten; N1 30,000 / N2 20,000 resident on ana)
 *   調達 9,000 (R1) + 9,500×2 (R2, after the rise) + 3,000×3 (N1 定期便) + 3,000×3 (R5) = 46,000
 *   送付 1,500 + 1,600×2 + 800×3 + 800×3 = 9,500; one item (ZZ999) has no gift: uncosted
 *   手数料 rakuten 100,000 × 12% = 12,000, ana 50,000 × 10% = 5,000 → 17,000
 *   not cancelled: 165,000 in 6 (R4 15,000 unpaid in February counts; R3 cancelled does not)
 * FY2023: 40,000 (May, rakuten) + 10,000 (December, ana). FY2025: 40,000 on 2025-05-10 (rakuten, KK001).
 */
export const FY2024 = {
  paidAmount: 150_000,
  paidCount: 5,
  procurement: 46_000,
  shipping: 9_500,
  portalFees: 17_000,
  notCancelledAmount: 165_000,
  notCancelledCount: 6,
};

export async function buildMoneyFixture(db: Db) {
  await db.transaction(async (tx) => {
    const [rakuten, ana] = SHIPPED_PORTALS;
    await repo.upsertPortal(tx, { ...rakuten, feeRatio: PORTALS.rakuten, sortOrder: 1 });
    await repo.upsertPortal(tx, { ...ana, feeRatio: PORTALS.ana, sortOrder: 2 });
  });
  const kk = await createSupplier(db, SYSTEM_ACTOR, {
    code: "KK",
    name: "小倉畜産",
    contactName: "",
    contactPhone: "",
    contactEmail: "",
    address: "",
    bank: {},
  });
  const yh = await createSupplier(db, SYSTEM_ACTOR, {
    code: "YH",
    name: "八幡果樹園",
    contactName: "",
    contactPhone: "",
    contactEmail: "",
    address: "",
    bank: {},
  });
  const beef = await createGift(db, SYSTEM_ACTOR, {
    supplierId: kk,
    details: giftDetails("小倉牛ロース"),
    procurementCost: 9000,
    shippingCost: 1500,
    costEffectiveFrom: "2023-04-01",
  });
  await repo.insertCost(db, {
    giftId: beef,
    effectiveFrom: "2024-10-01",
    procurementCost: 9500,
    shippingCost: 1600,
    authorLabel: "テスト",
  });
  const fruit = await createGift(db, SYSTEM_ACTOR, {
    supplierId: yh,
    details: giftDetails("季節の果物 定期便", 3),
    procurementCost: 3000,
    shippingCost: 800,
    costEffectiveFrom: "2023-04-01",
  });
  const records = [
    donation("rakuten", "P1", "2023-05-01", 40_000, [["KK001", 1]]),
    donation("ana", "P2", "2023-12-01", 10_000, [["KK001", 1]]),
    donation("rakuten", "R1", "2024-06-10", 30_000, [["KK001", 1]], { oneStopWish: true }),
    donation("rakuten", "R2", "2024-11-05", 60_000, [["KK001", 2]]),
    donation("ana", "N1", "2024-12-20", 30_000, [["YH001", 1]], { oneStopWish: true }),
    donation("ana", "N2", "2024-12-21", 20_000, [["KK001", 1]], { isResident: true }),
    donation("rakuten", "R3", "2025-01-15", 10_000, [["KK001", 1]], { status: "キャンセル", oneStopWish: true }),
    donation("rakuten", "R4", "2025-02-01", 15_000, [["KK001", 1]], { status: "入金待ち", paidOn: null }),
    donation(
      "rakuten",
      "R5",
      "2025-03-01",
      10_000,
      [
        ["ZZ999", 1],
        ["YH001", 1],
      ],
      { oneStopWish: true },
    ),
    donation("rakuten", "S1", "2025-05-10", 40_000, [["KK001", 1]]),
  ];
  await db.transaction((tx) => upsertDonations(tx, records, { importId: null }));
  return { suppliers: { kk, yh }, gifts: { beef, fruit } };
}

/** A login of the supplier (外部パートナー of the supplier's organisation). */
export async function buildSupplierLogin(db: Db, supplierId: string) {
  const { rows } = await db.query<{ organisation_id: string }>("SELECT organisation_id FROM furusato_suppliers WHERE id = $1", [
    supplierId,
  ]);
  return buildUser(db, { role: "partner", organisationId: rows[0].organisation_id });
}
