// /furusato/dashboard: a fiscal year of ふるさと納税 at a glance — KPI cards (寄附額, 件数, 前年比, 経費率 with the 5割
// light), donations per portal per month (a stacked bar chart with the same figures as a table), the gifts most
// chosen, portal fees, and the open work (ワンストップ特例 by deadline, 出荷 per supplier). Staff only; aggregates only.
// The month chart and its table are in DashboardMonths.tsx, the lists under them in DashboardLists.tsx.
import { Anchor, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { type DashboardResponse, exportDashboard, exportSurveySheet } from "../../../common/api/furusato-money";
import { urlFor } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { currentFiscalYear } from "../../ui/FiscalYear";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav } from "./components";
import { OneStop, PortalFees, Shipments, TopGifts } from "./DashboardLists";
import { PortalMonthChart, PortalMonthTable } from "./DashboardMonths";
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

function Kpi({ label, value, help, badge }: { label: string; value: string; help?: string; badge?: ReactNode }) {
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
