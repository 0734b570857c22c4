// The functions a template expression may call (if eq yen wareki join truncate replace default percent html lower item),
// each with its type check and its evaluation, and the value helpers they share with the compiler.
import { formatWareki, isIsoDate } from "../../../common/dates";
import type { Evaluator, Value, ValueType } from "./portal-template-fields";

/** An expression or column value after the type check: its type and its evaluation. */
export interface Compiled {
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

export const TEXTUAL: readonly ValueType[] = ["text", "number", "date"];

function isEmpty(v: Value): boolean {
  return v === null || v === "" || (Array.isArray(v) && v.length === 0);
}

function truthy(v: Value): boolean {
  if (Array.isArray(v)) return v.length > 0;
  return v !== null && v !== "" && v !== 0 && v !== false;
}

/** Text of a value inside an expression: null → "", booleans 1/0, lists comma-joined (the type check keeps lists out). */
export function toText(v: Value): string {
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

const HTML_SPECIAL = /[&<>"']/;

function escapeHtml(text: string): string {
  // Most text has nothing to escape: a test is cheaper than a replace that calls back for nothing.
  return HTML_SPECIAL.test(text) ? text.replace(/[&<>"']/g, (ch) => HTML_ENTITIES[ch]) : text;
}

/** An error while rendering a value of valid data (e.g. an impossible date); renderPortalFile adds row and column. */
export class RenderValueError extends Error {}

interface FunctionDef {
  /** how the template editor shows it */
  usage: string;
  arity: number;
  /** checks the argument types and returns the result type; throws TemplateExpressionError with a Japanese message */
  check(args: Compiled[], fail: (message: string) => never): ValueType;
  build(args: Compiled[]): Evaluator;
}

export function requireType(arg: Compiled, allowed: readonly ValueType[], what: string, fail: (m: string) => never): void {
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

export const FUNCTIONS: ReadonlyMap<string, FunctionDef> = new Map<string, FunctionDef>([
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
          return needle === "" || !v.includes(needle) ? v : v.split(needle).join(toText(t(r)));
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
