// /sdgs/station/consultations 「相談」: the station's consultations, filtered by 年度・月・方法・区分・内容・結果・
// SDGs目標・フォローアップ・キーワード (all kept in the URL, with the page and the sort), paged by the server. The
// bureau's editors record a consultation from here (「相談を記録」).
import { Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import type { Consultation } from "../../../common/api/sdgs-station";
import {
  CLIENT_KIND_LABELS,
  CLIENT_KINDS,
  CONSULTATION_CHANNEL_LABELS,
  CONSULTATION_CHANNELS,
  CONSULTATION_OUTCOME_LABELS,
  CONSULTATION_OUTCOMES,
  CONSULTATION_TOPIC_LABELS,
  CONSULTATION_TOPICS,
} from "../../../common/sdgs/labels";
import { SDG_GOALS } from "../../../common/sdgs/sdg-goals";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { InternalLink } from "../../ui/InternalLink";
import { ListTextSearch } from "../../ui/ListTextSearch";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { ConsultationFormDialog } from "./ConsultationFormDialog";
import { FollowUpBadge, StationNav } from "./StationParts";
import { stm } from "./stationMessages";
import {
  CONSULTATION_PAGE_SIZE,
  type ConsultationSearch,
  type ConsultationSort,
  consultationSearch,
  useConsultations,
} from "./stationQueries";

const t = stm.consultation;

export function clientOf(c: Consultation): string {
  if (c.clientKind === "citizen") return CLIENT_KIND_LABELS.citizen;
  const name = c.companyName ?? c.clientLabel;
  return name ? `${name}（${CLIENT_KIND_LABELS[c.clientKind]}）` : CLIENT_KIND_LABELS[c.clientKind];
}

function options<K extends string>(codes: readonly K[], labels: Record<K, string>) {
  return [{ value: "", label: stm.all }, ...codes.map((c) => ({ value: c, label: labels[c] }))];
}

export function ConsultationsPage({ search }: { search: ConsultationSearch }) {
  const navigate = useNavigate();
  const list = useConsultations(search);
  const [creating, setCreating] = useState(false);

  function go(next: ConsultationSearch, keepPage = false) {
    navigate({
      to: "/sdgs/station/consultations" as never,
      search: consultationSearch({ ...next, page: keepPage ? next.page : undefined }) as never,
    });
  }
  const set = (patch: Partial<ConsultationSearch>) => go({ ...search, ...patch });
  const sort = search.sort ?? "-consultedOn";
  const sortKey = sort.replace(/^-/, "") as "consultedOn" | "followUpDue" | "topic" | "outcome";

  const columns: Column<Consultation, string>[] = [
    {
      key: "date",
      header: t.consultedOn,
      rowHeader: true,
      nowrap: true,
      sortKey: "consultedOn",
      render: (c) => (
        <Group gap={6} wrap="nowrap">
          <InternalLink href={`/sdgs/station/consultations/${c.id}`}>
            <DateText iso={c.consultedOn} western="title" />
          </InternalLink>
          {c.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "client", header: t.client, render: clientOf },
    { key: "channel", header: t.channel, nowrap: true, render: (c) => CONSULTATION_CHANNEL_LABELS[c.channel] },
    { key: "topic", header: t.topic, nowrap: true, sortKey: "topic", render: (c) => CONSULTATION_TOPIC_LABELS[c.topic] },
    { key: "goals", header: t.goals, render: (c) => (c.sdgGoals.length ? c.sdgGoals.join("・") : stm.dash) },
    { key: "outcome", header: t.outcome, nowrap: true, sortKey: "outcome", render: (c) => CONSULTATION_OUTCOME_LABELS[c.outcome] },
    {
      key: "followUp",
      header: t.followUpState,
      nowrap: true,
      sortKey: "followUpDue",
      render: (c) => (
        <Group gap={6} wrap="nowrap">
          <FollowUpBadge state={c.followUpState} />
          {c.followUpDue && c.followUpState !== "done" && <DateText iso={c.followUpDue} western="title" />}
        </Group>
      ),
    },
    { key: "staff", header: t.staff, nowrap: true, render: (c) => c.staffName ?? stm.dash },
  ];

  return (
    <>
      <PageHeader
        title={t.listTitle}
        breadcrumbs={[{ label: stm.station, href: "/sdgs/station" }, { label: t.listTitle }]}
        subtitle={t.intro}
        actions={list.data?.canManage ? <Button onClick={() => setCreating(true)}>{t.record}</Button> : null}
      />
      <StationNav />
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <FiscalYearSelect
            label={t.fiscalYear}
            allLabel={stm.all}
            value={search.fiscalYear ?? null}
            onChange={(fy) => set({ fiscalYear: fy ?? undefined })}
            w={220}
          />
          <NativeSelect
            label={t.month}
            value={search.month ? String(search.month) : ""}
            data={[
              { value: "", label: t.allMonths },
              ...[4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3].map((mo) => ({ value: String(mo), label: `${mo}月` })),
            ]}
            onChange={(e) => set({ month: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })}
            w={130}
          />
          <NativeSelect
            label={t.topic}
            value={search.topic ?? ""}
            data={options(CONSULTATION_TOPICS, CONSULTATION_TOPIC_LABELS)}
            onChange={(e) => set({ topic: (e.currentTarget.value || undefined) as ConsultationSearch["topic"] })}
            w={180}
          />
          <NativeSelect
            label={t.outcome}
            value={search.outcome ?? ""}
            data={options(CONSULTATION_OUTCOMES, CONSULTATION_OUTCOME_LABELS)}
            onChange={(e) => set({ outcome: (e.currentTarget.value || undefined) as ConsultationSearch["outcome"] })}
            w={180}
          />
          <NativeSelect
            label={t.channel}
            value={search.channel ?? ""}
            data={options(CONSULTATION_CHANNELS, CONSULTATION_CHANNEL_LABELS)}
            onChange={(e) => set({ channel: (e.currentTarget.value || undefined) as ConsultationSearch["channel"] })}
            w={170}
          />
          <NativeSelect
            label={t.clientKind}
            value={search.clientKind ?? ""}
            data={options(CLIENT_KINDS, CLIENT_KIND_LABELS)}
            onChange={(e) => set({ clientKind: (e.currentTarget.value || undefined) as ConsultationSearch["clientKind"] })}
            w={130}
          />
          <NativeSelect
            label={t.sdgGoal}
            value={search.sdgGoal ? String(search.sdgGoal) : ""}
            data={[{ value: "", label: stm.all }, ...SDG_GOALS.map((name, i) => ({ value: String(i + 1), label: `${i + 1}. ${name}` }))]}
            onChange={(e) => set({ sdgGoal: e.currentTarget.value ? Number(e.currentTarget.value) : undefined })}
            w={240}
          />
          <NativeSelect
            label={t.followUpFilter}
            value={search.followUp ?? ""}
            data={[
              { value: "", label: stm.all },
              { value: "open", label: t.followUpOpen },
              { value: "overdue", label: t.followUpOverdue },
            ]}
            onChange={(e) => set({ followUp: (e.currentTarget.value || undefined) as ConsultationSearch["followUp"] })}
            w={140}
          />
          <ListTextSearch
            label={t.q}
            description={t.qHelp}
            value={search.q}
            onSearch={(q) => set({ q })}
            width={220}
            buttonLabel={t.search}
          />
          <Button variant="subtle" onClick={() => go({})}>
            {t.clear}
          </Button>
        </Group>
        {list.data && (
          <Text size="sm" role="status">
            {t.total(list.data.total)}
          </Text>
        )}
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={list.data?.items}
          rowKey={(c) => c.id}
          loading={list.isPending}
          error={list.error}
          empty={t.empty}
          minWidth={980}
          sort={{ key: sortKey, order: sort.startsWith("-") ? "desc" : "asc" }}
          onSortChange={(next) => set({ sort: `${next.order === "desc" ? "-" : ""}${next.key}` as ConsultationSort })}
          paging={{
            page: search.page ?? 1,
            pageSize: CONSULTATION_PAGE_SIZE,
            total: list.data?.total ?? 0,
            onPageChange: (page) => go({ ...search, page }, true),
          }}
        />
      </Stack>
      {creating && <ConsultationFormDialog onClose={() => setCreating(false)} />}
    </>
  );
}
