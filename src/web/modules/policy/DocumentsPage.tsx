// /policy: the 局区方針 documents with filters (年度, 局, 状態) and the 取り込み button.

import { Badge, Group, NativeSelect, Paper, SimpleGrid, Text } from "@mantine/core";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { listDocuments, type PolicyDocumentSummary } from "../../../common/api/policy";
import { call } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { m } from "../../messages";
import { type Column, DataTable, type SortState } from "../../ui/DataTable";
import { DateText, DateTimeText, FiscalYearText } from "../../ui/dates";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { DocumentStatusBadge } from "./components";
import { pm } from "./messages";
import { policyKeys, useOrganisations } from "./queries";

type SortKey = "fiscalYear" | "title" | "bureau" | "status" | "challengeCount" | "latestAsOf";

function compare(a: PolicyDocumentSummary, b: PolicyDocumentSummary, key: SortKey): number {
  switch (key) {
    case "fiscalYear":
      return a.fiscalYear - b.fiscalYear || a.organisationName.localeCompare(b.organisationName, "ja");
    case "title":
      return a.title.localeCompare(b.title, "ja");
    case "bureau":
      return a.organisationName.localeCompare(b.organisationName, "ja");
    case "status":
      return a.status.localeCompare(b.status);
    case "challengeCount":
      return a.challengeCount - b.challengeCount;
    case "latestAsOf":
      return (a.latestAsOf ?? "").localeCompare(b.latestAsOf ?? "");
  }
}

export function DocumentsPage() {
  const user = useCurrentUser();
  const [fiscalYear, setFiscalYear] = useState<number | null>(null);
  const [organisationId, setOrganisationId] = useState("");
  const [status, setStatus] = useState<"" | "draft" | "published">("");
  const [sort, setSort] = useState<SortState<SortKey>>({ key: "fiscalYear", order: "desc" });
  const organisations = useOrganisations();
  const filter = { fiscalYear: fiscalYear ?? undefined, organisationId: organisationId || undefined, status: status || undefined };
  const documents = useQuery({
    queryKey: policyKeys.documents(filter),
    queryFn: () => call(listDocuments, { query: filter }),
    placeholderData: keepPreviousData,
  });
  const bureaus = (organisations.data?.items ?? []).filter((org) => org.kind === "bureau");
  const rows = useMemo(() => {
    const items = [...(documents.data?.items ?? [])];
    items.sort((a, b) => (sort.order === "asc" ? 1 : -1) * compare(a, b, sort.key));
    return items;
  }, [documents.data, sort]);
  const canImport = user.role === "admin" || user.role === "editor";

  const columns: Column<PolicyDocumentSummary, SortKey>[] = [
    {
      key: "fiscalYear",
      header: pm.list.fiscalYear,
      sortKey: "fiscalYear",
      nowrap: true,
      render: (doc) => <FiscalYearText fy={doc.fiscalYear} western="title" />,
    },
    {
      key: "title",
      header: pm.list.docTitle,
      sortKey: "title",
      rowHeader: true,
      render: (doc) => (
        <Group gap={6} wrap="wrap">
          <AnchorLink to="/policy/documents/$id" params={{ id: doc.id }} fw={600}>
            {doc.title}
          </AnchorLink>
          {doc.isSample && (
            <Badge size="xs" variant="outline" color="gray" styles={{ root: { color: "#495057", textTransform: "none" } }}>
              {pm.list.sample}
            </Badge>
          )}
        </Group>
      ),
    },
    { key: "bureau", header: pm.list.bureau, sortKey: "bureau", render: (doc) => doc.organisationName || doc.bureauName },
    {
      key: "status",
      header: pm.list.status,
      sortKey: "status",
      nowrap: true,
      render: (doc) => <DocumentStatusBadge status={doc.status} />,
    },
    {
      key: "challengeCount",
      header: pm.list.challengeCount,
      sortKey: "challengeCount",
      align: "right",
      nowrap: true,
      render: (doc) => pm.list.count(doc.challengeCount),
    },
    {
      key: "latestAsOf",
      header: pm.list.latestAsOf,
      sortKey: "latestAsOf",
      nowrap: true,
      render: (doc) => <DateText iso={doc.latestAsOf} western="title" />,
    },
    { key: "updatedAt", header: pm.list.updatedAt, nowrap: true, render: (doc) => <DateTimeText timestamp={doc.updatedAt} /> },
  ];

  return (
    <>
      <PageHeader
        title={pm.list.title}
        subtitle={pm.list.intro}
        actions={canImport ? <ButtonLink to="/policy/import">{pm.list.import}</ButtonLink> : null}
      />
      <Paper withBorder p="md" mb="md" component="section" aria-labelledby="policy-filter-heading">
        <Text id="policy-filter-heading" fw={700} size="sm" mb="xs">
          {pm.challenges.filters}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <FiscalYearSelect label={pm.list.fiscalYear} value={fiscalYear} onChange={setFiscalYear} allLabel={m.date.fiscalAll} />
          <NativeSelect
            label={pm.list.bureau}
            value={organisationId}
            onChange={(e) => setOrganisationId(e.currentTarget.value)}
            data={[{ value: "", label: pm.list.allBureaus }, ...bureaus.map((org) => ({ value: org.id, label: org.name }))]}
          />
          <NativeSelect
            label={pm.list.status}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as "" | "draft" | "published")}
            data={[
              { value: "", label: pm.list.allStatuses },
              { value: "draft", label: pm.documentStatus.draft },
              { value: "published", label: pm.documentStatus.published },
            ]}
          />
        </SimpleGrid>
      </Paper>
      <DataTable
        caption={pm.list.caption}
        columns={columns}
        rows={documents.data ? rows : undefined}
        rowKey={(doc) => doc.id}
        loading={documents.isFetching && !documents.data}
        error={documents.error}
        sort={sort}
        onSortChange={setSort}
        empty={pm.list.empty}
        minWidth={900}
      />
    </>
  );
}
