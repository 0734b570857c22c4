// /vision/rounds: 報告ラウンド — the rounds of the plan, one round's status per owner organisation (who has not
// updated, late / overdue, 督促 sent), and for the plan's managers: open a round, remind, recompute, close, publish.
import { Anchor, Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  closeRound,
  downloadRoundReport,
  type OwnerStatus,
  publishRound,
  ROUND_STATUS_LABELS,
  type RoundDetail,
  type RoundSummary,
  recomputeRound,
  remindRound,
} from "../../../common/api/vision";
import { formatFiscalYear } from "../../../common/dates";
import { call, urlFor } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, DateTimeText, FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { EmptyState, Loading, PlanPicker, VisionNav } from "./components";
import { vm } from "./messages";
import { OpenRoundForm } from "./OpenRoundForm";
import { defaultRound, invalidateVision, useCurrentPlan, useRound, useRounds, useVisionAccess, visionKeys } from "./queries";

const r = vm.rounds;
const breadcrumbs = [{ label: vm.moduleName, href: "/vision" }, { label: r.title }];
const STATUS_TONE: Record<RoundSummary["status"], StatusTone> = { open: "warning", closed: "neutral", published: "good" };

export function RoundsPage() {
  const { plans, planId, choose } = useCurrentPlan();
  const access = useVisionAccess();
  const rounds = useRounds(planId);
  const [selected, setSelected] = useState<string | null>(null);
  const items = rounds.data?.items;
  const current = items?.find((x) => x.id === selected) ?? defaultRound(items);
  const manager = access.data?.manager === true;

  const columns: Column<RoundSummary>[] = [
    { key: "name", header: r.name, rowHeader: true, render: (x) => x.name },
    { key: "fy", header: r.fiscalYear, nowrap: true, render: (x) => <FiscalYearText fy={x.fiscalYear} western="title" /> },
    { key: "asOf", header: r.asOf, nowrap: true, render: (x) => <DateText iso={x.asOf} western="title" /> },
    {
      key: "deadline",
      header: r.deadline,
      nowrap: true,
      render: (x) => (
        <span>
          <DateText iso={x.deadline} western="title" />（{vm.todo.grace(x.graceDays)}）
        </span>
      ),
    },
    {
      key: "status",
      header: r.status,
      nowrap: true,
      render: (x) => <StatusBadge label={ROUND_STATUS_LABELS[x.status]} tone={STATUS_TONE[x.status]} size="sm" />,
    },
    { key: "progress", header: r.progress, align: "right", nowrap: true, render: (x) => r.progressValue(x.updatedCount, x.taskCount) },
    {
      key: "select",
      header: r.select,
      nowrap: true,
      render: (x) => (
        <Button
          size="compact-sm"
          variant={current?.id === x.id ? "filled" : "default"}
          aria-pressed={current?.id === x.id}
          onClick={() => setSelected(x.id)}
          aria-label={`${r.select}: ${x.name}`}
        >
          {current?.id === x.id ? r.selected : r.select}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={r.title} breadcrumbs={breadcrumbs} subtitle={r.intro} />
      <VisionNav />
      <Stack gap="lg">
        <ErrorAlert error={plans.error ?? rounds.error} />
        {plans.data && plans.data.items.length === 0 && <EmptyState>{vm.noPlan}</EmptyState>}
        <PlanPicker plans={plans.data?.items ?? []} value={planId} onChange={choose} />
        {planId && (
          <DataTable
            caption={r.listCaption}
            columns={columns}
            rows={items}
            loading={rounds.isPending}
            rowKey={(x) => x.id}
            empty={r.empty}
          />
        )}
        {current && <RoundStatus id={current.id} onPin={setSelected} />}
        {planId && manager && <OpenRoundForm planId={planId} onOpened={setSelected} />}
        {access.data && !manager && (
          <Text size="sm" c="dimmed">
            {r.managerOnly}
          </Text>
        )}
      </Stack>
    </>
  );
}

function RoundStatus({ id, onPin }: { id: string; onPin: (id: string) => void }) {
  const round = useRound(id);
  const queryClient = useQueryClient();
  const flash = useFlash();
  const store = async (detail: RoundDetail) => {
    // keep showing this round although the default (the open round) may now be another one
    onPin(detail.id);
    queryClient.setQueryData(visionKeys.round(detail.id), detail);
    await invalidateVision(queryClient);
  };
  const remind = useMutation({
    mutationFn: (organisationIds?: string[]) => call(remindRound, { params: { id }, body: organisationIds ? { organisationIds } : {} }),
    onSuccess: async (detail) => {
      flash.show(r.remindDone(detail.reminded));
      const { reminded: _n, ...rest } = detail;
      await store(rest);
    },
  });
  const action = (contract: typeof closeRound | typeof publishRound | typeof recomputeRound, message: string) => async () => {
    const detail = await call(contract, { params: { id }, body: {} });
    flash.show(message);
    await store(detail);
  };

  if (round.error) return <ErrorAlert error={round.error} />;
  if (!round.data) return <Loading />;
  const d = round.data;
  const owners = [...d.owners].sort(
    (a, b) =>
      Number(b.late) - Number(a.late) ||
      Number(b.overdue) - Number(a.overdue) ||
      a.organisationName.localeCompare(b.organisationName, "ja"),
  );
  const pendingOwners = d.owners.filter((o) => o.updatedCount < o.taskCount).length;

  const columns: Column<OwnerStatus>[] = [
    { key: "org", header: r.owner, rowHeader: true, render: (o) => o.organisationName },
    { key: "progress", header: r.updated, align: "right", nowrap: true, render: (o) => r.progressValue(o.updatedCount, o.taskCount) },
    {
      key: "flags",
      header: r.status,
      nowrap: true,
      render: (o) =>
        o.late ? (
          <StatusBadge label={r.late} tone="danger" size="sm" />
        ) : o.overdue ? (
          <StatusBadge label={r.overdue} tone="warning" size="sm" />
        ) : o.updatedCount >= o.taskCount ? (
          <StatusBadge label={vm.todo.done} tone="good" size="sm" />
        ) : (
          <StatusBadge label={vm.todo.notDone} tone="neutral" size="sm" />
        ),
    },
    {
      key: "pending",
      header: r.pendingCodes,
      render: (o) =>
        o.pendingIndicatorCodes.length === 0
          ? vm.dash
          : `${o.pendingIndicatorCodes.slice(0, 6).join("、")}${o.pendingIndicatorCodes.length > 6 ? ` ${r.pendingMore(o.pendingIndicatorCodes.length - 6)}` : ""}`,
    },
    {
      key: "reminded",
      header: r.reminded,
      nowrap: true,
      render: (o) =>
        o.reminderCount > 0 ? (
          <span>
            {r.remindedValue(o.reminderCount)} <DateTimeText timestamp={o.remindedAt} />
          </span>
        ) : (
          vm.dash
        ),
    },
    ...(d.canManage && d.status === "open"
      ? [
          {
            key: "remind",
            header: r.remindColumn,
            nowrap: true,
            render: (o: OwnerStatus) =>
              o.organisationId && o.updatedCount < o.taskCount ? (
                <Button
                  size="compact-sm"
                  variant="default"
                  loading={remind.isPending && remind.variables?.[0] === o.organisationId}
                  onClick={() => remind.mutate([o.organisationId as string])}
                  aria-label={r.remindOneLabel(o.organisationName)}
                >
                  {r.remindOne}
                </Button>
              ) : null,
          } satisfies Column<OwnerStatus>,
        ]
      : []),
  ];

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="round-status" data-testid="round-status">
      <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={2} id="round-status" className="yk-section-title">
              {r.detailHeading(d.name)}
            </Title>
            <StatusBadge label={ROUND_STATUS_LABELS[d.status]} tone={STATUS_TONE[d.status]} size="sm" />
          </Group>
          <Text size="sm">
            {formatFiscalYear(d.fiscalYear)} ・ {r.asOf}: <DateText iso={d.asOf} western="title" /> ・ {r.deadline}:{" "}
            <DateText iso={d.deadline} western="title" /> ・ {r.dueBy}: <DateText iso={d.dueBy} western="title" />
          </Text>
          <Text size="sm">
            {r.progress}: {r.progressValue(d.updatedCount, d.taskCount)}
          </Text>
          <Group gap="md">
            <Anchor href={urlFor(downloadRoundReport, { params: { id: d.id }, query: { format: "pdf" } })} download size="sm">
              {r.reportPdf}
            </Anchor>
            <Anchor href={urlFor(downloadRoundReport, { params: { id: d.id }, query: { format: "xlsx" } })} download size="sm">
              {r.reportXlsx}
            </Anchor>
          </Group>
        </Stack>
        {d.canManage && (
          <Group gap="xs" wrap="wrap">
            {d.status === "open" && (
              <ConfirmButton
                variant="default"
                message={r.remindMessage}
                disabled={pendingOwners === 0}
                onConfirm={() => remind.mutateAsync(undefined)}
              >
                {r.remind}
              </ConfirmButton>
            )}
            {d.status !== "published" && (
              <ConfirmButton variant="default" message={r.recomputeMessage} onConfirm={action(recomputeRound, r.recomputed)}>
                {r.recompute}
              </ConfirmButton>
            )}
            {d.status === "open" && (
              <ConfirmButton variant="default" message={r.closeMessage} onConfirm={action(closeRound, r.closed)}>
                {r.close}
              </ConfirmButton>
            )}
            {d.status === "closed" && (
              <ConfirmButton message={r.publishMessage} onConfirm={action(publishRound, r.published)}>
                {r.publish}
              </ConfirmButton>
            )}
          </Group>
        )}
      </Group>
      <ErrorAlert error={remind.error} />
      <DataTable
        caption={r.ownersCaption}
        columns={columns}
        rows={owners}
        rowKey={(o) => o.organisationId ?? o.organisationName}
        empty={r.ownersEmpty}
      />
    </Paper>
  );
}
