// 取込設定: how one portal's order file becomes ledger donations. A mapping names, for each donation field, the
// heading(s) of the portal's column, and translates the portal's words (入金済み, クレジット決済, 希望する …) into the
// ledger's through value maps that staff edit. Pure: takes a table of strings, returns donations or row errors.
import { z } from "zod";
import { normalizeDateInput, parseJapaneseDate } from "../dates";
import {
  DONATION_STATUSES,
  DONOR_GENDERS,
  type DonationItem,
  type DonationRecord,
  type DonationStatus,
  type DonorGender,
  donationDate,
  PAYMENT_METHODS,
  type PaymentMethod,
} from "./donation";

/** Donation fields a column can feed, with their Japanese names (shown in the mapping editor and in errors). */
export const DONATION_FIELDS = {
  orderNumber: "受付番号",
  appliedOn: "申込日",
  paidOn: "入金日",
  amount: "寄附金額",
  paymentMethod: "決済方法",
  status: "入金状況",
  fundUse: "寄附金の使い道",
  resident: "市内在住",
  oneStopWish: "ワンストップ特例申請",
  publicationConsent: "氏名公表",
  donorName: "寄附者氏名",
  donorKana: "寄附者フリガナ",
  donorPostalCode: "寄附者郵便番号",
  donorAddress: "寄附者住所",
  donorPhone: "寄附者電話番号",
  donorEmail: "寄附者メールアドレス",
  donorGender: "寄附者性別",
  shipName: "送付先氏名",
  shipPostalCode: "送付先郵便番号",
  shipAddress: "送付先住所",
  shipPhone: "送付先電話番号",
  giftCode: "返礼品コード",
  quantity: "数量",
} as const;
export type DonationField = keyof typeof DONATION_FIELDS;
export const REQUIRED_FIELDS: readonly DonationField[] = ["orderNumber", "appliedOn", "amount", "donorName"];

/** Fields whose portal wording is translated by a value map (the one-click fix for an unknown value). */
export const MAPPED_FIELDS = [
  "paymentMethod",
  "status",
  "fundUse",
  "resident",
  "oneStopWish",
  "publicationConsent",
  "donorGender",
  "giftCode",
] as const;
export type MappedField = (typeof MAPPED_FIELDS)[number];

/** When several headings feed one field (姓 + 名, 都道府県 + 市区町村 + 以降), how their cells are joined. */
const JOINERS: Partial<Record<DonationField, string>> = {
  donorName: " ",
  donorKana: " ",
  shipName: " ",
  donorPostalCode: "-",
  shipPostalCode: "-",
  donorPhone: "-",
  shipPhone: "-",
};

const headingList = z.array(z.string().trim().min(1).max(100)).min(1).max(5);

export const donationMappingConfigSchema = z
  .object({
    /** the row that holds the headings (1 = first line); rows above it are titles */
    headerRow: z.number().int().min(1).max(50).default(1),
    columns: z.partialRecord(z.enum(Object.keys(DONATION_FIELDS) as [DonationField, ...DonationField[]]), headingList),
    valueMaps: z
      .object({
        paymentMethod: z.record(z.string(), z.enum(PAYMENT_METHODS)),
        status: z.record(z.string(), z.enum(DONATION_STATUSES)),
        fundUse: z.record(z.string(), z.string().min(1).max(20)),
        resident: z.record(z.string(), z.boolean()),
        oneStopWish: z.record(z.string(), z.boolean()),
        publicationConsent: z.record(z.string(), z.boolean()),
        donorGender: z.record(z.string(), z.enum(DONOR_GENDERS)),
        giftCode: z.record(z.string(), z.string().min(1).max(20)),
      })
      .partial()
      .default({}),
    defaults: z
      .object({
        paymentMethod: z.enum(PAYMENT_METHODS).optional(),
        status: z.enum(DONATION_STATUSES).optional(),
      })
      .default({}),
    /** 市内在住 by address when the file has no such column: e.g. ["福岡県北九州市"] */
    residentAddressPrefixes: z.array(z.string().trim().min(2).max(50)).max(10).default([]),
  })
  .superRefine((config, ctx) => {
    for (const field of REQUIRED_FIELDS) {
      if (!config.columns[field])
        ctx.addIssue({ code: "custom", path: ["columns", field], message: `「${DONATION_FIELDS[field]}」の列を指定してください。` });
    }
  });
export type DonationMappingConfig = z.infer<typeof donationMappingConfigSchema>;

export interface MappingTable {
  /** every non-blank row of the file in order, header rows included */
  rows: string[][];
  /** spreadsheet row number of each entry of `rows` */
  rowNumbers: number[];
}

export interface DonationRowError {
  row: number;
  column?: string;
  message: string;
  /** a value the mapping does not know: the UI offers to map it in one click */
  unknown?: { field: MappedField; value: string };
}

export interface UnknownValue {
  field: MappedField;
  value: string;
  count: number;
  firstRow: number;
}

export interface MasterData {
  /** 使い道 codes and names: a file may name them by either */
  fundUses: { code: string; name: string }[];
  /** gift codes of the catalog */
  giftCodes: ReadonlySet<string>;
}

export type MappingResult =
  | { ok: true; donations: DonationRecord[]; rowCount: number }
  | { ok: false; errors: DonationRowError[]; unknownValues: UnknownValue[]; rowCount: number };

const TRUE_WORDS = new Set(["1", "true", "はい", "有", "あり", "有り", "○", "〇", "希望する", "希望", "する", "要", "済", "可"]);
const FALSE_WORDS = new Set(["0", "false", "いいえ", "無", "なし", "無し", "×", "希望しない", "しない", "不要", "不可", "-"]);

/**
 * A pure function of one string, remembered: a portal file repeats the same few words, dates and amounts on every
 * row, and normalising them (NFKC, regular expressions) was most of the mapping's time over a million rows. Bounded,
 * so a column of unique values (order numbers, addresses) cannot grow it without limit.
 */
function remembered<T>(fn: (text: string) => T, limit = 20_000): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    const hit = seen.get(text);
    if (hit !== undefined || seen.has(text)) return hit as T;
    if (seen.size >= limit) seen.clear();
    const value = fn(text);
    seen.set(text, value);
    return value;
  };
}

const normaliseKey = remembered((text: string) => text.normalize("NFKC").replace(/\s+/g, "").toLowerCase());

export function headingKey(heading: string): string {
  return normaliseKey(heading).replace(/(\(必須\)|[*※])$/, "");
}

/** Reads a date cell: 2024/11/30, 2024-11-30 12:34, 20241130, 令和6年11月30日, Excel's own 2024-11-30T00:00. */
export function parseCellDate(text: string): string | null {
  const s = normalizeDateInput(text)
    .replace(/(T|\d)(\d{1,2}:\d{2}(:\d{2})?(\.\d+)?Z?)$/, "$1")
    .replace(/T$/, "");
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const candidate = compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : s;
  const parsed = parseJapaneseDate(candidate);
  return parsed && parsed.precision === "day" ? parsed.iso : null;
}

/** 10,000 / ¥10,000 / 10000円 / １００００ → 10000; anything else → null. */
export function parseYen(text: string): number | null {
  const s = text.normalize("NFKC").replace(/[,\s¥￥円]/g, "");
  if (!/^\d{1,10}$/.test(s)) return null;
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : null;
}

const cellDate = remembered(parseCellDate);
const cellYen = remembered(parseYen);
const addressKey = remembered((text: string) => text.normalize("NFKC").replace(/\s+/g, ""));

interface Located {
  /** column indexes per field, in the order the headings were given */
  index: Partial<Record<DonationField, number[]>>;
  errors: DonationRowError[];
}

/** The columns of each field, found by the heading row; errors name the headings the file lacks. */
export function locateColumns(header: string[], headerRowNumber: number, config: DonationMappingConfig): Located {
  const positions = new Map<string, number>();
  header.forEach((heading, i) => {
    const key = headingKey(heading);
    if (key && !positions.has(key)) positions.set(key, i);
  });
  const index: Located["index"] = {};
  // Each missing heading once (a heading may serve two fields); the field is named only when the heading differs
  // from it: 「寄附金額」, not 「寄附金額」（寄附金額）.
  const missing = new Map<string, string>();
  for (const [field, headings] of Object.entries(config.columns) as [DonationField, string[]][]) {
    const found = headings.map((h) => positions.get(headingKey(h)));
    const absent = headings.filter((_, i) => found[i] === undefined);
    for (const h of absent) {
      const key = headingKey(h);
      if (!missing.has(key))
        missing.set(key, headingKey(DONATION_FIELDS[field]) === key ? `「${h}」` : `「${h}」（${DONATION_FIELDS[field]}）`);
    }
    if (absent.length === 0) index[field] = found as number[];
  }
  const errors: DonationRowError[] =
    missing.size > 0
      ? [
          {
            row: headerRowNumber,
            message: `取込設定の${missing.size}列がファイルにありません: ${[...missing.values()].join("、")}。取込設定か見出し行の位置を確認してください。`,
          },
        ]
      : [];
  return { index, errors };
}

class RowReader {
  readonly errors: DonationRowError[] = [];
  constructor(
    private readonly cells: string[],
    private readonly index: Located["index"],
    readonly row: number,
  ) {}

  text(field: DonationField): string | null {
    const columns = this.index[field];
    if (!columns) return null;
    if (columns.length === 1) {
      const cell = (this.cells[columns[0]] ?? "").trim();
      return cell === "" ? null : cell;
    }
    const parts = columns.map((i) => (this.cells[i] ?? "").trim()).filter((part) => part !== "");
    if (parts.length === 0) return null;
    return parts.join(JOINERS[field] ?? "");
  }

  fail(field: DonationField, message: string, unknown?: DonationRowError["unknown"]) {
    this.errors.push({ row: this.row, column: DONATION_FIELDS[field], message, ...(unknown ? { unknown } : {}) });
  }

  required(field: DonationField): string | null {
    const value = this.text(field);
    if (value === null) this.fail(field, `${DONATION_FIELDS[field]}が空です。`);
    return value;
  }
}

function lookup<T>(map: Record<string, T> | undefined, value: string): T | undefined {
  if (!map) return undefined;
  if (value in map) return map[value];
  const key = normaliseKey(value);
  for (const [source, target] of Object.entries(map)) if (normaliseKey(source) === key) return target;
  return undefined;
}

function mapped<T extends string>(
  reader: RowReader,
  field: MappedField & DonationField,
  map: Record<string, T> | undefined,
  canonical: readonly T[],
  fallback: T | undefined,
): T | null {
  const value = reader.text(field);
  if (value === null) {
    if (fallback !== undefined) return fallback;
    reader.fail(field, `${DONATION_FIELDS[field]}が空です。`);
    return null;
  }
  const hit = lookup(map, value) ?? canonical.find((c) => normaliseKey(c) === normaliseKey(value));
  if (hit !== undefined) return hit;
  reader.fail(field, `${DONATION_FIELDS[field]}「${value}」は取込設定にない値です。対応する値を指定してください。`, { field, value });
  return null;
}

function flag(
  reader: RowReader,
  field: "resident" | "oneStopWish" | "publicationConsent",
  map: Record<string, boolean> | undefined,
): boolean | null {
  const value = reader.text(field);
  if (value === null) return false;
  const hit = lookup(map, value);
  if (hit !== undefined) return hit;
  const key = normaliseKey(value);
  if (TRUE_WORDS.has(key)) return true;
  if (FALSE_WORDS.has(key)) return false;
  reader.fail(
    field,
    `${DONATION_FIELDS[field]}「${value}」は取込設定にない値です。「はい」「いいえ」のどちらに当たるか指定してください。`,
    { field, value },
  );
  return null;
}

function optionalText(reader: RowReader, field: DonationField, max: number): string | null {
  const value = reader.text(field);
  // UTF-16 length ≥ code points: count the code points only when it could matter
  if (value !== null && value.length > max && [...value].length > max) {
    reader.fail(field, `${DONATION_FIELDS[field]}は${max}文字以内です。`);
    return null;
  }
  return value;
}

export interface ParsedRow {
  record: DonationRecord;
  item: DonationItem | null;
}

function readRow(reader: RowReader, config: DonationMappingConfig, portalCode: string, master: MasterData): ParsedRow | null {
  const maps = config.valueMaps;
  const orderNumber = reader.required("orderNumber");
  if (orderNumber !== null && orderNumber.length > 100) reader.fail("orderNumber", "受付番号は100文字以内です。");

  const appliedText = reader.required("appliedOn");
  const appliedOn = appliedText === null ? null : cellDate(appliedText);
  if (appliedText !== null && appliedOn === null) reader.fail("appliedOn", `申込日「${appliedText}」を日付として読めません。`);
  const paidText = reader.text("paidOn");
  const paidOn = paidText === null ? null : cellDate(paidText);
  if (paidText !== null && paidOn === null) reader.fail("paidOn", `入金日「${paidText}」を日付として読めません。`);

  const amountText = reader.required("amount");
  const amount = amountText === null ? null : cellYen(amountText);
  if (amountText !== null && (amount === null || amount <= 0))
    reader.fail("amount", `寄附金額「${amountText}」は1円以上の整数で入力してください。`);

  const paymentMethod = mapped<PaymentMethod>(
    reader,
    "paymentMethod",
    maps.paymentMethod,
    PAYMENT_METHODS,
    config.defaults.paymentMethod ?? (config.columns.paymentMethod ? undefined : "その他"),
  );
  const defaultStatus: DonationStatus | undefined =
    config.defaults.status ?? (config.columns.status ? undefined : paidOn ? "入金済" : "入金待ち");
  const status = mapped<DonationStatus>(reader, "status", maps.status, DONATION_STATUSES, defaultStatus);

  let fundUseCode: string | null = null;
  const fundText = reader.text("fundUse");
  if (fundText !== null) {
    const target = lookup(maps.fundUse, fundText);
    const known = master.fundUses.find((f) => f.code === (target ?? fundText) || normaliseKey(f.name) === normaliseKey(target ?? fundText));
    if (known) fundUseCode = known.code;
    else
      reader.fail("fundUse", `寄附金の使い道「${fundText}」が登録されていません。どの使い道に当たるか指定してください。`, {
        field: "fundUse",
        value: fundText,
      });
  }

  const oneStopWish = flag(reader, "oneStopWish", maps.oneStopWish);
  const publicationConsent = flag(reader, "publicationConsent", maps.publicationConsent);
  const donorName = reader.required("donorName");
  const donorAddress = optionalText(reader, "donorAddress", 200);
  let isResident = flag(reader, "resident", maps.resident);
  if (!config.columns.resident && donorAddress && config.residentAddressPrefixes.length > 0) {
    const address = addressKey(donorAddress);
    isResident = config.residentAddressPrefixes.some((prefix) => address.startsWith(addressKey(prefix)));
  }
  const gender =
    reader.text("donorGender") === null ? null : mapped<DonorGender>(reader, "donorGender", maps.donorGender, DONOR_GENDERS, undefined);

  let item: DonationItem | null = null;
  const giftText = reader.text("giftCode");
  if (giftText !== null) {
    const giftCode = lookup(maps.giftCode, giftText) ?? giftText;
    if (!master.giftCodes.has(giftCode))
      reader.fail("giftCode", `返礼品「${giftText}」がカタログにありません。どの返礼品に当たるか指定してください。`, {
        field: "giftCode",
        value: giftText,
      });
    const quantityText = reader.text("quantity");
    const quantity = quantityText === null ? 1 : cellYen(quantityText);
    if (quantity === null || quantity < 1 || quantity > 999)
      reader.fail("quantity", `数量「${quantityText}」は1〜999の整数で入力してください。`);
    item = { giftCode, quantity: quantity ?? 1 };
  }

  const shipName = optionalText(reader, "shipName", 100);
  if (reader.errors.length > 0 || !orderNumber || !appliedOn || !amount || !paymentMethod || !status || !donorName) return null;
  if (oneStopWish === null || publicationConsent === null || isResident === null) return null;
  return {
    item,
    record: {
      portalCode,
      orderNumber,
      appliedOn,
      paidOn,
      donatedOn: donationDate(paymentMethod, appliedOn, paidOn),
      paymentMethod,
      amount,
      status,
      fundUseCode,
      isResident,
      oneStopWish,
      publicationConsent,
      donor: {
        name: donorName,
        kana: optionalText(reader, "donorKana", 100),
        postalCode: optionalText(reader, "donorPostalCode", 10),
        address: donorAddress,
        phone: optionalText(reader, "donorPhone", 20),
        email: optionalText(reader, "donorEmail", 200),
        gender,
      },
      shipTo: shipName
        ? {
            name: shipName,
            postalCode: optionalText(reader, "shipPostalCode", 10),
            address: optionalText(reader, "shipAddress", 200),
            phone: optionalText(reader, "shipPhone", 20),
          }
        : null,
      items: [],
    },
  };
}

export type ColumnIndex = Located["index"];

/** One data line read through the mapping: the order and gift it holds, or null with the line's errors. */
export function mapLine(
  cells: string[],
  row: number,
  index: ColumnIndex,
  config: DonationMappingConfig,
  portalCode: string,
  master: MasterData,
): { parsed: ParsedRow | null; errors: DonationRowError[] } {
  const reader = new RowReader(cells, index, row);
  return { parsed: readRow(reader, config, portalCode, master), errors: reader.errors };
}
