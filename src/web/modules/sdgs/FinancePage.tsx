// /sdgs/finance (staff): every bank's finance records for certified companies, filtered by bank, tier and fiscal year
// (of the finance date), with the count and the sum of the amount bands' lower bounds (「以上」).
import { Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { FinanceLink } from "../../../common/api/sdgs-finance";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { currentFiscalYear } from "../../ui/FiscalYear";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { fm, yenAtLeast } from "./financeMessages";
import { useBanks, useFinanceList } from "./financeQueries";
import { sm } from "./messages";
import { TierBadge } from "./PublicRegistryPage";

const PAGE_SIZE = 50;

export function FinancePage() {
  const [bankId, setBankId] = useState("");
  const [tierRank, setTierRank] = useState("");
  const [fiscalYear, setFiscalYear] = useState("");
  const [page, setPage] = useState(1);
  const banks = useBanks();
  const list = useFinanceList({
    page,
    pageSize: PAGE_SIZE,
    bankId: bankId || undefined,
    tierRank: tierRank ? Number(tierRank) : undefined,
    fiscalYear: fiscalYear ? Number(fiscalYear) : undefined,
  });
  const years = Array.from({ length: currentFiscalYear() - 2023 + 1 }, (_, i) => currentFiscalYear() - i);

  const columns: Column<FinanceLink>[] = [
    { key: "date", header: "実行日", nowrap: true, render: (f) => <DateText iso={f.executedOn} western="title" /> },
    {
      key: "company",
      header: fm.finance.company,
      rowHeader: true,
      render: (f) => (
        <Stack gap={2}>
          <Group gap={6}>
            <Text size="sm">{f.companyName}</Text>
            {f.isSample && <SampleBadge />}
          </Group>
          <Text size="xs" c="dimmed">
            {f.certificateNumber}
          </Text>
        </Stack>
      ),
    },
    { key: "tier", header: fm.finance.tier, nowrap: true, render: (f) => <TierBadge name={f.tierName} rank={f.tierRank} /> },
    { key: "bank", header: fm.finance.bank, render: (f) => f.bankName },
    { key: "kind", header: fm.bank.productKind, render: (f) => `${fm.productKind(f.productKind)}（${f.productName}）` },
    { key: "band", header: fm.bank.amountBand, render: (f) => fm.amountBand(f.amountBand) },
  ];

  return (
    <>
      <PageHeader
        title={fm.finance.title}
        subtitle={fm.finance.intro}
        breadcrumbs={[{ label: sm.moduleName, href: "/sdgs" }, { label: fm.finance.title }]}
      />
      <Stack gap="lg">
        <Group gap="md" align="end" wrap="wrap">
          <NativeSelect
            label={fm.finance.bank}
            value={bankId}
            data={[{ value: "", label: fm.finance.all }, ...(banks.data?.items ?? []).map((b) => ({ value: b.id, label: b.name }))]}
            onChange={(e) => {
              setBankId(e.currentTarget.value);
              setPage(1);
            }}
          />
          <NativeSelect
            label={fm.finance.tier}
            value={tierRank}
            data={[{ value: "", label: fm.finance.all }, ...[1, 2, 3].map((r) => ({ value: String(r), label: `第${r}区分` }))]}
            onChange={(e) => {
              setTierRank(e.currentTarget.value);
              setPage(1);
            }}
          />
          <NativeSelect
            label={fm.finance.fiscalYear}
            value={fiscalYear}
            data={[{ value: "", label: fm.finance.all }, ...years.map((y) => ({ value: String(y), label: fiscalYearLabel(y) }))]}
            onChange={(e) => {
              setFiscalYear(e.currentTarget.value);
              setPage(1);
            }}
          />
        </Group>
        <ErrorAlert error={list.error} />
        <Text role="status" aria-live="polite" fw={600}>
          {list.data ? fm.finance.total(list.data.total, yenAtLeast(list.data.amountAtLeastYen)) : "読み込み中…"}
        </Text>
        <DataTable
          caption={fm.finance.caption}
          captionHidden
          columns={columns}
          rows={list.data?.items}
          rowKey={(f) => f.id}
          loading={list.isPending}
          empty={fm.finance.empty}
          paging={{ page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onPageChange: setPage }}
        />
      </Stack>
    </>
  );
}
