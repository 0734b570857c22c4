// The inputs of an item's values, one per 正式版 column of its dataset (the fix form of a held row, an item's edit
// and a new item share it). The 市町's code and name are the record's own and shown read-only; the ID is read-only
// where it is the key a re-import updates by. The English columns are left to the translation fields when the page
// has them. Each input carries the server's message for its column (`fields.<column>`).
import { SimpleGrid, Textarea, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { columnForItemField, DATASETS, type DatasetColumn, type DatasetKey } from "../../../common/region/datasets";
import { cm } from "./curationMessages";

export interface ItemFormValues {
  fields: Record<string, string>;
  nameEn: string;
  descriptionEn: string;
}

const LONG_TEXT = /説明|特記事項|備考|アクセス方法|料金（詳細）|駐車場情報|バリアフリー情報/;

/** The columns the English translation fields write (名称_英字 …), which the form then leaves out. */
export function englishColumns(dataset: DatasetKey): string[] {
  return (["nameEn", "descriptionEn"] as const).flatMap((field) => {
    const column = columnForItemField(dataset, field);
    return column ? [column.name] : [];
  });
}

/** Every column of the dataset with its value (empty where none), as a form starts. */
export function formFieldsOf(dataset: DatasetKey, fields: Record<string, string>): Record<string, string> {
  return Object.fromEntries(DATASETS[dataset].columns.map((column) => [column.name, fields[column.name] ?? ""]));
}

/** The values to send: the dataset's columns, without the read-only ones the server fills in. */
export function fieldsToSend(
  dataset: DatasetKey,
  fields: Record<string, string>,
  opts: { withoutEnglish: boolean },
): Record<string, string> {
  const skip = new Set(["全国地方公共団体コード", "地方公共団体名", ...(opts.withoutEnglish ? englishColumns(dataset) : [])]);
  return Object.fromEntries(DATASETS[dataset].columns.filter((c) => !skip.has(c.name)).map((c) => [c.name, fields[c.name] ?? ""]));
}

function hintOf(column: DatasetColumn, idNote: string | undefined): string | undefined {
  if (column.type === "id") return idNote;
  if (column.type === "code" || column.name === "地方公共団体名") return cm.fields.fixed;
  return cm.fields.hints[column.type] || undefined;
}

export function ItemFieldsForm({
  dataset,
  form,
  idEditable,
  idNote,
  idAutomatic,
  withoutEnglish,
  disabled,
}: {
  dataset: DatasetKey;
  form: UseFormReturnType<ItemFormValues>;
  /** whether the ID may be typed (a held row's fix, a new item); otherwise it is shown read-only */
  idEditable: boolean;
  idNote?: string;
  /** the server gives an item an ID when none is typed (an item added by hand) */
  idAutomatic?: boolean;
  /** leave out the English columns (the page has translation fields that write them) */
  withoutEnglish: boolean;
  disabled?: boolean;
}) {
  const english = new Set(withoutEnglish ? englishColumns(dataset) : []);
  const columns = DATASETS[dataset].columns.filter((column) => !english.has(column.name));
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md" verticalSpacing="sm">
      {columns.map((column) => {
        const path = `fields.${column.name}`;
        const readOnly = column.type === "code" || column.name === "地方公共団体名" || (column.type === "id" && !idEditable);
        const common = {
          label: column.name,
          description: hintOf(column, idNote),
          withAsterisk: Boolean(column.required) && !readOnly && !(column.type === "id" && idAutomatic),
          readOnly,
          disabled,
          ...form.getInputProps(path),
        };
        return LONG_TEXT.test(column.name) ? (
          <Textarea key={column.name} {...common} autosize minRows={2} maxRows={8} style={{ gridColumn: "1 / -1" }} />
        ) : (
          <TextInput key={column.name} {...common} />
        );
      })}
    </SimpleGrid>
  );
}
