// The 取込設定 editor's table of ledger fields and the portal's column heading(s) for each (MappingEditor.tsx): 1–5
// headings a field, joined when several; a field without headings is not imported.
import { Button, Group, Stack, Table, Text, TextInput } from "@mantine/core";
import { DONATION_FIELDS, REQUIRED_FIELDS } from "../../../common/furusato/donation-mapping";
import { StatusBadge } from "../../ui/StatusBadge";
import { lm } from "./ledgerMessages";
import { MappingSection, RemoveRowButton } from "./MappingParts";
import { MAPPING_FIELDS, type MappingFormApi, textRow } from "./mapping-form-values";

const t = lm.editor;
const MAX_HEADINGS = 5;

export function MappingColumnsSection({ form, readOnly }: { form: MappingFormApi; readOnly: boolean }) {
  return (
    <MappingSection id="mapping-columns-heading" title={t.columnsHeading} intro={t.columnsIntro}>
      <Table.ScrollContainer minWidth={640} type="native">
        <Table withTableBorder verticalSpacing="xs" className="yk-table">
          <caption className="yk-visually-hidden">{t.columnsCaption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" style={{ width: "16rem" }}>
                {t.field}
              </Table.Th>
              <Table.Th scope="col">{t.headings}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {MAPPING_FIELDS.map((field) => {
              const label = DONATION_FIELDS[field];
              const rows = form.values.columns[field];
              const fieldPath = `columns.${field}`;
              const fieldError = form.errors[fieldPath];
              return (
                <Table.Tr key={field}>
                  <Table.Th scope="row" style={{ verticalAlign: "top", fontWeight: 600 }}>
                    <Group gap={6} wrap="nowrap">
                      <span>{label}</span>
                      {REQUIRED_FIELDS.includes(field) && <StatusBadge label={t.required} tone="danger" size="xs" />}
                    </Group>
                  </Table.Th>
                  <Table.Td>
                    <Stack gap={6}>
                      {rows.length === 0 && (
                        <Text size="sm" c="dimmed">
                          {t.notMapped}
                        </Text>
                      )}
                      {rows.map((row, index) => {
                        const input = form.getInputProps(`${fieldPath}.${index}.text`);
                        return (
                          <Group key={row.id} gap="xs" align="flex-start" wrap="nowrap">
                            <TextInput
                              {...input}
                              aria-label={t.heading(label, index + 1)}
                              readOnly={readOnly}
                              maxLength={100}
                              onChange={(event) => {
                                input.onChange(event);
                                form.clearFieldError(fieldPath);
                              }}
                              style={{ flex: "1 1 16rem", maxWidth: "24rem" }}
                            />
                            {!readOnly && (
                              <RemoveRowButton
                                label={t.removeHeadingFor(label, index + 1)}
                                onClick={() => form.removeListItem(fieldPath, index)}
                              >
                                {t.removeHeading}
                              </RemoveRowButton>
                            )}
                          </Group>
                        );
                      })}
                      {fieldError && (
                        <Text size="sm" c="#9b1c1c" role="alert">
                          {fieldError}
                        </Text>
                      )}
                      {!readOnly && rows.length < MAX_HEADINGS && (
                        <div>
                          <Button
                            variant="default"
                            size="compact-sm"
                            aria-label={rows.length === 0 ? t.setColumnFor(label) : t.addHeadingFor(label)}
                            onClick={() => {
                              form.insertListItem(fieldPath, textRow());
                              form.clearFieldError(fieldPath);
                            }}
                          >
                            {rows.length === 0 ? t.setColumn : t.addHeading}
                          </Button>
                        </div>
                      )}
                    </Stack>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </MappingSection>
  );
}
