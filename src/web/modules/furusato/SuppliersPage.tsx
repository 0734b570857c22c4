// /furusato/suppliers: 返礼品提供事業者の一覧 and the registration form (code, name, contacts, 振込先).
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { type FormErrors, useForm } from "@mantine/form";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { z } from "zod";
import type { ResponseOf } from "../../../common/api/contract";
import { createSupplier, type listSuppliers, supplierBank, supplierContactFields } from "../../../common/api/furusato";
import { call } from "../../api/client";
import { m } from "../../messages";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { zodResolver } from "../../ui/zodForm";
import { FurusatoNav, SampleBadge, SupplierStatusBadge } from "./components";
import { fm } from "./messages";
import { furusatoKeys, useFurusatoAccess, useSuppliers } from "./queries";
import { BankFields, type BankValues, EMPTY_BANK } from "./SupplierContactForms";

type SupplierRow = ResponseOf<typeof listSuppliers>["items"][number];

export function SuppliersPage() {
  const access = useFurusatoAccess();
  const suppliers = useSuppliers();
  const [opened, dialog] = useDisclosure(false);
  const canCreate = access.data?.manager === true;
  const columns: Column<SupplierRow>[] = [
    { key: "code", header: fm.suppliers.code, nowrap: true, render: (s) => s.code },
    {
      key: "name",
      header: fm.suppliers.name,
      rowHeader: true,
      render: (s) => (
        <Group gap={6}>
          <AnchorLink to="/furusato/suppliers/$id" params={{ id: s.id }} fw={600}>
            {s.name}
          </AnchorLink>
          {s.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "status", header: fm.suppliers.status, nowrap: true, render: (s) => <SupplierStatusBadge status={s.status} /> },
    {
      key: "gifts",
      header: fm.suppliers.giftCount,
      align: "right",
      nowrap: true,
      render: (s) => (
        <AnchorLink to="/furusato" search={{ supplierId: s.id }}>
          {fm.count(s.giftCount)}
        </AnchorLink>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={fm.suppliers.title}
        subtitle={fm.suppliers.intro}
        actions={canCreate ? <Button onClick={dialog.open}>{fm.suppliers.create}</Button> : null}
      />
      <FurusatoNav />
      <DataTable
        caption={fm.suppliers.caption}
        columns={columns}
        rows={suppliers.data?.items}
        rowKey={(s) => s.id}
        loading={suppliers.isFetching && !suppliers.data}
        error={suppliers.error}
        empty={fm.suppliers.empty}
      />
      <Modal opened={opened} onClose={dialog.close} title={fm.suppliers.createTitle} size="lg">
        {opened && <SupplierForm onDone={dialog.close} />}
      </Modal>
    </>
  );
}

// the API's own schemas (the contact's keys are picked out of the whole form's values)
const contactErrors = zodResolver(z.object(supplierContactFields));
const bankErrors = zodResolver(supplierBank);

interface SupplierFormValues {
  code: string;
  name: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  address: string;
  bank: BankValues;
}

/** 振込先 is optional at registration: left blank, nothing is sent; begun, it must be whole. */
const bankBegun = (bank: BankValues) => Object.values(bank).some((value) => value.trim() !== "");

function supplierFormErrors(values: SupplierFormValues): FormErrors {
  const found: FormErrors = contactErrors(values);
  if (!/^[A-Z]{2,4}$/.test(values.code.trim())) found.code = fm.suppliers.codeInvalid;
  if (!values.name.trim()) found.name = fm.suppliers.nameRequired;
  if (bankBegun(values.bank)) for (const [key, message] of Object.entries(bankErrors(values.bank))) found[`bank.${key}`] = message;
  return found;
}

function SupplierForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const form = useForm<SupplierFormValues>({
    initialValues: { code: "", name: "", contactName: "", contactPhone: "", contactEmail: "", address: "", bank: EMPTY_BANK },
    validate: supplierFormErrors,
  });

  const save = useMutation({
    mutationFn: ({ bank, ...values }: SupplierFormValues) =>
      call(createSupplier, {
        body: {
          code: values.code.trim(),
          name: values.name.trim(),
          contactName: values.contactName.trim(),
          contactPhone: values.contactPhone.trim(),
          contactEmail: values.contactEmail.trim(),
          address: values.address.trim(),
          // the schema's parse also normalises the 振込先 (NFKC) as the server will
          bank: bankBegun(bank) ? supplierBank.parse(bank) : {},
        },
      }),
    onSuccess: (supplier) => {
      queryClient.invalidateQueries({ queryKey: furusatoKeys.suppliers });
      queryClient.setQueryData(furusatoKeys.supplier(supplier.id), supplier);
      flash.show(fm.suppliers.created(supplier.name));
      onDone();
      navigate({ to: "/furusato/suppliers/$id", params: { id: supplier.id } });
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });
  const submit = form.onSubmit((values) => save.mutate(values), focusFirstInvalid);

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={fm.suppliers.code}
            description={fm.suppliers.codeDescription}
            {...form.getInputProps("code")}
            onChange={(e) => form.setFieldValue("code", e.currentTarget.value.toUpperCase())}
            maxLength={4}
            autoCapitalize="characters"
            required
            data-autofocus
          />
          <TextInput label={fm.suppliers.name} {...form.getInputProps("name")} maxLength={100} required />
          <TextInput label={fm.suppliers.contactName} {...form.getInputProps("contactName")} maxLength={100} />
          <TextInput label={fm.suppliers.contactPhone} {...form.getInputProps("contactPhone")} maxLength={30} type="tel" />
          <TextInput label={fm.suppliers.contactEmail} {...form.getInputProps("contactEmail")} type="email" />
          <TextInput label={fm.suppliers.address} {...form.getInputProps("address")} maxLength={200} />
        </SimpleGrid>
        <fieldset className="yk-fieldset">
          <legend>{fm.suppliers.bank}</legend>
          <Text size="sm" c="dimmed" mb="xs">
            {fm.suppliers.bankHelp}
          </Text>
          <BankFields inputProps={(key) => form.getInputProps(`bank.${key}`)} />
        </fieldset>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {m.common.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {fm.suppliers.submit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
