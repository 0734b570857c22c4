// The value-entry form of an indicator (IndicatorEntryForm): what its inputs hold, the checks the API's addActual body
// makes (run in the browser first, with the same Japanese messages), and the body it sends.
import type { FormErrors } from "@mantine/form";
import type { BodyOf } from "../../../common/api/contract";
import { addActual, type STATUS_RATINGS } from "../../../common/api/vision";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { bodyOf, issuesToFields, parseNumberText } from "./components";
import { vm } from "./messages";

export interface EntryValues {
  fiscalYear: number;
  /** 和暦 or 西暦 text; empty = the end of the fiscal year */
  asOf: string;
  /** the number as typed (numeric indicators) */
  value: string;
  /** one of STATUS_RATINGS, or "" (status indicators) */
  statusRating: string;
  note: string;
}

export type EntryBody = BodyOf<typeof addActual>;

export function emptyEntry(fiscalYear: number): EntryValues {
  return { fiscalYear, asOf: "", value: "", statusRating: "", note: "" };
}

/** The body addActual takes; an unreadable number becomes null (entryErrors reports it). */
export function entryBody(values: EntryValues, numeric: boolean): EntryBody {
  const asOf = values.asOf.trim();
  return {
    fiscalYear: values.fiscalYear,
    asOf: asOf ? asOf : null,
    value: numeric ? (parseNumberText(values.value) ?? null) : null,
    statusRating: !numeric && values.statusRating ? (values.statusRating as (typeof STATUS_RATINGS)[number]) : null,
    note: values.note,
  };
}

/** The form's errors: an unreadable number, then the body schema's rules keyed by field. */
export function entryErrors(values: EntryValues, numeric: boolean): FormErrors {
  const found: Record<string, string> = {};
  if (numeric && parseNumberText(values.value) === undefined) found.value = vm.indicator.numberInvalid;
  const parsed = bodyOf(addActual).safeParse(entryBody(values, numeric), { error: japaneseErrorMap });
  if (!parsed.success) {
    const fields = issuesToFields(parsed.error.issues);
    // the "value or status" rule points at value; for a status indicator it belongs to the status select
    if (!numeric && fields.value) fields.statusRating ??= fields.value;
    for (const [key, message] of Object.entries(fields)) found[key] ??= message;
  }
  return found;
}
