// /sdgs/review 「書類審査・ヒアリング」: the reviewer's start page — the applications in review, with the state of the
// reviewer's own scoring (未着手・下書き・提出済み) and how many items are scored.
import { Group, Text } from "@mantine/core";
import { REVIEW_STATE_LABELS, type ReviewListRow } from "../../../common/api/sdgs-screening";
import { APPLICATION_KIND_LABELS, INDUSTRY_LABELS, WARD_LABELS } from "../../../common/sdgs/labels";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { StatusBadge } from "../../ui/StatusBadge";
import { scm } from "./screeningMessages";
import { useMyReviews } from "./screeningQueries";

const t = scm.review;

export function ReviewListPage() {
  const list = useMyReviews();
  const columns: Column<ReviewListRow>[] = [
    {
      key: "company",
      header: t.company,
      rowHeader: true,
      render: (a) => (
        <Group gap={6} wrap="wrap">
          <AnchorLink to="/sdgs/review/applications/$id" params={{ id: a.id }} fw={600}>
            {a.companyName}
          </AnchorLink>
          {a.isSample && <SampleBadge />}
        </Group>
      ),
    },
    {
      key: "facts",
      header: scm.detail.industry,
      render: (a) => (
        <Text size="sm">
          {INDUSTRY_LABELS[a.industry]}・{WARD_LABELS[a.ward]}
        </Text>
      ),
    },
    { key: "round", header: t.round, render: (a) => `${a.roundName}・${APPLICATION_KIND_LABELS[a.kind]}` },
    {
      key: "submittedAt",
      header: scm.detail.submittedAt,
      nowrap: true,
      render: (a) => (a.submittedAt ? <DateText iso={a.submittedAt.slice(0, 10)} western="title" /> : scm.dash),
    },
    {
      key: "hearing",
      header: t.hearingOn,
      nowrap: true,
      render: (a) => (a.hearingOn ? <DateText iso={a.hearingOn} western="title" /> : scm.dash),
    },
    {
      key: "state",
      header: t.state,
      nowrap: true,
      render: (a) => (
        <StatusBadge
          label={REVIEW_STATE_LABELS[a.reviewState]}
          tone={a.reviewState === "submitted" ? "good" : a.reviewState === "draft" ? "warning" : "neutral"}
          size="sm"
        />
      ),
    },
    { key: "progress", header: t.progress, nowrap: true, align: "right", render: (a) => t.progressValue(a.scoredItems, a.itemCount) },
  ];
  return (
    <>
      <PageHeader title={t.listTitle} subtitle={t.listIntro} />
      <DataTable
        caption={t.caption}
        columns={columns}
        rows={list.data?.items}
        rowKey={(a) => a.id}
        loading={list.isPending}
        error={list.error}
        empty={t.empty}
        minWidth={900}
      />
    </>
  );
}
