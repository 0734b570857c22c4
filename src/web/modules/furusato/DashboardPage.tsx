// /furusato/dashboard: a fiscal year of ふるさと納税 at a glance — KPI cards (寄附額, 件数, 前年比, 経費率 with the 5割
// light), donations per portal per month (a stacked bar chart with the same figures as a table), the gifts most
// chosen, portal fees, and the open work (ワンストップ特例 by deadline, 出荷 per supplier). Staff only; aggregates only.
import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useId, useRef } from "react";
import { type DashboardResponse, exportDashboard, exportSurveySheet } from "../../../common/api/furusato-money";
import { formatFiscalYear } from "../../../common/dates";
import { ONE_STOP_STATUSES } from "../../../common/furusato/donation";
import { urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { currentFiscalYear } from "../../ui/FiscalYear";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { useOverflowX } from "../../ui/useOverflowX";
import { FurusatoNav } from "./components";
import { fm } from "./messages";
import { CostLight, FiscalYearPicker, ratioText, StaffOnly, useDashboard } from "./money-components";
import { mm } from "./money-messages";

const breadcrumbs = [{ label: fm.moduleName, href: "/furusato" }, { label: mm.dashboard.title }];

export function DashboardPage({ fiscalYear }: { fiscalYear?: number }) {
  const fy = fiscalYear ?? currentFiscalYear();
  return (
    <>
      <PageHeader
        title={mm.dashboard.title}
        breadcrumbs={breadcrumbs}
        subtitle={mm.dashboard.intro}
        actions={
          <Group gap="md" className="yk-no-print">
            <Anchor href={urlFor(exportDashboard, { query: { fiscalYear: fy } })} download size="sm">
              {mm.dashboard.excel}
            </Anchor>
            <Anchor href={urlFor(exportSurveySheet, { query: { fiscalYear: fy } })} download size="sm">
              {mm.dashboard.survey}
            </Anchor>
          </Group>
        }
      />
      <FurusatoNav />
      <StaffOnly>
        <DashboardView fiscalYear={fy} />
      </StaffOnly>
    </>
  );
}

function DashboardView({ fiscalYear }: { fiscalYear: number }) {
  const navigate = useNavigate();
  const dashboard = useDashboard(fiscalYear);
  const d = dashboard.data;
  return (
    <Stack gap="lg">
      <FiscalYearPicker value={fiscalYear} onChange={(fy) => navigate({ to: "/furusato/dashboard", search: { fiscalYear: fy } })} />
      <ErrorAlert error={dashboard.error} />
      {d && (
        <>
          <Kpis d={d} />
          <Paper withBorder p="lg" component="section" aria-labelledby="chart-heading">
            <Title order={2} id="chart-heading" mb="sm" className="yk-section-title">
              {mm.dashboard.chartHeading}
            </Title>
            <PortalMonthChart d={d} />
            <PortalMonthTable d={d} />
          </Paper>
          <TopGifts d={d} />
          <PortalFees d={d} />
          <OneStop d={d} />
          <Shipments d={d} />
        </>
      )}
    </Stack>
  );
}

function Kpi({ label, value, help, badge }: { label: string; value: string; help?: string; badge?: React.ReactNode }) {
  return (
    <Paper withBorder p="md" component="section" aria-label={label}>
      <Text size="sm" fw={600} c="dimmed">
        {label}
      </Text>
      <Group gap="xs" align="center" wrap="wrap">
        <Text size="xl" fw={700}>
          {value}
        </Text>
        {badge}
      </Group>
      {help && (
        <Text size="xs" c="dimmed">
          {help}
        </Text>
      )}
    </Paper>
  );
}

function Kpis({ d }: { d: DashboardResponse }) {
  const growth = d.comparison.amountGrowth;
  return (
    <section aria-labelledby="kpi-heading">
      <Title order={2} id="kpi-heading" className="yk-visually-hidden">
        {mm.dashboard.kpiHeading}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }}>
        <Kpi label={mm.dashboard.amount} value={mm.yen(d.amount)} help={mm.dashboard.amountHelp} />
        <Kpi label={mm.dashboard.count} value={mm.count(d.count)} help={mm.dashboard.amountHelp} />
        <Kpi
          label={mm.dashboard.growth}
          value={growth === null ? mm.dash : mm.dashboard.growthValue(growth)}
          help={
            growth === null
              ? mm.dashboard.growthNone
              : `${mm.dashboard.growthHelp(d.comparison.months)}: ${mm.dashboard.growthAmounts(mm.yen(d.comparison.amount), mm.yen(d.comparison.previousAmount))}`
          }
        />
        <Kpi
          label={mm.dashboard.costRatio}
          value={ratioText(d.cost.costRatio)}
          badge={<CostLight light={d.cost.light} size="sm" />}
          help={mm.dashboard.costRatioHelp(ratioText(d.cost.forecastCostRatio))}
        />
      </SimpleGrid>
      <Text size="xs" c="dimmed" mt={4}>
        {mm.lightHelp}{" "}
        <AnchorLink to="/furusato/costs" search={{ fiscalYear: d.fiscalYear }} size="xs" underline="always">
          {mm.ledger.title}
        </AnchorLink>
      </Text>
    </section>
  );
}

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
function PortalMonthChart({ d }: { d: DashboardResponse }) {
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

function PortalMonthTable({ d }: { d: DashboardResponse }) {
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

type TopGift = DashboardResponse["topGifts"][number];

function TopGifts({ d }: { d: DashboardResponse }) {
  const columns: Column<TopGift>[] = [
    { key: "rank", header: mm.dashboard.rank, align: "right", render: (g) => d.topGifts.indexOf(g) + 1 },
    {
      key: "title",
      header: mm.dashboard.giftTitle,
      rowHeader: true,
      render: (g) =>
        g.giftId ? (
          <AnchorLink to="/furusato/gifts/$id" params={{ id: g.giftId }} size="sm">
            {g.title || g.giftCode}
          </AnchorLink>
        ) : (
          `${g.giftCode} ${mm.dashboard.unknownGift}`
        ),
    },
    { key: "code", header: mm.dashboard.giftCode, nowrap: true, render: (g) => g.giftCode },
    { key: "count", header: mm.dashboard.giftCount, align: "right", nowrap: true, render: (g) => mm.count(g.count) },
    { key: "amount", header: mm.dashboard.giftAmount, align: "right", nowrap: true, render: (g) => mm.yen(g.amount) },
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="top-heading">
      <Title order={2} id="top-heading" mb="xs" className="yk-section-title">
        {mm.dashboard.topHeading}
      </Title>
      <DataTable
        caption={mm.dashboard.topCaption}
        captionHidden
        columns={columns}
        rows={d.topGifts}
        rowKey={(g) => g.giftCode}
        empty={mm.dashboard.topEmpty}
        minWidth={480}
      />
      <Text size="xs" c="dimmed" mt={4}>
        {mm.dashboard.topHelp}
      </Text>
    </Paper>
  );
}

type FeeRow = DashboardResponse["portalFees"][number];

function PortalFees({ d }: { d: DashboardResponse }) {
  const columns: Column<FeeRow>[] = [
    { key: "portal", header: mm.dashboard.portal, rowHeader: true, render: (f) => f.portalName },
    { key: "ratio", header: mm.dashboard.feeRatio, align: "right", render: (f) => ratioText(f.feeRatio) },
    { key: "amount", header: mm.dashboard.paidAmount, align: "right", nowrap: true, render: (f) => mm.yen(f.amount) },
    { key: "fee", header: mm.dashboard.fee, align: "right", nowrap: true, render: (f) => mm.yen(f.fee) },
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="fees-heading">
      <Title order={2} id="fees-heading" mb="xs" className="yk-section-title">
        {mm.dashboard.feesHeading}
      </Title>
      <DataTable
        caption={mm.dashboard.feesCaption}
        captionHidden
        columns={columns}
        rows={d.portalFees}
        rowKey={(f) => f.portalCode}
        minWidth={420}
      />
    </Paper>
  );
}

type OneStopRow = DashboardResponse["oneStop"][number];

function OneStop({ d }: { d: DashboardResponse }) {
  const columns: Column<OneStopRow>[] = [
    { key: "deadline", header: mm.dashboard.deadline, rowHeader: true, nowrap: true, render: (o) => <DateText iso={o.deadline} /> },
    {
      key: "days",
      header: mm.dashboard.daysLeft,
      nowrap: true,
      render: (o) => (
        <Text
          span
          size="sm"
          fw={o.daysLeft <= 30 ? 700 : undefined}
          c={o.daysLeft < 0 ? "dimmed" : o.daysLeft <= 30 ? "#9b1c1c" : undefined}
        >
          {mm.dashboard.days(o.daysLeft)}
        </Text>
      ),
    },
    ...ONE_STOP_STATUSES.map(
      (status): Column<OneStopRow> => ({ key: status, header: status, align: "right", render: (o) => mm.count(o.counts[status]) }),
    ),
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="onestop-heading">
      <Title order={2} id="onestop-heading" mb="xs" className="yk-section-title">
        {mm.dashboard.oneStopHeading}
      </Title>
      <DataTable
        caption={mm.dashboard.oneStopCaption}
        captionHidden
        columns={columns}
        rows={d.oneStop}
        rowKey={(o) => o.deadline}
        empty={mm.dashboard.oneStopEmpty}
        minWidth={480}
      />
    </Paper>
  );
}

type ShipRow = DashboardResponse["shipments"][number];

function Shipments({ d }: { d: DashboardResponse }) {
  const columns: Column<ShipRow>[] = [
    {
      key: "supplier",
      header: mm.dashboard.supplier,
      rowHeader: true,
      render: (s) => (
        <AnchorLink to="/furusato/suppliers/$id" params={{ id: s.supplierId }} size="sm">
          {s.supplierName}
        </AnchorLink>
      ),
    },
    { key: "unrequested", header: mm.dashboard.unrequested, align: "right", render: (s) => mm.count(s.unrequested) },
    { key: "requested", header: mm.dashboard.requested, align: "right", render: (s) => mm.count(s.requested) },
    {
      key: "overdue",
      header: mm.dashboard.overdue,
      align: "right",
      render: (s) => (
        <Text span size="sm" fw={s.overdue > 0 ? 700 : undefined} c={s.overdue > 0 ? "#9b1c1c" : undefined}>
          {mm.count(s.overdue)}
        </Text>
      ),
    },
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="ship-heading">
      <Title order={2} id="ship-heading" mb="xs" className="yk-section-title">
        {mm.dashboard.shipHeading}
      </Title>
      <DataTable
        caption={mm.dashboard.shipCaption}
        captionHidden
        columns={columns}
        rows={d.shipments}
        rowKey={(s) => s.supplierId}
        empty={mm.dashboard.shipEmpty}
        minWidth={420}
      />
    </Paper>
  );
}
