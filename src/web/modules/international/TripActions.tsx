// The trip page's actions: a button for each state the caller may move the trip to now (nextStatuses, as the server
// decides it), each opening a dialog that asks what that move needs (決裁: 決裁者・決裁日・条件; 出張中: 危険情報;
// 中止: 理由; 差戻し・変更: メモ); and the report form (帰庁 or 報告書提出), which files the report.
import { Button, Checkbox, Group, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import {
  fileTripReport,
  SAFETY_LEVEL_LABELS,
  TRIP_STATUS_LABELS,
  type TripDetail,
  type TripStatus,
  transitionTrip,
} from "../../../common/api/international";
import { todayInJapan } from "../../../common/dates";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { call } from "../../api/client";
import { m } from "../../messages";
import { warekiOf } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors, isConflict } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { FormModal } from "../../ui/FormModal";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { im } from "./messages";
import { internationalKeys, invalidateInternational } from "./queries";
import { isBackward, type TransitionValues, transitionBody, transitionLabel, transitionNeeds } from "./trip-steps";

const tt = im.transition;

/** `quiet`: say nothing when there is no move (another action, the report, is offered beside). */
export function TransitionButtons({ trip, quiet = false }: { trip: TripDetail; quiet?: boolean }) {
  const [target, setTarget] = useState<TripStatus | null>(null);
  if (trip.nextStatuses.length === 0) return quiet ? null : <Text c="dimmed">{im.trip.noActions}</Text>;
  return (
    <>
      <Group gap="xs" wrap="wrap">
        {trip.nextStatuses.map((to) => (
          <Button
            key={to}
            variant={to === "cancelled" || isBackward(trip.status, to) || to === "changed" ? "default" : "filled"}
            color={to === "cancelled" ? "red" : undefined}
            onClick={() => setTarget(to)}
          >
            {transitionLabel(trip.status, to)}
          </Button>
        ))}
      </Group>
      {target && <TransitionDialog key={target} trip={trip} to={target} onClose={() => setTarget(null)} />}
    </>
  );
}

const EMPTY: TransitionValues = { approvedBy: "", approvedOn: "", approvalConditions: "", safetyLevel: "", cancelReason: "", note: "" };

function TransitionDialog({ trip, to, onClose }: { trip: TripDetail; to: TripStatus; onClose: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [values, setValues] = useState<TransitionValues>({ ...EMPTY, approvedOn: to === "approved" ? warekiOf(todayInJapan()) : "" });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const needs = transitionNeeds(trip.status, to);
  const backward = isBackward(trip.status, to) || to === "changed";
  const label = TRIP_STATUS_LABELS[to];
  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      call(transitionTrip, { params: { id: trip.id }, body: transitionTrip.body?.parse(body) }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(internationalKeys.trip(saved.id), saved);
      flash.show(tt.done(label));
      await invalidateInternational(queryClient);
      onClose();
    },
    onError: (error) => {
      if (isConflict(error)) invalidateInternational(queryClient);
      setErrors(fieldErrors(error));
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    const result = transitionBody(trip.status, to, trip.version, values);
    if (!result.ok) {
      setErrors(result.errors);
      return;
    }
    const parsed = transitionTrip.body?.safeParse(result.body, { error: japaneseErrorMap });
    if (parsed && !parsed.success) {
      setErrors(Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.map(String).join("."), issue.message])));
      return;
    }
    setErrors({});
    save.mutate(result.body);
  }
  const set = (key: keyof TransitionValues) => (value: string) => setValues((current) => ({ ...current, [key]: value }));
  return (
    <Modal opened onClose={onClose} title={backward ? tt.backTitle(label) : tt.dialogTitle(label)} size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ErrorAlert error={save.error} conflictMessage={tt.conflict} />
          {needs === "approval" && (
            <>
              <TextInput
                label={tt.approvedBy}
                required
                data-autofocus
                maxLength={100}
                value={values.approvedBy}
                onChange={(e) => set("approvedBy")(e.currentTarget.value)}
                error={errors.approvedBy}
              />
              <JapaneseDateInput
                label={tt.approvedOn}
                required
                value={values.approvedOn}
                onChange={set("approvedOn")}
                error={errors.approvedOn}
              />
              <Textarea
                label={tt.conditions}
                autosize
                minRows={2}
                maxLength={1000}
                value={values.approvalConditions}
                onChange={(e) => set("approvalConditions")(e.currentTarget.value)}
                error={errors.approvalConditions}
              />
            </>
          )}
          {needs === "safety" && (
            <NativeSelect
              label={tt.safetyLevel}
              required
              data-autofocus
              value={values.safetyLevel}
              onChange={(e) => set("safetyLevel")(e.currentTarget.value)}
              data={[
                { value: "", label: im.projectForm.choose },
                ...SAFETY_LEVEL_LABELS.map((text, level) => ({ value: String(level), label: text })),
              ]}
              error={errors.safetyLevel}
            />
          )}
          {needs === "cancel" && (
            <Textarea
              label={tt.cancelReason}
              required
              data-autofocus
              autosize
              minRows={2}
              maxLength={1000}
              value={values.cancelReason}
              onChange={(e) => set("cancelReason")(e.currentTarget.value)}
              error={errors.cancelReason}
            />
          )}
          <Textarea
            label={tt.note}
            required={backward}
            placeholder={tt.notePlaceholder}
            data-autofocus={needs === "note" ? true : undefined}
            autosize
            minRows={2}
            maxLength={1000}
            value={values.note}
            onChange={(e) => set("note")(e.currentTarget.value)}
            error={errors.note}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {m.common.cancel}
            </Button>
            <Button type="submit" loading={save.isPending} color={to === "cancelled" ? "red" : undefined}>
              {transitionLabel(trip.status, to)}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface ReportValues {
  filedOn: string;
  results: string;
  followup: string;
  publish: boolean;
}

/** 出張報告: filed after 帰庁 (the state becomes 報告書提出), corrected while it is 報告書提出. */
export function ReportButton({ trip }: { trip: TripDetail }) {
  const [open, setOpen] = useState(false);
  const filed = trip.reportFiledOn !== null;
  return (
    <>
      <Button variant={filed ? "default" : "filled"} onClick={() => setOpen(true)}>
        {filed ? im.reportForm.editTitle : im.reportForm.title}
      </Button>
      {open && <ReportDialog trip={trip} onClose={() => setOpen(false)} />}
    </>
  );
}

function ReportDialog({ trip, onClose }: { trip: TripDetail; onClose: () => void }) {
  const queryClient = useQueryClient();
  const t = im.reportForm;
  const filed = trip.reportFiledOn !== null;
  const form = useForm<ReportValues>({
    initialValues: {
      filedOn: warekiOf(trip.reportFiledOn ?? todayInJapan()),
      results: trip.reportResults,
      followup: trip.reportFollowup,
      publish: trip.reportPublic,
    },
    validate: (values) => {
      const parsed = fileTripReport.body?.safeParse({ version: trip.version, ...values }, { error: japaneseErrorMap });
      if (!parsed || parsed.success) return {};
      return Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.map(String).join("."), issue.message]));
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (values) =>
      call(fileTripReport, { params: { id: trip.id }, body: fileTripReport.body?.parse({ version: trip.version, ...values }) }),
    saved: async (saved) => {
      queryClient.setQueryData(internationalKeys.trip(saved.id), saved);
      await invalidateInternational(queryClient);
      onClose();
      return t.saved;
    },
  });
  return (
    <FormModal
      title={filed ? t.editTitle : t.title}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={tt.conflict}
      saving={save.isPending}
    >
      <Text size="sm" c="dimmed">
        {t.intro}
      </Text>
      <JapaneseDateInput
        label={t.filedOn}
        required
        value={form.values.filedOn}
        onChange={(value) => form.setFieldValue("filedOn", value)}
        error={form.errors.filedOn ? String(form.errors.filedOn) : undefined}
      />
      <Textarea label={t.results} required data-autofocus autosize minRows={5} maxLength={8000} {...form.getInputProps("results")} />
      <Textarea label={t.followup} autosize minRows={3} maxLength={4000} {...form.getInputProps("followup")} />
      <Checkbox label={t.publish} {...form.getInputProps("publish", { type: "checkbox" })} />
    </FormModal>
  );
}
