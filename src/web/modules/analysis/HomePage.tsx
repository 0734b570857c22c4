// /analysis 「経営分析」: the subjects by analysis year (newest first) with their kind, lead division and its 局, the
// 外郭団体／政策連携団体 label, the number of analyses and the latest one's status; the links to the peers, the
// follow-up actions and the comparison; the list's Excel and CSV.
import { Badge, Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { LINKED_SOURCE_INFO } from "../../../common/analysis/figure-items";
import { exportSubjects, type SubjectSummary } from "../../../common/api/analysis-subjects";
import { urlFor } from "../../api/client";
import type { Column } from "../../ui/DataTable";
import { fiscalYearLabel } from "../../ui/dates";
import { InternalLink } from "../../ui/InternalLink";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { QueryBoundary } from "../../ui/QueryBoundary";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section, TableSection } from "../../ui/Section";
import { StatusBadge } from "../../ui/StatusBadge";
import { AnalysisNav } from "./SubjectNav";
import { sm } from "./subject-messages";
import { useSubjectsByYear } from "./subject-queries";

const t = sm.home;

/** Subjects grouped by analysis year, newest year first; those without a year last. */
function byYear(items: readonly SubjectSummary[]): { year: number | null; items: SubjectSummary[] }[] {
  const groups = new Map<number | null, SubjectSummary[]>();
  for (const s of items) groups.set(s.analysisFiscalYear, [...(groups.get(s.analysisFiscalYear) ?? []), s]);
  return [...groups.entries()]
    .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b - a))
    .map(([year, list]) => ({ year, items: list.sort((x, y) => x.name.localeCompare(y.name, "ja")) }));
}

const columns: Column<SubjectSummary>[] = [
  {
    key: "name",
    header: t.name,
    rowHeader: true,
    width: 300,
    render: (s) => (
      <Stack gap={2}>
        <InternalLink href={`/analysis/subjects/${s.id}`}>{s.name}</InternalLink>
        <Group gap={6} wrap="wrap">
          {s.affiliateLabel && (
            <Badge variant="light" color="grape" size="sm" style={{ textTransform: "none" }}>
              {s.affiliateLabel}
            </Badge>
          )}
          {s.linkedSource && (
            <Text size="xs" c="dimmed">
              {t.linked(LINKED_SOURCE_INFO[s.linkedSource].label.replace(/（.*$/, ""))}
            </Text>
          )}
          {s.isSample && <SampleBadge />}
        </Group>
      </Stack>
    ),
  },
  { key: "kind", header: t.kind, width: 150, nowrap: true, render: (s) => s.kindLabel },
  {
    key: "lead",
    header: t.lead,
    width: 220,
    render: (s) =>
      s.leadOrganisationName ? (
        <Stack gap={0}>
          <Text size="sm">{s.leadOrganisationName}</Text>
          {s.bureauName && s.bureauName !== s.leadOrganisationName && (
            <Text size="xs" c="dimmed">
              {s.bureauName}
            </Text>
          )}
        </Stack>
      ) : (
        sm.dash
      ),
  },
  {
    key: "reviews",
    header: t.reviews,
    width: 200,
    render: (s) =>
      s.latestReview ? (
        <Stack gap={2}>
          <Group gap={6}>
            <StatusBadge label={s.latestReview.statusLabel} tone={s.latestReview.status === "decided" ? "done" : "warning"} size="sm" />
            <Text size="xs">{fiscalYearLabel(s.latestReview.fiscalYear)}</Text>
          </Group>
          <Text size="xs" c="dimmed">
            {t.reviewCount(s.reviewCount)}
          </Text>
        </Stack>
      ) : (
        <Text size="sm" c="dimmed">
          {t.noReview}
        </Text>
      ),
  },
];

function Links() {
  const links = [
    { to: "/analysis/peers", label: t.toPeers, help: t.toPeersHelp },
    { to: "/analysis/actions", label: t.toActions, help: t.toActionsHelp },
    { to: "/analysis/comparison", label: t.toComparison, help: t.toComparisonHelp },
  ];
  return (
    <Section id="analysis-home-links" title={t.linksHeading}>
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {links.map((link) => (
          <Stack key={link.to} gap={2}>
            <AnchorLink to={link.to as never} fw={700}>
              {link.label}
            </AnchorLink>
            <Text size="sm" c="dimmed">
              {link.help}
            </Text>
          </Stack>
        ))}
      </SimpleGrid>
    </Section>
  );
}

export function HomePage() {
  const list = useSubjectsByYear();
  const canManage = list.data?.canManage ?? false;
  const exportQuery = { role: "subject" as const };
  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        actions={
          <Group gap="xs">
            <Button component="a" href={urlFor(exportSubjects, { query: { ...exportQuery, format: "xlsx" } })} variant="default" download>
              {t.excel}
            </Button>
            <Button component="a" href={urlFor(exportSubjects, { query: { ...exportQuery, format: "csv" } })} variant="default" download>
              {t.csv}
            </Button>
            {canManage && <ButtonLink to={"/analysis/subjects/new" as never}>{t.create}</ButtonLink>}
          </Group>
        }
      />
      <AnalysisNav canManage={canManage} />
      <QueryBoundary query={list} title={t.title}>
        {(data) => (
          <Stack gap="lg">
            {data.items.length === 0 && (
              <Text size="sm" c="dimmed">
                {canManage ? t.empty : t.emptyReadOnly}
              </Text>
            )}
            {byYear(data.items).map((group) => {
              const label = group.year === null ? t.noYear : t.yearHeading(fiscalYearLabel(group.year));
              return (
                <TableSection
                  key={group.year ?? "none"}
                  id={`analysis-year-${group.year ?? "none"}`}
                  title={label}
                  caption={group.year === null ? t.noYear : t.caption(fiscalYearLabel(group.year))}
                  columns={columns}
                  rows={group.items}
                  rowKey={(s) => s.id}
                  minWidth={760}
                />
              );
            })}
            <Links />
          </Stack>
        )}
      </QueryBoundary>
    </>
  );
}
