// The 取込設定 editor's values for @mantine/form (MappingEditor.tsx) and their check. The values are what the inputs
// hold (the heading row as typed, rows of headings, value maps and prefixes); error keys are the inputs' paths
// ("columns.donorName.1.text", "valueMaps.status.0.target", "prefixes.2.text"), plus "columns.<field>" for a field as a
// whole and "form" for what belongs to no input. The config is checked with the API's own schema.
import type { UseFormReturnType } from "@mantine/form";
import type { MappingDetail } from "../../../common/api/furusato-ledger";
import {
  DONATION_FIELDS,
  type DonationField,
  type DonationMappingConfig,
  donationMappingConfigSchema,
  MAPPED_FIELDS,
  type MappedField,
} from "../../../common/furusato/donation-mapping";
import { japaneseErrorMap, toNumberInput } from "../../../common/zod-japanese";
import { lm } from "./ledgerMessages";
import { FLAG_FIELDS } from "./ledgerQueries";

const t = lm.editor;
export const MAPPING_FIELDS = Object.keys(DONATION_FIELDS) as DonationField[];

let lastId = 0;
/** A React key that stays with a row when an earlier row is removed. */
const newId = () => {
  lastId += 1;
  return lastId;
};

export interface TextRow {
  id: number;
  text: string;
}
export interface ValueRow {
  id: number;
  source: string;
  target: string;
}
export interface MappingFormValues {
  name: string;
  headerRow: string;
  columns: Record<DonationField, TextRow[]>;
  valueMaps: Record<MappedField, ValueRow[]>;
  defaults: { paymentMethod: string; status: string };
  prefixes: TextRow[];
}
export type MappingFormApi = UseFormReturnType<MappingFormValues>;

export const textRow = (text = ""): TextRow => ({ id: newId(), text });
export const valueRow = (source = "", target = ""): ValueRow => ({ id: newId(), source, target });

export function mappingFormValues(detail: Pick<MappingDetail, "name" | "config">): MappingFormValues {
  const { config } = detail;
  return {
    name: detail.name,
    headerRow: String(config.headerRow),
    columns: Object.fromEntries(
      MAPPING_FIELDS.map((field) => [field, (config.columns[field] ?? []).map((text) => textRow(text))]),
    ) as MappingFormValues["columns"],
    valueMaps: Object.fromEntries(
      MAPPED_FIELDS.map((field) => [
        field,
        Object.entries((config.valueMaps[field] ?? {}) as Record<string, string | boolean>).map(([source, target]) =>
          valueRow(source, String(target)),
        ),
      ]),
    ) as MappingFormValues["valueMaps"],
    defaults: { paymentMethod: config.defaults.paymentMethod ?? "", status: config.defaults.status ?? "" },
    prefixes: config.residentAddressPrefixes.map((text) => textRow(text)),
  };
}

/**
 * The values as the API's name and config, the config checked with donationMappingConfigSchema and the name with the
 * same limits; `value` is set when there is nothing to correct. Blank rows are left out; a field whose headings are all
 * blank is not imported.
 */
export function checkMapping(values: MappingFormValues): {
  value: { name: string; config: DonationMappingConfig } | null;
  errors: Record<string, string>;
} {
  const errors: Record<string, string> = {};
  const headerRow = toNumberInput(values.headerRow.trim());
  if (typeof headerRow !== "number" || !Number.isInteger(headerRow)) errors.headerRow = t.headerRowInvalid;

  const columns: Partial<Record<DonationField, string[]>> = {};
  for (const field of MAPPING_FIELDS) {
    const rows = values.columns[field];
    if (rows.every((row) => row.text.trim() === "")) continue;
    // Keep blank rows among filled ones so that the schema's issue index is the row's index.
    columns[field] = rows.map((row) => row.text.trim());
  }

  const valueMaps: Record<string, Record<string, string | boolean>> = {};
  for (const field of MAPPED_FIELDS) {
    const map: Record<string, string | boolean> = {};
    values.valueMaps[field].forEach((row, index) => {
      const source = row.source.trim();
      if (source === "" && row.target === "") return;
      const path = `valueMaps.${field}.${index}`;
      if (source === "") errors[`${path}.source`] = t.sourceRequired;
      else if (source in map) errors[`${path}.source`] = t.duplicateSource;
      if (row.target === "") errors[`${path}.target`] = t.targetRequired;
      if (source !== "" && row.target !== "") map[source] = FLAG_FIELDS.includes(field) ? row.target === "true" : row.target;
    });
    if (Object.keys(map).length > 0) valueMaps[field] = map;
  }

  // The indexes of the filled prefixes, so that the schema's issue index leads back to the input.
  const prefixIndexes = values.prefixes.flatMap((row, index) => (row.text.trim() === "" ? [] : [index]));
  const name = values.name.trim();
  if (name === "") errors.name = t.nameRequired;
  else if (name.length > 100) errors.name = t.nameTooLong;
  const config = {
    headerRow: typeof headerRow === "number" ? headerRow : 1,
    columns,
    valueMaps,
    defaults: {
      ...(values.defaults.paymentMethod ? { paymentMethod: values.defaults.paymentMethod } : {}),
      ...(values.defaults.status ? { status: values.defaults.status } : {}),
    },
    residentAddressPrefixes: prefixIndexes.map((index) => values.prefixes[index].text.trim()),
  };
  const parsed = donationMappingConfigSchema.safeParse(config, { error: japaneseErrorMap });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [section, key, index] = issue.path;
      let errorKey = "form";
      if (section === "headerRow") errorKey = "headerRow";
      else if (section === "columns" && typeof key === "string") {
        errorKey = typeof index === "number" ? `columns.${key}.${index}.text` : `columns.${key}`;
      } else if (section === "valueMaps" && typeof key === "string" && typeof index === "string") {
        const row = values.valueMaps[key as MappedField]?.findIndex((r) => r.source.trim() === index) ?? -1;
        if (row >= 0) errorKey = `valueMaps.${key}.${row}.target`;
      } else if (section === "residentAddressPrefixes" && typeof key === "number") {
        const row = prefixIndexes[key];
        if (row !== undefined) errorKey = `prefixes.${row}.text`;
      }
      errors[errorKey] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { value: null, errors };
  return { value: { name, config: parsed.data }, errors };
}
