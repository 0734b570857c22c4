// /meetings/$id: one meeting — its record (linked), kind, 和暦 date and time, place or online, attendees by
// organisation, agenda, materials (download; upload and delete for those who record it), minutes, decisions, and the
// follow-ups with add / change and assign / close / reopen.
import { Badge, Button, Group, List, Paper, SimpleGrid, Stack, Text } from "@mantine/core";
import { useNavigate } from "@tanstack/react-router";
import { useState } from "react";
import {
  deleteFollowup,
  deleteMeeting,
  deleteMeetingMaterial,
  downloadMeetingMaterial,
  type Followup,
  type MeetingAttendee,
  type MeetingMaterial,
  reopenFollowup,
  uploadMeetingMaterial,
} from "../../common/api/meetings";
import { MEETING_KIND_LABELS } from "../../common/meetings/meeting-kinds";
import { ATTACHMENT_TYPES, ATTACHMENTS_PER_SECTION_MAX, DOCUMENT_UPLOAD_MAX_BYTES } from "../../common/upload-limits";
import { call, upload, urlFor } from "../api/client";
import { AttachmentSection } from "../ui/AttachmentSection";
import { ConfirmButton } from "../ui/ConfirmButton";
import { type Column, DataTable } from "../ui/DataTable";
import { DetailField } from "../ui/DetailField";
import { DateText, DateTimeText } from "../ui/dates";
import { ErrorAlert } from "../ui/ErrorAlert";
import { useFlash } from "../ui/Flash";
import { InternalLink } from "../ui/InternalLink";
import { Loading } from "../ui/Loading";
import { ButtonLink } from "../ui/links";
import { PageHeader } from "../ui/PageHeader";
import { SampleBadge } from "../ui/SampleBadge";
import { Section } from "../ui/Section";
import { CloseFollowupDialog, FollowupDialog } from "./FollowupDialogs";
import { mtm } from "./messages";
import { FollowupOwner, FollowupState } from "./parts";
import { useMeeting, useStoreMeeting } from "./queries";

const d = mtm.detail;
const f = mtm.followup;
const mat = mtm.materials;

function LongText({ text }: { text: string }) {
  return text ? (
    <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
      {text}
    </Text>
  ) : (
    <Text size="sm" c="dimmed">
      {d.none}
    </Text>
  );
}

export function MeetingPage({ id }: { id: string }) {
  const meeting = useMeeting(id);
  const store = useStoreMeeting();
  const flash = useFlash();
  const navigate = useNavigate();
  const [editing, setEditing] = useState<Followup | "new" | null>(null);
  const [closing, setClosing] = useState<Followup | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);

  if (meeting.error) return <ErrorAlert error={meeting.error} />;
  const m = meeting.data;
  if (!m) return <Loading />;

  const run = async (action: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await action();
    } catch (error) {
      setActionError(error);
    }
  };

  const attendeeColumns: Column<MeetingAttendee>[] = [
    { key: "org", header: d.organisation, rowHeader: true, render: (a) => a.organisationName },
    { key: "people", header: d.people, render: (a) => a.people || "—" },
  ];

  const materialColumns: Column<MeetingMaterial>[] = [
    {
      key: "name",
      header: mat.name,
      rowHeader: true,
      render: (file) => (
        <a href={urlFor(downloadMeetingMaterial, { params: { id: m.id, fileId: file.id } })} download>
          {file.name}
        </a>
      ),
    },
    { key: "size", header: mat.size, align: "right", nowrap: true, render: (file) => mtm.bytes(file.sizeBytes) },
    { key: "at", header: mat.uploadedAt, nowrap: true, render: (file) => <DateTimeText timestamp={file.createdAt} /> },
    ...(m.canManage
      ? [
          {
            key: "remove",
            header: mat.remove,
            render: (file: MeetingMaterial) => (
              <ConfirmButton
                size="xs"
                variant="subtle"
                color="red"
                title={mat.removeTitle}
                message={mat.removeMessage(file.name)}
                aria-label={`${mat.remove}: ${file.name}`}
                onConfirm={async () => store(await call(deleteMeetingMaterial, { params: { id: m.id, fileId: file.id } }))}
              >
                {mat.remove}
              </ConfirmButton>
            ),
          } satisfies Column<MeetingMaterial>,
        ]
      : []),
  ];

  const followupColumns: Column<Followup>[] = [
    {
      key: "title",
      header: f.title,
      rowHeader: true,
      render: (item) => (
        <Stack gap={2}>
          <Text size="sm" fw={item.mine ? 700 : undefined}>
            {item.title}
          </Text>
          {item.detail && (
            <Text size="xs" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>
              {item.detail}
            </Text>
          )}
          {item.status === "done" && item.doneNote && (
            <Text size="xs" c="dimmed">
              {f.note}: {item.doneNote}
            </Text>
          )}
        </Stack>
      ),
    },
    { key: "owner", header: f.owner, render: (item) => <FollowupOwner item={item} /> },
    { key: "due", header: f.dueOn, nowrap: true, render: (item) => <DateText iso={item.dueOn} western="title" /> },
    { key: "status", header: f.status, render: (item) => <FollowupState item={item} /> },
    {
      key: "actions",
      header: "操作",
      render: (item) => (
        <Group gap={4} wrap="wrap">
          {item.canClose && item.status === "open" && (
            <Button size="xs" onClick={() => setClosing(item)} aria-label={`${f.close}: ${item.title}`}>
              {f.close}
            </Button>
          )}
          {item.canClose && item.status === "done" && (
            <Button
              size="xs"
              variant="default"
              aria-label={`${f.reopen}: ${item.title}`}
              onClick={() =>
                run(async () => {
                  store(await call(reopenFollowup, { params: { id: m.id, followupId: item.id }, body: { version: item.version } }));
                  flash.show(f.reopened);
                })
              }
            >
              {f.reopen}
            </Button>
          )}
          {m.canManage && (
            <Button size="xs" variant="default" onClick={() => setEditing(item)} aria-label={`${f.edit}: ${item.title}`}>
              {f.edit}
            </Button>
          )}
          {m.canManage && (
            <ConfirmButton
              size="xs"
              variant="subtle"
              color="red"
              title={f.removeTitle}
              message={f.removeMessage(item.title)}
              aria-label={`${f.remove}: ${item.title}`}
              onConfirm={async () =>
                store(await call(deleteFollowup, { params: { id: m.id, followupId: item.id }, query: { version: item.version } }))
              }
            >
              {f.remove}
            </ConfirmButton>
          )}
        </Group>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={m.title}
        breadcrumbs={[
          { label: mtm.crumbs.meetings, href: "/meetings" },
          ...(m.owner.path && m.owner.title ? [{ label: m.owner.title, href: m.owner.path }] : []),
          { label: m.title },
        ]}
        badges={
          <Group gap={6}>
            <Badge variant="light">{MEETING_KIND_LABELS[m.kind]}</Badge>
            {m.isSample && <SampleBadge />}
          </Group>
        }
        actions={
          m.canManage ? (
            <Group gap="xs">
              <ButtonLink to={`/meetings/${m.id}/edit` as never} variant="default">
                {d.edit}
              </ButtonLink>
              <ConfirmButton
                color="red"
                variant="light"
                title={d.deleteTitle}
                message={d.deleteMessage}
                onConfirm={async () => {
                  await call(deleteMeeting, { params: { id: m.id }, query: { version: m.version } });
                  flash.show(d.deleted);
                  await navigate({ to: (m.owner.path ?? "/meetings") as never });
                }}
              >
                {d.delete}
              </ConfirmButton>
            </Group>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <ErrorAlert error={actionError} conflictMessage={f.conflict} />
        <Paper withBorder p="md">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
            <DetailField label={d.owner}>
              <Text size="xs" c="dimmed" span>
                {m.owner.kindLabel}{" "}
              </Text>
              {m.owner.path && m.owner.title ? <InternalLink href={m.owner.path}>{m.owner.title}</InternalLink> : (m.owner.title ?? "—")}
            </DetailField>
            <DetailField label={d.heldOn}>
              <DateText iso={m.heldOn} />
            </DetailField>
            <DetailField label={d.time}>{m.startsAt ? `${m.startsAt}${m.endsAt ? `〜${m.endsAt}` : ""}` : "—"}</DetailField>
            <DetailField label={d.place}>{m.place || "—"}</DetailField>
            <DetailField label={d.online}>
              {m.online ? (
                m.onlineUrl ? (
                  <a href={m.onlineUrl} target="_blank" rel="noreferrer noopener">
                    {d.onlineYes}
                  </a>
                ) : (
                  d.onlineYes
                )
              ) : (
                "—"
              )}
            </DetailField>
            <DetailField label="記録">
              <Text size="sm" span>
                {d.recordedBy(m.createdByName)}・<DateTimeText timestamp={m.updatedAt} />
              </Text>
            </DetailField>
          </SimpleGrid>
        </Paper>

        <Section id="meeting-attendees" title={d.attendees}>
          <DataTable
            caption={d.attendeesCaption}
            captionHidden
            columns={attendeeColumns}
            rows={m.attendees}
            rowKey={(a) => `${a.organisationName}-${a.people}`}
            empty={d.noAttendees}
            minWidth={480}
          />
        </Section>

        <Section id="meeting-agenda" title={d.agenda}>
          <LongText text={m.agenda} />
        </Section>

        <AttachmentSection
          headingId="meeting-materials"
          title={mat.heading}
          intro={mat.intro}
          readOnlyNote={m.canManage ? null : mat.readOnly}
          upload={
            m.canManage
              ? {
                  headingId: "meeting-material-form",
                  accept: ATTACHMENT_TYPES,
                  maxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
                  limit: { count: m.materials.length, max: ATTACHMENTS_PER_SECTION_MAX, fullMessage: mat.full },
                  messages: {
                    submit: mat.upload,
                    fileLabel: mat.fileLabel,
                    fileHelp: mat.fileHelp,
                    placeholder: mat.placeholder,
                    chooseFile: mat.chooseFile,
                    wrongType: mat.wrongType,
                    tooLarge: mat.tooLarge,
                    uploading: mat.uploading,
                    uploaded: (file) => mat.uploaded(file.name),
                  },
                  clearStatusOnSubmit: true,
                  upload: (file: File) => upload(uploadMeetingMaterial, { params: { id: m.id } }, file),
                  onUploaded: store,
                }
              : null
          }
        >
          <DataTable
            caption={mat.caption}
            captionHidden
            columns={materialColumns}
            rows={m.materials}
            rowKey={(file) => file.id}
            empty={mat.empty}
            minWidth={480}
          />
        </AttachmentSection>

        <Section id="meeting-minutes" title={d.minutes}>
          <LongText text={m.minutes} />
        </Section>

        <Section id="meeting-decisions" title={d.decisions}>
          {m.decisions.length === 0 ? (
            <Text size="sm" c="dimmed">
              {d.noDecisions}
            </Text>
          ) : (
            <List type="ordered" size="sm" spacing={4}>
              {m.decisions.map((text, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: decisions are kept in their order and may repeat
                <List.Item key={i}>{text}</List.Item>
              ))}
            </List>
          )}
        </Section>

        <Section
          id="meeting-followups"
          title={f.heading}
          actions={
            m.canManage ? (
              <Button size="xs" onClick={() => setEditing("new")}>
                {f.add}
              </Button>
            ) : undefined
          }
        >
          <DataTable
            caption={f.caption}
            captionHidden
            columns={followupColumns}
            rows={m.followups}
            rowKey={(item) => item.id}
            empty={f.empty}
            minWidth={800}
          />
        </Section>
      </Stack>
      {editing && (
        <FollowupDialog
          meeting={m}
          item={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(detail) => {
            store(detail);
            setEditing(null);
            flash.show(f.saved);
          }}
        />
      )}
      {closing && (
        <CloseFollowupDialog
          meeting={m}
          item={closing}
          onClose={() => setClosing(null)}
          onSaved={(detail) => {
            store(detail);
            setClosing(null);
            flash.show(f.closed);
          }}
        />
      )}
    </>
  );
}
