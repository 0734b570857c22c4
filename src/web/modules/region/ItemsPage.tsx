// /region/items 「掲載情報」: the hub's items, filtered by 市町・データセット・状態・おすすめ・キーワード (kept in the URL
// with the sort and page), paged by the server, with the list's CSV. A 市町 editor's start page: their own 市町 only.
import { Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { exportItemsCsv, ITEM_STATUS_LABELS, ITEM_STATUSES, type ItemSort, type ItemSummary } from "../../../common/api/region-curation";
import { urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, DateTimeText } from "../../ui/dates";
import { InternalLink } from "../../ui/InternalLink";
import { ListTextSearch } from "../../ui/ListTextSearch";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { cm } from "./curationMessages";
import {
  CurationNav,
  DATASET_OPTIONS,
  datasetLabel,
  FeaturedBadge,
  ItemStatusBadge,
  MunicipalitySelect,
  useRegionCrumb,
} from "./curationParts";
import { ITEMS_PAGE_SIZE, type ItemSearch, itemSearch, useCurationContext, useItems } from "./curationQueries";

const t = cm.items;
type SortKey = "updatedAt" | "name" | "municipality" | "startDate";

function period(item: ItemSummary) {
  if (!item.startDate) return cm.dash;
  if (!item.endDate || item.endDate === item.startDate) return <DateText iso={item.startDate} western="title" />;
  return (
    <>
      <DateText iso={item.startDate} western="title" />〜<DateText iso={item.endDate} western="title" />
    </>
  );
}

export function ItemsPage({ search }: { search: ItemSearch }) {
  const regionCrumb = useRegionCrumb();
  const navigate = useNavigate();
  const context = useCurationContext();
  const list = useItems(search);
  const scope = context.data?.scope;
  const own = scope?.kind === "own" ? { code: scope.code, name: scope.name } : undefined;
  const canEdit = scope?.kind === "all" || scope?.kind === "own";

  function go(next: ItemSearch, keepPage = false) {
    navigate({ to: "/region/items" as never, search: itemSearch({ ...next, page: keepPage ? next.page : undefined }) as never });
  }
  const set = (patch: Partial<ItemSearch>) => go({ ...search, ...patch });
  const sort = search.sort ?? "-updatedAt";
  const sortKey = sort.replace(/^-/, "") as SortKey;
  const { page: _page, ...filters } = search;
  const csvHref = urlFor(exportItemsCsv, { query: { ...filters, sort } });
  const filtered = Object.keys(filters).some((key) => key !== "sort");

  const columns: Column<ItemSummary, SortKey>[] = [
    {
      key: "name",
      header: t.name,
      rowHeader: true,
      sortKey: "name",
      render: (item) => (
        <Stack gap={2}>
          <Group gap={6} wrap="wrap">
            <InternalLink href={`/region/items/${item.id}`}>{item.name}</InternalLink>
            {item.featured && <FeaturedBadge />}
            {item.isSample && <SampleBadge />}
          </Group>
          {item.nameEn && (
            <Text size="xs" c="dimmed" lang="en">
              {item.nameEn}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: "municipality", header: cm.municipality, nowrap: true, sortKey: "municipality", render: (item) => item.municipalityName },
    { key: "dataset", header: cm.dataset, nowrap: true, render: (item) => datasetLabel(item.dataset) },
    { key: "status", header: t.status, nowrap: true, render: (item) => <ItemStatusBadge status={item.status} /> },
    { key: "place", header: t.place, render: (item) => item.address || cm.dash },
    { key: "dates", header: t.dates, nowrap: true, sortKey: "startDate", render: period },
    { key: "location", header: t.location, nowrap: true, render: (item) => (item.hasLocation ? t.hasLocation : t.noLocation) },
    {
      key: "updatedAt",
      header: t.updatedAt,
      nowrap: true,
      sortKey: "updatedAt",
      render: (item) => <DateTimeText timestamp={item.updatedAt} />,
    },
  ];

  const title = t.title;
  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[regionCrumb, { label: title }]}
        subtitle={own ? t.introOwn(own.name) : t.intro}
        actions={
          <Group gap="xs">
            <Button component="a" href={csvHref} variant="default" download>
              {t.csv}
            </Button>
            {canEdit && <ButtonLink to="/region/items/new">{t.create}</ButtonLink>}
          </Group>
        }
      />
      <CurationNav />
      <Stack gap="md" mt="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <MunicipalitySelect
            label={cm.municipality}
            municipalities={context.data?.municipalities ?? []}
            value={search.municipalityCode ?? ""}
            onChange={(code) => set({ municipalityCode: code || undefined })}
            allLabel={cm.all}
            fixed={own}
            w={170}
          />
          <NativeSelect
            label={cm.dataset}
            value={search.dataset ?? ""}
            data={[{ value: "", label: cm.all }, ...DATASET_OPTIONS]}
            onChange={(e) => set({ dataset: (e.currentTarget.value || undefined) as ItemSearch["dataset"] })}
            w={200}
          />
          <NativeSelect
            label={t.status}
            value={search.status ?? ""}
            data={[{ value: "", label: cm.all }, ...ITEM_STATUSES.map((s) => ({ value: s, label: ITEM_STATUS_LABELS[s] }))]}
            onChange={(e) => set({ status: (e.currentTarget.value || undefined) as ItemSearch["status"] })}
            w={130}
          />
          <NativeSelect
            label={t.featured}
            value={search.featured ?? ""}
            data={[
              { value: "", label: cm.all },
              { value: "true", label: t.featuredOnly },
              { value: "false", label: t.notFeatured },
            ]}
            onChange={(e) => set({ featured: (e.currentTarget.value || undefined) as ItemSearch["featured"] })}
            w={150}
          />
          <NativeSelect
            label={t.sortLabel}
            value={sort}
            data={Object.entries(t.sorts).map(([value, label]) => ({ value, label }))}
            onChange={(e) => set({ sort: e.currentTarget.value as ItemSort })}
            w={170}
          />
          <ListTextSearch
            label={t.q}
            description={t.qHelp}
            value={search.q}
            onSearch={(q) => set({ q })}
            width={220}
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
          rowKey={(item) => item.id}
          loading={list.isPending}
          error={list.error}
          empty={filtered ? t.empty : t.emptyNone}
          minWidth={1040}
          sort={{ key: sortKey, order: sort.startsWith("-") ? "desc" : "asc" }}
          onSortChange={(next) => set({ sort: `${next.order === "desc" ? "-" : ""}${next.key}` as ItemSort })}
          paging={{
            page: search.page ?? 1,
            pageSize: ITEMS_PAGE_SIZE,
            total: list.data?.total ?? 0,
            onPageChange: (page) => go({ ...search, page }, true),
          }}
        />
      </Stack>
    </>
  );
}
