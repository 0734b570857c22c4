// /public/international/$id: one 国際関連事業 the city publishes, no sign-in — its 分野, who runs it, the 年度 in 和暦 and
// its summary; the partner cities with their relation; the budget and settled cost per 年度 and funding source; the
// indicators with their results; the published 海外出張の報告 linked to it. A project that is not public reads as not
// found.
import { List, SimpleGrid, Stack, Text } from "@mantine/core";
import { FUNDING_SOURCE_LABELS } from "../../../common/api/international";
import type { PublicProjectDetail } from "../../../common/api/international-public";
import { ApiError } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, FiscalYearText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { EmptyState, Field, Loading } from "./components";
import { PublicPeriod } from "./PublicPeriod";
import { pm } from "./publicMessages";
import { usePublicProject, usePublicTripReports } from "./publicQueries";
import { ptm } from "./publicTripMessages";

type Partner = PublicProjectDetail["partners"][number];
type Year = PublicProjectDetail["years"][number];
type Indicator = PublicProjectDetail["indicators"][number];

const crumbs = [
  { label: pm.publicHome, href: "/public" },
  { label: pm.title, href: "/public/international" },
];

export function PublicProjectPage({ id }: { id: string }) {
  const project = usePublicProject(id);
  if (project.error) {
    return (
      <>
        <PageHeader title={pm.notFound} breadcrumbs={[...crumbs, { label: pm.notFound }]} />
        <Stack gap="md">
          {project.error instanceof ApiError && project.error.status === 404 ? (
            <Text>{pm.notFoundText}</Text>
          ) : (
            <ErrorAlert error={project.error} />
          )}
          <AnchorLink to="/public/international">{pm.backToList}</AnchorLink>
        </Stack>
      </>
    );
  }
  if (!project.data) {
    return (
      <>
        <PageHeader title={pm.title} breadcrumbs={crumbs} />
        <Loading />
      </>
    );
  }
  return <ProjectView project={project.data} />;
}

function ProjectView({ project }: { project: PublicProjectDetail }) {
  const budgetTotal = project.years.reduce((sum, y) => sum + y.budget, 0);
  const settledTotal = project.years.reduce((sum, y) => sum + (y.settled ?? 0), 0);
  const someUnsettled = project.years.some((y) => y.settled === null);

  const partnerColumns: Column<Partner>[] = [
    { key: "city", header: pm.partnerCity, rowHeader: true, render: (p) => p.city },
    { key: "country", header: pm.partnerCountry, render: (p) => p.country },
    { key: "organisation", header: pm.partnerOrganisation, render: (p) => p.organisation || pm.dash },
    { key: "relation", header: pm.partnerRelation, nowrap: true, render: (p) => pm.relation(p.relation) },
    { key: "since", header: pm.partnerSince, nowrap: true, render: (p) => <DateText iso={p.relatedSince} western="title" /> },
  ];

  const yearColumns: Column<Year>[] = [
    {
      key: "fiscalYear",
      header: pm.fiscalYear,
      rowHeader: true,
      nowrap: true,
      render: (y) => <FiscalYearText fy={y.fiscalYear} western="title" />,
    },
    { key: "source", header: pm.fundingSource, nowrap: true, render: (y) => FUNDING_SOURCE_LABELS[y.fundingSource] },
    { key: "budget", header: pm.budget, align: "right", nowrap: true, render: (y) => pm.yen(y.budget) },
    {
      key: "settled",
      header: pm.settled,
      align: "right",
      nowrap: true,
      render: (y) => (y.settled === null ? pm.unsettled : pm.yen(y.settled)),
    },
  ];
  const yearRows: (Year & { total?: true })[] = project.years.length
    ? [...project.years, { fiscalYear: 0, fundingSource: "general", budget: budgetTotal, settled: settledTotal, total: true }]
    : [];

  const indicatorColumns: Column<Indicator>[] = [
    {
      key: "name",
      header: pm.indicator,
      rowHeader: true,
      render: (i) => (
        <Stack gap={0}>
          <span>{i.name}</span>
          <Text span size="xs" c="dimmed">
            {i.direction === "higher" ? pm.higher : pm.lower}
          </Text>
        </Stack>
      ),
    },
    {
      key: "baseline",
      header: pm.baseline,
      render: (i) => pm.valueIn(pm.value(i.baselineValue, i.unit), fiscalYearLabel(i.baselineFiscalYear)),
    },
    { key: "target", header: pm.target, render: (i) => pm.valueIn(pm.value(i.targetValue, i.unit), fiscalYearLabel(i.targetFiscalYear)) },
    {
      key: "results",
      header: pm.results,
      render: (i) =>
        i.results.length === 0 ? (
          pm.dash
        ) : (
          <Stack gap={0}>
            {i.results.map((r) => (
              <Text key={r.fiscalYear} size="sm">
                <FiscalYearText fy={r.fiscalYear} western="title" />: {pm.value(r.value, i.unit)}
              </Text>
            ))}
          </Stack>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={project.name}
        breadcrumbs={[...crumbs, { label: project.name }]}
        badges={project.isSample ? <SampleBadge /> : undefined}
      />
      <Stack gap="lg">
        <Section id="pub-intl-basics" title={pm.basics}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Field label={pm.field}>{project.fieldName}</Field>
            <Field label={pm.owner}>{pm.ownerLabel(project.ownerName, project.bureauName)}</Field>
            <Field label={pm.period}>
              <PublicPeriod first={project.firstFiscalYear} last={project.lastFiscalYear} />
            </Field>
          </SimpleGrid>
          <Stack mt="md">
            <Field label={pm.summary}>{project.summary || pm.noSummary}</Field>
          </Stack>
        </Section>

        <Section id="pub-intl-partners" title={pm.partnersHeading}>
          {project.partners.length === 0 ? (
            <EmptyState>{pm.noPartners}</EmptyState>
          ) : (
            <DataTable
              caption={pm.partnersCaption}
              captionHidden
              columns={partnerColumns}
              rows={project.partners}
              rowKey={(p) => `${p.country}/${p.city}/${p.organisation}`}
            />
          )}
        </Section>

        <Section id="pub-intl-money" title={pm.money}>
          {yearRows.length === 0 ? (
            <EmptyState>{pm.noMoney}</EmptyState>
          ) : (
            <>
              <DataTable
                caption={pm.moneyCaption}
                captionHidden
                columns={yearColumns.map((c) =>
                  c.key === "fiscalYear"
                    ? { ...c, render: (y: Year & { total?: true }) => (y.total ? <strong>{pm.total}</strong> : c.render(y)) }
                    : c.key === "source"
                      ? { ...c, render: (y: Year & { total?: true }) => (y.total ? "" : c.render(y)) }
                      : c.key === "settled" && someUnsettled
                        ? {
                            ...c,
                            render: (y: Year & { total?: true }) => (y.total ? pm.settledSoFar(pm.yen(y.settled)) : c.render(y)),
                          }
                        : c,
                )}
                rows={yearRows}
                rowKey={(y) => (y.total ? "total" : `${y.fiscalYear}/${y.fundingSource}`)}
              />
              <Text size="sm" c="dimmed" mt="xs">
                {pm.moneyNote}
              </Text>
            </>
          )}
        </Section>

        <Section id="pub-intl-indicators" title={pm.indicators}>
          {project.indicators.length === 0 ? (
            <EmptyState>{pm.noIndicators}</EmptyState>
          ) : (
            <DataTable
              caption={pm.indicatorsCaption}
              captionHidden
              columns={indicatorColumns}
              rows={project.indicators}
              rowKey={(i) => i.name}
            />
          )}
        </Section>
        <ProjectTripReports projectId={project.id} />
        <AnchorLink to="/public/international">{pm.backToList}</AnchorLink>
      </Stack>
    </>
  );
}

/** The published 海外出張の報告 linked to the project: a section only when there is one. */
function ProjectTripReports({ projectId }: { projectId: string }) {
  const reports = usePublicTripReports({ projectId, page: 1, pageSize: 100 });
  if (!reports.data || reports.data.items.length === 0) return null;
  return (
    <Section id="pub-intl-trip-reports" title={ptm.projectReports}>
      <List>
        {reports.data.items.map((t) => (
          <List.Item key={t.id}>
            <AnchorLink to="/public/international/trip-reports/$id" params={{ id: t.id }}>
              {t.title}
            </AnchorLink>
            <Text span size="sm" c="dimmed">
              {"　"}
              <DateText iso={t.departsOn} western="title" />〜<DateText iso={t.returnsOn} western="title" />
            </Text>
          </List.Item>
        ))}
      </List>
    </Section>
  );
}
