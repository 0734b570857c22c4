// The subject page's 「経営分析」 section: the subject's analyses by fiscal year (newest first) with their status, the
// option decided and its date, and the open follow-up actions; 「経営分析を始める」 for the bureau responsible.
import { Button, Group, Stack, Text } from "@mantine/core";
import { useState } from "react";
import type { ReviewSummary } from "../../../common/api/analysis-reviews";
import type { Column } from "../../ui/DataTable";
import { DateText, fiscalYearLabel } from "../../ui/dates";
import { InternalLink } from "../../ui/InternalLink";
import { SampleBadge } from "../../ui/SampleBadge";
import { TableSection } from "../../ui/Section";
import { StatusBadge } from "../../ui/StatusBadge";
import { StartReviewDialog } from "./ReviewDialogs";
import { rvm } from "./review-messages";
import { useSubjectReviews } from "./review-queries";

const t = rvm.section;

/** The plan's analysis year while it is free; once analysed, the year after the latest analysis (a later review). */
function freeYear(planned: number | null, taken: number[]): number | null {
  if (planned !== null && !taken.includes(planned)) return planned;
  return taken.length > 0 ? Math.max(...taken) + 1 : planned;
}

export function ReviewsSection({ subjectId, canManage }: { subjectId: string; canManage: boolean }) {
  const reviews = useSubjectReviews(subjectId);
  const [starting, setStarting] = useState(false);
  const columns: Column<ReviewSummary>[] = [
    {
      key: "year",
      header: t.year,
      rowHeader: true,
      nowrap: true,
      render: (r) => (
        <Group gap={6} wrap="nowrap">
          <InternalLink href={`/analysis/reviews/${r.id}`}>{fiscalYearLabel(r.fiscalYear)}</InternalLink>
          {r.isSample && <SampleBadge />}
        </Group>
      ),
    },
    {
      key: "status",
      header: t.status,
      nowrap: true,
      render: (r) => <StatusBadge label={r.statusLabel} tone={r.status === "decided" ? "done" : "warning"} size="sm" />,
    },
    { key: "option", header: t.option, nowrap: true, render: (r) => r.chosenOptionLabel ?? rvm.dash },
    { key: "decidedOn", header: t.decidedOn, nowrap: true, render: (r) => <DateText iso={r.decidedOn} western="title" /> },
    { key: "findings", header: t.findings, align: "right", render: (r) => t.count(r.findingCount) },
    {
      key: "actions",
      header: t.openActions,
      render: (r) => (
        <Stack gap={0}>
          <span>{t.count(r.openActions)}</span>
          {r.overdueActions > 0 && (
            <Text size="xs" c="red.8">
              {t.overdue(r.overdueActions)}
            </Text>
          )}
        </Stack>
      ),
    },
  ];
  const data = reviews.data;
  return (
    <TableSection
      id="analysis-reviews"
      title={t.title}
      actions={
        canManage && (
          <Button size="xs" onClick={() => setStarting(true)} disabled={!data}>
            {t.start}
          </Button>
        )
      }
      caption={t.caption}
      columns={columns}
      rows={data?.items}
      rowKey={(r) => r.id}
      loading={reviews.isPending}
      error={reviews.error}
      empty={t.none}
      minWidth={640}
    >
      {starting && data && (
        <StartReviewDialog
          subjectId={subjectId}
          defaultFiscalYear={freeYear(
            data.defaultFiscalYear,
            data.items.map((r) => r.fiscalYear),
          )}
          takenYears={data.items.map((r) => r.fiscalYear)}
          onClose={() => setStarting(false)}
        />
      )}
    </TableSection>
  );
}
