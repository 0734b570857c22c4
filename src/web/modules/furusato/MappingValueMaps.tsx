// The 取込設定 editor's value maps (MappingEditor.tsx): for each mapped field, the portal's words and the ledger's
// value each one means.
import { Button, Loader, NativeSelect, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { DONATION_FIELDS, MAPPED_FIELDS, type MappedField } from "../../../common/furusato/donation-mapping";
import { m } from "../../messages";
import { lm } from "./ledgerMessages";
import { type TargetOption, useValueTargets } from "./ledgerQueries";
import { MappingSection, RemoveRowButton } from "./MappingParts";
import { type MappingFormApi, valueRow } from "./mapping-form-values";
import { fm } from "./messages";

const t = lm.editor;

export function MappingValueMapsSection({ form, readOnly }: { form: MappingFormApi; readOnly: boolean }) {
  const targets = useValueTargets(MAPPED_FIELDS);
  return (
    <MappingSection id="mapping-values-heading" title={t.valueMapsHeading} intro={t.valueMapsIntro}>
      {targets.loading ? (
        <Loader size="sm" aria-label={m.common.loading} />
      ) : (
        <Stack gap="lg">
          {MAPPED_FIELDS.map((field) => (
            <ValueMap key={field} form={form} field={field} options={targets.options(field)} readOnly={readOnly} />
          ))}
        </Stack>
      )}
    </MappingSection>
  );
}

function ValueMap({
  form,
  field,
  options,
  readOnly,
}: {
  form: MappingFormApi;
  field: MappedField;
  options: TargetOption[];
  readOnly: boolean;
}) {
  const label = DONATION_FIELDS[field];
  const headingId = `mapping-values-${field}`;
  const listPath = `valueMaps.${field}`;
  const rows = form.values.valueMaps[field];
  // A saved value the options do not list stays choosable.
  const optionsFor = (value: string): TargetOption[] =>
    value && !options.some((o) => o.value === value) ? [...options, { value, label: value }] : options;
  let body: ReactNode;
  if (rows.length === 0) {
    body = (
      <Text size="sm" c="dimmed">
        {t.noValues}
      </Text>
    );
  } else {
    body = (
      <Table.ScrollContainer minWidth={560} type="native">
        <Table withTableBorder verticalSpacing={4} className="yk-table">
          <caption className="yk-visually-hidden">{t.valueMapCaption(label)}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t.source}</Table.Th>
              <Table.Th scope="col">{t.target}</Table.Th>
              {!readOnly && (
                <Table.Th scope="col" style={{ width: "6rem" }}>
                  <span className="yk-visually-hidden">{fm.remove}</span>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row, index) => (
              <Table.Tr key={row.id}>
                <Table.Td style={{ verticalAlign: "top" }}>
                  <TextInput
                    {...form.getInputProps(`${listPath}.${index}.source`)}
                    aria-label={t.sourceFor(label, index + 1)}
                    readOnly={readOnly}
                    maxLength={200}
                  />
                </Table.Td>
                <Table.Td style={{ verticalAlign: "top" }}>
                  <NativeSelect
                    {...form.getInputProps(`${listPath}.${index}.target`)}
                    aria-label={t.targetFor(label, index + 1)}
                    disabled={readOnly}
                    data={[{ value: "", label: t.chooseTarget }, ...optionsFor(row.target)]}
                  />
                </Table.Td>
                {!readOnly && (
                  <Table.Td style={{ verticalAlign: "top" }}>
                    <RemoveRowButton label={t.removeValueFor(label, index + 1)} onClick={() => form.removeListItem(listPath, index)}>
                      {fm.remove}
                    </RemoveRowButton>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }
  return (
    <section aria-labelledby={headingId}>
      <Title order={3} size="h5" id={headingId} mb="xs">
        {label}
      </Title>
      {body}
      {!readOnly && (
        <Button
          variant="default"
          size="compact-sm"
          mt="xs"
          aria-label={t.addValueFor(label)}
          onClick={() => form.insertListItem(listPath, valueRow())}
        >
          {t.addValue}
        </Button>
      )}
    </section>
  );
}
