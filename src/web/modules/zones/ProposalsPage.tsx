// /zones/proposals 「特区 規制改革提案の一覧」: the proposals filtered by 状態 (one state, 進行中, 終了), 分野 and 語句, sorted
// and paged by the server (all kept in the URL), with the list's Excel and CSV.
import { Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { exportProposals, type ProposalSummary } from "../../../common/api/zones";
import { MEASURE_KIND_LABELS, MEASURE_SCOPE_LABELS, PROPOSAL_FIELD_LABELS, PROPOSAL_FIELDS } from "../../../common/zones/proposal-fields";
import { PIPELINE_STATES, PROPOSAL_STATE_LABELS } from "../../../common/zones/proposal-states";
import { urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, splitTimestamp } from "../../ui/dates";
import { InternalLink } from "../../ui/InternalLink";
import { ListTextSearch } from "../../ui/ListTextSearch";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { StateBadge, ZonesNav } from "./components";
import { zm } from "./messages";
import { FIRST_ORDER, PROPOSALS_PAGE_SIZE, type ProposalSearch, type ProposalSort, proposalSearch, useProposals } from "./queries";

const t = zm.list;

export function ProposalsPage({ search }: { search: ProposalSearch }) {
  const navigate = useNavigate();
  const list = useProposals(search);
  const canManage = list.data?.canManage ?? false;

  function go(next: ProposalSearch, keepPage = false) {
    navigate({ to: "/zones/proposals" as never, search: proposalSearch({ ...next, page: keepPage ? next.page : undefined }) as never });
  }
  const set = (patch: Partial<ProposalSearch>) => go({ ...search, ...patch });
  const sort = search.sort ?? "updated";
  const order = search.order ?? FIRST_ORDER[sort];
  const { page: _page, sort: _sort, order: _order, ...filters } = search;
  const filtered = Object.keys(filters).length > 0;
  const exportQuery = { ...filters, sort, order };

  const columns: Column<ProposalSummary, ProposalSort>[] = [
    {
      key: "title",
      header: t.titleCol,
      rowHeader: true,
      sortKey: "title",
      width: 300,
      render: (p) => (
        <Stack gap={2}>
          <InternalLink href={`/zones/proposals/${p.id}`}>{p.title}</InternalLink>
          <Group gap={6} wrap="wrap">
            <Text size="xs" c="dimmed">
              {PROPOSAL_FIELD_LABELS[p.field]}・{MEASURE_SCOPE_LABELS[p.measureScope]}・{MEASURE_KIND_LABELS[p.measureKind]}
            </Text>
            {p.isSample && <SampleBadge />}
          </Group>
        </Stack>
      ),
    },
    {
      key: "state",
      header: t.stateCol,
      sortKey: "state",
      render: (p) => <StateBadge state={p.state} label={p.stateLabel} />,
    },
    {
      key: "stateSince",
      header: t.sinceCol,
      sortKey: "stateSince",
      nowrap: true,
      render: (p) => <DateText iso={p.stateSince} western="title" />,
    },
    {
      key: "daysInState",
      header: t.daysCol,
      sortKey: "daysInState",
      align: "right",
      nowrap: true,
      render: (p) => (p.isEnded ? zm.dash : zm.days(p.daysInState)),
    },
    {
      key: "partners",
      header: t.partnersCol,
      render: (p) => (
        <Stack gap={2}>
          <Text size="sm">{p.partnerNames.length ? p.partnerNames.join("、") : zm.dash}</Text>
          {p.ministries.length > 0 && (
            <Text size="xs" c="dimmed">
              {t.ministriesCol}：{p.ministries.join("、")}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: "proposedOn",
      header: t.proposedCol,
      sortKey: "proposedOn",
      nowrap: true,
      render: (p) => <DateText iso={p.proposedOn} western="title" />,
    },
    {
      key: "updated",
      header: t.updatedCol,
      sortKey: "updated",
      nowrap: true,
      render: (p) => <DateText iso={splitTimestamp(p.updatedAt)?.date ?? null} western="title" />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        breadcrumbs={[{ label: zm.crumbs.zones, href: "/zones" }, { label: zm.crumbs.proposals }]}
        subtitle={t.intro}
        actions={
          <Group gap="xs">
            <Button component="a" href={urlFor(exportProposals, { query: { ...exportQuery, format: "xlsx" } })} variant="default" download>
              {t.excel}
            </Button>
            <Button component="a" href={urlFor(exportProposals, { query: { ...exportQuery, format: "csv" } })} variant="default" download>
              {t.csv}
            </Button>
            {canManage && <ButtonLink to="/zones/proposals/new">{t.create}</ButtonLink>}
          </Group>
        }
      />
      <ZonesNav canManage={canManage} />
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <NativeSelect
            label={t.state}
            value={search.state ?? ""}
            data={[
              { value: "", label: zm.all },
              { value: "active", label: t.activeOnly },
              { value: "ended", label: t.endedOnly },
              ...PIPELINE_STATES.map((s) => ({ value: s, label: PROPOSAL_STATE_LABELS[s] })),
            ]}
            onChange={(e) => set({ state: (e.currentTarget.value || undefined) as ProposalSearch["state"] })}
            w={200}
          />
          <NativeSelect
            label={t.field}
            value={search.field ?? ""}
            data={[{ value: "", label: zm.all }, ...PROPOSAL_FIELDS.map((f) => ({ value: f, label: PROPOSAL_FIELD_LABELS[f] }))]}
            onChange={(e) => set({ field: (e.currentTarget.value || undefined) as ProposalSearch["field"] })}
            w={200}
          />
          <NativeSelect
            label={t.sortLabel}
            value={`${sort}-${order}`}
            data={Object.entries(t.sorts).map(([value, label]) => ({ value, label }))}
            onChange={(e) => {
              const [key, dir] = e.currentTarget.value.split("-") as [ProposalSort, "asc" | "desc"];
              set({ sort: key, order: dir });
            }}
            w={220}
          />
          <ListTextSearch
            label={t.q}
            description={t.qHelp}
            value={search.q}
            onSearch={(q) => set({ q })}
            width={240}
            buttonLabel={t.search}
          />
          {filtered && (
            <Button variant="subtle" onClick={() => go({})}>
              {t.clear}
            </Button>
          )}
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
          rowKey={(p) => p.id}
          loading={list.isPending}
          error={list.error}
          empty={filtered ? t.empty : t.emptyNone}
          minWidth={980}
          sort={{ key: sort, order }}
          onSortChange={(next) => set({ sort: next.key, order: next.key === sort ? next.order : FIRST_ORDER[next.key] })}
          paging={{
            page: search.page ?? 1,
            pageSize: PROPOSALS_PAGE_SIZE,
            total: list.data?.total ?? 0,
            onPageChange: (page) => go({ ...search, page }, true),
          }}
        />
      </Stack>
    </>
  );
}
