// ポータル出力テンプレート: a portal's export file described as DATA (file format + columns), so that staff can add a
// portal and its template from the UI later. The zod schema below is the guard for such user-made templates: unknown
// fields, unknown functions and type mistakes are rejected with Japanese messages before anything is rendered.
//
// Column values are a field of the export row, a constant, or an expression in a tiny language evaluated WITHOUT
// eval (tokenizer → parser → type check → closures):
//   "【ふるさと納税】" + default(listing.titleVariant, gift.title)
//   if(eq(action, "stop"), "1", "0")
//   yen(listing.donationAmount)  →  "12,000"
// Grammar:  expr := term ("+" term)* ;  term := string | integer | call | field | "(" expr ")"
//           call := name "(" [expr ("," expr)*] ")" ;  field := name ("." name)*
// "+" always concatenates text (1 + 2 is "12"); there is no arithmetic: derived numbers such as 返礼割合 are fields.
// Functions: if eq yen wareki join truncate replace default, plus percent (返礼割合), html (portal HTML fields) and
// lower (楽天 商品管理番号); expressionFunctions() lists them with their usage for the template editor.
// Values are text, number, boolean, date (ISO text) or list (of text); a missing value (null) renders as "".
import { z } from "zod";
import { formatWareki, isIsoDate } from "../../../common/dates";
import type { Gift, Listing, Portal } from "../../../common/furusato/types";
import { ValidationError } from "../../platform/errors";
import { encodeCp932, mapToCp932Variants, unencodableCp932Chars } from "../../platform/tabular/cp932";
import { cellToSafeText } from "../../platform/tabular/formula-guard";

// ---------------------------------------------------------------------------------------------------------------
// Types

export type ColumnValue = { field: string } | { const: string } | { expr: string };

export interface PortalColumn {
  /** the column's name in the portal's file; also the field name shown in the export diff */
  header: string;
  value: ColumnValue;
  /** 必須: the portal refuses a row with this cell empty, so the check before export holds such a gift */
  required?: boolean;
}

export interface PortalFileFormat {
  encoding: "cp932" | "utf-8" | "utf-8-bom";
  delimiter: "," | "\t";
  lineEnding: "\r\n" | "\n";
  /** "minimal": quote only cells holding the delimiter, a quote, CR or LF; "all": quote every cell */
  quote: "minimal" | "all";
  /** rows above the header rows (a sheet's title, notes), written verbatim; any width. Absent = none */
  titleLines?: string[][];
  /** zero or more header rows written verbatim (each as long as `columns`) */
  headerLines: string[][];
  /** the name the portal expects for the upload, e.g. "item.csv" */
  fileName: string;
}

/**
 * Where a template's columns come from, shown beside the portal: "designed" = a column set written for this system, not
 * the portal's 様式; "subset" = some of the columns of a real (older) 様式; "portal-file" = read from the header file
 * the portal supplies (fileName is that file's name).
 */
export interface TemplateOrigin {
  kind: "designed" | "subset" | "portal-file";
  fileName?: string;
}

export interface PortalTemplate {
  file: PortalFileFormat;
  columns: PortalColumn[];
  origin?: TemplateOrigin;
}

/** One line of a portal file: a gift as listed on that portal, and whether it is (re)published or stopped. */
export interface ExportRow {
  gift: Gift;
  listing: Listing;
  portal: Portal;
  action: "upsert" | "stop";
  /** true when the portal has never received this listing (楽天: コントロールカラム "n" rather than "u") */
  isNew?: boolean;
}

/** A character the file's encoding cannot hold. It is written as 〓 (never "?") and reported here. */
export interface UnencodableCell {
  /** record number in the file, as a spreadsheet shows it: the first header line is 1 */
  row: number;
  /** 1-based column */
  column: number;
  char: string;
  /** the column's header */
  header: string;
  /** the gift of that row; null inside header lines */
  giftCode: string | null;
}

export interface RenderedPortalFile {
  bytes: Uint8Array;
  unencodable: UnencodableCell[];
}

/** 〓 (ゲタ記号, CP932 0x81AC): the customary Japanese placeholder for a character that cannot be printed. */
export const UNENCODABLE_SUBSTITUTE = "〓";

// ---------------------------------------------------------------------------------------------------------------
// Fields of the export row

export type ValueType = "text" | "number" | "boolean" | "date" | "list";
type Scalar = string | number | boolean | null;
type Value = Scalar | readonly string[];
type Evaluator = (row: ExportRow) => Value;

interface FieldDef {
  type: ValueType;
  /** Japanese label for the template editor */
  label: string;
  get: Evaluator;
}

/** 定期便 counts every delivery; a one-off gift is one delivery. */
function deliveries(gift: Gift): number {
  return gift.subscription?.deliveries ?? 1;
}

const FIELD_DEFS: [string, FieldDef][] = [
  ["action", { type: "text", label: "出力区分（upsert / stop）", get: (r) => r.action }],
  ["isNew", { type: "boolean", label: "このポータルへの初回出力", get: (r) => r.isNew === true }],
  ["gift.code", { type: "text", label: "返礼品コード", get: (r) => r.gift.code }],
  ["gift.supplierCode", { type: "text", label: "事業者コード", get: (r) => r.gift.supplierCode }],
  ["gift.supplierName", { type: "text", label: "事業者名", get: (r) => r.gift.supplierName }],
  ["gift.title", { type: "text", label: "返礼品名", get: (r) => r.gift.title }],
  ["gift.catchCopy", { type: "text", label: "キャッチコピー", get: (r) => r.gift.catchCopy }],
  ["gift.description", { type: "text", label: "説明文", get: (r) => r.gift.description }],
  ["gift.contents", { type: "text", label: "内容量", get: (r) => r.gift.contents }],
  ["gift.procurementCost", { type: "number", label: "調達費用（1回あたり・税込）", get: (r) => r.gift.procurementCost }],
  [
    "gift.totalProcurementCost",
    { type: "number", label: "調達費用（定期便は全回分）", get: (r) => r.gift.procurementCost * deliveries(r.gift) },
  ],
  ["gift.shippingCost", { type: "number", label: "送料（1回あたり）", get: (r) => r.gift.shippingCost }],
  ["gift.shippingSize", { type: "text", label: "配送サイズ", get: (r) => r.gift.shippingSize }],
  ["gift.temperature", { type: "text", label: "温度帯", get: (r) => r.gift.temperature }],
  ["gift.handlingNotes", { type: "text", label: "取扱上の注意", get: (r) => r.gift.handlingNotes }],
  ["gift.bestBefore", { type: "text", label: "賞味期限・消費期限", get: (r) => r.gift.bestBefore }],
  ["gift.originOfIngredients", { type: "text", label: "原材料の産地", get: (r) => r.gift.originOfIngredients }],
  ["gift.placeOfProcessing", { type: "text", label: "加工地", get: (r) => r.gift.placeOfProcessing }],
  ["gift.applicationPeriod.from", { type: "date", label: "申込期間（開始）", get: (r) => r.gift.applicationPeriod.from }],
  ["gift.applicationPeriod.until", { type: "date", label: "申込期間（終了）", get: (r) => r.gift.applicationPeriod.until }],
  ["gift.deliveryPeriod", { type: "text", label: "配送時期", get: (r) => r.gift.deliveryPeriod }],
  ["gift.limitedQuantity", { type: "number", label: "数量限定（空欄は無制限）", get: (r) => r.gift.limitedQuantity }],
  ["gift.noshi", { type: "boolean", label: "のし対応", get: (r) => r.gift.noshi }],
  ["gift.wrapping", { type: "boolean", label: "包装対応", get: (r) => r.gift.wrapping }],
  ["gift.imageUrls", { type: "list", label: "画像URL（一覧）", get: (r) => r.gift.imageUrls }],
  ["gift.subscription.deliveries", { type: "number", label: "定期便の回数", get: (r) => r.gift.subscription?.deliveries ?? null }],
  ["gift.subscription.schedule", { type: "text", label: "定期便の頻度", get: (r) => r.gift.subscription?.schedule ?? null }],
  ["gift.localProductType", { type: "text", label: "地場産品類型", get: (r) => r.gift.localProductType }],
  ["gift.localProductReason", { type: "text", label: "地場産品該当理由", get: (r) => r.gift.localProductReason }],
  ["gift.evidenceCount", { type: "number", label: "根拠資料の件数", get: (r) => r.gift.evidenceCount }],
  [
    "gift.rawMaterialSamePrefecture",
    { type: "boolean", label: "原材料が同一都道府県産（3号イ）", get: (r) => r.gift.rawMaterialSamePrefecture },
  ],
  ["gift.certifications", { type: "list", label: "認証（名称の一覧）", get: (r) => r.gift.certifications.map((c) => c.name) }],
  [
    "gift.allergensPresent",
    {
      type: "list",
      label: "アレルゲン（「あり」の品目の一覧）",
      get: (r) =>
        Object.entries(r.gift.allergens)
          .filter(([, state]) => state === "あり")
          .map(([name]) => name),
    },
  ],
  ["gift.status", { type: "text", label: "返礼品の状態", get: (r) => r.gift.status }],
  ["listing.giftCode", { type: "text", label: "掲載: 返礼品コード", get: (r) => r.listing.giftCode }],
  ["listing.portalCode", { type: "text", label: "掲載: ポータルコード", get: (r) => r.listing.portalCode }],
  ["listing.donationAmount", { type: "number", label: "寄附金額", get: (r) => r.listing.donationAmount }],
  ["listing.titleVariant", { type: "text", label: "ポータル別の返礼品名（空欄は共通名）", get: (r) => r.listing.titleVariant }],
  ["listing.state", { type: "text", label: "掲載状態（受付中 / 停止）", get: (r) => r.listing.state }],
  ["listing.stock", { type: "number", label: "在庫数", get: (r) => r.listing.stock }],
  ["listing.listingDate", { type: "date", label: "掲載日", get: (r) => r.listing.listingDate }],
  ["listing.previousDonationAmount", { type: "number", label: "前回承認の寄附金額", get: (r) => r.listing.previousDonationAmount }],
  [
    // 返礼割合: 調達費用（定期便は全回分）÷ 寄附金額
    "listing.returnRatio",
    {
      type: "number",
      label: "返礼割合（調達費用÷寄附金額）",
      get: (r) => (r.listing.donationAmount > 0 ? (r.gift.procurementCost * deliveries(r.gift)) / r.listing.donationAmount : null),
    },
  ],
  ["portal.code", { type: "text", label: "ポータルコード", get: (r) => r.portal.code }],
  ["portal.name", { type: "text", label: "ポータル名", get: (r) => r.portal.name }],
  ["portal.feeRatio", { type: "number", label: "ポータル手数料率", get: (r) => r.portal.feeRatio }],
  ["portal.grantsPoints", { type: "boolean", label: "ポイント付与", get: (r) => r.portal.grantsPoints }],
  ...(["title", "catchCopy", "description", "supplierName", "contents"] as const).map((key): [string, FieldDef] => [
    `portal.fieldLimits.${key}`,
    { type: "number", label: `文字数上限（${key}）`, get: (r) => r.portal.fieldLimits[key] ?? null },
  ]),
];

const FIELDS: ReadonlyMap<string, FieldDef> = new Map(FIELD_DEFS);
const ALLERGEN_PREFIX = "gift.allergens.";
const FIELDS_USING_ACTION = new Set(["action", "isNew"]);

/** The fields a template may use (for the template editor); `gift.allergens.<品目>` is open-ended as well. */
export function exportRowFields(): { path: string; type: ValueType; label: string }[] {
  return [
    ...FIELD_DEFS.map(([path, def]) => ({ path, type: def.type, label: def.label })),
    { path: `${ALLERGEN_PREFIX}<品目>`, type: "text", label: "アレルゲン表示（あり / なし / 未確認）" },
  ];
}

function lookupField(path: string): FieldDef | null {
  const known = FIELDS.get(path);
  if (known) return known;
  if (path.startsWith(ALLERGEN_PREFIX)) {
    const name = path.slice(ALLERGEN_PREFIX.length);
    if (name.length > 0 && !name.includes(".")) {
      return {
        type: "text",
        label: `アレルゲン（${name}）`,
        get: (r) => (Object.hasOwn(r.gift.allergens, name) ? r.gift.allergens[name] : null),
      };
    }
  }
  return null;
}

function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length];
}

function suggestField(path: string): string | null {
  const lower = path.toLowerCase();
  let best: string | null = null;
  let bestDistance = 3;
  for (const known of FIELDS.keys()) {
    if (known.toLowerCase().endsWith(`.${lower}`)) return known;
    const d = editDistance(lower, known.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [known, d];
  }
  return best;
}

function unknownFieldMessage(path: string): string {
  const suggestion = suggestField(path);
  return `不明な項目です: ${path}${suggestion ? `（もしかして ${suggestion}）` : ""}`;
}

// ---------------------------------------------------------------------------------------------------------------
// Expression language

/** A mistake in a template's expression; `message` is Japanese and names the position where it helps. */
export class TemplateExpressionError extends Error {}

const MAX_EXPRESSION_LENGTH = 4000;
const MAX_DEPTH = 40;

type Token =
  | { kind: "string"; value: string; pos: number }
  | { kind: "number"; value: number; pos: number }
  | { kind: "name"; value: string; pos: number }
  | { kind: "punct"; value: "(" | ")" | "," | "+" | "."; pos: number }
  | { kind: "end"; pos: number };

const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{N}_]/u;
const ESCAPES: Readonly<Record<string, string>> = { n: "\n", r: "\r", t: "\t", '"': '"', "'": "'", "\\": "\\" };

function at(pos: number): string {
  return `${pos + 1}文字目`;
}

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  const chars = Array.from(source);
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i];
    if (/\s/u.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'") {
      const start = i;
      let value = "";
      i++;
      for (;;) {
        if (i >= chars.length) throw new TemplateExpressionError(`${at(start)}から始まる文字列が閉じられていません`);
        const c = chars[i];
        if (c === ch) break;
        if (c === "\\") {
          const escaped = ESCAPES[chars[i + 1] ?? ""];
          if (escaped === undefined)
            throw new TemplateExpressionError(`${at(i)}: 使えないエスケープです（\\n \\r \\t \\" \\' \\\\ が使えます）`);
          value += escaped;
          i += 2;
        } else {
          value += c;
          i++;
        }
      }
      i++;
      tokens.push({ kind: "string", value, pos: start });
    } else if (/[0-9]/.test(ch)) {
      const start = i;
      while (i < chars.length && /[0-9]/.test(chars[i])) i++;
      if (i < chars.length && NAME_PART.test(chars[i])) throw new TemplateExpressionError(`${at(start)}: 数値の後に文字が続いています`);
      tokens.push({ kind: "number", value: Number(chars.slice(start, i).join("")), pos: start });
    } else if (NAME_START.test(ch)) {
      const start = i;
      while (i < chars.length && NAME_PART.test(chars[i])) i++;
      tokens.push({ kind: "name", value: chars.slice(start, i).join(""), pos: start });
    } else if (ch === "(" || ch === ")" || ch === "," || ch === "+" || ch === ".") {
      tokens.push({ kind: "punct", value: ch as "(" | ")" | "," | "+" | ".", pos: i });
      i++;
    } else {
      const hint = ch === "（" || ch === "）" || ch === "、" || ch === "＋" || ch === "”" || ch === "“" ? "（半角で入力してください）" : "";
      throw new TemplateExpressionError(`${at(i)}: 式に使えない文字です「${ch}」${hint}`);
    }
  }
  tokens.push({ kind: "end", pos: chars.length });
  return tokens;
}

type Node =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number }
  | { kind: "field"; path: string; pos: number }
  | { kind: "call"; name: string; args: Node[]; pos: number }
  | { kind: "concat"; parts: Node[] };

function parse(source: string): Node {
  const tokens = tokenize(source);
  let index = 0;
  const peek = () => tokens[index];
  const isPunct = (value: string) => {
    const t = peek();
    return t.kind === "punct" && t.value === value;
  };
  const expect = (value: string, what: string) => {
    if (!isPunct(value)) throw new TemplateExpressionError(`${at(peek().pos)}: ${what}がありません`);
    index++;
  };

  function expression(depth: number): Node {
    if (depth > MAX_DEPTH) throw new TemplateExpressionError(`式の入れ子が深すぎます（${MAX_DEPTH}段まで）`);
    const parts = [term(depth)];
    while (isPunct("+")) {
      index++;
      parts.push(term(depth));
    }
    return parts.length === 1 ? parts[0] : { kind: "concat", parts };
  }

  function term(depth: number): Node {
    const t = peek();
    if (t.kind === "string" || t.kind === "number") {
      index++;
      return t.kind === "string" ? { kind: "string", value: t.value } : { kind: "number", value: t.value };
    }
    if (t.kind === "punct" && t.value === "(") {
      index++;
      const inner = expression(depth + 1);
      expect(")", "閉じかっこ「)」");
      return inner;
    }
    if (t.kind === "name") {
      index++;
      if (isPunct("(")) {
        index++;
        const args: Node[] = [];
        if (!isPunct(")")) {
          args.push(expression(depth + 1));
          while (isPunct(",")) {
            index++;
            args.push(expression(depth + 1));
          }
        }
        expect(")", `${t.value}( の閉じかっこ「)」`);
        return { kind: "call", name: t.value, args, pos: t.pos };
      }
      let path = t.value;
      while (isPunct(".")) {
        index++;
        const next = peek();
        if (next.kind !== "name") throw new TemplateExpressionError(`${at(next.pos)}: 「.」の後に項目名がありません`);
        path += `.${next.value}`;
        index++;
      }
      return { kind: "field", path, pos: t.pos };
    }
    if (t.kind === "end") throw new TemplateExpressionError("式が途中で終わっています");
    throw new TemplateExpressionError(`${at(t.pos)}: ここに「${t.value}」は書けません`);
  }

  const root = expression(0);
  const rest = peek();
  if (rest.kind !== "end") {
    throw new TemplateExpressionError(`${at(rest.pos)}: 式の後に余分な記述があります（文字列をつなぐには + を使います）`);
  }
  return root;
}

interface Compiled {
  type: ValueType;
  eval: Evaluator;
  /** depends on action / isNew (so it is left out of a listing's fingerprint, see bundle.ts) */
  usesAction: boolean;
  /** the value of an integer literal, for arguments that must be fixed numbers */
  literal?: number;
}

const TYPE_NAMES: Readonly<Record<ValueType, string>> = {
  text: "文字列",
  number: "数値",
  boolean: "真偽値",
  date: "日付",
  list: "リスト",
};

const TEXTUAL: readonly ValueType[] = ["text", "number", "date"];

function isEmpty(v: Value): boolean {
  return v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

function truthy(v: Value): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && v !== "" && v !== 0 && v !== false;
}

/** Text of a value inside an expression: null → "", booleans 1/0, lists comma-joined (the type check keeps lists out). */
function toText(v: Value): string {
  if (v === null) return "";
  if (typeof v === "string") return v;
  if (typeof v === "number") return String(v);
  if (typeof v === "boolean") return v ? "1" : "0";
  return v.join(",");
}

function toNumber(v: Value): number | null {
  if (typeof v === "number") return v;
  if (typeof v === "string" && /^-?\d+(\.\d+)?$/.test(v.replace(/,/g, ""))) return Number(v.replace(/,/g, ""));
  return null;
}

/** 12000 → "12,000" (money is integer yen; a fraction is rounded). */
export function formatYen(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const HTML_ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]);
}

/** An error while rendering a value of valid data (e.g. an impossible date); renderPortalFile adds row and column. */
class RenderValueError extends Error {}

interface FunctionDef {
  /** how the template editor shows it */
  usage: string;
  arity: number;
  /** checks the argument types and returns the result type; throws TemplateExpressionError with a Japanese message */
  check(args: Compiled[], fail: (message: string) => never): ValueType;
  build(args: Compiled[]): Evaluator;
}

function requireType(arg: Compiled, allowed: readonly ValueType[], what: string, fail: (m: string) => never): void {
  if (allowed.includes(arg.type)) return;
  const hint =
    arg.type === "list"
      ? "（リストは join() で文字列にしてください）"
      : arg.type === "boolean"
        ? "（真偽値は if() で文字列にしてください）"
        : "";
  fail(`${what}には${allowed.map((t) => TYPE_NAMES[t]).join("か")}が必要です（${TYPE_NAMES[arg.type]}が指定されています）${hint}`);
}

/** if/default: both branches of one type give that type; mixed scalar types give text. */
function unify(a: Compiled, b: Compiled, name: string, fail: (m: string) => never): ValueType {
  if (a.type === b.type) return a.type;
  if (a.type === "list" || b.type === "list") fail(`${name}() の2つの値は両方ともリストにするか、どちらもリスト以外にしてください`);
  return "text";
}

const FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map<string, FunctionDef>([
  [
    "if",
    {
      usage: "if(条件, 真のとき, 偽のとき)",
      arity: 3,
      check: ([, a, b], fail) => unify(a, b, "if", fail),
      build: ([cond, a, b]) => {
        const [c, x, y] = [cond.eval, a.eval, b.eval];
        return (r) => (truthy(c(r)) ? x(r) : y(r));
      },
    },
  ],
  [
    "eq",
    {
      usage: "eq(a, b)  文字列として等しいか",
      arity: 2,
      check: ([a, b], fail) => {
        requireType(a, [...TEXTUAL, "boolean"], "eq() の1番目の値", fail);
        requireType(b, [...TEXTUAL, "boolean"], "eq() の2番目の値", fail);
        return "boolean";
      },
      build: ([a, b]) => {
        const [x, y] = [a.eval, b.eval];
        return (r) => toText(x(r)) === toText(y(r));
      },
    },
  ],
  [
    "yen",
    {
      usage: "yen(金額)  12000 → 12,000",
      arity: 1,
      check: ([n], fail) => {
        requireType(n, ["number"], "yen() の値", fail);
        return "text";
      },
      build: ([n]) => {
        const x = n.eval;
        return (r) => {
          const v = toNumber(x(r));
          return v === null ? "" : formatYen(v);
        };
      },
    },
  ],
  [
    "wareki",
    {
      usage: "wareki(日付)  2024-11-30 → 令和6年11月30日",
      arity: 1,
      check: ([d], fail) => {
        requireType(d, ["date", "text"], "wareki() の値", fail);
        return "text";
      },
      build: ([d]) => {
        const x = d.eval;
        return (r) => {
          const v = toText(x(r));
          if (v === "") return "";
          if (!isIsoDate(v)) throw new RenderValueError(`wareki() の値が日付（YYYY-MM-DD）ではありません: ${v}`);
          try {
            return formatWareki(v);
          } catch (e) {
            throw new RenderValueError(e instanceof Error ? e.message : String(e));
          }
        };
      },
    },
  ],
  [
    "join",
    {
      usage: "join(リスト, 区切り)",
      arity: 2,
      check: ([list, sep], fail) => {
        requireType(list, ["list"], "join() の1番目の値", fail);
        requireType(sep, TEXTUAL, "join() の区切り", fail);
        return "text";
      },
      build: ([list, sep]) => {
        const [l, s] = [list.eval, sep.eval];
        return (r) => {
          const v = l(r);
          return Array.isArray(v) ? v.join(toText(s(r))) : toText(v);
        };
      },
    },
  ],
  [
    "truncate",
    {
      usage: "truncate(文字列, 文字数)  文字数が空欄なら切り詰めない",
      arity: 2,
      check: ([s, n], fail) => {
        requireType(s, TEXTUAL, "truncate() の1番目の値", fail);
        requireType(n, ["number"], "truncate() の文字数", fail);
        return "text";
      },
      build: ([s, n]) => {
        const [text, limit] = [s.eval, n.eval];
        return (r) => {
          const v = toText(text(r));
          const max = toNumber(limit(r));
          // Characters, not UTF-16 units: 𠮷 counts as one, as the portals count it.
          if (max === null || v.length <= max) return v;
          const chars = Array.from(v);
          return chars.length <= max ? v : chars.slice(0, Math.max(0, Math.floor(max))).join("");
        };
      },
    },
  ],
  [
    "replace",
    {
      usage: "replace(文字列, 置換前, 置換後)  すべて置換（正規表現ではない）",
      arity: 3,
      check: ([s, from, to], fail) => {
        requireType(s, TEXTUAL, "replace() の1番目の値", fail);
        requireType(from, TEXTUAL, "replace() の置換前", fail);
        requireType(to, TEXTUAL, "replace() の置換後", fail);
        return "text";
      },
      build: ([s, from, to]) => {
        const [text, f, t] = [s.eval, from.eval, to.eval];
        return (r) => {
          const v = toText(text(r));
          const needle = toText(f(r));
          return needle === "" ? v : v.split(needle).join(toText(t(r)));
        };
      },
    },
  ],
  [
    "default",
    {
      usage: "default(値, 空欄のときの値)",
      arity: 2,
      check: ([a, b], fail) => unify(a, b, "default", fail),
      build: ([a, b]) => {
        const [x, y] = [a.eval, b.eval];
        return (r) => {
          const v = x(r);
          return isEmpty(v) ? y(r) : v;
        };
      },
    },
  ],
  [
    "percent",
    {
      usage: "percent(割合, 小数桁数)  0.2985 → 29.9%",
      arity: 2,
      check: ([ratio, digits], fail) => {
        requireType(ratio, ["number"], "percent() の割合", fail);
        if (digits.literal === undefined || digits.literal > 6) fail("percent() の小数桁数は 0〜6 の整数で書いてください");
        return "text";
      },
      build: ([ratio, digits]) => {
        const x = ratio.eval;
        const places = digits.literal ?? 0;
        return (r) => {
          const v = toNumber(x(r));
          return v === null ? "" : `${(v * 100).toFixed(places)}%`;
        };
      },
    },
  ],
  [
    "html",
    {
      usage: "html(文字列)  & < > \" ' を HTML の文字参照に（説明文を HTML 欄に入れるとき）",
      arity: 1,
      check: ([s], fail) => {
        requireType(s, TEXTUAL, "html() の値", fail);
        return "text";
      },
      build: ([s]) => {
        const x = s.eval;
        return (r) => escapeHtml(toText(x(r)));
      },
    },
  ],
  [
    "lower",
    {
      usage: "lower(文字列)  英字を小文字に（楽天の商品管理番号など）",
      arity: 1,
      check: ([s], fail) => {
        requireType(s, TEXTUAL, "lower() の値", fail);
        return "text";
      },
      build: ([s]) => {
        const x = s.eval;
        return (r) => toText(x(r)).toLowerCase();
      },
    },
  ],
  [
    "item",
    {
      usage: "item(リスト, 番号)  1から数えて番号番目（画像1・画像2 … の列）。なければ空欄",
      arity: 2,
      check: ([list, n], fail) => {
        requireType(list, ["list"], "item() の1番目の値", fail);
        if (n.literal === undefined || n.literal < 1) fail("item() の番号は1以上の整数で書いてください");
        return "text";
      },
      build: ([list, n]) => {
        const l = list.eval;
        const index = (n.literal ?? 1) - 1;
        return (r) => {
          const v = l(r);
          return Array.isArray(v) ? (v[index] ?? null) : null;
        };
      },
    },
  ],
]);

/** The functions a template may call, for the template editor. */
export function expressionFunctions(): { name: string; usage: string }[] {
  return [...FUNCTIONS].map(([name, def]) => ({ name, usage: def.usage }));
}

function compileNode(node: Node): Compiled {
  switch (node.kind) {
    case "string":
      return { type: "text", eval: () => node.value, usesAction: false };
    case "number":
      return { type: "number", eval: () => node.value, usesAction: false, literal: node.value };
    case "field": {
      const def = lookupField(node.path);
      if (!def) throw new TemplateExpressionError(`${at(node.pos)}: ${unknownFieldMessage(node.path)}`);
      return { type: def.type, eval: def.get, usesAction: FIELDS_USING_ACTION.has(node.path) };
    }
    case "concat": {
      const parts = node.parts.map(compileNode);
      const fail = (message: string): never => {
        throw new TemplateExpressionError(message);
      };
      parts.forEach((p, i) => {
        requireType(p, TEXTUAL, `+ でつなぐ${i + 1}番目の値`, fail);
      });
      const evals = parts.map((p) => p.eval);
      return {
        type: "text",
        eval: (r) => {
          let out = "";
          for (const e of evals) out += toText(e(r));
          return out;
        },
        usesAction: parts.some((p) => p.usesAction),
      };
    }
    case "call": {
      const def = FUNCTIONS.get(node.name);
      if (!def) {
        throw new TemplateExpressionError(
          `${at(node.pos)}: 不明な関数です: ${node.name}()（使える関数: ${[...FUNCTIONS.keys()].join("、")}）`,
        );
      }
      if (node.args.length !== def.arity) {
        throw new TemplateExpressionError(
          `${at(node.pos)}: ${node.name}() の引数は${def.arity}個です（${node.args.length}個あります）: ${def.usage}`,
        );
      }
      const args = node.args.map(compileNode);
      const type = def.check(args, (message) => {
        throw new TemplateExpressionError(`${at(node.pos)}: ${message}`);
      });
      return { type, eval: def.build(args), usesAction: args.some((a) => a.usesAction) };
    }
  }
}

function compileExpression(source: string): Compiled {
  if (source.trim() === "") throw new TemplateExpressionError("式が空です");
  if (source.length > MAX_EXPRESSION_LENGTH) throw new TemplateExpressionError(`式が長すぎます（${MAX_EXPRESSION_LENGTH}文字まで）`);
  return compileNode(parse(source));
}

function isConstValue(value: ColumnValue): value is { const: string } {
  return typeof (value as { const?: unknown }).const === "string";
}

function isFieldValue(value: ColumnValue): value is { field: string } {
  return typeof (value as { field?: unknown }).field === "string";
}

function compileValue(value: ColumnValue): Compiled {
  if (isConstValue(value)) {
    const text = value.const;
    return { type: "text", eval: () => text, usesAction: false };
  }
  if (isFieldValue(value)) {
    const def = lookupField(value.field);
    if (!def) throw new TemplateExpressionError(unknownFieldMessage(value.field));
    return { type: def.type, eval: def.get, usesAction: FIELDS_USING_ACTION.has(value.field) };
  }
  return compileExpression(value.expr);
}

function compileColumn(value: ColumnValue): Compiled {
  const compiled = compileValue(value);
  if (compiled.type === "list") {
    const source = isFieldValue(value) ? value.field : "…";
    throw new TemplateExpressionError(`リストはそのまま列にできません。join(${source}, " ") のように文字列にしてください`);
  }
  return compiled;
}

// ---------------------------------------------------------------------------------------------------------------
// Validation (the guard for templates made in the UI)

const FORMULA_START = /^[=+\-@\t\r]/;
// A file name the portals and Windows accept: no folders, no characters Windows forbids, not hidden.
const FILE_NAME = /^(?!\.)[^\\/:*?"<>|\p{Cc}]{1,100}$/u;

const unknownKeys = (issue: { code: string; keys?: string[] }) =>
  issue.code === "unrecognized_keys" ? `不明な設定項目です: ${(issue.keys ?? []).join("、")}` : undefined;

const textLines = (what: string) =>
  z
    .array(
      z
        .array(z.string({ error: `${what}は文字列で指定してください` }).max(500, `${what}は500文字以内にしてください`))
        .max(500, `${what}行は500列までです`),
      {
        error: `${what}行は文字列の配列の配列で指定してください`,
      },
    )
    .max(10, `${what}行は10行までです`);

const fileSchema = z.strictObject(
  {
    encoding: z.enum(["cp932", "utf-8", "utf-8-bom"], { error: "文字コードは cp932・utf-8・utf-8-bom のいずれかを指定してください" }),
    delimiter: z.enum([",", "\t"], { error: "区切り文字はカンマ（,）かタブを指定してください" }),
    lineEnding: z.enum(["\r\n", "\n"], { error: "改行コードは CRLF（\\r\\n）か LF（\\n）を指定してください" }),
    quote: z.enum(["minimal", "all"], { error: "囲み方は minimal（必要なときだけ）か all（すべて）を指定してください" }),
    titleLines: textLines("タイトル").optional(),
    headerLines: textLines("見出し"),
    fileName: z
      .string({ error: "ファイル名を指定してください" })
      .regex(FILE_NAME, 'ファイル名に使えない文字が含まれているか、長さが1〜100文字ではありません（/ \\ : * ? " < > | は使えません）'),
  },
  { error: unknownKeys },
);

const columnValueSchema = z
  .strictObject(
    {
      field: z.string({ error: "field は文字列で指定してください" }).optional(),
      const: z.string({ error: "const は文字列で指定してください" }).max(10_000, "固定値は10,000文字以内にしてください").optional(),
      expr: z.string({ error: "expr は文字列で指定してください" }).optional(),
    },
    { error: unknownKeys },
  )
  .superRefine((value, ctx) => {
    const kinds = (["field", "const", "expr"] as const).filter((k) => value[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({ code: "custom", message: "値は field（項目）・const（固定値）・expr（式）のどれか1つで指定してください" });
      return;
    }
    try {
      compileColumn(value as ColumnValue);
    } catch (e) {
      if (!(e instanceof TemplateExpressionError)) throw e;
      ctx.addIssue({ code: "custom", message: e.message, path: [kinds[0]] });
    }
  })
  .transform((value): ColumnValue => {
    if (value.field !== undefined) return { field: value.field };
    if (value.const !== undefined) return { const: value.const };
    return { expr: value.expr ?? "" };
  });

const columnSchema = z.strictObject(
  {
    header: z.string({ error: "列の見出しを文字列で指定してください" }).max(500, "見出しは500文字以内にしてください"),
    value: columnValueSchema,
    required: z.boolean({ error: "required（必須）は true か false で指定してください" }).optional(),
  },
  { error: unknownKeys },
);

export const portalTemplateSchema = z
  .strictObject(
    {
      file: fileSchema,
      columns: z
        .array(columnSchema, { error: "列の定義を配列で指定してください" })
        .min(1, "列を1つ以上定義してください")
        .max(500, "列は500までです"),
      origin: z
        .strictObject(
          {
            kind: z.enum(["designed", "subset", "portal-file"], { error: "origin.kind は designed・subset・portal-file のいずれかです" }),
            fileName: z.string().max(200).optional(),
          },
          { error: unknownKeys },
        )
        .optional(),
    },
    { error: unknownKeys },
  )
  .superRefine((template, ctx) => {
    (template.file.titleLines ?? []).forEach((line, i) => {
      line.forEach((cell, j) => {
        if (FORMULA_START.test(cell)) {
          ctx.addIssue({
            code: "custom",
            path: ["file", "titleLines", i, j],
            message: `タイトル行「${cell}」は = + - @ で始められません（表計算ソフトが数式として実行します）`,
          });
        }
      });
    });
    template.file.headerLines.forEach((line, i) => {
      if (line.length !== template.columns.length) {
        ctx.addIssue({
          code: "custom",
          path: ["file", "headerLines", i],
          message: `見出し行${i + 1}の列数（${line.length}）が列の定義の数（${template.columns.length}）と一致しません`,
        });
      }
      line.forEach((cell, j) => {
        // Header lines are written verbatim (no formula guard), so a formula-like header is refused here instead.
        if (FORMULA_START.test(cell)) {
          ctx.addIssue({
            code: "custom",
            path: ["file", "headerLines", i, j],
            message: `見出し「${cell}」は = + - @ で始められません（表計算ソフトが数式として実行します）`,
          });
        }
      });
    });
  });

/**
 * Validates a template (e.g. one saved from the UI); throws ValidationError with every problem in Japanese, also
 * keyed by path (`columns.3.value.expr`) in `fields` so the editor can show each message beside its input.
 */
export function parsePortalTemplate(input: unknown): PortalTemplate {
  const result = portalTemplateSchema.safeParse(input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  const lines = result.error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    fields[path] = fields[path] ? `${fields[path]} / ${issue.message}` : issue.message;
    return path ? `${path}: ${issue.message}` : issue.message;
  });
  throw new ValidationError(`出力テンプレートに誤りがあります: ${lines.join(" / ")}`, fields);
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

export interface CompiledTemplate {
  template: PortalTemplate;
  headers: string[];
  /** per column: its value depends on action/isNew (コントロールカラム, 倉庫指定 …) */
  usesAction: boolean[];
  /** per column: a constant, which nobody would have typed per gift */
  isConst: boolean[];
  /** per column: 必須 (the portal refuses the row when it is empty) */
  required: boolean[];
  /** the row's cell texts: formula-neutralised, numbers as typed, booleans as 1/0, null as "" */
  renderRow(row: ExportRow, rowNumber?: number): string[];
}

const compiledCache = new WeakMap<PortalTemplate, CompiledTemplate>();

/** Validates and compiles a template once (cached per template object: treat a template as immutable once rendered). */
export function compilePortalTemplate(template: PortalTemplate): CompiledTemplate {
  const cached = compiledCache.get(template);
  if (cached) return cached;
  const valid = parsePortalTemplate(template);
  const columns = valid.columns.map((c) => compileColumn(c.value));
  const evals = columns.map((c) => c.eval);
  const headers = valid.columns.map((c) => c.header);
  const compiled: CompiledTemplate = {
    template,
    headers,
    usesAction: columns.map((c) => c.usesAction),
    isConst: valid.columns.map((c) => isConstValue(c.value)),
    required: valid.columns.map((c) => c.required === true),
    renderRow(row, rowNumber) {
      const cells = new Array<string>(evals.length);
      for (let i = 0; i < evals.length; i++) {
        let v: Value;
        try {
          v = evals[i](row);
        } catch (e) {
          if (!(e instanceof RenderValueError)) throw e;
          const where = rowNumber === undefined ? "" : `${rowNumber}行目・`;
          throw new ValidationError(`${where}列「${headers[i]}」（返礼品 ${row.gift.code}）: ${e.message}`);
        }
        cells[i] = typeof v === "boolean" ? (v ? "1" : "0") : Array.isArray(v) ? cellToSafeText(v.join(",")) : cellToSafeText(v);
      }
      return cells;
    },
  };
  compiledCache.set(template, compiled);
  return compiled;
}

const NEEDS_QUOTE: Readonly<Record<"," | "\t", RegExp>> = { ",": /[",\r\n]/, "\t": /["\t\r\n]/ };

// Our own quoting rather than csv-stringify: it leaves a bare CR unquoted when the record delimiter is LF (a reader
// that splits on CR then breaks the row), and this loop is about 4× faster on a 10,000-row portal file.
function joinRecord(cells: readonly string[], file: PortalFileFormat): string {
  const needsQuote = NEEDS_QUOTE[file.delimiter];
  let line = "";
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (i > 0) line += file.delimiter;
    line += file.quote === "all" || needsQuote.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
  }
  return line;
}

const LONE_SURROGATE = /\p{Cs}/u;

// Per BMP code unit: 0 = not checked yet, 1 = CP932 holds it, 2 = it does not. Filled lazily by a one-character round
// trip (the same test as platform/tabular/cp932.ts), so each distinct character is checked once per process.
const cp932Table = new Uint8Array(0x10000);

/**
 * True when CP932 holds every character of already-mapped text. A scan with the table above rather than a round trip
 * of the whole text: on a 10,000-row file this is a few ms, and a round trip would also need a second encode to
 * substitute the bad characters. CP932 is stateless, so text round-trips exactly when each of its characters does.
 */
function cp932Clean(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code >= 0xd800 && code <= 0xdfff) return false; // astral (𠮷) or a lone surrogate: never in CP932
    let known = cp932Table[code];
    if (known === 0) {
      known = unencodableCp932Chars(String.fromCharCode(code)).length === 0 ? 1 : 2;
      cp932Table[code] = known;
    }
    if (known === 2) return false;
  }
  return true;
}

/**
 * Writes records (header lines first, then data rows whose cells are already safe text) in the file's encoding.
 * For CP932 the Unicode variants are mapped first (〜→～, −→－ …, see platform/tabular/cp932.ts); every character
 * that still cannot be encoded is written as 〓 and reported with its row, column and gift.
 */
export function writePortalRecords(
  file: PortalFileFormat,
  headers: readonly string[],
  records: readonly (readonly string[])[],
  giftCodes: readonly (string | null)[],
): RenderedPortalFile {
  const eol = file.lineEnding;
  if (file.encoding === "cp932") {
    const unencodable: UnencodableCell[] = [];
    const lines = records.map((cells, r) => {
      const line = mapToCp932Variants(joinRecord(cells, file));
      if (cp932Clean(line)) return line;
      const safeCells = cells.map((cell, c) => {
        const mapped = mapToCp932Variants(cell);
        const chars = unencodableCp932Chars(mapped);
        if (chars.length === 0) return mapped;
        for (const char of chars)
          unencodable.push({ row: r + 1, column: c + 1, char, header: headers[c] ?? "", giftCode: giftCodes[r] ?? null });
        const bad = new Set(chars);
        return Array.from(mapped, (ch) => (bad.has(ch) ? UNENCODABLE_SUBSTITUTE : ch)).join("");
      });
      return joinRecord(safeCells, file);
    });
    const bytes = encodeCp932(lines.length ? lines.join(eol) + eol : "");
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), unencodable };
  }

  // UTF-8 holds every character except a lone surrogate (broken text pasted from elsewhere), which would become U+FFFD.
  const unencodable: UnencodableCell[] = [];
  const lines = records.map((cells, r) => {
    const line = joinRecord(cells, file);
    if (!LONE_SURROGATE.test(line)) return line;
    const safeCells = cells.map((cell, c) => {
      if (!LONE_SURROGATE.test(cell)) return cell;
      return Array.from(cell, (ch) => {
        if (!LONE_SURROGATE.test(ch)) return ch;
        unencodable.push({ row: r + 1, column: c + 1, char: ch, header: headers[c] ?? "", giftCode: giftCodes[r] ?? null });
        return UNENCODABLE_SUBSTITUTE;
      }).join("");
    });
    return joinRecord(safeCells, file);
  });
  const text = lines.length ? lines.join(eol) + eol : "";
  const body = new TextEncoder().encode(text);
  if (file.encoding === "utf-8") return { bytes: body, unencodable };
  const withBom = new Uint8Array(body.length + 3);
  withBom.set([0xef, 0xbb, 0xbf]);
  withBom.set(body, 3);
  return { bytes: withBom, unencodable };
}

/** The rows written before the data: title lines, then header lines. */
function leadingLines(file: PortalFileFormat): string[][] {
  return [...(file.titleLines ?? []), ...file.headerLines];
}

/** Writes already-rendered data rows (from CompiledTemplate.renderRow) after the template's title and header lines. */
export function writePortalFile(
  compiled: CompiledTemplate,
  rows: readonly (readonly string[])[],
  giftCodes: readonly string[],
): RenderedPortalFile {
  const { file } = compiled.template;
  const leading = leadingLines(file);
  return writePortalRecords(file, compiled.headers, [...leading, ...rows], [...leading.map(() => null), ...giftCodes]);
}

/**
 * The headers of the required columns (必須) that this row leaves empty: the portal would refuse the row, so the
 * check before export holds the gift with a message naming each column.
 */
export function emptyRequiredColumns(compiled: CompiledTemplate, row: ExportRow): string[] {
  if (!compiled.required.includes(true)) return [];
  const cells = compiled.renderRow(row);
  return compiled.headers.filter((_, i) => compiled.required[i] && cells[i].trim() === "");
}

/** Renders one portal's upload file from export rows. Throws ValidationError for an invalid template. */
export function renderPortalFile(template: PortalTemplate, rows: readonly ExportRow[]): RenderedPortalFile {
  const compiled = compilePortalTemplate(template);
  const offset = leadingLines(template.file).length;
  const rendered = rows.map((row, i) => compiled.renderRow(row, offset + i + 1));
  return writePortalFile(
    compiled,
    rendered,
    rows.map((r) => r.gift.code),
  );
}

/** The template's column headers as its one header line (most portals: the first line names the columns). */
export function headerLineFromColumns(columns: readonly PortalColumn[]): string[] {
  return columns.map((c) => c.header);
}
