// The header line of a kintone CSV export: which column marks the start of a record, whether the headers are field
// names (フィールド名) or field codes (フィールドコード), and what each other column holds — a field, a field of a
// subtable when the header says so (`相手先.国`, `partners.partner_country`), or one choice of a check box
// (`テーマ[環境]`: kintone's 「チェックボックスの選択肢ごとに列を分ける」). Headers without a dot leave the subtable
// open: subtables.ts works it out from the lines, unless the clerk's correction (`subtableOf`) says.

/** The record-start column's header: 「レコードの開始行」 with field names, `*` with field codes. */
export const RECORD_START_NAME = "レコードの開始行";
export const RECORD_START_CODE = "*";

export type HeaderKind = "names" | "codes";

export interface KintoneColumn {
  /** position in the file's line (0 = first column) */
  index: number;
  header: string;
  /** the field the column fills: the header without its subtable prefix and check-box choice */
  field: string;
  /** the subtable the column belongs to, null for a main field (メインの項目) */
  subtable: string | null;
  /** for a column per check-box choice, the choice (`テーマ[環境]` → 環境); null otherwise */
  choice: string | null;
}

/** A column as the header alone leaves it: `subtable` undefined when only the lines can tell. */
export interface HeaderColumn extends Omit<KintoneColumn, "subtable"> {
  subtable: string | null | undefined;
}

export interface HeaderProblem {
  column: string | null;
  problem: string;
}

export interface HeaderAnalysis {
  headerKind: HeaderKind;
  /** the record-start column, or null when the file has none (an export without subtables: one line = one record) */
  recordStart: number | null;
  columns: HeaderColumn[];
  /** true when some header is dotted: then the dotted ones are the subtables' columns and all others main fields */
  dotted: boolean;
  problems: HeaderProblem[];
}

// A field code is letters, digits and _ (kintone allows more, but its default codes for Japanese names are the names
// themselves, so a header of only these characters says "codes" and anything else says "names").
const CODE_PATTERN = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const CHOICE_PATTERN = /^(.*\S)\s*\[([^[\]]+)\]$/;

function splitChoice(text: string): { field: string; choice: string | null } {
  const m = CHOICE_PATTERN.exec(text);
  return m ? { field: m[1], choice: m[2].trim() } : { field: text, choice: null };
}

/** `相手先.国` → [相手先, 国]; a dot at either end (`No.`) is part of a name, not a subtable prefix. */
function splitDotted(header: string): [string, string] | null {
  const base = splitChoice(header).field;
  const at = base.indexOf(".");
  if (at <= 0 || at === base.length - 1) return null;
  return [header.slice(0, at), header.slice(at + 1)];
}

function isRecordStart(header: string): boolean {
  return header === RECORD_START_CODE || header === RECORD_START_NAME;
}

/**
 * Reads the header line. `subtableOf` is the clerk's correction, by column header: a subtable's name, or null for a
 * main field; it wins over the dots and over the lines.
 */
export function analyzeHeader(header: readonly string[], subtableOf: Readonly<Record<string, string | null>> = {}): HeaderAnalysis {
  const problems: HeaderProblem[] = [];
  const startAt = header.findIndex(isRecordStart);
  const recordStart = startAt >= 0 ? startAt : null;
  if (recordStart !== null && recordStart !== 0) {
    problems.push({
      column: header[recordStart],
      problem: `「${header[recordStart]}」の列が先頭にありません（kintone の書き出しでは1列目です）`,
    });
  }
  const others = header.filter((_, i) => i !== recordStart);
  // A dotted header the clerk calls a main field (`No.1.概要`) does not make the file one with dotted subtables.
  const dotted = others.some((h) => splitDotted(h) !== null && subtableOf[h] !== null);
  let headerKind: HeaderKind;
  if (recordStart !== null) headerKind = header[recordStart] === RECORD_START_CODE ? "codes" : "names";
  else
    headerKind =
      others.length > 0 && others.every((h) => CODE_PATTERN.test((splitDotted(h)?.[1] ?? splitChoice(h).field).trim())) ? "codes" : "names";

  const placed: { index: number; header: string; subtable: string | null | undefined; rest: string }[] = [];
  for (const [index, text] of header.entries()) {
    if (index === recordStart) continue;
    if (text === "") problems.push({ column: null, problem: `${index + 1}列目の見出しが空欄です` });
    const split = splitDotted(text);
    let subtable: string | null | undefined;
    let rest = text;
    if (Object.hasOwn(subtableOf, text)) {
      subtable = subtableOf[text];
      if (subtable !== null && split) rest = split[1];
    } else if (split) {
      [subtable, rest] = split;
    } else {
      subtable = dotted ? null : undefined;
    }
    placed.push({ index, header: text, subtable, rest });
  }
  // A check box gives a column per choice, so a bracketed header alone (「予算[千円]」) is a field's name, not a choice.
  const choiceColumns = new Map<string, number>();
  const fieldKey = (p: (typeof placed)[number]) => `${p.subtable}\u0000${splitChoice(p.rest).field}`;
  for (const p of placed)
    if (splitChoice(p.rest).choice !== null) choiceColumns.set(fieldKey(p), (choiceColumns.get(fieldKey(p)) ?? 0) + 1);
  const columns: HeaderColumn[] = placed.map((p) => {
    const { field, choice } = (choiceColumns.get(fieldKey(p)) ?? 0) >= 2 ? splitChoice(p.rest) : { field: p.rest, choice: null };
    return { index: p.index, header: p.header, field, subtable: p.subtable, choice };
  });
  return { headerKind, recordStart, columns, dotted, problems };
}
