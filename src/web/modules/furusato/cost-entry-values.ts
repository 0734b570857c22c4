// 経費の手入力 (CostEntries.tsx): the form's values (text, as typed), their checks with the API's own schema (so the
// messages are the server's), and the body sent to createCostEntry.
import type { FormErrors } from "@mantine/form";
import { costEntryInput } from "../../../common/api/furusato-money";
import type { CostCategory } from "../../../common/furusato/donation";
import { zodResolver } from "../../ui/zodForm";
import { parseNumberText } from "./components";
import { mm } from "./money-messages";

export interface CostEntryValues {
  category: CostCategory;
  amount: string;
  incurredOn: string;
  description: string;
}

export const EMPTY_COST_ENTRY: CostEntryValues = { category: "広報", amount: "", incurredOn: "", description: "" };

function costEntryBody(values: CostEntryValues, fiscalYear: number) {
  const amount = parseNumberText(values.amount);
  return {
    fiscalYear,
    category: values.category,
    amount: typeof amount === "number" ? amount : Number.NaN,
    incurredOn: values.incurredOn.trim(),
    description: values.description,
  };
}

const schemaErrors = zodResolver(costEntryInput);

export function costEntryErrors(values: CostEntryValues, fiscalYear: number): FormErrors {
  const errors: FormErrors = {};
  const amount = parseNumberText(values.amount);
  if (amount === null) errors.amount = mm.ledger.amountRequired;
  else if (amount === undefined) errors.amount = mm.ledger.amountInvalid;
  if (!values.incurredOn.trim()) errors.incurredOn = mm.ledger.dateRequired;
  // The form's own "enter a value" messages come first; the schema says what is wrong with what was entered.
  return { ...schemaErrors(costEntryBody(values, fiscalYear)), ...errors };
}

/** The body for values that passed costEntryErrors: the date read (as the server reads it) and the text trimmed. */
export function costEntryPayload(values: CostEntryValues, fiscalYear: number) {
  return costEntryInput.parse(costEntryBody(values, fiscalYear));
}
