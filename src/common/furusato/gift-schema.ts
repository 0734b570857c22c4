// The gift form's schema, shared by the supplier and staff screens and the API (one place for the limits).
import { z } from "zod";
import { zJapaneseDate } from "../zod-japanese";

export const GIFT_LIMITS = {
  title: 200,
  catchCopy: 100,
  description: 3000,
  contents: 500,
  localProductReason: 100,
  text: 500,
} as const;

export const LOCAL_PRODUCT_TYPES = ["1", "2", "3", "3イ", "3ロ", "4", "5", "6", "7", "8イ", "8ロ", "8ハ", "9"] as const;
export const TEMPERATURES = ["常温", "冷蔵", "冷凍"] as const;
export const ALLERGEN_STATES = ["あり", "なし", "未確認"] as const;
/** 特定原材料 (表示義務) — the allergens every food gift must state */
export const REQUIRED_ALLERGENS = ["えび", "かに", "くるみ", "小麦", "そば", "卵", "乳", "落花生"] as const;

const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内にしてください。`);
const optionalDate = zJapaneseDate.nullable();

/** Everything about a gift except its code, supplier, status and costs (those have their own rules and history). */
export const giftDetailsSchema = z
  .object({
    title: text("返礼品名", GIFT_LIMITS.title).min(1, "返礼品名を入力してください。"),
    catchCopy: text("キャッチコピー", GIFT_LIMITS.catchCopy),
    description: text("説明文", GIFT_LIMITS.description),
    contents: text("内容量", GIFT_LIMITS.contents).min(1, "内容量を入力してください。"),
    shippingSize: z.string().trim().max(10),
    temperature: z.enum(TEMPERATURES, { error: "温度帯を選んでください。" }),
    handlingNotes: text("取扱い上の注意", GIFT_LIMITS.text),
    allergens: z.record(z.string(), z.enum(ALLERGEN_STATES)),
    bestBefore: text("賞味期限・消費期限", 100),
    originOfIngredients: text("原材料の産地", GIFT_LIMITS.text),
    placeOfProcessing: text("加工地", 200),
    applicationPeriod: z.object({ from: optionalDate, until: optionalDate }).strict(),
    deliveryPeriod: text("配送時期", 200),
    limitedQuantity: z.number().int().min(1).nullable(),
    noshi: z.boolean(),
    wrapping: z.boolean(),
    imageUrls: z.array(z.string().max(500)).max(20),
    subscription: z
      .object({ deliveries: z.number().int().min(2, "定期便は2回以上です。").max(24), schedule: text("定期便の時期", 200).min(1) })
      .strict()
      .nullable(),
    localProductType: z.enum(LOCAL_PRODUCT_TYPES).nullable(),
    localProductReason: text("地場産品に該当する理由", GIFT_LIMITS.localProductReason),
    rawMaterialSamePrefecture: z.boolean().nullable(),
    /** 地場産品の根拠資料 (stored files) */
    evidenceFileIds: z.array(z.uuid()).max(20),
    certifications: z
      .array(z.object({ name: text("認証名", 100).min(1), validFrom: optionalDate, validUntil: optionalDate }).strict())
      .max(10),
  })
  .strict();
export type GiftDetails = z.infer<typeof giftDetailsSchema>;
