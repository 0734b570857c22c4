// One cell read by its 正式版 column type (DatasetColumn.type) into its canonical text: dates yyyy-mm-dd, times hh:mm,
// 利用可能曜日 as 月;火;…;祝, flags "1"/"", lists joined with ";", integers without separators. A value that cannot be read
// gives a named problem; a value read with a change the publisher should know about gives a note. Pure.

import { parseJapaneseDate } from "../../../../common/dates";
import type { ColumnType } from "../../../../common/region/datasets";
import { quoted, type ValueProblem } from "./problems";

export type ValueResult = { ok: true; value: string; note?: string } | { ok: false; problem: ValueProblem };

const ok = (value: string, note?: string): ValueResult => (note ? { ok: true, value, note } : { ok: true, value });
const bad = (problem: ValueProblem): ValueResult => ({ ok: false, problem });

const ASCII = /^[\x20-\x7e]*$/;

/** NFKC (full-width digits, colons and slashes to half-width) and trimmed; plain ASCII skips the normaliser (speed). */
export function normaliseValue(value: string): string {
  const trimmed = value.trim();
  return ASCII.test(trimmed) ? trimmed : trimmed.normalize("NFKC").trim();
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT_DATE = /^(\d{4})(\d{2})(\d{2})$/;
/** Excel's date-and-time export of a date cell: the time is midnight and carries nothing. */
const MIDNIGHT_SUFFIX = /[ T]0?0:00(:00)?$/;

export function readDate(column: string, raw: string): ValueResult {
  const text = normaliseValue(raw).replace(MIDNIGHT_SUFFIX, "");
  const compact = COMPACT_DATE.exec(text);
  const parsed = parseJapaneseDate(compact ? `${compact[1]}-${compact[2]}-${compact[3]}` : text);
  if (parsed && parsed.precision === "day") return ok(parsed.iso);
  const hint = /^\d{5}$/.test(text)
    ? "Excel の日付の通し番号のようです。表計算ソフトで日付の表示形式にしてから保存し直すか、"
    : parsed
      ? "日まで入っていません。"
      : "";
  return bad({
    code: "invalid_date",
    message: `${quoted(column, raw)}は日付として読めません。${hint}2022-01-18、2026/10/10、令和8年10月10日 のように入力してください。`,
  });
}

/** True when `iso` is yyyy-mm-dd (the canonical form readDate gives). */
export function isCanonicalDate(iso: string): boolean {
  return ISO_DATE.test(iso);
}

const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const KANJI_CLOCK = /^(午前|午後)?(\d{1,2})時(?:(\d{1,2})分|(半))?$/;

export function readTime(column: string, raw: string): ValueResult {
  const text = normaliseValue(raw);
  let hour = -1;
  let minute = 0;
  let second = 0;
  const clock = CLOCK.exec(text);
  const kanji = clock ? null : KANJI_CLOCK.exec(text);
  if (clock) {
    hour = Number(clock[1]);
    minute = Number(clock[2]);
    second = clock[3] === undefined ? 0 : Number(clock[3]);
  } else if (kanji) {
    hour = Number(kanji[2]);
    minute = kanji[4] ? 30 : kanji[3] === undefined ? 0 : Number(kanji[3]);
    if (kanji[1] && hour > 12) hour = -1;
    else if (kanji[1] === "午後" && hour < 12) hour += 12;
    else if (kanji[1] === "午前" && hour === 12) hour = 0;
  }
  // 24:00 closes the day (営業時間 "～24:00"); 25:00 and later are not a clock time.
  const valid = hour >= 0 && minute >= 0 && minute <= 59 && second === 0 && (hour < 24 || (hour === 24 && minute === 0));
  if (!valid)
    return bad({
      code: "invalid_time",
      message: `${quoted(column, raw)}は時刻として読めません。9:00 や 17:30 のように、1つの時刻を入力してください（秒は付けません）。`,
    });
  return ok(`${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`);
}

/** 利用可能曜日 in the 正式版 order; 祝 is 祝日. */
export const DAY_ORDER = ["月", "火", "水", "木", "金", "土", "日", "祝"] as const;
type Day = (typeof DAY_ORDER)[number];
const WEEK: readonly Day[] = ["月", "火", "水", "木", "金", "土", "日"];
/** Words files use for sets of days. 毎日 and 無休 include 祝日; 平日 does not. */
const DAY_WORDS: readonly [string, readonly Day[]][] = [
  ["年中無休", DAY_ORDER],
  ["無休", DAY_ORDER],
  ["毎日", DAY_ORDER],
  ["全日", DAY_ORDER],
  ["平日", ["月", "火", "水", "木", "金"]],
  ["土日祝日", ["土", "日", "祝"]],
  ["土日祝", ["土", "日", "祝"]],
  ["祝祭日", ["祝"]],
  ["祝日", ["祝"]],
  ["休日", ["土", "日", "祝"]],
];
const RANGE_MARKS = new Set(["~", "-", "〜", "～", "ー", "−"]);
const SEPARATORS = /[,、・;；/\s]+/g;

/**
 * 利用可能曜日 as files write it — `月火水木金土日`, `月,火`, `月・水・金`, `月曜日、火曜日`, `月～金`, `平日`, `土日祝`, `毎日` —
 * to the 正式版 list `月;火;水;木;金` (each day once, in week order, 祝 last). Anything else (a note such as
 * 「月～金（祝日除く）」) is a problem: such notes belong in 利用可能日時特記事項.
 */
export function readDays(column: string, raw: string): ValueResult {
  const text = normaliseValue(raw).replace(/曜日|曜/g, "");
  const days = new Set<Day>();
  let rest = text.replace(SEPARATORS, ",");
  for (const [word, set] of DAY_WORDS) {
    if (!rest.includes(word)) continue;
    for (const day of set) days.add(day);
    rest = rest.split(word).join(",");
  }
  const chars = [...rest.replace(/,+/g, ",")];
  let readable = true;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === ",") continue;
    if (RANGE_MARKS.has(ch)) {
      const from = WEEK.indexOf(chars[i - 1] as Day);
      const to = WEEK.indexOf(chars[i + 1] as Day);
      if (from < 0 || to < 0) {
        readable = false;
        break;
      }
      // 金～月 wraps over the weekend
      for (let d = from; d !== to; d = (d + 1) % 7) days.add(WEEK[d]);
      continue;
    }
    if (!(DAY_ORDER as readonly string[]).includes(ch)) {
      readable = false;
      break;
    }
    days.add(ch as Day);
  }
  if (!readable || days.size === 0)
    return bad({
      code: "invalid_days",
      message: `${quoted(column, raw)}は曜日として読めません。月火水木金、月,火、平日、土日祝 のように曜日だけを入力し、注記は「利用可能日時特記事項」に書いてください。`,
    });
  return ok(DAY_ORDER.filter((day) => days.has(day)).join(";"));
}

/** `;` lists (half- or full-width); empty entries dropped, each entry trimmed. Line breaks (Excel users list that way)
 * separate entries too, and a note says so. */
export function readList(column: string, raw: string): ValueResult {
  const value = raw
    .split(/[;；\r\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean)
    .join(";");
  return ok(value, /[\r\n]/.test(raw.trim()) ? `「${column}」の改行を区切り（;）として読みました。` : undefined);
}

const FLAG_TRUE = new Set(["1", "有", "あり", "有り", "○", "〇", "◯", "true", "yes", "可", "はい"]);
const FLAG_FALSE = new Set(["", "0", "無", "なし", "無し", "×", "false", "no", "不可", "いいえ", "-"]);

/** Flags: 1/empty (災害種別_*), 有/無 and the like → "1" or "". */
export function readFlag(column: string, raw: string): ValueResult {
  const text = normaliseValue(raw).toLowerCase();
  if (FLAG_TRUE.has(text)) return ok("1");
  if (FLAG_FALSE.has(text)) return ok("");
  return bad({
    code: "invalid_flag",
    message: `${quoted(column, raw)}は有無として読めません。該当するときは 1（または 有）、しないときは空欄（または 無）にしてください。`,
  });
}

const INTEGER = /^\d{1,3}(,\d{3})+$|^\d+$/;
const COUNT_UNIT = /(人|名|台|件|か所|箇所)$/;

/** Whole numbers (定員, 想定収容人数): 1,200 → 1200; a trailing unit such as 人 is dropped and noted. */
export function readInteger(column: string, raw: string): ValueResult {
  const text = normaliseValue(raw);
  const unit = COUNT_UNIT.exec(text);
  const number = unit ? text.slice(0, -unit[1].length).trim() : text;
  if (!INTEGER.test(number))
    return bad({
      code: "invalid_integer",
      message: `${quoted(column, raw)}は数として読めません。1200 のように数字だけを入力してください。`,
    });
  const value = String(Number(number.replace(/,/g, "")));
  return ok(value, unit ? `「${column}」の単位「${unit[1]}」を除いて ${value} として読みました。` : undefined);
}

const URL_TEXT = /^https?:\/\/[^\s"<>]+$/i;

/** URLs (one, or several separated by `;`), each http(s); a missing scheme is a problem, not a guess. */
export function readUrl(column: string, raw: string): ValueResult {
  const parts = raw
    .split(/[;；]/)
    .map((part) => part.trim())
    .filter(Boolean);
  if (parts.every((part) => URL_TEXT.test(part))) return ok(parts.join(";"));
  return bad({
    code: "invalid_url",
    message: `${quoted(column, raw)}は URL として読めません。https:// から始まる URL を入力してください（複数あるときは ; で区切ります）。`,
  });
}

const PHONE = /^\+?[0-9()\- ]+$/;

/** Phone numbers: digits, hyphens, brackets (full-width ones made half-width); at least 6 digits. */
export function readPhone(column: string, raw: string): ValueResult {
  const text = normaliseValue(raw);
  const digits = text.replace(/\D/g, "").length;
  if (PHONE.test(text) && digits >= 6 && digits <= 15) return ok(text);
  return bad({
    code: "invalid_phone",
    message: `${quoted(column, raw)}は電話番号として読めません。093-582-2054 のように数字とハイフンだけを入力し、注記は「備考」に書いてください。`,
  });
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** A decimal degree as text (NFKC, no +), or null when it is not a number. */
export function readDecimal(raw: string): string | null {
  const text = normaliseValue(raw);
  if (!DECIMAL.test(text)) return null;
  return text.replace(/^\+/, "");
}

/** The value types read the same way whatever the column (text, id, code and coordinates are read by the row). */
export function readTypedValue(type: ColumnType, column: string, raw: string): ValueResult {
  switch (type) {
    case "date":
      return readDate(column, raw);
    case "time":
      return readTime(column, raw);
    case "days":
      return readDays(column, raw);
    case "list":
      return readList(column, raw);
    case "flag":
      return readFlag(column, raw);
    case "integer":
      return readInteger(column, raw);
    case "url":
      return readUrl(column, raw);
    case "phone":
      return readPhone(column, raw);
    default:
      return ok(raw.trim());
  }
}
