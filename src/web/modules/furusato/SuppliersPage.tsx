// /furusato/suppliers: 返礼品提供事業者の一覧 and the registration form (code, name, contacts, 振込先).
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useRef, useState } from "react";
import { z } from "zod";
import type { ResponseOf } from "../../../common/api/contract";
import { createSupplier, type listSuppliers, type SupplierBank, supplierContactFields } from "../../../common/api/furusato";
import { call } from "../../api/client";
import { m } from "../../messages";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav, SampleBadge, SupplierStatusBadge } from "./components";
import { fm } from "./messages";
import { furusatoKeys, useFurusatoAccess, useSuppliers } from "./queries";
import { BankFields, type BankValues, checkBank, EMPTY_BANK } from "./SupplierContactForms";

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

function SupplierForm({ onDone }: { onDone: () => void }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const [values, setValues] = useState({ code: "", name: "", contactName: "", contactPhone: "", contactEmail: "", address: "" });
  const [bank, setBank] = useState<BankValues>(EMPTY_BANK);
  const [bankErrors, setBankErrors] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const focusFirstError = () => requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());

  const save = useMutation({
    mutationFn: (bank: SupplierBank | Record<string, never>) =>
      call(createSupplier, {
        body: {
          code: values.code.trim(),
          name: values.name.trim(),
          contactName: values.contactName.trim(),
          contactPhone: values.contactPhone.trim(),
          contactEmail: values.contactEmail.trim(),
          address: values.address.trim(),
          bank,
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
      setErrors(fieldErrors(error));
      focusFirstError();
    },
  });

  const field = (key: keyof typeof values) => ({
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
      if (errors[key]) setErrors((current) => ({ ...current, [key]: "" }));
    },
    error: errors[key] || undefined,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!/^[A-Z]{2,4}$/.test(values.code.trim())) found.code = fm.suppliers.codeInvalid;
    if (!values.name.trim()) found.name = fm.suppliers.nameRequired;
    const contact = z.object(supplierContactFields).safeParse(values);
    if (!contact.success) for (const issue of contact.error.issues) found[String(issue.path[0])] ??= issue.message;
    // 振込先 is optional at registration: left blank, nothing is sent; begun, it must be whole.
    const bankBegun = Object.values(bank).some((value) => value.trim() !== "");
    const checked = bankBegun ? checkBank(bank) : null;
    setErrors(found);
    setBankErrors(checked?.errors ?? {});
    if (Object.keys(found).length > 0 || checked?.errors) return focusFirstError();
    save.mutate(checked?.bank ?? {});
  }

  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={fm.suppliers.code}
            description={fm.suppliers.codeDescription}
            {...field("code")}
            onChange={(e) => {
              const value = e.currentTarget.value.toUpperCase();
              setValues((v) => ({ ...v, code: value }));
              if (errors.code) setErrors((c) => ({ ...c, code: "" }));
            }}
            maxLength={4}
            autoCapitalize="characters"
            required
            data-autofocus
          />
          <TextInput label={fm.suppliers.name} {...field("name")} maxLength={100} required />
          <TextInput label={fm.suppliers.contactName} {...field("contactName")} maxLength={100} />
          <TextInput label={fm.suppliers.contactPhone} {...field("contactPhone")} maxLength={30} type="tel" />
          <TextInput label={fm.suppliers.contactEmail} {...field("contactEmail")} type="email" />
          <TextInput label={fm.suppliers.address} {...field("address")} maxLength={200} />
        </SimpleGrid>
        <fieldset className="yk-fieldset">
          <legend>{fm.suppliers.bank}</legend>
          <Text size="sm" c="dimmed" mb="xs">
            {fm.suppliers.bankHelp}
          </Text>
          <BankFields values={bank} onChange={setBank} errors={bankErrors} />
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
