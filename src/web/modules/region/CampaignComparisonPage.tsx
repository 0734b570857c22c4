// /region/campaigns/comparison 「プロモーションの費用対効果」: every campaign (or one 年度's) with its cost, reach and the
// visits its link brought, per yen; then the same by 年度, by 媒体 across the years, and by 年度 and 媒体 — so the bureau
// can judge whether SNS and video promotion for young people is worth it (意義・継続性・効果), and Excel/CSV of it all.
import { Button, Group, List, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import {
  type ComparisonGroup,
  type ComparisonRow,
  exportCampaignComparisonCsv,
  exportCampaignComparisonXlsx,
} from "../../../common/api/region-analytics";
import { CAMPAIGN_CHANNEL_LABELS } from "../../../common/region/campaign-effect";
import { urlFor } from "../../api/client";
import { fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { AnalyticsNav } from "./AnalyticsParts";
import { anm } from "./analyticsMessages";
import { useCampaignComparison } from "./analyticsQueries";

const t = anm.comparison;

const yen = (value: number | null) => (value === null ? anm.dash : anm.yen(value));
const num = (value: number | null) => (value === null ? anm.dash : anm.number(value));
const share = (value: number | null) => (value === null ? anm.dash : `${(value * 100).toFixed(1)}%`);

interface Line {
  key: string;
  label: ReactNode;
  figures: ComparisonGroup | ComparisonRow;
  strong?: boolean;
}

function ComparisonTable({
  caption,
  labelHeader,
  lines,
  showCount = true,
}: {
  caption: string;
  labelHeader: string;
  lines: Line[];
  showCount?: boolean;
}) {
  const right = { textAlign: "right" as const, whiteSpace: "nowrap" as const };
  return (
    <Paper withBorder p="md">
      {/* wider than the page on small screens: the region scrolls sideways and takes the keyboard focus to do so */}
      <Table.ScrollContainer minWidth={980} type="native" tabIndex={0} role="region" aria-label={caption}>
        <Table striped captionSide="top" fz="sm">
          <Table.Caption style={{ textAlign: "left", fontWeight: 700, color: "var(--mantine-color-text)" }}>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{labelHeader}</Table.Th>
              {showCount && (
                <Table.Th scope="col" style={right}>
                  {t.campaigns}
                </Table.Th>
              )}
              <Table.Th scope="col" style={right}>
                {t.costYen}
              </Table.Th>
              <Table.Th scope="col" style={right}>
                {t.reach}
              </Table.Th>
              <Table.Th scope="col" style={right}>
                {t.visits}
              </Table.Th>
              <Table.Th scope="col" style={right}>
                {t.visitors}
              </Table.Th>
              <Table.Th scope="col" style={right}>
                {t.costPerVisit}
              </Table.Th>
              <Table.Th scope="col" style={right}>
                {t.costPerVisitor}
              </Table.Th>
              <Table.Th scope="col" style={right}>
                {t.reachPer1000Yen}
              </Table.Th>
              <Table.Th scope="col" style={right}>
                {t.lasting}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {lines.map(({ key, label, figures: f, strong }) => (
              <Table.Tr key={key} fw={strong ? 700 : undefined}>
                <Table.Th scope="row" fw={strong ? 700 : 400}>
                  {label}
                </Table.Th>
                {showCount && <Table.Td style={right}>{anm.number(f.campaigns)}</Table.Td>}
                <Table.Td style={right}>{anm.yen(f.costYen)}</Table.Td>
                <Table.Td style={right}>{num(f.reach)}</Table.Td>
                <Table.Td style={right}>{anm.number(f.visits)}</Table.Td>
                <Table.Td style={right}>{anm.number(f.visitors)}</Table.Td>
                <Table.Td style={right}>{yen(f.costPerVisit)}</Table.Td>
                <Table.Td style={right}>{yen(f.costPerVisitor)}</Table.Td>
                <Table.Td style={right}>{f.reachPer1000Yen === null ? anm.dash : f.reachPer1000Yen.toLocaleString("ja-JP")}</Table.Td>
                <Table.Td style={right}>{share(f.lastingShare)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

const groupLabel = (g: ComparisonGroup) =>
  [g.fiscalYear === null ? null : fiscalYearLabel(g.fiscalYear), g.channel === null ? null : CAMPAIGN_CHANNEL_LABELS[g.channel]]
    .filter(Boolean)
    .join("・") || t.total;

export function CampaignComparisonPage({ fiscalYear }: { fiscalYear?: number }) {
  const navigate = useNavigate();
  const result = useCampaignComparison(fiscalYear);
  const d = result.data;
  const query = { fiscalYear };
  return (
    <>
      <PageHeader
        title={t.title}
        breadcrumbs={[
          { label: anm.crumbs.region, href: "/region" },
          { label: anm.crumbs.campaigns, href: "/region/campaigns" },
          { label: anm.nav.comparison },
        ]}
        subtitle={t.intro}
        actions={
          <>
            <Button component="a" variant="default" href={urlFor(exportCampaignComparisonXlsx, { query })} download>
              {t.excel}
            </Button>
            <Button component="a" variant="default" href={urlFor(exportCampaignComparisonCsv, { query })} download>
              {t.csv}
            </Button>
          </>
        }
      />
      <AnalyticsNav />
      <Stack gap="md">
        <FiscalYearSelect
          label={t.fiscalYear}
          allLabel={t.allYears}
          value={fiscalYear ?? null}
          onChange={(fy) => navigate({ to: "/region/campaigns/comparison" as never, search: { fiscalYear: fy ?? undefined } as never })}
          w={240}
        />
        {result.isPending ? (
          <Loading />
        ) : result.error || !d ? (
          <ErrorAlert error={result.error} />
        ) : d.campaigns.length === 0 ? (
          <Text>{t.empty}</Text>
        ) : (
          <>
            <ComparisonTable
              caption={t.byFiscalYear}
              labelHeader={t.fiscalYear}
              lines={[
                ...d.byFiscalYear.map((g) => ({ key: String(g.fiscalYear), label: groupLabel(g), figures: g })),
                { key: "total", label: t.total, figures: d.total, strong: true },
              ]}
            />
            <ComparisonTable
              caption={t.byChannel}
              labelHeader={anm.campaigns.channel}
              lines={d.byChannel.map((g) => ({ key: String(g.channel), label: groupLabel(g), figures: g }))}
            />
            <ComparisonTable
              caption={t.byYearAndChannel}
              labelHeader={`${t.fiscalYear}・${anm.campaigns.channel}`}
              lines={d.byFiscalYearAndChannel.map((g) => ({ key: `${g.fiscalYear}-${g.channel}`, label: groupLabel(g), figures: g }))}
            />
            <ComparisonTable
              caption={t.byCampaign}
              labelHeader={anm.campaigns.name}
              showCount={false}
              lines={d.campaigns.map((c) => ({
                key: c.id,
                label: (
                  <Stack gap={0}>
                    <Group gap={6} wrap="nowrap">
                      <InternalLink href={`/region/campaigns/${c.id}`} size="sm">
                        {c.name}
                      </InternalLink>
                      {c.isSample && <SampleBadge />}
                    </Group>
                    <Text size="xs" c="dimmed">
                      {fiscalYearLabel(c.fiscalYear)}・{CAMPAIGN_CHANNEL_LABELS[c.channel]}
                    </Text>
                  </Stack>
                ),
                figures: c,
              }))}
            />
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t.definitions}
              </Title>
              <List size="sm" spacing={4}>
                {t.definitionItems.map((item) => (
                  <List.Item key={item}>{item}</List.Item>
                ))}
              </List>
            </Paper>
          </>
        )}
      </Stack>
    </>
  );
}
