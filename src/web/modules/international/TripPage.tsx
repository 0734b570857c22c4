// /international/trips/$id: a 海外出張 — where it is on 計画 → 申請 → 決裁 → 出張中 → 帰庁 → 報告書提出 → 精算 → 完了
// (中止 and 変更 aside), the moves the caller may make now, the report (its form for the owning division and the
// travellers), the travellers and itinerary, the costs planned against settled with totals, the 旅行命令, the history
// of its states, and the disclosure-ready summary as PDF.
import { Alert, Anchor, Group, List, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import {
  COST_KIND_LABELS,
  PAID_BY_LABELS,
  SAFETY_LEVEL_LABELS,
  TRAVELLER_ROLE_LABELS,
  TRIP_STATUS_LABELS,
  type TripDetail,
  tripSummaryPdf,
} from "../../../common/api/international";
import { urlFor } from "../../api/client";
import { DateText, DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { Section } from "../../ui/Section";
import { ReportAttachments, TripAttachmentsSection } from "./Attachments";
import { EmptyState, Field, InternationalNav, Loading, OverdueBadge, SampleBadge, TripStatusBadge } from "./components";
import { im } from "./messages";
import { useTrip } from "./queries";
import { ReportButton, TransitionButtons } from "./TripActions";
import { tripSteps } from "./trip-steps";

const t = im.trip;
const NOWRAP = { whiteSpace: "nowrap" } as const;

export function TripPage({ id }: { id: string }) {
  const trip = useTrip(id);
  const breadcrumbs = [
    { label: im.moduleName, href: "/international" },
    { label: im.trips.title, href: "/international/trips" },
  ];
  if (trip.error) {
    return (
      <>
        <PageHeader title={t.notFound} breadcrumbs={breadcrumbs} />
        <InternationalNav />
        <ErrorAlert error={trip.error} />
      </>
    );
  }
  if (!trip.data) {
    return (
      <>
        <PageHeader title={im.trips.title} breadcrumbs={breadcrumbs} />
        <Loading />
      </>
    );
  }
  return <TripView trip={trip.data} breadcrumbs={breadcrumbs} />;
}

/** The main line of states as an ordered list: done ones ticked, the current one marked (aria-current="step"). */
function TripStepper({ trip }: { trip: TripDetail }) {
  const steps = tripSteps(
    trip.status,
    trip.events.map((e) => e.toStatus),
  );
  return (
    <nav aria-label={t.stepsLabel}>
      <ol style={{ display: "flex", flexWrap: "wrap", gap: 6, listStyle: "none", padding: 0, margin: 0 }}>
        {steps.map((step, i) => (
          <li
            key={step.status}
            aria-current={step.state === "current" ? "step" : undefined}
            style={{
              display: "flex",
              alignItems: "center",
              gap: 6,
              padding: "4px 10px",
              borderRadius: 999,
              border: `1px solid ${step.state === "current" ? "#1c3f8f" : step.state === "done" ? "#8cc9a0" : "#ced4da"}`,
              background: step.state === "current" ? "#1c3f8f" : step.state === "done" ? "#e6f4ea" : "#fff",
              color: step.state === "current" ? "#fff" : step.state === "done" ? "#1e5631" : "#495057",
              fontWeight: step.state === "current" ? 700 : 500,
              fontSize: "var(--mantine-font-size-sm)",
              whiteSpace: "nowrap",
            }}
          >
            <span aria-hidden="true">{step.state === "done" ? "✓" : `${i + 1}`}</span>
            <span>{TRIP_STATUS_LABELS[step.status]}</span>
            {step.state === "done" && <span className="yk-visually-hidden">（済）</span>}
            {step.state === "current" && <span className="yk-visually-hidden">（{t.current}）</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}

function TripView({ trip, breadcrumbs }: { trip: TripDetail; breadcrumbs: { label: string; href: string }[] }) {
  // The server says who may file the report now (帰庁・報告書提出; the owning division or a traveller).
  const mayReport = trip.canFileReport;
  const plannedTotal = trip.costs.reduce((sum, c) => sum + c.planned, 0);
  const settledKnown = trip.costs.some((c) => c.settled !== null);
  const settledTotal = trip.costs.reduce((sum, c) => sum + (c.settled ?? 0), 0);
  const visits = [...trip.visits].sort((a, b) => a.visitOn.localeCompare(b.visitOn));
  const events = [...trip.events].sort((a, b) => b.at.localeCompare(a.at));
  // 計画・変更: every field; after the journey only the settled amounts (精算); in between nothing to edit here.
  const open = trip.status === "planned" || trip.status === "changed";
  const settling = trip.status === "travelling" || trip.status === "returned" || trip.status === "reported" || trip.status === "settled";
  const editable = trip.canEdit && (open || settling);

  return (
    <>
      <PageHeader
        title={trip.title}
        breadcrumbs={[...breadcrumbs, { label: trip.title }]}
        badges={
          <>
            <TripStatusBadge status={trip.status} size="md" />
            {trip.reportOverdue && <OverdueBadge size="md" />}
            {trip.isSample && <SampleBadge />}
          </>
        }
        actions={
          <>
            {editable && (
              <ButtonLink to="/international/trips/$id/edit" params={{ id: trip.id }} variant="default">
                {open ? t.edit : t.editSettledOnly}
              </ButtonLink>
            )}
            <Anchor href={urlFor(tripSummaryPdf, { params: { id: trip.id } })} target="_blank" rel="noopener" fw={600}>
              {t.pdf}
            </Anchor>
          </>
        }
      />
      <InternationalNav />
      <Stack gap="lg">
        {trip.reportOverdue && (
          <Alert color="red" variant="light" role="alert" title={im.status.overdue}>
            {t.overdue} {t.reportDue}: <DateText iso={trip.reportDueOn} />
          </Alert>
        )}
        <Section id="intl-trip-steps" title={t.actions}>
          <Stack gap="md">
            <TripStepper trip={trip} />
            {trip.status === "cancelled" && (
              <Alert color="gray" variant="light" role="note">
                {t.asideCancelled}
                {trip.cancelReason && <Text size="sm">{`${t.cancelReason}: ${trip.cancelReason}`}</Text>}
              </Alert>
            )}
            {trip.status === "changed" && (
              <Alert color="yellow" variant="light" role="note">
                {t.asideChanged}
              </Alert>
            )}
            <Group gap="sm" wrap="wrap" align="center">
              <TransitionButtons trip={trip} quiet={mayReport} />
              {mayReport && <ReportButton trip={trip} />}
            </Group>
          </Stack>
        </Section>

        <Section id="intl-trip-basics" title={t.basics}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <Field label={t.owner}>{trip.ownerName}</Field>
            <Field label={t.period}>
              <span style={NOWRAP}>
                <DateText iso={trip.departsOn} />〜
              </span>
              <span style={NOWRAP}>
                <DateText iso={trip.returnsOn} />
              </span>
            </Field>
            <Field label={t.companions}>{trip.companions || im.dash}</Field>
            {trip.sourceKey && <Field label={t.sourceKey}>{trip.sourceKey}</Field>}
          </SimpleGrid>
          <Stack gap="md" mt="md">
            <Field label={t.purpose}>{trip.purpose || im.dash}</Field>
            <Field label={t.projects}>
              {trip.projects.length === 0 ? (
                t.noProjects
              ) : (
                <Group gap="md" wrap="wrap">
                  {trip.projects.map((p) => (
                    <AnchorLink key={p.id} to="/international/projects/$id" params={{ id: p.id }}>
                      {p.name}
                    </AnchorLink>
                  ))}
                </Group>
              )}
            </Field>
          </Stack>
        </Section>

        <Section id="intl-trip-report" title={t.report}>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Field label={t.reportDue}>
              <DateText iso={trip.reportDueOn} />
            </Field>
            <Field label={t.reportFiled}>{trip.reportFiledOn ? <DateText iso={trip.reportFiledOn} /> : t.reportNotFiled}</Field>
            <Field label={t.reportPublic}>
              {trip.reportFiledOn ? (trip.reportPublic ? t.reportPublicYes : t.reportPublicNo) : im.dash}
            </Field>
          </SimpleGrid>
          {trip.reportFiledOn && (
            <Stack gap="md" mt="md">
              <Field label={t.results}>{trip.reportResults || im.dash}</Field>
              <Field label={t.followup}>{trip.reportFollowup || im.dash}</Field>
            </Stack>
          )}
          <ReportAttachments tripId={trip.id} />
        </Section>

        <Section id="intl-trip-travellers" title={t.travellers}>
          <List spacing={4}>
            {trip.travellers.map((p) => (
              <List.Item key={`${p.userId ?? ""}-${p.name}-${p.role}`}>
                <strong>{p.name}</strong>（{TRAVELLER_ROLE_LABELS[p.role]}・{t.paidBy}: {PAID_BY_LABELS[p.paidBy]}）
              </List.Item>
            ))}
          </List>
        </Section>

        <Section id="intl-trip-visits" title={t.visits}>
          {visits.length === 0 ? (
            <EmptyState>{t.noVisits}</EmptyState>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard users.
            <section className="yk-table-scroll" tabIndex={0} aria-label={t.visits}>
              <Table withTableBorder striped miw={900} className="yk-table">
                <caption className="yk-visually-hidden">{t.visits}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.visitOn}</Table.Th>
                    <Table.Th scope="col">{t.country}</Table.Th>
                    <Table.Th scope="col">{t.city}</Table.Th>
                    <Table.Th scope="col">{t.organisation}</Table.Th>
                    <Table.Th scope="col">{t.counterpart}</Table.Th>
                    <Table.Th scope="col">{t.visitPurpose}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {visits.map((v) => (
                    <Table.Tr key={`${v.visitOn}-${v.country}-${v.city}-${v.organisation}-${v.counterpart}`}>
                      <Table.Th scope="row" fw={500} style={{ whiteSpace: "nowrap" }}>
                        <DateText iso={v.visitOn} western="title" />
                      </Table.Th>
                      <Table.Td>{v.country}</Table.Td>
                      <Table.Td>
                        {v.partnerId ? (
                          <AnchorLink to="/international/partners/$id" params={{ id: v.partnerId }}>
                            {v.city}
                          </AnchorLink>
                        ) : (
                          v.city
                        )}
                      </Table.Td>
                      <Table.Td>{v.organisation || im.dash}</Table.Td>
                      <Table.Td>{v.counterpart || im.dash}</Table.Td>
                      <Table.Td>{v.purpose || im.dash}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </section>
          )}
        </Section>

        <Section id="intl-trip-costs" title={t.costs}>
          {trip.costs.length === 0 ? (
            <EmptyState>{t.noCosts}</EmptyState>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard users.
            <section className="yk-table-scroll" tabIndex={0} aria-label={t.costs}>
              <Table withTableBorder striped miw={640} className="yk-table">
                <caption className="yk-visually-hidden">{t.costs}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.costKind}</Table.Th>
                    <Table.Th scope="col">{t.costDescription}</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {t.planned}
                    </Table.Th>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {t.settled}
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {trip.costs.map((c) => (
                    <Table.Tr key={`${c.costKind}-${c.description}-${c.planned}-${c.settled}`}>
                      <Table.Th scope="row" fw={500}>
                        {COST_KIND_LABELS[c.costKind]}
                      </Table.Th>
                      <Table.Td>{c.description || im.dash}</Table.Td>
                      <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>{im.yen(c.planned)}</Table.Td>
                      <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>{im.yen(c.settled)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
                <Table.Tfoot>
                  <Table.Tr>
                    <Table.Th scope="row" colSpan={2}>
                      {t.total}
                    </Table.Th>
                    <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap", fontWeight: 700 }}>{im.yen(plannedTotal)}</Table.Td>
                    <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap", fontWeight: 700 }}>
                      {settledKnown ? im.yen(settledTotal) : im.dash}
                    </Table.Td>
                  </Table.Tr>
                  {settledKnown && (
                    <Table.Tr>
                      <Table.Th scope="row" colSpan={3}>
                        {t.difference}
                      </Table.Th>
                      <Table.Td style={{ textAlign: "right", whiteSpace: "nowrap" }}>
                        {settledTotal - plannedTotal >= 0 ? "+" : "−"}
                        {im.yen(Math.abs(settledTotal - plannedTotal))}
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Table.Tfoot>
              </Table>
            </section>
          )}
        </Section>

        <Section id="intl-trip-approval" title={t.approval}>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
            <Field label={t.approvedBy}>{trip.approvedBy || t.notYet}</Field>
            <Field label={t.approvedOn}>{trip.approvedOn ? <DateText iso={trip.approvedOn} /> : im.dash}</Field>
            <Field label={t.conditions}>{trip.approvalConditions || im.dash}</Field>
            <Field label={t.safetyLevel}>
              {trip.safetyLevel === null ? im.dash : (SAFETY_LEVEL_LABELS[trip.safetyLevel] ?? String(trip.safetyLevel))}
            </Field>
          </SimpleGrid>
        </Section>

        <TripAttachmentsSection tripId={trip.id} />

        <Section id="intl-trip-events" title={t.events}>
          {events.length === 0 ? (
            <EmptyState>{t.noEvents}</EmptyState>
          ) : (
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be focusable for keyboard users.
            <section className="yk-table-scroll" tabIndex={0} aria-label={t.events}>
              <Table withTableBorder striped miw={640} className="yk-table">
                <caption className="yk-visually-hidden">{t.events}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t.eventAt}</Table.Th>
                    <Table.Th scope="col">{t.eventChange}</Table.Th>
                    <Table.Th scope="col">{t.eventActor}</Table.Th>
                    <Table.Th scope="col">{t.eventNote}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {events.map((e) => (
                    <Table.Tr key={`${e.at}-${e.fromStatus}-${e.toStatus}`}>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        <DateTimeText timestamp={e.at} />
                      </Table.Td>
                      <Table.Td style={{ whiteSpace: "nowrap" }}>
                        {e.fromStatus ? `${TRIP_STATUS_LABELS[e.fromStatus]} → ` : ""}
                        {TRIP_STATUS_LABELS[e.toStatus]}
                      </Table.Td>
                      <Table.Td>{e.actorName}</Table.Td>
                      <Table.Td style={{ whiteSpace: "pre-wrap" }}>{e.note || im.dash}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </section>
          )}
        </Section>
      </Stack>
    </>
  );
}
