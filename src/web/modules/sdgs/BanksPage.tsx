// /sdgs/banks (staff): the partner banks — every member of staff reads, the bureau that runs the programme adds a bank
// (its external organisation is made with it) and turns one off or on. Partner logins of a bank are made by the
// administrator in that organisation (管理 → 利用者).
import { Badge, Button, Group, Paper, Stack, Text, TextInput } from "@mantine/core";
import { type FormEvent, useState } from "react";
import type { Bank } from "../../../common/api/sdgs-finance";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { fm } from "./financeMessages";
import { useBanks, useCreateBank, useUpdateBank } from "./financeQueries";
import { sm } from "./messages";

export function BanksPage() {
  const banks = useBanks();
  const create = useCreateBank();
  const update = useUpdateBank();
  const [name, setName] = useState("");

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate(name, { onSuccess: () => setName("") });
  }

  const columns: Column<Bank>[] = [
    {
      key: "name",
      header: fm.banks.name,
      rowHeader: true,
      render: (b) => (
        <Group gap={6}>
          <Text size="sm">{b.name}</Text>
          {b.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "org", header: fm.banks.organisation, render: (b) => b.organisationName },
    { key: "logins", header: fm.banks.logins, align: "right", nowrap: true, render: (b) => `${b.loginCount}人` },
    { key: "finance", header: fm.banks.finance, align: "right", nowrap: true, render: (b) => sm.count(b.financeCount) },
    {
      key: "active",
      header: fm.banks.active,
      nowrap: true,
      render: (b) => (
        <Badge variant="light" color={b.active ? "green" : "gray"} styles={{ root: { textTransform: "none" } }}>
          {b.active ? fm.banks.activeLabel : fm.banks.inactiveLabel}
        </Badge>
      ),
    },
    {
      key: "actions",
      header: "操作",
      nowrap: true,
      render: (b) => (
        <Button
          size="xs"
          variant="default"
          loading={update.isPending && update.variables?.id === b.id}
          onClick={() => update.mutate({ id: b.id, active: !b.active })}
        >
          {b.active ? fm.banks.deactivate : fm.banks.activate}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={fm.banks.title}
        subtitle={fm.banks.intro}
        breadcrumbs={[{ label: sm.moduleName, href: "/sdgs" }, { label: fm.banks.title }]}
      />
      <Stack gap="lg">
        <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={fm.banks.add}>
          <Group align="end" gap="sm" wrap="wrap">
            <TextInput
              label={fm.banks.name}
              required
              maxLength={100}
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              style={{ minWidth: 280 }}
            />
            <Button type="submit" loading={create.isPending}>
              {fm.banks.addSubmit}
            </Button>
          </Group>
        </Paper>
        <ErrorAlert error={banks.error ?? create.error ?? update.error} />
        <DataTable
          caption={fm.banks.caption}
          captionHidden
          columns={columns}
          rows={banks.data?.items}
          rowKey={(b) => b.id}
          loading={banks.isPending}
          empty={fm.banks.empty}
        />
      </Stack>
    </>
  );
}
