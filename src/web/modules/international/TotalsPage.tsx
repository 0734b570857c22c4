// /international/totals: for one 年度, the projects running, their budget and settled cost and the trips of the year,
// per 分野, 局 or 相手先 (tabs). A bar chart drawn by hand in SVG (like the vision module's indicator chart) shows
// either the money or the counts; the table below it holds every figure and is the chart's text alternative. What each
// figure counts is written under the table (and in src/server/modules/international/overview-repository.ts).
import { Group, List, SegmentedControl, Stack, Table, Tabs, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { getInternationalTotals, TOTALS_BY, type TotalsRow } from "../../../common/api/international";
import { call } from "../../api/client";
import { fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { currentFiscalYear, FiscalYearSelect } from "../../ui/FiscalYear";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { EmptyState, InternationalNav, Loading } from "./components";
import { mm } from "./mapMessages";
import type { TotalsBy } from "./overviewRoutes";

const t = mm.totals;

type Measure = "money" | "counts";
interface Series {
  key: "budget" | "settled" | "projects" | "trips";
  label: string;
  colour: string;
}
const SERIES: Record<Measure, Series[]> = {
  money: [
    { key: "budget", label: t.budget, colour: "#1f5fbf" },
    { key: "settled", label: t.settled, colour: "#d9480f" },
  ],
  counts: [
    { key: "projects", label: t.projects, colour: "#2b8a3e" },
    { key: "trips", label: t.trips, colour: "#862e9c" },
  ],
};

export function TotalsPage({ fiscalYear, by }: { fiscalYear?: number; by: TotalsBy }) {
  const navigate = useNavigate();
  const fy = fiscalYear ?? currentFiscalYear();
  const [measure, setMeasure] = useState<Measure>("money");
  const totals = useQuery({
    queryKey: ["international", "totals", fy, by],
    queryFn: () => call(getInternationalTotals, { query: { fiscalYear: fy, by } }),
  });
  const go = (next: { fiscalYear?: number; by?: TotalsBy }) =>
    navigate({ to: "/international/totals", search: { fiscalYear: next.fiscalYear ?? fy, by: next.by ?? by } });
  const rows = totals.data?.rows ?? [];
  return (
    <>
      <PageHeader title={t.title} breadcrumbs={[{ label: mm.moduleName, href: "/international" }, { label: t.title }]} subtitle={t.intro} />
      <InternationalNav />
      <Stack gap="md">
        <FiscalYearSelect label={mm.fiscalYear} value={fy} onChange={(value) => value !== null && go({ fiscalYear: value })} w={260} />
        <Tabs value={by} onChange={(value) => value && go({ by: value as TotalsBy })} keepMounted={false}>
          <Tabs.List aria-label={t.tabsLabel}>
            {TOTALS_BY.map((b) => (
              <Tabs.Tab key={b} value={b}>
                {t.by[b]}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {TOTALS_BY.map((b) => (
            <Tabs.Panel key={b} value={b} pt="md">
              <Stack gap="md">
                <ErrorAlert error={totals.error} />
                {totals.isPending && <Loading />}
                {totals.data && rows.length === 0 && <EmptyState>{t.empty}</EmptyState>}
                {totals.data && rows.length > 0 && (
                  <>
                    <SegmentedControl
                      aria-label={t.measureLabel}
                      value={measure}
                      onChange={(value) => setMeasure(value as Measure)}
                      data={[
                        { value: "money", label: t.measureMoney },
                        { value: "counts", label: t.measureCounts },
                      ]}
                      w="fit-content"
                    />
                    <BarChart
                      rows={rows}
                      series={SERIES[measure]}
                      title={t.chartLabel(t.by[b], fiscalYearLabel(fy), SERIES[measure].map((s) => s.label).join("・"))}
                      yen={measure === "money"}
                    />
                    <TotalsTable rows={rows} by={b} fy={fy} />
                  </>
                )}
              </Stack>
            </Tabs.Panel>
          ))}
        </Tabs>
        <List size="sm" c="dimmed" spacing={2}>
          {t.notes.map((note) => (
            <List.Item key={note}>{note}</List.Item>
          ))}
        </List>
      </Stack>
    </>
  );
}

function niceMax(max: number): { hi: number; ticks: number[] } {
  if (max <= 0) return { hi: 1, ticks: [0, 1] };
  const magnitude = 10 ** Math.floor(Math.log10(max / 4));
  const step = [1, 2, 2.5, 5, 10].map((s) => s * magnitude).find((s) => max / s <= 5) ?? 10 * magnitude;
  const rounded = Math.max(1, step);
  const hi = Math.ceil(max / rounded) * rounded;
  const ticks: number[] = [];
  for (let v = 0; v <= hi + rounded / 2; v += rounded) ticks.push(Number(v.toPrecision(12)));
  return { hi, ticks };
}

/** Money on the axis in 万円 (10,000 yen) so that the ticks stay short; the table has the exact yen. */
const axisLabel = (v: number, yen: boolean) => (yen && v !== 0 ? `${(v / 10_000).toLocaleString("ja-JP")}万円` : v.toLocaleString("ja-JP"));
const valueLabel = (v: number, yen: boolean) => (yen ? mm.yen(v) : mm.count(v));

/** Horizontal bars, two per row (budget and settled, or projects and trips), with each value written at its bar's end. */
export function BarChart({ rows, series, title, yen }: { rows: TotalsRow[]; series: Series[]; title: string; yen: boolean }) {
  const width = 900;
  const labelW = 220;
  const valueW = 130;
  const top = 28;
  const bar = 14;
  const rowH = series.length * bar + 14;
  const height = top + rows.length * rowH + 8;
  const max = Math.max(0, ...rows.flatMap((r) => series.map((s) => r[s.key])));
  const { hi, ticks } = niceMax(max);
  const plotW = width - labelW - valueW;
  const x = (v: number) => labelW + (v / hi) * plotW;
  return (
    <div data-testid="totals-chart" data-rows={rows.map((r) => `${r.label}:${series.map((s) => r[s.key]).join("/")}`).join(",")}>
      <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={title} style={{ maxWidth: width, display: "block" }}>
        {ticks.map((v) => (
          <g key={v}>
            <line x1={x(v)} x2={x(v)} y1={top - 4} y2={height - 8} stroke="#dee2e6" />
            <text x={x(v)} y={top - 10} textAnchor="middle" fontSize={11} fill="#495057">
              {axisLabel(v, yen)}
            </text>
          </g>
        ))}
        {rows.map((row, i) => {
          const y0 = top + i * rowH + 7;
          return (
            <g key={row.key}>
              <text x={labelW - 8} y={y0 + (series.length * bar) / 2 + 4} textAnchor="end" fontSize={13} fill="#212529">
                {row.label.length > 16 ? `${row.label.slice(0, 15)}…` : row.label}
              </text>
              {series.map((s, j) => {
                const v = row[s.key];
                const y = y0 + j * bar;
                return (
                  <g key={s.key}>
                    <rect x={labelW} y={y} width={Math.max(0, x(v) - labelW)} height={bar - 2} fill={s.colour}>
                      <title>{`${row.label} ${s.label}: ${valueLabel(v, yen)}`}</title>
                    </rect>
                    <text x={x(v) + 4} y={y + bar - 4} fontSize={11} fill="#343a40">
                      {valueLabel(v, yen)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
        <line x1={labelW} x2={labelW} y1={top - 4} y2={height - 8} stroke="#868e96" />
      </svg>
      <Group gap="lg" mt={4} aria-hidden="true">
        {series.map((s) => (
          <Group key={s.key} gap={6}>
            <span style={{ width: 14, height: 10, background: s.colour, display: "inline-block" }} />
            <Text size="sm">{s.label}</Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}

function TotalsTable({ rows, by, fy }: { rows: TotalsRow[]; by: TotalsBy; fy: number }) {
  const caption = t.tableCaption(t.by[by], fiscalYearLabel(fy));
  const sum = (key: "projects" | "budget" | "settled" | "trips") => rows.reduce((a, r) => a + r[key], 0);
  const right = { textAlign: "right" } as const;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard users.
    <section className="yk-table-scroll" tabIndex={0} aria-label={caption}>
      <Table striped withTableBorder verticalSpacing={6} fz="sm" className="yk-table" miw={640} data-testid="totals-table">
        <caption className="yk-caption">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.keyHeading[by]}</Table.Th>
            <Table.Th scope="col" style={right}>
              {t.projects}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t.budget}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t.settled}
            </Table.Th>
            <Table.Th scope="col" style={right}>
              {t.trips}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.key}>
              <Table.Th scope="row" fw={400}>
                {by === "partner" ? (
                  <AnchorLink to="/international/partners/$id" params={{ id: row.key }}>
                    {row.label}
                  </AnchorLink>
                ) : (
                  row.label
                )}
              </Table.Th>
              <Table.Td style={right}>{mm.count(row.projects)}</Table.Td>
              <Table.Td style={right}>{mm.yen(row.budget)}</Table.Td>
              <Table.Td style={right}>{mm.yen(row.settled)}</Table.Td>
              <Table.Td style={right}>{mm.count(row.trips)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        {by !== "partner" && (
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t.total}</Table.Th>
              <Table.Td style={right}>{mm.count(sum("projects"))}</Table.Td>
              <Table.Td style={right}>{mm.yen(sum("budget"))}</Table.Td>
              <Table.Td style={right}>{mm.yen(sum("settled"))}</Table.Td>
              <Table.Td style={right}>{mm.dash}</Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        )}
      </Table>
    </section>
  );
}
