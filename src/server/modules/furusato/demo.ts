// Sample data of the furusato module (marked as sample): the portals with their shipped export templates, three
// suppliers and a handful of gifts listed on them — one of which a price rise has pushed over 3割 on one portal.
import type { GiftDetails } from "../../../common/furusato/gift-schema";
import type { Db } from "../../db/database";
import { organisationIdByCode } from "../../platform/admin/organisations";
import { DEMO_ACTOR } from "../../platform/audit/audit";
import { setFurusatoOwner } from "./access";
import * as catalog from "./catalog";
import * as repo from "./repository";
import { SHIPPED_PORTALS } from "./shipped-templates";

const base: Omit<
  GiftDetails,
  "title" | "catchCopy" | "description" | "contents" | "temperature" | "localProductType" | "localProductReason"
> = {
  shippingSize: "60",
  handlingNotes: "",
  allergens: { えび: "なし", かに: "なし", くるみ: "なし", 小麦: "なし", そば: "なし", 卵: "なし", 乳: "なし", 落花生: "なし" },
  bestBefore: "",
  originOfIngredients: "福岡県北九州市",
  placeOfProcessing: "北九州市",
  applicationPeriod: { from: null, until: null },
  deliveryPeriod: "通年",
  limitedQuantity: null,
  noshi: true,
  wrapping: false,
  imageUrls: [],
  subscription: null,
  rawMaterialSamePrefecture: null,
  evidenceFileIds: [],
  certifications: [],
};

interface SampleGift {
  details: GiftDetails;
  cost: number;
  shipping: number;
  amounts: Record<string, number>;
  /** a later price rise (the supplier's report), to show a portal turning red */
  rise?: number;
  approve: boolean;
}

const SUPPLIERS: { code: string; name: string; address: string; gifts: SampleGift[] }[] = [
  {
    code: "KMF",
    name: "関門ふぐ加工（サンプル）",
    address: "北九州市門司区",
    gifts: [
      {
        details: {
          ...base,
          title: "関門とらふぐ刺身セット（2〜3人前）",
          catchCopy: "職人が薄造りにした冬の味覚",
          description: "関門海峡で水揚げされたとらふぐを、市内の加工場で職人が一枚ずつ薄造りにしました。",
          contents: "ふぐ刺身 100g、皮湯引き 30g、ポン酢 100ml",
          temperature: "冷凍",
          bestBefore: "冷凍で30日",
          deliveryPeriod: "11月〜3月",
          localProductType: "3",
          localProductReason: "市内の加工場で処理・加工し、付加価値の大部分を市内で生じさせている。",
        },
        cost: 5400,
        shipping: 1300,
        amounts: { rakuten: 18000, ana: 19000 },
        rise: 5700,
        approve: true,
      },
    ],
  },
  {
    code: "KKB",
    name: "小倉牧場（サンプル）",
    address: "北九州市小倉南区",
    gifts: [
      {
        details: {
          ...base,
          title: "小倉牛ロースステーキ 3枚",
          catchCopy: "市内の牧場で育った小倉牛",
          description: "きめ細かなサシが特長の小倉牛ロースを、市内の精肉店がカットしました。",
          contents: "ロース 200g×3枚",
          temperature: "冷凍",
          bestBefore: "冷凍で60日",
          localProductType: "1",
          localProductReason: "市内で生産された牛肉である。",
        },
        cost: 9000,
        shipping: 1500,
        amounts: { rakuten: 32000, ana: 32000 },
        approve: true,
      },
      {
        details: {
          ...base,
          title: "小倉牛ハンバーグ 定期便（3か月）",
          catchCopy: "毎月届くお楽しみ",
          description: "小倉牛を使った手ごねハンバーグを毎月お届けします。",
          contents: "ハンバーグ 150g×6個（1回あたり）",
          temperature: "冷凍",
          subscription: { deliveries: 3, schedule: "毎月中旬" },
          localProductType: "3",
          localProductReason: "市内で生産された牛肉を主な原材料とし、市内で加工している。",
        },
        cost: 3000,
        shipping: 1200,
        amounts: {},
        approve: false,
      },
    ],
  },
  {
    code: "WKM",
    name: "若松トマト園（サンプル）",
    address: "北九州市若松区",
    gifts: [
      {
        details: {
          ...base,
          title: "若松潮風キャベツとトマトの詰め合わせ",
          catchCopy: "潮風が育てた甘さ",
          description: "響灘の潮風を受けて育ったキャベツとトマトを、収穫したその日に発送します。",
          contents: "キャベツ 2玉、トマト 1kg",
          temperature: "冷蔵",
          deliveryPeriod: "4月〜6月",
          localProductType: "1",
          localProductReason: "市内で生産された農産物である。",
        },
        cost: 2700,
        shipping: 1100,
        amounts: { rakuten: 10000 },
        approve: true,
      },
    ],
  },
];

// A one-page blank PDF standing in for a supplier's evidence document (sample data only).
const SAMPLE_EVIDENCE = new TextEncoder().encode(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n" +
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

export async function loadFurusatoDemo(db: Db): Promise<void> {
  await setFurusatoOwner(db, await organisationIdByCode(db, "seisaku"));
  await db.transaction(async (tx) => {
    for (const [index, portal] of SHIPPED_PORTALS.entries())
      await repo.upsertPortal(tx, { ...portal, sortOrder: index + 1, isSample: true });
  });
  const listedOn = "2025-04-01";
  for (const supplier of SUPPLIERS) {
    const supplierId = await catalog.createSupplier(
      db,
      DEMO_ACTOR,
      {
        code: supplier.code,
        name: supplier.name,
        contactName: "",
        contactPhone: "",
        contactEmail: "",
        address: supplier.address,
        bank: {},
      },
      { isSample: true },
    );
    for (const gift of supplier.gifts) {
      const id = await catalog.createGift(
        db,
        DEMO_ACTOR,
        { supplierId, details: gift.details, procurementCost: gift.cost, shippingCost: gift.shipping, costEffectiveFrom: listedOn },
        { isSample: true },
      );
      if (["2", "3", "3イ", "3ロ"].includes(gift.details.localProductType ?? "")) {
        await catalog.attachEvidence(db, DEMO_ACTOR, id, {
          name: "サンプル根拠資料（加工工程表）.pdf",
          mimeType: "application/pdf",
          bytes: SAMPLE_EVIDENCE,
        });
      }
      if (!gift.approve) continue;
      await catalog.transitionGift(db, DEMO_ACTOR, id, { action: "提出", comment: "" }, { bySupplier: true });
      await catalog.transitionGift(db, DEMO_ACTOR, id, { action: "承認", comment: "" }, { bySupplier: false });
      for (const [portalCode, donationAmount] of Object.entries(gift.amounts)) {
        await catalog.setListing(db, DEMO_ACTOR, id, { portalCode, donationAmount, titleVariant: "", stock: null, listingDate: listedOn });
      }
      if (gift.rise)
        await catalog.changeCost(db, DEMO_ACTOR, id, {
          effectiveFrom: "2025-10-01",
          procurementCost: gift.rise,
          shippingCost: gift.shipping,
        });
    }
  }
}
