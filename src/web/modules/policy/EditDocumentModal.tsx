// The 編集 dialog of a policy document (題名, 概要の見出し, 組織の使命). A save against an older version fails with a
// conflict (useVersionedSave.ts): the newer version is loaded, and the user's text stays in the form.
import { Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import { getDocument, type PolicyDocumentDetail, updateDocument } from "../../../common/api/policy";
import { call } from "../../api/client";
import { useFlash } from "../../ui/Flash";
import { FormModal } from "../../ui/FormModal";
import { pm } from "./messages";
import { policyKeys } from "./queries";
import { useVersionedSave } from "./useVersionedSave";

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
  const { formRef, submit, save } = useVersionedSave(form, {
    version: document.version,
    send: (values, version) =>
      call(updateDocument, {
        params: { id: document.id },
        body: { version, title: values.title.trim(), overviewTitle: values.overviewTitle.trim(), mission: values.mission },
      }),
    reload: () =>
      queryClient.fetchQuery({
        queryKey: policyKeys.document(document.id),
        queryFn: () => call(getDocument, { params: { id: document.id } }),
      }),
    saved: (updated) => {
      queryClient.setQueryData(policyKeys.document(document.id), updated);
      queryClient.invalidateQueries({ queryKey: ["policy", "documents"] });
      flash.show(pm.document.saved);
      onClose();
    },
  });

  return (
    <FormModal
      opened={opened}
      onClose={onClose}
      title={pm.document.editTitle}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={pm.document.conflict}
      saving={save.isPending}
    >
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
    </FormModal>
  );
}
