// /sdgs/station 「SDGsステーション」: this month's and this fiscal year's figures (from the same statistics as the
// statistics page) and the station's pages.
import { Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { fiscalYearOf, todayInJapan } from "../../../common/dates";
import { fiscalYearLabel, warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { StationNav } from "./StationParts";
import { stm } from "./stationMessages";
import { useStationStatistics } from "./stationQueries";

const t = stm.home;

function Figure({ label, value, to }: { label: string; value: string; to?: string }) {
  return (
    <Paper withBorder p="md">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text fz={26} fw={700} lh={1.3}>
        {to ? <InternalLink href={to}>{value}</InternalLink> : value}
      </Text>
    </Paper>
  );
}

export function StationPage() {
  const today = todayInJapan();
  const fy = fiscalYearOf(today);
  const month = Number(today.slice(5, 7));
  const statistics = useStationStatistics(fy);
  const s = statistics.data;
  const thisMonth = s?.byMonth.find((m) => m.month === month)?.count ?? 0;
  const links = [
    { to: "/sdgs/station/consultations", label: stm.nav.consultations, description: t.linkDescriptions.consultations },
    { to: "/sdgs/station/matchings", label: stm.nav.matchings, description: t.linkDescriptions.matchings },
    { to: "/sdgs/station/posts", label: stm.nav.posts, description: t.linkDescriptions.posts },
    { to: "/sdgs/station/statistics", label: stm.nav.statistics, description: t.linkDescriptions.statistics },
    { to: "/public/sdgs/station", label: stm.nav.publicPage, description: t.linkDescriptions.publicPage },
  ];
  return (
    <>
      <PageHeader title={t.title} breadcrumbs={[{ label: "SDGs", href: "/sdgs" }, { label: t.title }]} subtitle={t.intro} />
      <StationNav />
      <Stack gap="md">
        <Title order={2} size="h4">
          {t.thisMonth(warekiOf(today, "month"))}
        </Title>
        {statistics.isPending ? (
          <Loading />
        ) : !s ? (
          <ErrorAlert error={statistics.error} />
        ) : (
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <Figure
              label={t.consultationsThisMonth}
              value={stm.count(thisMonth)}
              to={`/sdgs/station/consultations?fiscalYear=${fy}&month=${month}`}
            />
            <Figure
              label={`${t.consultationsThisYear}（${fiscalYearLabel(fy)}）`}
              value={stm.count(s.consultations)}
              to={`/sdgs/station/consultations?fiscalYear=${fy}`}
            />
            <Figure label={t.followUpsOpen} value={stm.count(s.followUpsOpen)} to="/sdgs/station/consultations?followUp=open" />
            <Figure label={t.followUpsOverdue} value={stm.count(s.followUpsOverdue)} to="/sdgs/station/consultations?followUp=overdue" />
            <Figure label={t.matchingsRequested} value={stm.count(s.matchingsRequested)} to={`/sdgs/station/matchings?fiscalYear=${fy}`} />
            <Figure label={t.matchingsMade} value={stm.count(s.matchingsMade)} />
            <Figure
              label={t.costPer}
              value={s.costPerConsultation === null ? stm.statistics.costPerMissing : stm.yen(s.costPerConsultation)}
            />
          </SimpleGrid>
        )}
        <Title order={2} size="h4">
          {t.links}
        </Title>
        <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
          {links.map((link) => (
            <Paper key={link.to} withBorder p="md">
              <Title order={3} size="h5">
                <AnchorLink to={link.to as never}>{link.label}</AnchorLink>
              </Title>
              <Text size="sm" mt="xs">
                {link.description}
              </Text>
            </Paper>
          ))}
        </SimpleGrid>
      </Stack>
    </>
  );
}
