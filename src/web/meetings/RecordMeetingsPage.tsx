// /meetings/of/$ownerKind/$ownerId: the meetings of one record on a page of their own (the record's title and a link to
// its page, then the same section its page embeds) — reached from a meeting's list when a record's own page does not
// show its meetings yet.
import { Stack, Text } from "@mantine/core";
import { ErrorAlert } from "../ui/ErrorAlert";
import { InternalLink } from "../ui/InternalLink";
import { Loading } from "../ui/Loading";
import { PageHeader } from "../ui/PageHeader";
import { MeetingsSection } from "./MeetingsSection";
import { mtm } from "./messages";
import { useRecordMeetings } from "./queries";

export function RecordMeetingsPage({ ownerKind, ownerId }: { ownerKind: string; ownerId: string }) {
  const record = useRecordMeetings(ownerKind, ownerId);
  if (record.error) return <ErrorAlert error={record.error} />;
  const owner = record.data?.owner;
  if (!owner) return <Loading />;
  const title = `${owner.title ?? owner.kindLabel}の会議`;
  return (
    <>
      <PageHeader title={title} breadcrumbs={[{ label: mtm.crumbs.meetings, href: "/meetings" }, { label: title }]} />
      <Stack gap="md">
        <Text size="sm">
          {owner.kindLabel}:{" "}
          {owner.path && owner.title ? <InternalLink href={owner.path}>{owner.title}</InternalLink> : (owner.title ?? "—")}
        </Text>
        <MeetingsSection ownerKind={ownerKind} ownerId={ownerId} />
      </Stack>
    </>
  );
}
