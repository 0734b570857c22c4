// Contracts of the furusato module's settings: what a city sets once (保存期間, 発送期限, 証明書の発行者, 団体コード).
import { z } from "zod";
import { defineContract } from "./contract";

/** The app setting (app_settings key) of 発送までの日数; the screens call it 「発送期限の日数」, never by this key. */
export const LEAD_DAYS_SETTING = "furusato.shippingLeadDays";

export const furusatoSettings = z
  .object({
    /** 寄附者情報の保存期間（年度末から何年） */
    donorRetentionYears: z
      .number({ error: "保存期間を数値で入力してください。" })
      .int("保存期間は整数の年数です。")
      .min(1, "保存期間は1年以上です。")
      .max(30, "保存期間は30年以内です。"),
    /** 出荷依頼から発送期限までの日数 */
    shippingLeadDays: z
      .number({ error: "日数を数値で入力してください。" })
      .int("日数は整数です。")
      .min(1, "1日以上にしてください。")
      .max(90, "90日以内にしてください。"),
    /** 受領証明書の発行者 */
    cityName: z.string().trim().min(1, "自治体名を入力してください。").max(50, "自治体名は50文字以内です。"),
    mayorTitle: z.string().trim().min(1, "発行者を入力してください。").max(50, "発行者は50文字以内です。"),
    /** 現況調査の団体コード（6桁）と団体名 */
    bodyCode: z
      .string()
      .trim()
      .regex(/^\d{6}$/, "団体コードは6桁の数字です（例: 401005）。"),
    bodyName: z.string().trim().min(1, "団体名を入力してください。").max(50, "団体名は50文字以内です。"),
  })
  .strict();
export type FurusatoSettings = z.infer<typeof furusatoSettings>;

export const getFurusatoSettings = defineContract({
  method: "get",
  path: "/api/furusato/settings",
  tag: "furusato",
  summary: "ふるさと納税の設定（保存期間・発送期限・証明書の発行者・団体コード）",
  allow: ["staff"],
  response: furusatoSettings.extend({ canEdit: z.boolean() }),
});

export const putFurusatoSettings = defineContract({
  method: "put",
  path: "/api/furusato/settings",
  tag: "furusato",
  summary: "ふるさと納税の設定を保存（担当者のみ。変更は監査ログに記録）",
  allow: ["furusato.manager"],
  body: furusatoSettings,
  response: furusatoSettings.extend({ canEdit: z.boolean() }),
});
