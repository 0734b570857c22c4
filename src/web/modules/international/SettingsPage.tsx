// /international/settings 「局の設定」: what the bureau that coordinates international work keeps — the list of 分野
// (renamed, reordered, taken out of use; a field in use is never deleted) and the 旅費の基準額 (日当・宿泊料 per 地域区分),
// each revision a new version from its 適用開始日. Only the bureau's editors (getInternationalAccess.manager).
import { Alert, Button, Checkbox, NativeSelect, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  createInternationalField,
  createTravelRate,
  type InternationalField,
  RATE_KINDS,
  REGION_CLASS_LABELS,
  REGION_CLASSES,
  updateInternationalField,
} from "../../../common/api/international";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { call } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FormModal } from "../../ui/FormModal";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { StatusBadge } from "../../ui/StatusBadge";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { InternationalNav, Loading, YenInput } from "./components";
import { parseNumberText } from "./form-numbers";
import { im } from "./messages";
import { internationalKeys, useFields, useInternationalAccess, useTravelRates } from "./queries";

const t = im.settings;

export function SettingsPage() {
  const access = useInternationalAccess();
  const breadcrumbs = [{ label: im.moduleName, href: "/international" }, { label: t.title }];
  return (
    <>
      <PageHeader title={t.title} subtitle={t.intro} breadcrumbs={breadcrumbs} />
      <InternationalNav />
      {access.error ? <ErrorAlert error={access.error} /> : null}
      {!access.data ? (
        access.isPending ? (
          <Loading />
        ) : null
      ) : !access.data.manager ? (
        <Alert color="yellow" variant="light" role="status">
          {t.notManager}
        </Alert>
      ) : (
        <Stack gap="lg">
          <FieldsSection />
          <RatesSection />
        </Stack>
      )}
    </>
  );
}

function FieldsSection() {
  const fields = useFields();
  const [editing, setEditing] = useState<InternationalField | "new" | null>(null);
  const rows = fields.data
    ? [...fields.data.items].sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, "ja"))
    : undefined;
  const columns: Column<InternationalField>[] = [
    { key: "name", header: t.fieldName, rowHeader: true, render: (f) => f.name },
    { key: "sortOrder", header: t.sortOrder, align: "right", render: (f) => f.sortOrder },
    {
      key: "active",
      header: t.active,
      nowrap: true,
      render: (f) => <StatusBadge label={f.active ? t.activeYes : t.activeNo} tone={f.active ? "good" : "neutral"} size="sm" />,
    },
    { key: "projectCount", header: t.projectCount, align: "right", render: (f) => im.count(f.projectCount) },
    {
      key: "edit",
      header: im.project.edit,
      render: (f) => (
        <Button variant="default" size="compact-sm" onClick={() => setEditing(f)} aria-label={t.editField(f.name)}>
          {im.project.edit}
        </Button>
      ),
    },
  ];
  return (
    <Section
      id="intl-settings-fields"
      title={t.fields}
      actions={
        <Button variant="default" onClick={() => setEditing("new")}>
          {t.addField}
        </Button>
      }
    >
      <DataTable
        caption={t.fieldsCaption}
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(f) => f.id}
        loading={fields.isPending}
        error={fields.error}
        minWidth={560}
      />
      <Text size="xs" c="dimmed" mt="xs">
        {t.fieldsNote}
      </Text>
      {editing && (
        <FieldDialog
          field={editing === "new" ? undefined : editing}
          nextOrder={(rows?.at(-1)?.sortOrder ?? 0) + 10}
          onClose={() => setEditing(null)}
        />
      )}
    </Section>
  );
}

interface FieldValues {
  name: string;
  sortOrder: string;
  active: boolean;
}

function FieldDialog({ field, nextOrder, onClose }: { field?: InternationalField; nextOrder: number; onClose: () => void }) {
  const queryClient = useQueryClient();
  const body = (values: FieldValues) => ({
    name: values.name,
    sortOrder: parseNumberText(values.sortOrder) ?? Number.NaN,
    active: values.active,
  });
  const form = useForm<FieldValues>({
    initialValues: { name: field?.name ?? "", sortOrder: String(field?.sortOrder ?? nextOrder), active: field?.active ?? true },
    validate: (values) => {
      const parsed = createInternationalField.body?.safeParse(body(values), { error: japaneseErrorMap });
      const errors: Record<string, string> = {};
      if (parseNumberText(values.sortOrder) === undefined || parseNumberText(values.sortOrder) === null) errors.sortOrder = t.numberInvalid;
      if (parsed && !parsed.success) for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".")] ??= issue.message;
      return errors;
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) =>
      field
        ? call(updateInternationalField, { params: { id: field.id }, body: body(values) })
        : call(createInternationalField, { body: body(values) }),
    saved: async () => {
      await queryClient.invalidateQueries({ queryKey: internationalKeys.fields });
      onClose();
      return t.fieldSaved;
    },
  });
  return (
    <FormModal
      title={field ? t.editFieldTitle : t.addFieldTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
      size="md"
    >
      <TextInput label={t.fieldName} required data-autofocus maxLength={50} {...form.getInputProps("name")} />
      <TextInput label={t.sortOrder} inputMode="numeric" {...form.getInputProps("sortOrder")} />
      <Checkbox label={t.active} {...form.getInputProps("active", { type: "checkbox" })} />
    </FormModal>
  );
}

type Rate = {
  id: string;
  validFrom: string;
  costKind: (typeof RATE_KINDS)[number];
  regionClass: (typeof REGION_CLASSES)[number];
  amount: number;
};

function RatesSection() {
  const rates = useTravelRates();
  const [adding, setAdding] = useState(false);
  const rows = rates.data
    ? [...rates.data.items].sort(
        (a, b) =>
          b.validFrom.localeCompare(a.validFrom) ||
          RATE_KINDS.indexOf(a.costKind) - RATE_KINDS.indexOf(b.costKind) ||
          REGION_CLASSES.indexOf(a.regionClass) - REGION_CLASSES.indexOf(b.regionClass),
      )
    : undefined;
  const columns: Column<Rate>[] = [
    { key: "validFrom", header: t.validFrom, rowHeader: true, nowrap: true, render: (r) => <DateText iso={r.validFrom} /> },
    { key: "costKind", header: t.costKind, nowrap: true, render: (r) => t.rateKinds[r.costKind] },
    { key: "regionClass", header: t.regionClass, nowrap: true, render: (r) => REGION_CLASS_LABELS[r.regionClass] },
    { key: "amount", header: t.amount, align: "right", nowrap: true, render: (r) => im.yen(r.amount) },
  ];
  return (
    <Section
      id="intl-settings-rates"
      title={t.rates}
      actions={
        <Button variant="default" onClick={() => setAdding(true)}>
          {t.addRate}
        </Button>
      }
    >
      <Text size="sm" c="dimmed" mb="sm">
        {t.ratesIntro}
      </Text>
      <DataTable
        caption={t.ratesCaption}
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(r) => r.id}
        loading={rates.isPending}
        error={rates.error}
        empty={t.noRates}
        minWidth={560}
      />
      {adding && <RateDialog onClose={() => setAdding(false)} />}
    </Section>
  );
}

interface RateValues {
  validFrom: string;
  costKind: (typeof RATE_KINDS)[number];
  regionClass: (typeof REGION_CLASSES)[number];
  amount: string;
}

function RateDialog({ onClose }: { onClose: () => void }) {
  const queryClient = useQueryClient();
  const body = (values: RateValues) => ({
    validFrom: values.validFrom,
    costKind: values.costKind,
    regionClass: values.regionClass,
    amount: parseNumberText(values.amount) ?? Number.NaN,
  });
  const form = useForm<RateValues>({
    initialValues: { validFrom: "", costKind: "daily", regionClass: "class_a", amount: "" },
    validate: (values) => {
      const errors: Record<string, string> = {};
      if (parseNumberText(values.amount) === undefined) errors.amount = im.tripForm.yenInvalid;
      const parsed = createTravelRate.body?.safeParse(body(values), { error: japaneseErrorMap });
      if (parsed && !parsed.success) for (const issue of parsed.error.issues) errors[issue.path.map(String).join(".")] ??= issue.message;
      return errors;
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) => call(createTravelRate, { body: createTravelRate.body?.parse(body(values)) }),
    saved: async () => {
      await queryClient.invalidateQueries({ queryKey: internationalKeys.rates });
      onClose();
      return t.rateSaved;
    },
  });
  return (
    <FormModal
      title={t.addRateTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
      size="md"
    >
      <JapaneseDateInput
        label={t.validFrom}
        required
        data-autofocus
        value={form.values.validFrom}
        onChange={(value) => form.setFieldValue("validFrom", value)}
        error={form.errors.validFrom ? String(form.errors.validFrom) : undefined}
      />
      <SimpleGrid cols={2}>
        <NativeSelect
          label={t.costKind}
          data={RATE_KINDS.map((k) => ({ value: k, label: t.rateKinds[k] }))}
          {...form.getInputProps("costKind")}
        />
        <NativeSelect
          label={t.regionClass}
          data={REGION_CLASSES.map((r) => ({ value: r, label: REGION_CLASS_LABELS[r] }))}
          {...form.getInputProps("regionClass")}
        />
      </SimpleGrid>
      <YenInput
        label={t.amount}
        required
        value={form.values.amount}
        onChange={(v) => form.setFieldValue("amount", v)}
        error={form.errors.amount}
      />
    </FormModal>
  );
}
