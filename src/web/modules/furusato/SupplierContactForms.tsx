// A supplier's 連絡先 (担当者名・電話番号・メールアドレス・所在地) and 振込先 (金融機関・支店・口座種別・口座番号・口座名義):
// the fields shared by the registration form and the edit forms of the supplier's page, their checks (the API's own
// zod schemas), and the 振込先 as the page shows it (口座番号 masked).
import { Button, Group, NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type GetInputPropsReturnType, useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
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
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
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

/** 連絡先の編集 (the module's managers, and the supplier's own login). */
export function ContactEditForm({ supplier, onDone }: { supplier: SupplierDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const form = useForm({
    initialValues: {
      contactName: supplier.contactName,
      contactPhone: supplier.contactPhone,
      contactEmail: supplier.contactEmail,
      address: supplier.address,
    },
    validate: zodResolver(contactSchema),
  });
  const save = useMutation({
    mutationFn: (body: z.infer<typeof contactSchema>) => call(updateSupplierContact, { params: { id: supplier.id }, body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(furusatoKeys.supplier(supplier.id), updated);
      flash.show(fm.contact.saved);
      onDone();
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });
  const submit = form.onSubmit((values) => save.mutate(contactSchema.parse(values)), focusFirstInvalid);
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="contact-form-heading">
      <Stack gap="sm" mt="md">
        <Title order={3} size="h4" id="contact-form-heading">
          {fm.contact.heading}
        </Title>
        <ErrorAlert error={save.error} />
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
        <Group>
          <Button type="submit" loading={save.isPending}>
            {fm.contact.save}
          </Button>
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {m.common.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** 振込先の編集 (the module's managers only). */
export function BankEditForm({ supplier, onDone }: { supplier: SupplierDetail; onDone: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const form = useForm<BankValues>({ initialValues: bankValuesOf(supplier.bank), validate: zodResolver(supplierBank) });
  const save = useMutation({
    mutationFn: (body: SupplierBank) => call(updateSupplierBank, { params: { id: supplier.id }, body }),
    onSuccess: (updated) => {
      queryClient.setQueryData(furusatoKeys.supplier(supplier.id), updated);
      flash.show(fm.bank.saved);
      onDone();
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });
  // The schema's parse also normalises the text (NFKC: 全角 digits, 半角カナ) before it is sent.
  const submit = form.onSubmit((values) => save.mutate(supplierBank.parse(values)), focusFirstInvalid);
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="bank-form-heading">
      <Stack gap="sm" mt="md">
        <Title order={3} size="h4" id="bank-form-heading">
          {fm.bank.heading}
        </Title>
        <Text size="sm" c="dimmed">
          {fm.bank.help}
        </Text>
        <ErrorAlert error={save.error} />
        <BankFields inputProps={(key) => form.getInputProps(key)} />
        <Group>
          <Button type="submit" loading={save.isPending}>
            {fm.bank.save}
          </Button>
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {m.common.cancel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
