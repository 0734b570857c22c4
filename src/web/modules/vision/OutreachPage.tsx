// /vision/outreach: 周知・浸透の記録 — events filtered by 年度 and 種別, counts and attendance per fiscal year and kind,
// recording / editing / deleting events (each organisation's editors their own, the vision bureau any), and for the
// vision bureau feeding a year's count to the linked indicator.
import { Button, Group, Modal, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  createOutreach,
  deleteOutreach,
  feedOutreach,
  OUTREACH_KINDS,
  type OutreachEvent,
  type OutreachKind,
  previewOutreachFeed,
  updateOutreach,
} from "../../../common/api/vision-engagement";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, FiscalYearText, fiscalYearLabel, warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { currentFiscalYear, FiscalYearSelect } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { PageHeader } from "../../ui/PageHeader";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { Loading, parseNumberText, SampleBadge, VisionNav } from "./components";
import { em } from "./engagementMessages";
import { useOrganisationList, useOutreach } from "./engagementQueries";
import { useCurrentPlan } from "./queries";

type Outreach = NonNullable<ReturnType<typeof useOutreach>["data"]>;

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

function EventForm({
  planId,
  event,
  indicators,
  recordOrganisationIds,
  onDone,
}: {
  planId: string;
  event: OutreachEvent | null;
  indicators: Outreach["indicators"];
  /** null: any organisation (the vision bureau); else only these, and one must be chosen */
  recordOrganisationIds: string[] | null;
  onDone: () => void;
}) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const organisations = useOrganisationList();
  const [values, setValues] = useState({
    kind: (event?.kind ?? "出前講演") as OutreachKind,
    title: event?.title ?? "",
    heldOn: event ? warekiOf(event.heldOn) : "",
    audience: event?.audience ?? "",
    attendance: event?.attendance === null || event?.attendance === undefined ? "" : String(event.attendance),
    organisationId: event?.organisationId ?? recordOrganisationIds?.[0] ?? "",
    note: event?.note ?? "",
    indicatorId: event?.indicatorId ?? "",
  });
  const [attendanceError, setAttendanceError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (attendance: number | null) => {
      const body = {
        kind: values.kind,
        title: values.title.trim(),
        heldOn: values.heldOn,
        audience: values.audience.trim(),
        attendance,
        organisationId: values.organisationId || null,
        note: values.note.trim(),
        indicatorId: values.indicatorId || null,
      };
      return event ? call(updateOutreach, { params: { id: event.id }, body }) : call(createOutreach, { query: { planId }, body });
    },
    onSuccess: () => {
      queryClient.invalidateQueries({ queryKey: ["vision", "engagement", "outreach"] });
      flash.show(em.outreach.saved);
      onDone();
    },
  });
  const errors = fieldErrors(save.error);
  function submit(e: FormEvent) {
    e.preventDefault();
    const attendance = parseNumberText(values.attendance);
    if (attendance === undefined || (attendance !== null && (!Number.isInteger(attendance) || attendance < 0))) {
      setAttendanceError(em.outreach.attendanceInvalid);
      return;
    }
    setAttendanceError(null);
    save.mutate(attendance);
  }
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={em.outreach.kind}
            value={values.kind}
            data={OUTREACH_KINDS.map((k) => ({ value: k, label: k }))}
            onChange={(e) => set("kind", e.currentTarget.value as OutreachKind)}
            required
            data-autofocus
          />
          <JapaneseDateInput
            label={em.outreach.heldOn}
            value={values.heldOn}
            onChange={(text) => set("heldOn", text)}
            required
            error={errors.heldOn}
          />
        </SimpleGrid>
        <TextInput
          label={em.outreach.eventTitle}
          value={values.title}
          onChange={(e) => set("title", e.currentTarget.value)}
          maxLength={200}
          required
          error={errors.title}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={em.outreach.audience}
            value={values.audience}
            onChange={(e) => set("audience", e.currentTarget.value)}
            maxLength={200}
          />
          <TextInput
            label={em.outreach.attendance}
            description={em.outreach.attendanceHelp}
            value={values.attendance}
            onChange={(e) => set("attendance", e.currentTarget.value)}
            inputMode="numeric"
            error={attendanceError ?? errors.attendance}
          />
        </SimpleGrid>
        <NativeSelect
          label={em.outreach.organisation}
          value={values.organisationId}
          data={[
            ...(recordOrganisationIds === null ? [{ value: "", label: em.outreach.noOrganisation }] : []),
            ...(organisations.data?.items ?? [])
              .filter((o) => (recordOrganisationIds === null ? o.kind !== "external" : recordOrganisationIds.includes(o.id)))
              .map((o) => ({ value: o.id, label: o.name })),
          ]}
          onChange={(e) => set("organisationId", e.currentTarget.value)}
          required={recordOrganisationIds !== null}
          error={errors.organisationId}
        />
        <NativeSelect
          label={em.outreach.indicator}
          description={em.outreach.indicatorHelp}
          value={values.indicatorId}
          data={[{ value: "", label: em.outreach.noIndicator }, ...indicators.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))]}
          onChange={(e) => set("indicatorId", e.currentTarget.value)}
          error={errors.indicatorId}
        />
        <Textarea
          label={em.outreach.note}
          value={values.note}
          onChange={(e) => set("note", e.currentTarget.value)}
          autosize
          minRows={2}
          maxLength={2000}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {em.cancel}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {em.save}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function FeedForm({ outreach, onDone }: { outreach: Outreach; onDone: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [indicatorId, setIndicatorId] = useState(outreach.indicators[0]?.id ?? "");
  const [fiscalYear, setFiscalYear] = useState<number | null>(currentFiscalYear() - 1);
  const [measure, setMeasure] = useState<"count" | "attendance">("count");
  const input = indicatorId && fiscalYear ? { indicatorId, fiscalYear, measure } : null;
  const preview = useQuery({
    queryKey: ["vision", "engagement", "outreach-feed", input],
    queryFn: () => call(previewOutreachFeed, { query: input ?? { indicatorId: "", fiscalYear: 0, measure } }),
    enabled: input !== null,
    retry: false,
  });
  const save = useMutation({
    mutationFn: () => call(feedOutreach, { body: input ?? { indicatorId: "", fiscalYear: 0, measure } }),
    onSuccess: (result) => {
      // The actual changes grades and the dashboard: refresh everything of the module.
      queryClient.invalidateQueries({ queryKey: ["vision"] });
      flash.show(em.outreach.fed(result.value));
      onDone();
    },
  });
  if (outreach.indicators.length === 0) return <Text role="status">{em.outreach.noIndicators}</Text>;
  const p = preview.data;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate();
      }}
      noValidate
    >
      <Stack>
        <Text size="sm">{em.outreach.feedIntro}</Text>
        <ErrorAlert error={save.error} />
        <NativeSelect
          label={em.outreach.indicator}
          value={indicatorId}
          data={outreach.indicators.map((i) => ({ value: i.id, label: `${i.code} ${i.name}` }))}
          onChange={(e) => setIndicatorId(e.currentTarget.value)}
          data-autofocus
        />
        <FiscalYearSelect
          label={em.outreach.fiscalYear}
          value={fiscalYear}
          onChange={setFiscalYear}
          years={[...new Set([...outreach.summary.map((s) => s.fiscalYear), currentFiscalYear(), currentFiscalYear() - 1])].sort(
            (a, b) => b - a,
          )}
        />
        <RadioFieldset
          legend={em.outreach.feedMeasure}
          name="outreach-feed-measure"
          value={measure}
          options={[
            { value: "count", label: em.outreach.measureCount },
            { value: "attendance", label: em.outreach.measureAttendance },
          ]}
          onChange={setMeasure}
        />
        <Paper withBorder p="sm" bg="gray.0" aria-live="polite">
          {preview.isFetching && !p ? <Loading /> : null}
          <ErrorAlert error={preview.error} />
          {p ? (
            <Stack gap={4}>
              <Text fw={700}>{em.outreach.feedPreview(p.eventCount, p.value, p.indicator.unit)}</Text>
              <Text size="sm">{em.outreach.feedCurrent(p.currentValue, p.indicator.unit)}</Text>
              <Text size="sm">
                {em.outreach.feedAsOf}：<DateText iso={p.asOf} />（{fiscalYearLabel(p.fiscalYear)}）
              </Text>
            </Stack>
          ) : null}
        </Paper>
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone} disabled={save.isPending}>
            {em.cancel}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={!p || p.eventCount === 0}>
            {em.outreach.feedSubmit}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
