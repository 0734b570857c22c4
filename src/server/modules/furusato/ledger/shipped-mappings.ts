// 取込設定 shipped with the system: 楽天ふるさと納税's order file and one generic layout any portal (or a 寄附管理
// system's export) can be shaped into. They are starting points that staff copy and edit, not code paths: every
// portal goes through the same mapping engine.
//
// The 楽天 headings follow the RMS order CSV's naming (受注番号, 注文者名字 …) as a DESIGNED layout: check them
// against the shop's current download settings before the first real import, and edit the mapping, not the code.
import type { DonationMappingConfig } from "../../../../common/furusato/donation-mapping";

/** 市内在住 by address: a resident may donate but gets no gift. */
export const CITY_ADDRESS_PREFIXES = ["福岡県北九州市", "北九州市"];

export function rakutenOrderMapping(): DonationMappingConfig {
  return {
    headerRow: 1,
    columns: {
      orderNumber: ["受注番号"],
      appliedOn: ["注文日時"],
      paidOn: ["入金日"],
      amount: ["合計金額"],
      paymentMethod: ["支払方法名"],
      status: ["受注ステータス"],
      fundUse: ["寄附金の使い道"],
      oneStopWish: ["ワンストップ特例申請書"],
      publicationConsent: ["寄附者名公表"],
      donorName: ["注文者名字", "注文者名前"],
      donorKana: ["注文者名字フリガナ", "注文者名前フリガナ"],
      donorPostalCode: ["注文者郵便番号1", "注文者郵便番号2"],
      donorAddress: ["注文者住所：都道府県", "注文者住所：都市区", "注文者住所：町以降"],
      donorPhone: ["注文者電話番号1", "注文者電話番号2", "注文者電話番号3"],
      donorEmail: ["注文者メールアドレス"],
      donorGender: ["注文者性別"],
      shipName: ["送付先名字", "送付先名前"],
      shipPostalCode: ["送付先郵便番号1", "送付先郵便番号2"],
      shipAddress: ["送付先住所：都道府県", "送付先住所：都市区", "送付先住所：町以降"],
      shipPhone: ["送付先電話番号1", "送付先電話番号2", "送付先電話番号3"],
      giftCode: ["商品管理番号"],
      quantity: ["個数"],
    },
    valueMaps: {
      paymentMethod: { クレジットカード決済: "クレジットカード", 銀行振込: "銀行振込", コンビニ決済: "コンビニ払い", 楽天ペイ: "その他" },
      status: {
        新規受付: "入金済",
        発送待ち: "入金済",
        発送後入金待ち: "入金済",
        処理済: "入金済",
        入金待ち: "入金待ち",
        キャンセル: "キャンセル",
      },
      publicationConsent: { 公表可: true, 公表不可: false },
      donorGender: { 男: "男性", 女: "女性" },
    },
    defaults: {},
    residentAddressPrefixes: CITY_ADDRESS_PREFIXES,
  };
}

/** 汎用レイアウト: one line per gift, headings named after the ledger's own fields. */
export function genericMapping(): DonationMappingConfig {
  return {
    headerRow: 1,
    columns: {
      orderNumber: ["受付番号"],
      appliedOn: ["申込日"],
      paidOn: ["入金日"],
      amount: ["寄附金額"],
      paymentMethod: ["決済方法"],
      status: ["入金状況"],
      fundUse: ["寄附金の使い道"],
      oneStopWish: ["ワンストップ特例申請"],
      publicationConsent: ["氏名公表"],
      donorName: ["寄附者氏名"],
      donorKana: ["フリガナ"],
      donorPostalCode: ["郵便番号"],
      donorAddress: ["住所"],
      donorPhone: ["電話番号"],
      donorEmail: ["メールアドレス"],
      donorGender: ["性別"],
      shipName: ["送付先氏名"],
      shipPostalCode: ["送付先郵便番号"],
      shipAddress: ["送付先住所"],
      shipPhone: ["送付先電話番号"],
      giftCode: ["返礼品コード"],
      quantity: ["数量"],
    },
    valueMaps: {
      paymentMethod: { クレジット: "クレジットカード", 振込: "銀行振込" },
      status: { 入金済み: "入金済", 未入金: "入金待ち", 取消: "キャンセル" },
    },
    defaults: {},
    residentAddressPrefixes: CITY_ADDRESS_PREFIXES,
  };
}

export const SHIPPED_MAPPINGS = [
  { key: "rakuten-order", name: "楽天ふるさと納税 受注CSV", portalCode: "rakuten", config: rakutenOrderMapping },
  { key: "generic", name: "汎用レイアウト（ANAのふるさと納税）", portalCode: "ana", config: genericMapping },
] as const;

/** 寄附金の使い道 of the sample city (demo data; a city enters its own). */
export const SAMPLE_FUND_USES = [
  { code: "kodomo", name: "子ども・子育て支援に関する事業" },
  { code: "kankyo", name: "環境未来都市・SDGsの推進に関する事業" },
  { code: "kanko", name: "観光・文化・スポーツの振興に関する事業" },
  { code: "sangyo", name: "産業振興・地域経済の活性化に関する事業" },
  { code: "omakase", name: "市長におまかせ" },
];
