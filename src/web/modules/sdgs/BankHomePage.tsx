// /sdgs/bank: a partner bank's own page — its finance records (融資・保証・SLL …) for certified companies, the
// 「融資等を登録」 form with a search of the certified companies valid today (SearchCombobox), edits and deletes of its
// own records (with their version), and 認証の確認 by number.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { type FormEvent, useState } from "react";
import type { BankCertifiedCompany, FinanceLink } from "../../../common/api/sdgs-finance";
import { AMOUNT_BANDS, type AmountBand, FINANCE_PRODUCT_KINDS, type FinanceProductKind } from "../../../common/sdgs/labels";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { SearchCombobox } from "../../ui/SearchCombobox";
import { fm } from "./financeMessages";
import { financeKeys, searchBankCompanies, useBankFinance, useDeleteBankFinance, useSaveBankFinance } from "./financeQueries";
import { CertificateCheck } from "./PublicCertificateCheckPage";
import { TierBadge } from "./PublicRegistryPage";

interface Draft {
  id?: string;
  version?: number;
  companyText: string;
  certificateNumber: string;
  companyName: string;
  productKind: FinanceProductKind;
  productName: string;
  amountBand: AmountBand;
  dateText: string;
  executedOn: string;
  note: string;
}

const EMPTY: Draft = {
  companyText: "",
  certificateNumber: "",
  companyName: "",
  productKind: "loan",
  productName: "",
  amountBand: "under_10m",
  dateText: "",
  executedOn: "",
  note: "",
};

function FinanceForm({ initial, onDone }: { initial: Draft; onDone: () => void }) {
  const [draft, setDraft] = useState<Draft>(initial);
  const save = useSaveBankFinance();
  const flash = useFlash();

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate(
      {
        id: draft.id,
        version: draft.version,
        finance: {
          certificateNumber: draft.certificateNumber || undefined,
          productKind: draft.productKind,
          productName: draft.productName,
          amountBand: draft.amountBand,
          executedOn: draft.executedOn || draft.dateText,
          note: draft.note,
        },
      },
      {
        onSuccess: () => {
          flash.show(fm.bank.saved);
          onDone();
        },
      },
    );
  }

  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={draft.id ? fm.bank.edit : fm.bank.add}>
      <Stack gap="md">
        <Title order={2} size="h3">
          {draft.id ? fm.bank.edit : fm.bank.add}
        </Title>
        <SearchCombobox<BankCertifiedCompany>
          label={fm.bank.company}
          description={fm.bank.companyHint}
          required
          value={draft.companyText}
          onChange={(text) => setDraft({ ...draft, companyText: text, certificateNumber: "", companyName: "" })}
          onSelect={(c) =>
            setDraft({
              ...draft,
              companyText: `${c.companyName}（${c.certificateNumber}）`,
              certificateNumber: c.certificateNumber,
              companyName: c.companyName,
            })
          }
          queryKey={financeKeys.companies}
          search={searchBankCompanies}
          itemKey={(c) => c.certificationId}
          itemLabel={(c) => `${c.companyName}（${c.certificateNumber}）`}
          itemDetail={(c) => `${c.tierName}・有効期間 ${warekiOf(c.validFrom)}〜${warekiOf(c.validUntil)}`}
          texts={{ noMatch: fm.bank.noMatch, searching: fm.bank.searching, count: fm.bank.count, failed: fm.bank.failed }}
        />
        <Text size="sm" c={draft.certificateNumber ? undefined : "dimmed"} aria-live="polite">
          {draft.certificateNumber ? fm.bank.companyChosen(draft.companyName, draft.certificateNumber) : fm.bank.companyNotChosen}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label={fm.bank.productKind}
            value={draft.productKind}
            data={FINANCE_PRODUCT_KINDS.map((k) => ({ value: k, label: fm.productKind(k) }))}
            onChange={(e) => setDraft({ ...draft, productKind: e.currentTarget.value as FinanceProductKind })}
          />
          <TextInput
            label={fm.bank.productName}
            required
            maxLength={100}
            value={draft.productName}
            onChange={(e) => setDraft({ ...draft, productName: e.currentTarget.value })}
          />
          <NativeSelect
            label={fm.bank.amountBand}
            value={draft.amountBand}
            data={AMOUNT_BANDS.map((b) => ({ value: b, label: fm.amountBand(b) }))}
            onChange={(e) => setDraft({ ...draft, amountBand: e.currentTarget.value as AmountBand })}
          />
          <JapaneseDateInput
            label={fm.bank.executedOn}
            description={fm.bank.executedOnHint}
            required
            value={draft.dateText}
            onChange={(text, parsed) => setDraft({ ...draft, dateText: text, executedOn: parsed?.iso ?? "" })}
          />
        </SimpleGrid>
        <Textarea
          label={fm.bank.note}
          maxLength={1000}
          autosize
          minRows={2}
          value={draft.note}
          onChange={(e) => setDraft({ ...draft, note: e.currentTarget.value })}
        />
        <ErrorAlert
          error={save.error}
          fieldLabels={{ certificateNumber: fm.bank.company, executedOn: fm.bank.executedOn, productName: fm.bank.productName }}
        />
        <Group gap="sm">
          <Button type="submit" loading={save.isPending}>
            {draft.id ? fm.bank.saveEdit : fm.bank.save}
          </Button>
          <Button type="button" variant="default" onClick={onDone}>
            {fm.bank.cancel}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

export function BankHomePage() {
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Draft | null>(null);
  const records = useBankFinance(page);
  const remove = useDeleteBankFinance();
  const flash = useFlash();

  const edit = (f: FinanceLink) =>
    setEditing({
      id: f.id,
      version: f.version,
      companyText: `${f.companyName}（${f.certificateNumber}）`,
      certificateNumber: f.certificateNumber,
      companyName: f.companyName,
      productKind: f.productKind,
      productName: f.productName,
      amountBand: f.amountBand,
      dateText: f.executedOn,
      executedOn: f.executedOn,
      note: f.note,
    });

  const columns: Column<FinanceLink>[] = [
    { key: "date", header: fm.bank.executedOn, nowrap: true, render: (f) => <DateText iso={f.executedOn} western="title" /> },
    {
      key: "company",
      header: fm.bank.company,
      rowHeader: true,
      render: (f) => (
        <Stack gap={2}>
          <Group gap={6}>
            <Text size="sm">{f.companyName}</Text>
            {f.isSample && <SampleBadge />}
          </Group>
          <Group gap={6}>
            <TierBadge name={f.tierName} rank={f.tierRank} />
            <Text size="xs" c="dimmed">
              {f.certificateNumber}
            </Text>
          </Group>
        </Stack>
      ),
    },
    { key: "kind", header: fm.bank.productKind, render: (f) => fm.productKind(f.productKind) },
    { key: "name", header: fm.bank.productName, render: (f) => f.productName },
    { key: "band", header: fm.bank.amountBand, render: (f) => fm.amountBand(f.amountBand) },
    {
      key: "actions",
      header: "操作",
      nowrap: true,
      render: (f) => (
        <Group gap={6} wrap="nowrap">
          <Button size="xs" variant="default" onClick={() => edit(f)}>
            {fm.bank.edit}
          </Button>
          <ConfirmButton
            size="xs"
            color="red"
            variant="light"
            title={`${f.companyName}の登録を${fm.bank.delete}`}
            message={fm.bank.deleteConfirm}
            confirmColor="red"
            onConfirm={async () => {
              await remove.mutateAsync({ id: f.id, version: f.version });
              flash.show(fm.bank.deleted);
            }}
          >
            {fm.bank.delete}
          </ConfirmButton>
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={fm.bank.title} subtitle={fm.bank.intro} />
      <Stack gap="xl">
        {editing ? (
          <FinanceForm key={editing.id ?? "new"} initial={editing} onDone={() => setEditing(null)} />
        ) : (
          <Group>
            <Button onClick={() => setEditing(EMPTY)}>{fm.bank.add}</Button>
          </Group>
        )}
        <Stack gap="sm">
          <Title order={2} size="h3">
            {fm.bank.listTitle}
          </Title>
          <ErrorAlert error={records.error ?? remove.error} />
          <DataTable
            caption={fm.bank.caption}
            captionHidden
            columns={columns}
            rows={records.data?.items}
            rowKey={(f) => f.id}
            loading={records.isPending}
            empty={fm.bank.empty}
            paging={{ page, pageSize: 20, total: records.data?.total ?? 0, onPageChange: setPage }}
          />
        </Stack>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {fm.bank.checkTitle}
          </Title>
          <Text size="sm">{fm.bank.checkIntro}</Text>
          <CertificateCheck headingLevel={3} />
        </Stack>
      </Stack>
    </>
  );
}
