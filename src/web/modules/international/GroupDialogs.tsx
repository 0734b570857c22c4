// The dialogs of a working group's page: 会議を記録/編集 (createGroupMeeting / updateGroupMeeting), アイデアを募集
// (createIdeaCall), アクションを登録 (createGroupAction) — the bureau's managers — and 進み具合を記録
// (updateGroupAction: the owner division's editors and the managers). Each save answers the whole group, which
// replaces the page's copy.
import { NativeSelect, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { listProjects } from "../../../common/api/international";
import {
  ACTION_STATUS_LABELS,
  ACTION_STATUSES,
  createGroupAction,
  createGroupMeeting,
  createIdeaCall,
  type GroupAction,
  type GroupDetail,
  updateGroupAction,
  updateGroupMeeting,
} from "../../../common/api/international-groups";
import { parseJapaneseDate } from "../../../common/dates";
import { call } from "../../api/client";
import { warekiOf } from "../../ui/dates";
import { FormModal } from "../../ui/FormModal";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { gm } from "./groupMessages";
import { groupKeys } from "./groupQueries";
import { internationalKeys } from "./queries";
import { StaffPicker } from "./StaffPicker";
import { sm } from "./staffMessages";

type Meeting = GroupDetail["meetings"][number];

/** After a save: the page shows the group the server answered; the list's counts are fetched again. */
function useSaved(groupId: string) {
  const queryClient = useQueryClient();
  return async (detail: GroupDetail) => {
    queryClient.setQueryData(groupKeys.group(groupId), detail);
    await queryClient.invalidateQueries({ queryKey: groupKeys.all, predicate: (q) => q.queryKey[2] === "list" });
  };
}

/** A required 和暦/西暦 date: the field's message when it cannot be read. */
function dateError(text: string): string | null {
  if (!text.trim()) return "日付を入力してください。";
  return parseJapaneseDate(text) ? null : "日付の形式が正しくありません（例: 令和6年11月30日 / 2024-11-30）";
}

export function MeetingDialog({ group, meeting, onClose }: { group: GroupDetail; meeting?: Meeting; onClose: () => void }) {
  const saved = useSaved(group.id);
  const t = gm.group;
  const form = useForm({
    initialValues: {
      heldOn: meeting ? warekiOf(meeting.heldOn) : "",
      title: meeting?.title ?? "",
      agenda: meeting?.agenda ?? "",
      attendees: meeting?.attendees ?? "",
      minutes: meeting?.minutes ?? "",
      decisions: meeting?.decisions ?? "",
    },
    validate: { heldOn: dateError, title: (v) => (v.trim() ? null : "会議名を入力してください。") },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (body) =>
      meeting
        ? call(updateGroupMeeting, { params: { id: group.id, meetingId: meeting.id }, body })
        : call(createGroupMeeting, { params: { id: group.id }, body }),
    saved: async (detail, values) => {
      await saved(detail);
      onClose();
      return gm.meetingForm.saved(values.title);
    },
  });
  return (
    <FormModal
      title={meeting ? gm.meetingForm.editTitle : gm.meetingForm.createTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <JapaneseDateInput
          label={t.heldOn}
          required
          data-autofocus
          value={form.values.heldOn}
          onChange={(value) => form.setFieldValue("heldOn", value)}
          error={form.errors.heldOn ? String(form.errors.heldOn) : undefined}
        />
        <TextInput label={t.meetingTitle} required {...form.getInputProps("title")} />
      </SimpleGrid>
      <Textarea label={t.agenda} autosize minRows={2} maxRows={6} {...form.getInputProps("agenda")} />
      <Textarea label={t.attendees} autosize minRows={1} maxRows={4} {...form.getInputProps("attendees")} />
      <Textarea label={t.minutes} autosize minRows={4} maxRows={14} {...form.getInputProps("minutes")} />
      <Textarea label={t.decisions} autosize minRows={2} maxRows={6} {...form.getInputProps("decisions")} />
    </FormModal>
  );
}

export function CallDialog({ group, onClose }: { group: GroupDetail; onClose: () => void }) {
  const saved = useSaved(group.id);
  const t = gm.callForm;
  const form = useForm({
    initialValues: { title: "", question: "", closesOn: "", meetingId: "" },
    validate: { closesOn: dateError, title: (v) => (v.trim() ? null : "募集名を入力してください。") },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) => call(createIdeaCall, { params: { id: group.id }, body: { ...values, meetingId: values.meetingId || null } }),
    saved: async (detail, values) => {
      await saved(detail);
      onClose();
      return t.saved(values.title);
    },
  });
  return (
    <FormModal title={t.title} onClose={onClose} formRef={formRef} onSubmit={submit} error={save.error} saving={save.isPending} size="lg">
      <TextInput label={t.callTitle} required data-autofocus {...form.getInputProps("title")} />
      <Textarea label={t.question} autosize minRows={3} maxRows={8} {...form.getInputProps("question")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <JapaneseDateInput
          label={t.closesOn}
          required
          value={form.values.closesOn}
          onChange={(value) => form.setFieldValue("closesOn", value)}
          error={form.errors.closesOn ? String(form.errors.closesOn) : undefined}
        />
        <NativeSelect
          label={t.meeting}
          data={[
            { value: "", label: t.noMeeting },
            ...group.meetings.map((m) => ({ value: m.id, label: `${m.title}（${warekiOf(m.heldOn)}）` })),
          ]}
          {...form.getInputProps("meetingId")}
        />
      </SimpleGrid>
    </FormModal>
  );
}

export function ActionDialog({ group, onClose }: { group: GroupDetail; onClose: () => void }) {
  const saved = useSaved(group.id);
  const t = gm.actionForm;
  const adopted = group.calls.flatMap((c) => c.ideas).filter((i) => i.status === "adopted");
  const owners = [
    ...group.members,
    ...(group.members.some((m) => m.organisationId === group.leadOrganisationId)
      ? []
      : [{ organisationId: group.leadOrganisationId, name: group.leadOrganisationName }]),
  ];
  const form = useForm({
    initialValues: { title: "", ideaId: "", ownerOrganisationId: "", ownerUserId: "", ownerUserName: "", dueOn: "" },
    validate: {
      title: (v) => (v.trim() ? null : "アクションを入力してください。"),
      ownerOrganisationId: (v) => (v ? null : "担当課を選んでください。"),
      // the picker names a member of staff: text typed without choosing a suggestion is not a person
      ownerUserName: (v, values) => (v.trim() && !values.ownerUserId ? sm.action.ownerUserPick : null),
      dueOn: dateError,
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) =>
      call(createGroupAction, {
        params: { id: group.id },
        body: {
          title: values.title,
          ideaId: values.ideaId || null,
          ownerOrganisationId: values.ownerOrganisationId,
          ownerUserId: values.ownerUserId || null,
          dueOn: values.dueOn,
        },
      }),
    saved: async (detail, values) => {
      await saved(detail);
      onClose();
      return t.saved(values.title);
    },
  });
  return (
    <FormModal title={t.title} onClose={onClose} formRef={formRef} onSubmit={submit} error={save.error} saving={save.isPending} size="lg">
      <TextInput label={t.actionTitle} required data-autofocus {...form.getInputProps("title")} />
      <NativeSelect
        label={t.idea}
        data={[{ value: "", label: t.noIdea }, ...adopted.map((i) => ({ value: i.id, label: `${i.title}（${i.organisationName}）` }))]}
        {...form.getInputProps("ideaId")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t.owner}
          required
          data={[{ value: "", label: gm.groupForm.choose }, ...owners.map((o) => ({ value: o.organisationId, label: o.name }))]}
          {...form.getInputProps("ownerOrganisationId")}
          onChange={(event) => {
            form.setFieldValue("ownerOrganisationId", event.currentTarget.value);
            // the owner is one of the division's staff: another division clears them
            form.setFieldValue("ownerUserId", "");
            form.setFieldValue("ownerUserName", "");
          }}
        />
        <StaffPicker
          label={sm.action.ownerUser}
          description={form.values.ownerOrganisationId ? sm.action.ownerUserHelp : sm.action.ownerUserNeedsDivision}
          disabled={!form.values.ownerOrganisationId}
          organisationId={form.values.ownerOrganisationId || undefined}
          value={form.values.ownerUserName}
          linked={form.values.ownerUserId !== ""}
          error={form.errors.ownerUserName ?? form.errors.ownerUserId}
          onChange={(text) => {
            form.setFieldValue("ownerUserName", text);
            form.setFieldValue("ownerUserId", "");
          }}
          onSelect={(member) => {
            form.setFieldValue("ownerUserId", member.id);
            form.setFieldValue("ownerUserName", member.displayName);
          }}
        />
        <JapaneseDateInput
          label={t.dueOn}
          required
          value={form.values.dueOn}
          onChange={(value) => form.setFieldValue("dueOn", value)}
          error={form.errors.dueOn ? String(form.errors.dueOn) : undefined}
        />
      </SimpleGrid>
    </FormModal>
  );
}

export function ProgressDialog({ group, action, onClose }: { group: GroupDetail; action: GroupAction; onClose: () => void }) {
  const saved = useSaved(group.id);
  const t = gm.progressForm;
  const projectsQuery = { page: 1, pageSize: 200, sort: "name" as const };
  const projects = useQuery({
    queryKey: internationalKeys.projects({ ...projectsQuery, purpose: "group-action" }),
    queryFn: () => call(listProjects, { query: projectsQuery }),
    staleTime: 60_000,
  });
  const projectOptions = (projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.ownerName}）` }));
  if (action.projectId && action.projectName && !projectOptions.some((o) => o.value === action.projectId))
    projectOptions.unshift({ value: action.projectId, label: action.projectName });
  const form = useForm({
    initialValues: {
      status: action.status as (typeof ACTION_STATUSES)[number],
      doneOn: action.doneOn ? warekiOf(action.doneOn) : "",
      result: action.result,
      projectId: action.projectId ?? "",
    },
    validate: {
      doneOn: (v, values) => (values.status === "done" ? dateError(v) : null),
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) =>
      call(updateGroupAction, {
        params: { id: group.id, actionId: action.id },
        body: {
          version: action.version,
          status: values.status,
          doneOn: values.status === "done" ? values.doneOn : null,
          result: values.result,
          projectId: values.projectId || null,
        },
      }),
    saved: async (detail) => {
      await saved(detail);
      onClose();
      return t.saved(action.title);
    },
  });
  return (
    <FormModal
      title={t.title(action.title)}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={t.conflict}
      saving={save.isPending}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t.status}
          data-autofocus
          data={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))}
          {...form.getInputProps("status")}
        />
        <JapaneseDateInput
          label={t.doneOn}
          required={form.values.status === "done"}
          disabled={form.values.status !== "done"}
          value={form.values.doneOn}
          onChange={(value) => form.setFieldValue("doneOn", value)}
          error={form.errors.doneOn ? String(form.errors.doneOn) : undefined}
        />
      </SimpleGrid>
      <Textarea label={t.result} autosize minRows={3} maxRows={8} {...form.getInputProps("result")} />
      <NativeSelect label={t.project} data={[{ value: "", label: t.noProject }, ...projectOptions]} {...form.getInputProps("projectId")} />
    </FormModal>
  );
}
