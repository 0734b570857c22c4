// /region/candidates 「連携事業の候補」: the pipeline — one column per step (提案受付 → 部門と意見交換 → 相手自治体と協議 →
// 予算協議（財政） → 事業化 / 見送り) with a card per candidate (title, department, days in the step; 滞留 marked in words
// and colour) — or the list (?view=list) with filters, sort, paging and its Excel/CSV; the 「連携の候補を提案」 form for
// departments' editors, and the 滞留 days for the bureau that runs 広域連携.
import { Badge, Box, Button, Group, NativeSelect, NumberInput, Paper, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import {
  type CandidateCard,
  type CandidateSort,
  type CandidateSummary,
  exportCandidates,
  type PipelineColumn,
  updateCandidateSettings,
} from "../../../common/api/region-candidates";
import {
  CANDIDATE_OBSTACLE_LABELS,
  CANDIDATE_OBSTACLES,
  CANDIDATE_STEP_LABELS,
  CANDIDATE_STEPS,
  type CandidateObstacle,
  type CandidateStep,
  isOpenStep,
  STALLED_AFTER_DAYS_MAX,
  STALLED_AFTER_DAYS_MIN,
} from "../../../common/region/candidate-steps";
import { call, urlFor } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { ListTextSearch } from "../../ui/ListTextSearch";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { ProposeCandidateDialog } from "./CandidateDialogs";
import { cdm } from "./candidateMessages";
import {
  CANDIDATES_PAGE_SIZE,
  type CandidateSearch,
  candidateKeys,
  useCandidateList,
  useCandidateOptions,
  usePipeline,
} from "./candidateQueries";

const p = cdm.pipeline;
const l = cdm.list;

/** 滞留 in words and colour (never colour alone). */
export function StalledBadge() {
  return (
    <Badge size="sm" radius="sm" variant="filled" styles={{ root: { background: "#9b1c1c", color: "#fff", textTransform: "none" } }}>
      {p.stalled}
    </Badge>
  );
}

export function StepBadge({ step }: { step: CandidateStep }) {
  const tone =
    step === "adopted"
      ? { bg: "#e6f4ea", fg: "#1e5631", bd: "#8cc9a0" }
      : step === "dropped"
        ? { bg: "#f1f3f5", fg: "#343a40", bd: "#adb5bd" }
        : { bg: "#e7eefc", fg: "#1c3f8f", bd: "#97b1e6" };
  return (
    <Badge
      size="sm"
      radius="sm"
      variant="outline"
      styles={{ root: { background: tone.bg, color: tone.fg, borderColor: tone.bd, textTransform: "none", fontWeight: 600 } }}
    >
      {CANDIDATE_STEP_LABELS[step]}
    </Badge>
  );
}

function Card({ card }: { card: CandidateCard }) {
  return (
    <Paper
      component="li"
      withBorder
      p="xs"
      style={{
        listStyle: "none",
        borderLeft: card.stalled ? "5px solid #9b1c1c" : "5px solid transparent",
        background: card.stalled ? "#fff5f5" : undefined,
      }}
    >
      <Stack gap={4}>
        <InternalLink href={`/region/candidates/${card.id}`} fw={600} size="sm">
          {card.title}
        </InternalLink>
        <Text size="xs">{card.proposingOrganisation.name}</Text>
        <Text size="xs" c="dimmed">
          {card.framework.name}
        </Text>
        <Group gap={6} wrap="wrap">
          {card.daysInStep !== null ? (
            <Text size="sm" fw={600} c={card.stalled ? "#9b1c1c" : undefined}>
              {p.daysInStep(card.daysInStep)}
            </Text>
          ) : (
            <Text size="xs">
              {p.closedOn(card.step)}: <DateText iso={card.stepSince} western="title" />
            </Text>
          )}
          {card.stalled && <StalledBadge />}
          {card.isSample && <SampleBadge />}
        </Group>
        <Text size="xs" c="dimmed">
          {p.totalDays(card.totalDays)}
        </Text>
      </Stack>
    </Paper>
  );
}

function PipelineColumnView({ column }: { column: PipelineColumn }) {
  const headingId = `candidate-step-${column.step}`;
  const open = isOpenStep(column.step);
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="sm" bg="#f8f9fa" style={{ minWidth: 178 }}>
      <Title order={2} size="h5" id={headingId}>
        {CANDIDATE_STEP_LABELS[column.step]}{" "}
        <Text span size="sm" fw={400}>
          {p.count(column.count)}
        </Text>
      </Title>
      {open && (
        <Stack gap={0} mb="xs">
          {column.stalledCount > 0 && (
            <Text size="xs" fw={600} c="#9b1c1c">
              {p.stalledCount(column.stalledCount)}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {p.average(column.averageDays, column.averageOver)}
          </Text>
        </Stack>
      )}
      {!open && column.count > column.cards.length && (
        <Text size="xs" c="dimmed" mb="xs">
          {p.closedNewest(column.cards.length, column.count)}
        </Text>
      )}
      {column.cards.length === 0 ? (
        <Text size="sm" c="dimmed" mt="xs">
          {p.empty}
        </Text>
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} mt="xs">
          {column.cards.map((card) => (
            <Card key={card.id} card={card} />
          ))}
        </Stack>
      )}
    </Paper>
  );
}

function Pipeline() {
  const pipeline = usePipeline();
  if (pipeline.error) return <ErrorAlert error={pipeline.error} />;
  if (!pipeline.data) return <Loading />;
  return (
    <Box style={{ overflowX: "auto" }} tabIndex={0} aria-label={p.caption}>
      <Box style={{ display: "grid", gridTemplateColumns: "repeat(6, minmax(178px, 1fr))", gap: 8, alignItems: "start" }}>
        {pipeline.data.columns.map((column) => (
          <PipelineColumnView key={column.step} column={column} />
        ))}
      </Box>
    </Box>
  );
}

type SortKey = "daysInStep" | "proposedOn" | "title" | "step";

function CandidateList({ search, go }: { search: CandidateSearch; go: (next: CandidateSearch, keepPage?: boolean) => void }) {
  const options = useCandidateOptions();
  const list = useCandidateList(search);
  const set = (patch: Partial<CandidateSearch>) => go({ ...search, ...patch });
  const sort = search.sort ?? "-daysInStep";
  const sortKey = sort.replace(/^-/, "") as SortKey;
  const { view: _view, page: _page, ...filters } = search;
  const filtered = Object.keys(filters).some((key) => key !== "sort");

  const columns: Column<CandidateSummary, SortKey>[] = [
    {
      key: "title",
      header: l.title,
      rowHeader: true,
      sortKey: "title",
      width: 240,
      render: (c) => (
        <Group gap={6} wrap="wrap">
          <InternalLink href={`/region/candidates/${c.id}`}>{c.title}</InternalLink>
          {c.stalled && <StalledBadge />}
          {c.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "department", header: l.department, render: (c) => c.proposingOrganisation.name },
    {
      key: "framework",
      header: l.framework,
      render: (c) => (
        <Stack gap={0}>
          <Text size="sm">{c.framework.name}</Text>
          <Text size="xs" c="dimmed">
            {c.memberNames.length ? c.memberNames.join("、") : l.wholeFramework}
          </Text>
        </Stack>
      ),
    },
    { key: "obstacle", header: l.obstacle, nowrap: true, render: (c) => CANDIDATE_OBSTACLE_LABELS[c.obstacle] },
    { key: "step", header: l.step, nowrap: true, sortKey: "step", render: (c) => <StepBadge step={c.step} /> },
    { key: "since", header: l.stepSince, nowrap: true, render: (c) => <DateText iso={c.stepSince} western="title" /> },
    { key: "days", header: l.daysInStep, nowrap: true, align: "right", sortKey: "daysInStep", render: (c) => l.days(c.daysInStep) },
    {
      key: "proposedOn",
      header: l.proposedOn,
      nowrap: true,
      sortKey: "proposedOn",
      render: (c) => <DateText iso={c.proposedOn} western="title" />,
    },
    { key: "total", header: l.totalDays, nowrap: true, align: "right", render: (c) => l.days(c.totalDays) },
    { key: "project", header: l.project, render: (c) => c.adoptedProject?.name ?? "—" },
  ];

  return (
    <Stack gap="md">
      <Group gap="md" align="flex-end" wrap="wrap">
        <NativeSelect
          label={l.step}
          value={search.step ?? ""}
          data={[{ value: "", label: l.all }, ...CANDIDATE_STEPS.map((s) => ({ value: s, label: CANDIDATE_STEP_LABELS[s] }))]}
          onChange={(e) => set({ step: (e.currentTarget.value || undefined) as CandidateStep | undefined })}
          w={170}
        />
        <NativeSelect
          label={l.status}
          value={search.status ?? ""}
          data={[
            { value: "", label: l.all },
            { value: "open", label: l.statuses.open },
            { value: "closed", label: l.statuses.closed },
          ]}
          onChange={(e) => set({ status: (e.currentTarget.value || undefined) as CandidateSearch["status"] })}
          w={190}
        />
        <NativeSelect
          label={l.department}
          value={search.organisationId ?? ""}
          data={[{ value: "", label: l.all }, ...(options.data?.organisations ?? []).map((o) => ({ value: o.id, label: o.name }))]}
          onChange={(e) => set({ organisationId: e.currentTarget.value || undefined })}
          w={220}
        />
        <NativeSelect
          label={l.framework}
          value={search.frameworkId ?? ""}
          data={[{ value: "", label: l.all }, ...(options.data?.frameworks ?? []).map((fw) => ({ value: fw.id, label: fw.name }))]}
          onChange={(e) => set({ frameworkId: e.currentTarget.value || undefined })}
          w={230}
        />
        <NativeSelect
          label={l.obstacle}
          value={search.obstacle ?? ""}
          data={[{ value: "", label: l.all }, ...CANDIDATE_OBSTACLES.map((o) => ({ value: o, label: CANDIDATE_OBSTACLE_LABELS[o] }))]}
          onChange={(e) => set({ obstacle: (e.currentTarget.value || undefined) as CandidateObstacle | undefined })}
          w={130}
        />
        <NativeSelect
          label={p.stalled}
          value={search.stalled ?? ""}
          data={[
            { value: "", label: l.all },
            { value: "true", label: l.stalledOnly },
          ]}
          onChange={(e) => set({ stalled: (e.currentTarget.value || undefined) as "true" | undefined })}
          w={120}
        />
        <NativeSelect
          label={l.sortLabel}
          value={sort}
          data={Object.entries(l.sorts).map(([value, label]) => ({ value, label }))}
          onChange={(e) => set({ sort: e.currentTarget.value as CandidateSort })}
          w={220}
        />
        <ListTextSearch
          label={l.q}
          description={l.qHelp}
          value={search.q}
          onSearch={(q) => set({ q })}
          width={200}
          buttonLabel={l.search}
        />
        {filtered && (
          <Button variant="subtle" onClick={() => go({ view: "list" })}>
            {l.clear}
          </Button>
        )}
      </Group>
      {list.data && (
        <Text size="sm" role="status">
          {l.total(list.data.total)}
        </Text>
      )}
      <DataTable
        caption={l.caption}
        columns={columns}
        rows={list.data?.items}
        rowKey={(c) => c.id}
        loading={list.isPending}
        error={list.error}
        empty={filtered ? l.empty : l.emptyNone}
        minWidth={1200}
        sort={{ key: sortKey, order: sort.startsWith("-") ? "desc" : "asc" }}
        onSortChange={(next) => set({ sort: `${next.order === "desc" ? "-" : ""}${next.key}` as CandidateSort })}
        paging={{
          page: search.page ?? 1,
          pageSize: CANDIDATES_PAGE_SIZE,
          total: list.data?.total ?? 0,
          onPageChange: (page) => go({ ...search, page }, true),
        }}
      />
    </Stack>
  );
}

function StalledSettings({ current }: { current: number }) {
  const queryClient = useQueryClient();
  const s = cdm.settings;
  const form = useForm<{ stalledAfterDays: number | string }>({
    initialValues: { stalledAfterDays: current },
    validate: {
      stalledAfterDays: (v) =>
        v === "" || Number(v) < STALLED_AFTER_DAYS_MIN || Number(v) > STALLED_AFTER_DAYS_MAX ? "日数を1〜365で入力してください。" : null,
    },
  });
  const { formRef, submit, save, status } = useFormSubmit(form, {
    send: (v) => call(updateCandidateSettings, { body: { stalledAfterDays: Number(v.stalledAfterDays) } }),
    saved: async (next) => {
      await queryClient.invalidateQueries({ queryKey: candidateKeys.all });
      return s.saved(next.stalledAfterDays);
    },
  });
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="candidate-settings">
      <Title order={2} size="h5" id="candidate-settings" mb="xs">
        {s.title}
      </Title>
      <form ref={formRef} onSubmit={submit} noValidate>
        <ErrorAlert error={save.error} />
        <Group align="flex-end" gap="sm">
          <NumberInput
            label={s.label}
            description={s.help}
            min={STALLED_AFTER_DAYS_MIN}
            max={STALLED_AFTER_DAYS_MAX}
            allowDecimal={false}
            allowNegative={false}
            suffix="日"
            w={360}
            {...form.getInputProps("stalledAfterDays")}
          />
          <Button type="submit" variant="default" loading={save.isPending}>
            {s.save}
          </Button>
        </Group>
        <Text size="sm" role="status" mt={4}>
          {status}
        </Text>
      </form>
    </Paper>
  );
}

export function CandidatesPage({ search }: { search: CandidateSearch }) {
  const navigate = useNavigate();
  const options = useCandidateOptions();
  const pipeline = usePipeline();
  const [proposing, setProposing] = useState(false);
  const view = search.view ?? "pipeline";
  const go = (next: CandidateSearch, keepPage = false) =>
    navigate({ to: "/region/candidates" as never, search: { ...next, page: keepPage ? next.page : undefined } as never });
  const { view: _view, page: _page, ...filters } = search;
  const exportHref = (format: "csv" | "xlsx") => urlFor(exportCandidates, { query: { ...(view === "list" ? filters : {}), format } });
  const canPropose = (options.data?.proposeFor.length ?? 0) > 0;
  const data = pipeline.data;

  return (
    <>
      <PageHeader
        title={cdm.title}
        breadcrumbs={[{ label: cdm.region, href: "/region" }, { label: cdm.title }]}
        subtitle={cdm.intro}
        actions={
          <Group gap="xs">
            <Button component="a" href={exportHref("xlsx")} variant="default" download>
              {cdm.export.xlsx}
            </Button>
            <Button component="a" href={exportHref("csv")} variant="default" download>
              {cdm.export.csv}
            </Button>
            {canPropose && <Button onClick={() => setProposing(true)}>{cdm.propose}</Button>}
          </Group>
        }
      />
      <Stack gap="md">
        {data && (
          <Group gap="lg" wrap="wrap">
            <Text size="sm" fw={600}>
              {cdm.counts(data.openCount, data.stalledCount)}
            </Text>
            <Text size="sm">{cdm.stalledRule(data.stalledAfterDays)}</Text>
            <Text size="sm">
              {cdm.today}: <DateText iso={data.today} />
            </Text>
          </Group>
        )}
        {canPropose && (
          <Text size="sm" c="dimmed">
            {cdm.proposeHelp}
          </Text>
        )}
        <SegmentedControl
          aria-label={cdm.viewLabel}
          value={view}
          onChange={(value) => go(value === "list" ? { ...search, view: "list" } : {})}
          data={[
            { value: "pipeline", label: cdm.views.pipeline },
            { value: "list", label: cdm.views.list },
          ]}
          w="fit-content"
        />
        {view === "list" ? <CandidateList search={search} go={go} /> : <Pipeline />}
        {options.data?.canManage && data && <StalledSettings key={data.stalledAfterDays} current={data.stalledAfterDays} />}
      </Stack>
      {proposing && <ProposeCandidateDialog onClose={() => setProposing(false)} />}
    </>
  );
}
