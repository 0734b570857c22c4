// Text that PostgreSQL cannot store: NUL (text and jsonb refuse it) and unpaired UTF-16 surrogates (no UTF-8 form;
// jsonb refuses their escapes). The router refuses such input with a 400 before a handler or the database sees it,
// wherever a request carries text: path parameters, query strings, JSON bodies (keys and values at any depth) and
// multipart fields and file names.
import type { Context } from "hono";
import { AppError } from "../errors";

// A NUL, a high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, "g");

const MESSAGE = "使用できない文字（NUL などの制御文字や、壊れた文字コード）が含まれています。入力し直してください。";
const MAX_DEPTH = 200;

export function isSafeText(text: string): boolean {
  return !UNSAFE.test(text);
}

/**
 * Where in a parsed value the first unsafe string is, as "a.1.b" (the same form as the validation errors' fields;
 * "_" for the value itself), or null when every string and key is safe. A key is named with its unsafe characters
 * replaced, so the answer never echoes them.
 */
export function unsafeTextPath(value: unknown): string | null {
  const found = walk(value, [], 0);
  return found ? found.join(".") || "_" : null;
}

function walk(value: unknown, path: string[], depth: number): string[] | null {
  if (typeof value === "string") return isSafeText(value) ? null : path;
  if (value === null || typeof value !== "object") return null;
  // JSON.parse nests at most as deep as the body allows; a pathological nesting is refused rather than recursed.
  if (depth > MAX_DEPTH) throw new AppError(400, "invalid_json", "リクエストの形式が正しくありません（入れ子が深すぎます）。");
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = walk(value[i], [...path, String(i)], depth + 1);
      if (found) return found;
    }
    return null;
  }
  for (const [key, inner] of Object.entries(value)) {
    if (!isSafeText(key)) return [...path, key.replace(UNSAFE_ALL, "\ufffd")];
    const found = walk(inner, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}

/** Throws the 400 when `value` (a parsed JSON body, a query, a form) holds unsafe text anywhere. */
export function assertSafeText(value: unknown): void {
  const path = unsafeTextPath(value);
  if (path !== null) throw new AppError(400, "invalid_text", MESSAGE, { [path]: MESSAGE });
}

/**
 * Checks the text of a request that the router reads before its contract does: path parameters, every query value
 * (repeated keys too) and, for an upload, every form field and file name. The JSON body is checked by the router
 * once it has parsed it (assertSafeText).
 */
export async function assertSafeRequestText(c: Context, multipart: boolean): Promise<void> {
  assertSafeText(c.req.param());
  assertSafeText(c.req.queries());
  if (!multipart) return;
  let form: FormData;
  try {
    form = await c.req.formData(); // cached: the handler's parseBody() reads the same parse
  } catch {
    throw new AppError(400, "invalid_form", "送信されたファイルを読み取れませんでした（multipart/form-data の形式が正しくありません）。");
  }
  for (const [key, entry] of form.entries()) {
    const text = typeof entry === "string" ? entry : entry.name; // a file: its name (its bytes are checked by type)
    if (!isSafeText(key) || !isSafeText(text)) {
      const field = key.replace(UNSAFE_ALL, "\ufffd") || "_";
      throw new AppError(400, "invalid_text", MESSAGE, { [field]: MESSAGE });
    }
  }
}
