// 経費台帳 (CostLedgerPage.tsx): the year's manual entries (list, and for the module's 担当者 delete and add).
import { NativeSelect, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { type CostEntry, createCostEntry, deleteCostEntry } from "../../../common/api/furusato-money";
import { COST_CATEGORIES } from "../../../common/furusato/donation";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import type { Column } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { TableSection } from "../../ui/Section";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { type CostEntryValues, costEntryErrors, costEntryPayload, EMPTY_COST_ENTRY } from "./cost-entry-values";
import { InlineForm } from "./InlineForm";
import { moneyKeys, useCostEntries } from "./money-components";
import { mm } from "./money-messages";

export function CostEntries({ fiscalYear, manager }: { fiscalYear: number; manager: boolean }) {
  const entries = useCostEntries(fiscalYear);
  const queryClient = useQueryClient();
  const flash = useFlash();
  const columns: Column<CostEntry>[] = [
    { key: "date", header: mm.ledger.incurredOn, nowrap: true, render: (e) => <DateText iso={e.incurredOn} /> },
    { key: "category", header: mm.ledger.category, nowrap: true, render: (e) => e.category },
    { key: "description", header: mm.ledger.description, rowHeader: true, render: (e) => e.description },
    { key: "amount", header: mm.ledger.amount, align: "right", nowrap: true, render: (e) => mm.yen(e.amount) },
    { key: "createdBy", header: mm.ledger.createdBy, render: (e) => e.createdBy || mm.dash },
    ...(manager
      ? [
          {
            key: "remove",
            header: mm.ledger.remove,
            render: (e: CostEntry) => (
              <ConfirmButton
                size="compact-sm"
                variant="default"
                color="red"
                title={mm.ledger.removeTitle}
                message={mm.ledger.removeConfirm(e.description)}
                confirmLabel={mm.ledger.remove}
                confirmColor="red"
                aria-label={`${mm.ledger.remove}: ${e.description}`}
                onConfirm={async () => {
                  await call(deleteCostEntry, { params: { id: e.id } });
                  await queryClient.invalidateQueries({ queryKey: moneyKeys.all });
                  flash.show(mm.ledger.removed);
                }}
              >
                {mm.ledger.remove}
              </ConfirmButton>
            ),
          },
        ]
      : []),
  ];
  return (
    <TableSection
      id="entries-heading"
      title={mm.ledger.entriesHeading}
      caption={mm.ledger.entriesCaption}
      columns={columns}
      rows={entries.data?.items}
      rowKey={(e) => e.id}
      loading={entries.isFetching && !entries.data}
      error={entries.error}
      empty={mm.ledger.entriesEmpty}
      minWidth={720}
    >
      {manager ? (
        <EntryForm fiscalYear={fiscalYear} />
      ) : (
        <Text size="sm" c="dimmed" mt="sm">
          {mm.ledger.readOnly}
        </Text>
      )}
    </TableSection>
  );
}

function EntryForm({ fiscalYear }: { fiscalYear: number }) {
  const queryClient = useQueryClient();
  const form = useForm<CostEntryValues>({ initialValues: EMPTY_COST_ENTRY, validate: (values) => costEntryErrors(values, fiscalYear) });
  const { formRef, submit, save, status } = useFormSubmit(form, {
    send: (values) => call(createCostEntry, { body: costEntryPayload(values, fiscalYear) }),
    saved: async () => {
      // The category and the date stay for the next entry of the same kind.
      form.setValues({ amount: "", description: "" });
      await queryClient.invalidateQueries({ queryKey: moneyKeys.all });
      return mm.ledger.saved;
    },
  });
  return (
    <InlineForm
      formRef={formRef}
      onSubmit={submit}
      headingId="entry-form-heading"
      title={mm.ledger.formHeading}
      help={mm.ledger.formHelp}
      error={save.error}
      submitLabel={mm.ledger.submit}
      saving={save.isPending}
      status={status}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={mm.ledger.categoryLabel}
          {...form.getInputProps("category")}
          data={COST_CATEGORIES.map((c) => ({ value: c, label: c }))}
        />
        <TextInput label={mm.ledger.amountLabel} {...form.getInputProps("amount")} inputMode="numeric" autoComplete="off" required />
        <JapaneseDateInput label={mm.ledger.dateLabel} {...form.getInputProps("incurredOn")} value={form.values.incurredOn} required />
      </SimpleGrid>
      <TextInput label={mm.ledger.descriptionLabel} {...form.getInputProps("description")} maxLength={200} required />
    </InlineForm>
  );
}
