// /vision/indicators/$id: one indicator (KPI) — its definition, the chart of actual values by fiscal year against
// the pro-rated target line (an SVG picture with the same figures as a table), the current grade with its
// explanation, the history of values (corrections included), and for its owner a form to enter a value.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import type { BodyOf } from "../../../common/api/contract";
import {
  type ActualEntry,
  addActual,
  DIRECTION_LABELS,
  type IndicatorDetail,
  type IndicatorSeries,
  RATING_MODE_LABELS,
  STATUS_RATINGS,
} from "../../../common/api/vision";
import { formatIndicatorValue, indicatorPrecision } from "../../../common/vision/format";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { call } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, DateTimeText, FiscalYearText, fiscalYearLabel, warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { currentFiscalYear, FiscalYearSelect, recentFiscalYears } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import {
  bodyOf,
  EarlierYearNote,
  EmptyState,
  GradeBadge,
  issuesToFields,
  Loading,
  parseNumberText,
  RoundPicker,
  SampleBadge,
  VisionNav,
} from "./components";
import { vm } from "./messages";
import { invalidateVision, useIndicator, useIndicatorSeries, useRoundChoice, useRoundGrades, visionKeys } from "./queries";

export function IndicatorPage({ id }: { id: string }) {
  const indicator = useIndicator(id);
  if (indicator.error) {
    return (
      <>
        <PageHeader
          title={vm.indicator.breadcrumb}
          breadcrumbs={[
            { label: vm.moduleName, href: "/vision" },
            { label: vm.plan.title, href: "/vision/plan" },
          ]}
        />
        <VisionNav />
        <ErrorAlert error={indicator.error} />
      </>
    );
  }
  if (!indicator.data) return <Loading />;
  return <IndicatorView indicator={indicator.data} />;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed">
        {label}
      </Text>
      <Text size="sm" component="div">
        {children}
      </Text>
    </div>
  );
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
        <Paper withBorder p="lg" component="section" aria-labelledby="ind-definition">
          <Title order={2} id="ind-definition" mb="sm" className="yk-section-title">
            {vm.indicator.definition}
          </Title>
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
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="ind-grade">
          <Title order={2} id="ind-grade" mb="sm" className="yk-section-title">
            {vm.indicator.gradeHeading}
          </Title>
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
        </Paper>

        <Paper withBorder p="lg" component="section" aria-labelledby="ind-chart">
          <Title order={2} id="ind-chart" mb="sm" className="yk-section-title">
            {vm.indicator.chartHeading}
          </Title>
          <ErrorAlert error={series.error} />
          {series.isPending ? <Loading /> : series.data ? <SeriesChart series={series.data} name={i.name} /> : null}
        </Paper>

        {i.canUpdate ? (
          <EntryForm indicator={i} defaultFiscalYear={round?.status === "open" ? round.fiscalYear : currentFiscalYear()} />
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

// ------------------------------------------------------------------ chart

const DAY = 86_400_000;
const dayOf = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY;

function niceRange(min: number, max: number): { lo: number; hi: number; ticks: number[] } {
  if (min === max) {
    const pad = Math.abs(min) * 0.1 || 1;
    min -= pad;
    max += pad;
  }
  const span = max - min;
  const magnitude = 10 ** Math.floor(Math.log10(span / 4));
  const step = [1, 2, 2.5, 5, 10].map((s) => s * magnitude).find((s) => span / s <= 5) ?? 10 * magnitude;
  const lo = Math.floor(min / step) * step;
  const hi = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return { lo, hi, ticks };
}

function SeriesChart({ series, name }: { series: IndicatorSeries; name: string }) {
  const unit = series.indicator.unit;
  if (series.indicator.ratingMode === "status") {
    return (
      <div data-testid="indicator-chart" data-points="">
        <EmptyState>{vm.indicator.chartNotNumeric}</EmptyState>
        <SeriesTable series={series} />
      </div>
    );
  }
  const points = series.actuals.filter((a) => a.value !== null) as (IndicatorSeries["actuals"][number] & { value: number })[];
  const line = series.targetLine;
  const width = 760;
  const height = 300;
  const left = 72;
  const right = 16;
  // room above the top tick for the unit label, so that the two never overlap (issue 12 item 3)
  const top = 30;
  const bottom = 40;
  const xLabelSize = 10;
  const dates = [...points.map((p) => p.asOf), ...line.map((t) => t.date)].map(dayOf);
  const values = [...points.map((p) => p.value), ...line.map((t) => t.value)];
  const empty = points.length === 0 && line.length === 0;
  const data = points.map((p) => `${p.fiscalYear}:${p.value}`).join(",");
  if (empty) {
    return (
      <div data-testid="indicator-chart" data-points="">
        <EmptyState>{vm.indicator.chartEmpty}</EmptyState>
      </div>
    );
  }
  const x0 = Math.min(...dates);
  const x1 = Math.max(...dates, x0 + 365);
  const { lo, hi, ticks } = niceRange(Math.min(...values), Math.max(...values));
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const x = (iso: string) => left + ((dayOf(iso) - x0) / (x1 - x0)) * plotW;
  const y = (v: number) => top + plotH - ((v - lo) / (hi - lo || 1)) * plotH;
  // fiscal year ends inside the range, as x-axis ticks
  const fyTicks: { fy: number; iso: string }[] = [];
  const firstYear = new Date(x0 * DAY).getUTCFullYear() - 1;
  const lastYear = new Date(x1 * DAY).getUTCFullYear();
  for (let fy = firstYear; fy <= lastYear; fy++) {
    const iso = `${fy + 1}-03-31`;
    if (dayOf(iso) >= x0 && dayOf(iso) <= x1) fyTicks.push({ fy, iso });
  }
  const skip = Math.ceil(fyTicks.length / 8);
  const linePath = line.map((t, i) => `${i === 0 ? "M" : "L"}${x(t.date).toFixed(1)},${y(t.value).toFixed(1)}`).join(" ");
  const actualPath = points.map((p, i) => `${i === 0 ? "M" : "L"}${x(p.asOf).toFixed(1)},${y(p.value).toFixed(1)}`).join(" ");
  return (
    <div data-testid="indicator-chart" data-points={data}>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={vm.indicator.chartLabel(name, points.length)}
        style={{ maxWidth: width, display: "block" }}
      >
        {ticks.map((t) => (
          <g key={t}>
            <line x1={left} x2={width - right} y1={y(t)} y2={y(t)} stroke="#dee2e6" />
            <text x={left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="#495057" data-testid="chart-y-tick">
              {t.toLocaleString("ja-JP")}
            </text>
          </g>
        ))}
        {fyTicks.map((t, i) => {
          const label = `${fiscalYearLabel(t.fy)}末`;
          // a label centred on a tick near either edge would be cut off by the picture's edge: anchor it inside
          const half = (label.length * xLabelSize) / 2;
          const anchor = x(t.iso) + half > width ? "end" : x(t.iso) - half < 0 ? "start" : "middle";
          return (
            <g key={t.fy}>
              <line x1={x(t.iso)} x2={x(t.iso)} y1={top} y2={top + plotH} stroke="#f1f3f5" />
              {i % skip === 0 && (
                <text x={x(t.iso)} y={height - 22} textAnchor={anchor} fontSize={xLabelSize} fill="#343a40" data-testid="chart-x-label">
                  {label}
                </text>
              )}
            </g>
          );
        })}
        {unit && (
          <text x={4} y={top - 14} fontSize={11} fill="#495057" data-testid="chart-unit">
            （{unit}）
          </text>
        )}
        {line.length > 0 && <path d={linePath} fill="none" stroke="#d9480f" strokeWidth={2} strokeDasharray="6 4" />}
        {points.length > 1 && <path d={actualPath} fill="none" stroke="#1f5fbf" strokeWidth={2.5} />}
        {points.map((p) => (
          <circle key={p.fiscalYear} cx={x(p.asOf)} cy={y(p.value)} r={5} fill="#1f5fbf" stroke="#fff" strokeWidth={1.5}>
            <title>{`${fiscalYearLabel(p.fiscalYear)}（${warekiOf(p.asOf)}）: ${vm.valueWithUnit(p.value, unit)}${p.achievement !== null ? ` ${vm.grade.achievement(p.achievement)}` : ""}`}</title>
          </circle>
        ))}
      </svg>
      <Group gap="lg" mt="xs" aria-hidden="true">
        <Group gap={6}>
          <svg width="28" height="10" role="presentation">
            <line x1={0} x2={28} y1={5} y2={5} stroke="#1f5fbf" strokeWidth={2.5} />
            <circle cx={14} cy={5} r={4} fill="#1f5fbf" />
          </svg>
          <Text size="sm">{vm.indicator.legendActual}</Text>
        </Group>
        <Group gap={6}>
          <svg width="28" height="10" role="presentation">
            <line x1={0} x2={28} y1={5} y2={5} stroke="#d9480f" strokeWidth={2} strokeDasharray="6 4" />
          </svg>
          <Text size="sm">{vm.indicator.legendTarget}</Text>
        </Group>
      </Group>
      <SeriesTable series={series} />
    </div>
  );
}

function SeriesTable({ series }: { series: IndicatorSeries }) {
  const unit = series.indicator.unit;
  // 按分目標 in the indicator's own precision (as its 基準値・目標値 are written), not the pro-rating's float digits
  const precision = indicatorPrecision(series.indicator);
  const targetByFy = new Map(series.targetLine.filter((t) => t.fiscalYear !== null).map((t) => [t.fiscalYear as number, t.value]));
  const years = [...new Set([...series.actuals.map((a) => a.fiscalYear), ...targetByFy.keys()])].sort((a, b) => a - b);
  const actualByFy = new Map(series.actuals.map((a) => [a.fiscalYear, a]));
  const baseline = series.targetLine.find((t) => t.fiscalYear === null);
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard users.
    <section className="yk-table-scroll" tabIndex={0} aria-label={vm.indicator.tableCaption}>
      <Table striped withTableBorder verticalSpacing={6} fz="sm" className="yk-table" mt="md" miw={560}>
        <caption className="yk-caption">{vm.indicator.tableCaption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{vm.indicator.fiscalYear}</Table.Th>
            <Table.Th scope="col">{vm.indicator.asOf}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {vm.indicator.value}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {vm.indicator.proRatedTarget}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right" }}>
              {vm.indicator.achievement}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {baseline && (
            <Table.Tr>
              <Table.Th scope="row">{vm.indicator.legendBaseline}</Table.Th>
              <Table.Td>
                <DateText iso={baseline.date} western="title" />
              </Table.Td>
              <Table.Td style={{ textAlign: "right" }}>{vm.valueWithUnit(baseline.value, unit)}</Table.Td>
              <Table.Td style={{ textAlign: "right" }}>{vm.dash}</Table.Td>
              <Table.Td style={{ textAlign: "right" }}>{vm.dash}</Table.Td>
            </Table.Tr>
          )}
          {years.map((fy) => {
            const a = actualByFy.get(fy);
            const target = targetByFy.get(fy);
            return (
              <Table.Tr key={fy}>
                <Table.Th scope="row">
                  <FiscalYearText fy={fy} western="title" />
                </Table.Th>
                <Table.Td>{a ? <DateText iso={a.asOf} western="title" /> : vm.dash}</Table.Td>
                <Table.Td style={{ textAlign: "right" }}>
                  {a ? (a.value !== null ? vm.valueWithUnit(a.value, unit) : (a.statusRating ?? vm.dash)) : vm.dash}
                </Table.Td>
                <Table.Td style={{ textAlign: "right" }}>
                  {target !== undefined ? formatIndicatorValue(target, unit, precision) : vm.dash}
                </Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{a ? vm.percent(a.achievement) : vm.dash}</Table.Td>
              </Table.Tr>
            );
          })}
          {years.length === 0 && !baseline && (
            <Table.Tr>
              <Table.Td colSpan={5}>
                <Text ta="center" role="status">
                  {vm.indicator.historyEmpty}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
        </Table.Tbody>
      </Table>
    </section>
  );
}

// ------------------------------------------------------------------ value entry

function EntryForm({ indicator, defaultFiscalYear }: { indicator: IndicatorDetail; defaultFiscalYear: number }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [fiscalYear, setFiscalYear] = useState<number>(defaultFiscalYear);
  // The default follows the open round once the rounds have loaded (the form may mount before them), until chosen.
  const yearChosen = useRef(false);
  useEffect(() => {
    if (!yearChosen.current) setFiscalYear(defaultFiscalYear);
  }, [defaultFiscalYear]);
  const [asOf, setAsOf] = useState("");
  const [value, setValue] = useState("");
  const [status, setStatus] = useState("");
  const [note, setNote] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const numeric = indicator.ratingMode === "numeric";

  useEffect(() => {
    if (focusTick === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const save = useMutation({
    mutationFn: (body: BodyOf<typeof addActual>) => call(addActual, { params: { id: indicator.id }, body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(visionKeys.indicator(saved.id), saved);
      flash.show(vm.indicator.entrySaved);
      setValue("");
      setStatus("");
      setNote("");
      setAsOf("");
      await invalidateVision(queryClient);
    },
    onError: (error) => {
      setErrors(fieldErrors(error));
      setFocusTick((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    let numberValue: number | null = null;
    if (numeric) {
      const n = parseNumberText(value);
      if (n === undefined) found.value = vm.indicator.numberInvalid;
      else numberValue = n;
    }
    const body = {
      fiscalYear,
      asOf: asOf.trim() ? asOf.trim() : null,
      value: numeric ? numberValue : null,
      statusRating: !numeric && status ? (status as (typeof STATUS_RATINGS)[number]) : null,
      note,
    };
    const parsed = bodyOf(addActual).safeParse(body, { error: japaneseErrorMap });
    if (!parsed.success) {
      const fields = issuesToFields(parsed.error.issues);
      // the "value or status" rule points at value; for a status indicator it belongs to the status select
      if (!numeric && fields.value) fields.statusRating ??= fields.value;
      for (const [k, v] of Object.entries(fields)) found[k] ??= v;
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || !parsed.success) {
      setFocusTick((n) => n + 1);
      return;
    }
    save.mutate(body);
  }

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="ind-entry">
      <Title order={2} id="ind-entry" mb="xs" className="yk-section-title">
        {vm.indicator.entryHeading}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {vm.indicator.entryIntro}
      </Text>
      <form ref={formRef} onSubmit={submit} noValidate data-testid="actual-entry-form">
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <FiscalYearSelect
              label={vm.indicator.fiscalYear}
              value={fiscalYear}
              years={recentFiscalYears(2015, [fiscalYear, ...(indicator.targetFiscalYear ? [indicator.targetFiscalYear] : [])])}
              onChange={(fy) => {
                if (fy === null) return;
                yearChosen.current = true;
                setFiscalYear(fy);
              }}
              error={errors.fiscalYear || undefined}
              required
            />
            <JapaneseDateInput
              label={vm.indicator.asOf}
              description={vm.indicator.entryAsOfHelp}
              value={asOf}
              onChange={(text) => {
                setAsOf(text);
                if (errors.asOf) setErrors((e) => ({ ...e, asOf: "" }));
              }}
              error={errors.asOf || undefined}
            />
            {numeric ? (
              <TextInput
                label={`${vm.indicator.value}${indicator.unit ? `（${indicator.unit}）` : ""}`}
                inputMode="decimal"
                required
                value={value}
                onChange={(e) => {
                  setValue(e.currentTarget.value);
                  if (errors.value) setErrors((x) => ({ ...x, value: "" }));
                }}
                error={errors.value || undefined}
              />
            ) : (
              <NativeSelect
                label={vm.indicator.statusRating}
                required
                value={status}
                data={[{ value: "", label: vm.indicator.entryStatusPlaceholder }, ...STATUS_RATINGS.map((s) => ({ value: s, label: s }))]}
                onChange={(e) => {
                  setStatus(e.currentTarget.value);
                  if (errors.statusRating) setErrors((x) => ({ ...x, statusRating: "" }));
                }}
                error={errors.statusRating || undefined}
              />
            )}
          </SimpleGrid>
          <Textarea
            label={vm.indicator.note}
            autosize
            minRows={2}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            error={errors.note || undefined}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {vm.indicator.entrySubmit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

// ------------------------------------------------------------------ history

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
    <Paper withBorder p="lg" component="section" aria-labelledby="ind-history">
      <Title order={2} id="ind-history" mb="sm" className="yk-section-title">
        {vm.indicator.historyHeading}
      </Title>
      <DataTable
        caption={vm.indicator.historyCaption}
        captionHidden
        columns={columns}
        rows={indicator.actuals}
        rowKey={(a) => a.id}
        empty={vm.indicator.historyEmpty}
      />
    </Paper>
  );
}
