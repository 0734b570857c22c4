// 「視点ごとの分析」 of an analysis page: the five viewpoints in the plan's order, each with its findings (assessment,
// text) and, under each finding, the indicators it rests on with their latest value and their trend (the subject's
// line emphasised, its peers beside it; a missing year is a gap, never a zero).
import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { formatIndicatorValue } from "../../../common/analysis/indicators";
import { VIEWPOINT_LABELS, VIEWPOINTS, type Viewpoint } from "../../../common/analysis/labels";
import { viewpointsWithoutFinding } from "../../../common/analysis/review-rules";
import type { IndicatorView } from "../../../common/api/analysis-figures";
import { deleteFinding, type FindingView, type ReviewDetail } from "../../../common/api/analysis-reviews";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { fiscalYearLabel } from "../../ui/dates";
import { useFlash } from "../../ui/Flash";
import { Section } from "../../ui/Section";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { TrendChart } from "./Charts";
import { FindingDialog } from "./ReviewDialogs";
import { rvm } from "./review-messages";
import { reviewChanged, useSubjectIndicators } from "./review-queries";

const t = rvm.findings;

const ASSESSMENT_TONES: Record<string, StatusTone> = { adequate: "good", issue: "warning", improve: "danger" };

/** The latest year with a value, or null when every year is missing. */
function latestOf(indicator: IndicatorView): { fiscalYear: number; value: number } | null {
  for (let i = indicator.series.length - 1; i >= 0; i--) {
    const point = indicator.series[i]!;
    if (point.value !== null) return { fiscalYear: point.fiscalYear, value: point.value };
  }
  return null;
}

function IndicatorFigure({ indicator, subjectName }: { indicator: IndicatorView; subjectName: string }) {
  const latest = latestOf(indicator);
  return (
    <Paper withBorder p="sm" radius="sm">
      <Stack gap={4}>
        <Group justify="space-between" gap="xs" wrap="wrap">
          <Text fw={600} size="sm">
            {indicator.label}
          </Text>
          <Text size="sm">
            {latest
              ? `${t.latest(fiscalYearLabel(latest.fiscalYear))}：${formatIndicatorValue(indicator.unit, latest.value)}`
              : t.latestNone}
          </Text>
        </Group>
        <TrendChart
          title={t.trendLabel(indicator.label)}
          unit={indicator.unit}
          series={[
            { name: subjectName, points: indicator.series, emphasis: true },
            ...indicator.peers.map((p) => ({ name: p.name, points: p.series })),
          ]}
        />
      </Stack>
    </Paper>
  );
}

function FindingCard({
  review,
  finding,
  indicators,
}: {
  review: ReviewDetail;
  finding: FindingView;
  indicators: IndicatorView[] | undefined;
}) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [editing, setEditing] = useState(false);
  const editable = review.canManage && review.status === "draft";
  const shown = finding.indicators.map((key) => ({ key, indicator: indicators?.find((i) => i.key === key) }));
  return (
    <Paper withBorder p="md" radius="sm" data-finding={finding.id}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={6} style={{ flex: 1 }}>
            {finding.assessmentLabel && (
              <Group gap="xs">
                <Text size="sm" c="dimmed">
                  {t.assessment}
                </Text>
                <StatusBadge label={finding.assessmentLabel} tone={ASSESSMENT_TONES[finding.assessment ?? ""] ?? "neutral"} size="sm" />
              </Group>
            )}
            <Text style={{ whiteSpace: "pre-wrap" }}>{finding.body}</Text>
          </Stack>
          {editable && (
            <Group gap={6} wrap="nowrap">
              <Button size="xs" variant="default" onClick={() => setEditing(true)} aria-label={`${t.edit}：${finding.body.slice(0, 20)}`}>
                {t.edit}
              </Button>
              <ConfirmButton
                size="xs"
                variant="subtle"
                color="red"
                title={t.deleteTitle}
                message={t.deleteMessage}
                confirmColor="red"
                aria-label={`${t.delete}：${finding.body.slice(0, 20)}`}
                onConfirm={async () => {
                  const saved = await call(deleteFinding, {
                    params: { id: review.id, findingId: finding.id },
                    query: { version: review.version },
                  });
                  await reviewChanged(queryClient, saved);
                  flash.show(t.deleted);
                }}
              >
                {t.delete}
              </ConfirmButton>
            </Group>
          )}
        </Group>
        {shown.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t.noIndicators}
          </Text>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {shown.map(({ key, indicator }) =>
              indicator ? (
                <IndicatorFigure key={key} indicator={indicator} subjectName={review.subject.name} />
              ) : (
                <Text key={key} size="sm" c="dimmed">
                  {indicators ? t.unknownIndicator(key) : t.indicatorsLoading}
                </Text>
              ),
            )}
          </SimpleGrid>
        )}
      </Stack>
      {editing && <FindingDialog review={review} finding={finding} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

export function ReviewFindings({ review }: { review: ReviewDetail }) {
  const indicators = useSubjectIndicators(review.subject.id);
  const [adding, setAdding] = useState<Viewpoint | null>(null);
  const editable = review.canManage && review.status === "draft";
  const missing = viewpointsWithoutFinding(review.findings);
  return (
    <Section id="analysis-findings" title={t.title}>
      <Stack gap="lg">
        <Text size="sm">{t.intro}</Text>
        {missing.length > 0 && missing.length < VIEWPOINTS.length && (
          <Text size="sm" c="red.9" role="note">
            {t.missing(missing.map((m) => m.label).join("、"))}
          </Text>
        )}
        {VIEWPOINTS.map((viewpoint) => {
          const findings = review.findings.filter((f) => f.viewpoint === viewpoint);
          return (
            <Stack key={viewpoint} gap="sm" data-viewpoint={viewpoint}>
              <Group justify="space-between">
                <Title order={3} size="h4">
                  {VIEWPOINT_LABELS[viewpoint]}
                </Title>
                {editable && (
                  <Button size="xs" variant="light" onClick={() => setAdding(viewpoint)}>
                    {t.addTo(VIEWPOINT_LABELS[viewpoint])}
                  </Button>
                )}
              </Group>
              {findings.length === 0 ? (
                <Text size="sm" c="dimmed">
                  {t.none}
                </Text>
              ) : (
                findings.map((f) => <FindingCard key={f.id} review={review} finding={f} indicators={indicators.data?.indicators} />)
              )}
            </Stack>
          );
        })}
      </Stack>
      {adding && <FindingDialog review={review} viewpoint={adding} onClose={() => setAdding(null)} />}
    </Section>
  );
}
