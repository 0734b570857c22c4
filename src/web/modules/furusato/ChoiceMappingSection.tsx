// The column table of the ふるさとチョイス header import (ChoicePortalPage.tsx): for each column of the header, what
// it is filled with (a field, a fixed value, an expression, or nothing) and whether the portal requires it.
import { Checkbox, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useId, useMemo } from "react";
import type { HeaderInspection } from "../../../common/furusato/header-inspect";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { type ChoicePortalFormApi, type ColumnChoice, chosen, NO_CHOICE, selectValue } from "./choice-portal-values";
import { fm } from "./messages";
import { useTemplateVocabulary } from "./queries";

const MONO = 'ui-monospace, "BIZ UDGothic", Menlo, Consolas, monospace';

export function ChoiceMappingSection({ form, inspection }: { form: ChoicePortalFormApi; inspection: HeaderInspection | undefined }) {
  const vocabulary = useTemplateVocabulary();
  const exprHelpId = useId();
  const fieldOptions = useMemo(
    () =>
      (vocabulary.data?.fields ?? [])
        // "gift.allergens.<品目>" is a pattern, not a field: it is written as an expression.
        .filter((f) => !f.path.includes("<"))
        .map((f) => ({ value: `field:${f.path}`, label: fm.choice.fieldOption(f.label, f.path) })),
    [vocabulary.data],
  );
  const selectData = [
    { value: "", label: fm.choice.leaveEmpty },
    { value: "const", label: fm.choice.constOption },
    { value: "expr", label: fm.choice.exprOption },
    ...(fieldOptions.length > 0 ? [{ group: fm.choice.fieldsGroup, items: fieldOptions }] : []),
  ];
  const exprHelp = fm.choice.exprHelp((vocabulary.data?.functions ?? []).map((f) => f.usage).join(fm.choice.usageSep));
  const choices = form.values.choices;
  // Only the choice changes: a column's error stays until its select changes or the form is sent again.
  const choose = (index: number, update: Partial<ColumnChoice>) =>
    form.setFieldValue("choices", (list) => list.map((c, i) => (i === index ? { ...c, ...update } : c)));
  const mappedCount = choices.filter((c) => c.kind !== "none").length;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="choice-mapping-heading">
      <Stack>
        <Title order={2} id="choice-mapping-heading" className="yk-section-title">
          {fm.choice.mappingHeading}
        </Title>
        {!inspection ? (
          <Text size="sm" c="dimmed">
            {fm.choice.noFile}
          </Text>
        ) : (
          <>
            <Text size="sm">{fm.choice.mappingHelp}</Text>
            <Text size="xs" c="dimmed" id={exprHelpId}>
              {exprHelp}
            </Text>
            <ErrorAlert error={vocabulary.error} />
            <Text size="sm" fw={600}>
              {fm.choice.mappingSummary(mappedCount, inspection.columns.length, inspection.columns.length - mappedCount)}
            </Text>
            <Table.ScrollContainer minWidth={960}>
              <Table withTableBorder striped verticalSpacing="xs">
                <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>{fm.choice.mappingCaption}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" style={{ width: "4rem", textAlign: "right" }}>
                      {fm.choice.columnNumber}
                    </Table.Th>
                    <Table.Th scope="col">{fm.choice.columnName}</Table.Th>
                    <Table.Th scope="col">{fm.choice.mappingColumn}</Table.Th>
                    <Table.Th scope="col">{fm.choice.valueColumn}</Table.Th>
                    <Table.Th scope="col" style={{ width: "5rem" }}>
                      {fm.choice.requiredColumn}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {inspection.columns.map((name, index) => {
                    const label = name.trim() || fm.choice.unnamed(index + 1);
                    const choice = choices[index] ?? NO_CHOICE;
                    const error = form.errors[`column.${index}`];
                    return (
                      // biome-ignore lint/suspicious/noArrayIndexKey: columns are identified by their position in the header
                      <Table.Tr key={index}>
                        <Table.Td style={{ textAlign: "right" }}>{index + 1}</Table.Td>
                        <Table.Th scope="row" style={{ fontWeight: 600, whiteSpace: "pre-line", minWidth: "11rem" }}>
                          {label}
                        </Table.Th>
                        <Table.Td style={{ minWidth: "16rem" }}>
                          <NativeSelect
                            aria-label={label}
                            data={selectData}
                            value={selectValue(choice)}
                            description={choice.note || undefined}
                            error={choice.kind === "field" || choice.kind === "none" ? error || undefined : undefined}
                            onChange={(e) => {
                              choose(index, chosen(e.currentTarget.value));
                              form.clearFieldError(`column.${index}`);
                            }}
                          />
                        </Table.Td>
                        <Table.Td style={{ minWidth: "18rem" }}>
                          {choice.kind === "const" && (
                            <TextInput
                              label={fm.choice.constLabel(label)}
                              labelProps={{ className: "yk-visually-hidden" }}
                              value={choice.constant}
                              onChange={(e) => choose(index, { constant: e.currentTarget.value })}
                              error={error || undefined}
                              maxLength={1000}
                            />
                          )}
                          {choice.kind === "expr" && (
                            <TextInput
                              label={fm.choice.exprLabel(label)}
                              labelProps={{ className: "yk-visually-hidden" }}
                              aria-describedby={exprHelpId}
                              value={choice.expr}
                              onChange={(e) => choose(index, { expr: e.currentTarget.value })}
                              error={error || undefined}
                              maxLength={2000}
                              spellCheck={false}
                              autoCapitalize="none"
                              styles={{ input: { fontFamily: MONO, fontSize: "0.85rem" } }}
                            />
                          )}
                          {choice.kind === "none" && (
                            <Text size="sm" c="dimmed" data-empty-column>
                              {fm.choice.emptyNote}
                            </Text>
                          )}
                          {choice.kind === "field" && (
                            <Text size="sm" c="dimmed">
                              {fm.dash}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Checkbox
                            aria-label={fm.choice.requiredLabel(label)}
                            checked={choice.required}
                            onChange={(e) => choose(index, { required: e.currentTarget.checked })}
                          />
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </>
        )}
      </Stack>
    </Paper>
  );
}
