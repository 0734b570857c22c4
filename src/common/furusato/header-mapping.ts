// 列の対応づけの候補: which catalog field each column of a portal's header file most likely wants, from one table of
// synonyms per field (data: add a portal's wording here). Names are compared normalised (NFKC, no spaces, no bracketed
// notes, no ※ notes): an exact name first, else the longest synonym the name contains. The clerk confirms or changes
// every suggestion; a column left unmapped is written empty (「空欄で出力」).
//
// templateFromHeader turns an inspected header file and the confirmed mapping into a portal export template (the
// shape server/modules/furusato/portal-template.ts validates), so the export writes exactly the portal's header.
import type { HeaderInspection } from "./header-inspect";

export type MappedValue = { field: string } | { const: string } | { expr: string };

interface MappingTarget {
  /** what the clerk sees */
  label: string;
  value: MappedValue;
  /** for numbered columns (画像1, 画像2 …): the value for the n-th one */
  numbered?: (n: number) => MappedValue;
  /** normalised spellings (see normaliseColumnName) */
  synonyms: readonly string[];
}

const STOPPED = 'eq(action, "stop")';

/** One row per catalog field; the first matching row wins among equally long synonyms. */
export const COLUMN_SYNONYMS: readonly MappingTarget[] = [
  {
    label: "返礼品コード",
    value: { field: "gift.code" },
    synonyms: [
      "返礼品コード",
      "返礼品番号",
      "返礼品id",
      "商品コード",
      "商品番号",
      "品番",
      "謝礼品コード",
      "お礼の品コード",
      "自治体管理番号",
      "管理番号",
      "code",
    ],
  },
  // 楽天: 商品管理番号 is the item's URL path (lower-case only)
  { label: "返礼品コード（小文字）", value: { expr: "lower(gift.code)" }, synonyms: ["商品管理番号"] },
  {
    label: "返礼品名",
    value: { expr: "default(listing.titleVariant, gift.title)" },
    synonyms: ["返礼品名", "商品名", "お礼の品名", "お礼の品", "謝礼品名", "返礼品タイトル", "品名", "名称", "タイトル", "title"],
  },
  {
    label: "寄附金額",
    value: { field: "listing.donationAmount" },
    synonyms: ["寄附金額", "寄付金額", "必要寄附金額", "必要寄付金額", "寄附額", "寄付額", "販売価格", "価格", "金額", "amount"],
  },
  { label: "事業者コード", value: { field: "gift.supplierCode" }, synonyms: ["事業者コード", "事業者番号", "提供事業者コード"] },
  {
    label: "提供事業者",
    value: { field: "gift.supplierName" },
    synonyms: ["提供事業者", "提供事業者名", "事業者名", "事業者", "提供者", "出品者", "生産者"],
  },
  { label: "キャッチコピー", value: { field: "gift.catchCopy" }, synonyms: ["キャッチコピー", "キャッチ"] },
  {
    label: "説明文",
    value: { field: "gift.description" },
    synonyms: ["説明文", "商品説明", "商品説明文", "返礼品説明", "紹介文", "説明", "詳細"],
  },
  { label: "内容量", value: { field: "gift.contents" }, synonyms: ["内容量", "内容", "容量", "セット内容", "規格"] },
  {
    label: "アレルギー",
    value: { expr: 'if(gift.allergensPresent, join(gift.allergensPresent, "・"), "なし")' },
    synonyms: ["アレルギー", "アレルギー表示", "アレルゲン", "特定原材料"],
  },
  { label: "賞味期限", value: { field: "gift.bestBefore" }, synonyms: ["賞味期限", "消費期限", "賞味期間", "賞味期限消費期限"] },
  { label: "温度帯", value: { field: "gift.temperature" }, synonyms: ["温度帯", "配送温度帯", "配送温度", "保存方法"] },
  { label: "配送サイズ", value: { field: "gift.shippingSize" }, synonyms: ["配送サイズ", "梱包サイズ", "サイズ"] },
  {
    label: "配送時期",
    value: { field: "gift.deliveryPeriod" },
    synonyms: ["配送時期", "発送時期", "お届け時期", "配達時期", "発送期日", "配送", "発送", "お届け"],
  },
  { label: "送料", value: { field: "gift.shippingCost" }, synonyms: ["送料"] },
  { label: "調達費用", value: { field: "gift.procurementCost" }, synonyms: ["調達費用", "調達価格", "仕入価格", "原価"] },
  {
    label: "画像URL",
    value: { expr: 'join(gift.imageUrls, " ")' },
    numbered: (n) => ({ expr: `item(gift.imageUrls, ${n})` }),
    synonyms: ["画像", "画像url", "商品画像", "商品画像url", "写真"],
  },
  { label: "のし", value: { expr: 'if(gift.noshi, "可", "不可")' }, synonyms: ["のし", "熨斗", "のし対応"] },
  { label: "包装", value: { expr: 'if(gift.wrapping, "可", "不可")' }, synonyms: ["包装", "ラッピング", "包装対応"] },
  { label: "数量限定", value: { field: "gift.limitedQuantity" }, synonyms: ["数量限定", "限定数", "販売数量"] },
  { label: "在庫数", value: { field: "listing.stock" }, synonyms: ["在庫数", "在庫"] },
  {
    label: "申込期間（開始）",
    value: { field: "gift.applicationPeriod.from" },
    synonyms: ["受付開始日", "申込受付開始日", "申込開始日", "受付開始", "申込期間開始"],
  },
  {
    label: "申込期間（終了）",
    value: { field: "gift.applicationPeriod.until" },
    synonyms: ["受付終了日", "申込受付終了日", "申込終了日", "受付終了", "申込期間終了"],
  },
  { label: "掲載日", value: { field: "listing.listingDate" }, synonyms: ["掲載開始日", "掲載日"] },
  { label: "定期便の回数", value: { field: "gift.subscription.deliveries" }, synonyms: ["定期便", "定期便回数", "配送回数"] },
  { label: "地場産品類型", value: { field: "gift.localProductType" }, synonyms: ["地場産品類型", "地場産品基準", "類型", "該当基準"] },
  { label: "地場産品該当理由", value: { field: "gift.localProductReason" }, synonyms: ["地場産品該当理由", "該当理由"] },
  { label: "原材料の産地", value: { field: "gift.originOfIngredients" }, synonyms: ["原材料の産地", "原料原産地", "原産地", "産地"] },
  { label: "加工地", value: { field: "gift.placeOfProcessing" }, synonyms: ["加工地", "製造地", "加工場所"] },
  { label: "取扱上の注意", value: { field: "gift.handlingNotes" }, synonyms: ["取扱上の注意", "注意事項"] },
  { label: "返礼割合", value: { expr: "percent(listing.returnRatio, 1)" }, synonyms: ["返礼割合", "返礼率"] },
  {
    label: "公開状態",
    value: { expr: `if(${STOPPED}, "非公開", "公開")` },
    synonyms: ["公開状態", "掲載状態", "受付状態", "公開"],
  },
];

/** NFKC, lower-case, without spaces, bracketed notes（税込）【必須】[1] and ※ notes; 画像 1 → 画像1. */
export function normaliseColumnName(name: string): string {
  return name
    .normalize("NFKC")
    .replace(/※.*$/su, "")
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|「[^」]*」|<[^>]*>|〈[^〉]*〉|《[^》]*》|〔[^〕]*〕/gu, "")
    .replace(/[\s_・/／:：-]+/gu, "")
    .toLowerCase();
}

/** A column the portal marks as required: 「必須」 in its name, or ※/＊ before it. */
export function looksRequired(name: string): boolean {
  const n = name.normalize("NFKC");
  return /必須/u.test(n) || /^\s*[※*]/u.test(n);
}

export interface ColumnSuggestion {
  value: MappedValue;
  /** the catalog field's Japanese name */
  label: string;
  how: "exact" | "contains";
}

const SYNONYMS_LONGEST_FIRST = COLUMN_SYNONYMS.flatMap((target) => target.synonyms.map((synonym) => ({ synonym, target }))).sort(
  (a, b) => b.synonym.length - a.synonym.length,
);
/** Columns that take a portal's own codes (在庫タイプ, 送料区分 …): only an exact name is suggested for them. */
const CODE_COLUMN = /(区分|タイプ|フラグ|種別|flag|type)$/u;

function valueFor(target: MappingTarget, n: number | null): MappedValue {
  return n !== null && target.numbered ? target.numbered(n) : target.value;
}

/** The suggested value of one column, or null (written empty until the clerk maps it). */
export function suggestColumn(name: string): ColumnSuggestion | null {
  const normalised = normaliseColumnName(name);
  if (normalised === "") return null;
  // 画像1, 商品画像URL2 …: the number picks one of a list; the rest of the name is matched.
  const numberedMatch = /^(.*?\D)(\d{1,2})$/u.exec(normalised);
  const candidates: [string, number | null][] = numberedMatch ? [[numberedMatch[1], Number(numberedMatch[2])]] : [];
  candidates.push([normalised, null]);
  for (const [text, n] of candidates) {
    const exact = firstExact(text);
    if (exact && (n === null || exact.numbered)) return { value: valueFor(exact, n), label: exact.label, how: "exact" };
  }
  if (CODE_COLUMN.test(normalised)) return null;
  for (const [text, n] of candidates) {
    const found = SYNONYMS_LONGEST_FIRST.find(
      ({ synonym, target }) => synonym.length >= 2 && text.includes(synonym) && (n === null || target.numbered),
    );
    if (found) return { value: valueFor(found.target, n), label: found.target.label, how: "contains" };
  }
  return null;
}

function firstExact(text: string): MappingTarget | null {
  for (const target of COLUMN_SYNONYMS) if (target.synonyms.includes(text)) return target;
  return null;
}

/** Suggestions for every column of a header, in column order. */
export function suggestMapping(columns: readonly string[]): (ColumnSuggestion | null)[] {
  return columns.map(suggestColumn);
}

// ---------------------------------------------------------------------------------------------------------------
// Template from a header file

export interface HeaderColumnChoice {
  /** null: written empty */
  value: MappedValue | null;
  /** the portal requires a value in this column: the check before export holds a gift that leaves it empty */
  required?: boolean;
}

/** The export template's shape (server/modules/furusato/portal-template.ts validates it and names every mistake). */
export interface HeaderTemplate {
  file: {
    encoding: HeaderInspection["encoding"];
    delimiter: HeaderInspection["delimiter"];
    lineEnding: HeaderInspection["lineEnding"];
    quote: "minimal" | "all";
    titleLines: string[][];
    headerLines: string[][];
    fileName: string;
  };
  columns: { header: string; value: MappedValue; required?: true }[];
  origin: { kind: "portal-file"; fileName: string };
}

/**
 * The template that writes exactly the inspected header (title rows, header row, encoding, BOM, delimiter, quoting,
 * line ending) followed by one row per listing; `choices` is per column, in order.
 */
export function templateFromHeader(
  inspection: HeaderInspection,
  choices: readonly HeaderColumnChoice[],
  { fileName, sourceFileName }: { fileName: string; sourceFileName: string },
): HeaderTemplate {
  return {
    file: {
      encoding: inspection.encoding,
      delimiter: inspection.delimiter,
      lineEnding: inspection.lineEnding,
      quote: inspection.quoted ? "all" : "minimal",
      titleLines: inspection.titleRows,
      headerLines: [inspection.columns],
      fileName,
    },
    columns: inspection.columns.map((header, i) => ({
      header,
      value: choices[i]?.value ?? { const: "" },
      ...(choices[i]?.required ? { required: true as const } : {}),
    })),
    origin: { kind: "portal-file", fileName: sourceFileName },
  };
}
