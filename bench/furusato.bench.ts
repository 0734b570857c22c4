// furusato.bundle_full / furusato.bundle_change: the portal bundle (one zip, one upload file per portal) for a
// 10,000-gift catalog listed on 8 portals: the 5 shipped templates (楽天, ふるさとチョイス with an illustrative header,
// ANA, LedgHOME, 総務省 list) and 3 variants (a second 楽天 shop, an ANA-like portal in UTF-8/LF/all quoted, a
// LedgHOME-like TSV).
//
// Floor: the same zip written from the already-rendered file bytes with the same jszip settings (zipBundleFiles),
// i.e. the cheapest way to produce the same output bytes once the files exist: what is left (value − floor) is
// template evaluation, fingerprinting, CSV quoting and encoding. The floor's output is checked to be byte-identical.
// jszip deflates in JavaScript; for context, the time node:zlib (native) needs to deflate the same bytes is logged,
// since a native-zlib zip writer would be the faster means if the bundle's zip time ever matters.
import { deflateRawSync } from "node:zlib";
import type { Gift, Listing, Portal } from "../src/common/furusato/types";
import {
  type BundleInputRow,
  type BundlePortal,
  type BundleState,
  buildBundle,
  EMPTY_BUNDLE_STATE,
  planBundle,
  zipBundleFiles,
} from "../src/server/modules/furusato/bundle";
import type { PortalTemplate } from "../src/server/modules/furusato/portal-template";
import {
  anaTemplate,
  choiceTemplateFromHeader,
  ledgHomeTemplate,
  rakutenItemTemplate,
  soumuLocalProductsTemplate,
} from "../src/server/modules/furusato/shipped-templates";
import { type Bench, log, median, timeIt } from "./harness";

const GIFTS = 10_000;
const CHANGED = 50;
const exportedAt = new Date("2025-07-01T09:00:00+09:00");

/** Deterministic pseudo-random numbers (mulberry32), so every run measures the same catalog. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PRODUCTS = [
  "小倉牛ロース",
  "完熟いちじく",
  "関門海峡たこ",
  "合馬たけのこ",
  "ふぐ刺し",
  "地ビール飲み比べ",
  "糠炊き",
  "小倉織ハンカチ",
];
const SUPPLIERS = ["小倉畜産", "八幡果樹園", "門司港水産", "合馬農園", "若松酒造", "戸畑工房", "𠮷田商店"];

function buildGifts(rand: () => number): Gift[] {
  return Array.from({ length: GIFTS }, (_, i) => {
    const product = PRODUCTS[i % PRODUCTS.length];
    // One supplier in ~7 has 𠮷 in its name: CP932 files then take the (rare in real life) slow path for those rows.
    const supplier = SUPPLIERS[Math.floor(rand() * (i < 100 ? SUPPLIERS.length : SUPPLIERS.length - 1))];
    const code = `${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + ((i / 26) % 26))}${String(i).padStart(5, "0")}`;
    const deliveries = rand() < 0.1 ? 3 : 0;
    return {
      code,
      supplierCode: code.slice(0, 2),
      supplierName: supplier,
      title: `${product} ${100 + (i % 9) * 50}g 【${supplier}】`,
      catchCopy: `北九州市から直送、${product}をご家庭に`,
      description: `${product}は市内で${Math.floor(rand() * 50) + 10}年続く${supplier}が手がけています。\n丁寧に仕上げた逸品を、贈答用にもご家庭用にも。"数量限定"の品です、お早めにどうぞ。`,
      contents: `${product} ${100 + (i % 9) * 50}g×${1 + (i % 4)}`,
      procurementCost: 2000 + Math.floor(rand() * 20) * 500,
      shippingCost: 800 + (i % 5) * 200,
      shippingSize: ["60", "80", "100"][i % 3],
      temperature: (["常温", "冷蔵", "冷凍"] as const)[i % 3],
      handlingNotes: i % 3 === 2 ? "到着後は冷凍庫で保管してください。" : "",
      allergens: { 小麦: i % 2 ? "あり" : "なし", 乳: "なし", 卵: i % 5 ? "なし" : "あり" },
      bestBefore: "製造日から60日",
      originOfIngredients: "福岡県北九州市",
      placeOfProcessing: "北九州市",
      applicationPeriod: { from: "2025-04-01", until: i % 4 ? null : "2026-03-31" },
      deliveryPeriod: "入金確認後、2週間〜1か月で発送",
      limitedQuantity: i % 3 ? null : 100 + (i % 50),
      noshi: i % 2 === 0,
      wrapping: i % 3 === 0,
      imageUrls: [1, 2, 3].map((n) => `https://img.example.jp/${code}-${n}.jpg`),
      subscription: deliveries ? { deliveries, schedule: "毎月" } : null,
      localProductType: (["1", "2", "3", "5"] as const)[i % 4],
      localProductReason: `市内の${supplier}で製造・加工の主要な工程を行っている。`,
      evidenceCount: 1,
      rawMaterialSamePrefecture: null,
      certifications: i % 10 ? [] : [{ name: "北九州ブランド", validFrom: null, validUntil: null }],
      status: "ポータル登録済",
    } satisfies Gift;
  });
}

const portal = (code: string, name: string, fieldLimits: Portal["fieldLimits"] = {}): Portal => ({
  code,
  name,
  feeRatio: 0.1,
  grantsPoints: false,
  fieldLimits,
  active: true,
});

function buildPortals(): BundlePortal[] {
  // An illustrative ふるさとチョイス header (the real one is uploaded by the city).
  const choice = choiceTemplateFromHeader("お礼の品ID\tお礼の品名\t必要寄附金額\tキャッチコピー\t説明\t容量\t配送\t申込期日\t事業者\r\n", {
    お礼の品ID: { field: "gift.code" },
    お礼の品名: { expr: "default(listing.titleVariant, gift.title)" },
    必要寄附金額: { field: "listing.donationAmount" },
    キャッチコピー: { field: "gift.catchCopy" },
    説明: { field: "gift.description" },
    容量: { field: "gift.contents" },
    配送: { expr: 'gift.temperature + "・" + gift.deliveryPeriod' },
    申込期日: { expr: "wareki(gift.applicationPeriod.until)" },
    事業者: { field: "gift.supplierName" },
  });
  const ana = anaTemplate();
  const ledg = ledgHomeTemplate();
  const variant = (base: PortalTemplate, file: Partial<PortalTemplate["file"]>): PortalTemplate => ({
    file: { ...base.file, ...file },
    columns: base.columns,
  });
  return [
    {
      portal: portal("rakuten", "楽天ふるさと納税", { title: 127, catchCopy: 87 }),
      template: rakutenItemTemplate({ directoryId: "000000" }),
    },
    { portal: portal("choice", "ふるさとチョイス"), template: choice },
    { portal: portal("ana", "ANAのふるさと納税"), template: ana },
    { portal: portal("ledghome", "LedgHOME"), template: ledg },
    { portal: portal("soumu", "総務省提出用 地場産品リスト"), template: soumuLocalProductsTemplate() },
    { portal: portal("rakuten2", "楽天 第二店舗", { title: 100 }), template: rakutenItemTemplate({ directoryId: "111111" }) },
    {
      portal: portal("anaish", "ANA型ポータル"),
      template: variant(ana, { encoding: "utf-8", lineEnding: "\n", quote: "all", fileName: "items.csv" }),
    },
    { portal: portal("ledgtsv", "LedgHOME型TSV"), template: variant(ledg, { encoding: "utf-8", delimiter: "\t", fileName: "items.tsv" }) },
  ];
}

function buildRows(portals: BundlePortal[], gifts: Gift[], rand: () => number): Map<string, BundleInputRow[]> {
  const amounts = gifts.map(
    (g) => Math.ceil((g.procurementCost * (g.subscription?.deliveries ?? 1)) / 0.3 / 1000) * 1000 + Math.floor(rand() * 3) * 1000,
  );
  return new Map(
    portals.map(({ portal: p }) => [
      p.code,
      gifts.map((gift, i): BundleInputRow => {
        const listing: Listing = {
          giftCode: gift.code,
          portalCode: p.code,
          donationAmount: amounts[i],
          titleVariant: p.code === "rakuten" && i % 20 === 0 ? `【楽天限定】${gift.title}` : "",
          state: "受付中",
          stock: null,
          listingDate: "2025-07-01",
          previousDonationAmount: null,
        };
        return { gift, listing };
      }),
    ]),
  );
}

/** The same listings with CHANGED gifts edited (description and procurement cost), spread through the catalog. */
function withChanges(rows: Map<string, BundleInputRow[]>): Map<string, BundleInputRow[]> {
  const step = Math.floor(GIFTS / CHANGED);
  const edited = new Map<string, Gift>();
  for (const row of rows.values().next().value ?? []) {
    const index = edited.size;
    if (Number(row.gift.code.slice(2)) % step === 0 && index < CHANGED) {
      edited.set(row.gift.code, {
        ...row.gift,
        description: `${row.gift.description}\n（令和7年産から内容量を見直しました）`,
        procurementCost: row.gift.procurementCost + 500,
      });
    }
  }
  return new Map([...rows].map(([code, list]) => [code, list.map((r) => ({ ...r, gift: edited.get(r.gift.code) ?? r.gift }))]));
}

interface Setup {
  portals: BundlePortal[];
  rows: Map<string, BundleInputRow[]>;
}

let cached: Setup | null = null;
function setup(): Setup {
  if (cached) return cached;
  const rand = random(20250701);
  const portals = buildPortals();
  cached = { portals, rows: buildRows(portals, buildGifts(rand), rand) };
  return cached;
}

/** The floor: the same zip from the pre-rendered files; checked byte-identical to the bundle's own zip. */
async function floorFor(portals: BundlePortal[], rows: Map<string, BundleInputRow[]>, previous: BundleState): Promise<number> {
  const plan = planBundle(portals, rows, previous, { exportedAt });
  const bundle = await buildBundle(portals, rows, previous, { exportedAt });
  const zip = await zipBundleFiles(plan.files, exportedAt);
  if (!Buffer.from(zip).equals(Buffer.from(bundle.zip))) throw new Error("the floor's zip differs from the bundle's zip");
  const bytes = plan.files.reduce((n, f) => n + f.bytes.length, 0);
  const floor = await timeIt(() => zipBundleFiles(plan.files, exportedAt), { warmup: 1, iterations: 5 });
  const native = median(
    [0, 1, 2].map(() => {
      const started = performance.now();
      for (const f of plan.files) deflateRawSync(f.bytes, { level: 6 });
      return performance.now() - started;
    }),
  );
  log(`${plan.files.length} files, ${(bytes / 1e6).toFixed(1)} MB of CSV → zip ${(zip.length / 1e6).toFixed(2)} MB`);
  log(`floor (jszip, same settings) ${floor.toFixed(1)} ms; node:zlib deflateRaw of the same bytes ${native.toFixed(1)} ms (context only)`);
  return floor;
}

export default [
  {
    name: "furusato.bundle_full",
    description:
      "10,000 返礼品 × 8 ポータルの一括出力（全件: 評価・指紋・CSV/CP932・zip）; floor: 同じファイルのバイト列を同じ jszip 設定で zip にする時間",
    async run() {
      const { portals, rows } = setup();
      const planned = await timeIt(() => planBundle(portals, rows, EMPTY_BUNDLE_STATE, { exportedAt }), { warmup: 1, iterations: 3 });
      log(`render + fingerprint (planBundle, no zip) ${planned.toFixed(1)} ms`);
      const value = await timeIt(() => buildBundle(portals, rows, EMPTY_BUNDLE_STATE, { exportedAt }), { warmup: 1, iterations: 5 });
      const floor = await floorFor(portals, rows, EMPTY_BUNDLE_STATE);
      return { value, unit: "ms", floor };
    },
  },
  {
    name: "furusato.bundle_change",
    description: `前回出力後に ${CHANGED} 品を変更したときの差分出力（全 80,000 掲載を評価して指紋を比較し、変更行だけを書き出す）; floor: 変更行だけのファイルを同じ jszip 設定で zip にする時間`,
    async run() {
      const { portals, rows } = setup();
      const previous = (await buildBundle(portals, rows, EMPTY_BUNDLE_STATE, { exportedAt })).state;
      const changed = withChanges(rows);
      const check = planBundle(portals, changed, previous, { exportedAt });
      const sent = check.diff.reduce((n, d) => n + d.added.length + d.changed.length + d.stopped.length, 0);
      if (sent !== CHANGED * portals.length) throw new Error(`expected ${CHANGED * portals.length} changed rows, got ${sent}`);
      log(`${sent} rows sent; fields named as changed (楽天): ${[...new Set(check.diff[0].changed.flatMap((c) => c.fields))].join("、")}`);
      const value = await timeIt(() => buildBundle(portals, changed, previous, { exportedAt }), { warmup: 1, iterations: 7 });
      const floor = await floorFor(portals, changed, previous);
      return { value, unit: "ms", floor };
    },
  },
] satisfies Bench[];
