// Small pieces the meetings pages share: a meeting's date and time in 和暦, the kind's label, a follow-up's owner and
// state, the tabs between 会議一覧 and 宿題.
import { Badge, Group, Tabs, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import type { Followup } from "../../common/api/meetings";
import { MEETING_KIND_LABELS, type MeetingKind } from "../../common/meetings/meeting-kinds";
import { DateText } from "../ui/dates";
import { mtm } from "./messages";

/** 「トップ会談（関門トップ会談など）」 → 「トップ会談」: the short label for tables. */
export const kindShort = (kind: MeetingKind) => MEETING_KIND_LABELS[kind].replace(/（.*）$/, "");

export function MeetingWhen({ heldOn, startsAt, endsAt }: { heldOn: string; startsAt: string | null; endsAt: string | null }) {
  return (
    <span>
      <DateText iso={heldOn} western="title" />
      {startsAt && (
        <Text span size="sm" c="dimmed">
          {" "}
          {startsAt}
          {endsAt ? `〜${endsAt}` : ""}
        </Text>
      )}
    </span>
  );
}

export function FollowupOwner({ item }: { item: Pick<Followup, "assigneeName" | "assigneeOrganisation" | "ownerOrganisation"> }) {
  const parts = [
    item.assigneeName ? `${item.assigneeName}${item.assigneeOrganisation ? `（${item.assigneeOrganisation}）` : ""}` : null,
    item.ownerOrganisation,
  ];
  const text = parts.filter(Boolean).join(" ／ ");
  return <span>{text || mtm.followup.noOwner}</span>;
}

export function FollowupState({ item }: { item: Pick<Followup, "status" | "overdue" | "doneOn" | "doneByName" | "mine"> }) {
  return (
    <Group gap={4} wrap="wrap">
      {item.status === "done" ? (
        <Badge color="green" variant="light">
          完了
        </Badge>
      ) : item.overdue ? (
        <Badge color="red" variant="filled">
          {mtm.followup.overdue}
        </Badge>
      ) : (
        <Badge color="gray" variant="light">
          未完了
        </Badge>
      )}
      {item.mine && (
        <Badge color="blue" variant="outline">
          {mtm.followup.mine}
        </Badge>
      )}
      {item.status === "done" && item.doneOn && (
        <Text span size="xs" c="dimmed">
          <DateText iso={item.doneOn} western="title" />
          {item.doneByName ? `（${item.doneByName}）` : ""}
        </Text>
      )}
    </Group>
  );
}

export function MeetingsTabs({ active }: { active: "meetings" | "followups" }) {
  const navigate = useNavigate();
  return (
    <Tabs
      value={active}
      onChange={(value) => navigate({ to: (value === "followups" ? "/meetings/followups" : "/meetings") as never })}
      mb="md"
      activateTabWithKeyboard={false}
    >
      <Tabs.List aria-label="会議の表示">
        <Tabs.Tab value="meetings">{mtm.nav.meetings}</Tabs.Tab>
        <Tabs.Tab value="followups">{mtm.nav.followups}</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
