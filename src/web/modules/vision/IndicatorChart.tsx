// The chart of an indicator's actual values by fiscal year against the pro-rated target line: an SVG picture with the
// same figures as a table beside it (for screen readers and for reading exact values).
import { Group, Table, Text } from "@mantine/core";
import type { IndicatorSeries } from "../../../common/api/vision";
import { formatIndicatorValue, indicatorPrecision } from "../../../common/vision/format";
import { DateText, FiscalYearText, fiscalYearLabel, warekiOf } from "../../ui/dates";
import { EmptyState } from "./components";
import { vm } from "./messages";

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

export function SeriesChart({ series, name }: { series: IndicatorSeries; name: string }) {
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
