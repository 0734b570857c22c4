// /region/campaigns/$id: one promotion — its details and tagged link, what its link brought to the hub (visits,
// visitors, 継続性, cost per visit and visitor), and the platform's figures by measuring day, which the hub's bureau
// enters (the same day again overwrites) or deletes here.
import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { type CampaignMetric, deleteCampaign, deleteCampaignMetric, putCampaignMetric } from "../../../common/api/region-analytics";
import { parseJapaneseDate } from "../../../common/dates";
import { CAMPAIGN_CHANNEL_LABELS, CAMPAIGN_KIND_LABELS, campaignEffect } from "../../../common/region/campaign-effect";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { DetailField } from "../../ui/DetailField";
import { DateText, fiscalYearLabel, warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { AnalyticsNav, Figure } from "./AnalyticsParts";
import { anm } from "./analyticsMessages";
import { analyticsKeys, useCampaign } from "./analyticsQueries";
import { CampaignDialog } from "./CampaignDialog";
import { CampaignLink } from "./CampaignsPage";

const t = anm.campaign;
const FIGURES = ["impressions", "reach", "views", "engagements", "linkClicks"] as const;

type MetricValues = { measuredOn: string } & Record<(typeof FIGURES)[number], number | string>;

function MetricForm({ campaignId }: { campaignId: string }) {
  const queryClient = useQueryClient();
  const form = useForm<MetricValues>({
    initialValues: { measuredOn: "", impressions: "", reach: "", views: "", engagements: "", linkClicks: "" },
    validate: { measuredOn: (v) => (parseJapaneseDate(v) ? null : "計測日を入力してください。") },
  });
  const { formRef, submit, save, status } = useFormSubmit(form, {
    send: (v) =>
      call(putCampaignMetric, {
        params: { id: campaignId },
        body: {
          measuredOn: parseJapaneseDate(v.measuredOn)?.iso ?? v.measuredOn,
          ...Object.fromEntries(FIGURES.map((key) => [key, v[key] === "" ? null : Number(v[key])])),
        },
      }),
    saved: async (metric) => {
      await queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
      form.reset();
      return t.metricSaved(warekiOf(metric.measuredOn));
    },
  });
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Title order={3} size="h5" mb="xs">
        {t.addMetric}
      </Title>
      <ErrorAlert error={save.error} />
      <Group align="flex-start" gap="sm" wrap="wrap">
        <JapaneseDateInput
          label={t.measuredOn}
          required
          value={form.values.measuredOn}
          onChange={(value) => form.setFieldValue("measuredOn", value)}
          error={form.errors.measuredOn as string | undefined}
          w={220}
        />
        {FIGURES.map((key) => (
          <NumberInput
            key={key}
            label={t[key]}
            min={0}
            allowDecimal={false}
            allowNegative={false}
            thousandSeparator=","
            w={140}
            {...form.getInputProps(key)}
          />
        ))}
        <Button type="submit" mt={25} loading={save.isPending}>
          {anm.save}
        </Button>
      </Group>
      <Text size="sm" role="status" mt={4}>
        {status}
      </Text>
    </form>
  );
}

function MetricTable({ campaignId, metrics, canManage }: { campaignId: string; metrics: CampaignMetric[]; canManage: boolean }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const cell = (value: number | null) => (value === null ? anm.dash : anm.number(value));
  if (metrics.length === 0) return <Text size="sm">{t.metricsEmpty}</Text>;
  return (
    <Table.ScrollContainer minWidth={720} type="native" tabIndex={0} role="region" aria-label={t.metricsCaption}>
      <Table striped captionSide="top" fz="sm">
        <Table.Caption style={{ textAlign: "left" }}>{t.metricsCaption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t.measuredOn}</Table.Th>
            {FIGURES.map((key) => (
              <Table.Th key={key} scope="col" style={{ textAlign: "right" }}>
                {t[key]}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t.source}</Table.Th>
            {canManage && <Table.Th scope="col">{anm.campaigns.actions}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {metrics.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Th scope="row" fw={400}>
                <DateText iso={m.measuredOn} western="title" />
              </Table.Th>
              {FIGURES.map((key) => (
                <Table.Td key={key} style={{ textAlign: "right" }}>
                  {cell(m[key])}
                </Table.Td>
              ))}
              <Table.Td>{t.sourceLabels[m.source]}</Table.Td>
              {canManage && (
                <Table.Td>
                  <ConfirmButton
                    size="compact-sm"
                    variant="default"
                    color="red"
                    message={t.deleteMetricConfirm(warekiOf(m.measuredOn))}
                    onConfirm={async () => {
                      await call(deleteCampaignMetric, { params: { id: campaignId, metricId: m.id } });
                      await queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
                      flash.show(t.metricDeleted(warekiOf(m.measuredOn)));
                    }}
                  >
                    {t.deleteMetric}
                  </ConfirmButton>
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function CampaignPage({ id }: { id: string }) {
  const result = useCampaign(id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [editing, setEditing] = useState(false);
  const c = result.data;
  if (result.isPending) return <Loading />;
  if (result.error || !c) return <ErrorAlert error={result.error} />;
  const effect = campaignEffect({
    costYen: c.costYen,
    reach: c.latest?.reach ?? null,
    visits: c.visits,
    visitors: c.visitors,
    lastingVisits: c.lastingVisits,
  });
  const yenOrNone = (value: number | null) => (value === null ? anm.comparison.notComputable : anm.yen(value));
  return (
    <>
      <PageHeader
        title={c.name}
        breadcrumbs={[
          { label: anm.crumbs.region, href: "/region" },
          { label: anm.crumbs.campaigns, href: "/region/campaigns" },
          { label: c.name },
        ]}
        badges={c.isSample ? <SampleBadge /> : undefined}
        actions={
          c.canManage ? (
            <>
              <Button variant="default" onClick={() => setEditing(true)}>
                {anm.campaigns.edit}
              </Button>
              <ConfirmButton
                variant="default"
                color="red"
                message={anm.campaigns.deleteConfirm(c.name)}
                onConfirm={async () => {
                  await call(deleteCampaign, { params: { id: c.id }, query: { version: c.version } });
                  await queryClient.invalidateQueries({ queryKey: analyticsKeys.all });
                  flash.show(anm.campaigns.deleted(c.name));
                  await navigate({ to: "/region/campaigns" as never });
                }}
              >
                {anm.campaigns.delete}
              </ConfirmButton>
            </>
          ) : undefined
        }
      />
      <AnalyticsNav />
      <Stack gap="md">
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <DetailField label={anm.campaigns.channel}>
              {CAMPAIGN_CHANNEL_LABELS[c.channel]}・{CAMPAIGN_KIND_LABELS[c.kind]}
            </DetailField>
            <DetailField label={anm.campaigns.period}>
              <DateText iso={c.publishedOn} />〜{c.endsOn ? <DateText iso={c.endsOn} /> : ""}（{fiscalYearLabel(c.fiscalYear)}）
            </DetailField>
            <DetailField label={anm.campaigns.costYen}>{anm.yen(c.costYen)}</DetailField>
            <DetailField label={anm.campaigns.tag}>{c.tag}</DetailField>
            <DetailField label={anm.campaigns.link}>
              <CampaignLink link={c.link} />
            </DetailField>
            <DetailField label={anm.campaigns.notes}>{c.notes || anm.dash}</DetailField>
          </SimpleGrid>
        </Paper>
        <Title order={2} size="h4">
          {t.attribution}
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
          <Figure label={t.visits} value={anm.count(c.visits)} />
          <Figure label={t.visitors} value={anm.people(c.visitors)} />
          <Figure label={t.costPerVisit} value={yenOrNone(effect.costPerVisit)} />
          <Figure label={t.costPerVisitor} value={yenOrNone(effect.costPerVisitor)} />
          <Figure
            label={t.lasting}
            value={effect.lastingShare === null ? anm.dash : `${(effect.lastingShare * 100).toFixed(1)}%`}
            help={anm.count(c.lastingVisits)}
          />
        </SimpleGrid>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb={4}>
            {t.metrics}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t.metricsIntro}
          </Text>
          <MetricTable campaignId={c.id} metrics={c.metrics} canManage={c.canManage} />
          {c.canManage && (
            <Paper withBorder p="md" mt="md">
              <MetricForm campaignId={c.id} />
            </Paper>
          )}
        </Paper>
      </Stack>
      {editing && <CampaignDialog campaign={c} onClose={() => setEditing(false)} />}
    </>
  );
}
