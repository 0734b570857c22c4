// The 編集 dialog of a policy document (題名, 概要の見出し, 組織の使命). A save against an older version fails with a
// conflict: the newer version is loaded so the next save is checked against it, and the user's text stays in the form.
import { Button, Group, Modal, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { getDocument, type PolicyDocumentDetail, updateDocument } from "../../../common/api/policy";
import { call } from "../../api/client";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors, isConflict } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { pm } from "./messages";
import { policyKeys } from "./queries";

interface DocumentValues {
  title: string;
  overviewTitle: string;
  mission: string;
}

export function EditDocumentModal({ document, opened, onClose }: { document: PolicyDocumentDetail; opened: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const form = useForm<DocumentValues>({
    initialValues: { title: document.title, overviewTitle: document.overviewTitle, mission: document.mission },
    validate: { title: (value) => (value.trim() ? null : pm.document.titleRequired) },
  });
  // not a field: the version the next save is checked against
  const [version, setVersion] = useState(document.version);
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();

  const save = useMutation({
    mutationFn: (values: DocumentValues) =>
      call(updateDocument, {
        params: { id: document.id },
        body: { version, title: values.title.trim(), overviewTitle: values.overviewTitle.trim(), mission: values.mission },
      }),
    onSuccess: (updated) => {
      queryClient.setQueryData(policyKeys.document(document.id), updated);
      queryClient.invalidateQueries({ queryKey: ["policy", "documents"] });
      flash.show(pm.document.saved);
      onClose();
    },
    onError: async (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
      if (isConflict(error)) {
        const fresh = await queryClient.fetchQuery({
          queryKey: policyKeys.document(document.id),
          queryFn: () => call(getDocument, { params: { id: document.id } }),
        });
        setVersion(fresh.version);
      }
    },
  });

  return (
    <Modal opened={opened} onClose={onClose} title={pm.document.editTitle} size="xl" centered>
      <form ref={ref} onSubmit={form.onSubmit((values) => save.mutate(values), focusFirstInvalid)} noValidate>
        <Stack>
          <ErrorAlert error={save.error} conflictMessage={pm.document.conflict} />
          <TextInput label={pm.document.titleLabel} required data-autofocus {...form.getInputProps("title")} />
          <TextInput label={pm.document.overviewTitleLabel} {...form.getInputProps("overviewTitle")} />
          <Textarea
            label={pm.document.missionLabel}
            description={pm.document.missionDescription}
            autosize
            minRows={8}
            maxRows={20}
            {...form.getInputProps("mission")}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {m.common.cancel}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {m.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
