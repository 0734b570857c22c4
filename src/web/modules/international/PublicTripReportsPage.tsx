// /public/international/trip-reports: the 海外出張の報告 the city publishes, no sign-in — a keyword search (title,
// purpose, destinations, results) and filters (年度 of departure, 訪問国) kept in the URL so that a result can be
// bookmarked, and the list with the dates in 和暦 (西暦 on hover). Each title leads to the report's public page.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import type { PublicTripReportSummary } from "../../../common/api/international-public-trips";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { PublicInternationalTabs } from "./PublicInternationalTabs";
import { PublicOwnerName } from "./PublicOwnerName";
import { type PublicTripSearch, publicTripSearch } from "./public-search";
import { pm } from "./publicMessages";
import { usePublicTripReports } from "./publicQueries";
import { ptm } from "./publicTripMessages";

const PAGE_SIZE = 20;

export function PublicTripReportsPage({ search }: { search: PublicTripSearch }) {
  const navigate = useNavigate();
  const page = search.page ?? 1;
  const reports = usePublicTripReports({ ...search, page, pageSize: PAGE_SIZE });
  const [draft, setDraft] = useState({
    q: search.q ?? "",
    fiscalYear: search.fiscalYear ? String(search.fiscalYear) : "",
    country: search.country ?? "",
  });
  const choices = reports.data?.choices;

  function go(next: PublicTripSearch) {
    navigate({ to: "/public/international/trip-reports", search: publicTripSearch({ ...next }) });
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    go({ q: draft.q, fiscalYear: draft.fiscalYear ? Number(draft.fiscalYear) : undefined, country: draft.country });
  }
  function clear() {
    setDraft({ q: "", fiscalYear: "", country: "" });
    go({});
  }

  const columns: Column<PublicTripReportSummary>[] = [
    {
      key: "title",
      header: ptm.tripTitle,
      rowHeader: true,
      render: (t) => (
        <Group gap={6} wrap="wrap">
          <AnchorLink to="/public/international/trip-reports/$id" params={{ id: t.id }}>
            {t.title}
          </AnchorLink>
          {t.isSample && <SampleBadge />}
        </Group>
      ),
    },
    {
      key: "destinations",
      header: ptm.destinations,
      render: (t) =>
        t.destinations.length === 0 ? (
          ptm.dash
        ) : (
          <Stack gap={0}>
            {t.destinations.map((d) => (
              <Text key={`${d.country}/${d.city}`} size="sm">
                {ptm.destinationLabel(d)}
              </Text>
            ))}
          </Stack>
        ),
    },
    {
      key: "period",
      header: ptm.period,
      nowrap: true,
      render: (t) => (
        <Stack gap={0}>
          <DateText iso={t.departsOn} western="title" />
          <span>
            〜<DateText iso={t.returnsOn} western="title" />
          </span>
        </Stack>
      ),
    },
    { key: "owner", header: ptm.owner, render: (t) => <PublicOwnerName owner={t.ownerName} bureau={t.bureauName} /> },
    { key: "filedOn", header: ptm.filedOn, nowrap: true, render: (t) => <DateText iso={t.reportFiledOn} western="title" /> },
  ];

  return (
    <>
      <PageHeader
        title={ptm.title}
        subtitle={ptm.intro}
        breadcrumbs={[{ label: pm.publicHome, href: "/public" }, { label: pm.title, href: "/public/international" }, { label: ptm.title }]}
      />
      <Stack gap="lg">
        <PublicInternationalTabs current="trip-reports" />
        <Paper withBorder p="md" component="form" role="search" aria-label={ptm.filters} onSubmit={submit}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" style={{ alignItems: "end" }}>
            <TextInput
              label={ptm.keyword}
              description={ptm.keywordHint}
              value={draft.q}
              maxLength={100}
              onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
            />
            <NativeSelect
              label={ptm.fiscalYear}
              description={ptm.fiscalYearHint}
              value={draft.fiscalYear}
              data={[
                { value: "", label: ptm.all },
                ...(choices?.fiscalYears ?? []).map((fy) => ({ value: String(fy), label: fiscalYearLabel(fy) })),
              ]}
              onChange={(e) => setDraft({ ...draft, fiscalYear: e.currentTarget.value })}
            />
            <NativeSelect
              label={ptm.country}
              value={draft.country}
              data={[{ value: "", label: ptm.all }, ...(choices?.countries ?? []).map((c) => ({ value: c, label: c }))]}
              onChange={(e) => setDraft({ ...draft, country: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Group gap="sm" mt="md">
            <Button type="submit">{ptm.search}</Button>
            <Button type="button" variant="default" onClick={clear}>
              {ptm.clear}
            </Button>
          </Group>
        </Paper>
        <ErrorAlert error={reports.error} />
        <Text role="status" aria-live="polite" fw={600}>
          {reports.data ? ptm.resultCount(reports.data.total) : ptm.loading}
        </Text>
        <DataTable
          caption={ptm.caption}
          captionHidden
          columns={columns}
          rows={reports.data?.items}
          rowKey={(t) => t.id}
          loading={reports.isPending}
          empty={ptm.empty}
          paging={{
            page,
            pageSize: PAGE_SIZE,
            total: reports.data?.total ?? 0,
            onPageChange: (next) => go({ ...search, page: next }),
          }}
        />
      </Stack>
    </>
  );
}
