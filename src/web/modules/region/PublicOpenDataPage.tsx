// /public/region/opendata 「オープンデータ一覧」 (no sign-in): the hub's catalogue as tables — each dataset of every
// 市町 together, then each 市町's datasets with their CSV links (UTF-8 with BOM, Shift_JIS) and API link — the licence,
// and the CKAN-compatible API with an example of each action (the API's `help` links point at those rows).
import { Anchor, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { ResponseOf } from "../../../common/api/contract";
import type { listPublicOpenData } from "../../../common/api/region-export";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, splitTimestamp } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { em } from "./exportMessages";
import { usePublicOpenData } from "./exportQueries";
import { useHubVisit } from "./hubVisit";
import { rgm } from "./messages";

type Catalogue = ResponseOf<typeof listPublicOpenData>;
type PackageRow = Catalogue["packages"][number];
type RegionRow = Catalogue["regionFiles"][number];
const p = em.publicPage;

function Modified({ at }: { at: string }) {
  return <DateText iso={splitTimestamp(at)?.date} western="title" />;
}

function FileLinks({ row }: { row: { fileName: string; urls: PackageRow["urls"] } }) {
  return (
    <Group gap="sm" wrap="nowrap">
      <Anchor href={row.urls["utf-8-bom"]} download size="sm" aria-label={p.fileOf(row.fileName, p.utf8)}>
        {p.utf8}
      </Anchor>
      <Anchor href={row.urls.cp932} download size="sm" aria-label={p.fileOf(row.fileName, p.cp932)}>
        {p.cp932}
      </Anchor>
    </Group>
  );
}

export function PublicOpenDataPage() {
  useHubVisit({ pageKind: "opendata", lang: "ja" });
  const catalogue = usePublicOpenData();
  const [dataset, setDataset] = useState("");
  const title = rgm.publicPages.opendata.title;
  const data = catalogue.data;
  const packages = data?.packages.filter((row) => !dataset || row.dataset === dataset);

  const regionColumns: Column<RegionRow>[] = [
    { key: "dataset", header: p.dataset, rowHeader: true, nowrap: true, render: (r) => r.datasetLabel },
    { key: "municipalities", header: p.municipalities, align: "right", nowrap: true, render: (r) => r.municipalityCount },
    { key: "count", header: p.records, align: "right", nowrap: true, render: (r) => em.count(r.count) },
    { key: "modified", header: p.modified, nowrap: true, render: (r) => <Modified at={r.modified} /> },
    { key: "files", header: p.files, render: (r) => <FileLinks row={r} /> },
  ];
  const packageColumns: Column<PackageRow>[] = [
    { key: "municipality", header: p.municipality, nowrap: true, render: (r) => r.municipalityName },
    { key: "dataset", header: p.dataset, rowHeader: true, nowrap: true, render: (r) => r.datasetLabel },
    { key: "count", header: p.records, align: "right", nowrap: true, render: (r) => em.count(r.count) },
    { key: "modified", header: p.modified, nowrap: true, render: (r) => <Modified at={r.modified} /> },
    { key: "files", header: p.files, render: (r) => <FileLinks row={r} /> },
    {
      key: "api",
      header: p.api,
      nowrap: true,
      render: (r) => (
        <Anchor href={r.apiUrl} size="sm" aria-label={p.apiShowOf(r.title)}>
          {p.apiShow}
        </Anchor>
      ),
    },
  ];

  const apiBase = data?.apiBase ?? "/api/public/region/ckan/3/action";
  const firstPackage = data?.packages[0];
  const examples: { action: keyof typeof p.actions; href: string }[] = [
    { action: "package_search", href: `${apiBase}/package_search?fq=${encodeURIComponent("tags:観光")}&rows=10` },
    { action: "package_show", href: `${apiBase}/package_show?id=${encodeURIComponent(firstPackage?.name ?? "402044-tourism")}` },
    { action: "package_list", href: `${apiBase}/package_list` },
    { action: "organization_list", href: `${apiBase}/organization_list?all_fields=true` },
  ];

  return (
    <>
      <PageHeader
        title={title}
        subtitle={p.intro}
        breadcrumbs={[
          { label: "公開ページ", href: "/public" },
          { label: rgm.publicPages.hub.title, href: "/public/region" },
          { label: title },
        ]}
      />
      <Stack gap="lg">
        <ErrorAlert error={catalogue.error} />
        {data && (
          <Stack gap={4}>
            <Text size="sm">
              {p.licensePrefix}{" "}
              <Anchor href={data.license.url} target="_blank" rel="noopener noreferrer license">
                {data.license.title}
              </Anchor>
            </Text>
            <Text size="sm" c="dimmed">
              {p.formatNote}
            </Text>
          </Stack>
        )}
        <Section id="opendata-region" title={p.regionTitle}>
          <DataTable
            caption={p.regionCaption}
            captionHidden
            columns={regionColumns}
            rows={data?.regionFiles}
            rowKey={(r) => r.fileName}
            loading={catalogue.isPending}
            empty={p.empty}
            minWidth={640}
          />
        </Section>
        <Section id="opendata-municipalities" title={p.municipalityTitle}>
          <Stack gap="sm">
            <NativeSelect
              label={p.filter}
              value={dataset}
              maw={320}
              data={[{ value: "", label: p.all }, ...(data?.regionFiles ?? []).map((r) => ({ value: r.dataset, label: r.datasetLabel }))]}
              onChange={(e) => setDataset(e.currentTarget.value)}
            />
            <DataTable
              caption={p.municipalityCaption}
              captionHidden
              columns={packageColumns}
              rows={packages}
              rowKey={(r) => r.name}
              loading={catalogue.isPending}
              empty={p.empty}
              minWidth={760}
            />
          </Stack>
        </Section>
        <Section id="api" title={p.apiTitle}>
          <Stack gap="sm">
            <Text size="sm">{p.apiIntro}</Text>
            <DataTable
              caption={p.apiCaption}
              captionHidden
              columns={[
                {
                  key: "action",
                  header: p.apiAction,
                  rowHeader: true,
                  nowrap: true,
                  render: (r) => <span id={`api-${r.action}`}>{r.action}</span>,
                },
                { key: "what", header: p.apiWhat, render: (r) => p.actions[r.action] },
                {
                  key: "example",
                  header: p.apiExample,
                  render: (r) => (
                    <Anchor href={r.href} size="sm" style={{ wordBreak: "break-all" }}>
                      {decodeURIComponent(r.href)}
                    </Anchor>
                  ),
                },
              ]}
              rows={examples}
              rowKey={(r) => r.action}
              minWidth={640}
            />
            <Text size="xs" c="dimmed">
              {p.apiNote}
            </Text>
          </Stack>
        </Section>
      </Stack>
    </>
  );
}
