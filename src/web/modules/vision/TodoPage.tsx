// /vision/todo: 更新が必要な指標 — for the caller's organisation, per open round: the deadline and its grace, the
// days left, late / overdue flags and 督促 marks, each indicator with its state and a link to enter the value; and a
// bulk import of values (CSV / Excel, all-or-nothing) for owners with many indicators.
import { Group, Paper, Stack, Text, Title } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import type { TodoTask } from "../../../common/api/vision";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, DateTimeText, FiscalYearText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge } from "../../ui/StatusBadge";
import { TabularImport } from "../../ui/TabularImport";
import { daysUntil, EmptyState, Loading, VisionNav } from "./components";
import { vm } from "./messages";
import { invalidateVision, useTodo } from "./queries";

/** The import kind the server registers for actual values (src/server/modules/vision/actuals-import.ts). */
export const ACTUALS_IMPORT_KIND = "vision-actuals";

const breadcrumbs = [{ label: vm.moduleName, href: "/vision" }, { label: vm.todo.title }];

export function TodoPage() {
  const todo = useTodo();
  const queryClient = useQueryClient();
  const flash = useFlash();
  const rounds = todo.data?.rounds ?? [];
  return (
    <>
      <PageHeader title={vm.todo.title} breadcrumbs={breadcrumbs} subtitle={vm.todo.intro} />
      <VisionNav />
      <Stack gap="lg">
        <ErrorAlert error={todo.error} />
        {todo.isPending && <Loading />}
        {todo.data && rounds.length === 0 && <EmptyState>{vm.todo.empty}</EmptyState>}
        {rounds.map((round) => {
          const left = daysUntil(round.dueBy);
          const headingId = `todo-round-${round.id}`;
          return (
            <Paper key={round.id} withBorder p="lg" component="section" aria-labelledby={headingId} data-testid="todo-round">
              <Group justify="space-between" align="flex-start" wrap="wrap" mb="sm">
                <Stack gap={4}>
                  <Title order={2} id={headingId} className="yk-section-title">
                    {round.name}
                  </Title>
                  <Text size="sm" c="dimmed">
                    <FiscalYearText fy={round.fiscalYear} western="title" />
                  </Text>
                  <Text size="sm">
                    {vm.todo.deadline}: <DateText iso={round.deadline} western="title" />（{vm.todo.grace(round.graceDays)}）{" ・ "}
                    {vm.todo.dueBy}: <DateText iso={round.dueBy} western="title" />
                  </Text>
                </Stack>
                <Group gap="xs" wrap="wrap">
                  <Text size="sm" fw={700} c={left < 0 ? "#9b1c1c" : left <= 7 ? "#6b3d00" : undefined}>
                    {vm.todo.daysLeft}: {vm.days(left)}
                  </Text>
                  <StatusBadge
                    label={vm.todo.pending(round.pendingCount, round.tasks.length)}
                    tone={round.pendingCount > 0 ? "warning" : "good"}
                  />
                  {round.late && <StatusBadge label={vm.todo.late} tone="danger" />}
                  {!round.late && round.overdue && <StatusBadge label={vm.todo.overdue} tone="warning" />}
                  {round.reminded && <StatusBadge label={vm.todo.reminded} tone="danger" />}
                </Group>
              </Group>
              <TaskTable tasks={round.tasks} caption={vm.todo.caption(round.name)} />
            </Paper>
          );
        })}
        <Paper withBorder p="lg" component="section" aria-labelledby="todo-import">
          <Title order={2} id="todo-import" mb="xs" className="yk-section-title">
            {vm.todo.importHeading}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {vm.todo.importIntro}
          </Text>
          <TabularImport
            kind={ACTUALS_IMPORT_KIND}
            onImported={(result) => {
              flash.show(vm.todo.imported(result.count));
              invalidateVision(queryClient);
            }}
          />
        </Paper>
      </Stack>
    </>
  );
}

function TaskTable({ tasks, caption }: { tasks: TodoTask[]; caption: string }) {
  const sorted = [...tasks].sort((a, b) => Number(a.done) - Number(b.done) || a.indicatorCode.localeCompare(b.indicatorCode));
  const columns: Column<TodoTask>[] = [
    {
      key: "indicator",
      header: vm.todo.indicator,
      rowHeader: true,
      render: (t) => (
        <AnchorLink to="/vision/indicators/$id" params={{ id: t.indicatorId }}>
          {t.indicatorCode} {t.indicatorName}
        </AnchorLink>
      ),
    },
    { key: "node", header: vm.todo.node, render: (t) => t.nodeTitle },
    { key: "owner", header: vm.todo.owner, render: (t) => t.ownerOrganisationName },
    {
      key: "current",
      header: vm.todo.current,
      align: "right",
      nowrap: true,
      render: (t) => (t.currentValue !== null ? vm.valueWithUnit(t.currentValue, t.unit) : (t.currentStatus ?? vm.dash)),
    },
    {
      key: "state",
      header: vm.todo.state,
      nowrap: true,
      render: (t) => (
        <Group gap={4} wrap="nowrap">
          <StatusBadge label={t.done ? vm.todo.done : vm.todo.notDone} tone={t.done ? "good" : "warning"} size="sm" />
          {t.reminderCount > 0 && !t.done && (
            <span title={t.remindedAt ?? undefined}>
              <StatusBadge label={vm.todo.remindedAt(t.reminderCount)} tone="danger" size="sm" />
            </span>
          )}
        </Group>
      ),
    },
    {
      key: "updated",
      header: vm.rounds.updated,
      nowrap: true,
      render: (t) => (t.updatedAt ? <DateTimeText timestamp={t.updatedAt} /> : vm.dash),
    },
    {
      key: "action",
      header: vm.todo.enter,
      nowrap: true,
      render: (t) => (
        <ButtonLink
          to="/vision/indicators/$id"
          params={{ id: t.indicatorId }}
          hash="ind-entry"
          size="compact-sm"
          variant={t.done ? "default" : "filled"}
          aria-label={`${vm.todo.enter}: ${t.indicatorName}`}
        >
          {vm.todo.enter}
        </ButtonLink>
      ),
    },
  ];
  return <DataTable caption={caption} captionHidden columns={columns} rows={sorted} rowKey={(t) => t.indicatorId} empty={vm.todo.empty} />;
}
