// /international/partners 「相手先」: the partner cities and organisations (国, 都市, 機関, 関係, 締結日 in 和暦, 事業数,
// 訪問数), searched by the server and sorted here (the list is short); each city opens its timeline. Editors add one.
import { Button, Group, Paper, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { listPartners, PARTNER_RELATION_LABELS, type Partner } from "../../../common/api/international";
import { call } from "../../api/client";
import { type Column, DataTable, type SortState } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { InternationalNav, SampleBadge } from "./components";
import { im } from "./messages";
import { PartnerDialog } from "./PartnerDialog";
import { internationalKeys, useInternationalAccess } from "./queries";

const t = im.partners;

type SortKey = "country" | "city" | "relatedSince" | "projectCount" | "visitCount";

function compare(a: Partner, b: Partner, key: SortKey): number {
  switch (key) {
    case "projectCount":
    case "visitCount":
      return a[key] - b[key];
    case "relatedSince":
      return (a.relatedSince ?? "9999").localeCompare(b.relatedSince ?? "9999");
    default:
      return a[key].localeCompare(b[key], "ja") || a.city.localeCompare(b.city, "ja");
  }
}

export function PartnersPage() {
  const access = useInternationalAccess();
  const [q, setQ] = useState("");
  const [debouncedQ] = useDebouncedValue(q.trim(), 300);
  const [sort, setSort] = useState<SortState<SortKey>>({ key: "country", order: "asc" });
  const [adding, setAdding] = useState(false);
  const partners = useQuery({
    queryKey: [...internationalKeys.partners, debouncedQ],
    queryFn: () => call(listPartners, { query: debouncedQ ? { q: debouncedQ } : {} }),
    placeholderData: keepPreviousData,
  });
  const rows = partners.data
    ? [...partners.data.items].sort((a, b) => (sort.order === "asc" ? 1 : -1) * compare(a, b, sort.key))
    : undefined;

  const columns: Column<Partner, SortKey>[] = [
    { key: "country", header: t.country, sortKey: "country", nowrap: true, render: (p) => p.country },
    {
      key: "city",
      header: t.city,
      sortKey: "city",
      rowHeader: true,
      render: (p) => (
        <Group gap={6} wrap="wrap">
          <AnchorLink to="/international/partners/$id" params={{ id: p.id }} fw={600}>
            {p.city}
          </AnchorLink>
          {p.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "organisation", header: t.organisation, render: (p) => p.organisation || im.dash },
    { key: "relation", header: t.relation, nowrap: true, render: (p) => PARTNER_RELATION_LABELS[p.relation] },
    {
      key: "relatedSince",
      header: t.relatedSince,
      sortKey: "relatedSince",
      nowrap: true,
      render: (p) => <DateText iso={p.relatedSince} western="title" />,
    },
    {
      key: "projectCount",
      header: t.projectCount,
      sortKey: "projectCount",
      align: "right",
      nowrap: true,
      render: (p) => im.count(p.projectCount),
    },
    { key: "visitCount", header: t.visitCount, sortKey: "visitCount", align: "right", nowrap: true, render: (p) => im.count(p.visitCount) },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[{ label: im.moduleName, href: "/international" }, { label: t.title }]}
        actions={access.data?.canCreate ? <Button onClick={() => setAdding(true)}>{t.add}</Button> : null}
      />
      <InternationalNav />
      <Paper withBorder p="md" mb="md" component="section" aria-label={t.search}>
        <TextInput
          label={t.search}
          placeholder={t.searchPlaceholder}
          type="search"
          maxLength={100}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
          w={{ base: "100%", sm: 360 }}
        />
      </Paper>
      <DataTable
        caption={t.caption}
        columns={columns}
        rows={rows}
        rowKey={(p) => p.id}
        loading={partners.isFetching && !partners.data}
        error={partners.error}
        empty={debouncedQ ? t.emptyFiltered : t.empty}
        sort={sort}
        onSortChange={setSort}
        minWidth={900}
      />
      {adding && <PartnerDialog onClose={() => setAdding(false)} onCreated={() => undefined} />}
    </>
  );
}
