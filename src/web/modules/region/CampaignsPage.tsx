// /region/campaigns 「プロモーション」: the campaigns of a 年度 (or all) and a 媒体, each with its cost, the platform's latest
// reach, the visits its tagged link brought and the link itself with a copy button; the hub's bureau records, changes
// and deletes them here and imports the platforms' figures from CSV or Excel.
import { Button, CopyButton, Group, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { CAMPAIGN_METRICS_IMPORT_KIND, type Campaign } from "../../../common/api/region-analytics";
import { CAMPAIGN_CHANNEL_LABELS, CAMPAIGN_CHANNELS, CAMPAIGN_KIND_LABELS } from "../../../common/region/campaign-effect";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { InternalLink } from "../../ui/InternalLink";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { TabularImport } from "../../ui/TabularImport";
import { AnalyticsNav } from "./AnalyticsParts";
import { anm } from "./analyticsMessages";
import { analyticsKeys, type CampaignSearch, useCampaigns } from "./analyticsQueries";
import { CampaignDialog } from "./CampaignDialog";

const t = anm.campaigns;

export function CampaignLink({ link }: { link: string }) {
  return (
    <Stack gap={4} align="flex-start">
      <Text size="xs" ff="monospace" style={{ wordBreak: "break-all" }}>
        {link}
      </Text>
      <CopyButton value={link}>
        {({ copied, copy }) => (
          <Button size="compact-xs" variant={copied ? "filled" : "default"} onClick={copy} aria-label={`${t.copy}: ${link}`}>
            {copied ? t.copied : t.copy}
          </Button>
        )}
      </CopyButton>
    </Stack>
  );
}

export function CampaignsPage({ search }: { search: CampaignSearch }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const list = useCampaigns(search);
  const [creating, setCreating] = useState(false);
  const canManage = list.data?.canManage ?? false;
  const setSearch = (next: CampaignSearch) => navigate({ to: "/region/campaigns" as never, search: { ...search, ...next } as never });

  const columns: Column<Campaign>[] = [
    {
      key: "name",
      header: t.name,
      rowHeader: true,
      render: (c) => (
        <Stack gap={2}>
          <Group gap={6}>
            <InternalLink href={`/region/campaigns/${c.id}`}>{c.name}</InternalLink>
            {c.isSample && <SampleBadge />}
          </Group>
          <Text size="xs" c="dimmed">
            {CAMPAIGN_CHANNEL_LABELS[c.channel]}・{CAMPAIGN_KIND_LABELS[c.kind]}
          </Text>
        </Stack>
      ),
    },
    {
      key: "period",
      header: t.period,
      nowrap: true,
      render: (c) => (
        <Text size="sm">
          <DateText iso={c.publishedOn} western="title" />〜
          <br />
          {c.endsOn ? <DateText iso={c.endsOn} western="title" /> : ""}
        </Text>
      ),
    },
    { key: "cost", header: t.costYen, align: "right", nowrap: true, render: (c) => anm.yen(c.costYen) },
    {
      key: "reach",
      header: t.reach,
      align: "right",
      nowrap: true,
      render: (c) => (c.latest?.reach != null ? anm.number(c.latest.reach) : anm.dash),
    },
    {
      key: "visits",
      header: t.visits,
      align: "right",
      nowrap: true,
      render: (c) => (
        <>
          {anm.count(c.visits)}
          <span className="yk-cell-sub">（{anm.people(c.visitors)}）</span>
        </>
      ),
    },
    { key: "link", header: t.link, render: (c) => <CampaignLink link={c.link} /> },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        breadcrumbs={[{ label: anm.crumbs.region, href: "/region" }, { label: anm.crumbs.campaigns }]}
        subtitle={t.intro}
        actions={canManage ? <Button onClick={() => setCreating(true)}>{t.create}</Button> : undefined}
      />
      <AnalyticsNav />
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <FiscalYearSelect
            label={t.fiscalYear}
            allLabel={t.allYears}
            value={search.fiscalYear ?? null}
            onChange={(fy) => setSearch({ fiscalYear: fy ?? undefined })}
            w={240}
          />
          <NativeSelect
            label={t.channel}
            value={search.channel ?? ""}
            onChange={(event) => setSearch({ channel: (event.currentTarget.value || undefined) as CampaignSearch["channel"] })}
            data={[{ value: "", label: t.allChannels }, ...CAMPAIGN_CHANNELS.map((c) => ({ value: c, label: CAMPAIGN_CHANNEL_LABELS[c] }))]}
            w={220}
          />
        </Group>
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={list.data?.items}
          rowKey={(c) => c.id}
          loading={list.isPending}
          error={list.error}
          empty={t.empty}
          minWidth={900}
        />
        {canManage ? (
          <Paper withBorder p="md">
            <Title order={2} size="h4" mb="xs">
              {t.import}
            </Title>
            <Text size="sm" mb="sm">
              {t.importHelp}
            </Text>
            <TabularImport
              kind={CAMPAIGN_METRICS_IMPORT_KIND}
              onImported={(result) => {
                flash.show(result.summary);
                void queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
              }}
            />
          </Paper>
        ) : (
          list.data && (
            <Text size="sm" c="dimmed">
              {t.readOnly}{" "}
              <InternalLink href="/region/campaigns/comparison" size="sm">
                {anm.nav.comparison}
              </InternalLink>
            </Text>
          )
        )}
      </Stack>
      {creating && <CampaignDialog onClose={() => setCreating(false)} />}
    </>
  );
}
