// /region/opendata 「オープンデータの出力」 (staff and 市町 editors): pick a dataset, a 市町 (or all together), the
// encoding and published-only / everything, see what the file will hold (its name, rows, the characters CP932 cannot
// hold and the values guarded against formulas), and download it (audited). Below: the counts per dataset × 市町 and
// the licence the hub declares (region managers change it).
import { Alert, Anchor, Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useEffect, useState } from "react";
import type { ResponseOf } from "../../../common/api/contract";
import type { checkOpenDataExport, getOpenDataOverview } from "../../../common/api/region-export";
import {
  ALL_MUNICIPALITIES,
  CKAN_ACTION_BASE,
  downloadOpenDataExport,
  type ExportScope,
  OPEN_DATA_LICENSE_IDS,
  OPEN_DATA_LICENSES,
  type OpenDataFileEncoding,
  type OpenDataLicenseId,
} from "../../../common/api/region-export";
import { DATASET_KEYS, type DatasetKey } from "../../../common/region/datasets";
import { urlFor } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { Section } from "../../ui/Section";
import { em } from "./exportMessages";
import { useOpenDataCheck, useOpenDataOverview, useUpdateOpenDataLicense } from "./exportQueries";
import { rgm } from "./messages";

type Overview = ResponseOf<typeof getOpenDataOverview>;
type Check = ResponseOf<typeof checkOpenDataExport>;
const s = em.staff;

export function OpenDataExportPage() {
  const user = useCurrentUser();
  const overview = useOpenDataOverview();
  const crumbs = user.role === "partner" ? [{ label: s.title }] : [{ label: rgm.moduleName, href: "/region" }, { label: s.title }];
  return (
    <>
      <PageHeader title={s.title} subtitle={s.intro} breadcrumbs={crumbs} />
      <ErrorAlert error={overview.error} />
      {overview.data ? (
        <Stack gap="lg">
          <ExportForm overview={overview.data} />
          <CountsSection overview={overview.data} />
          <LicenseSection overview={overview.data} />
          <Section id="opendata-public" title={s.publicLinks}>
            <Stack gap={4}>
              <InternalLink href="/public/region/opendata">{s.publicPage}</InternalLink>
              <Anchor href={`${CKAN_ACTION_BASE}/package_search`}>{s.apiLink}</Anchor>
            </Stack>
          </Section>
        </Stack>
      ) : (
        !overview.error && <Loading />
      )}
    </>
  );
}

function ExportForm({ overview }: { overview: Overview }) {
  const own = overview.municipalities.find((m) => m.mayExportAll && !overview.mayExportAllOfRegion);
  const [dataset, setDataset] = useState<DatasetKey>("tourism");
  const [municipality, setMunicipality] = useState<string>(own?.code ?? ALL_MUNICIPALITIES);
  const [encoding, setEncoding] = useState<OpenDataFileEncoding>("utf-8-bom");
  const [scope, setScope] = useState<ExportScope>("published");
  const mayExportAll =
    municipality === ALL_MUNICIPALITIES
      ? overview.mayExportAllOfRegion
      : (overview.municipalities.find((m) => m.code === municipality)?.mayExportAll ?? false);
  useEffect(() => {
    if (!mayExportAll && scope === "all") setScope("published");
  }, [mayExportAll, scope]);
  const effectiveScope = mayExportAll ? scope : "published";
  const params = { municipality };
  const query = { dataset, encoding, scope: effectiveScope };
  const check = useOpenDataCheck(params, query);
  const href = urlFor(downloadOpenDataExport, { params, query });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="opendata-form">
      <Text id="opendata-form" component="h2" fw={700} size="lg" mb="sm">
        {s.form}
      </Text>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <NativeSelect
            label={s.dataset}
            value={dataset}
            data={overview.datasets.map((d) => ({ value: d.key, label: d.label }))}
            onChange={(e) => setDataset(e.currentTarget.value as DatasetKey)}
          />
          <NativeSelect
            label={s.municipality}
            value={municipality}
            data={[
              { value: ALL_MUNICIPALITIES, label: s.allMunicipalities },
              ...overview.municipalities.map((m) => ({ value: m.code, label: `${m.name}（${m.code}）` })),
            ]}
            onChange={(e) => setMunicipality(e.currentTarget.value)}
          />
        </SimpleGrid>
        <RadioFieldset
          legend={s.encoding}
          name="opendata-encoding"
          description={s.encodingHint}
          value={encoding}
          options={(["utf-8-bom", "cp932"] as const).map((value) => ({ value, label: s.encodings[value] }))}
          onChange={setEncoding}
        />
        <RadioFieldset
          legend={s.scope}
          name="opendata-scope"
          description={mayExportAll ? s.scopeAllHelp : `${s.scopeAllHelp}${s.scopeAllDenied}`}
          value={effectiveScope}
          options={(["published", "all"] as const).map((value) => ({ value, label: s.scopes[value] }))}
          onChange={setScope}
          disabled={!mayExportAll}
        />
        <ErrorAlert error={check.error} />
        <CheckSummary check={check.data} pending={check.isFetching && !check.data} />
        <Group gap="sm" align="center">
          <Button component="a" href={href} download={check.data?.fileName}>
            {s.download}
          </Button>
          <Text size="xs" c="dimmed">
            {s.downloadNote}
          </Text>
        </Group>
      </Stack>
    </Paper>
  );
}

function CheckSummary({ check, pending }: { check: Check | undefined; pending: boolean }) {
  if (pending || !check)
    return (
      <Text size="sm" role="status">
        {s.checking}
      </Text>
    );
  return (
    <Stack gap="sm" role="status" aria-live="polite">
      <Group gap="xl">
        <Text size="sm">
          <Text span fw={600}>
            {s.fileName}
          </Text>
          ：{check.fileName}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {s.rows}
          </Text>
          ：{em.count(check.rowCount)}
        </Text>
      </Group>
      {check.unencodable.length > 0 && (
        <Alert color="yellow" variant="light" title={s.unencodableTitle(check.unencodable.length)}>
          <Text size="sm" mb="xs">
            {s.unencodableHelp}
          </Text>
          <ReportTable rows={check.unencodable.map((u) => ({ ...u, shown: u.char }))} valueHeader={s.char} />
        </Alert>
      )}
      {check.guarded.length > 0 && (
        <Alert color="blue" variant="light" title={s.guardedTitle(check.guarded.length)}>
          <Text size="sm" mb="xs">
            {s.guardedHelp}
          </Text>
          <ReportTable rows={check.guarded.map((g) => ({ ...g, shown: g.value }))} valueHeader={s.value} />
        </Alert>
      )}
    </Stack>
  );
}

function ReportTable({
  rows,
  valueHeader,
}: {
  rows: { row: number; column: string; sourceId: string; itemName: string; shown: string }[];
  valueHeader: string;
}) {
  return (
    <Table.ScrollContainer minWidth={520}>
      <Table withTableBorder striped fz="sm">
        <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>{s.reportCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{s.row}</Table.Th>
            <Table.Th scope="col">{s.id}</Table.Th>
            <Table.Th scope="col">{s.itemName}</Table.Th>
            <Table.Th scope="col">{s.column}</Table.Th>
            <Table.Th scope="col">{valueHeader}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.slice(0, 50).map((r) => (
            <Table.Tr key={`${r.row}/${r.column}/${r.shown}`}>
              <Table.Td>{r.row}</Table.Td>
              <Table.Td>{r.sourceId}</Table.Td>
              <Table.Td>{r.itemName}</Table.Td>
              <Table.Td>{r.column}</Table.Td>
              <Table.Td style={{ wordBreak: "break-all" }}>{r.shown}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

interface CountRow {
  code: string;
  name: string;
  cells: Record<string, { published: number; total: number | null } | undefined>;
}

function CountsSection({ overview }: { overview: Overview }) {
  const rows: CountRow[] = overview.municipalities.map((m) => ({
    code: m.code,
    name: m.name,
    cells: Object.fromEntries(
      overview.counts.filter((c) => c.municipalityCode === m.code).map((c) => [c.dataset, { published: c.published, total: c.total }]),
    ),
  }));
  const totals: CountRow = {
    code: "total",
    name: s.total,
    cells: Object.fromEntries(
      DATASET_KEYS.map((key) => {
        const of = overview.counts.filter((c) => c.dataset === key);
        return [key, { published: of.reduce((n, c) => n + c.published, 0), total: null }];
      }),
    ),
  };
  const cell = (value: { published: number; total: number | null } | undefined) => {
    if (!value) return em.dash;
    const published = value.published.toLocaleString("ja-JP");
    return value.total !== null && value.total !== value.published ? `${published}（${value.total.toLocaleString("ja-JP")}）` : published;
  };
  const columns: Column<CountRow>[] = [
    { key: "municipality", header: s.municipality, rowHeader: true, nowrap: true, render: (r) => r.name },
    ...overview.datasets.map((d) => ({
      key: d.key,
      header: d.label,
      align: "right" as const,
      nowrap: true,
      render: (r: CountRow) => cell(r.cells[d.key]),
    })),
  ];
  return (
    <Section id="opendata-counts" title={s.countsTitle}>
      <Text size="sm" c="dimmed" mb="sm">
        {s.countsHelp}
      </Text>
      <DataTable
        caption={s.countsCaption}
        captionHidden
        columns={columns}
        rows={[...rows, totals]}
        rowKey={(r) => r.code}
        dense
        minWidth={900}
      />
    </Section>
  );
}

function LicenseSection({ overview }: { overview: Overview }) {
  const update = useUpdateOpenDataLicense();
  const flash = useFlash();
  const [choice, setChoice] = useState<OpenDataLicenseId>(overview.license.id);
  useEffect(() => setChoice(overview.license.id), [overview.license.id]);
  return (
    <Section id="opendata-license" title={s.licenseTitle}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {s.licenseHelp}
        </Text>
        <Text size="sm">
          <Anchor href={overview.license.url} target="_blank" rel="noopener noreferrer">
            {overview.license.title}
          </Anchor>
        </Text>
        {overview.mayChangeLicense && (
          <Group
            component="form"
            align="end"
            gap="sm"
            onSubmit={(event) => {
              event.preventDefault();
              update.mutate(choice, { onSuccess: () => flash.show(s.licenseSaved) });
            }}
          >
            <NativeSelect
              label={s.licenseLabel}
              value={choice}
              data={OPEN_DATA_LICENSE_IDS.map((id) => ({ value: id, label: OPEN_DATA_LICENSES[id].title }))}
              onChange={(e) => setChoice(e.currentTarget.value as OpenDataLicenseId)}
            />
            <Button type="submit" variant="default" loading={update.isPending} disabled={choice === overview.license.id}>
              {s.licenseSave}
            </Button>
          </Group>
        )}
        <ErrorAlert error={update.error} />
      </Stack>
    </Section>
  );
}
