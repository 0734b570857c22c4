// Sample donations (見本データ): deterministic, fictitious donors, in the layouts of the shipped mappings. Used for the
// sample files a newcomer can import, for the demo ledger, and for the benchmark's million rows.
import { CITY_ADDRESS_PREFIXES } from "./shipped-mappings";

export const GENERIC_HEADER = [
  "受付番号",
  "申込日",
  "入金日",
  "決済方法",
  "寄附金額",
  "入金状況",
  "寄附金の使い道",
  "ワンストップ特例申請",
  "氏名公表",
  "寄附者氏名",
  "フリガナ",
  "郵便番号",
  "住所",
  "電話番号",
  "メールアドレス",
  "性別",
  "送付先氏名",
  "送付先郵便番号",
  "送付先住所",
  "送付先電話番号",
  "返礼品コード",
  "数量",
];

export const RAKUTEN_HEADER = [
  "受注番号",
  "受注ステータス",
  "注文日時",
  "入金日",
  "支払方法名",
  "合計金額",
  "寄附金の使い道",
  "ワンストップ特例申請書",
  "寄附者名公表",
  "注文者名字",
  "注文者名前",
  "注文者名字フリガナ",
  "注文者名前フリガナ",
  "注文者郵便番号1",
  "注文者郵便番号2",
  "注文者住所：都道府県",
  "注文者住所：都市区",
  "注文者住所：町以降",
  "注文者電話番号1",
  "注文者電話番号2",
  "注文者電話番号3",
  "注文者メールアドレス",
  "注文者性別",
  "送付先名字",
  "送付先名前",
  "送付先郵便番号1",
  "送付先郵便番号2",
  "送付先住所：都道府県",
  "送付先住所：都市区",
  "送付先住所：町以降",
  "送付先電話番号1",
  "送付先電話番号2",
  "送付先電話番号3",
  "商品管理番号",
  "個数",
];

const FAMILY = ["見本", "試験", "例示", "仮名", "架空", "模擬"];
const GIVEN = [
  ["太郎", "タロウ", "男"],
  ["花子", "ハナコ", "女"],
  ["一郎", "イチロウ", "男"],
  ["桜", "サクラ", "女"],
  ["健", "ケン", "男"],
  ["葵", "アオイ", "女"],
] as const;
const FAMILY_KANA: Record<string, string> = {
  見本: "ミホン",
  試験: "シケン",
  例示: "レイジ",
  仮名: "カメイ",
  架空: "カクウ",
  模擬: "モギ",
};
const PLACES = [
  ["東京都", "千代田区", "霞が関9-9-9"],
  ["大阪府", "大阪市北区", "見本町1-2-3"],
  ["神奈川県", "横浜市中区", "試験通4-5"],
  ["愛知県", "名古屋市中区", "例示町6-7-8"],
  ["福岡県", "福岡市中央区", "見本1-1-1"],
  ["福岡県", "北九州市小倉北区", "試験町2-2-2"],
] as const;
export const SAMPLE_FUND_USE_NAMES = [
  "子ども・子育て支援に関する事業",
  "環境未来都市・SDGsの推進に関する事業",
  "観光・文化・スポーツの振興に関する事業",
  "市長におまかせ",
];

/** A small linear congruential generator: the same seed gives the same file on every machine. */
function random(seed: number) {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export interface SampleOptions {
  count: number;
  seed: number;
  /** first and last application date, ISO */
  from: string;
  to: string;
  /** gift codes and their donation amounts on this portal */
  gifts: { code: string; amount: number }[];
  orderPrefix: string;
}

interface SampleDonation {
  orderNumber: string;
  appliedOn: string;
  paidOn: string;
  transfer: boolean;
  amount: number;
  quantity: number;
  giftCode: string;
  fundUse: string;
  oneStop: boolean;
  publish: boolean;
  family: string;
  given: (typeof GIVEN)[number];
  place: (typeof PLACES)[number];
  resident: boolean;
  cancelled: boolean;
  n: number;
}

function* sampleDonations(opts: SampleOptions): Generator<SampleDonation> {
  const next = random(opts.seed);
  const start = Date.parse(`${opts.from}T00:00:00Z`);
  const span = Date.parse(`${opts.to}T00:00:00Z`) - start;
  const day = 86_400_000;
  for (let n = 1; n <= opts.count; n++) {
    // December carries about a third of the year's donations (the tax-year deadline).
    const applied = new Date(start + Math.floor(next() * (span / day + 1)) * day);
    const isoApplied = applied.toISOString().slice(0, 10);
    const transfer = next() < 0.1;
    const paid = new Date(applied.getTime() + (transfer ? 3 : 0) * day).toISOString().slice(0, 10);
    const gift = opts.gifts[Math.floor(next() * opts.gifts.length)];
    const quantity = next() < 0.9 ? 1 : 2;
    const place = PLACES[Math.floor(next() * PLACES.length)];
    yield {
      orderNumber: `${opts.orderPrefix}${String(n).padStart(7, "0")}`,
      appliedOn: isoApplied,
      paidOn: paid,
      transfer,
      amount: gift.amount * quantity,
      quantity,
      giftCode: gift.code,
      fundUse: SAMPLE_FUND_USE_NAMES[Math.floor(next() * SAMPLE_FUND_USE_NAMES.length)],
      oneStop: next() < 0.45,
      publish: next() < 0.2,
      family: FAMILY[Math.floor(next() * FAMILY.length)],
      given: GIVEN[Math.floor(next() * GIVEN.length)],
      place,
      resident: CITY_ADDRESS_PREFIXES.some((prefix) => `${place[0]}${place[1]}`.startsWith(prefix)),
      cancelled: next() < 0.02,
      n,
    };
  }
}

const slash = (iso: string) => iso.replaceAll("-", "/");
const phone = (n: number) => ["090", String(1000 + (n % 9000)), String(1000 + ((n * 7) % 9000))];

/** 汎用レイアウト rows (header first). A resident's donation carries no gift. */
export function sampleGenericRows(opts: SampleOptions): string[][] {
  const rows: string[][] = [GENERIC_HEADER];
  for (const d of sampleDonations(opts)) {
    const name = `${d.family} ${d.given[0]}`;
    rows.push([
      d.orderNumber,
      slash(d.appliedOn),
      d.cancelled ? "" : slash(d.paidOn),
      d.transfer ? "振込" : "クレジット",
      String(d.amount),
      d.cancelled ? "取消" : "入金済み",
      d.fundUse,
      d.oneStop ? "希望する" : "希望しない",
      d.publish ? "可" : "不可",
      name,
      `${FAMILY_KANA[d.family]} ${d.given[1]}`,
      "100-0013",
      `${d.place[0]}${d.place[1]}${d.place[2]}`,
      phone(d.n).join("-"),
      `sample${d.n}@example.jp`,
      d.given[2] === "男" ? "男性" : "女性",
      "",
      "",
      "",
      "",
      d.resident ? "" : d.giftCode,
      d.resident ? "" : String(d.quantity),
    ]);
  }
  return rows;
}

/** 楽天 order CSV rows (header first), one line per order here. */
export function sampleRakutenRows(opts: SampleOptions): string[][] {
  const rows: string[][] = [RAKUTEN_HEADER];
  for (const d of sampleDonations(opts)) {
    const [p1, p2, p3] = phone(d.n);
    const giftless = d.resident;
    rows.push([
      d.orderNumber,
      d.cancelled ? "キャンセル" : "発送待ち",
      `${slash(d.appliedOn)} 10:${String(d.n % 60).padStart(2, "0")}:00`,
      d.cancelled ? "" : slash(d.paidOn),
      d.transfer ? "銀行振込" : "クレジットカード決済",
      String(d.amount),
      d.fundUse,
      d.oneStop ? "希望する" : "希望しない",
      d.publish ? "公表可" : "公表不可",
      d.family,
      d.given[0],
      FAMILY_KANA[d.family],
      d.given[1],
      "100",
      "0013",
      d.place[0],
      d.place[1],
      d.place[2],
      p1,
      p2,
      p3,
      `sample${d.n}@example.jp`,
      d.given[2],
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      "",
      giftless ? "" : d.giftCode,
      giftless ? "" : String(d.quantity),
    ]);
  }
  return rows;
}
