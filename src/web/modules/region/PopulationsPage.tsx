// /region/populations 「市町の人口」: choose a basis and date among the sets that exist (in the URL, so a view can be
// bookmarked), see a row per 市町 with its figure and share of the region, the region's total, and the 市町 without a
// figure flagged (a cost share over this set could not be computed for them); export the set as Excel or CSV. The
// hub's bureau imports figures from a CSV/Excel table below (upload → progress → result or the rows to fix).
import { Alert, Anchor, Badge, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { exportPopulationTable, POPULATIONS_IMPORT_KIND, type PopulationTableRow } from "../../../common/api/region-municipalities";
import { describePopulationSet, type PopulationBasis } from "../../../common/region/population-basis";
import { formatSharePercent } from "../../../common/region/population-table";
import { urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { TabularImport } from "../../ui/TabularImport";
import { rgm } from "./messages";
import { mm } from "./municipalityMessages";
import { municipalityPath, populationsPath } from "./municipalityPaths";
import { municipalityKeys, useIsRegionManager, usePopulationTable } from "./municipalityQueries";

const t = mm.populations;

export interface PopulationSearch {
  basis?: PopulationBasis;
  asOf?: string;
}

type Row = PopulationTableRow & { isTotal?: boolean };

const numeric = { fontVariantNumeric: "tabular-nums" } as const;

export function PopulationsPage({ search }: { search: PopulationSearch }) {
  const router = useRouter();
  const isManager = useIsRegionManager();
  const queryClient = useQueryClient();
  const query = usePopulationTable(search.basis, search.asOf);

  const importSection = isManager && (
    <Paper withBorder p="lg" component="section" aria-labelledby="population-import">
      <Title order={2} id="population-import" mb="xs" className="yk-section-title">
        {t.importTitle}
      </Title>
      <Text size="sm" mb="md">
        {t.importIntro}
      </Text>
      <TabularImport kind={POPULATIONS_IMPORT_KIND} onImported={() => queryClient.invalidateQueries({ queryKey: municipalityKeys.all })} />
    </Paper>
  );
  const header = (
    <PageHeader title={t.title} subtitle={t.intro} breadcrumbs={[{ label: rgm.moduleName, href: "/region" }, { label: t.title }]} />
  );

  if (query.isPending) return <Loading />;
  if (query.error)
    return (
      <>
        {header}
        <ErrorAlert error={query.error} />
      </>
    );
  const { sets, table } = query.data;
  const municipalityCount = table?.rows.length ?? 0;

  const columns: Column<Row>[] = [
    { key: "code", header: mm.municipalities.code, nowrap: true, render: (r) => <span style={numeric}>{r.code}</span> },
    {
      key: "name",
      header: mm.municipalities.name,
      rowHeader: true,
      nowrap: true,
      render: (r) =>
        r.isTotal ? (
          <Text fw={700} size="sm">
            {r.name}
          </Text>
        ) : (
          <InternalLink href={municipalityPath(r.code)}>{r.name}</InternalLink>
        ),
    },
    {
      key: "population",
      header: mm.municipality.figure,
      align: "right",
      nowrap: true,
      render: (r) =>
        r.population === null ? (
          <Badge color="orange" variant="light" styles={{ root: { color: "#8a3c00", textTransform: "none" } }}>
            {t.missing}
          </Badge>
        ) : (
          <Text size="sm" fw={r.isTotal ? 700 : undefined} style={numeric}>
            {r.population.toLocaleString("ja-JP")}人
          </Text>
        ),
    },
    {
      key: "share",
      header: t.share,
      align: "right",
      nowrap: true,
      render: (r) => (
        <Text size="sm" fw={r.isTotal ? 700 : undefined} style={numeric}>
          {formatSharePercent(r.share)}
        </Text>
      ),
    },
    {
      key: "source",
      header: mm.municipality.source,
      render: (r) => (
        <Group gap={6}>
          <Text size="sm">{r.source || (r.isTotal ? "" : rgm.dash)}</Text>
          {r.isSample && <SampleBadge />}
        </Group>
      ),
    },
  ];

  if (!table) {
    return (
      <>
        {header}
        <Stack gap="xl">
          <Alert color="gray" variant="light" title={t.noFigures}>
            {isManager ? t.noFiguresManager : t.noFiguresViewer}
          </Alert>
          {importSection}
        </Stack>
      </>
    );
  }

  const label = describePopulationSet(table.basis, table.asOf);
  const selected = `${table.basis}|${table.asOf}`;
  const listed = sets.some((s) => `${s.basis}|${s.asOf}` === selected)
    ? sets
    : [{ basis: table.basis, asOf: table.asOf, count: 0 }, ...sets];
  const rows: Row[] = [
    ...table.rows,
    {
      code: "",
      name: table.missing.length > 0 ? t.totalOf(table.rows.length - table.missing.length) : t.total,
      population: table.total,
      share: table.total > 0 ? 1 : null,
      source: null,
      isSample: false,
      isTotal: true,
    },
  ];

  return (
    <>
      {header}
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-label={t.chooser}>
          <Group align="end" justify="space-between" wrap="wrap" gap="md">
            <NativeSelect
              label={t.chooser}
              description={t.chooserHelp}
              value={selected}
              style={{ minWidth: 360 }}
              onChange={(event) => {
                const [basis, asOf] = event.currentTarget.value.split("|");
                router.history.push(populationsPath({ basis: basis as PopulationBasis, asOf }));
              }}
              data={listed.map((s) => ({
                value: `${s.basis}|${s.asOf}`,
                label: t.setOption(describePopulationSet(s.basis, s.asOf), s.count, municipalityCount),
              }))}
            />
            <Group gap="md">
              <Anchor
                href={urlFor(exportPopulationTable, { query: { basis: table.basis, asOf: table.asOf, format: "xlsx" } })}
                download
                size="sm"
                fw={600}
              >
                {t.exportXlsx}
              </Anchor>
              <Anchor
                href={urlFor(exportPopulationTable, { query: { basis: table.basis, asOf: table.asOf, format: "csv" } })}
                download
                size="sm"
              >
                {t.exportCsv}
              </Anchor>
            </Group>
          </Group>
        </Paper>
        {table.missing.length > 0 ? (
          <Alert
            color="orange"
            variant="light"
            title={t.missingAlertTitle(table.missing.length)}
            styles={{ message: { color: "#5c2b00" } }}
          >
            {t.missingAlertBody(table.missing.map((m) => m.name).join("、"))}
          </Alert>
        ) : (
          <Text size="sm">{t.complete(table.rows.length)}</Text>
        )}
        <DataTable caption={t.caption(label)} columns={columns} rows={rows} rowKey={(r) => r.code || "total"} minWidth={640} />
        {importSection}
      </Stack>
    </>
  );
}
