// /region/analytics 「情報ハブのアクセス解析」: a period (直近30日・今月・先月・今年度, or any dates) and a 市町 (staff: any or
// all; a 市町 editor: its own), the visits and visitors of the period with their daily trend, and the breakdowns by
// page kind, 市町, item, referrer, promotion and language; Excel and CSV of the same figures. The conditions live in
// the URL, so a view can be bookmarked or sent.
import { Box, Button, Group, List, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { exportAnalyticsCsv, exportAnalyticsXlsx } from "../../../common/api/region-analytics";
import { parseJapaneseDate, todayInJapan } from "../../../common/dates";
import { ANALYTICS_PRESET_LABELS, ANALYTICS_PRESETS, periodProblem, presetPeriod } from "../../../common/region/analytics-period";
import { CAMPAIGN_CHANNEL_LABELS } from "../../../common/region/campaign-effect";
import { urlFor } from "../../api/client";
import { useCurrentUser } from "../../auth/session";
import { warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { AnalyticsNav, CountTable, Figure } from "./AnalyticsParts";
import { AnalyticsTrendChart } from "./AnalyticsTrendChart";
import { anm } from "./analyticsMessages";
import { type AnalyticsSearch, municipalityCodeOf, periodOf, useAnalytics } from "./analyticsQueries";

const t = anm.analytics;

function PeriodForm({ search }: { search: AnalyticsSearch }) {
  const navigate = useNavigate();
  const current = periodOf(search);
  // the fields show 和暦, as staff write dates; 西暦 and other forms are read too
  const [from, setFrom] = useState(warekiOf(current.from));
  const [to, setTo] = useState(warekiOf(current.to));
  const [problem, setProblem] = useState<string | null>(null);
  const go = (period: { from: string; to: string }) => {
    setFrom(warekiOf(period.from));
    setTo(warekiOf(period.to));
    setProblem(null);
    void navigate({ to: "/region/analytics" as never, search: { ...search, ...period } as never });
  };
  const today = todayInJapan();
  return (
    <Stack gap="xs">
      <Group gap={6} role="group" aria-label={t.presets} wrap="wrap">
        {ANALYTICS_PRESETS.map((preset) => {
          const p = presetPeriod(preset, today);
          const active = p.from === current.from && p.to === current.to;
          return (
            <Button key={preset} size="compact-md" variant={active ? "filled" : "default"} aria-pressed={active} onClick={() => go(p)}>
              {ANALYTICS_PRESET_LABELS[preset]}
            </Button>
          );
        })}
      </Group>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const a = parseJapaneseDate(from);
          const b = parseJapaneseDate(to);
          const period = a && b ? { from: a.iso, to: b.iso } : null;
          const wrong = period ? periodProblem(period) : t.invalid;
          if (!period || wrong) return setProblem(wrong);
          go(period);
        }}
        noValidate
      >
        <Group align="flex-start" gap="sm" wrap="wrap">
          <JapaneseDateInput label={t.from} value={from} onChange={(value) => setFrom(value)} w={230} />
          <JapaneseDateInput label={t.to} value={to} onChange={(value) => setTo(value)} w={230} error={problem} />
          <Button type="submit" mt={25} variant="default">
            {t.show}
          </Button>
        </Group>
      </form>
    </Stack>
  );
}

export function AnalyticsPage({ search }: { search: AnalyticsSearch }) {
  const navigate = useNavigate();
  const user = useCurrentUser();
  const period = periodOf(search);
  const municipality = municipalityCodeOf(search);
  const query = { ...period, municipality };
  const result = useAnalytics(query);
  const d = result.data;
  const isStaff = user.role !== "partner";
  return (
    <>
      <PageHeader
        title={t.title}
        breadcrumbs={isStaff ? [{ label: anm.crumbs.region, href: "/region" }, { label: anm.crumbs.analytics }] : undefined}
        subtitle={d?.municipalityFixed && d.municipality ? t.introMunicipality(d.municipality.name) : t.intro}
        actions={
          <>
            <Button component="a" variant="default" href={urlFor(exportAnalyticsXlsx, { query })} download>
              {t.excel}
            </Button>
            <Button component="a" variant="default" href={urlFor(exportAnalyticsCsv, { query })} download>
              {t.csv}
            </Button>
          </>
        }
      />
      {isStaff && <AnalyticsNav />}
      <Stack gap="md">
        <Paper withBorder p="md">
          <Stack gap="sm">
            <PeriodForm key={`${period.from}-${period.to}`} search={search} />
            {d && !d.municipalityFixed && (
              <NativeSelect
                label={t.municipality}
                value={municipality ?? ""}
                onChange={(event) =>
                  navigate({
                    to: "/region/analytics" as never,
                    search: { ...period, municipality: event.currentTarget.value ? Number(event.currentTarget.value) : undefined } as never,
                  })
                }
                data={[{ value: "", label: t.allMunicipalities }, ...d.municipalities.map((m) => ({ value: m.code, label: m.name }))]}
                w={260}
              />
            )}
          </Stack>
        </Paper>
        {result.isPending ? (
          <Loading />
        ) : result.error || !d ? (
          <ErrorAlert error={result.error} />
        ) : (
          <>
            <Text size="sm" aria-live="polite">
              {t.period}: {warekiOf(d.period.from)}〜{warekiOf(d.period.to)}（{d.period.days}日間）
              {d.municipality ? `・${d.municipality.name}` : ""}
            </Text>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <Figure label={t.visits} value={anm.count(d.totals.visits)} help={t.visitsHelp} />
              <Figure label={t.visitors} value={anm.people(d.totals.visitors)} help={t.visitorsHelp} />
              <Figure
                label={t.perDay}
                value={anm.count(Math.round(d.totals.visits / Math.max(1, d.period.days)))}
                help={d.totals.sampleVisits > 0 ? t.samples(d.totals.sampleVisits) : undefined}
              />
            </SimpleGrid>
            <Section id="analytics-trend" title={t.trend}>
              <AnalyticsTrendChart d={d} />
            </Section>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <CountTable
                caption={t.byPageKind}
                labelHeader={t.pageKind}
                whole={d.totals.visits}
                rows={d.byPageKind.map((r) => ({ key: r.pageKind, label: r.label, visits: r.visits, visitors: r.visitors }))}
                testId="analytics-page-kinds"
              />
              <CountTable
                caption={t.byLang}
                labelHeader={t.lang}
                whole={d.totals.visits}
                rows={d.byLang.map((r) => ({ key: r.lang, label: r.label, visits: r.visits, visitors: r.visitors }))}
              />
              <CountTable
                caption={t.topItems}
                labelHeader={t.item}
                rows={d.topItems.map((r) => ({
                  key: r.itemId,
                  label: `${r.name ?? t.deletedItem}${r.municipalityName ? `（${r.municipalityName}）` : ""}`,
                  visits: r.visits,
                  visitors: r.visitors,
                }))}
                testId="analytics-top-items"
              />
              <CountTable
                caption={t.topReferrers}
                labelHeader={t.referrer}
                whole={d.totals.visits}
                rows={d.topReferrers.map((r) => ({
                  key: r.host || "-",
                  label: r.host || t.direct,
                  visits: r.visits,
                  visitors: r.visitors,
                }))}
                note={t.directHelp}
              />
              <CountTable
                caption={t.byMunicipality}
                labelHeader={t.municipality}
                whole={d.totals.visits}
                rows={d.byMunicipality.map((r) => ({ key: r.code ?? "none", label: r.name, visits: r.visits, visitors: r.visitors }))}
                testId="analytics-municipalities"
              />
              <CountTable
                caption={t.byCampaign}
                labelHeader={t.campaign}
                whole={d.totals.visits}
                rows={d.byCampaign.map((r) => ({
                  key: r.campaignId,
                  label: `${r.name}（${CAMPAIGN_CHANNEL_LABELS[r.channel]}）`,
                  visits: r.visits,
                  visitors: r.visitors,
                }))}
              />
            </SimpleGrid>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="xs">
                {t.byDay}
              </Title>
              {/* a long period's days scroll inside their own region, which takes the keyboard focus to be scrolled */}
              <Box role="region" aria-label={t.byDay} tabIndex={0} mah={420} style={{ overflowY: "auto" }}>
                <CountTable
                  caption={`${t.byDay}（${warekiOf(d.period.from)}〜${warekiOf(d.period.to)}）`}
                  labelHeader={t.day}
                  rows={d.byDay.map((r) => ({ key: r.day, label: warekiOf(r.day), visits: r.visits, visitors: r.visitors }))}
                  testId="analytics-days"
                />
              </Box>
            </Paper>
            <Section id="analytics-method" title={t.method}>
              <List size="sm" spacing={4}>
                {t.methodItems.map((item) => (
                  <List.Item key={item}>{item}</List.Item>
                ))}
              </List>
            </Section>
          </>
        )}
      </Stack>
    </>
  );
}
