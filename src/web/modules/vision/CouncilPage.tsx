// /vision/council: 有識者会議 for the staff — members (and their logins), meetings, and the rounds with how many
// comments still wait for the city's response. /vision/council/rounds/$id: one round's report and comments, where
// the bureau records its responses. A council member's own login is shown the member page instead. The dialogs' forms
// are in CouncilForms.tsx.
import { Button, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import type { CouncilMeeting, CouncilMember } from "../../../common/api/vision-engagement";
import { useSession } from "../../auth/session";
import { type Column, DataTable, type DataTableProps } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge } from "../../ui/StatusBadge";
import { type Council, LoginForm, MeetingForm, MemberForm } from "./CouncilForms";
import { CouncilMemberPage, RoundReview } from "./CouncilMemberPage";
import { Loading, SampleBadge, VisionNav } from "./components";
import { em } from "./engagementMessages";
import { useCouncil } from "./engagementQueries";
import { useCurrentPlan } from "./queries";

export function CouncilPage() {
  const session = useSession();
  if (session.data?.user?.role === "partner") return <CouncilMemberPage />;
  return <StaffCouncilPage />;
}

function StaffCouncilPage() {
  const { plans, planId } = useCurrentPlan();
  const council = useCouncil(planId, !plans.isPending);
  const [memberDialog, setMemberDialog] = useState<CouncilMember | "new" | null>(null);
  const [loginFor, setLoginFor] = useState<CouncilMember | null>(null);
  const [meetingDialog, setMeetingDialog] = useState<CouncilMeeting | "new" | null>(null);
  const data = council.data;
  const canManage = data?.canManage === true;
  return (
    <>
      <PageHeader title={em.council.title} subtitle={canManage ? em.council.intro : `${em.council.intro} ${em.readOnly}`} />
      <VisionNav />
      {council.isPending && !plans.isError ? <Loading /> : null}
      <ErrorAlert error={council.error ?? plans.error} />
      {data ? (
        <Stack gap="xl">
          <MembersSection council={data} onAdd={() => setMemberDialog("new")} onEdit={setMemberDialog} onLogin={setLoginFor} />
          <MeetingsSection council={data} onAdd={() => setMeetingDialog("new")} onEdit={setMeetingDialog} />
          <RoundsSection council={data} />
        </Stack>
      ) : null}
      <Modal
        opened={memberDialog !== null}
        onClose={() => setMemberDialog(null)}
        title={memberDialog === "new" ? em.council.addMember : memberDialog ? em.council.editMember(memberDialog.name) : ""}
      >
        {memberDialog && data ? (
          <MemberForm planId={data.planId} member={memberDialog === "new" ? null : memberDialog} onDone={() => setMemberDialog(null)} />
        ) : null}
      </Modal>
      <Modal
        opened={loginFor !== null}
        onClose={() => setLoginFor(null)}
        title={loginFor ? em.council.createLoginTitle(loginFor.name) : ""}
      >
        {loginFor ? <LoginForm member={loginFor} onDone={() => setLoginFor(null)} /> : null}
      </Modal>
      <Modal
        opened={meetingDialog !== null}
        onClose={() => setMeetingDialog(null)}
        title={meetingDialog === "new" ? em.council.addMeeting : em.council.editMeeting}
        size="lg"
      >
        {meetingDialog && data ? (
          <MeetingForm council={data} meeting={meetingDialog === "new" ? null : meetingDialog} onDone={() => setMeetingDialog(null)} />
        ) : null}
      </Modal>
    </>
  );
}

/** A button in a row of the lists, named for the row (「編集（山田 花子）」). */
function RowButton({ label, name, onClick }: { label: string; name: string; onClick: () => void }) {
  return (
    <Button size="compact-sm" variant="default" onClick={onClick} aria-label={`${label}（${name}）`}>
      {label}
    </Button>
  );
}

/** One of the council page's lists: an h2 (with the manager's add button beside it) over its table. */
function CouncilTable<T>({
  headingId,
  title,
  addLabel,
  onAdd,
  ...table
}: { headingId: string; title: string; addLabel?: string; onAdd?: () => void } & Omit<DataTableProps<T>, "captionHidden">) {
  const heading = (
    <Title order={2} size="h3" id={headingId} mb={onAdd ? undefined : "sm"}>
      {title}
    </Title>
  );
  return (
    <section aria-labelledby={headingId}>
      {onAdd ? (
        <Group justify="space-between" mb="sm">
          {heading}
          <Button onClick={onAdd}>{addLabel}</Button>
        </Group>
      ) : (
        heading
      )}
      <DataTable {...table} captionHidden />
    </section>
  );
}

function MembersSection({
  council,
  onAdd,
  onEdit,
  onLogin,
}: {
  council: Council;
  onAdd: () => void;
  onEdit: (m: CouncilMember) => void;
  onLogin: (m: CouncilMember) => void;
}) {
  const columns: Column<CouncilMember>[] = [
    {
      key: "name",
      header: em.council.name,
      rowHeader: true,
      render: (m) => (
        <Group gap={6}>
          <span>{m.name}</span>
          {m.isChair ? <StatusBadge label={em.council.chair} tone="done" size="sm" /> : null}
          {m.isSample ? <SampleBadge /> : null}
        </Group>
      ),
    },
    { key: "affiliation", header: em.council.affiliation, render: (m) => m.affiliation || em.dash },
    {
      key: "active",
      header: em.council.active,
      nowrap: true,
      render: (m) => (
        <StatusBadge label={m.active ? em.council.activeLabel : em.council.retired} tone={m.active ? "good" : "neutral"} size="sm" />
      ),
    },
    {
      key: "login",
      header: em.council.login,
      nowrap: true,
      render: (m) => (m.hasLogin ? em.council.hasLogin(m.loginId) : em.council.noLogin),
    },
  ];
  if (council.canManage)
    columns.push({
      key: "actions",
      header: em.edit,
      nowrap: true,
      render: (m) => (
        <Group gap={6} wrap="nowrap">
          <RowButton label={em.edit} name={m.name} onClick={() => onEdit(m)} />
          {!m.hasLogin ? <RowButton label={em.council.createLogin} name={m.name} onClick={() => onLogin(m)} /> : null}
        </Group>
      ),
    });
  return (
    <CouncilTable
      headingId="council-members"
      title={em.council.members}
      addLabel={em.council.addMember}
      onAdd={council.canManage ? onAdd : undefined}
      caption={em.council.membersCaption}
      columns={columns}
      rows={council.members}
      rowKey={(m) => m.id}
      empty={em.council.emptyMembers}
    />
  );
}

function MeetingsSection({ council, onAdd, onEdit }: { council: Council; onAdd: () => void; onEdit: (m: CouncilMeeting) => void }) {
  const names = new Map(council.members.map((m) => [m.id, m.name]));
  const columns: Column<CouncilMeeting>[] = [
    { key: "date", header: em.council.heldOn, nowrap: true, render: (m) => <DateText iso={m.heldOn} /> },
    {
      key: "title",
      header: em.council.meetingTitle,
      rowHeader: true,
      render: (m) => (
        <Group gap={6}>
          <span>{m.title}</span>
          {m.isSample ? <SampleBadge /> : null}
        </Group>
      ),
    },
    { key: "place", header: em.council.place, render: (m) => m.place || em.dash },
    {
      key: "present",
      header: em.council.present,
      render: (m) => (
        <span title={m.memberIds.map((id) => names.get(id) ?? "").join("、")}>{em.council.presentCount(m.memberIds.length)}</span>
      ),
    },
    {
      key: "round",
      header: em.council.round,
      render: (m) =>
        m.roundId ? (
          <AnchorLink to="/vision/council/rounds/$id" params={{ id: m.roundId }}>
            {m.roundName}
          </AnchorLink>
        ) : (
          em.dash
        ),
    },
    { key: "comments", header: em.council.comments, align: "right", nowrap: true, render: (m) => em.count(m.commentCount) },
  ];
  if (council.canManage)
    columns.push({
      key: "actions",
      header: em.edit,
      nowrap: true,
      render: (m) => <RowButton label={em.edit} name={m.title} onClick={() => onEdit(m)} />,
    });
  return (
    <CouncilTable
      headingId="council-meetings"
      title={em.council.meetings}
      addLabel={em.council.addMeeting}
      onAdd={council.canManage ? onAdd : undefined}
      caption={em.council.meetingsCaption}
      columns={columns}
      rows={council.meetings}
      rowKey={(m) => m.id}
      empty={em.council.emptyMeetings}
      renderDetail={(m) => <Text style={{ whiteSpace: "pre-wrap" }}>{m.summary || em.dash}</Text>}
      minWidth={860}
    />
  );
}

function RoundsSection({ council }: { council: Council }) {
  const columns: Column<Council["rounds"][number]>[] = [
    { key: "name", header: em.council.roundName, rowHeader: true, render: (r) => r.name },
    { key: "asOf", header: em.council.asOf, nowrap: true, render: (r) => <DateText iso={r.asOf} western="title" /> },
    { key: "status", header: em.council.roundStatus, nowrap: true, render: (r) => em.council.statusLabels[r.status] ?? r.status },
    { key: "comments", header: em.council.comments, align: "right", nowrap: true, render: (r) => em.count(r.commentCount) },
    {
      key: "open",
      header: em.council.open,
      nowrap: true,
      render: (r) =>
        r.commentCount === 0 ? (
          em.dash
        ) : r.openCommentCount > 0 ? (
          <StatusBadge label={em.council.openCount(r.openCommentCount)} tone="warning" size="sm" />
        ) : (
          <StatusBadge label={em.council.allAnswered} tone="good" size="sm" />
        ),
    },
    {
      key: "link",
      header: em.council.review,
      nowrap: true,
      render: (r) => (
        <AnchorLink to="/vision/council/rounds/$id" params={{ id: r.id }} aria-label={`${em.council.review}（${r.name}）`}>
          {em.council.review}
        </AnchorLink>
      ),
    },
  ];
  return (
    <CouncilTable
      headingId="council-rounds"
      title={em.council.rounds}
      caption={em.council.roundsCaption}
      columns={columns}
      rows={council.rounds}
      rowKey={(r) => r.id}
      empty={em.council.emptyRounds}
    />
  );
}

/** /vision/council/rounds/$id: the round's report and comments (the bureau records responses here). */
export function CouncilRoundPage({ id }: { id: string }) {
  const session = useSession();
  const partner = session.data?.user?.role === "partner";
  // A council member's login sees its own rounds only and may not list plans.
  const { plans, planId } = useCurrentPlan(!partner);
  const council = useCouncil(partner ? null : planId, partner || !plans.isPending);
  const round = council.data?.rounds.find((r) => r.id === id);
  const title = round ? em.review.title(round.name) : em.council.rounds;
  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[{ label: em.council.title, href: partner ? "/vision/council/member" : "/vision/council" }, { label: title }]}
      />
      {!partner ? <VisionNav /> : null}
      {council.isPending ? <Loading /> : null}
      <ErrorAlert error={council.error} />
      {/* A member's list holds every round they may see: another round's report would be a 404. */}
      {council.data && partner && !round ? <Text role="status">{em.review.notFound}</Text> : null}
      {council.data && (round || !partner) ? (
        <RoundReview
          roundId={id}
          canManage={council.data.canManage}
          canComment={partner || council.data.canManage}
          members={council.data.members}
          meetings={council.data.meetings}
          canExport={!partner}
        />
      ) : null}
    </>
  );
}
