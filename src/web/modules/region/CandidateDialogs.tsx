// The dialogs of 連携事業の候補: 「連携の候補を提案」 (a department's editor), and the bureau's 段階を変える / 事業化する /
// 見送る, each with the reason the step rules require (common/region/candidate-steps.ts: skip, return and drop need one;
// the server checks the same rule). Dates as 和暦 or 西暦; every input labelled; the first invalid input takes the focus.
import { Checkbox, Group, NativeSelect, NumberInput, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import {
  adoptCandidate,
  type CandidateDetail,
  candidateCreateBody,
  createCandidate,
  moveCandidate,
} from "../../../common/api/region-candidates";
import { parseJapaneseDate } from "../../../common/dates";
import {
  CANDIDATE_OBSTACLE_LABELS,
  CANDIDATE_OBSTACLES,
  CANDIDATE_STEP_LABELS,
  type CandidateObstacle,
  type CandidateStep,
  checkCandidateMove,
} from "../../../common/region/candidate-steps";
import { ApiError, call } from "../../api/client";
import { FormModal } from "../../ui/FormModal";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { zodResolver } from "../../ui/zodForm";
import { cdm } from "./candidateMessages";
import { candidateKeys, useCandidateOptions } from "./candidateQueries";

const f = cdm.form;
const a = cdm.actions;

interface ProposeValues {
  title: string;
  proposingOrganisationId: string;
  frameworkId: string;
  memberIds: string[];
  summary: string;
  expectedEffect: string;
  obstacle: CandidateObstacle | "";
  obstacleNote: string;
}

export function ProposeCandidateDialog({ onClose }: { onClose: () => void }) {
  const options = useCandidateOptions();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const proposeFor = options.data?.proposeFor ?? [];
  const frameworks = options.data?.frameworks ?? [];
  const form = useForm<ProposeValues>({
    initialValues: {
      title: "",
      // an editor's own 課 (the last of their 局 and 課); an administrator chooses among every 局・課
      proposingOrganisationId: proposeFor.length <= 2 ? (proposeFor.at(-1)?.id ?? "") : "",
      frameworkId: frameworks[0]?.id ?? "",
      memberIds: [],
      summary: "",
      expectedEffect: "",
      obstacle: "",
      obstacleNote: "",
    },
    validate: zodResolver(candidateCreateBody),
  });
  const members = frameworks.find((fw) => fw.id === form.values.frameworkId)?.members ?? [];
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) => call(createCandidate, { body: { ...v, obstacle: v.obstacle as CandidateObstacle } }),
    saved: async (made) => {
      await queryClient.invalidateQueries({ queryKey: candidateKeys.all });
      onClose();
      navigate({ to: "/region/candidates/$id" as never, params: { id: made.id } as never });
      return f.saved(made.title);
    },
  });
  return (
    <FormModal title={f.title} onClose={onClose} formRef={formRef} onSubmit={submit} error={save.error} saving={save.isPending}>
      <TextInput label={f.name} required data-autofocus maxLength={120} {...form.getInputProps("title")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={f.department}
          required
          data={[
            ...(proposeFor.length > 2 ? [{ value: "", label: f.choose }] : []),
            ...proposeFor.map((d) => ({ value: d.id, label: d.name })),
          ]}
          {...form.getInputProps("proposingOrganisationId")}
        />
        <NativeSelect
          label={f.framework}
          required
          data={frameworks.map((fw) => ({ value: fw.id, label: fw.name }))}
          {...form.getInputProps("frameworkId")}
          onChange={(e) => {
            form.setFieldValue("frameworkId", e.currentTarget.value);
            form.setFieldValue("memberIds", []);
          }}
        />
      </SimpleGrid>
      <Checkbox.Group
        label={f.members}
        value={form.values.memberIds}
        onChange={(v) => form.setFieldValue("memberIds", v)}
        error={form.errors.memberIds}
      >
        <Group gap="sm" mt={4} wrap="wrap">
          {members
            .filter((m) => m.role !== "central_city")
            .map((m) => (
              <Checkbox key={m.id} value={m.id} label={m.name} />
            ))}
        </Group>
      </Checkbox.Group>
      <Textarea
        label={f.summary}
        description={f.summaryHelp}
        required
        autosize
        minRows={3}
        maxRows={10}
        {...form.getInputProps("summary")}
      />
      <Textarea label={f.expectedEffect} autosize minRows={2} maxRows={6} {...form.getInputProps("expectedEffect")} />
      <RadioFieldset
        legend={f.obstacle}
        name="obstacle"
        value={form.values.obstacle}
        options={CANDIDATE_OBSTACLES.map((o) => ({ value: o, label: CANDIDATE_OBSTACLE_LABELS[o] }))}
        onChange={(v) => form.setFieldValue("obstacle", v)}
        error={form.errors.obstacle as string | undefined}
      />
      <Textarea label={f.obstacleNote} autosize minRows={2} maxRows={6} {...form.getInputProps("obstacleNote")} />
    </FormModal>
  );
}

interface MoveValues {
  to: CandidateStep | "";
  enteredOn: string;
  note: string;
  reason: string;
}

const isoOf = (text: string) => (text.trim() ? (parseJapaneseDate(text)?.iso ?? text) : null);

function useSaved(candidate: CandidateDetail, onClose: () => void) {
  const queryClient = useQueryClient();
  return async (next: CandidateDetail) => {
    queryClient.setQueryData(candidateKeys.candidate(candidate.id), next);
    await queryClient.invalidateQueries({ queryKey: candidateKeys.all });
    onClose();
  };
}

const conflictOf = (error: unknown) => (error instanceof ApiError && error.code === "stale" ? a.conflict : undefined);

/** 段階を変える (or 見送る, when `drop`): the step, the day, the record and — when the rule asks — the reason. */
export function MoveCandidateDialog({ candidate, drop, onClose }: { candidate: CandidateDetail; drop?: boolean; onClose: () => void }) {
  const saved = useSaved(candidate, onClose);
  const choices = candidate.movableSteps.filter((s) => (drop ? s === "dropped" : s !== "dropped"));
  const form = useForm<MoveValues>({
    initialValues: { to: drop ? "dropped" : (choices.find((s) => s !== "dropped") ?? ""), enteredOn: "", note: "", reason: "" },
    validate: {
      to: (v) => (v ? null : "移す段階を選んでください。"),
      enteredOn: (v) => (v.trim() && !parseJapaneseDate(v) ? "日付は 令和8年5月1日 や 2026-05-01 のように入力してください。" : null),
      reason: (v, values) => {
        if (!values.to) return null;
        const check = checkCandidateMove(candidate.step, values.to, v);
        return check.ok ? null : check.message;
      },
    },
  });
  const to = form.values.to;
  const needsReason = to !== "" && !checkCandidateMove(candidate.step, to, "").ok;
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) =>
      call(moveCandidate, {
        params: { id: candidate.id },
        body: { version: candidate.version, to: v.to as "dropped", enteredOn: isoOf(v.enteredOn), note: v.note, reason: v.reason },
      }),
    saved: async (next) => {
      await saved(next);
      return next.step === "dropped" ? a.dropped : a.moved(CANDIDATE_STEP_LABELS[next.step]);
    },
  });
  return (
    <FormModal
      title={drop ? a.dropTitle : a.moveTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={conflictOf(save.error)}
      saving={save.isPending}
      size="lg"
    >
      {!drop && (
        <NativeSelect
          label={a.to}
          required
          data-autofocus
          data={choices.map((s) => ({ value: s, label: CANDIDATE_STEP_LABELS[s] }))}
          {...form.getInputProps("to")}
        />
      )}
      <JapaneseDateInput
        label={a.enteredOn}
        value={form.values.enteredOn}
        onChange={(value) => form.setFieldValue("enteredOn", value)}
        error={form.errors.enteredOn as string | undefined}
      />
      <Textarea
        label={a.reason}
        required={needsReason}
        description={needsReason ? a.reasonRequired : a.reasonOptional}
        autosize
        minRows={2}
        maxRows={6}
        data-autofocus={drop || undefined}
        {...form.getInputProps("reason")}
      />
      <Textarea label={a.note} autosize minRows={2} maxRows={8} {...form.getInputProps("note")} />
    </FormModal>
  );
}

interface AdoptValues {
  projectName: string;
  leadMemberId: string;
  startFiscalYear: number | string;
  enteredOn: string;
  note: string;
  reason: string;
}

/** 事業化する: the joint project's name, 幹事市町 and first fiscal year; a reason when the 予算協議 is skipped. */
export function AdoptCandidateDialog({ candidate, onClose }: { candidate: CandidateDetail; onClose: () => void }) {
  const saved = useSaved(candidate, onClose);
  const options = useCandidateOptions();
  const members = options.data?.frameworks.find((fw) => fw.id === candidate.framework.id)?.members ?? [];
  const needsReason = !checkCandidateMove(candidate.step, "adopted", "").ok;
  const form = useForm<AdoptValues>({
    initialValues: { projectName: candidate.title, leadMemberId: "", startFiscalYear: "", enteredOn: "", note: "", reason: "" },
    validate: {
      projectName: (v) => (v.trim() ? null : "連携事業の名称を入力してください。"),
      enteredOn: (v) => (v.trim() && !parseJapaneseDate(v) ? "日付は 令和8年5月1日 や 2026-05-01 のように入力してください。" : null),
      reason: (v) => {
        const check = checkCandidateMove(candidate.step, "adopted", v);
        return check.ok ? null : check.message;
      },
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) =>
      call(adoptCandidate, {
        params: { id: candidate.id },
        body: {
          version: candidate.version,
          projectName: v.projectName,
          leadMemberId: v.leadMemberId || null,
          startFiscalYear: v.startFiscalYear === "" ? null : Number(v.startFiscalYear),
          enteredOn: isoOf(v.enteredOn),
          note: v.note,
          reason: v.reason,
        },
      }),
    saved: async (next) => {
      await saved(next);
      return a.adopted(next.adoptedProject?.name ?? "");
    },
  });
  return (
    <FormModal
      title={a.adoptTitle}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={conflictOf(save.error)}
      saving={save.isPending}
      size="lg"
    >
      <TextInput
        label={a.projectName}
        description={a.projectHelp}
        required
        data-autofocus
        maxLength={120}
        {...form.getInputProps("projectName")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={a.lead}
          data={[{ value: "", label: a.leadNone }, ...members.map((m) => ({ value: m.id, label: m.name }))]}
          {...form.getInputProps("leadMemberId")}
        />
        <NumberInput
          label={a.startFiscalYear}
          description="西暦の年度（例: 2027 = 令和9年度）"
          min={1989}
          max={2100}
          allowDecimal={false}
          allowNegative={false}
          {...form.getInputProps("startFiscalYear")}
        />
      </SimpleGrid>
      <JapaneseDateInput
        label={a.enteredOn}
        value={form.values.enteredOn}
        onChange={(value) => form.setFieldValue("enteredOn", value)}
        error={form.errors.enteredOn as string | undefined}
      />
      <Textarea
        label={a.reason}
        required={needsReason}
        description={needsReason ? a.reasonRequired : a.reasonOptional}
        autosize
        minRows={2}
        maxRows={6}
        {...form.getInputProps("reason")}
      />
      <Textarea label={a.note} autosize minRows={2} maxRows={8} {...form.getInputProps("note")} />
    </FormModal>
  );
}
