// /analysis/comparison?fiscalYear= 「経営分析の比較表」: every subject analysed in the fiscal year side by side — kind,
// 外郭団体／政策連携団体, lead division and 局, the key indicators of its latest year with figures, the assessments per
// viewpoint, the chosen option and its date, the follow-up actions — with a 和暦 year picker and the Excel export.
// A missing figure is 「—」 with its reason on hover (and for screen readers), never 0.
import { Anchor, Group, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { formatIndicatorValue } from "../../../common/analysis/indicators";
import { ASSESSMENT_LABELS, ASSESSMENTS, type Assessment } from "../../../common/analysis/labels";
import { type ComparisonRow, type ComparisonValue, exportComparison, getComparison } from "../../../common/api/analysis-reports";
import { call, urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, FiscalYearText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { rpm } from "./report-messages";
import { AnalysisNav } from "./SubjectNav";

const t = rpm.comparison;

const ASSESSMENT_TONES: Record<Assessment, StatusTone> = { adequate: "good", issue: "warning", improve: "danger" };

/** The assessments of a viewpoint's findings, each once with how many findings have it (適切 first). */
function distinct(list: readonly Assessment[]): { assessment: Assessment; count: number }[] {
  return ASSESSMENTS.map((assessment) => ({ assessment, count: list.filter((a) => a === assessment).length })).filter((a) => a.count > 0);
}

/** A value, or 「—」 with why it is missing in its title and for screen readers. */
function Missing({ why }: { why: string }) {
  return (
    <span title={why} data-missing={why}>
      {rpm.dash}
      <VisuallyHidden>（{why}）</VisuallyHidden>
    </span>
  );
}

function IndicatorCell({ value }: { value: ComparisonValue | undefined }) {
  if (!value) return <Missing why="この指標はありません" />;
  if (value.value === null) return <Missing why={value.missing ?? "未入力"} />;
  return (
    <span data-value={value.value} style={{ whiteSpace: "nowrap" }}>
      {formatIndicatorValue(value.unit, value.value)}
    </span>
  );
}

function ViewpointsCell({ row }: { row: ComparisonRow }) {
  const c = row.assessmentCounts;
  return (
    <Stack gap={2}>
      {row.viewpoints.map((v) => (
        <Group key={v.viewpoint} gap={6} wrap="nowrap">
          <Text size="xs" style={{ whiteSpace: "nowrap" }} w="7em">
            {v.label}
          </Text>
          {v.assessments.length === 0 ? (
            <Text size="xs" c="dimmed">
              <Missing why={t.noFinding} />
            </Text>
          ) : (
            distinct(v.assessments).map(({ assessment, count }) => (
              <StatusBadge
                key={assessment}
                size="xs"
                label={count > 1 ? `${ASSESSMENT_LABELS[assessment]}×${count}` : ASSESSMENT_LABELS[assessment]}
                tone={ASSESSMENT_TONES[assessment]}
              />
            ))
          )}
        </Group>
      ))}
      <Text size="xs" mt={2}>
        {t.counts(c.adequate, c.issue, c.improve)}
      </Text>
    </Stack>
  );
}

function columns(fiscalYear: number): Column<ComparisonRow>[] {
  const indicator = (key: ComparisonValue["key"], header: string): Column<ComparisonRow> => ({
    key,
    header,
    align: "right",
    render: (r) => {
      const value = r.indicators.find((i) => i.key === key);
      return (
        <Stack gap={0} align="flex-end">
          <IndicatorCell value={value} />
          {key === "cost_per_unit" && value && value.label !== t.costPerUnitLabel && (
            <Text size="xs" c="dimmed" ta="right">
              {t.costBasis(value.label)}
            </Text>
          )}
        </Stack>
      );
    },
  });
  return [
    {
      key: "name",
      header: t.name,
      rowHeader: true,
      render: (r) => (
        <Stack gap={2} miw="10rem">
          <InternalLink href={`/analysis/reviews/${r.reviewId}`} fw={600}>
            {r.name}
          </InternalLink>
          <Text size="xs">{r.kindLabel}</Text>
          {r.affiliateLabel && <Text size="xs">{r.affiliateLabel}</Text>}
          <Text size="xs">{t.leadLine(r.leadOrganisationName, r.bureauName)}</Text>
          {r.isSample && <SampleBadge />}
        </Stack>
      ),
    },
    {
      key: "indicatorYear",
      header: t.indicatorYear,
      nowrap: true,
      render: (r) =>
        r.indicatorYear === null ? <Missing why={t.indicatorYearMissing} /> : <FiscalYearText fy={r.indicatorYear} western="title" />,
    },
    indicator("dependency", t.headers.dependency),
    indicator("self_revenue", t.headers.selfRevenue),
    indicator("personnel_ratio", t.headers.personnel),
    indicator("cost_per_unit", t.headers.costPerUnit),
    indicator("facility_age", t.headers.facilityAge),
    { key: "assessments", header: t.assessments, render: (r) => <ViewpointsCell row={r} /> },
    {
      key: "option",
      header: t.option,
      nowrap: true,
      render: (r) =>
        r.chosenOptionLabel ? (
          <Stack gap={2}>
            <StatusBadge label={r.chosenOptionLabel} tone="done" />
            {r.decidedOn && (
              <Text size="xs">
                <DateText iso={r.decidedOn} western="title" />
              </Text>
            )}
          </Stack>
        ) : (
          <Text size="sm" c="dimmed">
            {r.statusLabel || t.undecided}
          </Text>
        ),
    },
    {
      key: "actions",
      header: t.actions,
      nowrap: true,
      render: (r) => (
        <InternalLink href={`/analysis/actions?subjectId=${r.subjectId}&fiscalYear=${fiscalYear}&status=all`} size="sm">
          <Stack gap={0}>
            <span>{t.actionsOpen(r.actionsOpen)}</span>
            <span>{t.actionsDone(r.actionsDone)}</span>
          </Stack>
        </InternalLink>
      ),
    },
  ];
}

export function ComparisonPage({ fiscalYear }: { fiscalYear?: number }) {
  const navigate = useNavigate();
  const query = useQuery({
    queryKey: ["analysis", "comparison", fiscalYear ?? null],
    queryFn: () => call(getComparison, { query: fiscalYear === undefined ? {} : { fiscalYear } }),
  });
  const header = (
    <>
      <PageHeader
        title={t.title}
        breadcrumbs={[{ label: rpm.moduleName, href: "/analysis" }, { label: t.crumb }]}
        subtitle={t.intro}
        actions={
          query.data?.fiscalYear != null && query.data.rows.length > 0 ? (
            <Anchor href={urlFor(exportComparison, { query: { fiscalYear: query.data.fiscalYear } })} download fw={600}>
              {t.downloadXlsx}
            </Anchor>
          ) : undefined
        }
      />
      <AnalysisNav />
    </>
  );
  if (query.isPending) {
    return (
      <>
        {header}
        <Loading />
      </>
    );
  }
  if (query.error) {
    return (
      <>
        {header}
        <ErrorAlert error={query.error} />
      </>
    );
  }
  const view = query.data;
  if (view.fiscalYear === null) {
    return (
      <>
        {header}
        <Text>{t.noYears}</Text>
      </>
    );
  }
  const shown = view.fiscalYear;
  const yearText = fiscalYearLabel(shown);
  const years = view.years.includes(shown) ? view.years : [...view.years, shown].sort((a, b) => b - a);
  return (
    <>
      {header}
      <Stack gap="md">
        <FiscalYearSelect
          label={t.fiscalYear}
          value={shown}
          years={years}
          w={260}
          onChange={(next) => navigate({ to: "/analysis/comparison" as never, search: { fiscalYear: next ?? undefined } as never })}
        />
        <DataTable
          caption={t.caption(yearText, view.rows.length)}
          columns={columns(shown)}
          rows={view.rows}
          rowKey={(r) => r.reviewId}
          empty={t.empty(yearText)}
          minWidth={1000}
        />
        <Text size="sm" c="dimmed">
          {t.legend}
        </Text>
      </Stack>
    </>
  );
}
