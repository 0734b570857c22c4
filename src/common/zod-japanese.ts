// zod helpers for values as Japanese staff type them (和暦 dates, full-width digits, 1,234 with commas) and a
// Japanese error map, shared by import validation and forms. Kept out of zod's global config on purpose: a
// per-parse map leaves other schemas' messages alone, and a schema's own message still wins over it.
import { z } from "zod";
import { parseJapaneseDate } from "./dates.js";

export const MESSAGE_REQUIRED = "必須です";
export const MESSAGE_NUMBER = "数値で入力してください";
export const MESSAGE_INTEGER = "整数で入力してください";
export const MESSAGE_DATE = "日付の形式が正しくありません（例: 令和6年11月30日 / 2024-11-30）";
export const MESSAGE_INVALID = "入力内容が正しくありません";

/** Any date parseJapaneseDate reads (令和6年11月30日, 令和6年11月末, R6.11.30, 2024/11/30 …), as ISO "YYYY-MM-DD". */
export const zJapaneseDate = z.string().transform((input, ctx) => {
  const parsed = parseJapaneseDate(input);
  if (!parsed) {
    ctx.addIssue({ code: "custom", message: MESSAGE_DATE, input });
    return z.NEVER;
  }
  return parsed.iso;
});

function halfWidthDigits(text: string): string {
  return text.replace(/[０-９．－，＋]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
}

/** "1,234" / "１２３４" / " 12.5 " → number; an empty cell → undefined (so a required number says 必須です). */
export function toNumberInput(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = halfWidthDigits(value).replace(/[,\s]/g, "").replace(/^−/, "-");
  if (text === "") return undefined;
  const n = Number(text);
  return /^[+-]?(\d+\.?\d*|\.\d+)$/.test(text) && Number.isFinite(n) ? n : value;
}

/**
 * A number cell. Pass the number rules as the argument: zNumberCell(z.number().int().min(0)). For an optional
 * number outside import rows (where empty cells are already undefined) put .optional() inside:
 * zNumberCell(z.number().optional()), because the empty string only becomes undefined inside the preprocess.
 */
export function zNumberCell<T extends z.ZodType = z.ZodNumber>(inner?: T) {
  return z.preprocess(toNumberInput, inner ?? z.number());
}

type Issue = z.core.$ZodRawIssue;

function typeMessage(issue: Extract<Issue, { code: "invalid_type" }>): string {
  if (issue.input === undefined || issue.input === null || issue.input === "") return MESSAGE_REQUIRED;
  switch (issue.expected) {
    case "int":
      return MESSAGE_INTEGER;
    case "number":
    case "bigint":
      return MESSAGE_NUMBER;
    case "date":
      return MESSAGE_DATE;
    case "boolean":
      return "「はい」か「いいえ」で入力してください";
    default:
      return MESSAGE_INVALID;
  }
}

function sizeMessage(issue: Extract<Issue, { code: "too_small" | "too_big" }>): string {
  const small = issue.code === "too_small";
  const limit = Number(small ? issue.minimum : issue.maximum);
  const inclusive = issue.inclusive !== false;
  if (issue.origin === "string") {
    if (small && limit <= 1) return MESSAGE_REQUIRED;
    return small ? `${limit}文字以上で入力してください` : `${limit}文字以内で入力してください`;
  }
  if (issue.origin === "array" || issue.origin === "set") {
    return small ? `${limit}件以上を指定してください` : `${limit}件以内で指定してください`;
  }
  if (small) return inclusive ? `${limit}以上の値を入力してください` : `${limit}より大きい値を入力してください`;
  return inclusive ? `${limit}以下の値を入力してください` : `${limit}未満の値を入力してください`;
}

function formatMessage(format: string): string {
  switch (format) {
    case "email":
      return "メールアドレスの形式が正しくありません";
    case "url":
      return "URLの形式が正しくありません";
    case "date":
    case "datetime":
      return MESSAGE_DATE;
    default:
      return "形式が正しくありません";
  }
}

/** zod issue → Japanese message, for `schema.safeParse(data, { error: japaneseErrorMap })`. */
export function japaneseErrorMap(issue: Issue): string {
  switch (issue.code) {
    case "invalid_type":
      return typeMessage(issue);
    case "too_small":
    case "too_big":
      return sizeMessage(issue);
    case "invalid_format":
      return formatMessage(issue.format);
    case "invalid_value":
      return `次のいずれかを入力してください: ${issue.values.map(String).join("、")}`;
    case "not_multiple_of":
      return `${String(issue.divisor)}の倍数で入力してください`;
    default:
      return MESSAGE_INVALID;
  }
}
