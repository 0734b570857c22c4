// /meetings/new?ownerKind=&ownerId= and /meetings/$id/edit: record or edit a meeting — kind, title, date (as typed:
// 令和6年10月17日, R6.10.17, 2024-10-17), times, place or online, agenda, attendees by organisation (rows added and
// removed by keyboard), decisions in order, minutes. A new meeting is recorded from its record's page (which gives the
// record), and the page goes to the meeting once saved.
import { ActionIcon, Button, Checkbox, Group, NativeSelect, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, useState } from "react";
import { createMeeting, MEETING_LIMITS, type MeetingDetail, updateMeeting } from "../../common/api/meetings";
import { parseJapaneseDate } from "../../common/dates";
import { MEETING_KIND_LABELS, MEETING_KINDS, type MeetingKind } from "../../common/meetings/meeting-kinds";
import { call } from "../api/client";
import { ErrorAlert } from "../ui/ErrorAlert";
import { useFlash } from "../ui/Flash";
import { JapaneseDateInput } from "../ui/JapaneseDateInput";
import { Loading } from "../ui/Loading";
import { PageHeader } from "../ui/PageHeader";
import { mtm } from "./messages";
import { useMeeting, useRecordMeetings, useStoreMeeting } from "./queries";

const t = mtm.form;
const FIELD_LABELS: Record<string, string> = {
  kind: t.kind,
  title: t.title,
  heldOn: t.heldOn,
  startsAt: t.startsAt,
  endsAt: t.endsAt,
  place: t.place,
  onlineUrl: t.onlineUrl,
  agenda: t.agenda,
  minutes: t.minutes,
  attendees: t.attendees,
  decisions: t.decisions,
  ownerKind: t.owner,
};

interface Values {
  kind: MeetingKind;
  title: string;
  heldOn: string;
  startsAt: string;
  endsAt: string;
  place: string;
  online: boolean;
  onlineUrl: string;
  agenda: string;
  minutes: string;
  attendees: { organisationName: string; people: string }[];
  decisions: string[];
}

const blank: Values = {
  kind: "working_level",
  title: "",
  heldOn: "",
  startsAt: "",
  endsAt: "",
  place: "",
  online: false,
  onlineUrl: "",
  agenda: "",
  minutes: "",
  attendees: [{ organisationName: "", people: "" }],
  decisions: [],
};

function valuesOf(m: MeetingDetail): Values {
  return {
    kind: m.kind,
    title: m.title,
    heldOn: m.heldOn,
    startsAt: m.startsAt ?? "",
    endsAt: m.endsAt ?? "",
    place: m.place,
    online: m.online,
    onlineUrl: m.onlineUrl ?? "",
    agenda: m.agenda,
    minutes: m.minutes,
    attendees: m.attendees.map((a) => ({ organisationName: a.organisationName, people: a.people })),
    decisions: [...m.decisions],
  };
}

function bodyOf(v: Values) {
  return {
    kind: v.kind,
    title: v.title,
    heldOn: parseJapaneseDate(v.heldOn)?.iso ?? v.heldOn,
    startsAt: v.startsAt.trim() || null,
    endsAt: v.endsAt.trim() || null,
    place: v.place,
    online: v.online,
    onlineUrl: v.online ? v.onlineUrl.trim() || null : null,
    agenda: v.agenda,
    minutes: v.minutes,
    attendees: v.attendees
      .filter((a) => a.organisationName.trim() || a.people.trim())
      .map((a) => ({ organisationName: a.organisationName, organisationId: null, people: a.people })),
    decisions: v.decisions.filter((text) => text.trim()),
  };
}

function MeetingForm({
  initial,
  heading,
  crumbs,
  send,
  cancelTo,
}: {
  initial: Values;
  heading: string;
  crumbs: { label: string; href?: string }[];
  send: (v: Values) => Promise<MeetingDetail>;
  cancelTo: string;
}) {
  const [v, setV] = useState<Values>(initial);
  const navigate = useNavigate();
  const flash = useFlash();
  const store = useStoreMeeting();
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((old) => ({ ...old, [key]: value }));
  const save = useMutation({
    mutationFn: () => send(v),
    onSuccess: async (detail) => {
      store(detail);
      flash.show(t.saved);
      await navigate({ to: `/meetings/${detail.id}` as never });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save.mutate();
  };
  const setAttendee = (i: number, key: "organisationName" | "people", value: string) =>
    set(
      "attendees",
      v.attendees.map((a, j) => (j === i ? { ...a, [key]: value } : a)),
    );
  return (
    <>
      <PageHeader title={heading} breadcrumbs={crumbs} />
      <form onSubmit={submit} noValidate aria-label={heading}>
        <Stack gap="md" maw={960}>
          <ErrorAlert error={save.error} conflictMessage={t.conflict} fieldLabels={FIELD_LABELS} />
          <Paper withBorder p="md">
            <Stack gap="sm">
              <Group align="flex-start" grow wrap="wrap">
                <NativeSelect
                  label={t.kind}
                  required
                  value={v.kind}
                  onChange={(e) => set("kind", e.currentTarget.value as MeetingKind)}
                  data={MEETING_KINDS.map((k) => ({ value: k, label: MEETING_KIND_LABELS[k] }))}
                />
                <TextInput
                  label={t.title}
                  required
                  value={v.title}
                  maxLength={MEETING_LIMITS.title}
                  onChange={(e) => set("title", e.currentTarget.value)}
                />
              </Group>
              <Group align="flex-start" grow wrap="wrap">
                <JapaneseDateInput label={t.heldOn} required value={v.heldOn} onChange={(value) => set("heldOn", value)} />
                <TextInput
                  label={t.startsAt}
                  description={t.timeHelp}
                  value={v.startsAt}
                  onChange={(e) => set("startsAt", e.currentTarget.value)}
                  maxLength={5}
                />
                <TextInput
                  label={t.endsAt}
                  description={t.timeHelp}
                  value={v.endsAt}
                  onChange={(e) => set("endsAt", e.currentTarget.value)}
                  maxLength={5}
                />
              </Group>
              <TextInput
                label={t.place}
                value={v.place}
                maxLength={MEETING_LIMITS.place}
                onChange={(e) => set("place", e.currentTarget.value)}
              />
              <Checkbox label={t.online} checked={v.online} onChange={(e) => set("online", e.currentTarget.checked)} />
              {v.online && (
                <TextInput
                  label={t.onlineUrl}
                  type="url"
                  value={v.onlineUrl}
                  maxLength={MEETING_LIMITS.onlineUrl}
                  onChange={(e) => set("onlineUrl", e.currentTarget.value)}
                />
              )}
              <Textarea
                label={t.agenda}
                value={v.agenda}
                maxLength={MEETING_LIMITS.agenda}
                autosize
                minRows={3}
                onChange={(e) => set("agenda", e.currentTarget.value)}
              />
            </Stack>
          </Paper>

          <Paper withBorder p="md" component="fieldset" style={{ border: undefined }}>
            <Title order={2} size="h5" mb="xs" component="legend">
              {t.attendees}
            </Title>
            <Stack gap="xs">
              {v.attendees.map((a, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, in order
                <Group key={i} align="flex-end" wrap="nowrap">
                  <TextInput
                    label={t.attendeeOrganisation(i + 1)}
                    value={a.organisationName}
                    maxLength={MEETING_LIMITS.organisationName}
                    onChange={(e) => setAttendee(i, "organisationName", e.currentTarget.value)}
                    w={260}
                  />
                  <TextInput
                    label={t.attendeePeople(i + 1)}
                    value={a.people}
                    maxLength={MEETING_LIMITS.people}
                    onChange={(e) => setAttendee(i, "people", e.currentTarget.value)}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t.removeAttendee(i + 1)}
                    onClick={() =>
                      set(
                        "attendees",
                        v.attendees.filter((_, j) => j !== i),
                      )
                    }
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  onClick={() => set("attendees", [...v.attendees, { organisationName: "", people: "" }])}
                >
                  {t.addAttendee}
                </Button>
              </Group>
            </Stack>
          </Paper>

          <Paper withBorder p="md">
            <Title order={2} size="h5" mb="xs">
              {t.decisions}
            </Title>
            <Stack gap="xs">
              {v.decisions.map((text, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place, in order
                <Group key={i} align="flex-end" wrap="nowrap">
                  <Textarea
                    label={t.decision(i + 1)}
                    value={text}
                    maxLength={MEETING_LIMITS.decision}
                    autosize
                    minRows={1}
                    onChange={(e) => {
                      const value = e.currentTarget.value;
                      set(
                        "decisions",
                        v.decisions.map((old, j) => (j === i ? value : old)),
                      );
                    }}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    size="lg"
                    aria-label={t.removeDecision(i + 1)}
                    onClick={() =>
                      set(
                        "decisions",
                        v.decisions.filter((_, j) => j !== i),
                      )
                    }
                  >
                    ×
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button variant="default" size="xs" onClick={() => set("decisions", [...v.decisions, ""])}>
                  {t.addDecision}
                </Button>
              </Group>
            </Stack>
          </Paper>

          <Paper withBorder p="md">
            <Textarea
              label={t.minutes}
              value={v.minutes}
              maxLength={MEETING_LIMITS.minutes}
              autosize
              minRows={5}
              onChange={(e) => set("minutes", e.currentTarget.value)}
            />
          </Paper>

          <Group justify="flex-end">
            <Button variant="default" onClick={() => navigate({ to: cancelTo as never })}>
              {t.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}

export function NewMeetingPage({ ownerKind, ownerId }: { ownerKind?: string; ownerId?: string }) {
  const record = useRecordMeetings(ownerKind ?? "", ownerId ?? "");
  if (!ownerKind || !ownerId)
    return (
      <>
        <PageHeader title={t.newTitle} breadcrumbs={[{ label: mtm.crumbs.meetings, href: "/meetings" }, { label: t.newTitle }]} />
        <Text>{t.missingOwner}</Text>
      </>
    );
  if (record.error) return <ErrorAlert error={record.error} />;
  const owner = record.data?.owner;
  if (!owner) return <Loading />;
  const crumbs = [
    { label: mtm.crumbs.meetings, href: "/meetings" },
    ...(owner.path && owner.title ? [{ label: owner.title, href: owner.path }] : []),
    { label: t.newTitle },
  ];
  return (
    <MeetingForm
      initial={blank}
      heading={`${t.newTitle}（${owner.title ?? owner.kindLabel}）`}
      crumbs={crumbs}
      cancelTo={owner.path ?? "/meetings"}
      send={(v) => call(createMeeting, { body: { ...bodyOf(v), ownerKind, ownerId } })}
    />
  );
}

export function EditMeetingPage({ id }: { id: string }) {
  const meeting = useMeeting(id);
  if (meeting.error) return <ErrorAlert error={meeting.error} />;
  const m = meeting.data;
  if (!m) return <Loading />;
  return (
    <MeetingForm
      key={`${m.id}-${m.version}`}
      initial={valuesOf(m)}
      heading={t.editTitle}
      crumbs={[{ label: mtm.crumbs.meetings, href: "/meetings" }, { label: m.title, href: `/meetings/${m.id}` }, { label: t.editTitle }]}
      cancelTo={`/meetings/${m.id}`}
      send={(v) => call(updateMeeting, { params: { id: m.id }, body: { ...bodyOf(v), version: m.version } })}
    />
  );
}
