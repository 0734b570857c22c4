// /sdgs/applications 「認証の申請」: the submitted applications (drafts stay the company's own), filtered by 募集回,
// 状態, 種別, 区, 業種 and a company name/kana/法人番号 fragment, sorted and paged by the server; the conditions live in
// the URL (a view can be bookmarked), and the CSV button exports the same list. Contacts are never in the list.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { listSdgsRounds } from "../../../common/api/sdgs-rounds";
import { type ApplicationRow, exportApplicationsCsv, listApplications } from "../../../common/api/sdgs-screening";
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUSES, type ApplicationStatus } from "../../../common/sdgs/application-states";
import { APPLICATION_KIND_LABELS, APPLICATION_KINDS, INDUSTRIES, INDUSTRY_LABELS, WARD_LABELS, WARDS } from "../../../common/sdgs/labels";
import { call, urlFor } from "../../api/client";
import { type Column, DataTable, type SortState } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { sm } from "./messages";
import { ApplicationStatusBadge } from "./ScreeningParts";
import { scm } from "./screeningMessages";
import { type ApplicationSearch, applicationSearch, screeningKeys, sortStateOf, sortValueOf } from "./screeningQueries";

const t = scm.list;
const PAGE_SIZE = 50;
const LISTED = APPLICATION_STATUSES.filter((s) => s !== "draft");

export function ApplicationsPage({ search }: { search: ApplicationSearch }) {
  const navigate = useNavigate();
  const sort = search.sort ?? "-submittedAt";
  const page = search.page ?? 1;
  const { sort: _sort, page: _page, ...filters } = search;
  const query = { ...filters, sort, page, pageSize: PAGE_SIZE };
  const list = useQuery({
    queryKey: screeningKeys.list(query),
    queryFn: () => call(listApplications, { query }),
    placeholderData: keepPreviousData,
  });
  const filtered = Object.keys(filters).length > 0;
  const csvHref = urlFor(exportApplicationsCsv, { query: { ...filters, sort } });

  function go(next: ApplicationSearch) {
    navigate({ to: "/sdgs/applications", search: applicationSearch({ ...next }) });
  }

  const columns: Column<ApplicationRow>[] = [
    {
      key: "company",
      header: t.company,
      sortKey: "company",
      rowHeader: true,
      render: (a) => (
        <Group gap={6} wrap="wrap">
          <AnchorLink to="/sdgs/applications/$id" params={{ id: a.id }} fw={600}>
            {a.companyName}
          </AnchorLink>
          {a.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "round", header: scm.list.round, render: (a) => a.roundName },
    { key: "kind", header: t.kind, nowrap: true, render: (a) => APPLICATION_KIND_LABELS[a.kind] },
    { key: "status", header: t.status, sortKey: "status", nowrap: true, render: (a) => <ApplicationStatusBadge status={a.status} /> },
    {
      key: "submittedAt",
      header: t.submittedAt,
      sortKey: "submittedAt",
      nowrap: true,
      render: (a) => (a.submittedAt ? <DateText iso={a.submittedAt.slice(0, 10)} western="title" /> : scm.dash),
    },
    {
      key: "selfScore",
      header: t.selfScore,
      sortKey: "selfScore",
      align: "right",
      nowrap: true,
      render: (a) => (a.selfScore === null ? scm.dash : scm.points(a.selfScore)),
    },
    {
      key: "reviewScore",
      header: t.reviewScore,
      sortKey: "reviewScore",
      align: "right",
      nowrap: true,
      render: (a) => (a.reviewScore === null ? scm.dash : scm.points(a.reviewScore)),
    },
    { key: "tier", header: t.tier, nowrap: true, render: (a) => a.suggestedTierName ?? scm.dash },
    {
      key: "missing",
      header: t.missing,
      align: "right",
      nowrap: true,
      render: (a) =>
        a.missingRequired ? (
          <Text span size="sm" c="#9b1c1c" fw={700}>
            {a.missingRequired}
          </Text>
        ) : (
          "0"
        ),
    },
    { key: "reviews", header: t.reviews, nowrap: true, render: (a) => t.reviewsCount(a.submittedReviews) },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[{ label: sm.moduleName, href: "/sdgs" }, { label: t.title }]}
        actions={
          <Button component="a" href={csvHref} variant="default" download>
            {t.csv}
          </Button>
        }
      />
      <Filters key={JSON.stringify(filters)} search={search} onApply={go} />
      <DataTable
        caption={t.caption}
        columns={columns}
        rows={list.data?.items}
        rowKey={(a) => a.id}
        loading={list.isFetching && !list.data}
        error={list.error}
        empty={filtered ? t.empty : t.emptyAll}
        minWidth={1100}
        sort={sortStateOf(sort)}
        onSortChange={(next: SortState) => go({ ...search, sort: sortValueOf(next), page: undefined })}
        paging={{
          page,
          pageSize: PAGE_SIZE,
          total: list.data?.total ?? 0,
          onPageChange: (p) => go({ ...search, page: p }),
        }}
      />
    </>
  );
}

function Filters({ search, onApply }: { search: ApplicationSearch; onApply: (next: ApplicationSearch) => void }) {
  const rounds = useQuery({ queryKey: ["sdgs", "rounds", "list"], queryFn: () => call(listSdgsRounds) });
  const [draft, setDraft] = useState({
    q: search.q ?? "",
    roundId: search.roundId ?? "",
    status: search.status ?? "",
    kind: search.kind ?? "",
    ward: search.ward ?? "",
    industry: search.industry ?? "",
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    onApply(
      applicationSearch({
        q: draft.q,
        roundId: draft.roundId,
        status: draft.status,
        kind: draft.kind,
        ward: draft.ward,
        industry: draft.industry,
        sort: search.sort,
      }),
    );
  }
  const set = (key: keyof typeof draft) => (e: { currentTarget: { value: string } }) =>
    setDraft({ ...draft, [key]: e.currentTarget.value });
  return (
    <Paper withBorder p="md" mb="md" component="section" aria-labelledby="sdgs-applications-filter-heading">
      <Text id="sdgs-applications-filter-heading" fw={700} size="sm" mb="xs">
        {t.filters}
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <TextInput label={t.q} placeholder={t.qPlaceholder} type="search" maxLength={100} value={draft.q} onChange={set("q")} />
            <NativeSelect
              label={t.round}
              value={draft.roundId}
              onChange={set("roundId")}
              data={[{ value: "", label: t.allRounds }, ...(rounds.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))]}
            />
            <NativeSelect
              label={t.status}
              value={draft.status}
              onChange={set("status")}
              data={[
                { value: "", label: t.allStatuses },
                ...LISTED.map((s) => ({ value: s, label: APPLICATION_STATUS_LABELS[s as ApplicationStatus] })),
              ]}
            />
            <NativeSelect
              label={t.kind}
              value={draft.kind}
              onChange={set("kind")}
              data={[{ value: "", label: t.allKinds }, ...APPLICATION_KINDS.map((k) => ({ value: k, label: APPLICATION_KIND_LABELS[k] }))]}
            />
            <NativeSelect
              label={t.ward}
              value={draft.ward}
              onChange={set("ward")}
              data={[{ value: "", label: t.allWards }, ...WARDS.map((w) => ({ value: w, label: WARD_LABELS[w] }))]}
            />
            <NativeSelect
              label={t.industry}
              value={draft.industry}
              onChange={set("industry")}
              data={[{ value: "", label: t.allIndustries }, ...INDUSTRIES.map((i) => ({ value: i, label: `${i} ${INDUSTRY_LABELS[i]}` }))]}
            />
          </SimpleGrid>
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
