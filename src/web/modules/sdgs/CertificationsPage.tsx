// /sdgs/certifications (staff): the certifications with their state on today's date in Japan (有効・報告期限超過・
// 期限間近・更新済み・期限切れ・取消し), filtered by state, tier, ward, industry and name or number, a page at a time.
import { Group, NativeSelect, Stack, Text, TextInput } from "@mantine/core";
import { useState } from "react";
import { CERTIFICATION_STATES, type CertificationSummary } from "../../../common/api/sdgs-certification";
import { INDUSTRIES, INDUSTRY_LABELS, type Industry, WARD_LABELS, WARDS, type Ward } from "../../../common/sdgs/labels";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { StatusBadge } from "../../ui/StatusBadge";
import { cm, STATE_TONES } from "./certificationMessages";
import { useCertifications } from "./certificationQueries";
import { sm } from "./messages";

const PAGE_SIZE = 50;

export function CertificationsPage() {
  const t = cm.list;
  const [state, setState] = useState("");
  const [tierRank, setTierRank] = useState("");
  const [ward, setWard] = useState("");
  const [industry, setIndustry] = useState("");
  const [q, setQ] = useState("");
  const [page, setPage] = useState(1);
  const list = useCertifications({
    state: (state || undefined) as (typeof CERTIFICATION_STATES)[number] | undefined,
    tierRank: tierRank ? Number(tierRank) : undefined,
    ward: (ward || undefined) as Ward | undefined,
    industry: (industry || undefined) as Industry | undefined,
    q: q.trim() || undefined,
    page,
    pageSize: PAGE_SIZE,
  });
  const reset =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setPage(1);
    };

  const columns: Column<CertificationSummary>[] = [
    {
      key: "number",
      header: t.number,
      nowrap: true,
      render: (c) => (
        <AnchorLink to="/sdgs/certifications/$id" params={{ id: c.id }} fw={600}>
          {c.number}
        </AnchorLink>
      ),
    },
    {
      key: "company",
      header: t.company,
      rowHeader: true,
      render: (c) => (
        <Group gap={6}>
          <Text size="sm">{c.companyName}</Text>
          {c.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "tier", header: t.tier, nowrap: true, render: (c) => c.tierName },
    {
      key: "state",
      header: t.state,
      nowrap: true,
      render: (c) => <StatusBadge label={cm.state(c.state)} tone={STATE_TONES[c.state]} size="sm" />,
    },
    {
      key: "validity",
      header: t.validity,
      nowrap: true,
      render: (c) => (
        <>
          <DateText iso={c.validFrom} western="title" />〜<DateText iso={c.validUntil} western="title" />
        </>
      ),
    },
    { key: "ward", header: t.ward, nowrap: true, render: (c) => WARD_LABELS[c.ward] },
    { key: "industry", header: t.industry, render: (c) => INDUSTRY_LABELS[c.industry] },
    { key: "round", header: t.round, nowrap: true, render: (c) => c.roundName },
  ];

  return (
    <>
      <PageHeader title={t.title} subtitle={t.intro} breadcrumbs={[{ label: sm.moduleName, href: "/sdgs" }, { label: t.title }]} />
      <Stack gap="lg">
        <Group gap="md" align="end" wrap="wrap">
          <NativeSelect
            label={t.state}
            value={state}
            data={[{ value: "", label: t.all }, ...CERTIFICATION_STATES.map((s) => ({ value: s, label: cm.state(s) }))]}
            onChange={(e) => reset(setState)(e.currentTarget.value)}
          />
          <NativeSelect
            label={t.tier}
            value={tierRank}
            data={[
              { value: "", label: t.all },
              ...[...new Map((list.data?.tierNames ?? []).map((n) => [n.rank, n.name])).entries()].map(([rank, name]) => ({
                value: String(rank),
                label: name,
              })),
            ]}
            onChange={(e) => reset(setTierRank)(e.currentTarget.value)}
          />
          <NativeSelect
            label={t.ward}
            value={ward}
            data={[{ value: "", label: t.all }, ...WARDS.map((w) => ({ value: w, label: WARD_LABELS[w] }))]}
            onChange={(e) => reset(setWard)(e.currentTarget.value)}
          />
          <NativeSelect
            label={t.industry}
            value={industry}
            w={260}
            data={[{ value: "", label: t.all }, ...INDUSTRIES.map((i) => ({ value: i, label: INDUSTRY_LABELS[i] }))]}
            onChange={(e) => reset(setIndustry)(e.currentTarget.value)}
          />
          <TextInput label={t.q} value={q} onChange={(e) => reset(setQ)(e.currentTarget.value)} w={220} />
        </Group>
        <ErrorAlert error={list.error} />
        <Text role="status" aria-live="polite" fw={600}>
          {list.data ? t.total(list.data.total) : "読み込み中…"}
        </Text>
        <DataTable
          caption={t.caption}
          captionHidden
          columns={columns}
          rows={list.data?.items}
          rowKey={(c) => c.id}
          loading={list.isPending}
          empty={t.empty}
          paging={{ page, pageSize: PAGE_SIZE, total: list.data?.total ?? 0, onPageChange: setPage }}
        />
      </Stack>
    </>
  );
}
