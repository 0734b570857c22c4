// The meetings of one record (a framework, a joint project, a 特区 proposal), embedded in that record's page: the list
// of its meetings with their open follow-ups, the count of open (and overdue) follow-ups, and 「会議を記録」 for those
// who may record the record's meetings (the form opens on its own page and comes back to the meeting).
import { Badge, Group, Stack, Text } from "@mantine/core";
import type { MeetingSummary } from "../../common/api/meetings";
import { type Column, DataTable } from "../ui/DataTable";
import { ErrorAlert } from "../ui/ErrorAlert";
import { InternalLink } from "../ui/InternalLink";
import { ButtonLink } from "../ui/links";
import { SampleBadge } from "../ui/SampleBadge";
import { Section } from "../ui/Section";
import { mtm } from "./messages";
import { kindShort, MeetingWhen } from "./parts";
import { useRecordMeetings } from "./queries";

export interface MeetingsSectionProps {
  /** the record's kind, as the server's meeting owners name it: "region.framework", "region.project", "zones.proposal" */
  ownerKind: string;
  ownerId: string;
}

const t = mtm.section;

export function MeetingsSection({ ownerKind, ownerId }: MeetingsSectionProps) {
  const list = useRecordMeetings(ownerKind, ownerId);
  const data = list.data;
  const columns: Column<MeetingSummary>[] = [
    { key: "held", header: mtm.list.heldOn, nowrap: true, render: (m) => <MeetingWhen {...m} /> },
    {
      key: "title",
      header: mtm.list.meeting,
      rowHeader: true,
      render: (m) => (
        <Group gap={6}>
          <InternalLink href={`/meetings/${m.id}`}>{m.title}</InternalLink>
          <Badge variant="light" size="sm">
            {kindShort(m.kind)}
          </Badge>
          {m.isSample && <SampleBadge />}
        </Group>
      ),
    },
    {
      key: "followups",
      header: mtm.list.followups,
      nowrap: true,
      render: (m) =>
        m.openFollowups === 0 ? (
          <Text size="sm" c="dimmed">
            —
          </Text>
        ) : (
          <Text size="sm" c={m.overdueFollowups > 0 ? "red.9" : undefined}>
            {t.openFollowups(m.openFollowups, m.overdueFollowups)}
          </Text>
        ),
    },
  ];
  return (
    <Section
      id={`meetings-${ownerId}`}
      title={t.title}
      actions={
        data?.canManage ? (
          <ButtonLink to="/meetings/new" search={{ ownerKind, ownerId } as never} size="xs">
            {t.record}
          </ButtonLink>
        ) : undefined
      }
    >
      <Stack gap="xs">
        {list.error && <ErrorAlert error={list.error} />}
        {data && (
          <Text size="sm" c={data.overdueFollowups > 0 ? "red.9" : "dimmed"}>
            {t.openFollowups(data.openFollowups, data.overdueFollowups)}
          </Text>
        )}
        <DataTable
          caption={t.caption}
          captionHidden
          columns={columns}
          rows={data?.items}
          rowKey={(m) => m.id}
          loading={list.isPending}
          empty={t.empty}
          minWidth={560}
        />
        <Text size="sm">
          <InternalLink href="/meetings" size="sm">
            {t.all}
          </InternalLink>
        </Text>
      </Stack>
    </Section>
  );
}
