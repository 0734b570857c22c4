// /sdgs/company: a company's own start page — its applications (状態, 提出日, 自己評価点, 認証区分), the rounds open
// today with 「申請を始める」 (the kinds it may apply with; the reason beside those it may not), and its certifications
// with their state badges and the progress reports due.
import { Alert, Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import {
  type ApplicationSummary,
  type CompanyCertification,
  createCompanyApplication,
  type OpenRound,
} from "../../../common/api/sdgs-company";
import { APPLICATION_KIND_LABELS, type ApplicationKind } from "../../../common/sdgs/labels";
import { call } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { cm } from "./companyMessages";
import { companyKeys, useCompanyApplications, useCompanyCertifications, useOpenRounds } from "./companyQueries";

const STATUS_TONE: Record<string, StatusTone> = {
  draft: "neutral",
  submitted: "done",
  returned: "warning",
  screening: "done",
  review: "done",
  committee: "done",
  certified: "good",
  refused: "danger",
  withdrawn: "neutral",
};

const STATE_TONE: Record<CompanyCertification["state"], StatusTone> = {
  active: "good",
  report_due: "danger",
  expiring: "warning",
  renewed: "done",
  expired: "neutral",
  revoked: "danger",
};

function StartApplication({ round }: { round: OpenRound }) {
  const allowed = round.kinds.filter((k) => k.allowed);
  const [kind, setKind] = useState<ApplicationKind | "">(allowed[0]?.kind ?? "");
  const navigate = useNavigate();
  const client = useQueryClient();
  const start = useMutation({
    mutationFn: () => call(createCompanyApplication, { body: { roundId: round.id, kind: kind as ApplicationKind } }),
    onSuccess: async ({ id }) => {
      await client.invalidateQueries({ queryKey: companyKeys.all });
      await navigate({ to: "/sdgs/company/applications/$id", params: { id } });
    },
  });
  if (round.applicationId) return <InternalLink href={`/sdgs/company/applications/${round.applicationId}`}>{cm.home.open}</InternalLink>;
  return (
    <Stack gap={4}>
      <Group gap="xs" align="end" wrap="nowrap">
        <NativeSelect
          label={cm.home.kind}
          size="xs"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as ApplicationKind)}
          data={round.kinds.map((k) => ({ value: k.kind, label: APPLICATION_KIND_LABELS[k.kind], disabled: !k.allowed }))}
        />
        <Button size="xs" disabled={!kind} loading={start.isPending} onClick={() => start.mutate()}>
          {cm.home.start}
        </Button>
      </Group>
      {round.kinds
        .filter((k) => !k.allowed && k.reason)
        .map((k) => (
          <Text key={k.kind} size="xs" c="dimmed">
            {APPLICATION_KIND_LABELS[k.kind]}: {k.reason}
          </Text>
        ))}
      {start.error && <ErrorAlert error={start.error} />}
    </Stack>
  );
}

export function CompanyHomePage() {
  const applications = useCompanyApplications();
  const rounds = useOpenRounds();
  const certifications = useCompanyCertifications();
  const c = cm.home.columns;

  const appColumns: Column<ApplicationSummary>[] = [
    {
      key: "round",
      header: c.round,
      rowHeader: true,
      render: (a) => (
        <Group gap={4} wrap="nowrap">
          <InternalLink href={`/sdgs/company/applications/${a.id}`}>{a.roundName}</InternalLink>
          {a.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "kind", header: c.kind, nowrap: true, render: (a) => APPLICATION_KIND_LABELS[a.kind] },
    {
      key: "status",
      header: c.status,
      nowrap: true,
      render: (a) => <StatusBadge label={a.statusLabel} tone={STATUS_TONE[a.status]} size="sm" />,
    },
    { key: "submittedAt", header: c.submittedAt, nowrap: true, render: (a) => <DateTimeText timestamp={a.submittedAt} /> },
    { key: "score", header: c.score, align: "right", nowrap: true, render: (a) => (a.selfScore === null ? "—" : `${a.selfScore}点`) },
    { key: "tier", header: c.tier, nowrap: true, render: (a) => (a.tierName ? `${a.tierName}（${a.certificationNumber}）` : "—") },
  ];

  const roundColumns: Column<OpenRound>[] = [
    {
      key: "round",
      header: c.round,
      rowHeader: true,
      render: (r) => (
        <Group gap={4} wrap="nowrap">
          {r.name}
          {r.isSample && <SampleBadge />}
        </Group>
      ),
    },
    {
      key: "period",
      header: cm.home.period,
      render: (r) => (
        <span style={{ whiteSpace: "nowrap" }}>
          <DateText iso={r.opensOn} western="title" />〜<DateText iso={r.closesOn} western="title" />
        </span>
      ),
    },
    { key: "action", header: "", render: (r) => <StartApplication round={r} /> },
  ];

  const certColumns: Column<CompanyCertification>[] = [
    {
      key: "number",
      header: c.number,
      rowHeader: true,
      nowrap: true,
      render: (x) => (
        <Group gap={4} wrap="nowrap">
          {x.number}
          {x.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "tier", header: c.tier, nowrap: true, render: (x) => x.tierName },
    {
      key: "validity",
      header: c.validity,
      render: (x) => (
        <span style={{ whiteSpace: "nowrap" }}>
          <DateText iso={x.validFrom} western="title" />〜<DateText iso={x.validUntil} western="title" />
        </span>
      ),
    },
    {
      key: "state",
      header: c.state,
      nowrap: true,
      render: (x) => <StatusBadge label={x.stateLabel} tone={STATE_TONE[x.state]} size="sm" />,
    },
    {
      key: "reports",
      header: cm.home.reportDue,
      render: (x) => (
        <Stack gap={2}>
          {x.periods.map((p) => (
            <Group key={p.period} gap={4} wrap="nowrap">
              <InternalLink href={`/sdgs/company/certifications/${x.id}/reports/${p.period}`}>{cm.home.writeReport(p.period)}</InternalLink>
              <Text size="xs" c="dimmed" component="span">
                （期限 <DateText iso={p.dueOn} western="title" />）
              </Text>
              {p.overdue && <StatusBadge label={cm.home.overdue} tone="danger" size="xs" />}
            </Group>
          ))}
          {x.nextDueOn && (
            <Text size="xs" c="dimmed">
              {cm.home.nextDue}: <DateText iso={x.nextDueOn} western="title" />
            </Text>
          )}
        </Stack>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={cm.home.title}
        subtitle={cm.home.subtitle}
        actions={<InternalLink href="/sdgs/company/profile">{cm.home.profileLink}</InternalLink>}
      />
      <Stack gap="lg">
        <Section id="company-rounds" title={cm.home.rounds}>
          {rounds.error ? (
            <ErrorAlert error={rounds.error} />
          ) : !rounds.data ? (
            <Loading />
          ) : rounds.data.items.length === 0 ? (
            <Alert color="gray">{cm.home.roundsEmpty}</Alert>
          ) : (
            <DataTable caption={cm.home.rounds} captionHidden columns={roundColumns} rows={rounds.data.items} rowKey={(r) => r.id} />
          )}
        </Section>
        <Section id="company-applications" title={cm.home.applications}>
          <DataTable
            caption={cm.home.applications}
            captionHidden
            columns={appColumns}
            rows={applications.data?.items}
            loading={applications.isLoading}
            error={applications.error}
            rowKey={(a) => a.id}
            empty={cm.home.applicationsEmpty}
          />
        </Section>
        <Section id="company-certifications" title={cm.home.certifications}>
          <DataTable
            caption={cm.home.certifications}
            captionHidden
            columns={certColumns}
            rows={certifications.data?.items}
            loading={certifications.isLoading}
            error={certifications.error}
            rowKey={(x) => x.id}
            empty={cm.home.certificationsEmpty}
          />
        </Section>
      </Stack>
    </>
  );
}
