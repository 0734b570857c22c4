// The dialogs of a meeting's follow-ups: add or change one (title, detail, the member of staff it is assigned to —
// picked from the staff by name with the keyboard —, an outside owner, the due date), and close one with its date
// and a note. Each answers the meeting's new state.
import { Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { lookupStaff, type StaffMember } from "../../common/api/international-staff";
import {
  closeFollowup,
  createFollowup,
  type Followup,
  MEETING_LIMITS,
  type MeetingDetail,
  updateFollowup,
} from "../../common/api/meetings";
import { parseJapaneseDate } from "../../common/dates";
import { call } from "../api/client";
import { ErrorAlert } from "../ui/ErrorAlert";
import { JapaneseDateInput } from "../ui/JapaneseDateInput";
import { SearchCombobox } from "../ui/SearchCombobox";
import { mtm } from "./messages";

const t = mtm.followup;
const FIELD_LABELS = { title: t.title, detail: t.detail, assigneeId: t.assignee, ownerOrganisation: t.ownerOrganisation, dueOn: t.dueOn };

function Actions({ saving, onClose, label }: { saving: boolean; onClose: () => void; label: string }) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onClose}>
        {t.cancel}
      </Button>
      <Button type="submit" loading={saving}>
        {label}
      </Button>
    </Group>
  );
}

export function FollowupDialog({
  meeting,
  item,
  onClose,
  onSaved,
}: {
  meeting: MeetingDetail;
  /** the item to change; none adds a new one */
  item: Followup | null;
  onClose: () => void;
  onSaved: (detail: MeetingDetail) => void;
}) {
  const [title, setTitle] = useState(item?.title ?? "");
  const [detail, setDetail] = useState(item?.detail ?? "");
  const [assignee, setAssignee] = useState<{ id: string | null; text: string }>({
    id: item?.assigneeId ?? null,
    text: item?.assigneeName ?? "",
  });
  const [ownerOrganisation, setOwnerOrganisation] = useState(item?.ownerOrganisation ?? "");
  const [dueOn, setDueOn] = useState(item?.dueOn ?? "");
  const [assigneeError, setAssigneeError] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => {
      const body = {
        title,
        detail,
        assigneeId: assignee.id,
        ownerOrganisation: ownerOrganisation.trim() || null,
        dueOn: dueOn.trim() ? (parseJapaneseDate(dueOn)?.iso ?? dueOn) : null,
      };
      return item
        ? call(updateFollowup, { params: { id: meeting.id, followupId: item.id }, body: { ...body, version: item.version } })
        : call(createFollowup, { params: { id: meeting.id }, body });
    },
    onSuccess: onSaved,
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    // Typed text that was not chosen from the list names nobody: ask for a choice instead of dropping it silently.
    if (assignee.text.trim() && !assignee.id) {
      setAssigneeError("候補の一覧から職員を選んでください（外部の担当は「担当団体」に入力します）。");
      return;
    }
    save.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={item ? t.editTitle : t.addTitle} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} conflictMessage={t.conflict} fieldLabels={FIELD_LABELS} />
          <TextInput
            label={t.title}
            required
            value={title}
            maxLength={MEETING_LIMITS.followupTitle}
            onChange={(e) => setTitle(e.currentTarget.value)}
            data-autofocus
          />
          <Textarea
            label={t.detail}
            value={detail}
            maxLength={MEETING_LIMITS.followupDetail}
            autosize
            minRows={2}
            onChange={(e) => setDetail(e.currentTarget.value)}
          />
          <SearchCombobox<StaffMember>
            label={t.assignee}
            description={t.assigneeHelp}
            value={assignee.text}
            error={assigneeError}
            onChange={(text) => {
              setAssigneeError(null);
              setAssignee({ id: null, text });
            }}
            onSelect={(member) => {
              setAssigneeError(null);
              setAssignee({ id: member.id, text: member.displayName });
            }}
            queryKey={(q) => ["meetings", "staff", q] as const}
            search={async (q) => (await call(lookupStaff, { query: { q } })).items}
            itemKey={(s) => s.id}
            itemLabel={(s) => s.displayName}
            itemDetail={(s) => s.organisationName}
            minChars={1}
            texts={mtm.picker}
            inputWrapperOrder={["label", "input", "description", "error"]}
          />
          <TextInput
            label={t.ownerOrganisation}
            description={t.ownerOrganisationHelp}
            value={ownerOrganisation}
            maxLength={MEETING_LIMITS.organisationName}
            onChange={(e) => setOwnerOrganisation(e.currentTarget.value)}
          />
          <JapaneseDateInput label={t.dueOn} value={dueOn} onChange={(value) => setDueOn(value)} />
          <Actions saving={save.isPending} onClose={onClose} label={t.save} />
        </Stack>
      </form>
    </Modal>
  );
}

export function CloseFollowupDialog({
  meeting,
  item,
  onClose,
  onSaved,
}: {
  meeting: MeetingDetail;
  item: Followup;
  onClose: () => void;
  onSaved: (detail: MeetingDetail) => void;
}) {
  const [doneOn, setDoneOn] = useState("");
  const [note, setNote] = useState("");
  const save = useMutation({
    mutationFn: () =>
      call(closeFollowup, {
        params: { id: meeting.id, followupId: item.id },
        body: { version: item.version, doneOn: doneOn.trim() ? (parseJapaneseDate(doneOn)?.iso ?? doneOn) : null, note },
      }),
    onSuccess: onSaved,
  });
  return (
    <Modal opened onClose={onClose} title={`${t.closeTitle}: ${item.title}`} size="lg" centered>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
        noValidate
      >
        <Stack>
          <ErrorAlert error={save.error} conflictMessage={t.conflict} fieldLabels={{ doneOn: t.doneOn, note: t.note }} />
          <JapaneseDateInput
            label={t.doneOn}
            description={t.doneOnHelp}
            value={doneOn}
            onChange={(value) => setDoneOn(value)}
            data-autofocus
          />
          <Textarea
            label={t.note}
            value={note}
            maxLength={MEETING_LIMITS.doneNote}
            autosize
            minRows={2}
            onChange={(e) => setNote(e.currentTarget.value)}
          />
          <Actions saving={save.isPending} onClose={onClose} label={t.close} />
        </Stack>
      </form>
    </Modal>
  );
}
