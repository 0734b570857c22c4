// /international/trips 「海外出張」: the trips the caller may see (the bureau all of them; a division its own and the
// ones its staff go on), filtered (キーワード, 状態, 課, 年度, 報告遅延のみ), sorted and paged by the server; a trip whose
// report is past due is flagged 「報告期限超過」. The conditions live in the URL, like the projects' list, and can be
// kept under a name (「保存した条件」, SavedViews.tsx).
import { Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import {
  listTrips,
  TRIP_SORTS,
  TRIP_STATUS_LABELS,
  TRIP_STATUSES,
  type TripStatus,
  type TripSummary,
} from "../../../common/api/international";
import { organisationOptions } from "../../admin/organisationOptions";
import { call } from "../../api/client";
import { type Column, DataTable, type SortState } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { useServerPaging } from "../../ui/useServerPaging";
import { useOrganisations } from "../policy";
import { InternationalNav, OverdueBadge, SampleBadge, TripStatusBadge } from "./components";
import { fiscalYearChoices } from "./labels";
import { sortState, sortValue, type TripSearch, tripSearch } from "./list-search";
import { im } from "./messages";
import { internationalKeys, useInternationalAccess } from "./queries";
import { SavedViews } from "./SavedViews";

const t = im.trips;

export function TripsPage({ search }: { search: TripSearch }) {
  const navigate = useNavigate();
  const access = useInternationalAccess();
  const paging = useServerPaging<string>({ key: "departsOn", order: "desc" });
  const sort = search.sort ?? "-departsOn";
  const { sort: _sort, ...filters } = search;
  const query = {
    ...filters,
    overdue: filters.overdue ? ("true" as const) : undefined,
    sort,
    page: paging.page,
    pageSize: paging.pageSize,
  };
  const trips = useQuery({
    queryKey: internationalKeys.trips(query),
    queryFn: () => call(listTrips, { query }),
    placeholderData: keepPreviousData,
  });
  const filtered = Object.keys(filters).length > 0;

  function go(next: TripSearch) {
    paging.firstPage();
    navigate({ to: "/international/trips", search: tripSearch({ ...next }) });
  }

  const columns: Column<TripSummary>[] = [
    {
      key: "title",
      header: t.tripTitle,
      sortKey: "title",
      rowHeader: true,
      render: (trip) => (
        <Group gap={6} wrap="wrap">
          <AnchorLink to="/international/trips/$id" params={{ id: trip.id }} fw={600}>
            {trip.title}
          </AnchorLink>
          {trip.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "owner", header: t.owner, sortKey: "owner", render: (trip) => trip.ownerName },
    {
      key: "status",
      header: t.status,
      sortKey: "status",
      nowrap: true,
      render: (trip) => (
        <Group gap={4} wrap="nowrap">
          <TripStatusBadge status={trip.status} />
          {trip.reportOverdue && <OverdueBadge />}
        </Group>
      ),
    },
    {
      key: "departsOn",
      header: t.period,
      sortKey: "departsOn",
      nowrap: true,
      render: (trip) => (
        <span>
          <DateText iso={trip.departsOn} western="title" />〜<DateText iso={trip.returnsOn} western="title" />
        </span>
      ),
    },
    {
      key: "destinations",
      header: t.destinations,
      render: (trip) => (trip.destinations.length > 0 ? trip.destinations.join(im.listSep) : im.dash),
    },
    { key: "leader", header: t.leader, render: (trip) => trip.leaderName ?? im.dash },
    { key: "travellers", header: t.travellers, align: "right", nowrap: true, render: (trip) => t.travellersCount(trip.travellerCount) },
    { key: "planned", header: t.plannedTotal, align: "right", nowrap: true, render: (trip) => im.yen(trip.plannedTotal) },
    {
      key: "reportDueOn",
      header: t.reportDue,
      sortKey: "reportDueOn",
      nowrap: true,
      render: (trip) =>
        trip.reportFiledOn ? (
          <Text span size="sm">
            {im.trip.reportFiled} <DateText iso={trip.reportFiledOn} western="title" />
          </Text>
        ) : (
          <Text span size="sm" c={trip.reportOverdue ? "#9b1c1c" : undefined} fw={trip.reportOverdue ? 700 : undefined}>
            <DateText iso={trip.reportDueOn} western="title" />
          </Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[{ label: im.moduleName, href: "/international" }, { label: t.title }]}
        actions={access.data?.canCreate ? <ButtonLink to="/international/trips/new">{t.create}</ButtonLink> : null}
      />
      <InternationalNav />
      <SavedViews list="trips" search={search} onApply={(conditions) => go(tripSearch(conditions))} />
      <TripFilters key={JSON.stringify(filters)} search={search} onApply={go} />
      <DataTable
        caption={t.caption}
        columns={columns}
        rows={trips.data?.items}
        rowKey={(trip) => trip.id}
        loading={trips.isFetching && !trips.data}
        error={trips.error}
        empty={filtered ? t.empty : t.emptyAll}
        minWidth={1180}
        {...paging.tableProps(trips.data?.total ?? 0)}
        sort={sortState(sort)}
        onSortChange={(next: SortState) => {
          paging.firstPage();
          navigate({ to: "/international/trips", search: { ...search, sort: sortValue(TRIP_SORTS, next) } });
        }}
      />
    </>
  );
}

function TripFilters({ search, onApply }: { search: TripSearch; onApply: (next: TripSearch) => void }) {
  const organisations = useOrganisations();
  const [draft, setDraft] = useState({
    q: search.q ?? "",
    status: (search.status ?? "") as TripStatus | "",
    organisationId: search.organisationId ?? "",
    fiscalYear: search.fiscalYear ?? null,
    overdue: search.overdue === true,
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({
      q: draft.q.trim() || undefined,
      status: draft.status || undefined,
      organisationId: draft.organisationId || undefined,
      fiscalYear: draft.fiscalYear ?? undefined,
      overdue: draft.overdue ? true : undefined,
      sort: search.sort,
    });
  }
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby="intl-trips-filter-heading">
      <Text id="intl-trips-filter-heading" fw={700} size="sm" mb="xs">
        {t.filters}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <TextInput
              label={t.q}
              placeholder={t.qPlaceholder}
              type="search"
              maxLength={100}
              value={draft.q}
              onChange={(e) => setDraft({ ...draft, q: e.currentTarget.value })}
            />
            <NativeSelect
              label={t.status}
              value={draft.status}
              onChange={(e) => setDraft({ ...draft, status: e.currentTarget.value as TripStatus | "" })}
              data={[{ value: "", label: t.allStatuses }, ...TRIP_STATUSES.map((s) => ({ value: s, label: TRIP_STATUS_LABELS[s] }))]}
            />
            <NativeSelect
              label={t.organisation}
              value={draft.organisationId}
              onChange={(e) => setDraft({ ...draft, organisationId: e.currentTarget.value })}
              data={[{ value: "", label: t.allOrganisations }, ...organisationOptions(organisations.data?.items ?? [])]}
            />
            <FiscalYearSelect
              label={t.fiscalYear}
              allLabel={t.allYears}
              years={fiscalYearChoices(draft.fiscalYear)}
              value={draft.fiscalYear}
              onChange={(fy) => setDraft({ ...draft, fiscalYear: fy })}
            />
          </SimpleGrid>
          <Checkbox
            label={t.overdueOnly}
            checked={draft.overdue}
            onChange={(e) => setDraft({ ...draft, overdue: e.currentTarget.checked })}
          />
          <Group gap="xs">
            <Button type="submit">{t.search}</Button>
            <Button variant="default" onClick={() => onApply({ sort: search.sort })}>
              {t.reset}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
