// /public/international/trip-reports/$id: one 海外出張の報告 the city publishes, no sign-in — who went (role and
// division only), when (和暦, 西暦 on hover), where and why (the itinerary, without the people met), the public
// projects it served, the settled cost per kind once the trip is 精算/完了, and the report's results and follow-up.
// A report that is not published reads as not found.
import { List, SimpleGrid, Stack, Text } from "@mantine/core";
import type { PublicTripReportDetail } from "../../../common/api/international-public-trips";
import { ApiError } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { EmptyState, Field, Loading } from "./components";
import { pm } from "./publicMessages";
import { usePublicTripReport } from "./publicQueries";
import { ptm } from "./publicTripMessages";

type Visit = PublicTripReportDetail["visits"][number];
type Member = PublicTripReportDetail["members"][number] & { key: number };
type Cost = PublicTripReportDetail["costs"][number];
type CostRow = { key: string; label: string; settled: number; total?: true };

const crumbs = [
  { label: pm.publicHome, href: "/public" },
  { label: pm.title, href: "/public/international" },
  { label: ptm.title, href: "/public/international/trip-reports" },
];

export function PublicTripReportPage({ id }: { id: string }) {
  const report = usePublicTripReport(id);
  if (report.error) {
    return (
      <>
        <PageHeader title={ptm.notFound} breadcrumbs={[...crumbs, { label: ptm.notFound }]} />
        <Stack gap="md">
          {report.error instanceof ApiError && report.error.status === 404 ? (
            <Text>{ptm.notFoundText}</Text>
          ) : (
            <ErrorAlert error={report.error} />
          )}
          <AnchorLink to="/public/international/trip-reports">{ptm.backToList}</AnchorLink>
        </Stack>
      </>
    );
  }
  if (!report.data) {
    return (
      <>
        <PageHeader title={ptm.title} breadcrumbs={crumbs} />
        <Loading />
      </>
    );
  }
  return <ReportView report={report.data} />;
}

const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;

function Paragraphs({ text }: { text: string }) {
  if (!text.trim()) return <Text c="dimmed">{ptm.none}</Text>;
  return (
    <Stack gap="xs">
      {text.split(/\n+/).map((line, i) => (
        // the report's lines in their order; the text does not change while shown
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed text split into lines
        <Text key={i} style={{ whiteSpace: "pre-wrap" }}>
          {line}
        </Text>
      ))}
    </Stack>
  );
}

function ReportView({ report }: { report: PublicTripReportDetail }) {
  const visitColumns: Column<Visit>[] = [
    { key: "on", header: ptm.visitOn, rowHeader: true, nowrap: true, render: (v) => <DateText iso={v.visitOn} western="title" /> },
    { key: "place", header: ptm.visitPlace, render: (v) => `${v.country}・${v.city}` },
    { key: "organisation", header: ptm.visitOrganisation, render: (v) => v.organisation || ptm.dash },
    { key: "purpose", header: ptm.visitPurpose, render: (v) => v.purpose || ptm.dash },
  ];
  const memberColumns: Column<Member>[] = [
    { key: "role", header: ptm.role, rowHeader: true, nowrap: true, render: (m) => ptm.roleLabel(m.role) },
    { key: "organisation", header: ptm.organisation, render: (m) => m.organisationName },
  ];
  const costColumns: Column<CostRow>[] = [
    { key: "kind", header: ptm.costKind, rowHeader: true, render: (c) => (c.total ? <strong>{c.label}</strong> : c.label) },
    {
      key: "settled",
      header: ptm.settled,
      align: "right",
      nowrap: true,
      render: (c) => (c.total ? <strong>{ptm.yen(c.settled)}</strong> : ptm.yen(c.settled)),
    },
  ];
  const costRows: CostRow[] = report.costs.length
    ? [
        ...report.costs.map((c: Cost) => ({ key: c.costKind, label: ptm.costKindLabel(c.costKind), settled: c.settled })),
        { key: "total", label: ptm.total, settled: report.settledTotal ?? 0, total: true },
      ]
    : [];

  return (
    <>
      <PageHeader
        title={report.title}
        breadcrumbs={[...crumbs, { label: report.title }]}
        badges={report.isSample ? <SampleBadge /> : undefined}
      />
      <Stack gap="lg">
        <Section id="pub-trip-basics" title={ptm.basics}>
          <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
            <Field label={ptm.owner}>{ptm.ownerLabel(report.ownerName, report.bureauName)}</Field>
            <Field label={ptm.period}>
              <DateText iso={report.departsOn} western="title" />〜<DateText iso={report.returnsOn} western="title" />
              <span style={{ whiteSpace: "nowrap" }}>{ptm.days(daysBetween(report.departsOn, report.returnsOn))}</span>
            </Field>
            <Field label={ptm.destinations}>{report.destinations.map((d) => ptm.destinationLabel(d)).join("、") || ptm.dash}</Field>
            <Field label={ptm.filedOn}>
              <DateText iso={report.reportFiledOn} western="title" />
            </Field>
          </SimpleGrid>
          <Stack mt="md">
            <Field label={ptm.purpose}>{report.purpose || ptm.none}</Field>
          </Stack>
        </Section>

        <Section id="pub-trip-report" title={ptm.report}>
          <Stack gap="md">
            <Field label={ptm.results}>
              <Paragraphs text={report.results} />
            </Field>
            <Field label={ptm.followup}>
              <Paragraphs text={report.followup} />
            </Field>
          </Stack>
        </Section>

        <Section id="pub-trip-itinerary" title={ptm.itinerary}>
          {report.visits.length === 0 ? (
            <EmptyState>{ptm.noVisits}</EmptyState>
          ) : (
            <DataTable
              caption={ptm.itineraryCaption}
              captionHidden
              columns={visitColumns}
              rows={report.visits}
              rowKey={(v) => `${v.visitOn}/${v.city}/${v.organisation}/${v.purpose}`}
            />
          )}
        </Section>

        <Section id="pub-trip-members" title={ptm.members}>
          {report.members.length === 0 ? (
            <EmptyState>{ptm.noMembers}</EmptyState>
          ) : (
            <>
              <DataTable
                caption={ptm.membersCaption}
                captionHidden
                columns={memberColumns}
                rows={report.members.map((m, i) => ({ ...m, key: i }))}
                rowKey={(m) => String(m.key)}
              />
              <Text size="sm" c="dimmed" mt="xs">
                {ptm.membersNote}
              </Text>
            </>
          )}
        </Section>

        <Section id="pub-trip-costs" title={ptm.costs}>
          {!report.costsSettled ? (
            <EmptyState>{ptm.costsPending}</EmptyState>
          ) : costRows.length === 0 ? (
            <EmptyState>{ptm.noCosts}</EmptyState>
          ) : (
            <>
              <DataTable caption={ptm.costsCaption} captionHidden columns={costColumns} rows={costRows} rowKey={(c) => c.key} />
              <Text size="sm" c="dimmed" mt="xs">
                {ptm.costsNote}
              </Text>
            </>
          )}
        </Section>

        <Section id="pub-trip-projects" title={ptm.projects}>
          {report.projects.length === 0 ? (
            <EmptyState>{ptm.noProjects}</EmptyState>
          ) : (
            <List>
              {report.projects.map((p) => (
                <List.Item key={p.id}>
                  <AnchorLink to="/public/international/$id" params={{ id: p.id }}>
                    {p.name}
                  </AnchorLink>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <AnchorLink to="/public/international/trip-reports">{ptm.backToList}</AnchorLink>
      </Stack>
    </>
  );
}
