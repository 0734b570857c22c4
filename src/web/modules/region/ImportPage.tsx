// /region/imports/$id 「取込」: one import — what the pipeline found (文字コード, 見出しの世代), its figures, the lines it
// skipped with their reasons, and its held rows (each opens its fix form).
import { Alert, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { DATASETS } from "../../../common/region/datasets";
import { DetailField } from "../../ui/DetailField";
import { DateTimeText } from "../../ui/dates";
import { isNotFound } from "../../ui/errors";
import { InternalLink } from "../../ui/InternalLink";
import { PageHeader } from "../../ui/PageHeader";
import { QueryBoundary } from "../../ui/QueryBoundary";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section, TableSection } from "../../ui/Section";
import { cm } from "./curationMessages";
import { CurationNav, Figure, ProblemStatusBadge, useRegionCrumb } from "./curationParts";
import { useImport } from "./curationQueries";

const t = cm.importDetail;
const ti = cm.imports;

export function ImportPage({ id }: { id: string }) {
  const regionCrumb = useRegionCrumb();
  const query = useImport(id);
  const crumbs = [regionCrumb, { label: t.breadcrumb, href: "/region/imports" }];
  if (isNotFound(query.error))
    return (
      <>
        <PageHeader title={t.breadcrumb} breadcrumbs={crumbs} />
        <Alert color="gray" role="status">
          {t.notFound}
        </Alert>
      </>
    );
  return (
    <QueryBoundary query={query} title={t.breadcrumb}>
      {(imported) => {
        const title = `${imported.municipalityName} ${DATASETS[imported.dataset].label}の取込`;
        return (
          <>
            <PageHeader
              title={title}
              breadcrumbs={[...crumbs, { label: imported.fileName }]}
              badges={imported.isSample ? <SampleBadge /> : undefined}
              subtitle={
                <>
                  {imported.fileName}・<DateTimeText timestamp={imported.createdAt} />
                  {imported.createdByName ? `（${imported.createdByName}）` : ""}
                </>
              }
            />
            <CurationNav />
            <Stack gap="lg" mt="md">
              <Section id="import-figures" title={t.figures}>
                <Stack gap="md">
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <DetailField label={ti.encoding}>{cm.encodings[imported.encoding] ?? imported.encoding}</DetailField>
                    <DetailField label={ti.generation}>
                      {cm.generations[imported.headerGeneration] ?? imported.headerGeneration}
                    </DetailField>
                  </SimpleGrid>
                  <Group gap="xl" wrap="wrap">
                    <Figure label={ti.rowsRead} value={imported.rowsRead} />
                    <Figure label={ti.created} value={imported.createdCount} />
                    <Figure label={ti.updated} value={imported.updatedCount} />
                    <Figure label={ti.unchanged} value={imported.unchangedCount} />
                    <Figure label={ti.held} value={imported.problemCount} tone="warning" />
                    <Figure label={ti.skipped} value={imported.skippedCount} />
                  </Group>
                </Stack>
              </Section>
              <TableSection
                id="import-problems"
                title={t.problemsTitle}
                caption={t.problemsTitle}
                columns={[
                  {
                    key: "row",
                    header: t.row,
                    rowHeader: true,
                    nowrap: true,
                    render: (row) => <InternalLink href={`/region/problems/${row.id}`}>{`${row.rowNumber}${t.line}`}</InternalLink>,
                  },
                  { key: "name", header: cm.problems.name, render: (row) => row.name || cm.dash },
                  { key: "id", header: cm.item.sourceId, nowrap: true, render: (row) => row.sourceId ?? cm.dash },
                  {
                    key: "problem",
                    header: t.problem,
                    render: (row) => (
                      <Stack gap={2}>
                        {row.problems.map((p) => (
                          <Text key={`${p.column}:${p.code}`} size="sm">
                            {p.column ? `${p.column}: ` : ""}
                            {p.message}
                          </Text>
                        ))}
                      </Stack>
                    ),
                  },
                  { key: "status", header: cm.problems.status, nowrap: true, render: (row) => <ProblemStatusBadge status={row.status} /> },
                ]}
                rows={imported.problemRows}
                rowKey={(row) => row.id}
                empty={t.problemsEmpty}
                minWidth={760}
              />
              <TableSection
                id="import-skipped"
                title={t.skippedTitle}
                caption={t.skippedTitle}
                columns={[
                  { key: "line", header: t.line, rowHeader: true, nowrap: true, render: (line) => `${line.line}${t.line}` },
                  { key: "reason", header: t.reason, render: (line) => line.reason },
                ]}
                rows={imported.skipped}
                rowKey={(line) => String(line.line)}
                empty={t.skippedEmpty}
                minWidth={480}
              />
            </Stack>
          </>
        );
      }}
    </QueryBoundary>
  );
}
