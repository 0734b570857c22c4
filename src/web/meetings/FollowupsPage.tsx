// /meetings/followups 「宿題（フォローアップ）」: the follow-up items of every meeting the caller may read — mine, all open,
// overdue, done or all — overdue first, then by due date; the caller's own items are marked, so nothing is forgotten.
import { Group, SegmentedControl, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { FOLLOWUP_SCOPES, type FollowupListItem, type FollowupScope } from "../../common/api/meetings";
import { type Column, DataTable } from "../ui/DataTable";
import { DateText } from "../ui/dates";
import { InternalLink } from "../ui/InternalLink";
import { PageHeader } from "../ui/PageHeader";
import { mtm } from "./messages";
import { FollowupOwner, FollowupState, kindShort, MeetingsTabs } from "./parts";
import { useFollowups } from "./queries";

const t = mtm.followups;

export function FollowupsPage({ scope, page }: { scope: FollowupScope; page: number }) {
  const navigate = useNavigate();
  const list = useFollowups(scope, page);
  const data = list.data;
  const go = (next: { scope?: FollowupScope; page?: number }) =>
    navigate({ to: "/meetings/followups" as never, search: { scope: next.scope ?? scope, page: next.page } as never, replace: true });
  const counts = data?.counts;
  const label = (s: FollowupScope) =>
    counts && (s === "mine" || s === "open" || s === "overdue") ? `${t.scopes[s]}（${counts[s]}）` : t.scopes[s];

  const columns: Column<FollowupListItem>[] = [
    {
      key: "title",
      header: t.item,
      rowHeader: true,
      render: (f) => (
        <Stack gap={2}>
          <Text size="sm" fw={f.mine ? 700 : undefined}>
            {f.title}
          </Text>
          {f.detail && (
            <Text size="xs" c="dimmed">
              {f.detail}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: "meeting",
      header: t.meeting,
      render: (f) => (
        <Stack gap={0}>
          <InternalLink href={`/meetings/${f.meetingId}`} size="sm">
            {f.meetingTitle}
          </InternalLink>
          <Text size="xs" c="dimmed">
            {kindShort(f.meetingKind)}・<DateText iso={f.meetingHeldOn} western="title" />
            {f.owner.title ? `・${f.owner.title}` : ""}
          </Text>
        </Stack>
      ),
    },
    { key: "owner", header: t.owner, render: (f) => <FollowupOwner item={f} /> },
    { key: "due", header: t.due, nowrap: true, render: (f) => <DateText iso={f.dueOn} western="title" /> },
    { key: "status", header: t.status, render: (f) => <FollowupState item={f} /> },
  ];

  return (
    <>
      <PageHeader
        title={t.title}
        subtitle={t.intro}
        breadcrumbs={[{ label: mtm.crumbs.meetings, href: "/meetings" }, { label: mtm.crumbs.followups }]}
      />
      <MeetingsTabs active="followups" />
      <Stack gap="md">
        <Group>
          <SegmentedControl
            aria-label={t.scopeLabel}
            value={scope}
            onChange={(value) => go({ scope: value as FollowupScope })}
            data={FOLLOWUP_SCOPES.map((s) => ({ value: s, label: label(s) }))}
          />
        </Group>
        <DataTable
          caption={t.caption}
          columns={columns}
          rows={data?.items}
          rowKey={(f) => f.id}
          loading={list.isPending}
          error={list.error}
          empty={t.empty}
          minWidth={900}
          paging={
            data
              ? { page: data.page, pageSize: data.pageSize, total: data.total, onPageChange: (p) => go({ page: p > 1 ? p : undefined }) }
              : undefined
          }
        />
      </Stack>
    </>
  );
}
