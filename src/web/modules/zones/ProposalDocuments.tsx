// 書類・根拠資料 on a proposal's page: the files with their 区分 (書類 / 根拠資料) and the step they belong to (提案書 at
// 提案, 回答書 at its 回答 …), a download link each, a delete button with a confirmation and the upload form (区分, the
// step, a note and the file, checked for type and size in the browser) for the bureau's staff.
import { Anchor, Button, FileInput, Group, NativeSelect, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  deleteProposalDocument,
  downloadProposalDocument,
  type ProposalDetail,
  type ProposalDocument,
  uploadProposalDocument,
  ZONES_DOCUMENTS_MAX,
} from "../../../common/api/zones";
import { ATTACHMENT_TYPES, DOCUMENT_UPLOAD_MAX_BYTES } from "../../../common/upload-limits";
import { DOCUMENT_CATEGORIES, DOCUMENT_CATEGORY_LABELS, type DocumentCategory } from "../../../common/zones/proposal-fields";
import { call, upload, urlFor } from "../../api/client";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, splitTimestamp } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { Section } from "../../ui/Section";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { zm } from "./messages";
import { zonesKeys } from "./queries";

const t = zm.documents;

function typeOk(file: File): boolean {
  if (ATTACHMENT_TYPES.mimeTypes.includes(file.type)) return true;
  const name = file.name.toLowerCase();
  return ATTACHMENT_TYPES.extensions.some((extension) => name.endsWith(extension));
}

interface UploadValues {
  category: DocumentCategory;
  stepId: string;
  note: string;
  file: File | null;
}

function UploadForm({ proposal, onUploaded }: { proposal: ProposalDetail; onUploaded: (items: ProposalDocument[]) => void }) {
  const flash = useFlash();
  const [status, setStatus] = useState("");
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const current = proposal.steps[proposal.steps.length - 1];
  const form = useForm<UploadValues>({
    initialValues: { category: "document", stepId: current?.id ?? "", note: "", file: null },
    validate: {
      note: (note) => (note.trim().length > 200 ? t.noteTooLong : null),
      file: (file) => (!file ? t.chooseFile : !typeOk(file) ? t.wrongType : file.size > DOCUMENT_UPLOAD_MAX_BYTES ? t.tooLarge : null),
    },
  });
  const send = useMutation({
    mutationFn: (values: UploadValues & { file: File }) =>
      upload(
        uploadProposalDocument,
        {
          params: { id: proposal.id },
          query: { category: values.category, stepId: values.stepId || undefined, note: values.note.trim() },
        },
        values.file,
      ),
    onMutate: (values) => setStatus(t.uploading(values.file.name)),
    onSuccess: (result, values) => {
      onUploaded(result.items);
      form.setValues({ note: "", file: null });
      const message = t.uploaded(values.file.name);
      setStatus(message);
      flash.show(message);
    },
    onError: (error) => {
      setStatus("");
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });
  if (proposal.documents.length >= ZONES_DOCUMENTS_MAX)
    return (
      <Text size="sm" mt="md">
        {t.full}
      </Text>
    );
  const submit = form.onSubmit((values) => {
    setStatus("");
    if (values.file) send.mutate({ ...values, file: values.file });
  }, focusFirstInvalid);
  const serverFields = fieldErrors(send.error);
  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-labelledby="zones-doc-upload">
      <Stack gap="sm" mt="lg">
        <Title order={3} size="h5" id="zones-doc-upload">
          {t.upload}
        </Title>
        <ErrorAlert error={send.error && Object.keys(serverFields).length === 0 ? send.error : null} />
        <Group align="flex-start" gap="sm" wrap="wrap">
          <NativeSelect
            label={t.forCategory}
            data={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: DOCUMENT_CATEGORY_LABELS[c] }))}
            {...form.getInputProps("category")}
            w={140}
          />
          <NativeSelect
            label={t.forStep}
            data={[{ value: "", label: t.wholeProposal }, ...proposal.steps.map((step) => ({ value: step.id, label: step.label }))]}
            {...form.getInputProps("stepId")}
            w={280}
          />
          <TextInput label={t.forNote} maxLength={200} {...form.getInputProps("note")} style={{ flex: "1 1 14rem" }} />
        </Group>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <FileInput
            label={t.fileLabel}
            description={t.fileHelp}
            placeholder={t.placeholder}
            styles={{ placeholder: { color: "var(--mantine-color-dimmed)" } }}
            accept={[...ATTACHMENT_TYPES.mimeTypes, ...ATTACHMENT_TYPES.extensions].join(",")}
            {...form.getInputProps("file")}
            onChange={(chosen: File | null) => {
              form.setFieldValue("file", chosen);
              setStatus("");
            }}
            clearable
            required
            style={{ flex: "1 1 20rem", maxWidth: "32rem" }}
          />
          <Button type="submit" loading={send.isPending}>
            {t.upload}
          </Button>
        </Group>
        <Text size="sm" role="status" aria-live="polite" fw={600}>
          {status}
        </Text>
      </Stack>
    </form>
  );
}

export function ProposalDocuments({ proposal }: { proposal: ProposalDetail }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const store = (items: ProposalDocument[]) =>
    queryClient.setQueryData<ProposalDetail>(zonesKeys.proposal(proposal.id), (old) => (old ? { ...old, documents: items } : old));
  const columns: Column<ProposalDocument>[] = [
    {
      key: "name",
      header: t.name,
      rowHeader: true,
      render: (doc) => (
        <Anchor
          href={urlFor(downloadProposalDocument, { params: { id: proposal.id, fileId: doc.id } })}
          download
          style={{ overflowWrap: "anywhere" }}
        >
          {doc.name}
          <span className="yk-visually-hidden">{t.downloadSuffix}</span>
        </Anchor>
      ),
    },
    { key: "category", header: t.category, nowrap: true, render: (doc) => DOCUMENT_CATEGORY_LABELS[doc.category] },
    { key: "step", header: t.step, render: (doc) => doc.stepLabel ?? t.wholeProposal },
    { key: "note", header: t.note, render: (doc) => doc.note || zm.dash },
    { key: "size", header: t.size, align: "right", nowrap: true, render: (doc) => t.formatSize(doc.sizeBytes) },
    {
      key: "createdAt",
      header: t.uploadedAt,
      nowrap: true,
      render: (doc) => <DateText iso={splitTimestamp(doc.createdAt)?.date ?? doc.createdAt} western="title" />,
    },
    { key: "uploader", header: t.uploader, render: (doc) => doc.uploaderName ?? zm.dash },
  ];
  if (proposal.canManage) {
    columns.push({
      key: "actions",
      header: t.actions,
      nowrap: true,
      render: (doc) => (
        <ConfirmButton
          size="xs"
          variant="subtle"
          color="red"
          title={t.deleteTitle}
          message={t.deleteMessage(doc.name)}
          confirmLabel={t.delete}
          confirmColor="red"
          onConfirm={async () => {
            const result = await call(deleteProposalDocument, { params: { id: proposal.id, fileId: doc.id } });
            store(result.items);
            flash.show(t.deleted(doc.name));
          }}
        >
          {t.delete}
          <span className="yk-visually-hidden">{`「${doc.name}」`}</span>
        </ConfirmButton>
      ),
    });
  }
  return (
    <Section id="zones-documents" title={t.heading} titleGap="xs">
      <Text size="sm" c="dimmed" mb="sm">
        {t.intro}
      </Text>
      <DataTable
        caption={t.caption}
        captionHidden
        columns={columns}
        rows={proposal.documents}
        rowKey={(doc) => doc.id}
        empty={t.empty}
        minWidth={820}
      />
      {proposal.canManage ? (
        <UploadForm proposal={proposal} onUploaded={store} />
      ) : (
        <Text size="sm" c="dimmed" mt="md">
          {zm.proposal.readOnly}
        </Text>
      )}
    </Section>
  );
}
