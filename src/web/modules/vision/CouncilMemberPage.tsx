// /vision/council/member: what a council member sees with their own login — the rounds they may read, the round's
// report (施策体系 with indicators, actuals and grades), a comment form on every item and the city's responses.
// RoundReview is shared with the bureau's page of a round (CouncilRoundPage), where managers record responses; the
// comment and response dialogs are in CouncilCommentForms.tsx.
import { Button, Group, Modal, NativeSelect, Paper, Stack, Text, Title } from "@mantine/core";
import { useId, useState } from "react";
import type { CommentState, CouncilComment, CouncilMeeting, CouncilMember, ReportNode } from "../../../common/api/vision-engagement";
import { exportCouncilComments } from "../../../common/api/vision-engagement";
import { formatAchievement } from "../../../common/vision/format";
import { urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, DateTimeText, fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge } from "../../ui/StatusBadge";
import { CommentForm, ResponseForm } from "./CouncilCommentForms";
import { EarlierYearNote, GradeBadge, Loading } from "./components";
import { em } from "./engagementMessages";
import { useCouncil, useCouncilReport, useRoundComments } from "./engagementQueries";
import { vm } from "./messages";

export function CouncilMemberPage() {
  const council = useCouncil(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const rounds = council.data?.rounds ?? [];
  const roundId = rounds.find((r) => r.id === chosen)?.id ?? rounds[0]?.id ?? null;
  const name = council.data?.me?.name ?? "";
  return (
    <>
      <PageHeader title={em.member.title} subtitle={name ? em.member.intro(name) : undefined} />
      {council.isPending ? <Loading /> : null}
      <ErrorAlert error={council.error} />
      {council.data && rounds.length === 0 ? (
        <Text role="status" py="md">
          {em.member.emptyRounds}
        </Text>
      ) : null}
      {council.data && rounds.length > 0 ? (
        <Stack gap="lg">
          <NativeSelect
            label={em.member.roundSelect}
            value={roundId ?? ""}
            data={rounds.map((r) => ({ value: r.id, label: `${r.name}（${em.council.statusLabels[r.status] ?? r.status}）` }))}
            onChange={(event) => setChosen(event.currentTarget.value)}
            w={{ base: "100%", sm: 360 }}
          />
          {roundId ? (
            <RoundReview
              key={roundId}
              roundId={roundId}
              canManage={false}
              canComment
              members={council.data.members}
              meetings={council.data.meetings}
            />
          ) : null}
          <MeetingList meetings={council.data.meetings} members={council.data.members} />
        </Stack>
      ) : null}
    </>
  );
}

function MeetingList({ meetings, members }: { meetings: CouncilMeeting[]; members: CouncilMember[] }) {
  const names = new Map(members.map((m) => [m.id, m.name]));
  const columns: Column<CouncilMeeting>[] = [
    { key: "date", header: em.council.heldOn, nowrap: true, render: (m) => <DateText iso={m.heldOn} western="title" /> },
    { key: "title", header: em.council.meetingTitle, rowHeader: true, render: (m) => m.title },
    { key: "place", header: em.council.place, render: (m) => m.place || em.dash },
    {
      key: "present",
      header: em.council.present,
      render: (m) =>
        m.memberIds
          .map((id) => names.get(id))
          .filter(Boolean)
          .join("、") || em.dash,
    },
    { key: "summary", header: em.council.summary, render: (m) => m.summary || em.dash },
  ];
  return (
    <section aria-labelledby="council-member-meetings">
      <Title order={2} size="h3" id="council-member-meetings" mb="sm">
        {em.member.meetings}
      </Title>
      <DataTable
        caption={em.council.meetingsCaption}
        captionHidden
        columns={columns}
        rows={meetings}
        rowKey={(m) => m.id}
        empty={em.council.emptyMeetings}
      />
    </section>
  );
}

/** Values as every vision page and the report write them (vm.valueWithUnit): 「42,000 億円」. */
function valueText(value: number | null, unit: string): string {
  return vm.valueWithUnit(value, unit);
}

interface RoundReviewProps {
  roundId: string;
  /** records responses (the bureau's managers) */
  canManage: boolean;
  /** may write comments (a member as themself; a manager on behalf of a member) */
  canComment: boolean;
  members: CouncilMember[];
  meetings: CouncilMeeting[];
  /** staff may download the list as CSV */
  canExport?: boolean;
}

/** The round's report with comments per item, and the list of all comments with the city's responses. */
export function RoundReview({ roundId, canManage, canComment, members, meetings, canExport }: RoundReviewProps) {
  const report = useCouncilReport(roundId);
  const comments = useRoundComments(roundId);
  const [state, setState] = useState<CommentState | "">("");
  const [commenting, setCommenting] = useState<ReportNode | null>(null);
  const [responding, setResponding] = useState<CouncilComment | null>(null);
  const byNode = new Map<string, CouncilComment[]>();
  for (const c of comments.data?.items ?? []) byNode.set(c.nodeId, [...(byNode.get(c.nodeId) ?? []), c]);
  const shown = (comments.data?.items ?? []).filter((c) => !state || c.state === state);

  const columns: Column<CouncilComment>[] = [
    { key: "node", header: em.review.node, render: (c) => `${c.nodeCode} ${c.nodeTitle}` },
    { key: "member", header: em.review.member, nowrap: true, render: (c) => c.memberName },
    { key: "body", header: em.review.body, rowHeader: true, render: (c) => <span style={{ whiteSpace: "pre-wrap" }}>{c.body}</span> },
    {
      key: "state",
      header: em.review.state,
      nowrap: true,
      render: (c) => <StatusBadge label={c.state} tone={c.state === "対応済" ? "good" : "warning"} size="sm" />,
    },
    {
      key: "response",
      header: em.review.response,
      render: (c) => (
        <Stack gap={4}>
          <span style={{ whiteSpace: "pre-wrap" }}>{c.response ?? em.review.noResponse}</span>
          {c.respondedAt ? (
            <Text size="xs" c="dimmed">
              <DateTimeText timestamp={c.respondedAt} />
            </Text>
          ) : null}
          {canManage ? (
            <Group>
              <Button
                size="compact-sm"
                variant="default"
                onClick={() => setResponding(c)}
                aria-label={`${em.review.respond}（${c.memberName}、${c.nodeCode}）`}
              >
                {em.review.respond}
              </Button>
            </Group>
          ) : null}
        </Stack>
      ),
    },
  ];

  return (
    <Stack gap="xl">
      <section aria-labelledby={`report-${roundId}`}>
        <Title order={2} size="h3" id={`report-${roundId}`}>
          {em.review.report}
        </Title>
        <Text size="sm" c="dimmed" mb="sm">
          {em.review.reportIntro}
        </Text>
        {report.isPending ? <Loading /> : null}
        <ErrorAlert error={report.error} />
        <Stack gap="md">
          {(report.data?.nodes ?? []).map((node) => (
            <ReportNodeBlock
              key={node.id}
              node={node}
              comments={byNode.get(node.id) ?? []}
              canComment={canComment}
              onComment={() => setCommenting(node)}
            />
          ))}
        </Stack>
      </section>
      <section aria-labelledby={`comments-${roundId}`}>
        <Group justify="space-between" align="flex-end" mb="sm">
          <Title order={2} size="h3" id={`comments-${roundId}`}>
            {em.review.commentsHeading}
          </Title>
          <Group align="flex-end">
            <NativeSelect
              label={em.review.filterState}
              value={state}
              data={[{ value: "", label: em.review.stateAll }, ...(["未対応", "対応済"] as const).map((s) => ({ value: s, label: s }))]}
              onChange={(event) => setState(event.currentTarget.value as CommentState | "")}
            />
            {canExport ? (
              <Button component="a" variant="default" href={urlFor(exportCouncilComments, { params: { id: roundId } })} download>
                {em.review.csv}
              </Button>
            ) : null}
          </Group>
        </Group>
        <DataTable
          caption={em.review.commentsCaption}
          captionHidden
          columns={columns}
          rows={comments.data ? shown : undefined}
          rowKey={(c) => c.id}
          loading={comments.isPending}
          error={comments.error}
          empty={em.review.emptyComments}
          minWidth={900}
        />
      </section>
      <Modal
        opened={commenting !== null}
        onClose={() => setCommenting(null)}
        title={commenting ? em.review.commentFor(commenting.code, commenting.title) : ""}
        size="lg"
      >
        {commenting ? (
          <CommentForm
            roundId={roundId}
            node={commenting}
            onBehalf={canManage}
            members={members.filter((m) => m.active)}
            meetings={meetings}
            onDone={() => setCommenting(null)}
          />
        ) : null}
      </Modal>
      <Modal opened={responding !== null} onClose={() => setResponding(null)} title={em.review.respondTitle} size="lg">
        {responding ? <ResponseForm roundId={roundId} comment={responding} onDone={() => setResponding(null)} /> : null}
      </Modal>
    </Stack>
  );
}

function ReportNodeBlock({
  node,
  comments,
  canComment,
  onComment,
}: {
  node: ReportNode;
  comments: CouncilComment[];
  canComment: boolean;
  onComment: () => void;
}) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const columns: Column<ReportNode["indicators"][number]>[] = [
    { key: "name", header: em.review.indicator, rowHeader: true, render: (i) => `${i.code} ${i.name}` },
    {
      key: "target",
      header: em.review.target,
      align: "right",
      nowrap: true,
      render: (i) =>
        i.targetValue === null
          ? em.dash
          : `${valueText(i.targetValue, i.unit)}${i.targetFiscalYear ? `（${fiscalYearLabel(i.targetFiscalYear)}）` : ""}`,
    },
    {
      key: "actual",
      header: em.review.actual,
      align: "right",
      nowrap: true,
      render: (i) => i.statusRating ?? valueText(i.actualValue, i.unit),
    },
    {
      key: "achievement",
      header: em.review.achievement,
      align: "right",
      nowrap: true,
      render: (i) => formatAchievement(i.achievement, 1, em.dash),
    },
    {
      key: "grade",
      header: em.review.grade,
      nowrap: true,
      render: (i) => (
        <Group gap={4} wrap="nowrap">
          <GradeBadge grade={i.grade} label={i.exclusion ?? i.grade ?? em.review.notGraded} size="sm" />
          <EarlierYearNote fiscalYear={i.valueFiscalYear} />
        </Group>
      ),
    },
  ];
  const heading = `${em.review.kindLabels[node.kind] ?? node.kind} ${node.code} ${node.title}`;
  return (
    <Paper withBorder p="md" ml={{ base: 0, sm: Math.min(node.depth, 3) * 24 }}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
        <div>
          <Title order={3} size="h4">
            {heading}
          </Title>
          {node.ownerName ? (
            <Text size="sm" c="dimmed">
              {node.ownerName}
            </Text>
          ) : null}
        </div>
        <Group gap="xs">
          {comments.length > 0 ? (
            <Button variant="subtle" size="compact-sm" aria-expanded={open} aria-controls={listId} onClick={() => setOpen((v) => !v)}>
              {open ? em.review.hideComments : `${em.review.showComments}（${em.count(comments.length)}）`}
            </Button>
          ) : null}
          {canComment ? (
            <Button
              size="compact-sm"
              variant="light"
              onClick={onComment}
              aria-label={`${em.review.addComment}（${node.code} ${node.title}）`}
            >
              {em.review.addComment}
            </Button>
          ) : null}
        </Group>
      </Group>
      {node.indicators.length > 0 ? (
        <DataTable
          caption={em.review.indicatorsCaption(node.code, node.title)}
          captionHidden
          columns={columns}
          rows={node.indicators}
          rowKey={(i) => i.id}
          minWidth={640}
        />
      ) : (
        <Text size="sm" c="dimmed" mt="xs">
          {em.review.noIndicators}
        </Text>
      )}
      {open ? (
        <Stack id={listId} gap="xs" mt="sm" component="ul" style={{ listStyle: "none", padding: 0 }}>
          {comments.map((c) => (
            <li key={c.id}>
              <Paper withBorder p="sm" bg="gray.0">
                <Text size="sm" fw={600}>
                  {c.memberName}
                  {c.mine ? `（${em.review.mine}）` : ""}
                </Text>
                <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
                  {c.body}
                </Text>
                <Text size="sm" mt={4}>
                  <strong>{em.review.response}：</strong>
                  {c.response ?? em.review.noResponse}
                </Text>
              </Paper>
            </li>
          ))}
        </Stack>
      ) : null}
    </Paper>
  );
}
