// The gift form's values for @mantine/form and their checks. The values are what the inputs hold (text for numbers and
// dates); their paths follow giftDetailsSchema ("applicationPeriod.from", "subscription.deliveries",
// "certifications.0.name"), so the schema's errors and the server's land on the right input without renaming.
import type { FormErrors, UseFormReturnType } from "@mantine/form";
import type { GiftDetail } from "../../../common/api/furusato";
import { parseJapaneseDate } from "../../../common/dates";
import {
  type ALLERGEN_STATES,
  type GiftDetails,
  giftDetailsSchema,
  type LOCAL_PRODUCT_TYPES,
  REQUIRED_ALLERGENS,
} from "../../../common/furusato/gift-schema";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { m } from "../../messages";
import { zodResolver } from "../../ui/zodForm";
import { parseNumberText } from "./components";
import { fm } from "./messages";

type AllergenState = (typeof ALLERGEN_STATES)[number];
export type LocalType = (typeof LOCAL_PRODUCT_TYPES)[number];

export interface CertificationRow {
  /** a React key that stays with the row when an earlier row is removed */
  key: number;
  name: string;
  validFrom: string;
  validUntil: string;
}

export interface GiftFormValues {
  supplierId: string;
  title: string;
  catchCopy: string;
  description: string;
  contents: string;
  shippingSize: string;
  temperature: string;
  handlingNotes: string;
  bestBefore: string;
  originOfIngredients: string;
  placeOfProcessing: string;
  applicationPeriod: { from: string; until: string };
  deliveryPeriod: string;
  limitedQuantity: string;
  noshi: boolean;
  wrapping: boolean;
  /** one address a line */
  imageUrls: string;
  allergens: Record<string, AllergenState>;
  subscription: { enabled: boolean; deliveries: string; schedule: string };
  localProductType: LocalType | "";
  localProductReason: string;
  rawMaterialSamePrefecture: "yes" | "no" | "";
  evidenceFileIds: string[];
  certifications: CertificationRow[];
  /** the first costs, asked only when a gift is registered */
  procurementCost: string;
  shippingCost: string;
  costEffectiveFrom: string;
}

export type GiftFormApi = UseFormReturnType<GiftFormValues>;

/** The message of a field (or of the first item under it, for a path such as "imageUrls"), for inputs that take a string. */
export function fieldError(form: GiftFormApi, path: string, withItems = false): string | undefined {
  const own = form.errors[path];
  if (own) return String(own);
  if (!withItems) return undefined;
  const item = Object.entries(form.errors).find(([key, message]) => key.startsWith(`${path}.`) && message);
  return item ? String(item[1]) : undefined;
}

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

let rowKey = 0;
export const nextRowKey = () => ++rowKey;

export function emptyCertification(): CertificationRow {
  return { key: nextRowKey(), name: "", validFrom: "", validUntil: "" };
}

export function giftFormValues(gift?: GiftDetail): GiftFormValues {
  // A supplier revising a proposal that is still waiting starts from the proposal, not from the live details.
  const d = gift?.editProposes && gift.pendingDetails ? gift.pendingDetails : gift?.details;
  const allergens: Record<string, AllergenState> = {};
  for (const name of REQUIRED_ALLERGENS) allergens[name] = "未確認";
  Object.assign(allergens, d?.allergens ?? {});
  return {
    supplierId: gift?.supplierId ?? "",
    title: d?.title ?? "",
    catchCopy: d?.catchCopy ?? "",
    description: d?.description ?? "",
    contents: d?.contents ?? "",
    shippingSize: d?.shippingSize ?? "",
    temperature: d?.temperature ?? "",
    handlingNotes: d?.handlingNotes ?? "",
    bestBefore: d?.bestBefore ?? "",
    originOfIngredients: d?.originOfIngredients ?? "",
    placeOfProcessing: d?.placeOfProcessing ?? "",
    applicationPeriod: { from: d?.applicationPeriod.from ?? "", until: d?.applicationPeriod.until ?? "" },
    deliveryPeriod: d?.deliveryPeriod ?? "",
    limitedQuantity: d?.limitedQuantity ? String(d.limitedQuantity) : "",
    noshi: d?.noshi ?? false,
    wrapping: d?.wrapping ?? false,
    imageUrls: (d?.imageUrls ?? []).join("\n"),
    allergens,
    subscription: {
      enabled: Boolean(d?.subscription),
      deliveries: d?.subscription ? String(d.subscription.deliveries) : "",
      schedule: d?.subscription?.schedule ?? "",
    },
    localProductType: d?.localProductType ?? "",
    localProductReason: d?.localProductReason ?? "",
    rawMaterialSamePrefecture: d?.rawMaterialSamePrefecture === true ? "yes" : d?.rawMaterialSamePrefecture === false ? "no" : "",
    evidenceFileIds: d?.evidenceFileIds ?? [],
    certifications: (d?.certifications ?? []).map((c) => ({
      key: nextRowKey(),
      name: c.name,
      validFrom: c.validFrom ?? "",
      validUntil: c.validUntil ?? "",
    })),
    procurementCost: "",
    shippingCost: "",
    costEffectiveFrom: todayIso(),
  };
}

/** The values as the schema's input, plus errors for numbers that could not be read. */
function toDetails(values: GiftFormValues): { details: unknown; errors: FormErrors } {
  const errors: FormErrors = {};
  const number = (key: string, text: string): number | null => {
    const n = parseNumberText(text);
    if (n === undefined) {
      errors[key] = fm.form.numberInvalid;
      return null;
    }
    return n;
  };
  const date = (text: string) => (text.trim() ? text.trim() : null);
  const limitedQuantity = number("limitedQuantity", values.limitedQuantity);
  const subscription = values.subscription;
  const deliveries = subscription.enabled ? number("subscription.deliveries", subscription.deliveries) : null;
  const details = {
    title: values.title,
    catchCopy: values.catchCopy,
    description: values.description,
    contents: values.contents,
    shippingSize: values.shippingSize,
    temperature: values.temperature || undefined,
    handlingNotes: values.handlingNotes,
    allergens: values.allergens,
    bestBefore: values.bestBefore,
    originOfIngredients: values.originOfIngredients,
    placeOfProcessing: values.placeOfProcessing,
    applicationPeriod: { from: date(values.applicationPeriod.from), until: date(values.applicationPeriod.until) },
    deliveryPeriod: values.deliveryPeriod,
    limitedQuantity,
    noshi: values.noshi,
    wrapping: values.wrapping,
    imageUrls: values.imageUrls
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    subscription: subscription.enabled ? { deliveries: deliveries ?? Number.NaN, schedule: subscription.schedule } : null,
    localProductType: values.localProductType || null,
    localProductReason: values.localProductReason,
    rawMaterialSamePrefecture:
      values.localProductType === "3イ"
        ? values.rawMaterialSamePrefecture === ""
          ? null
          : values.rawMaterialSamePrefecture === "yes"
        : null,
    evidenceFileIds: values.evidenceFileIds,
    certifications: values.certifications.map((c) => ({ name: c.name, validFrom: date(c.validFrom), validUntil: date(c.validUntil) })),
  };
  return { details, errors };
}

const detailsErrors = zodResolver(giftDetailsSchema);

/** Who fills the form in: a new gift asks for its supplier (staff only) and its first costs. */
export interface GiftFormContext {
  isNew: boolean;
  isPartner: boolean;
}

/** A cost in whole yen (0 or more): the number, or the message for the input. */
function yen(text: string, required: string): number | string {
  const n = parseNumberText(text);
  if (n === null) return required;
  if (n === undefined || !Number.isInteger(n) || n < 0) return fm.form.numberInvalid;
  return n;
}

/**
 * Every check the form makes before it sends: the shared giftDetailsSchema (the API's own limits and messages), the
 * numbers it could not read, and for a new gift the supplier and the first costs. Keys are the form's paths.
 */
export function giftFormErrors(values: GiftFormValues, context: GiftFormContext): FormErrors {
  const { details, errors: numberErrors } = toDetails(values);
  const errors: FormErrors = { ...detailsErrors(details), ...numberErrors };
  if (context.isNew) {
    if (!context.isPartner && !values.supplierId) errors.supplierId = fm.form.supplierRequired;
    const procurement = yen(values.procurementCost, fm.form.procurementRequired);
    if (typeof procurement === "string") errors.procurementCost = procurement;
    const shipping = yen(values.shippingCost, fm.form.shippingRequired);
    if (typeof shipping === "string") errors.shippingCost = shipping;
    if (!values.costEffectiveFrom.trim()) errors.costEffectiveFrom = fm.costs.dateRequired;
    else if (!parseJapaneseDate(values.costEffectiveFrom)) errors.costEffectiveFrom = m.date.invalid;
  }
  return errors;
}

export interface GiftPayload {
  details: GiftDetails;
  procurementCost: number;
  shippingCost: number;
  costEffectiveFrom: string;
}

/** What the API receives, from values that passed giftFormErrors (the costs count only for a new gift). */
export function giftPayload(values: GiftFormValues): GiftPayload {
  const details = giftDetailsSchema.parse(toDetails(values).details, { error: japaneseErrorMap });
  const cost = (text: string) => {
    const n = parseNumberText(text);
    return typeof n === "number" ? n : 0;
  };
  return {
    details,
    procurementCost: cost(values.procurementCost),
    shippingCost: cost(values.shippingCost),
    costEffectiveFrom: values.costEffectiveFrom.trim(),
  };
}

/** Server field keys are "details.title"; the form's are "title". */
export function formKeys(fields: Record<string, string>): FormErrors {
  const out: FormErrors = {};
  for (const [key, message] of Object.entries(fields)) out[key.replace(/^details\./, "")] = message;
  return out;
}
