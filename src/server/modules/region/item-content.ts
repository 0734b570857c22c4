// An item's content as the curation writes it: values by 正式版 column checked by the open-data pipeline's own row
// rules (checkItemFields: the same parsing an imported row goes through) and by the hub's (itemProblems), then
// projected onto the item's columns with their search bigrams. An editor's form, a held row's fix and an import all
// end here, so an item never holds what a file could not have given it.
import { columnForItemField, DATASETS, type DatasetKey } from "../../../common/region/datasets";
import { compactFields, itemBigrams, itemProblems, projectItem, type Translations } from "../../../common/region/item-projection";
import { ValidationError } from "../../platform/errors";
import type { ItemContent } from "./item-repository";
import { checkItemFields } from "./opendata/row-fields";

export function contentOf(dataset: DatasetKey, fields: Readonly<Record<string, string>>, translations: Translations): ItemContent {
  const compact = compactFields(dataset, fields);
  const columns = projectItem(dataset, compact, translations);
  return { fields: compact, columns, bigrams: itemBigrams(columns) };
}

/** The form's key of a 正式版 column's message (the same path zod gives `fields.<column>`). */
export const fieldKey = (column: string) => `fields.${column}`;

export interface CheckedFieldsInput {
  dataset: DatasetKey;
  municipality: { code: string; name: string };
  /** the editor's values by 正式版 column */
  values: Readonly<Record<string, string>>;
  /** the publisher's ID the item keeps (an imported item's never changes); null: the form's value */
  fixedId: string | null;
  /** the English name and description, written to the dataset's English columns where it has them */
  translations: Translations;
  /** the file line the values came from (a held row's), for the row rules' messages; 0 for an editor's own item */
  rowNumber: number;
}

/**
 * Checks an editor's values: only the dataset's columns; the 市町's code and name are the record's own (an editor
 * cannot move an item to another 市町); then every problem the row rules and the hub's rules find, each at its field.
 */
export function checkedFields(input: CheckedFieldsInput): Record<string, string> {
  const { dataset, municipality, values, fixedId, translations, rowNumber } = input;
  const known = new Set(DATASETS[dataset].columns.map((column) => column.name));
  const unknown = Object.keys(values).filter((name) => !known.has(name));
  if (unknown.length > 0)
    throw new ValidationError(`${DATASETS[dataset].label}にない項目があります: ${unknown.join("、")}`, {
      fields: `${DATASETS[dataset].label}にない項目があります: ${unknown.join("、")}`,
    });
  const raw: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) raw[name] = value.trim();
  raw.全国地方公共団体コード = municipality.code;
  raw.地方公共団体名 = municipality.name;
  if (fixedId !== null) raw.ID = fixedId;
  for (const field of ["nameEn", "descriptionEn"] as const) {
    const column = columnForItemField(dataset, field);
    if (column) raw[column.name] = translations[field];
  }
  const checked = checkItemFields(dataset, raw, rowNumber);
  const problems = [...checked.problems, ...itemProblems(dataset, checked.fields)];
  if (problems.length > 0) {
    const fields: Record<string, string> = {};
    for (const problem of problems) fields[problem.column ? fieldKey(problem.column) : "fields"] ??= problem.message;
    throw new ValidationError(
      `入力内容を確認してください: ${problems[0].column ? `${problems[0].column}: ` : ""}${problems[0].message}`,
      fields,
    );
  }
  return checked.fields;
}
