// The ふるさとチョイス header import's values for @mantine/form (ChoicePortalPage.tsx) and the work without the screen:
// reading and inspecting the header file, the first choice for each column, the check before saving, and where the
// server's errors go. Error keys: the basics' own (code, name, feeRatio, fieldLimits.*), headerFile, fileName and
// column.<index>.
import type { UseFormReturnType } from "@mantine/form";
import { HeaderFileError, type HeaderInspection, inspectHeaderFile } from "../../../common/furusato/header-inspect";
import { type MappedValue, suggestColumn } from "../../../common/furusato/header-mapping";
import { fm } from "./messages";
import { initialBasics, isBasicsField, type Portal, type PortalBasics } from "./portalForm";

/** Enough bytes for any header (and its first sample rows); the rest of a large sample file is not read. */
const READ_BYTES = 1024 * 1024;
/** The server's rule for an export file name (portal-template.ts FILE_NAME). */
export const FILE_NAME = /^(?!\.)[^\\/:*?"<>|\p{Cc}]{1,100}$/u;

export interface HeaderFile {
  fileName: string;
  bytes: Uint8Array;
  inspection: HeaderInspection;
  /** header rows the clerk may choose from */
  rowChoices: number;
}

type Kind = "none" | "field" | "const" | "expr";
export interface ColumnChoice {
  kind: Kind;
  field: string;
  constant: string;
  expr: string;
  required: boolean;
  /** where the first value came from, shown beside the select */
  note: string;
}
export const NO_CHOICE: ColumnChoice = { kind: "none", field: "", constant: "", expr: "", required: false, note: "" };

export interface ChoicePortalValues {
  basics: PortalBasics;
  /** the export file's name */
  fileName: string;
  /** one per column of the header, in order */
  choices: ColumnChoice[];
}
export type ChoicePortalFormApi = UseFormReturnType<ChoicePortalValues>;

export function choicePortalValues(current: Portal | null): ChoicePortalValues {
  const template = current?.template as { file?: { fileName?: string } } | undefined;
  return { basics: initialBasics(current), fileName: template?.file?.fileName ?? "", choices: [] };
}

function choiceOf(value: MappedValue | null, note: string, required: boolean): ColumnChoice {
  if (!value) return { ...NO_CHOICE, required };
  if ("field" in value) return { ...NO_CHOICE, kind: "field", field: value.field, note, required };
  if ("const" in value)
    return value.const === "" ? { ...NO_CHOICE, required } : { ...NO_CHOICE, kind: "const", constant: value.const, note, required };
  return { ...NO_CHOICE, kind: "expr", expr: value.expr, note, required };
}

/** First choices for a header: the portal's current setting for a column of the same name, else the suggestion. */
export function initialChoices(columns: readonly string[], current: Portal | null): ColumnChoice[] {
  const existing = new Map<string, { value: MappedValue; required?: boolean }>();
  const template = current?.template as { columns?: { header: string; value: MappedValue; required?: boolean }[] } | undefined;
  for (const c of template?.columns ?? []) if (!existing.has(c.header)) existing.set(c.header, c);
  return columns.map((name) => {
    const kept = existing.get(name);
    if (kept) return choiceOf(kept.value, fm.choice.kept, kept.required === true);
    const suggestion = suggestColumn(name);
    // A portal marks required columns in the name (【必須】, ※); the clerk confirms.
    const required = /必須/u.test(name.normalize("NFKC"));
    return choiceOf(suggestion?.value ?? null, suggestion ? fm.choice.suggested(suggestion.label) : "", required);
  });
}

/** The select's value: "" (空欄で出力), "const", "expr" or "field:<path>". */
export function selectValue(choice: ColumnChoice): string {
  if (choice.kind === "field") return `field:${choice.field}`;
  return choice.kind === "none" ? "" : choice.kind;
}

/** The change a select's value makes to a column's choice (the note of the first choice goes). */
export function chosen(value: string): Partial<ColumnChoice> {
  if (value.startsWith("field:")) return { kind: "field", field: value.slice("field:".length), note: "" };
  return { kind: value === "const" || value === "expr" ? value : "none", note: "" };
}

/** The columns' values for templateFromHeader, and the errors of the ones that cannot be saved (an empty 式). */
export function columnValues(choices: readonly ColumnChoice[]): {
  values: { value: MappedValue | null; required: boolean }[];
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const values = choices.map((choice, index) => {
    const required = choice.required;
    if (choice.kind === "field") return { value: { field: choice.field }, required };
    if (choice.kind === "const") return { value: { const: choice.constant }, required };
    if (choice.kind === "expr") {
      if (choice.expr.trim() === "") errors[`column.${index}`] = fm.choice.exprRequired;
      return { value: { expr: choice.expr.trim() }, required };
    }
    return { value: null, required };
  });
  return { values, errors };
}

/**
 * Where the server's field errors go: the basics' under their inputs, a column's (template.columns.3.value…) under its
 * row, the file name's under the file name, anything else of the template under the file.
 */
export function serverErrors(fields: Record<string, string>): Record<string, string> {
  const found: Record<string, string> = {};
  const add = (key: string, message: string) => {
    found[key] = found[key] ? `${found[key]}${fm.listSep}${message}` : message;
  };
  for (const [key, message] of Object.entries(fields)) {
    const path = key.replace(/^template\./, "");
    const byIndex = /^columns\.(\d+)/.exec(path);
    if (isBasicsField(key)) found[key] = message;
    else if (byIndex) add(`column.${Number(byIndex[1])}`, message);
    else if (path === "file.fileName") found.fileName = message;
    else add("headerFile", message);
  }
  return found;
}

export async function readBytes(file: File): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await file.slice(0, READ_BYTES).arrayBuffer());
  } catch {
    return null;
  }
}

export function inspect(bytes: Uint8Array, headerRow?: number): HeaderInspection | { error: string } {
  try {
    return inspectHeaderFile(bytes, { headerRow });
  } catch (error) {
    return { error: error instanceof HeaderFileError ? error.message : fm.choice.fileUnreadable };
  }
}
