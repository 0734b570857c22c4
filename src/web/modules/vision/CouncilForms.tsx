// The bureau's dialogs on /vision/council: a member (add or edit), a member's own login, and a meeting. Each form is
// checked in the browser with its API body schema (the same Japanese messages as the server) before it is sent.
import { Checkbox, NativeSelect, PasswordInput, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CouncilMeeting, CouncilMember } from "../../../common/api/vision-engagement";
import {
  createCouncilMeeting,
  createCouncilMember,
  createCouncilMemberLogin,
  updateCouncilMeeting,
  updateCouncilMember,
} from "../../../common/api/vision-engagement";
import { call } from "../../api/client";
import { warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { zodResolver } from "../../ui/zodForm";
import { bodyOf } from "./components";
import { DialogActions } from "./DialogActions";
import { em } from "./engagementMessages";
import type { useCouncil } from "./engagementQueries";

export type Council = NonNullable<ReturnType<typeof useCouncil>["data"]>;

function useInvalidateCouncil() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["vision", "engagement", "council"] });
}

interface MemberValues {
  name: string;
  affiliation: string;
  isChair: boolean;
  active: boolean;
}

/** A new member has no 在任 flag yet: the create body leaves it out. */
function memberBody(values: MemberValues, isNew: boolean) {
  return isNew ? { name: values.name, affiliation: values.affiliation, isChair: values.isChair } : values;
}

export function MemberForm({ planId, member, onDone }: { planId: string; member: CouncilMember | null; onDone: () => void }) {
  const invalidate = useInvalidateCouncil();
  const flash = useFlash();
  const isNew = member === null;
  const form = useForm<MemberValues>({
    initialValues: {
      name: member?.name ?? "",
      affiliation: member?.affiliation ?? "",
      isChair: member?.isChair ?? false,
      active: member?.active ?? true,
    },
    validate: (values) =>
      isNew
        ? zodResolver(bodyOf(createCouncilMember))(memberBody(values, true))
        : zodResolver(bodyOf(updateCouncilMember))(memberBody(values, false)),
  });
  const save = useMutation({
    mutationFn: (values: MemberValues) =>
      member
        ? call(updateCouncilMember, { params: { id: member.id }, body: memberBody(values, false) })
        : call(createCouncilMember, { query: { planId }, body: memberBody(values, true) }),
    onSuccess: () => {
      invalidate();
      flash.show(em.council.memberSaved);
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <TextInput label={em.council.name} maxLength={100} required data-autofocus {...form.getInputProps("name")} />
        <TextInput label={em.council.affiliation} maxLength={200} {...form.getInputProps("affiliation")} />
        <Checkbox label={em.council.isChair} {...form.getInputProps("isChair", { type: "checkbox" })} />
        {member ? <Checkbox label={em.council.activeLabel} {...form.getInputProps("active", { type: "checkbox" })} /> : null}
        <DialogActions onCancel={onDone} saving={save.isPending} submitLabel={em.save} />
      </Stack>
    </form>
  );
}

export function LoginForm({ member, onDone }: { member: CouncilMember; onDone: () => void }) {
  const invalidate = useInvalidateCouncil();
  const flash = useFlash();
  const form = useForm({
    initialValues: { loginId: "", password: "" },
    validate: zodResolver(bodyOf(createCouncilMemberLogin)),
  });
  const save = useMutation({
    mutationFn: (body: { loginId: string; password: string }) => call(createCouncilMemberLogin, { params: { id: member.id }, body }),
    onSuccess: () => {
      invalidate();
      flash.show(em.council.loginCreated(member.name));
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <Text size="sm">{em.council.createLoginHelp}</Text>
        <ErrorAlert error={save.error} />
        <TextInput label={em.council.loginId} autoComplete="off" required data-autofocus {...form.getInputProps("loginId")} />
        <PasswordInput
          label={em.council.password}
          description={em.council.passwordHelp}
          autoComplete="new-password"
          required
          {...form.getInputProps("password")}
        />
        <DialogActions onCancel={onDone} saving={save.isPending} submitLabel={em.council.createLogin} />
      </Stack>
    </form>
  );
}

interface MeetingValues {
  title: string;
  /** 和暦 or 西暦 text */
  heldOn: string;
  place: string;
  summary: string;
  memberIds: string[];
  /** "" = not tied to a round */
  roundId: string;
}

const meetingBody = (values: MeetingValues) => ({ ...values, roundId: values.roundId || null });

export function MeetingForm({ council, meeting, onDone }: { council: Council; meeting: CouncilMeeting | null; onDone: () => void }) {
  const invalidate = useInvalidateCouncil();
  const flash = useFlash();
  const form = useForm<MeetingValues>({
    initialValues: {
      title: meeting?.title ?? "",
      heldOn: meeting ? warekiOf(meeting.heldOn) : "",
      place: meeting?.place ?? "",
      summary: meeting?.summary ?? "",
      // a new meeting starts with every serving member present
      memberIds: meeting?.memberIds ?? council.members.filter((m) => m.active).map((m) => m.id),
      roundId: meeting?.roundId ?? "",
    },
    validate: (values) => zodResolver(bodyOf(createCouncilMeeting))(meetingBody(values)),
  });
  const save = useMutation({
    mutationFn: (values: MeetingValues) =>
      meeting
        ? call(updateCouncilMeeting, { params: { id: meeting.id }, body: meetingBody(values) })
        : call(createCouncilMeeting, { query: { planId: council.planId }, body: meetingBody(values) }),
    onSuccess: () => {
      invalidate();
      flash.show(em.council.meetingSaved);
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrors(error)),
  });
  const { memberIds } = form.values;
  const toggle = (id: string, on: boolean) => form.setFieldValue("memberIds", on ? [...memberIds, id] : memberIds.filter((x) => x !== id));
  const membersError = form.errors.memberIds;
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} noValidate>
      <Stack>
        <ErrorAlert error={save.error} />
        <TextInput label={em.council.meetingTitle} maxLength={200} required data-autofocus {...form.getInputProps("title")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <JapaneseDateInput
            label={em.council.heldOn}
            value={form.values.heldOn}
            onChange={(text) => form.setFieldValue("heldOn", text)}
            required
            error={form.errors.heldOn ? String(form.errors.heldOn) : undefined}
          />
          <TextInput label={em.council.place} maxLength={200} {...form.getInputProps("place")} />
        </SimpleGrid>
        <NativeSelect
          label={em.council.round}
          data={[{ value: "", label: em.council.noRound }, ...council.rounds.map((r) => ({ value: r.id, label: r.name }))]}
          {...form.getInputProps("roundId")}
        />
        <fieldset className="yk-fieldset">
          <legend>{em.council.present}</legend>
          <Stack gap={6}>
            {council.members.map((m) => (
              <Checkbox
                key={m.id}
                label={m.name}
                checked={memberIds.includes(m.id)}
                onChange={(e) => toggle(m.id, e.currentTarget.checked)}
              />
            ))}
          </Stack>
          {membersError ? (
            <Text size="sm" c="red.8" role="alert">
              {membersError}
            </Text>
          ) : null}
        </fieldset>
        <Textarea label={em.council.summary} autosize minRows={4} maxLength={4000} {...form.getInputProps("summary")} />
        <DialogActions onCancel={onDone} saving={save.isPending} submitLabel={em.save} />
      </Stack>
    </form>
  );
}
