// /policy/documents/$id/challenges: the challenges of one document with filters, sortable columns and paging.

import { Button, Group, NativeSelect, Paper, SimpleGrid, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { type CHALLENGE_SORTS, type ChallengeSummary, exportChallenges, listChallenges } from "../../../common/api/policy";
import { call, urlFor } from "../../api/client";
import { m } from "../../messages";
import { type Column, DataTable } from "../../ui/DataTable";
import { FiscalYearText } from "../../ui/dates";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge, toneOf } from "../../ui/StatusBadge";
import { useServerPaging } from "../../ui/useServerPaging";
import { AsOfText } from "./components";
import { pm } from "./messages";
import { policyKeys, useDocument, useOrganisations, useStatuses } from "./queries";

type SortKey = (typeof CHALLENGE_SORTS)[number];

interface Filters {
  area: string;
  category: string;
  status: string;
  ownerOrganisationId: string;
  q: string;
}

export function ChallengesPage({
  documentId,
  initial,
}: {
  documentId: string;
  initial: { area?: string; category?: string; status?: string };
}) {
  const document = useDocument(documentId);
  const statuses = useStatuses();
  const organisations = useOrganisations();
  const [filters, setFilters] = useState<Filters>({
    area: initial.area ?? "",
    category: initial.category ?? "",
    status: initial.status ?? "",
    ownerOrganisationId: "",
    q: "",
  });
  const [debouncedQ] = useDebouncedValue(filters.q.trim(), 300);
  const paging = useServerPaging<SortKey>({ key: "code", order: "asc" });
  const { sort, page, pageSize } = paging;

  const query = {
    documentId,
    area: filters.area || undefined,
    category: filters.category || undefined,
    status: filters.status || undefined,
    ownerOrganisationId: filters.ownerOrganisationId || undefined,
    q: debouncedQ || undefined,
    sort: sort.key,
    order: sort.order,
    page,
    pageSize,
  };
  // The export uses the same filters as the list (not its sort or page).
  const exportQuery = {
    documentId,
    area: query.area,
    category: query.category,
    status: query.status,
    ownerOrganisationId: query.ownerOrganisationId,
    q: query.q,
  };
  const challenges = useQuery({
    queryKey: policyKeys.challenges(query),
    queryFn: () => call(listChallenges, { query }),
    placeholderData: keepPreviousData,
  });

  function update<K extends keyof Filters>(key: K, value: Filters[K]) {
    setFilters((current) => ({ ...current, [key]: value }));
    paging.firstPage();
  }

  const doc = document.data;
  const owners = (organisations.data?.items ?? []).filter((org) => org.kind === "division" || org.kind === "department");
  const activeFilters = Object.values(filters).some(Boolean);

  const columns: Column<ChallengeSummary, SortKey>[] = [
    { key: "code", header: pm.challenges.code, sortKey: "code", nowrap: true, render: (c) => c.code },
    {
      key: "name",
      header: pm.challenges.name,
      sortKey: "name",
      rowHeader: true,
      render: (c) => (
        <AnchorLink to="/policy/challenges/$id" params={{ id: c.id }} fw={600}>
          {c.name}
        </AnchorLink>
      ),
    },
    {
      key: "category",
      header: pm.challenges.category,
      sortKey: "category",
      render: (c) => c.category ?? <span className="yk-muted">{pm.challenges.noOwner}</span>,
    },
    {
      key: "owner",
      header: pm.challenges.owner,
      sortKey: "owner",
      render: (c) => c.ownerOrganisationName ?? <span className="yk-muted">{pm.challenges.noOwner}</span>,
    },
    {
      key: "status",
      header: pm.challenges.status,
      sortKey: "status",
      nowrap: true,
      render: (c) => (
        <StatusBadge
          label={c.latestProgress?.status}
          tone={toneOf(statuses.data?.items, c.latestProgress?.status)}
          empty={pm.challenges.noStatus}
          size="sm"
        />
      ),
    },
    {
      key: "latestAsOf",
      header: pm.challenges.latestAsOf,
      sortKey: "latestAsOf",
      render: (c) => (c.latestProgress ? <AsOfText asOf={c.latestProgress.asOf} asOfLabel={c.latestProgress.asOfLabel} /> : "—"),
    },
    { key: "progressCount", header: pm.challenges.progressCount, align: "right", nowrap: true, render: (c) => pm.count(c.progressCount) },
  ];

  const title = doc ? pm.challenges.title(doc.title) : pm.challenges.shortTitle;
  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[
          { label: pm.moduleName, href: "/policy" },
          { label: doc?.title ?? "…", href: `/policy/documents/${documentId}` },
          { label: pm.challenges.shortTitle },
        ]}
        subtitle={doc ? <FiscalYearText fy={doc.fiscalYear} /> : null}
        actions={
          <ButtonLink to="/policy/documents/$id" params={{ id: documentId }} variant="default">
            {pm.challenges.backToDocument}
          </ButtonLink>
        }
      />
      <Paper withBorder p="md" mb="md" component="section" aria-labelledby="challenge-filter-heading">
        <Group justify="space-between" mb="xs">
          <Text id="challenge-filter-heading" fw={700} size="sm">
            {pm.challenges.filters}
          </Text>
          {activeFilters && (
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => {
                setFilters({ area: "", category: "", status: "", ownerOrganisationId: "", q: "" });
                paging.firstPage();
              }}
            >
              {m.common.reset}
            </Button>
          )}
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 5 }}>
          <NativeSelect
            label={pm.challenges.area}
            value={filters.area}
            onChange={(e) => update("area", e.currentTarget.value)}
            data={[{ value: "", label: pm.challenges.allAreas }, ...(doc?.areas ?? []).map((a) => ({ value: a.code, label: a.label }))]}
          />
          <NativeSelect
            label={pm.challenges.category}
            value={filters.category}
            onChange={(e) => update("category", e.currentTarget.value)}
            data={[{ value: "", label: pm.challenges.allCategories }, ...(doc?.categories ?? []).map((c) => ({ value: c, label: c }))]}
          />
          <NativeSelect
            label={pm.challenges.status}
            value={filters.status}
            onChange={(e) => update("status", e.currentTarget.value)}
            data={[
              { value: "", label: pm.challenges.allStatuses },
              ...(statuses.data?.items ?? []).map((s) => ({
                value: s.label,
                label: s.active ? s.label : pm.challenges.inactiveStatus(s.label),
              })),
            ]}
          />
          <NativeSelect
            label={pm.challenges.owner}
            value={filters.ownerOrganisationId}
            onChange={(e) => update("ownerOrganisationId", e.currentTarget.value)}
            data={[{ value: "", label: pm.challenges.allOwners }, ...owners.map((o) => ({ value: o.id, label: o.name }))]}
          />
          <TextInput
            label={pm.challenges.text}
            placeholder={pm.challenges.textPlaceholder}
            type="search"
            value={filters.q}
            onChange={(e) => update("q", e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group justify="space-between" align="center" mt="md" gap="xs">
          <Text size="sm" c="dimmed" id="challenge-export-note">
            {activeFilters ? pm.challenges.exportNoteFiltered : pm.challenges.exportNote}
          </Text>
          <Group gap="xs">
            <Button
              component="a"
              variant="default"
              size="sm"
              href={urlFor(exportChallenges, { query: { ...exportQuery, format: "xlsx" } })}
              download
              aria-describedby="challenge-export-note"
            >
              {pm.challenges.exportXlsx}
            </Button>
            <Button
              component="a"
              variant="default"
              size="sm"
              href={urlFor(exportChallenges, { query: { ...exportQuery, format: "csv" } })}
              download
              aria-describedby="challenge-export-note"
            >
              {pm.challenges.exportCsv}
            </Button>
          </Group>
        </Group>
      </Paper>
      <DataTable
        caption={pm.challenges.caption}
        columns={columns}
        rows={challenges.data?.items}
        rowKey={(c) => c.id}
        loading={challenges.isFetching}
        error={challenges.error}
        {...paging.tableProps(challenges.data?.total ?? 0)}
        empty={pm.challenges.empty}
        minWidth={900}
      />
    </>
  );
}
