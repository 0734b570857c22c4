// Pieces the アクセス解析 and プロモーション pages share: their sub-navigation, a figure card, and a table of counts
// (訪問数, 訪問者数 and the share of visits) with its caption.
import { Paper, Table, Text } from "@mantine/core";
import { useRouterState } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { ModuleNav } from "../../ui/ModuleNav";
import { anm } from "./analyticsMessages";

export function AnalyticsNav() {
  const path = useRouterState({ select: (s) => s.location.pathname });
  const link = (to: string, label: string, active: boolean) => ({ to: to as never, label, active });
  return (
    <ModuleNav
      label={anm.nav.label}
      groups={[
        {
          links: [
            link("/region/analytics", anm.nav.analytics, path === "/region/analytics"),
            link("/region/campaigns", anm.nav.campaigns, path === "/region/campaigns" || /^\/region\/campaigns\/[0-9a-f-]{36}$/.test(path)),
            link("/region/campaigns/comparison", anm.nav.comparison, path === "/region/campaigns/comparison"),
          ],
        },
      ]}
    />
  );
}

export function Figure({ label, value, help }: { label: string; value: string; help?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.3}>
        {value}
      </Text>
      {help && (
        <Text size="xs" c="dimmed">
          {help}
        </Text>
      )}
    </Paper>
  );
}

export interface CountRow {
  key: string;
  label: ReactNode;
  visits: number;
  visitors: number;
}

const percent = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)}%` : anm.dash);

/** A table of counts; `whole` (the period's visits) gives each row's share. */
export function CountTable({
  caption,
  labelHeader,
  rows,
  whole,
  note,
  testId,
}: {
  caption: string;
  labelHeader: string;
  rows: CountRow[];
  whole?: number;
  note?: ReactNode;
  testId?: string;
}) {
  const t = anm.analytics;
  return (
    <Paper withBorder p="md" data-testid={testId}>
      <Table striped captionSide="top" fz="sm">
        <Table.Caption style={{ textAlign: "left", fontWeight: 700, color: "var(--mantine-color-text)" }}>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{labelHeader}</Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right", whiteSpace: "nowrap" }}>
              {t.visits}
            </Table.Th>
            <Table.Th scope="col" style={{ textAlign: "right", whiteSpace: "nowrap" }}>
              {t.visitors}
            </Table.Th>
            {whole !== undefined && (
              <Table.Th scope="col" style={{ textAlign: "right" }}>
                {t.share}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.length === 0 ? (
            <Table.Tr>
              <Table.Td colSpan={whole !== undefined ? 4 : 3}>{t.none}</Table.Td>
            </Table.Tr>
          ) : (
            rows.map((r) => (
              <Table.Tr key={r.key}>
                <Table.Th scope="row" fw={400}>
                  {r.label}
                </Table.Th>
                <Table.Td style={{ textAlign: "right" }}>{anm.number(r.visits)}</Table.Td>
                <Table.Td style={{ textAlign: "right" }}>{anm.number(r.visitors)}</Table.Td>
                {whole !== undefined && (
                  <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>{percent(r.visits, whole)}</Table.Td>
                )}
              </Table.Tr>
            ))
          )}
        </Table.Tbody>
      </Table>
      {note && (
        <Text size="xs" c="dimmed" mt={4}>
          {note}
        </Text>
      )}
    </Paper>
  );
}
