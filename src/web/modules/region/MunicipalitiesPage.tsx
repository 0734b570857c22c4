// /region/municipalities 「連携市町」: the 18 市町 of the 北九州都市圏域 for every member of staff — code, name (to the
// 市町's page), ふりがな and English name, 区分 and 郡, the 連携協約's date in 和暦, the newest population with its basis
// and date, the editors' organisation and logins — with Excel/CSV export; the hub's bureau also finds the bulk
// registration (CSV/Excel through the platform's tabular import) below the list.
import { Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { exportMunicipalities, MUNICIPALITIES_IMPORT_KIND, type MunicipalitySummary } from "../../../common/api/region-municipalities";
import { MUNICIPALITY_KIND_LABELS } from "../../../common/region/municipality-fields";
import { POPULATION_BASIS_LABELS } from "../../../common/region/population-basis";
import { urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { InternalLink } from "../../ui/InternalLink";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { TabularImport } from "../../ui/TabularImport";
import { rgm } from "./messages";
import { mm } from "./municipalityMessages";
import { municipalityPath } from "./municipalityPaths";
import { municipalityKeys, useIsRegionManager, useMunicipalities } from "./municipalityQueries";

const t = mm.municipalities;

/** 「55,941人」 with 「住民基本台帳 令和4年1月1日」 under it. */
export function PopulationCell({ figure }: { figure: MunicipalitySummary["latestPopulation"] }) {
  if (!figure) return <Text size="sm">{rgm.dash}</Text>;
  return (
    <Stack gap={0} align="flex-end">
      <Text size="sm" style={{ fontVariantNumeric: "tabular-nums" }}>
        {figure.population.toLocaleString("ja-JP")}人
      </Text>
      <Text size="xs" c="dimmed" style={{ whiteSpace: "nowrap" }}>
        {POPULATION_BASIS_LABELS[figure.basis]} <DateText iso={figure.asOf} western="title" />
      </Text>
    </Stack>
  );
}

export function MunicipalitiesPage() {
  const list = useMunicipalities();
  const isManager = useIsRegionManager();
  const queryClient = useQueryClient();

  const columns: Column<MunicipalitySummary>[] = [
    { key: "code", header: t.code, nowrap: true, render: (m) => <span style={{ fontVariantNumeric: "tabular-nums" }}>{m.code}</span> },
    {
      key: "name",
      header: t.name,
      rowHeader: true,
      nowrap: true,
      render: (m) => (
        <Group gap={6} wrap="nowrap">
          <InternalLink href={municipalityPath(m.code)} fw={600}>
            {m.name}
          </InternalLink>
          {m.isSample && <SampleBadge />}
        </Group>
      ),
    },
    {
      key: "kana",
      header: `${t.kana}・${t.nameEn}`,
      render: (m) => (
        <Stack gap={0}>
          <Text size="sm">{m.kana}</Text>
          <Text size="xs" c="dimmed" lang="en">
            {m.nameEn}
          </Text>
        </Stack>
      ),
    },
    {
      key: "kind",
      header: `${t.kind}・${t.district}`,
      nowrap: true,
      render: (m) => `${MUNICIPALITY_KIND_LABELS[m.kind]}${m.district ? `（${m.district}）` : ""}`,
    },
    { key: "joinedOn", header: t.joinedOn, nowrap: true, render: (m) => <DateText iso={m.joinedOn} western="title" empty={t.notJoined} /> },
    { key: "population", header: t.population, align: "right", render: (m) => <PopulationCell figure={m.latestPopulation} /> },
    {
      key: "editors",
      header: t.editors,
      render: (m) =>
        m.organisation ? (
          <Stack gap={0}>
            <Text size="sm">{m.organisation.name}</Text>
            <Text size="xs" c="dimmed">
              {t.editorCount(m.editorLoginCount)}
            </Text>
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {t.noOrganisation}
          </Text>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[{ label: rgm.moduleName, href: "/region" }, { label: t.title }]}
        actions={
          <Group gap="sm">
            <Anchor href={urlFor(exportMunicipalities, { query: { format: "xlsx" } })} download size="sm" fw={600}>
              {t.exportXlsx}
            </Anchor>
            <Anchor href={urlFor(exportMunicipalities, { query: { format: "csv" } })} download size="sm">
              {t.exportCsv}
            </Anchor>
          </Group>
        }
      />
      <Stack gap="xl">
        <DataTable
          caption={t.caption}
          captionHidden
          columns={columns}
          rows={list.data?.items}
          rowKey={(m) => m.code}
          loading={list.isPending}
          error={list.error}
          empty={isManager ? t.empty : t.emptyViewer}
          minWidth={960}
        />
        {isManager && (
          <Paper withBorder p="lg" component="section" aria-labelledby="municipality-import">
            <Title order={2} id="municipality-import" mb="xs" className="yk-section-title">
              {t.importTitle}
            </Title>
            <Text size="sm" mb="md">
              {t.importIntro}
            </Text>
            <TabularImport
              kind={MUNICIPALITIES_IMPORT_KIND}
              // The outcome (with the repaired rows) is shown and focused by TabularImport itself; refresh the list.
              onImported={() => queryClient.invalidateQueries({ queryKey: municipalityKeys.all })}
            />
          </Paper>
        )}
      </Stack>
    </>
  );
}
