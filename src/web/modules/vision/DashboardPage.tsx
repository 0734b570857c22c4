// /vision: the 新ビジョン dashboard — per 重点戦略 its roll-up grade and achievement, the distribution of grades
// (A/B/C/D/状況/対象外/未評価) as a bar with the counts written out, the indicators trending away from their target
// and the owners late with their updates; links go to the indicators.
import { Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { Dashboard } from "../../../common/api/vision";
import { fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge } from "../../ui/StatusBadge";
import { EmptyState, GradeBadge, isStatusGrade, Loading, PlanPicker, RoundPicker, VisionNav } from "./components";
import { vm } from "./messages";
import { useCurrentPlan, useDashboard, useRounds } from "./queries";

const d = vm.dashboard;

export interface GradeBucket {
  key: string;
  label: string;
  count: number;
  colour: string;
}

const BUCKET_COLOURS: Record<string, string> = {
  A: "#2b8a3e",
  B: "#1f5fbf",
  C: "#e0a800",
  D: "#c92a2a",
  状況: "#862e9c",
  対象外: "#868e96",
  未評価: "#ced4da",
};

/** Counts per grade → the buckets A, B, C, D (and any other band), 状況 (all status ratings), 対象外, 未評価. */
export function gradeBuckets(counts: Record<string, number>): GradeBucket[] {
  const letters = new Set(["A", "B", "C", "D"]);
  let status = 0;
  for (const [key, n] of Object.entries(counts)) {
    if (key === vm.grade.excluded || key === vm.grade.ungraded) continue;
    if (isStatusGrade(key)) status += n;
    else letters.add(key);
  }
  const bands = [...letters].sort();
  return [
    ...bands.map((key) => ({ key, label: key, count: counts[key] ?? 0, colour: BUCKET_COLOURS[key] ?? "#495057" })),
    { key: "状況", label: vm.grade.status, count: status, colour: BUCKET_COLOURS.状況 },
    { key: "対象外", label: vm.grade.excluded, count: counts[vm.grade.excluded] ?? 0, colour: BUCKET_COLOURS.対象外 },
    { key: "未評価", label: vm.grade.ungraded, count: counts[vm.grade.ungraded] ?? 0, colour: BUCKET_COLOURS.未評価 },
  ];
}

/** A stacked bar of the buckets (a picture) with the counts written out beside it (the text is the content). */
export function DistributionBar({ counts, title }: { counts: Record<string, number>; title: string }) {
  const buckets = gradeBuckets(counts);
  const total = buckets.reduce((a, b) => a + b.count, 0);
  const text = buckets.map((b) => `${b.label} ${b.count}`).join("、");
  return (
    <div data-testid="grade-distribution" data-counts={buckets.map((b) => `${b.key}:${b.count}`).join(",")}>
      <div
        role="img"
        aria-label={d.distributionLabel(title, text)}
        style={{ display: "flex", height: 18, borderRadius: 4, overflow: "hidden", background: "#f1f3f5", border: "1px solid #dee2e6" }}
      >
        {total > 0 &&
          buckets
            .filter((b) => b.count > 0)
            .map((b) => (
              <span key={b.key} title={`${b.label}: ${b.count}`} style={{ width: `${(b.count / total) * 100}%`, background: b.colour }} />
            ))}
      </div>
      <Group gap="sm" mt={6} wrap="wrap" aria-hidden="true">
        {buckets.map((b) => (
          <Group key={b.key} gap={4} wrap="nowrap">
            <span style={{ width: 10, height: 10, background: b.colour, display: "inline-block", borderRadius: 2 }} />
            <Text size="xs">
              {b.label} {b.count}
            </Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}

export function DashboardPage() {
  const { plans, planId, choose } = useCurrentPlan();
  const rounds = useRounds(planId);
  const [roundId, setRoundId] = useState<string | undefined>(undefined);
  const dashboard = useDashboard(planId, roundId);
  const data = dashboard.data;
  return (
    <>
      <PageHeader title={d.title} breadcrumbs={[{ label: vm.moduleName }]} subtitle={d.intro} />
      <VisionNav />
      <Stack gap="lg">
        <ErrorAlert error={plans.error ?? dashboard.error} />
        {plans.isPending && <Loading />}
        {plans.data && plans.data.items.length === 0 && <EmptyState>{vm.noPlan}</EmptyState>}
        <Group gap="md" align="flex-end" wrap="wrap">
          <PlanPicker plans={plans.data?.items ?? []} value={planId} onChange={choose} />
          {planId && (
            <RoundPicker
              rounds={rounds.data?.items ?? []}
              value={roundId ?? data?.round?.id ?? null}
              onChange={(id) => setRoundId(id || undefined)}
            />
          )}
        </Group>
        {planId && dashboard.isPending && <Loading />}
        {data && <DashboardView data={data} />}
      </Stack>
    </>
  );
}

function DashboardView({ data }: { data: Dashboard }) {
  return (
    <>
      <Paper withBorder p="lg" component="section" aria-labelledby="dash-totals">
        <Group justify="space-between" wrap="wrap" mb="xs">
          <Title order={2} id="dash-totals" className="yk-section-title">
            {d.totals}
          </Title>
          <Text size="sm" c="dimmed">
            {data.round ? d.roundBasis(data.round.name) : d.roundNone}
          </Text>
        </Group>
        <DistributionBar counts={data.totals} title={data.plan.name} />
      </Paper>
      {data.strategies.length === 0 ? (
        <EmptyState>{d.empty}</EmptyState>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
          {data.strategies.map((s) => (
            <StrategyCard key={s.nodeId} strategy={s} />
          ))}
        </SimpleGrid>
      )}
      <AnchorLink to="/vision/plan">{d.openPlan}</AnchorLink>
    </>
  );
}

function StrategyCard({ strategy: s }: { strategy: Dashboard["strategies"][number] }) {
  const headingId = `strategy-${s.nodeId}`;
  return (
    <Paper
      withBorder
      p="lg"
      component="section"
      aria-labelledby={headingId}
      data-testid="strategy-rollup"
      data-code={s.code}
      data-grade={s.grade ?? ""}
      data-achievement={s.achievement ?? ""}
    >
      <Stack gap="sm">
        <Title order={2} id={headingId} size="h4">
          <AnchorLink to="/vision/nodes/$id" params={{ id: s.nodeId }} inherit>
            {s.code} {s.title}
          </AnchorLink>
        </Title>
        <Group gap="sm" wrap="wrap">
          <Text size="sm" fw={600}>
            {d.strategyRollup}:
          </Text>
          <GradeBadge grade={s.grade} size="lg" label={vm.grade.label(s.grade)} />
          <Text size="sm" fw={600} data-testid="strategy-achievement">
            {vm.grade.achievement(s.achievement)}
          </Text>
          <Text size="sm" c="dimmed">
            {d.indicatorCount(s.indicatorCount)}
          </Text>
        </Group>
        <div>
          <Text size="sm" fw={600} mb={4}>
            {d.distribution}
          </Text>
          <DistributionBar counts={s.counts} title={s.title} />
        </div>
        <div>
          <Title order={3} size="h6" mb={4}>
            {d.trendingHeading}
          </Title>
          {s.trendingAway.length === 0 ? (
            <Text size="sm" c="dimmed">
              {d.trendingEmpty}
            </Text>
          ) : (
            <List size="sm" spacing={2}>
              {s.trendingAway.map((t) => (
                <List.Item key={t.indicatorId}>
                  <AnchorLink to="/vision/indicators/$id" params={{ id: t.indicatorId }} size="sm">
                    {t.code} {t.name}
                  </AnchorLink>
                  <Text span size="xs" c="dimmed">
                    {" "}
                    {d.trendingItem(
                      fiscalYearLabel(t.previousFiscalYear),
                      vm.percent(t.previousAchievement),
                      fiscalYearLabel(t.latestFiscalYear),
                      vm.percent(t.latestAchievement),
                    )}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </div>
        <div>
          <Title order={3} size="h6" mb={4}>
            {d.lateHeading}
          </Title>
          {s.lateUpdates.length === 0 ? (
            <Text size="sm" c="dimmed">
              {d.lateEmpty}
            </Text>
          ) : (
            <List size="sm" spacing={2}>
              {s.lateUpdates.map((l) => (
                <List.Item key={l.organisationId ?? l.organisationName}>
                  <Group gap={6} wrap="wrap">
                    <span>{l.organisationName}</span>
                    <Text span size="xs">
                      {d.lateItem(l.pendingCount)}
                    </Text>
                    {l.late ? (
                      <StatusBadge label={vm.rounds.late} tone="danger" size="xs" />
                    ) : l.overdue ? (
                      <StatusBadge label={vm.rounds.overdue} tone="warning" size="xs" />
                    ) : null}
                  </Group>
                </List.Item>
              ))}
            </List>
          )}
        </div>
      </Stack>
    </Paper>
  );
}
