// The forms of /policy/challenges/$id for those who may edit: 進捗を追加 (a new ⑤ entry) and the edit dialog for
// ①–④, 分類 and 担当課. Values, checks and bodies are in challenge-form-values.ts.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addProgress, type ChallengeDetail, getChallenge, updateChallenge } from "../../../common/api/policy";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { FiscalYearInput } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { FormModal } from "../../ui/FormModal";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import {
  type ChallengeValues,
  challengeBody,
  challengeErrors,
  challengeValues,
  type ProgressValues,
  progressBody,
  progressErrors,
  progressValues,
} from "./challenge-form-values";
import { pm } from "./messages";
import { organisationPath, policyKeys, useOrganisations, useStatuses } from "./queries";
import { useVersionedSave } from "./useVersionedSave";

export function AddProgressForm({ challenge }: { challenge: ChallengeDetail }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const statuses = useStatuses();
  const form = useForm<ProgressValues>({ initialValues: progressValues(challenge), validate: progressErrors });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();
  const active = (statuses.data?.items ?? []).filter((s) => s.active);

  const add = useMutation({
    mutationFn: (values: ProgressValues) => call(addProgress, { params: { id: challenge.id }, body: progressBody(values) }),
    onSuccess: (updated) => {
      queryClient.setQueryData(policyKeys.challenge(challenge.id), updated);
      queryClient.invalidateQueries({ queryKey: policyKeys.document(challenge.documentId) });
      queryClient.invalidateQueries({ queryKey: ["policy", "challenges"] });
      queryClient.invalidateQueries({ queryKey: ["policy", "documents"] });
      // the status stays: the next entry most often keeps it
      form.setValues({ asOf: "", text: "" });
      form.clearErrors();
      flash.show(pm.challenge.progressAdded);
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="add-progress-heading">
      <Title order={2} id="add-progress-heading" mb="xs" className="yk-section-title">
        {pm.challenge.addProgress}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {pm.challenge.addProgressHelp}
      </Text>
      <form ref={ref} onSubmit={form.onSubmit((values) => add.mutate(values), focusFirstInvalid)} noValidate>
        <Stack>
          <ErrorAlert error={add.error} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <JapaneseDateInput
              label={pm.challenge.asOfLabel}
              value={form.values.asOf}
              onChange={(value) => form.setFieldValue("asOf", value)}
              error={form.errors.asOf ? String(form.errors.asOf) : undefined}
              required
            />
            <NativeSelect
              label={pm.challenge.statusSelect}
              data={[{ value: "", label: pm.challenge.statusNone }, ...active.map((s) => ({ value: s.label, label: s.label }))]}
              {...form.getInputProps("status")}
            />
          </SimpleGrid>
          <Textarea label={pm.challenge.progressText} autosize minRows={4} maxRows={14} required {...form.getInputProps("text")} />
          <Group>
            <Button type="submit" loading={add.isPending}>
              {pm.challenge.addProgress}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

export function EditChallengeModal({
  challenge,
  opened,
  onClose,
  categories,
}: {
  challenge: ChallengeDetail;
  opened: boolean;
  onClose: () => void;
  categories: readonly string[];
}) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const organisations = useOrganisations();
  const form = useForm<ChallengeValues>({ initialValues: challengeValues(challenge), validate: challengeErrors });
  const all = organisations.data?.items ?? [];
  const owners = all.filter((org) => org.kind === "division" || org.kind === "department");
  const categoryOptions = [...categories];
  if (challenge.category && !categoryOptions.includes(challenge.category)) categoryOptions.push(challenge.category);

  const { formRef, submit, save } = useVersionedSave(form, {
    version: challenge.version,
    send: (values, version) => call(updateChallenge, { params: { id: challenge.id }, body: challengeBody(values, version) }),
    reload: () =>
      queryClient.fetchQuery({
        queryKey: policyKeys.challenge(challenge.id),
        queryFn: () => call(getChallenge, { params: { id: challenge.id } }),
      }),
    saved: (updated) => {
      queryClient.setQueryData(policyKeys.challenge(challenge.id), updated);
      queryClient.invalidateQueries({ queryKey: policyKeys.document(challenge.documentId) });
      queryClient.invalidateQueries({ queryKey: ["policy", "challenges"] });
      flash.show(pm.challenge.saved);
      onClose();
    },
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={pm.challenge.editTitleOf(challenge.code)}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={pm.challenge.conflict}
      saving={save.isPending}
    >
      <TextInput label={pm.challenge.nameLabel} required data-autofocus {...form.getInputProps("name")} />
      <Textarea label={pm.challenge.contentLabel} autosize minRows={3} maxRows={12} {...form.getInputProps("content")} />
      <Textarea label={pm.challenge.backgroundLabel} autosize minRows={3} maxRows={12} {...form.getInputProps("background")} />
      <TextInput label={pm.challenge.approachHeadingLabel} required {...form.getInputProps("approachHeading")} />
      <Textarea label={pm.challenge.approachLabel} autosize minRows={3} maxRows={12} {...form.getInputProps("approach")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={pm.challenge.analysisNoteLabel} {...form.getInputProps("analysisNote")} />
        <FiscalYearInput
          label={pm.challenge.analysisYearLabel}
          value={form.values.analysisYearText}
          onChange={(text, fy) => form.setValues({ analysisYearText: text, analysisYear: fy })}
          error={form.errors.analysisYear ? String(form.errors.analysisYear) : undefined}
        />
        <NativeSelect
          label={pm.challenge.categoryLabel}
          data={[{ value: "", label: pm.challenge.categoryNone }, ...categoryOptions.map((c) => ({ value: c, label: c }))]}
          {...form.getInputProps("category")}
        />
        <NativeSelect
          label={pm.challenge.ownerLabel}
          data={[{ value: "", label: pm.challenge.ownerNone }, ...owners.map((o) => ({ value: o.id, label: organisationPath(all, o.id) }))]}
          {...form.getInputProps("ownerOrganisationId")}
        />
      </SimpleGrid>
    </FormModal>
  );
}
