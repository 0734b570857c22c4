// The chart and the national totals under the 全国比較 table (ComparisonPage.tsx).
import { Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { ComparisonResult } from "../../../common/api/furusato-reference";
import { fiscalYearLabel } from "../../ui/dates";
import { cm, plainPercent, signedPercent, type TableRow } from "./comparison-rows";
import { formatNumber, yen } from "./components";

/** Horizontal bars (plain markup, no chart library): 受入額 per body, the cost share darker. The table holds the same figures. */
export function AmountChart({ rows, yearLabel }: { rows: TableRow[]; yearLabel: string }) {
  const max = Math.max(1, ...rows.map((r) => r.year?.donationAmount ?? 0));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="comparison-chart-heading">
      <Title order={2} size="h5" id="comparison-chart-heading" mb="sm">
        {cm.chartTitle(yearLabel)}
      </Title>
      <Stack gap={4} role="img" aria-label={cm.chartLabel(yearLabel)}>
        {rows.map((r) => {
          const amount = r.year?.donationAmount ?? 0;
          const cost = Math.min(amount, r.year?.costTotal ?? 0);
          return (
            <Group key={r.body.bodyCode} gap="xs" wrap="nowrap" aria-hidden="true">
              <Text size="xs" w={110} ta="right" fw={r.own ? 700 : 400} style={{ flexShrink: 0 }}>
                {r.body.name}
              </Text>
              <div style={{ flex: 1, background: "var(--mantine-color-gray-1)", height: 14, position: "relative" }}>
                <div
                  style={{
                    width: `${(amount / max) * 100}%`,
                    height: "100%",
                    background: r.own ? "var(--mantine-color-blue-4)" : "var(--mantine-color-gray-5)",
                    position: "absolute",
                  }}
                />
                <div
                  style={{
                    width: `${(cost / max) * 100}%`,
                    height: "100%",
                    background: r.own ? "var(--mantine-color-blue-8)" : "var(--mantine-color-gray-8)",
                    position: "absolute",
                  }}
                />
              </div>
              <Text size="xs" w={150} ta="right" style={{ flexShrink: 0 }}>
                {yen(amount)}
              </Text>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}

export function NationalTable({ national, scope }: { national: ComparisonResult["national"]; scope: string }) {
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="comparison-national-heading">
      <Title order={2} size="h5" id="comparison-national-heading">
        {cm.nationalTitle}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {scope}
      </Text>
      <Table.ScrollContainer minWidth={720}>
        <Table striped>
          <Table.Caption>{cm.nationalCaption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{cm.year}</Table.Th>
              <Table.Th scope="col" ta="right">
                {cm.bodies}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {cm.count}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {cm.amount}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {cm.growth}
              </Table.Th>
              <Table.Th scope="col" ta="right">
                {cm.costRatio}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {national.map((y) => (
              <Table.Tr key={y.fiscalYear}>
                <Table.Th scope="row">
                  {fiscalYearLabel(y.fiscalYear)}
                  <span className="yk-western">（{y.fiscalYear}年度）</span>
                </Table.Th>
                <Table.Td ta="right">{formatNumber(y.bodies)}</Table.Td>
                <Table.Td ta="right">{formatNumber(y.donationCount)}</Table.Td>
                <Table.Td ta="right" title={y.amountPrecision === "thousand" ? cm.thousand : undefined}>
                  {yen(y.donationAmount)}
                </Table.Td>
                <Table.Td ta="right">{signedPercent(y.growth)}</Table.Td>
                <Table.Td ta="right">{plainPercent(y.costRatio)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
