// /zones/proposals/$id 「規制改革提案」: everything about one proposal — its content (field, measure, partners, the
// regulations that block the business, business plan, necessity, research notes), the step timeline with 和暦 dates,
// rounds, answers, reasons and days per step, the rounds of request and answer, days by state, 「次の手続へ」 (only the
// moves the server allows), documents per step, its meetings, and the print (Word / PDF) in the national form's items.
import { Alert, Button, Grid, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { type ProposalDetail, type ProposalStepView, printProposal } from "../../../common/api/zones";
import { todayInJapan } from "../../../common/dates";
import {
  MEASURE_KIND_LABELS,
  MEASURE_SCOPE_LABELS,
  PARTNER_KIND_LABELS,
  PROPOSAL_FIELD_LABELS,
} from "../../../common/zones/proposal-fields";
import { ANSWER_KIND_LABELS } from "../../../common/zones/proposal-states";
import { urlFor } from "../../api/client";
import { MeetingsSection } from "../../meetings/MeetingsSection";
import { type Column, DataTable } from "../../ui/DataTable";
import { DetailField } from "../../ui/DetailField";
import { DateText, DateTimeText } from "../../ui/dates";
import { isNotFound } from "../../ui/errors";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { QueryBoundary } from "../../ui/QueryBoundary";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { StateBadge, ZonesNav } from "./components";
import { MoveDialog } from "./MoveDialog";
import { zm } from "./messages";
import { ProposalDocuments } from "./ProposalDocuments";
import { roundsOf } from "./proposal-rounds";
import { useProposal } from "./queries";

const t = zm.proposal;

function Actions({ proposal }: { proposal: ProposalDetail }) {
  const [moving, setMoving] = useState(false);
  return (
    <>
      {proposal.canManage && !proposal.isEnded && proposal.nextMoves.length > 0 && (
        <Button onClick={() => setMoving(true)}>{t.move}</Button>
      )}
      {proposal.canManage && (
        <ButtonLink to={`/zones/proposals/${proposal.id}/edit` as never} variant="default">
          {t.edit}
        </ButtonLink>
      )}
      <Button
        component="a"
        variant="default"
        href={urlFor(printProposal, { params: { id: proposal.id }, query: { format: "docx" } })}
        download
        title={t.printHelp}
      >
        {t.word}
      </Button>
      <Button
        component="a"
        variant="default"
        href={urlFor(printProposal, { params: { id: proposal.id }, query: { format: "pdf" } })}
        download
        title={t.printHelp}
      >
        {t.pdf}
      </Button>
      {moving && <MoveDialog proposal={proposal} onClose={() => setMoving(false)} />}
    </>
  );
}

function Written({ value }: { value: string }) {
  return value.trim() ? value : <span className="yk-muted">{t.empty}</span>;
}

function Details({ proposal }: { proposal: ProposalDetail }) {
  const current = proposal.steps[proposal.steps.length - 1];
  return (
    <Section id="zones-details" title={t.details}>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          <DetailField label={t.field}>{PROPOSAL_FIELD_LABELS[proposal.field]}</DetailField>
          <DetailField label={t.measure}>
            {MEASURE_SCOPE_LABELS[proposal.measureScope]}・{MEASURE_KIND_LABELS[proposal.measureKind]}
          </DetailField>
          <DetailField label={t.state}>
            <StateBadge state={proposal.state} label={proposal.stateLabel} />{" "}
            {current && !proposal.isEnded && <span>{t.since(proposal.daysInState)}</span>}
          </DetailField>
          <DetailField label={t.proposedOn}>{proposal.proposedOn ? <DateText iso={proposal.proposedOn} /> : t.notProposed}</DetailField>
          <DetailField label={t.totalDays}>{zm.days(proposal.totalDays)}</DetailField>
          <DetailField label={t.updatedAt}>
            <DateTimeText timestamp={proposal.updatedAt} />
          </DetailField>
        </SimpleGrid>
        <DetailField label={t.summary}>
          <Written value={proposal.summary} />
        </DetailField>
        <DetailField label={t.businessPlan}>
          <Written value={proposal.businessPlan} />
        </DetailField>
        <DetailField label={t.necessity}>
          <Written value={proposal.necessity} />
        </DetailField>
        <DetailField label={t.researchNotes}>
          <Written value={proposal.researchNotes} />
        </DetailField>
      </Stack>
    </Section>
  );
}

function Partners({ proposal }: { proposal: ProposalDetail }) {
  return (
    <Section id="zones-partners" title={t.partners}>
      <DataTable
        caption={t.partnersCaption}
        captionHidden
        minWidth={420}
        rows={proposal.partners}
        rowKey={(p) => p.id}
        empty={t.noPartners}
        columns={[
          { key: "name", header: t.partnerName, rowHeader: true, render: (p) => p.name },
          { key: "kind", header: t.partnerKind, nowrap: true, render: (p) => PARTNER_KIND_LABELS[p.kind] },
          { key: "role", header: t.partnerRole, render: (p) => p.role || zm.dash },
        ]}
      />
    </Section>
  );
}

function Regulations({ proposal }: { proposal: ProposalDetail }) {
  return (
    <Section id="zones-regulations" title={t.regulations}>
      <DataTable
        caption={t.regulationsCaption}
        captionHidden
        minWidth={560}
        rows={proposal.regulations}
        rowKey={(r) => r.id}
        empty={t.noRegulations}
        columns={[
          { key: "law", header: t.law, rowHeader: true, render: (r) => r.law },
          { key: "article", header: t.article, render: (r) => r.article || zm.dash },
          { key: "ministry", header: t.ministry, nowrap: true, render: (r) => r.ministry },
          { key: "note", header: t.regulationNote, render: (r) => r.note || zm.dash },
        ]}
      />
    </Section>
  );
}

function Timeline({ proposal }: { proposal: ProposalDetail }) {
  const lastId = proposal.steps[proposal.steps.length - 1]?.id;
  const columns: Column<ProposalStepView>[] = [
    { key: "date", header: t.stepDate, nowrap: true, render: (s) => <DateText iso={s.date} /> },
    {
      key: "step",
      header: t.step,
      rowHeader: true,
      render: (s) => (
        <Group gap={6} wrap="wrap">
          <StateBadge state={s.state} label={s.label} />
          {s.id === lastId && !proposal.isEnded && (
            <Text size="xs" fw={700}>
              {t.current}
            </Text>
          )}
        </Group>
      ),
    },
    { key: "answer", header: t.answer, nowrap: true, render: (s) => (s.answer ? ANSWER_KIND_LABELS[s.answer] : zm.dash) },
    {
      key: "days",
      header: t.stepDays,
      align: "right",
      nowrap: true,
      render: (s) => (s.id === lastId && proposal.isEnded ? zm.dash : zm.days(s.days)),
    },
    {
      key: "reason",
      header: `${t.reason}・${t.note}`,
      render: (s) => (
        <Stack gap={2}>
          {s.skipReason && (
            <Text size="sm">
              <Text span fw={700} size="sm">
                {t.reason}：
              </Text>
              {s.skipReason}
            </Text>
          )}
          {s.note && <Text size="sm">{s.note}</Text>}
          {!s.skipReason && !s.note && zm.dash}
        </Stack>
      ),
    },
    {
      key: "recorded",
      header: t.recordedBy,
      render: (s) => (
        <Text size="xs">
          {s.recordedByName ?? zm.dash}
          <br />
          <DateTimeText timestamp={s.recordedAt} />
        </Text>
      ),
    },
  ];
  return (
    <Section id="zones-timeline" title={t.timeline} titleGap="xs">
      <Text size="sm" c="dimmed" mb="sm">
        {t.timelineHelp}
      </Text>
      <DataTable caption={t.timelineCaption} captionHidden columns={columns} rows={proposal.steps} rowKey={(s) => s.id} minWidth={860} />
    </Section>
  );
}

function Rounds({ proposal }: { proposal: ProposalDetail }) {
  const rounds = roundsOf(proposal.steps, todayInJapan());
  return (
    <Section id="zones-rounds" title={t.rounds}>
      <DataTable
        caption={t.roundsCaption}
        captionHidden
        minWidth={360}
        rows={rounds}
        rowKey={(r) => String(r.round)}
        empty={t.noRounds}
        columns={[
          { key: "round", header: t.round, rowHeader: true, nowrap: true, render: (r) => t.roundOf(r.round) },
          { key: "requested", header: t.roundRequest, nowrap: true, render: (r) => <DateText iso={r.requestedOn} western="title" /> },
          {
            key: "answer",
            header: t.roundAnswer,
            render: (r) =>
              r.answeredOn ? (
                <>
                  <DateText iso={r.answeredOn} western="title" />
                  {r.answer && (
                    <Text size="sm" fw={700}>
                      {ANSWER_KIND_LABELS[r.answer]}
                    </Text>
                  )}
                </>
              ) : (
                <Text size="sm" fw={700} c="#6b3d00">
                  {t.waiting}
                </Text>
              ),
          },
          { key: "days", header: t.roundDays, align: "right", nowrap: true, render: (r) => zm.days(r.days) },
        ]}
      />
    </Section>
  );
}

function DaysByState({ proposal }: { proposal: ProposalDetail }) {
  return (
    <Section id="zones-days" title={t.daysByState}>
      <DataTable
        caption={t.daysByStateCaption}
        captionHidden
        minWidth={280}
        rows={proposal.daysByState}
        rowKey={(d) => d.state}
        columns={[
          { key: "state", header: t.step, rowHeader: true, render: (d) => d.label },
          { key: "days", header: t.stepDays, align: "right", nowrap: true, render: (d) => zm.days(d.days) },
        ]}
      />
    </Section>
  );
}

export function ProposalPage({ id }: { id: string }) {
  const query = useProposal(id);
  const crumbs = [
    { label: zm.crumbs.zones, href: "/zones" },
    { label: zm.crumbs.proposals, href: "/zones/proposals" },
  ];
  if (isNotFound(query.error))
    return (
      <>
        <PageHeader title={t.breadcrumb} breadcrumbs={crumbs} />
        <Alert color="gray" role="status">
          {t.notFound}
        </Alert>
      </>
    );
  return (
    <QueryBoundary query={query} title={t.breadcrumb}>
      {(proposal) => (
        <>
          <PageHeader
            title={proposal.title}
            breadcrumbs={[...crumbs, { label: proposal.title }]}
            badges={
              <>
                <StateBadge state={proposal.state} label={proposal.stateLabel} size="md" />
                {proposal.isSample && <SampleBadge />}
              </>
            }
            subtitle={proposal.partners.map((p) => p.name).join("・") || undefined}
            actions={<Actions proposal={proposal} />}
          />
          <ZonesNav canManage={proposal.canManage} />
          {proposal.isEnded && (
            <Alert color="gray" mb="md" role="status">
              {t.ended}
            </Alert>
          )}
          {!proposal.canManage && (
            <Text size="sm" c="dimmed" mb="md">
              {t.readOnly}
            </Text>
          )}
          <Stack gap="lg">
            <Details proposal={proposal} />
            <Timeline proposal={proposal} />
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, lg: 7 }}>
                <Rounds proposal={proposal} />
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 5 }}>
                <DaysByState proposal={proposal} />
              </Grid.Col>
            </Grid>
            <Partners proposal={proposal} />
            <Regulations proposal={proposal} />
            <ProposalDocuments proposal={proposal} />
            <MeetingsSection ownerKind="zones.proposal" ownerId={proposal.id} />
          </Stack>
        </>
      )}
    </QueryBoundary>
  );
}
