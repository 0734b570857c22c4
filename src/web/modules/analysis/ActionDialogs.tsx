// The dialogs and buttons of a follow-up action (今後の取組): add or edit (title, detail, the owner division from the
// organisation tree and/or an outside owner, a 和暦 due date), mark done (date and result), reopen, delete. The same
// buttons serve the analysis page and the actions list; the server says who may close (canClose).
import { Button, Group, NativeSelect, SimpleGrid, Textarea, TextInput } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type ActionView,
  addAction,
  completeAction,
  deleteAction,
  REVIEW_LIMITS,
  reopenAction,
  updateAction,
} from "../../../common/api/analysis-reviews";
import { parseJapaneseDate, todayInJapan } from "../../../common/dates";
import { organisationOptions } from "../../admin/organisationOptions";
import { call } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { warekiOf } from "../../ui/dates";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { StatusBadge } from "../../ui/StatusBadge";
import { useOrganisations } from "../policy";
import { ReviewDialog, useDialogSave } from "./ReviewDialog";
import { rvm } from "./review-messages";
import { actionChanged } from "./review-queries";

const t = rvm.actions;

export function ActionDialog({ reviewId, action, onClose }: { reviewId: string; action?: ActionView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const organisations = useOrganisations();
  const [values, setValues] = useState({
    title: action?.title ?? "",
    detail: action?.detail ?? "",
    ownerOrganisationId: action?.ownerOrganisationId ?? "",
    ownerName: action?.ownerName ?? "",
    dueOn: action?.dueOn ? warekiOf(action.dueOn) : "",
  });
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const body = () => ({
    title: values.title,
    detail: values.detail,
    ownerOrganisationId: values.ownerOrganisationId || null,
    ownerName: values.ownerName,
    dueOn: values.dueOn.trim() || null,
  });
  const { save, errors, setErrors } = useDialogSave(
    () =>
      action
        ? call(updateAction, { params: { id: action.id }, body: { version: action.version, ...body() } })
        : call(addAction, { params: { id: reviewId }, body: body() }),
    async (saved) => {
      await actionChanged(queryClient);
      return t.saved(saved.title);
    },
    onClose,
  );
  function submit() {
    const found: Record<string, string> = {};
    if (!values.title.trim()) found.title = rvm.errors.required(t.name);
    if (!values.ownerOrganisationId && !values.ownerName.trim()) found.ownerOrganisationId = t.ownerRequired;
    if (values.dueOn.trim() && !parseJapaneseDate(values.dueOn)) found.dueOn = rvm.errors.dateInvalid;
    setErrors(found);
    if (Object.keys(found).length === 0) save.mutate();
  }
  const options = organisationOptions((organisations.data?.items ?? []).filter((o) => o.kind !== "external"));
  return (
    <ReviewDialog
      name="analysis-action"
      title={action ? t.dialogEdit : t.dialogAdd}
      onClose={onClose}
      saving={save.isPending}
      error={save.error}
      onSubmit={submit}
    >
      <TextInput
        label={t.name}
        required
        maxLength={REVIEW_LIMITS.actionTitle}
        value={values.title}
        onChange={(e) => set("title", e.currentTarget.value)}
        error={errors.title}
      />
      <Textarea
        label={t.detail}
        autosize
        minRows={2}
        maxLength={REVIEW_LIMITS.actionDetail}
        value={values.detail}
        onChange={(e) => set("detail", e.currentTarget.value)}
        error={errors.detail}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t.ownerDivision}
          description={t.ownerDivisionHelp}
          value={values.ownerOrganisationId}
          data={[{ value: "", label: t.ownerNone }, ...options]}
          onChange={(e) => set("ownerOrganisationId", e.currentTarget.value)}
          error={errors.ownerOrganisationId}
        />
        <TextInput
          label={t.ownerName}
          description={t.ownerNameHelp}
          maxLength={REVIEW_LIMITS.ownerName}
          value={values.ownerName}
          onChange={(e) => set("ownerName", e.currentTarget.value)}
          error={errors.ownerName}
        />
      </SimpleGrid>
      <JapaneseDateInput
        label={t.dueOn}
        value={values.dueOn}
        onChange={(text) => set("dueOn", text)}
        error={errors.dueOn}
        description={t.dueOnHelp}
      />
    </ReviewDialog>
  );
}

export function DoneDialog({ action, onClose }: { action: ActionView; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ doneOn: warekiOf(todayInJapan()), result: action.result });
  const { save, errors, setErrors } = useDialogSave(
    () => call(completeAction, { params: { id: action.id }, body: { version: action.version, ...values } }),
    async (saved) => {
      await actionChanged(queryClient);
      return t.doneSaved(saved.title);
    },
    onClose,
  );
  return (
    <ReviewDialog
      name="analysis-action-done"
      title={t.doneTitle(action.title)}
      onClose={onClose}
      saving={save.isPending}
      error={save.error}
      submitLabel={t.markDone}
      onSubmit={() => {
        if (!parseJapaneseDate(values.doneOn)) {
          setErrors({ doneOn: rvm.errors.dateInvalid });
          return;
        }
        save.mutate();
      }}
    >
      <JapaneseDateInput
        label={t.doneOn}
        required
        value={values.doneOn}
        onChange={(text) => setValues((v) => ({ ...v, doneOn: text }))}
        error={errors.doneOn}
      />
      <Textarea
        label={t.result}
        autosize
        minRows={3}
        maxLength={REVIEW_LIMITS.result}
        value={values.result}
        onChange={(e) => {
          const text = e.currentTarget.value;
          setValues((v) => ({ ...v, result: text }));
        }}
        error={errors.result}
      />
    </ReviewDialog>
  );
}

/** 完了にする / 未完了に戻す (for those who may close it), 編集 / 削除 (managers). */
export function ActionButtons({ action, canManage }: { action: ActionView; canManage: boolean }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [dialog, setDialog] = useState<"done" | "edit" | null>(null);
  const label = (verb: string) => `${verb}：${action.title}`;
  return (
    <Group gap={6} wrap="nowrap">
      {action.canClose && action.status === "open" && (
        <Button size="xs" variant="light" onClick={() => setDialog("done")} aria-label={label(t.markDone)}>
          {t.markDone}
        </Button>
      )}
      {action.canClose && action.status === "done" && (
        <ConfirmButton
          size="xs"
          variant="default"
          aria-label={label(t.reopen)}
          title={t.reopenTitle}
          message={t.reopenMessage(action.title)}
          onConfirm={async () => {
            const saved = await call(reopenAction, { params: { id: action.id }, body: { version: action.version } });
            await actionChanged(queryClient);
            flash.show(t.reopened(saved.title));
          }}
        >
          {t.reopen}
        </ConfirmButton>
      )}
      {canManage && (
        <Button size="xs" variant="default" onClick={() => setDialog("edit")} aria-label={label(t.edit)}>
          {t.edit}
        </Button>
      )}
      {canManage && (
        <ConfirmButton
          size="xs"
          variant="subtle"
          color="red"
          aria-label={label(t.delete)}
          title={t.deleteTitle}
          message={t.deleteMessage(action.title)}
          confirmColor="red"
          onConfirm={async () => {
            await call(deleteAction, { params: { id: action.id }, query: { version: action.version } });
            await actionChanged(queryClient);
            flash.show(t.deleted);
          }}
        >
          {t.delete}
        </ConfirmButton>
      )}
      {dialog === "done" && <DoneDialog action={action} onClose={() => setDialog(null)} />}
      {dialog === "edit" && <ActionDialog reviewId={action.reviewId} action={action} onClose={() => setDialog(null)} />}
    </Group>
  );
}

export function actionOwner(a: { ownerOrganisationName: string | null; ownerName: string }): string {
  return [a.ownerOrganisationName, a.ownerName].filter(Boolean).join("／") || rvm.dash;
}

export function ActionStatus({ action }: { action: ActionView }) {
  if (action.status === "done") return <StatusBadge label={rvm.list.statuses.done} tone="done" size="sm" />;
  if (action.overdue) return <StatusBadge label={rvm.actions.overdue} tone="danger" size="sm" />;
  return <StatusBadge label={rvm.list.statuses.open} tone="warning" size="sm" />;
}
