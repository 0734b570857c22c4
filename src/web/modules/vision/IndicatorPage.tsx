// /vision/indicators/$id: one indicator (KPI) — its definition, the chart of actual values by fiscal year against
// the pro-rated target line (IndicatorChart.tsx), the current grade with its explanation, the history of values
// (corrections included), and for its owner a form to enter a value (IndicatorEntryForm.tsx).
import { Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { type ActualEntry, DIRECTION_LABELS, type IndicatorDetail, RATING_MODE_LABELS } from "../../../common/api/vision";
import type { Column } from "../../ui/DataTable";
import { DateText, DateTimeText, FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { currentFiscalYear } from "../../ui/FiscalYear";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { Section, TableSection } from "../../ui/Section";
import {
  EarlierYearNote,
  EmptyState,
  Field,
  GradeBadge,
  Loading,
  PlanRecordError,
  RoundPicker,
  SampleBadge,
  VisionNav,
} from "./components";
import { SeriesChart } from "./IndicatorChart";
import { IndicatorEntryForm } from "./IndicatorEntryForm";
import { vm } from "./messages";
import { useIndicator, useIndicatorSeries, useRoundChoice, useRoundGrades } from "./queries";

export function IndicatorPage({ id }: { id: string }) {
  const indicator = useIndicator(id);
  if (indicator.error) return <PlanRecordError title={vm.indicator.breadcrumb} error={indicator.error} />;
  if (!indicator.data) return <Loading />;
  return <IndicatorView indicator={indicator.data} />;
}

function IndicatorView({ indicator }: { indicator: IndicatorDetail }) {
  const series = useIndicatorSeries(indicator.id);
  const { rounds, round, choose } = useRoundChoice(indicator.planId);
  const grades = useRoundGrades(round?.id ?? null);
  const grade = grades.data?.indicators.find((g) => g.indicatorId === indicator.id) ?? null;
  const breadcrumbs = [
    { label: vm.moduleName, href: "/vision" },
    { label: vm.plan.title, href: "/vision/plan" },
    { label: `${indicator.nodeCode} ${indicator.nodeTitle}`, href: `/vision/nodes/${indicator.nodeId}` },
    { label: indicator.name },
  ];
  const i = indicator;
  return (
    <>
      <PageHeader
        title={`${i.code} ${i.name}`}
        documentTitle={i.name}
        breadcrumbs={breadcrumbs}
        badges={
          <>
            <Text span size="sm" fw={700} c="#495057">
              {i.kind}
            </Text>
            {i.isSample && <SampleBadge />}
          </>
        }
        actions={
          i.canManage ? (
            <ButtonLink to="/vision/indicators/$id/edit" params={{ id: i.id }} variant="default">
              {vm.indicator.edit}
            </ButtonLink>
          ) : undefined
        }
      />
      <VisionNav />
      <Stack gap="lg">
        <Section id="ind-definition" title={vm.indicator.definition}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Field label={vm.indicator.direction}>{DIRECTION_LABELS[i.direction]}</Field>
            <Field label={vm.indicator.ratingMode}>{RATING_MODE_LABELS[i.ratingMode]}</Field>
            <Field label={vm.indicator.unit}>{i.unit || vm.dash}</Field>
            <Field label={vm.indicator.owner}>{i.ownerOrganisationName ?? vm.plan.noOwner}</Field>
            <Field label={vm.indicator.baseline}>
              {vm.valueWithUnit(i.baselineValue, i.unit)}
              {i.baselineDate && (
                <>
                  {"（"}
                  <DateText iso={i.baselineDate} western="title" />
                  {"）"}
                </>
              )}
            </Field>
            <Field label={vm.indicator.target}>
              {vm.valueWithUnit(i.targetValue, i.unit)}
              {i.targetFiscalYear !== null && (
                <>
                  {"（"}
                  <FiscalYearText fy={i.targetFiscalYear} western="title" />
                  {"）"}
                </>
              )}
            </Field>
            <Field label={vm.indicator.exclusion}>{i.exclusion ?? vm.indicator.notExcluded}</Field>
            <Field label={vm.indicator.dataSource}>{i.dataSource || vm.dash}</Field>
          </SimpleGrid>
        </Section>

        <Section id="ind-grade" title={vm.indicator.gradeHeading}>
          <Stack gap="sm">
            <RoundPicker rounds={rounds.data?.items ?? []} value={round?.id ?? null} onChange={choose} />
            <ErrorAlert error={grades.error} />
            {!round ? (
              <EmptyState>{vm.indicator.gradeNone}</EmptyState>
            ) : grades.isPending ? (
              <Loading />
            ) : !grade ? (
              <EmptyState>{vm.indicator.gradeNotInRound}</EmptyState>
            ) : (
              <div data-testid="indicator-grade" data-grade={grade.grade ?? ""} data-achievement={grade.achievement ?? ""}>
                <Group gap="sm" mb={4}>
                  <Text size="sm" fw={600}>
                    {vm.indicator.gradeRound(round.name)}
                  </Text>
                  <GradeBadge
                    grade={grade.grade}
                    label={grade.resultKind === "excluded" ? vm.grade.excluded : (grade.grade ?? undefined)}
                  />
                  <Text size="sm" data-testid="indicator-achievement">
                    {vm.grade.achievement(grade.achievement)}
                  </Text>
                  <EarlierYearNote fiscalYear={grade.valueFiscalYear} />
                </Group>
                <Text size="sm">{grade.explanation.text}</Text>
                {grades.data?.rule && (
                  <Text size="xs" c="dimmed" mt={4}>
                    {vm.indicator.rule(grades.data.rule.name)}
                  </Text>
                )}
              </div>
            )}
          </Stack>
        </Section>

        <Section id="ind-chart" title={vm.indicator.chartHeading}>
          <ErrorAlert error={series.error} />
          {series.isPending ? <Loading /> : series.data ? <SeriesChart series={series.data} name={i.name} /> : null}
        </Section>

        {i.canUpdate ? (
          <IndicatorEntryForm indicator={i} defaultFiscalYear={round?.status === "open" ? round.fiscalYear : currentFiscalYear()} />
        ) : (
          <Text size="sm" c="dimmed">
            {vm.indicator.cannotUpdate}
          </Text>
        )}

        <History indicator={i} />
      </Stack>
    </>
  );
}

function History({ indicator }: { indicator: IndicatorDetail }) {
  const unit = indicator.unit;
  const columns: Column<ActualEntry>[] = [
    {
      key: "fy",
      header: vm.indicator.fiscalYear,
      rowHeader: true,
      nowrap: true,
      render: (a) => <FiscalYearText fy={a.fiscalYear} western="title" />,
    },
    { key: "asOf", header: vm.indicator.asOf, nowrap: true, render: (a) => <DateText iso={a.asOf} western="title" /> },
    {
      key: "value",
      header: indicator.ratingMode === "status" ? vm.indicator.statusRating : vm.indicator.value,
      align: "right",
      nowrap: true,
      render: (a) => (a.value !== null ? vm.valueWithUnit(a.value, unit) : (a.statusRating ?? vm.dash)),
    },
    {
      key: "current",
      header: vm.todo.state,
      nowrap: true,
      render: (a) => (
        <Text span size="sm" c={a.current ? undefined : "dimmed"} td={a.current ? undefined : "line-through"}>
          {a.current ? vm.indicator.current : vm.indicator.superseded}
        </Text>
      ),
    },
    { key: "note", header: vm.indicator.note, render: (a) => a.note || vm.dash },
    { key: "by", header: vm.indicator.enteredBy, render: (a) => a.enteredByLabel },
    { key: "at", header: vm.indicator.enteredAt, nowrap: true, render: (a) => <DateTimeText timestamp={a.createdAt} /> },
  ];
  return (
    <TableSection
      id="ind-history"
      title={vm.indicator.historyHeading}
      caption={vm.indicator.historyCaption}
      columns={columns}
      rows={indicator.actuals}
      rowKey={(a) => a.id}
      empty={vm.indicator.historyEmpty}
    />
  );
}
