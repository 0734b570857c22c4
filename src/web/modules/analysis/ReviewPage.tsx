// /analysis/reviews/$id 「経営分析」: one analysis of a subject for a fiscal year — the subject's facts and the summary,
// the findings per viewpoint with their indicators' latest values and trend charts, the options considered, the
// decision (recorded, or withdrawn back to draft with a reason), the follow-up actions, and the report (PDF / Word).
import { Alert, Button, Group, SimpleGrid, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { ActionView, ReviewDetail } from "../../../common/api/analysis-reviews";
import { type Column, DataTable } from "../../ui/DataTable";
import { DetailField } from "../../ui/DetailField";
import { DateText, DateTimeText, fiscalYearLabel } from "../../ui/dates";
import { InternalLink } from "../../ui/InternalLink";
import { PageHeader } from "../../ui/PageHeader";
import { QueryBoundary } from "../../ui/QueryBoundary";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section } from "../../ui/Section";
import { StatusBadge } from "../../ui/StatusBadge";
import { ActionButtons, ActionDialog, ActionStatus, actionOwner } from "./ActionDialogs";
import { ReportButtons } from "./ReportButtons";
import { DecisionDialog, OptionsDialog, SummaryDialog, WithdrawDialog } from "./ReviewDialogs";
import { ReviewFindings } from "./ReviewFindings";
import { rvm } from "./review-messages";
import { useReview } from "./review-queries";
import { AnalysisNav } from "./SubjectNav";

const t = rvm.review;

function Overview({ review }: { review: ReviewDetail }) {
  const [editing, setEditing] = useState(false);
  const s = review.subject;
  return (
    <Section
      id="analysis-overview"
      title={t.summary}
      actions={
        review.canManage &&
        review.status === "draft" && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {t.editSummary}
          </Button>
        )
      }
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }} spacing="md">
          <DetailField label={t.subject}>
            <InternalLink href={`/analysis/subjects/${s.id}`}>{s.name}</InternalLink>
          </DetailField>
          <DetailField label={t.kind}>
            {s.kindLabel}
            {s.affiliateLabel && (
              <Text size="xs" c="dimmed">
                {s.affiliateLabel}
              </Text>
            )}
          </DetailField>
          <DetailField label={t.lead}>{[s.bureauName, s.leadOrganisationName].filter(Boolean).join(" ") || rvm.dash}</DetailField>
          <DetailField label={t.updatedAt}>
            <DateTimeText timestamp={review.updatedAt} />
          </DetailField>
        </SimpleGrid>
        <Text style={{ whiteSpace: "pre-wrap" }} c={review.summary ? undefined : "dimmed"}>
          {review.summary || t.summaryEmpty}
        </Text>
      </Stack>
      {editing && <SummaryDialog review={review} onClose={() => setEditing(false)} />}
    </Section>
  );
}

function Options({ review }: { review: ReviewDetail }) {
  const [editing, setEditing] = useState(false);
  const o = rvm.options;
  return (
    <Section
      id="analysis-options"
      title={o.title}
      actions={
        review.canManage &&
        review.status === "draft" && (
          <Button size="xs" variant="default" onClick={() => setEditing(true)}>
            {o.edit}
          </Button>
        )
      }
    >
      <Text size="sm" mb="sm">
        {o.intro}
      </Text>
      <DataTable
        caption={o.caption}
        captionHidden
        minWidth={520}
        rows={review.options}
        rowKey={(row) => row.option}
        columns={[
          {
            key: "option",
            header: o.option,
            rowHeader: true,
            nowrap: true,
            width: 140,
            render: (row) => (
              <Group gap={6} wrap="nowrap">
                <span>{row.label}</span>
                {review.chosenOption === row.option && <StatusBadge label={o.chosen} tone="done" size="xs" />}
              </Group>
            ),
          },
          {
            key: "assessment",
            header: o.assessment,
            render: (row) =>
              row.assessment ? (
                <span style={{ whiteSpace: "pre-wrap" }}>{row.assessment}</span>
              ) : (
                <span className="yk-muted">{o.notAssessed}</span>
              ),
          },
        ]}
      />
      {editing && <OptionsDialog review={review} onClose={() => setEditing(false)} />}
    </Section>
  );
}

function Decision({ review }: { review: ReviewDetail }) {
  const [dialog, setDialog] = useState<"decide" | "withdraw" | null>(null);
  const d = rvm.decision;
  const decided = review.status === "decided";
  return (
    <Section
      id="analysis-decision"
      title={d.title}
      actions={
        review.canManage && (
          <Group gap="xs">
            {!decided && <Button onClick={() => setDialog("decide")}>{d.record}</Button>}
            {decided && (
              <Button variant="default" color="red" onClick={() => setDialog("withdraw")}>
                {d.withdraw}
              </Button>
            )}
          </Group>
        )
      }
    >
      {decided ? (
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <DetailField label={d.option}>
              <StatusBadge label={review.chosenOptionLabel} tone="done" />
            </DetailField>
            <DetailField label={d.date}>
              <DateText iso={review.decidedOn} />
            </DetailField>
            <DetailField label={d.body}>{review.decidedBy}</DetailField>
          </SimpleGrid>
          <DetailField label={d.text}>
            <span style={{ whiteSpace: "pre-wrap" }}>{review.decision}</span>
          </DetailField>
        </Stack>
      ) : (
        <Text c="dimmed">{d.none}</Text>
      )}
      {dialog === "decide" && <DecisionDialog review={review} onClose={() => setDialog(null)} />}
      {dialog === "withdraw" && <WithdrawDialog review={review} onClose={() => setDialog(null)} />}
    </Section>
  );
}

function Actions({ review }: { review: ReviewDetail }) {
  const [adding, setAdding] = useState(false);
  const a = rvm.actions;
  const columns: Column<ActionView>[] = [
    {
      key: "title",
      header: a.name,
      rowHeader: true,
      width: 260,
      render: (row) => (
        <Stack gap={2}>
          <Text size="sm" fw={600}>
            {row.title}
          </Text>
          {row.detail && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {row.detail}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: "owner", header: a.owner, width: 170, render: actionOwner },
    { key: "due", header: a.dueOn, nowrap: true, render: (row) => <DateText iso={row.dueOn} western="title" /> },
    { key: "status", header: a.status, nowrap: true, render: (row) => <ActionStatus action={row} /> },
    {
      key: "done",
      header: a.result,
      width: 220,
      render: (row) =>
        row.status === "done" ? (
          <Stack gap={2}>
            <span style={{ whiteSpace: "nowrap" }}>
              <DateText iso={row.doneOn} western="title" />
            </span>
            {row.result && <Text size="xs">{row.result}</Text>}
          </Stack>
        ) : (
          rvm.dash
        ),
    },
    {
      key: "buttons",
      header: rvm.actions.buttons,
      nowrap: true,
      render: (row) => <ActionButtons action={row} canManage={review.canManage} />,
    },
  ];
  return (
    <Section
      id="analysis-actions"
      title={a.title}
      actions={
        review.canManage && (
          <Button size="xs" onClick={() => setAdding(true)}>
            {a.add}
          </Button>
        )
      }
    >
      <Text size="sm" mb="sm">
        {a.intro}
      </Text>
      <DataTable
        caption={a.caption}
        captionHidden
        minWidth={900}
        rows={review.actions}
        rowKey={(row) => row.id}
        columns={columns}
        empty={a.none}
      />
      {adding && <ActionDialog reviewId={review.id} onClose={() => setAdding(false)} />}
    </Section>
  );
}

export function ReviewPage({ id }: { id: string }) {
  const review = useReview(id);
  return (
    <QueryBoundary query={review} title={rvm.section.title}>
      {(r) => (
        <>
          <PageHeader
            title={t.title(r.subject.name, r.fiscalYear)}
            breadcrumbs={[
              { label: rvm.crumbs.home, href: "/analysis" },
              { label: r.subject.name, href: `/analysis/subjects/${r.subject.id}` },
              { label: fiscalYearLabel(r.fiscalYear) },
            ]}
            badges={
              <Group gap="xs">
                <StatusBadge label={r.statusLabel} tone={r.status === "decided" ? "done" : "warning"} />
                {r.isSample && <SampleBadge />}
              </Group>
            }
            actions={<ReportButtons reviewId={r.id} />}
          />
          <AnalysisNav canManage={r.canManage} />
          <Stack gap="lg">
            {r.canManage && r.status === "decided" && (
              <Alert color="blue" variant="light">
                {t.decidedLocked}
              </Alert>
            )}
            <Overview review={r} />
            <ReviewFindings review={r} />
            <Options review={r} />
            <Decision review={r} />
            <Actions review={r} />
          </Stack>
        </>
      )}
    </QueryBoundary>
  );
}
