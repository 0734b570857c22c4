// /sdgs/dashboard (staff): the programme's figures — certified companies valid today (total, per tier, ward and
// industry), the applications of the fiscal year's round by status, the finance records (count, the sum of the
// amount bands' lower bounds 「以上」, per bank and per tier), the share of certified companies that got finance,
// reports overdue and certifications expiring. Each chart is a bar chart drawn with plain boxes (hidden from screen
// readers) with a table of the same figures below it; every figure's definition is listed on the page (and in
// server/modules/sdgs/dashboard-service.ts).
import { Box, Group, List, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { fm, yenAtLeast } from "./financeMessages";
import { useDashboard } from "./financeQueries";
import { sm } from "./messages";

interface Bar {
  key: string;
  label: string;
  value: number;
  /** the value as the table shows it */
  text: string;
}

function BarChart({
  title,
  bars,
  valueHeader,
  extra,
}: {
  title: string;
  bars: Bar[];
  valueHeader: string;
  extra?: { header: string; cells: string[] };
}) {
  const max = Math.max(1, ...bars.map((b) => b.value));
  const id = `chart-${title}`;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Title order={2} size="h4" id={id}>
          {title}
        </Title>
        {bars.length === 0 ? (
          <Text size="sm" c="dimmed">
            {fm.dashboard.empty}
          </Text>
        ) : (
          <>
            <Stack gap={6} aria-hidden="true" data-testid="bar-chart">
              {bars.map((b) => (
                <Group key={b.key} gap="xs" wrap="nowrap">
                  <Text size="xs" style={{ width: 150, flexShrink: 0, textAlign: "right" }} lineClamp={2}>
                    {b.label}
                  </Text>
                  <Box style={{ flex: 1, minWidth: 0 }}>
                    <Box
                      style={{
                        width: `${(b.value / max) * 100}%`,
                        minWidth: b.value > 0 ? 4 : 0,
                        height: 16,
                        background: "var(--mantine-color-teal-6)",
                        borderRadius: 2,
                      }}
                    />
                  </Box>
                  <Text size="xs" style={{ width: 110, flexShrink: 0 }}>
                    {b.text}
                  </Text>
                </Group>
              ))}
            </Stack>
            <Table withTableBorder striped aria-labelledby={id} fz="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{fm.dashboard.label}</Table.Th>
                  <Table.Th scope="col" style={{ textAlign: "right" }}>
                    {valueHeader}
                  </Table.Th>
                  {extra && (
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {extra.header}
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {bars.map((b, i) => (
                  <Table.Tr key={b.key}>
                    <Table.Th scope="row" fw={400}>
                      {b.label}
                    </Table.Th>
                    <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>{b.text}</Table.Td>
                    {extra && <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>{extra.cells[i]}</Table.Td>}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        )}
      </Stack>
    </Paper>
  );
}

function Figure({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {value}
      </Text>
      {detail && (
        <Text size="xs" c="dimmed">
          {detail}
        </Text>
      )}
    </Paper>
  );
}

export function DashboardPage() {
  const [fiscalYear, setFiscalYear] = useState<number | null>(null);
  const dashboard = useDashboard(fiscalYear ?? undefined);
  const d = dashboard.data;
  const counted = (rows: { key: string; label: string; count: number }[], unit: (n: number) => string): Bar[] =>
    rows.map((r) => ({ key: r.key, label: r.label, value: r.count, text: unit(r.count) }));

  return (
    <>
      <PageHeader
        title={fm.dashboard.title}
        subtitle={fm.dashboard.intro}
        breadcrumbs={[{ label: sm.moduleName, href: "/sdgs" }, { label: fm.dashboard.title }]}
      />
      <Stack gap="lg">
        <Group align="end" gap="md">
          <FiscalYearSelect label={fm.dashboard.fiscalYear} value={fiscalYear ?? d?.fiscalYear ?? null} onChange={setFiscalYear} />
          {d && (
            <Text size="sm" c="dimmed">
              <DateText iso={d.asOf} western="title" />
              時点
            </Text>
          )}
        </Group>
        <ErrorAlert error={dashboard.error} />
        {!d ? (
          dashboard.isPending && <Loading />
        ) : (
          <>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md">
              <Figure label={fm.dashboard.certified} value={sm.companies(d.certified.total)} />
              <Figure label={fm.dashboard.financeCount} value={sm.count(d.finance.count)} />
              <Figure label={fm.dashboard.financeAmount} value={yenAtLeast(d.finance.amountAtLeastYen)} />
              <Figure
                label={fm.dashboard.share}
                value={`${(d.finance.financedShare * 100).toFixed(1)}%`}
                detail={fm.dashboard.shareDetail(d.finance.companiesWithFinance, d.certified.total)}
              />
              <Figure label={fm.dashboard.overdue} value={sm.count(d.reportsOverdue)} />
              <Figure label={fm.dashboard.expiring} value={sm.count(d.expiringSoon)} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
              <BarChart title={fm.dashboard.byTier} valueHeader={fm.dashboard.companies} bars={counted(d.certified.byTier, sm.companies)} />
              <BarChart title={fm.dashboard.byWard} valueHeader={fm.dashboard.companies} bars={counted(d.certified.byWard, sm.companies)} />
              <BarChart
                title={fm.dashboard.byIndustry}
                valueHeader={fm.dashboard.companies}
                bars={counted(d.certified.byIndustry, sm.companies)}
              />
              <BarChart
                title={fm.dashboard.applications(d.applications.roundName)}
                valueHeader={fm.dashboard.count}
                bars={counted(
                  d.applications.byStatus.filter((s) => s.count > 0),
                  sm.count,
                )}
              />
              <BarChart
                title={fm.dashboard.financeByBank}
                valueHeader={fm.dashboard.amount}
                bars={d.finance.byBank.map((b) => ({
                  key: b.key,
                  label: b.label,
                  value: b.amountAtLeastYen,
                  text: yenAtLeast(b.amountAtLeastYen),
                }))}
                extra={{ header: fm.dashboard.count, cells: d.finance.byBank.map((b) => sm.count(b.count)) }}
              />
              <BarChart
                title={fm.dashboard.financeByTier}
                valueHeader={fm.dashboard.amount}
                bars={d.finance.byTier.map((b) => ({
                  key: b.key,
                  label: b.label,
                  value: b.amountAtLeastYen,
                  text: yenAtLeast(b.amountAtLeastYen),
                }))}
                extra={{ header: fm.dashboard.count, cells: d.finance.byTier.map((b) => sm.count(b.count)) }}
              />
            </SimpleGrid>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {fm.dashboard.definitions}
              </Title>
              <List size="sm" spacing={4}>
                {fm.dashboard.definitionList.map((text) => (
                  <List.Item key={text}>{text}</List.Item>
                ))}
              </List>
            </Paper>
          </>
        )}
      </Stack>
    </>
  );
}
