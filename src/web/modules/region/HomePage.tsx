// /region 「広域連携」: the module's home — a short summary (the 市町 and their editors, the newest population set, and
// once the hub holds items: what is published by dataset, drafts, open problem rows, the latest imports), then a card
// for every page of the module that is registered.
import { List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useRouter } from "@tanstack/react-router";
import type { ReactNode } from "react";
import type { RegionSummary } from "../../../common/api/region-municipalities";
import { DATASETS, isDatasetKey } from "../../../common/region/datasets";
import { describePopulationSet } from "../../../common/region/population-basis";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { REGION_HOME_CARDS } from "./home-cards";
import { rgm } from "./messages";
import { mm } from "./municipalityMessages";
import { MUNICIPALITIES_PATH, populationsPath } from "./municipalityPaths";
import { useRegionSummary } from "./municipalityQueries";

const h = mm.home;

const datasetLabel = (dataset: string) => (isDatasetKey(dataset) ? DATASETS[dataset].label : dataset);

function Figure({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
}

type Imported = NonNullable<RegionSummary["hub"]>["latestImports"][number];

function HubFigures({ hub }: { hub: NonNullable<RegionSummary["hub"]> }) {
  const columns: Column<Imported>[] = [
    { key: "at", header: h.importedAt, nowrap: true, render: (i) => <DateTimeText timestamp={i.createdAt} /> },
    { key: "municipality", header: h.municipality, nowrap: true, rowHeader: true, render: (i) => i.municipalityName },
    { key: "dataset", header: h.dataset, nowrap: true, render: (i) => datasetLabel(i.dataset) },
    { key: "file", header: h.file, render: (i) => i.fileName },
    { key: "rows", header: h.rows, align: "right", nowrap: true, render: (i) => rgm.count(i.rowsRead) },
    { key: "problems", header: h.problems, align: "right", nowrap: true, render: (i) => rgm.count(i.problemCount) },
  ];
  return (
    <Stack gap="sm">
      <Title order={3} size="h5">
        {h.hubTitle}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Figure label={h.published}>
          {hub.publishedByDataset.length === 0 ? (
            h.publishedNone
          ) : (
            <List size="sm" spacing={0} listStyleType="none">
              {hub.publishedByDataset.map((d) => (
                <List.Item key={d.dataset}>
                  {datasetLabel(d.dataset)} {rgm.count(d.count)}
                </List.Item>
              ))}
            </List>
          )}
        </Figure>
        <Figure label={h.drafts}>{rgm.count(hub.draftCount)}</Figure>
        <Figure label={h.openProblems}>{rgm.count(hub.openProblemCount)}</Figure>
      </SimpleGrid>
      <DataTable
        caption={h.importsCaption}
        columns={columns}
        rows={hub.latestImports}
        rowKey={(i) => i.id}
        empty={h.noImports}
        minWidth={640}
      />
    </Stack>
  );
}

function Summary() {
  const summary = useRegionSummary();
  if (summary.error) return <ErrorAlert error={summary.error} />;
  const s = summary.data;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="region-summary" aria-busy={!s}>
      <Title order={2} size="h4" id="region-summary" mb="sm">
        {h.summaryTitle}
      </Title>
      {s && (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Figure label={h.municipalities}>
              <InternalLink href={MUNICIPALITIES_PATH}>{h.municipalitiesValue(s.municipalityCount)}</InternalLink>
            </Figure>
            <Figure label={h.editors}>{h.editorsValue(s.editorLoginCount, s.municipalitiesWithEditors)}</Figure>
            <Figure label={h.population}>
              {s.latestPopulationSet ? (
                <InternalLink href={populationsPath(s.latestPopulationSet)}>
                  {h.populationValue(
                    describePopulationSet(s.latestPopulationSet.basis, s.latestPopulationSet.asOf),
                    s.latestPopulationSet.count,
                  )}
                </InternalLink>
              ) : (
                h.populationNone
              )}
            </Figure>
          </SimpleGrid>
          {s.hub && <HubFigures hub={s.hub} />}
        </Stack>
      )}
    </Paper>
  );
}

export function HomePage() {
  const router = useRouter();
  const registered = (path: string) => path in (router.routesByPath as Record<string, unknown>);
  const cards = REGION_HOME_CARDS.filter((card) => registered(card.href));
  return (
    <Stack>
      <PageHeader title={rgm.home.title} subtitle={rgm.home.intro} />
      <Summary />
      <Title order={2} size="h4">
        {h.cardsTitle}
      </Title>
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
        {cards.map((card) => (
          <Paper key={card.href} withBorder p="md">
            <Title order={3} size="h4">
              <AnchorLink to={card.href}>{card.label}</AnchorLink>
            </Title>
            <Text size="sm" mt="xs">
              {card.description}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
