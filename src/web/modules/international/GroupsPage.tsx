// /international/groups 「テーマ別ワーキンググループ」: every group (filtered by 年度 and 状態, kept in the URL) with its
// counts — members, meetings, open actions, the projects it led to — and the actions past their due date flagged.
// The bureau's managers set a group up from here.
import { Alert, Button, Group, NativeSelect, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import { GROUP_STATUS_LABELS, GROUP_STATUSES, type GroupSummary } from "../../../common/api/international-groups";
import { type Column, DataTable } from "../../ui/DataTable";
import { FiscalYearText } from "../../ui/dates";
import { FiscalYearSelect } from "../../ui/FiscalYear";
import { InternalLink } from "../../ui/InternalLink";
import { PageHeader } from "../../ui/PageHeader";
import { StatusBadge } from "../../ui/StatusBadge";
import { InternationalNav, SampleBadge } from "./components";
import { GroupFormDialog } from "./GroupFormDialog";
import { gm } from "./groupMessages";
import { type GroupSearch, type GroupStatus, groupSearch, useGroups } from "./groupQueries";

const t = gm.list;

export function GroupStatusBadge({ status }: { status: GroupStatus }) {
  return <StatusBadge label={GROUP_STATUS_LABELS[status]} tone={status === "active" ? "good" : "neutral"} size="sm" />;
}

export function ActionOverdueBadge({ label = gm.status.overdue }: { label?: string }) {
  return <StatusBadge label={label} tone="danger" size="sm" />;
}

export function GroupsPage({ search }: { search: GroupSearch }) {
  const navigate = useNavigate();
  const groups = useGroups(search);
  const [creating, setCreating] = useState(false);
  const items = groups.data?.items ?? [];
  const overdue = items.reduce((n, g) => n + g.overdueActions, 0);

  function go(next: GroupSearch) {
    navigate({ to: "/international/groups" as never, search: groupSearch({ ...next }) as never });
  }

  const columns: Column<GroupSummary>[] = [
    {
      key: "theme",
      header: t.theme,
      rowHeader: true,
      render: (g) => (
        <Group gap={6} wrap="wrap">
          <InternalLink href={`/international/groups/${g.id}`} fw={600}>
            {g.theme}
          </InternalLink>
          {g.isSample && <SampleBadge />}
        </Group>
      ),
    },
    { key: "fy", header: t.fiscalYear, nowrap: true, render: (g) => <FiscalYearText fy={g.fiscalYear} western="title" /> },
    { key: "status", header: t.status, nowrap: true, render: (g) => <GroupStatusBadge status={g.status} /> },
    { key: "lead", header: t.lead, render: (g) => g.leadOrganisationName },
    { key: "members", header: t.members, align: "right", nowrap: true, render: (g) => gm.count(g.memberCount) },
    { key: "meetings", header: t.meetings, align: "right", nowrap: true, render: (g) => gm.count(g.meetingCount) },
    {
      key: "actions",
      header: t.actions,
      nowrap: true,
      render: (g) => (
        <Group gap={6} wrap="nowrap" justify="flex-end">
          <span>{gm.count(g.openActions)}</span>
          {g.overdueActions > 0 && <ActionOverdueBadge label={t.overdueCount(g.overdueActions)} />}
        </Group>
      ),
    },
    { key: "projects", header: t.projects, align: "right", nowrap: true, render: (g) => gm.count(g.projectCount) },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        breadcrumbs={[{ label: gm.moduleName, href: "/international" }, { label: t.title }]}
        subtitle={t.intro}
        actions={groups.data?.canManage ? <Button onClick={() => setCreating(true)}>{t.create}</Button> : null}
      />
      <InternationalNav />
      <Stack gap="md">
        <Group gap="md" align="flex-end" wrap="wrap">
          <FiscalYearSelect
            label={t.fiscalYear}
            allLabel={t.allYears}
            value={search.fiscalYear ?? null}
            onChange={(fy) => go({ ...search, fiscalYear: fy ?? undefined })}
            w={260}
          />
          <NativeSelect
            label={t.status}
            value={search.status ?? ""}
            data={[{ value: "", label: t.allStatuses }, ...GROUP_STATUSES.map((s) => ({ value: s, label: GROUP_STATUS_LABELS[s] }))]}
            onChange={(event) => go({ ...search, status: (event.currentTarget.value || undefined) as GroupStatus | undefined })}
            w={200}
          />
          {groups.data && (
            <Text size="sm" role="status" pb={6}>
              {t.total(items.length)}
            </Text>
          )}
        </Group>
        {overdue > 0 && (
          <Alert color="red" variant="light" className="yk-alert">
            {t.overdueAlert(overdue)}
          </Alert>
        )}
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={groups.data?.items}
          rowKey={(g) => g.id}
          loading={groups.isPending}
          error={groups.error}
          empty={t.empty}
          minWidth={860}
        />
      </Stack>
      {creating && <GroupFormDialog onClose={() => setCreating(false)} />}
    </>
  );
}
