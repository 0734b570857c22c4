// /vision/outreach: 周知・浸透の記録 — events filtered by 年度 and 種別, counts and attendance per fiscal year and kind,
// recording / editing / deleting events (each organisation's editors their own, the vision bureau any), and for the
// vision bureau feeding a year's count to the linked indicator. The dialogs' forms are in OutreachForms.tsx.
import { Button, Group, Modal, NativeSelect, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { deleteOutreach, OUTREACH_KINDS, type OutreachEvent, type OutreachKind } from "../../../common/api/vision-engagement";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { PageHeader } from "../../ui/PageHeader";
import { Loading, SampleBadge, VisionNav } from "./components";
import { em } from "./engagementMessages";
import { useOutreach } from "./engagementQueries";
import { EventForm, FeedForm, type Outreach } from "./OutreachForms";
import { useCurrentPlan } from "./queries";

export function OutreachPage() {
  const { plans, planId } = useCurrentPlan();
  const [fiscalYear, setFiscalYear] = useState<number | null>(null);
  const [kind, setKind] = useState<OutreachKind | "">("");
  const filter = { fiscalYear: fiscalYear ?? undefined, kind: kind || undefined };
  const outreach = useOutreach(planId, filter, !plans.isPending);
  const [editing, setEditing] = useState<OutreachEvent | "new" | null>(null);
  const [feeding, setFeeding] = useState(false);
  const data = outreach.data;
  const canManage = data?.canManage === true;
  const canRecord = data?.canRecord === true;
  const queryClient = useQueryClient();
  const flash = useFlash();

  const columns: Column<OutreachEvent>[] = [
    { key: "date", header: em.outreach.heldOn, nowrap: true, render: (e) => <DateText iso={e.heldOn} western="title" /> },
    { key: "kind", header: em.outreach.kind, nowrap: true, render: (e) => e.kind },
    {
      key: "title",
      header: em.outreach.eventTitle,
      rowHeader: true,
      render: (e) => (
        <Group gap={6}>
          <span>{e.title}</span>
          {e.isSample ? <SampleBadge /> : null}
        </Group>
      ),
    },
    { key: "audience", header: em.outreach.audience, render: (e) => e.audience || em.dash },
    {
      key: "attendance",
      header: em.outreach.attendance,
      align: "right",
      nowrap: true,
      render: (e) => (e.attendance === null ? em.dash : em.people(e.attendance)),
    },
    { key: "org", header: em.outreach.organisation, render: (e) => e.organisationName ?? em.dash },
    { key: "indicator", header: em.outreach.indicator, render: (e) => e.indicatorName ?? em.dash },
  ];
  if (canRecord)
    columns.push({
      key: "actions",
      header: em.edit,
      nowrap: true,
      render: (e) =>
        e.canEdit ? (
          <Group gap={6} wrap="nowrap">
            <Button size="compact-sm" variant="default" onClick={() => setEditing(e)} aria-label={`${em.edit}（${e.title}）`}>
              {em.edit}
            </Button>
            <ConfirmButton
              size="compact-sm"
              variant="default"
              color="red"
              aria-label={`${em.remove}（${e.title}）`}
              message={em.outreach.deleteConfirm(e.title)}
              onConfirm={async () => {
                await call(deleteOutreach, { params: { id: e.id } });
                await queryClient.invalidateQueries({ queryKey: ["vision", "engagement", "outreach"] });
                flash.show(em.outreach.deleted);
              }}
            >
              {em.remove}
            </ConfirmButton>
          </Group>
        ) : (
          em.dash
        ),
    });

  return (
    <>
      <PageHeader
        title={em.outreach.title}
        subtitle={canManage ? em.outreach.intro : `${em.outreach.intro} ${canRecord ? em.outreach.ownOnly : em.outreach.readOnly}`}
        actions={
          canRecord ? (
            <>
              <Button onClick={() => setEditing("new")}>{em.outreach.add}</Button>
              {canManage ? (
                <Button variant="default" onClick={() => setFeeding(true)}>
                  {em.outreach.feed}
                </Button>
              ) : null}
            </>
          ) : null
        }
      />
      <VisionNav />
      <ErrorAlert error={plans.error} />
      {outreach.isPending && !plans.isError ? <Loading /> : null}
      {data ? <SummaryTable summary={data.summary} /> : null}
      <Group align="flex-end" gap="md" my="md" role="group" aria-label={em.outreach.filters}>
        <FiscalYearSelect label={em.outreach.fiscalYear} value={fiscalYear} onChange={setFiscalYear} allLabel={em.outreach.allYears} />
        <NativeSelect
          label={em.outreach.kind}
          value={kind}
          data={[{ value: "", label: em.outreach.allKinds }, ...OUTREACH_KINDS.map((k) => ({ value: k, label: k }))]}
          onChange={(e) => setKind(e.currentTarget.value as OutreachKind | "")}
        />
      </Group>
      <DataTable
        caption={em.outreach.caption}
        columns={columns}
        rows={data?.items}
        rowKey={(e) => e.id}
        loading={outreach.isFetching && !data}
        error={outreach.error}
        empty={em.outreach.empty}
        renderDetail={(e) => <Text style={{ whiteSpace: "pre-wrap" }}>{e.note || em.dash}</Text>}
        minWidth={1000}
      />
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === "new" ? em.outreach.addTitle : em.outreach.editTitle}
        size="lg"
      >
        {editing && data ? (
          <EventForm
            planId={data.planId}
            event={editing === "new" ? null : editing}
            indicators={data.indicators}
            recordOrganisationIds={data.recordOrganisationIds}
            onDone={() => setEditing(null)}
          />
        ) : null}
      </Modal>
      <Modal opened={feeding} onClose={() => setFeeding(false)} title={em.outreach.feedTitle} size="lg">
        {feeding && data ? <FeedForm outreach={data} onDone={() => setFeeding(false)} /> : null}
      </Modal>
    </>
  );
}

function SummaryTable({ summary }: { summary: Outreach["summary"] }) {
  const years = [...new Set(summary.map((s) => s.fiscalYear))].sort((a, b) => b - a);
  const rows = years.map((fy) => {
    const cells = OUTREACH_KINDS.map((kind) => summary.find((s) => s.fiscalYear === fy && s.kind === kind) ?? { count: 0, attendance: 0 });
    const total = cells.reduce((sum, c) => ({ count: sum.count + c.count, attendance: sum.attendance + c.attendance }), {
      count: 0,
      attendance: 0,
    });
    return { fy, cells, total };
  });
  const columns: Column<(typeof rows)[number]>[] = [
    {
      key: "fy",
      header: em.outreach.fiscalYear,
      rowHeader: true,
      nowrap: true,
      render: (r) => <FiscalYearText fy={r.fy} western="title" />,
    },
    ...OUTREACH_KINDS.map((kind, i) => ({
      key: kind,
      header: kind,
      align: "right" as const,
      nowrap: true,
      render: (r: (typeof rows)[number]) =>
        r.cells[i].count === 0 ? em.dash : em.outreach.summaryCell(r.cells[i].count, r.cells[i].attendance),
    })),
    {
      key: "total",
      header: em.outreach.total,
      align: "right",
      nowrap: true,
      render: (r) => <strong>{em.outreach.summaryCell(r.total.count, r.total.attendance)}</strong>,
    },
  ];
  return (
    <section aria-labelledby="outreach-summary">
      <Title order={2} size="h3" id="outreach-summary" mb="sm">
        {em.outreach.summary}
      </Title>
      <DataTable
        caption={em.outreach.summaryCaption}
        captionHidden
        columns={columns}
        rows={rows}
        rowKey={(r) => String(r.fy)}
        empty={em.outreach.emptySummary}
        minWidth={900}
      />
    </section>
  );
}
