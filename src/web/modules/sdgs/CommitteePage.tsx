// /sdgs/committee (審査会 by round) and /sdgs/committee/$id (one meeting: the applications waiting for the committee
// with their scores, the tier they reach and why, the missing required items; the decision dialog (a tier select
// limited to the allowed tiers, or 不認証 with its reason); the decisions taken; the meeting's record and minutes).
import { Anchor, Button, Group, NativeSelect, Radio, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useState } from "react";
import type {
  CommitteeCandidate,
  CommitteeDecision,
  CommitteeMeetingDetail,
  CommitteeMeetingSummary,
} from "../../../common/api/sdgs-certification";
import { noticePdf } from "../../../common/api/sdgs-certification";
import { parseJapaneseDate } from "../../../common/dates";
import { APPLICATION_KIND_LABELS } from "../../../common/sdgs/labels";
import { urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DetailField } from "../../ui/DetailField";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { FormModal } from "../../ui/FormModal";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { Loading } from "../../ui/Loading";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { StatusBadge } from "../../ui/StatusBadge";
import { cm } from "./certificationMessages";
import { useCreateMeeting, useDecide, useMeeting, useMeetings, useUpdateMeeting } from "./certificationQueries";
import { sm } from "./messages";

const crumbs = [{ label: sm.moduleName, href: "/sdgs" }];

/** A date typed as 和暦 or 西暦 → YYYY-MM-DD, or "" when it cannot be read. */
function isoOf(text: string): string {
  const parsed = text.trim() ? parseJapaneseDate(text) : null;
  return parsed?.iso ?? "";
}

export function CommitteePage() {
  const [roundId, setRoundId] = useState("");
  const [creating, setCreating] = useState(false);
  const list = useMeetings(roundId || undefined);
  const t = cm.committee;
  const columns: Column<CommitteeMeetingSummary>[] = [
    {
      key: "heldOn",
      header: t.heldOn,
      rowHeader: true,
      nowrap: true,
      render: (meeting) => (
        <AnchorLink to="/sdgs/committee/$id" params={{ id: meeting.id }}>
          <DateText iso={meeting.heldOn} western="title" />
        </AnchorLink>
      ),
    },
    {
      key: "round",
      header: t.round,
      render: (meeting) => (
        <Group gap={6}>
          <Text size="sm">{meeting.roundName}</Text>
          {meeting.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "place", header: t.place, render: (meeting) => meeting.place || sm.dash },
    {
      key: "decisions",
      header: t.decisions,
      nowrap: true,
      render: (meeting) => t.decisionsCount(meeting.certifiedCount, meeting.refusedCount),
    },
  ];
  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[...crumbs, { label: t.title }]}
        actions={list.data?.canManage ? <Button onClick={() => setCreating(true)}>{t.create}</Button> : undefined}
      />
      <Stack gap="lg">
        <NativeSelect
          label={t.round}
          value={roundId}
          w={280}
          data={[{ value: "", label: t.allRounds }, ...(list.data?.rounds ?? []).map((r) => ({ value: r.id, label: r.name }))]}
          onChange={(e) => setRoundId(e.currentTarget.value)}
        />
        <ErrorAlert error={list.error} />
        <DataTable
          caption={t.caption}
          captionHidden
          columns={columns}
          rows={list.data?.items}
          rowKey={(meeting) => meeting.id}
          loading={list.isPending}
          empty={t.empty}
        />
      </Stack>
      {creating && list.data && (
        <CreateMeetingModal
          rounds={list.data.rounds}
          defaultRoundId={roundId || list.data.rounds[0]?.id || ""}
          onClose={() => setCreating(false)}
        />
      )}
    </>
  );
}

function CreateMeetingModal({
  rounds,
  defaultRoundId,
  onClose,
}: {
  rounds: { id: string; name: string }[];
  defaultRoundId: string;
  onClose: () => void;
}) {
  const t = cm.committee;
  const [roundId, setRoundId] = useState(defaultRoundId);
  const [heldOn, setHeldOn] = useState("");
  const [place, setPlace] = useState("");
  const [members, setMembers] = useState("");
  const create = useCreateMeeting();
  const flash = useFlash();
  return (
    <FormModal
      title={t.createTitle}
      onClose={onClose}
      size="lg"
      formRef={{ current: null }}
      error={create.error}
      saving={create.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { roundId, heldOn: isoOf(heldOn), place, members, minutes: "" },
          {
            onSuccess: (detail) => {
              flash.show(`${detail.meeting.roundName}の審査会を登録しました。`);
              onClose();
            },
          },
        );
      }}
    >
      <NativeSelect
        label={t.round}
        value={roundId}
        data={rounds.map((r) => ({ value: r.id, label: r.name }))}
        onChange={(e) => setRoundId(e.currentTarget.value)}
      />
      <JapaneseDateInput label={t.heldOn} required value={heldOn} onChange={(value) => setHeldOn(value)} />
      <TextInput label={t.place} value={place} onChange={(e) => setPlace(e.currentTarget.value)} />
      <Textarea label={t.members} autosize minRows={2} value={members} onChange={(e) => setMembers(e.currentTarget.value)} />
    </FormModal>
  );
}

// ------------------------------------------------------------------ one meeting

export function CommitteeMeetingPage({ id }: { id: string }) {
  const detail = useMeeting(id);
  const [deciding, setDeciding] = useState<CommitteeCandidate | null>(null);
  if (detail.isPending) return <Loading />;
  if (detail.error || !detail.data) return <ErrorAlert error={detail.error} />;
  const data = detail.data;
  const t = cm.meeting;
  return (
    <>
      <PageHeader
        title={t.title(data.meeting.roundName)}
        breadcrumbs={[...crumbs, { label: cm.committee.title, href: "/sdgs/committee" }, { label: data.meeting.roundName }]}
        badges={data.meeting.isSample ? <SampleBadge /> : undefined}
      />
      <Stack gap="lg">
        <Group gap="xl" align="flex-start">
          <DetailField label={cm.committee.heldOn}>
            <DateText iso={data.meeting.heldOn} />
          </DetailField>
          <DetailField label={cm.committee.place}>{data.meeting.place || sm.dash}</DetailField>
          <DetailField label={cm.committee.decisions}>
            {cm.committee.decisionsCount(data.meeting.certifiedCount, data.meeting.refusedCount)}
          </DetailField>
        </Group>
        <CandidatesSection data={data} onDecide={setDeciding} />
        <DecisionsSection decisions={data.decisions} />
        <MinutesSection key={data.meeting.updatedAt} data={data} />
      </Stack>
      {deciding && <DecisionModal meetingId={id} candidate={deciding} tiers={data.tiers} onClose={() => setDeciding(null)} />}
    </>
  );
}

function CandidatesSection({ data, onDecide }: { data: CommitteeMeetingDetail; onDecide: (c: CommitteeCandidate) => void }) {
  const t = cm.meeting;
  const columns: Column<CommitteeCandidate>[] = [
    {
      key: "company",
      header: t.company,
      rowHeader: true,
      render: (c) => (
        <Stack gap={2}>
          <Group gap={6}>
            <AnchorLink to="/sdgs/applications/$id" params={{ id: c.id }}>
              {c.companyName}
            </AnchorLink>
            {c.isSample && <SampleBadge />}
          </Group>
          <Text size="xs" c="dimmed">
            {APPLICATION_KIND_LABELS[c.kind]}
            {c.previousCertificationNumber ? `（${t.previous(c.previousCertificationNumber)}）` : ""}
          </Text>
        </Stack>
      ),
    },
    { key: "self", header: t.selfScore, align: "right", nowrap: true, render: (c) => `${c.selfScore}点` },
    {
      key: "review",
      header: t.reviewScore,
      align: "right",
      nowrap: true,
      render: (c) => (c.reviewScore === null ? sm.dash : `${c.reviewScore}点`),
    },
    {
      key: "tier",
      header: t.suggested,
      render: (c) => (
        <Stack gap={2}>
          <StatusBadge label={c.suggestedTier?.name ?? t.noTier} tone={c.suggestedTier ? "good" : "danger"} size="sm" />
          <Text size="xs">{c.tierReason}</Text>
          <Text size="xs" c="dimmed">
            {t.basis(c.basisKind)}
          </Text>
        </Stack>
      ),
    },
    { key: "missing", header: t.missing, render: (c) => (c.missingRequired.length ? c.missingRequired.join("、") : t.none) },
    ...(data.canManage
      ? [
          {
            key: "decide",
            header: t.decision,
            nowrap: true,
            render: (c: CommitteeCandidate) => (
              <Button size="xs" onClick={() => onDecide(c)} aria-label={`${c.companyName}の${t.decide}`}>
                {t.decide}
              </Button>
            ),
          },
        ]
      : []),
  ];
  return (
    <Section id="candidates" title={t.candidates}>
      <DataTable
        caption={t.candidates}
        captionHidden
        columns={columns}
        rows={data.candidates}
        rowKey={(c) => c.id}
        empty={t.candidatesEmpty}
      />
    </Section>
  );
}

function DecisionsSection({ decisions }: { decisions: CommitteeDecision[] }) {
  const t = cm.meeting;
  const columns: Column<CommitteeDecision>[] = [
    {
      key: "company",
      header: t.company,
      rowHeader: true,
      render: (d) => (
        <Group gap={6}>
          <Text size="sm">{d.companyName}</Text>
          {d.isSample && <SampleBadge />}
        </Group>
      ),
    },
    {
      key: "decision",
      header: t.decision,
      nowrap: true,
      render: (d) => (
        <StatusBadge
          label={d.decision === "certify" ? `${t.certify}（${d.tierName ?? ""}）` : t.refuse}
          tone={d.decision === "certify" ? "good" : "danger"}
          size="sm"
        />
      ),
    },
    {
      key: "number",
      header: t.number,
      nowrap: true,
      render: (d) =>
        d.certificationId ? (
          <AnchorLink to="/sdgs/certifications/$id" params={{ id: d.certificationId }}>
            {d.certificationNumber}
          </AnchorLink>
        ) : (
          sm.dash
        ),
    },
    { key: "reason", header: t.reason, render: (d) => d.reason || sm.dash },
    {
      key: "notice",
      header: t.notice,
      nowrap: true,
      render: (d) => (
        <Anchor
          href={urlFor(noticePdf, { params: { id: d.applicationId } })}
          target="_blank"
          rel="noopener"
          size="sm"
          aria-label={`${d.companyName}の${t.notice}`}
        >
          {t.notice}
        </Anchor>
      ),
    },
  ];
  return (
    <Section id="decisions" title={t.decided}>
      <DataTable
        caption={t.decided}
        captionHidden
        columns={columns}
        rows={decisions}
        rowKey={(d) => d.applicationId}
        empty={t.decidedEmpty}
      />
    </Section>
  );
}

function MinutesSection({ data }: { data: CommitteeMeetingDetail }) {
  const t = cm.meeting;
  const meeting = data.meeting;
  const [heldOn, setHeldOn] = useState(meeting.heldOn);
  const [place, setPlace] = useState(meeting.place);
  const [members, setMembers] = useState(meeting.members);
  const [minutes, setMinutes] = useState(meeting.minutes);
  const update = useUpdateMeeting(meeting.id);
  const flash = useFlash();
  if (!data.canManage)
    return (
      <Section id="record" title={t.record}>
        <Stack gap="sm">
          <DetailField label={cm.committee.members}>{meeting.members || sm.dash}</DetailField>
          <DetailField label={cm.committee.minutes}>{meeting.minutes || sm.dash}</DetailField>
        </Stack>
      </Section>
    );
  return (
    <Section id="record" title={t.record}>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          update.mutate(
            { heldOn: isoOf(heldOn) || heldOn, place, members, minutes, updatedAt: meeting.updatedAt },
            { onSuccess: () => flash.show(t.minutesSaved) },
          );
        }}
      >
        <Stack gap="sm">
          <ErrorAlert error={update.error} conflictMessage={t.conflict} />
          <Group gap="md" align="flex-start" wrap="wrap">
            <JapaneseDateInput label={cm.committee.heldOn} value={heldOn} onChange={(value) => setHeldOn(value)} w={240} />
            <TextInput label={cm.committee.place} value={place} onChange={(e) => setPlace(e.currentTarget.value)} w={360} />
          </Group>
          <Textarea label={cm.committee.members} autosize minRows={2} value={members} onChange={(e) => setMembers(e.currentTarget.value)} />
          <Textarea label={cm.committee.minutes} autosize minRows={6} value={minutes} onChange={(e) => setMinutes(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t.saveMinutes}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

function DecisionModal({
  meetingId,
  candidate,
  tiers,
  onClose,
}: {
  meetingId: string;
  candidate: CommitteeCandidate;
  tiers: CommitteeMeetingDetail["tiers"];
  onClose: () => void;
}) {
  const t = cm.meeting;
  const allowed = tiers.filter((tier) => candidate.allowedTierIds.includes(tier.id));
  const [decision, setDecision] = useState<"certify" | "refuse">(allowed.length > 0 ? "certify" : "refuse");
  const [tierId, setTierId] = useState(candidate.suggestedTier?.id ?? allowed[0]?.id ?? "");
  const [reason, setReason] = useState(decision === "refuse" ? candidate.tierReason : "");
  const decide = useDecide(meetingId);
  const flash = useFlash();
  return (
    <FormModal
      title={t.decisionTitle(candidate.companyName)}
      onClose={onClose}
      size="lg"
      formRef={{ current: null }}
      error={decide.error}
      saving={decide.isPending}
      onSubmit={(event) => {
        event.preventDefault();
        decide.mutate(
          { applicationId: candidate.id, decision, tierId: decision === "certify" ? tierId : undefined, reason },
          {
            onSuccess: (result) => {
              flash.show(t.decidedFlash(candidate.companyName, result.certificationNumber));
              onClose();
            },
          },
        );
      }}
    >
      <Text size="sm">
        {candidate.tierReason}
        {candidate.missingRequired.length > 0 && `（${t.missing}：${candidate.missingRequired.join("、")}）`}
      </Text>
      <Radio.Group label={t.decision} value={decision} onChange={(value) => setDecision(value as "certify" | "refuse")}>
        <Group gap="lg" mt={4}>
          <Radio value="certify" label={t.certify} disabled={allowed.length === 0} />
          <Radio value="refuse" label={t.refuse} />
        </Group>
      </Radio.Group>
      {allowed.length === 0 && (
        <Text size="sm" c="red.8">
          {t.cannotCertify}
        </Text>
      )}
      {decision === "certify" && allowed.length > 0 && (
        <NativeSelect
          label={t.tier}
          description={t.tierHint}
          value={tierId}
          data={allowed.map((tier) => ({ value: tier.id, label: `${tier.name}（${tier.minScore}点以上）` }))}
          onChange={(e) => setTierId(e.currentTarget.value)}
        />
      )}
      <Textarea
        label={decision === "refuse" ? t.reasonRefuse : t.reason}
        required={decision === "refuse"}
        autosize
        minRows={3}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
    </FormModal>
  );
}
