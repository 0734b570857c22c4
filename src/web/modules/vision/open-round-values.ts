// The form that opens a reporting round (OpenRoundForm): its values, the body openRound takes and its checks (the
// required dates and a whole number of grace days first, then the API's schema with the same Japanese messages).
import type { FormErrors } from "@mantine/form";
import type { BodyOf } from "../../../common/api/contract";
import { openRound } from "../../../common/api/vision";
import { formatFiscalYear } from "../../../common/dates";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { bodyOf, issuesToFields, parseNumberText } from "./components";
import { vm } from "./messages";

export interface OpenRoundValues {
  name: string;
  fiscalYear: number;
  /** 和暦 or 西暦 text */
  asOf: string;
  deadline: string;
  /** days as typed */
  graceDays: string;
}

export type OpenRoundBody = BodyOf<typeof openRound>;

/** A round for the fiscal year just ended, named after it (「令和6年度末」), with a week's grace. */
export function openRoundValues(fiscalYear: number): OpenRoundValues {
  return { name: `${formatFiscalYear(fiscalYear)}末`, fiscalYear, asOf: "", deadline: "", graceDays: "7" };
}

export function openRoundBody(values: OpenRoundValues): OpenRoundBody {
  const { name, fiscalYear, asOf, deadline } = values;
  return { name, fiscalYear, asOf, deadline, graceDays: parseNumberText(values.graceDays) ?? Number.NaN };
}

export function openRoundErrors(values: OpenRoundValues): FormErrors {
  const found: Record<string, string> = {};
  const grace = parseNumberText(values.graceDays);
  if (grace === undefined || grace === null) found.graceDays = vm.rounds.numberInvalid;
  if (!values.asOf.trim()) found.asOf = vm.rounds.asOfRequired;
  if (!values.deadline.trim()) found.deadline = vm.rounds.deadlineRequired;
  const parsed = bodyOf(openRound).safeParse(openRoundBody(values), { error: japaneseErrorMap });
  if (!parsed.success) for (const [key, message] of Object.entries(issuesToFields(parsed.error.issues))) found[key] ??= message;
  return found;
}
