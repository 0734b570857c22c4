// /public/vision: the published progress of the 新ビジョン, no sign-in — the published rounds, per 重点戦略 its grade
// and the counts per grade, and the KPI table (target, actual, grade and why).
import { Anchor, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { ResponseOf } from "../../../common/api/contract";
import { downloadPublicRoundReport, type getPublicRound } from "../../../common/api/vision";
import { urlFor } from "../../api/client";
import { m } from "../../messages";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageHeader } from "../../ui/PageHeader";
import { EarlierYearNote, EmptyState, GradeBadge, Loading } from "./components";
import { DistributionBar } from "./DashboardPage";
import { vm } from "./messages";
import { usePublicProgress, usePublicRound } from "./queries";

const p = vm.public;
type PublicRound = ResponseOf<typeof getPublicRound>;
type PublicIndicator = PublicRound["indicators"][number];

export function PublicProgressPage() {
  const progress = usePublicProgress();
  const [chosen, setChosen] = useState<string | null>(null);
  const rounds = (progress.data?.plans ?? []).flatMap((plan) =>
    [...plan.rounds].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt)).map((r) => ({ ...r, planName: plan.name })),
  );
  const roundId = rounds.find((r) => r.id === chosen)?.id ?? rounds[0]?.id ?? null;
  const round = usePublicRound(roundId);
  return (
    <>
      <PageHeader title={p.title} subtitle={p.intro} breadcrumbs={[{ label: m.publicHome.title, href: "/public" }, { label: p.title }]} />
      <Stack gap="lg">
        <ErrorAlert error={progress.error ?? round.error} />
        {progress.isPending && <Loading />}
        {progress.data && rounds.length === 0 && <EmptyState>{p.empty}</EmptyState>}
        {rounds.length > 0 && (
          <NativeSelect
            label={p.roundSelect}
            value={roundId ?? ""}
            data={rounds.map((r) => ({ value: r.id, label: `${r.planName} ${r.name}（${fiscalYearLabel(r.fiscalYear)}）` }))}
            onChange={(e) => setChosen(e.currentTarget.value)}
            w={{ base: "100%", sm: 420 }}
          />
        )}
        {roundId && round.isPending && <Loading />}
        {round.data && <RoundView data={round.data} />}
      </Stack>
    </>
  );
}

function RoundView({ data }: { data: PublicRound }) {
  const strategyTitle = new Map(data.strategies.map((s) => [s.nodeId, `${s.code} ${s.title}`]));
  const columns: Column<PublicIndicator>[] = [
    { key: "node", header: p.node, render: (i) => i.nodeTitle },
    { key: "indicator", header: p.indicator, rowHeader: true, render: (i) => `${i.code} ${i.name}` },
    { key: "baseline", header: p.baseline, align: "right", nowrap: true, render: (i) => vm.valueWithUnit(i.baselineValue, i.unit) },
    {
      key: "target",
      header: p.target,
      align: "right",
      nowrap: true,
      render: (i) => `${vm.valueWithUnit(i.targetValue, i.unit)}${i.targetFiscalYear ? `（${fiscalYearLabel(i.targetFiscalYear)}）` : ""}`,
    },
    {
      key: "actual",
      header: p.actual,
      align: "right",
      nowrap: true,
      render: (i) => (i.actualValue !== null ? vm.valueWithUnit(i.actualValue, i.unit) : (i.statusRating ?? vm.dash)),
    },
    {
      key: "grade",
      header: p.grade,
      nowrap: true,
      render: (i) => (
        <Group gap={4} wrap="nowrap">
          <GradeBadge grade={i.grade} size="sm" label={i.resultKind === "excluded" ? vm.grade.excluded : (i.grade ?? undefined)} />
          <EarlierYearNote fiscalYear={i.valueFiscalYear} />
        </Group>
      ),
    },
    { key: "achievement", header: p.achievement, align: "right", nowrap: true, render: (i) => vm.percent(i.achievement) },
  ];
  // strategies in the order given, then indicators not under any strategy
  const groups = [
    ...data.strategies.map((s) => ({
      id: s.nodeId,
      title: strategyTitle.get(s.nodeId) ?? s.title,
      rows: data.indicators.filter((i) => i.strategyNodeId === s.nodeId),
    })),
    { id: "other", title: p.otherGroup, rows: data.indicators.filter((i) => !i.strategyNodeId || !strategyTitle.has(i.strategyNodeId)) },
  ].filter((g) => g.rows.length > 0);
  return (
    <>
      <Paper withBorder p="lg" component="section" aria-labelledby="pub-round">
        <Title order={2} id="pub-round" className="yk-section-title" mb={4}>
          {data.plan.name} {data.round.name}
        </Title>
        <Text size="sm">
          {p.asOf}: <DateText iso={data.round.asOf} western="title" /> ・ {p.publishedAt}:{" "}
          <DateText iso={data.round.publishedAt.slice(0, 10)} western="title" />
        </Text>
        <Group gap="md" mt="xs">
          <Anchor href={urlFor(downloadPublicRoundReport, { params: { id: data.round.id }, query: { format: "pdf" } })} download size="sm">
            {vm.rounds.reportPdf}
          </Anchor>
          <Anchor href={urlFor(downloadPublicRoundReport, { params: { id: data.round.id }, query: { format: "xlsx" } })} download size="sm">
            {vm.rounds.reportXlsx}
          </Anchor>
        </Group>
        {data.plan.cityImage && (
          <Text size="sm" mt="xs">
            <Text span fw={600}>
              {p.cityImage}:
            </Text>{" "}
            {data.plan.cityImage}
          </Text>
        )}
      </Paper>
      <section aria-labelledby="pub-strategies">
        <Title order={2} id="pub-strategies" className="yk-section-title" mb="sm">
          {p.strategiesHeading}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          {data.strategies.map((s) => (
            <Paper key={s.nodeId} withBorder p="md" component="section" aria-labelledby={`pub-s-${s.nodeId}`} data-testid="public-strategy">
              <Title order={3} size="h5" id={`pub-s-${s.nodeId}`} mb="xs">
                {s.code} {s.title}
              </Title>
              <Group gap="sm" mb="xs">
                <GradeBadge grade={s.grade} label={vm.grade.label(s.grade)} />
                <Text size="sm">{vm.grade.achievement(s.achievement)}</Text>
              </Group>
              <DistributionBar counts={s.counts} title={s.title} />
            </Paper>
          ))}
        </SimpleGrid>
      </section>
      <section aria-labelledby="pub-kpi">
        <Title order={2} id="pub-kpi" className="yk-section-title" mb="sm">
          {p.kpiHeading}
        </Title>
        {groups.length === 0 && <EmptyState>{p.kpiEmpty}</EmptyState>}
        <Stack gap="lg">
          {groups.map((g) => (
            <DataTable
              key={g.id}
              caption={`${p.kpiCaption(data.round.name)}: ${g.title}`}
              columns={columns}
              rows={g.rows}
              rowKey={(i) => i.code}
              renderDetail={(i) => (
                <Text size="sm">
                  <Text span fw={600}>
                    {p.explanation}:
                  </Text>{" "}
                  {i.explanationText}
                </Text>
              )}
              minWidth={760}
            />
          ))}
        </Stack>
      </section>
    </>
  );
}
