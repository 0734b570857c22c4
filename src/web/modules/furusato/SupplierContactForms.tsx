// A supplier's 連絡先 (担当者名・電話番号・メールアドレス・所在地) and 振込先 (金融機関・支店・口座種別・口座番号・口座名義):
// the fields shared by the registration form and the edit forms of the supplier's page, their checks (the API's own
// zod schemas), and the 振込先 as the page shows it (口座番号 masked).
import { Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type GetInputPropsReturnType, useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import type { FormEventHandler, ReactNode, RefObject } from "react";
import { z } from "zod";
import {
  BANK_ACCOUNT_TYPES,
  BANK_FIELD_LABELS,
  maskAccountNumber,
  type SupplierBank,
  type SupplierDetail,
  supplierBank,
  supplierContactFields,
  updateSupplierBank,
  updateSupplierContact,
} from "../../../common/api/furusato";
import { call } from "../../api/client";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { zodResolver } from "../../ui/zodForm";
import { fm } from "./messages";
import { furusatoKeys } from "./queries";

export type BankValues = Record<keyof SupplierBank, string>;
export const EMPTY_BANK: BankValues = { bankName: "", branchName: "", accountType: "", accountNumber: "", accountHolder: "" };

const bankValuesOf = (bank: Record<string, string> | null): BankValues => ({
  bankName: bank?.bankName ?? "",
  branchName: bank?.branchName ?? "",
  accountType: bank?.accountType ?? "",
  accountNumber: bank?.accountNumber ?? "",
  accountHolder: bank?.accountHolder ?? "",
});

/** The 振込先 inputs (labels, the account type as a select, hints for the number and the カナ holder); `inputProps` gives
 * each field's value, change handler and error from the form that holds them. */
export function BankFields({ inputProps }: { inputProps: (key: keyof BankValues) => GetInputPropsReturnType }) {
  const field = (key: keyof BankValues) => ({ label: BANK_FIELD_LABELS[key], ...inputProps(key) });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      <TextInput {...field("bankName")} maxLength={60} autoComplete="off" />
      <TextInput {...field("branchName")} maxLength={60} autoComplete="off" />
      <NativeSelect
        {...field("accountType")}
        data={[{ value: "", label: fm.bank.choose }, ...BANK_ACCOUNT_TYPES.map((t) => ({ value: t, label: t }))]}
      />
      <TextInput {...field("accountNumber")} description={fm.bank.numberHelp} inputMode="numeric" maxLength={7} autoComplete="off" />
      <TextInput {...field("accountHolder")} description={fm.bank.holderHelp} maxLength={100} autoComplete="off" />
    </SimpleGrid>
  );
}

/** The 振込先 as the page shows it: labelled items, the 口座番号 masked to its last three digits. */
export function BankDisplay({ bank }: { bank: Record<string, string> }) {
  const entries = Object.entries(bank);
  if (entries.length === 0) return <>{fm.dash}</>;
  return (
    <Table withTableBorder withColumnBorders verticalSpacing={4} maw={560}>
      <caption className="yk-visually-hidden">{fm.suppliers.bank}</caption>
      <Table.Tbody>
        {entries.map(([key, value]) => (
          <Table.Tr key={key}>
            <Table.Th scope="row" style={{ width: "12rem" }}>
              {BANK_FIELD_LABELS[key as keyof SupplierBank] ?? key}
            </Table.Th>
            <Table.Td>{key === "accountNumber" || key === "口座番号" ? maskAccountNumber(value) : value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

const contactSchema = z.object(supplierContactFields);

/** The scaffold of the page's two edit forms: a titled form, its error, the fields, save and cancel. */
function SupplierEditForm({
  headingId,
  title,
  help,
  formRef,
  onSubmit,
  error,
  saving,
  submitLabel,
  onCancel,
  children,
}: {
  headingId: string;
  title: string;
  help?: string;
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: FormEventHandler<HTMLFormElement>;
  error: unknown;
  saving: boolean;
  submitLabel: string;
  onCancel: () => void;
  children: ReactNode;
}) {
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm" mt="md">
        <Title order={3} size="h4" id={headingId}>
          {title}
        </Title>
        {help && (
          <Text size="sm" c="dimmed">
            {help}
          </Text>
        )}
        <ErrorAlert error={error} />
        {children}
        <Group>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel} disabled={saving}>
            {m.common.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** 連絡先の編集 (the module's managers, and the supplier's own login). */
export function ContactEditForm({ supplier, onDone }: { supplier: SupplierDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      contactName: supplier.contactName,
      contactPhone: supplier.contactPhone,
      contactEmail: supplier.contactEmail,
      address: supplier.address,
    },
    validate: zodResolver(contactSchema),
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) => call(updateSupplierContact, { params: { id: supplier.id }, body: contactSchema.parse(values) }),
    saved: (updated) => {
      queryClient.setQueryData(furusatoKeys.supplier(supplier.id), updated);
      onDone();
      return fm.contact.saved;
    },
  });
  return (
    <SupplierEditForm
      headingId="contact-form-heading"
      title={fm.contact.heading}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
      submitLabel={fm.contact.save}
      onCancel={onDone}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={fm.suppliers.contactName} {...form.getInputProps("contactName")} maxLength={100} data-autofocus />
        <TextInput
          label={fm.suppliers.contactPhone}
          description={fm.contact.phoneHelp}
          {...form.getInputProps("contactPhone")}
          maxLength={30}
          type="tel"
        />
        <TextInput label={fm.suppliers.contactEmail} {...form.getInputProps("contactEmail")} type="email" />
        <TextInput label={fm.suppliers.address} {...form.getInputProps("address")} maxLength={200} />
      </SimpleGrid>
    </SupplierEditForm>
  );
}

/** 振込先の編集 (the module's managers only). */
export function BankEditForm({ supplier, onDone }: { supplier: SupplierDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const form = useForm<BankValues>({ initialValues: bankValuesOf(supplier.bank), validate: zodResolver(supplierBank) });
  const { formRef, submit, save } = useFormSubmit(form, {
    // The schema's parse also normalises the text (NFKC: 全角 digits, 半角カナ) before it is sent.
    send: (values) => call(updateSupplierBank, { params: { id: supplier.id }, body: supplierBank.parse(values) }),
    saved: (updated) => {
      queryClient.setQueryData(furusatoKeys.supplier(supplier.id), updated);
      onDone();
      return fm.bank.saved;
    },
  });
  return (
    <SupplierEditForm
      headingId="bank-form-heading"
      title={fm.bank.heading}
      help={fm.bank.help}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
      submitLabel={fm.bank.save}
      onCancel={onDone}
    >
      <BankFields inputProps={(key) => form.getInputProps(key)} />
    </SupplierEditForm>
  );
}
