// 寄附額 per portal per month on the dashboard (DashboardPage.tsx): stacked bars and a table with the same figures.
import { Group, Table, Text } from "@mantine/core";
import { useId, useRef } from "react";
import type { DashboardResponse } from "../../../common/api/furusato-money";
import { formatFiscalYear } from "../../../common/dates";
import { useOverflowX } from "../../ui/useOverflowX";
import { mm } from "./money-messages";

// Eight colours that stay apart for common colour-vision differences, each ≥ 3:1 against white.
const PALETTE = ["#1f5fbf", "#d9480f", "#2b8a3e", "#862e9c", "#a61e4d", "#0b7285", "#5c940d", "#495057"];

function niceCeiling(value: number): number {
  if (value <= 0) return 10_000;
  const magnitude = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((s) => s * magnitude >= value) ?? 10;
  return step * magnitude;
}

function axisYen(value: number): string {
  return value >= 10_000 ? `${(value / 10_000).toLocaleString("ja-JP")}万` : value.toLocaleString("ja-JP");
}

/**
 * Stacked bars, one per month, one colour per portal. The SVG is a picture (role="img" with a summary); the table
 * below holds the same figures for screen readers and for reading exact values.
 */
export function PortalMonthChart({ d }: { d: DashboardResponse }) {
  const width = 760;
  const height = 280;
  const left = 64;
  const bottom = 28;
  const top = 12;
  const plotWidth = width - left - 8;
  const plotHeight = height - top - bottom;
  const max = niceCeiling(Math.max(0, ...d.monthAmounts));
  const slot = plotWidth / 12;
  const barWidth = slot * 0.64;
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * max);
  const label = mm.dashboard.chartLabel(formatFiscalYear(d.fiscalYear), mm.yen(d.amount));
  return (
    <div
      data-testid="portal-month-chart"
      data-total={d.amount}
      data-count={d.count}
      data-months={d.monthAmounts.join(",")}
      data-portals={d.portals.map((p) => `${p.portalCode}:${p.amount}`).join(",")}
    >
      {d.amount === 0 ? (
        <Text role="status" py="md">
          {mm.dashboard.chartEmpty}
        </Text>
      ) : (
        <svg viewBox={`0 0 ${width} ${height}`} width="100%" role="img" aria-label={label} style={{ maxWidth: width, display: "block" }}>
          {ticks.map((tick) => (
            <g key={tick}>
              <line x1={left} x2={width - 8} y1={y(tick)} y2={y(tick)} stroke="#dee2e6" />
              <text x={left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="#495057">
                {axisYen(tick)}
              </text>
            </g>
          ))}
          {d.months.map((month, i) => {
            let base = 0;
            const x = left + i * slot + (slot - barWidth) / 2;
            return (
              <g key={month}>
                {d.portals.map((portal, p) => {
                  const value = portal.amounts[i];
                  if (value <= 0) return null;
                  const y0 = y(base);
                  base += value;
                  const y1 = y(base);
                  return (
                    <rect
                      key={portal.portalCode}
                      x={x}
                      y={y1}
                      width={barWidth}
                      height={Math.max(1, y0 - y1)}
                      fill={PALETTE[p % PALETTE.length]}
                    >
                      <title>{`${portal.portalName} ${mm.dashboard.monthLong(month)}: ${mm.yen(value)}（${mm.count(portal.counts[i])}）`}</title>
                    </rect>
                  );
                })}
                <text x={left + i * slot + slot / 2} y={height - 10} textAnchor="middle" fontSize={11} fill="#343a40">
                  {mm.dashboard.month(month)}
                </text>
              </g>
            );
          })}
        </svg>
      )}
      <Group gap="md" mt="xs" wrap="wrap" aria-hidden="true">
        {d.portals.map((portal, p) => (
          <Group key={portal.portalCode} gap={6} wrap="nowrap">
            <span style={{ width: 12, height: 12, background: PALETTE[p % PALETTE.length], display: "inline-block", borderRadius: 2 }} />
            <Text size="sm">
              {portal.portalName} {mm.yen(portal.amount)}
            </Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}

export function PortalMonthTable({ d }: { d: DashboardResponse }) {
  // The count goes under the amount (issue 12 item 7: the table was cut off on the right at 1280 px).
  const cell = (amount: number, count: number) =>
    amount === 0 && count === 0 ? (
      mm.dash
    ) : (
      <>
        {mm.yen(amount)}
        <span className="yk-cell-sub">（{mm.count(count)}）</span>
      </>
    );
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const regionRef = useRef<HTMLDivElement>(null);
  const overflowing = useOverflowX(regionRef);
  const hintId = useId();
  return (
    <>
      {overflowing ? (
        <Text size="sm" mt="md" id={hintId} className="yk-scroll-hint">
          {mm.dashboard.scrollHint}
        </Text>
      ) : null}
      {/* When the table is wider than the page, its region scrolls sideways with the portal names kept in view; the
          region takes the keyboard focus so it can be scrolled. */}
      <Table.ScrollContainer
        ref={regionRef}
        minWidth={720}
        type="native"
        mt={overflowing ? "xs" : "md"}
        tabIndex={0}
        role="region"
        aria-label={mm.dashboard.tableCaption}
        aria-describedby={overflowing ? hintId : undefined}
        className="yk-scroll-x"
      >
        <Table striped withTableBorder verticalSpacing={6} fz="sm" className="yk-table yk-sticky-first">
          <caption className="yk-caption">{mm.dashboard.tableCaption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{mm.dashboard.portal}</Table.Th>
              {d.months.map((month) => (
                <Table.Th key={month} scope="col" style={{ textAlign: "right" }}>
                  {mm.dashboard.monthLong(month)}
                </Table.Th>
              ))}
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {mm.dashboard.total}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.portals.map((portal) => (
              <Table.Tr key={portal.portalCode}>
                <Table.Th scope="row">{portal.portalName}</Table.Th>
                {portal.amounts.map((amount, i) => (
                  <Table.Td key={d.months[i]} style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                    {cell(amount, portal.counts[i])}
                  </Table.Td>
                ))}
                <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap", fontWeight: 600 }}>
                  {cell(portal.amount, portal.count)}
                </Table.Td>
              </Table.Tr>
            ))}
            <Table.Tr>
              <Table.Th scope="row">{mm.dashboard.total}</Table.Th>
              {d.monthAmounts.map((amount, i) => (
                <Table.Td key={d.months[i]} style={{ textAlign: "right", whiteSpace: "nowrap", fontWeight: 600 }}>
                  {cell(amount, d.monthCounts[i])}
                </Table.Td>
              ))}
              <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap", fontWeight: 700 }}>{cell(d.amount, d.count)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{mm.dashboard.previousYear}</Table.Th>
              {d.previousMonthAmounts.map((amount, i) => (
                <Table.Td key={d.months[i]} style={{ textAlign: "right", whiteSpace: "nowrap", color: "#495057" }}>
                  {cell(amount, d.previousMonthCounts[i])}
                </Table.Td>
              ))}
              <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap", color: "#495057" }}>
                {cell(sum(d.previousMonthAmounts), sum(d.previousMonthCounts))}
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
