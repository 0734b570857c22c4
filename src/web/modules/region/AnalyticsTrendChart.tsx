// 日別の訪問数と訪問者数 as two lines (a small SVG: the project ships no chart library). The picture has a summary for
// screen readers; the table 「日別」 on the page holds the same figures for reading exact values.
import { Group, Text } from "@mantine/core";
import type { AnalyticsDashboard } from "../../../common/api/region-analytics";
import { warekiOf } from "../../ui/dates";
import { anm } from "./analyticsMessages";

const VISITS_COLOUR = "#1f5fbf";
const VISITORS_COLOUR = "#d9480f";

/** A round step for about five gridlines (1, 2 or 5 × 10ⁿ) and the axis top it gives. */
function axisOf(value: number): { max: number; step: number } {
  const top = Math.max(value, 4);
  const magnitude = 10 ** Math.floor(Math.log10(top / 5));
  const step = [1, 2, 5, 10].map((s) => s * magnitude).find((s) => top / s <= 5) ?? 10 * magnitude;
  return { max: Math.ceil(top / step) * step, step };
}

/** The days named under the axis (about ten): M/D where the month changes from the last one named, else D. */
function dayLabels(days: readonly string[]): { index: number; text: string }[] {
  const every = Math.max(1, Math.ceil(days.length / 10));
  let lastMonth = "";
  return days.flatMap((iso, index) => {
    if (index % every !== 0) return [];
    const month = iso.slice(5, 7);
    const text = month !== lastMonth ? `${Number(month)}/${Number(iso.slice(8, 10))}` : `${Number(iso.slice(8, 10))}`;
    lastMonth = month;
    return [{ index, text }];
  });
}

export function AnalyticsTrendChart({ d }: { d: AnalyticsDashboard }) {
  const t = anm.analytics;
  const days = d.byDay;
  if (d.totals.visits === 0) {
    return (
      <Text role="status" py="md" data-testid="analytics-trend" data-visits="">
        {t.trendEmpty}
      </Text>
    );
  }
  const width = 760;
  const height = 260;
  const left = 48;
  const right = 12;
  const top = 12;
  const bottom = 30;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const { max, step } = axisOf(Math.max(...days.map((x) => x.visits)));
  const x = (i: number) => left + (days.length === 1 ? plotW / 2 : (i / (days.length - 1)) * plotW);
  const y = (v: number) => top + plotH - (v / max) * plotH;
  const path = (pick: (r: (typeof days)[number]) => number) =>
    days.map((r, i) => `${i === 0 ? "M" : "L"}${x(i).toFixed(1)},${y(pick(r)).toFixed(1)}`).join(" ");
  const ticks = Array.from({ length: Math.round(max / step) + 1 }, (_, i) => i * step);
  return (
    <div
      data-testid="analytics-trend"
      data-visits={days.map((r) => r.visits).join(",")}
      data-visitors={days.map((r) => r.visitors).join(",")}
    >
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width="100%"
        role="img"
        aria-label={t.trendLabel(warekiOf(d.period.from), warekiOf(d.period.to), d.totals.visits, d.totals.visitors)}
        style={{ maxWidth: width, display: "block" }}
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={left} x2={width - right} y1={y(tick)} y2={y(tick)} stroke="#dee2e6" />
            <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="#495057">
              {anm.number(tick)}
            </text>
          </g>
        ))}
        {dayLabels(days.map((r) => r.day)).map(({ index, text }) => (
          <text key={index} x={x(index)} y={height - 10} textAnchor="middle" fontSize={11} fill="#495057">
            {text}
          </text>
        ))}
        <path d={path((r) => r.visits)} fill="none" stroke={VISITS_COLOUR} strokeWidth={2} />
        <path d={path((r) => r.visitors)} fill="none" stroke={VISITORS_COLOUR} strokeWidth={2} strokeDasharray="5 3" />
        {days.length <= 62 &&
          days.map((r, i) => (
            <circle key={r.day} cx={x(i)} cy={y(r.visits)} r={2.5} fill={VISITS_COLOUR}>
              <title>{`${warekiOf(r.day)}: ${anm.analytics.visits} ${anm.count(r.visits)}・${anm.analytics.visitors} ${anm.people(r.visitors)}`}</title>
            </circle>
          ))}
      </svg>
      <Group gap="md" mt="xs" aria-hidden="true">
        <Group gap={6} wrap="nowrap">
          <span style={{ width: 18, height: 3, background: VISITS_COLOUR, display: "inline-block" }} />
          <Text size="sm">{t.legendVisits}</Text>
        </Group>
        <Group gap={6} wrap="nowrap">
          <span style={{ width: 18, height: 0, borderTop: `3px dashed ${VISITORS_COLOUR}`, display: "inline-block" }} />
          <Text size="sm">{t.legendVisitors}</Text>
        </Group>
      </Group>
    </div>
  );
}
