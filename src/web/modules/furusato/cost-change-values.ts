// 費用を改定 (GiftCosts.tsx): the form's values (text, as typed) and their checks, and the body sent to changeGiftCost.
import type { FormErrors } from "@mantine/form";
import type { GiftDetail } from "../../../common/api/furusato";
import { parseJapaneseDate, todayInJapan } from "../../../common/dates";
import { m } from "../../messages";
import { parseNumberText } from "./components";
import { fm } from "./messages";

export interface CostChangeValues {
  effectiveFrom: string;
  procurementCost: string;
  shippingCost: string;
}

/** Today, and the gift's current costs to start from. */
export function costChangeValues(gift: Pick<GiftDetail, "procurementCost" | "shippingCost">): CostChangeValues {
  return {
    effectiveFrom: todayInJapan(),
    procurementCost: gift.procurementCost === null ? "" : String(gift.procurementCost),
    shippingCost: gift.shippingCost === null ? "" : String(gift.shippingCost),
  };
}

function yenError(text: string, requiredMessage: string): string | undefined {
  const value = parseNumberText(text);
  if (value === null) return requiredMessage;
  if (value === undefined || !Number.isInteger(value) || value < 0) return fm.form.numberInvalid;
  return undefined;
}

export function costChangeErrors(values: CostChangeValues): FormErrors {
  const errors: FormErrors = {};
  if (!values.effectiveFrom.trim()) errors.effectiveFrom = fm.costs.dateRequired;
  else if (!parseJapaneseDate(values.effectiveFrom)) errors.effectiveFrom = m.date.invalid;
  const procurement = yenError(values.procurementCost, fm.form.procurementRequired);
  if (procurement) errors.procurementCost = procurement;
  const shipping = yenError(values.shippingCost, fm.form.shippingRequired);
  if (shipping) errors.shippingCost = shipping;
  return errors;
}

/** The body for values that passed costChangeErrors (the server reads the date as typed). */
export function costChangeBody(values: CostChangeValues): { effectiveFrom: string; procurementCost: number; shippingCost: number } {
  return {
    effectiveFrom: values.effectiveFrom.trim(),
    procurementCost: parseNumberText(values.procurementCost) as number,
    shippingCost: parseNumberText(values.shippingCost) as number,
  };
}
