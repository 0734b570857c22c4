// /international/projects/$id: a 国際関連事業 — every field, its partners (each linked to the city's timeline), the
// budget and settled cost per 年度 with totals, the indicators with their grade and achievement, the related trips.
// Edit and delete only for the owning division's editors (canEdit, as the server decides it).
import { Alert, Group, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { deleteProject, FUNDING_SOURCE_LABELS, type ProjectDetail, type ProjectIndicator } from "../../../common/api/international";
import { formatAchievement } from "../../../common/vision/format";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, DateTimeText, FiscalYearText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { ProjectAttachmentsSection } from "./Attachments";
import { EmptyState, Field, InternationalNav, Loading, ProjectStatusBadge, SampleBadge, TripStatusBadge } from "./components";
import { im } from "./messages";
import { invalidateInternational, useProject } from "./queries";

const t = im.project;

export function ProjectPage({ id }: { id: string }) {
  const project = useProject(id);
  const breadcrumbs = [
    { label: im.moduleName, href: "/international" },
    { label: im.projects.title, href: "/international/projects" },
  ];
  if (project.error) {
    return (
      <>
        <PageHeader title={t.notFound} breadcrumbs={breadcrumbs} />
        <InternationalNav />
        <ErrorAlert error={project.error} />
      </>
    );
  }
  if (!project.data) {
    return (
      <>
        <PageHeader title={im.projects.title} breadcrumbs={breadcrumbs} />
        <Loading />
      </>
    );
  }
  return <ProjectView project={project.data} breadcrumbs={breadcrumbs} />;
}

function gradeTone(grade: string | null): StatusTone {
  if (grade === "A") return "good";
  if (grade === "B") return "done";
  if (grade === "C") return "warning";
  if (grade === "D") return "danger";
  return "neutral";
}

function ProjectView({ project, breadcrumbs }: { project: ProjectDetail; breadcrumbs: { label: string; href: string }[] }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const years = [...project.years].sort((a, b) => a.fiscalYear - b.fiscalYear || a.fundingSource.localeCompare(b.fundingSource));
  const budgetTotal = years.reduce((sum, y) => sum + y.budget, 0);
  const settledTotal = years.reduce((sum, y) => sum + (y.settled ?? 0), 0);

  async function remove() {
    await call(deleteProject, { params: { id: project.id } });
    flash.show(t.deleted);
    await invalidateInternational(queryClient);
    navigate({ to: "/international/projects" });
  }

  const indicatorColumns: Column<ProjectIndicator>[] = [
    {
      key: "name",
      header: t.indicatorName,
      rowHeader: true,
      render: (i) => (
        <Stack gap={0}>
          <span>{i.name}</span>
          <Text span size="xs" c="dimmed">
            {i.direction === "higher" ? im.projectForm.higher : im.projectForm.lower}
          </Text>
        </Stack>
      ),
    },
    {
      key: "baseline",
      header: t.baseline,
      render: (i) => t.valueIn(`${im.number(i.baselineValue)}${i.unit}`, fiscalYearLabel(i.baselineFiscalYear)),
    },
    {
      key: "target",
      header: t.target,
      render: (i) => t.valueIn(`${im.number(i.targetValue)}${i.unit}`, fiscalYearLabel(i.targetFiscalYear)),
    },
    {
      key: "results",
      header: t.results,
      render: (i) =>
        i.results.length === 0 ? (
          im.dash
        ) : (
          <Stack gap={0}>
            {[...i.results]
              .sort((a, b) => a.fiscalYear - b.fiscalYear)
              .map((r) => (
                // one line a year: 「令和4年度: 48t/日」 is never broken inside the figure and its unit
                <Text key={r.fiscalYear} size="sm" style={{ whiteSpace: "nowrap" }}>
                  <FiscalYearText fy={r.fiscalYear} western="title" />: {im.number(r.value)}
                  {i.unit}
                </Text>
              ))}
          </Stack>
        ),
    },
    {
      key: "grade",
      header: t.grade,
      nowrap: true,
      render: (i) => (
        <Stack gap={2}>
          <StatusBadge label={i.grade ?? "未評価"} tone={gradeTone(i.grade)} size="sm" />
          {i.gradeNote && (
            <Text span size="xs" c="dimmed">
              {i.gradeNote}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: "achievement", header: t.achievement, align: "right", nowrap: true, render: (i) => formatAchievement(i.achievement) },
  ];

  return (
    <>
      <PageHeader
        title={project.name}
        breadcrumbs={[...breadcrumbs, { label: project.name }]}
        badges={
          <>
            <ProjectStatusBadge status={project.status} />
            <StatusBadge label={project.isPublic ? im.projects.public : im.projects.internal} size="sm" />
            {project.isSample && <SampleBadge />}
          </>
        }
        actions={
          project.canEdit ? (
            <>
              <ButtonLink to="/international/projects/$id/edit" params={{ id: project.id }}>
                {t.edit}
              </ButtonLink>
              <ConfirmButton
                variant="default"
                color="red"
                title={t.deleteTitle}
                message={t.deleteMessage(project.name)}
                confirmColor="red"
                onConfirm={remove}
              >
                {t.delete}
              </ConfirmButton>
            </>
          ) : null
        }
      />
      <InternationalNav />
      <Stack gap="lg">
        {!project.canEdit && (
          <Alert color="gray" variant="light" role="note">
            {t.readOnly}
          </Alert>
        )}
        <Section id="intl-project-basics" title={t.basics}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <Field label={t.owner}>
              {project.ownerName}
              {project.bureauName && project.bureauName !== project.ownerName ? `（${project.bureauName}）` : ""}
            </Field>
            <Field label={t.contact}>{project.contactName || im.dash}</Field>
            <Field label={t.field}>{project.fieldName}</Field>
            <Field label={t.period}>
              <FiscalYearText fy={project.firstFiscalYear} />〜
              {project.lastFiscalYear !== null && <FiscalYearText fy={project.lastFiscalYear} />}
            </Field>
            <Field label={t.themes}>{project.themes.length > 0 ? project.themes.join(im.listSep) : im.dash}</Field>
            <Field label={t.updatedAt}>
              <DateTimeText timestamp={project.updatedAt} western="beside" />
            </Field>
            {project.sourceKey && <Field label={t.sourceKey}>{project.sourceKey}</Field>}
          </SimpleGrid>
          <Stack gap="md" mt="md">
            <Field label={t.summary}>{project.summary || im.dash}</Field>
            <Field label={t.partners}>
              {project.partners.length === 0 ? (
                t.noPartners
              ) : (
                <Group gap="md" wrap="wrap">
                  {project.partners.map((p) => (
                    <AnchorLink key={p.id} to="/international/partners/$id" params={{ id: p.id }}>
                      {p.label}
                    </AnchorLink>
                  ))}
                </Group>
              )}
            </Field>
          </Stack>
        </Section>

        <Section id="intl-project-years" title={t.years}>
          {years.length === 0 ? (
            <EmptyState>{t.noYears}</EmptyState>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard users.
            <section className="yk-table-scroll" tabIndex={0} aria-label={t.yearsCaption}>
              <Table withTableBorder striped miw={560} className="yk-table">
                <caption className="yk-visually-hidden">{t.yearsCaption}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.fiscalYear}</Table.Th>
                    <Table.Th scope="col">{t.fundingSource}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {t.budget}
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {t.settled}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {years.map((y) => (
                    <Table.Tr key={`${y.fiscalYear}-${y.fundingSource}`}>
                      <Table.Th scope="row" fw={500}>
                        <FiscalYearText fy={y.fiscalYear} />
                      </Table.Th>
                      <Table.Td>{FUNDING_SOURCE_LABELS[y.fundingSource]}</Table.Td>
                      <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>{im.yen(y.budget)}</Table.Td>
                      <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>{im.yen(y.settled)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row" colSpan={2}>
                      {t.total}
                    </Table.Th>
                    <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap", fontWeight: 700 }}>{im.yen(budgetTotal)}</Table.Td>
                    <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap", fontWeight: 700 }}>{im.yen(settledTotal)}</Table.Td>
                  </Table.Tr>
                </Table.Tfoot>
              </Table>
            </section>
          )}
        </Section>

        <Section id="intl-project-indicators" title={t.indicators}>
          {project.indicators.length === 0 ? (
            <EmptyState>{t.noIndicators}</EmptyState>
          ) : (
            <DataTable
              caption={t.indicators}
              captionHidden
              columns={indicatorColumns}
              rows={project.indicators}
              rowKey={(i) => i.id}
              minWidth={820}
            />
          )}
        </Section>

        <Section id="intl-project-trips" title={t.trips}>
          {project.trips.length === 0 ? (
            <EmptyState>{t.noTrips}</EmptyState>
          ) : (
            <Stack gap={6}>
              {[...project.trips]
                .sort((a, b) => b.departsOn.localeCompare(a.departsOn))
                .map((trip) => (
                  <Group key={trip.id} gap="sm" wrap="wrap">
                    <DateText iso={trip.departsOn} western="title" />
                    <AnchorLink to="/international/trips/$id" params={{ id: trip.id }} fw={600}>
                      {trip.title}
                    </AnchorLink>
                    <TripStatusBadge status={trip.status} size="xs" />
                  </Group>
                ))}
            </Stack>
          )}
        </Section>

        <ProjectAttachmentsSection projectId={project.id} />
      </Stack>
    </>
  );
}
