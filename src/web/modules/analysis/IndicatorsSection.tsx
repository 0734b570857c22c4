// 指標と推移 of a subject: each indicator's latest value, its trend in words (change, direction, the years without a
// value named), the trend chart with the peers' lines, and where the subject stands among its peers in the year the
// picker chooses (「n団体中m位」, the median, the peers without a value named). Then where each figure came from.
import { Badge, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { formatIndicatorValue } from "../../../common/analysis/indicators";
import type { IndicatorView, SubjectIndicatorsView } from "../../../common/api/analysis-figures";
import { formatFiscalYear } from "../../../common/dates";
import { DataTable } from "../../ui/DataTable";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { Loading } from "../../ui/Loading";
import { Section } from "../../ui/Section";
import { PeerChart, TrendChart } from "./Charts";
import { fm } from "./figure-messages";
import { useSubjectFigures, useSubjectIndicators } from "./figure-queries";

const change = (i: IndicatorView) => {
  const c = i.trend.change as number;
  const sign = c > 0 ? "+" : c < 0 ? "−" : "±";
  return i.unit === "%" ? `${sign}${Math.abs(c).toFixed(1)}${fm.points}` : `${sign}${formatIndicatorValue(i.unit, Math.abs(c))}`;
};

function TrendWords({ indicator: i }: { indicator: IndicatorView }) {
  const direction = { up: fm.trendUp, down: fm.trendDown, flat: fm.trendFlat };
  return (
    <Stack gap={2}>
      <Text size="sm">
        {i.trend.direction && i.trend.fromYear !== null && i.trend.toYear !== null
          ? fm.trendWords(i.trend.fromYear, i.trend.toYear, change(i), direction[i.trend.direction])
          : fm.trendNone}
      </Text>
      {i.trend.missingYears.length > 0 && (
        <Text size="sm" c="red.9">
          {fm.missingYears(i.trend.missingYears.map(formatFiscalYear).join("・"))}
        </Text>
      )}
    </Stack>
  );
}

function Standing({ indicator: i, subjectName }: { indicator: IndicatorView; subjectName: string }) {
  const s = i.standing;
  if (!s) return <Text size="sm">{fm.noPeers}</Text>;
  const subjectValue = i.series.find((p) => p.fiscalYear === s.fiscalYear)?.value ?? null;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600} data-testid="standing">
        {s.rankHighFirst !== null ? fm.standingWords(s.of, s.rankHighFirst) : fm.standingNoRank(s.of)}
      </Text>
      <Text size="sm">
        {fm.median} {formatIndicatorValue(i.unit, s.median)}・
        {fm.range(formatIndicatorValue(i.unit, s.min), formatIndicatorValue(i.unit, s.max))}
      </Text>
      {s.peersMissing.length > 0 && (
        <Text size="sm" c="red.9">
          {fm.peersMissing(s.peersMissing.map((p) => `${p.name}（${p.missing}）`).join("、"))}
        </Text>
      )}
      <PeerChart
        title={i.label}
        unit={i.unit}
        fiscalYear={s.fiscalYear}
        bars={[
          { name: subjectName, value: subjectValue, isSubject: true },
          ...i.peers.map((p) => ({
            name: p.name,
            value: s.peersMissing.some((m) => m.id === p.id) ? null : (p.series.find((x) => x.fiscalYear === s.fiscalYear)?.value ?? null),
            isSubject: false,
          })),
        ]}
      />
    </Stack>
  );
}

function IndicatorCard({ indicator: i, subjectName }: { indicator: IndicatorView; subjectName: string }) {
  const latest = [...i.series].reverse().find((p) => p.value !== null);
  return (
    <section aria-labelledby={`indicator-${i.key}`} data-testid="indicator" data-key={i.key}>
      <Stack gap="xs" p="md" style={{ border: "1px solid var(--mantine-color-gray-3)", borderRadius: 8 }}>
        <Title order={3} size="h4" id={`indicator-${i.key}`}>
          {i.label}
        </Title>
        <Group gap="xs" align="baseline">
          <Text size="sm">{fm.latest}</Text>
          <Text fw={700} size="lg">
            {latest ? formatIndicatorValue(i.unit, latest.value) : fm.noValue}
          </Text>
          {latest && <Text size="sm">{fm.latestOf(latest.fiscalYear)}</Text>}
        </Group>
        <Text size="xs" c="dimmed">
          {fm.formula}: {i.formula}
        </Text>
        <TrendWords indicator={i} />
        <TrendChart
          title={i.label}
          unit={i.unit}
          series={[{ name: subjectName, points: i.series, emphasis: true }, ...i.peers.map((p) => ({ name: p.name, points: p.series }))]}
        />
        <Title order={4} size="h5">
          {fm.standing}
        </Title>
        <Standing indicator={i} subjectName={subjectName} />
      </Stack>
    </section>
  );
}

function Sources({ view }: { view: SubjectIndicatorsView }) {
  return (
    <DataTable
      caption={fm.sourcesCaption}
      rows={view.sources}
      rowKey={(s) => s.item}
      columns={[
        { key: "label", header: fm.sourceItem, rowHeader: true, render: (s) => s.label },
        {
          key: "source",
          header: fm.sourceFrom,
          render: (s) => (
            <Group gap={6} wrap="nowrap">
              <Badge size="sm" variant="outline" color={s.source === "linked" ? "grape.9" : s.source === "imported" ? "teal.9" : "gray.8"}>
                {fm.sourceLabels[s.source]}
              </Badge>
              <Text size="sm">{s.sourceLabel}</Text>
            </Group>
          ),
        },
      ]}
    />
  );
}

const hasValue = (i: IndicatorView) => [i.series, ...i.peers.map((p) => p.series)].some((s) => s.some((p) => p.value !== null));
/** Indicators with a value in some year (the subject's or a peer's): shown with their charts. */
const withValues = (view: SubjectIndicatorsView) => view.indicators.filter(hasValue);
/** The rest: named in one sentence with why (an empty chart says nothing). */
const withoutValues = (view: SubjectIndicatorsView) => view.indicators.filter((i) => !hasValue(i));

export function IndicatorsSection({ subjectId, subjectName }: { subjectId: string; subjectName?: string }) {
  const [standingYear, setStandingYear] = useState<number | undefined>(undefined);
  const query = useSubjectIndicators(subjectId, standingYear);
  // the subject's name for the charts: the figures query (shared with FiguresSection) has it
  const figures = useSubjectFigures(subjectId);
  const name = subjectName ?? figures.data?.subject.name ?? fm.subjectMark;
  const view = query.data;
  const years = view ? Array.from({ length: view.toYear - view.fromYear + 1 }, (_, k) => view.toYear - k) : [];
  return (
    <Section id="analysis-indicators" title={fm.indicatorsHeading}>
      <Stack gap="md">
        <Text size="sm">{fm.indicatorsIntro}</Text>
        {query.error && <ErrorAlert error={query.error} />}
        {!view && !query.error && <Loading />}
        {view && (
          <>
            <Group justify="space-between" align="end">
              <Text size="sm">{fm.yearsShown(view.fromYear, view.toYear)}</Text>
              {view.standingYear !== null && (
                <FiscalYearSelect
                  label={fm.standingYear}
                  value={view.standingYear}
                  years={years}
                  onChange={(fy) => setStandingYear(fy ?? undefined)}
                  w={240}
                />
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              {withValues(view).map((i) => (
                <IndicatorCard key={i.key} indicator={i} subjectName={name} />
              ))}
            </SimpleGrid>
            {withoutValues(view).length > 0 && (
              <Text size="sm" data-testid="indicators-without-values">
                {fm.indicatorsWithoutValues(
                  withoutValues(view)
                    .map((i) => `${i.label}（${i.series[0]?.missing ?? fm.noValue}）`)
                    .join("、"),
                )}
              </Text>
            )}
            <Title order={3} size="h4">
              {fm.sourcesHeading}
            </Title>
            <Sources view={view} />
          </>
        )}
      </Stack>
    </Section>
  );
}
