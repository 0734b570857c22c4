// /international 「国際」: the module's home — how many projects, this 年度's trips, the overdue trip reports (flagged,
// each linked to its trip), and a card for every page of the module.
import { Alert, Group, List, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { listProjects, listTrips } from "../../../common/api/international";
import { call } from "../../api/client";
import { DateText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { currentFiscalYear } from "../../ui/FiscalYear";
import { InternalLink } from "../../ui/InternalLink";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { InternationalNav, Loading, OverdueBadge } from "./components";
import { gm } from "./groupMessages";
import { im } from "./messages";
import { internationalKeys, useInternationalAccess, useOverdueReports } from "./queries";

const t = im.home;
/** Links on the light red alert: Mantine's blue falls short of 4.5:1 there. */
const LINK_ON_RED = "#0b3d91";

export function HomePage() {
  const router = useRouter();
  const access = useInternationalAccess();
  const fiscalYear = currentFiscalYear();
  const projects = useQuery({
    queryKey: internationalKeys.projects({ pageSize: 1 }),
    queryFn: () => call(listProjects, { query: { page: 1, pageSize: 1, sort: "-updatedAt" } }),
  });
  const active = useQuery({
    queryKey: internationalKeys.projects({ pageSize: 1, status: "active" }),
    queryFn: () => call(listProjects, { query: { page: 1, pageSize: 1, status: "active", sort: "-updatedAt" } }),
  });
  const trips = useQuery({
    queryKey: internationalKeys.trips({ pageSize: 1, fiscalYear }),
    queryFn: () => call(listTrips, { query: { page: 1, pageSize: 1, fiscalYear, sort: "-departsOn" } }),
  });
  const overdue = useOverdueReports();
  const canCreate = access.data?.canCreate === true;
  const registered = (path: string) => path in (router.routesByPath as Record<string, unknown>);
  const pages: { href: string; label: string; description: string; show: boolean }[] = [
    { href: "/international/projects", label: im.nav.projects, description: t.pageDescriptions.projects, show: true },
    { href: "/international/trips", label: im.nav.trips, description: t.pageDescriptions.trips, show: true },
    { href: "/international/partners", label: im.nav.partners, description: t.pageDescriptions.partners, show: true },
    { href: "/international/groups", label: gm.navLabel, description: gm.homeDescription, show: registered("/international/groups") },
    { href: "/international/map", label: im.nav.map, description: t.pageDescriptions.map, show: registered("/international/map") },
    {
      href: "/international/totals",
      label: im.nav.totals,
      description: t.pageDescriptions.totals,
      show: registered("/international/totals"),
    },
    {
      href: "/international/settings",
      label: im.nav.settings,
      description: t.pageDescriptions.settings,
      show: access.data?.manager === true,
    },
  ];
  const overdueItems = overdue.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        actions={
          canCreate ? (
            <>
              <ButtonLink to="/international/projects/new">{t.newProject}</ButtonLink>
              <ButtonLink to="/international/trips/new" variant="default">
                {t.newTrip}
              </ButtonLink>
            </>
          ) : null
        }
      />
      <InternationalNav />
      <Stack gap="lg">
        {overdueItems.length > 0 && (
          <Alert color="red" variant="light" role="alert" title={t.overdueCard} className="yk-alert">
            <Stack gap="xs">
              <Text fw={700}>{t.overdueCount(overdueItems.length)}</Text>
              <List spacing={4}>
                {overdueItems.map((trip) => (
                  <List.Item key={trip.id}>
                    <Group gap={6} wrap="wrap">
                      <AnchorLink to="/international/trips/$id" params={{ id: trip.id }} fw={600} c={LINK_ON_RED}>
                        {trip.title}
                      </AnchorLink>
                      <Text span size="sm">
                        {trip.ownerName}
                      </Text>
                      <Text span size="sm">
                        {t.overdueDue} <DateText iso={trip.reportDueOn} western="title" />
                      </Text>
                      <OverdueBadge size="xs" />
                    </Group>
                  </List.Item>
                ))}
              </List>
              <AnchorLink to="/international/trips" search={{ overdue: true }} size="sm" c={LINK_ON_RED}>
                {t.overdueAll}
              </AnchorLink>
            </Stack>
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Paper withBorder p="lg" component="section" aria-labelledby="intl-home-projects">
            <Title order={2} id="intl-home-projects" className="yk-section-title" mb="xs">
              {t.projectsCard}
            </Title>
            {projects.error ? <ErrorAlert error={projects.error} /> : null}
            {projects.data ? (
              <Stack gap={4}>
                <Text fz="xl" fw={700}>
                  {t.projectsCount(projects.data.total)}
                </Text>
                {active.data && <Text size="sm">{t.projectsActive(active.data.total)}</Text>}
                <AnchorLink to="/international/projects" size="sm">
                  {t.toProjects}
                </AnchorLink>
              </Stack>
            ) : projects.isPending ? (
              <Loading />
            ) : null}
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="intl-home-trips">
            <Title order={2} id="intl-home-trips" className="yk-section-title" mb="xs">
              {t.tripsCard(fiscalYearLabel(fiscalYear))}
            </Title>
            {trips.error ? <ErrorAlert error={trips.error} /> : null}
            {trips.data ? (
              <Stack gap={4}>
                <Text fz="xl" fw={700}>
                  {t.tripsCount(trips.data.total)}
                </Text>
                <Text size="sm" c="dimmed">
                  （{fiscalYear}年度）
                </Text>
                <AnchorLink to="/international/trips" search={{ fiscalYear }} size="sm">
                  {t.toTrips}
                </AnchorLink>
              </Stack>
            ) : trips.isPending ? (
              <Loading />
            ) : null}
          </Paper>
          <Paper withBorder p="lg" component="section" aria-labelledby="intl-home-overdue">
            <Title order={2} id="intl-home-overdue" className="yk-section-title" mb="xs">
              {t.overdueCard}
            </Title>
            {overdue.error ? <ErrorAlert error={overdue.error} /> : null}
            {overdue.data ? (
              overdueItems.length === 0 ? (
                <Text size="sm">{t.overdueNone}</Text>
              ) : (
                <Stack gap={4}>
                  <Group gap="xs">
                    <Text fz="xl" fw={700} c="#9b1c1c">
                      {im.count(overdueItems.length)}
                    </Text>
                    <OverdueBadge />
                  </Group>
                  <AnchorLink to="/international/trips" search={{ overdue: true }} size="sm">
                    {t.overdueAll}
                  </AnchorLink>
                </Stack>
              )
            ) : overdue.isPending ? (
              <Loading />
            ) : null}
          </Paper>
        </SimpleGrid>
        <Paper withBorder p="lg" component="section" aria-labelledby="intl-home-pages">
          <Title order={2} id="intl-home-pages" className="yk-section-title" mb="sm">
            {t.pagesHeading}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            {pages
              .filter((page) => page.show)
              .map((page) => (
                <Stack key={page.href} gap={2}>
                  <InternalLink href={page.href} fw={700}>
                    {page.label}
                  </InternalLink>
                  <Text size="sm" c="dimmed">
                    {page.description}
                  </Text>
                </Stack>
              ))}
          </SimpleGrid>
        </Paper>
      </Stack>
    </>
  );
}
