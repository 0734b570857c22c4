// 添付資料 on the project page (資料) and the trip page (添付資料, and 報告書の添付 in the report's part): the list with
// name (a download link), size, 和暦 date and uploader, the upload form and a delete button with a confirmation for
// those the server lets change them (canEdit / canEditReport), a note for the others.
import { Anchor, Stack, Text, Title } from "@mantine/core";
import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  type Attachment,
  deleteProjectAttachment,
  deleteTripAttachment,
  downloadProjectAttachment,
  downloadTripAttachment,
  listProjectAttachments,
  listTripAttachments,
  type ProjectAttachments,
  type TripAttachments,
  uploadProjectAttachment,
  uploadTripAttachment,
} from "../../../common/api/international-files";
import { ATTACHMENT_TYPES, ATTACHMENTS_PER_SECTION_MAX, DOCUMENT_UPLOAD_MAX_BYTES } from "../../../common/upload-limits";
import { call, upload, urlFor } from "../../api/client";
import { AttachmentSection } from "../../ui/AttachmentSection";
import { ConfirmButton } from "../../ui/ConfirmButton";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateText, splitTimestamp } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FileUploadForm, type FileUploadFormProps } from "../../ui/FileUploadForm";
import { useFlash } from "../../ui/Flash";
import { am } from "./attachmentMessages";
import { EmptyState, Loading } from "./components";

const attachmentKeys = {
  project: (id: string) => ["international", "attachments", "project", id] as const,
  trip: (id: string) => ["international", "attachments", "trip", id] as const,
};

type Words = typeof am.project;

/** The table of a section's files; `remove` (for those who may change them) adds the delete button with its confirmation. */
function AttachmentTable({
  caption,
  files,
  emptyText,
  hrefOf,
  remove,
}: {
  caption: string;
  files: Attachment[];
  emptyText: string;
  hrefOf: (file: Attachment) => string;
  remove: ((file: Attachment) => Promise<unknown>) | null;
}) {
  const flash = useFlash();
  if (files.length === 0) return <EmptyState>{emptyText}</EmptyState>;
  const columns: Column<Attachment>[] = [
    {
      key: "name",
      header: am.name,
      rowHeader: true,
      render: (file) => (
        <Anchor href={hrefOf(file)} download style={{ overflowWrap: "anywhere" }}>
          {file.name}
          <span className="yk-visually-hidden">{am.downloadSuffix}</span>
        </Anchor>
      ),
    },
    { key: "size", header: am.size, align: "right", nowrap: true, render: (file) => am.formatSize(file.sizeBytes) },
    {
      key: "createdAt",
      header: am.createdAt,
      nowrap: true,
      render: (file) => <DateText iso={splitTimestamp(file.createdAt)?.date ?? file.createdAt} western="title" />,
    },
    { key: "uploader", header: am.uploader, render: (file) => file.uploaderName ?? am.uploaderSystem },
  ];
  if (remove) {
    columns.push({
      key: "actions",
      header: am.actions,
      nowrap: true,
      render: (file) => (
        <ConfirmButton
          size="xs"
          variant="subtle"
          color="red"
          title={am.deleteTitle}
          message={am.deleteMessage(file.name)}
          confirmLabel={am.delete}
          confirmColor="red"
          onConfirm={async () => {
            await remove(file);
            flash.show(am.deleted(file.name));
          }}
        >
          {am.delete}
          <span className="yk-visually-hidden">{`「${file.name}」`}</span>
        </ConfirmButton>
      ),
    });
  }
  return <DataTable caption={caption} captionHidden columns={columns} rows={files} rowKey={(file) => file.id} minWidth={560} />;
}

/** The upload form's settings for a section's words; `send` uploads the file and answers the section's new list. */
function uploadForm<T>(
  headingId: string,
  words: Words,
  count: number,
  send: (file: File) => Promise<T>,
  onUploaded: (result: T) => void,
): FileUploadFormProps<T, never> {
  return {
    headingId,
    accept: ATTACHMENT_TYPES,
    maxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
    limit: { count, max: ATTACHMENTS_PER_SECTION_MAX, fullMessage: words.full },
    messages: {
      submit: words.upload,
      fileLabel: words.fileLabel,
      fileHelp: words.fileHelp,
      placeholder: words.placeholder,
      chooseFile: words.chooseFile,
      wrongType: words.wrongType,
      tooLarge: words.tooLarge,
      uploading: words.uploading,
      uploaded: (file) => words.uploaded(file.name),
    },
    clearStatusOnSubmit: true,
    upload: send,
    onUploaded,
  };
}

// ------------------------------------------------------------------ 国際関連事業の資料

export function ProjectAttachmentsSection({ projectId }: { projectId: string }) {
  const queryClient = useQueryClient();
  const key = attachmentKeys.project(projectId);
  const list = useQuery({ queryKey: key, queryFn: () => call(listProjectAttachments, { params: { id: projectId } }) });
  const store = (data: ProjectAttachments) => queryClient.setQueryData(key, data);
  const words = am.project;
  const data = list.data;
  return (
    <AttachmentSection
      headingId="intl-project-attachments"
      title={words.heading}
      intro={words.intro}
      readOnlyNote={data && !data.canEdit ? am.readOnlyProject : null}
      upload={
        data?.canEdit
          ? uploadForm(
              "intl-project-attachment-form",
              words,
              data.items.length,
              (file) => upload(uploadProjectAttachment, { params: { id: projectId } }, file),
              store,
            )
          : null
      }
    >
      {list.error ? (
        <ErrorAlert error={list.error} />
      ) : !data ? (
        <Loading />
      ) : (
        <AttachmentTable
          caption={words.caption}
          files={data.items}
          emptyText={words.empty}
          hrefOf={(file) => urlFor(downloadProjectAttachment, { params: { id: projectId, fileId: file.id } })}
          remove={
            data.canEdit ? async (file) => store(await call(deleteProjectAttachment, { params: { id: projectId, fileId: file.id } })) : null
          }
        />
      )}
    </AttachmentSection>
  );
}

// ------------------------------------------------------------------ 海外出張の添付資料・報告書の添付

function useTripAttachments(tripId: string) {
  return useQuery({ queryKey: attachmentKeys.trip(tripId), queryFn: () => call(listTripAttachments, { params: { id: tripId } }) });
}

function tripActions(queryClient: QueryClient, tripId: string, section: "trip" | "report") {
  const store = (data: TripAttachments) => queryClient.setQueryData(attachmentKeys.trip(tripId), data);
  return {
    store,
    send: (file: File) => upload(uploadTripAttachment, { params: { id: tripId }, query: { section } }, file),
    hrefOf: (file: Attachment) => urlFor(downloadTripAttachment, { params: { id: tripId, fileId: file.id } }),
    remove: async (file: Attachment) => store(await call(deleteTripAttachment, { params: { id: tripId, fileId: file.id } })),
  };
}

/** The trip's own 添付資料: a section of the page. */
export function TripAttachmentsSection({ tripId }: { tripId: string }) {
  const queryClient = useQueryClient();
  const list = useTripAttachments(tripId);
  const actions = tripActions(queryClient, tripId, "trip");
  const words = am.trip;
  const data = list.data;
  return (
    <AttachmentSection
      headingId="intl-trip-attachments"
      title={words.heading}
      intro={words.intro}
      readOnlyNote={data && !data.canEdit ? am.readOnlyTrip : null}
      upload={data?.canEdit ? uploadForm("intl-trip-attachment-form", words, data.items.length, actions.send, actions.store) : null}
    >
      {list.error ? (
        <ErrorAlert error={list.error} />
      ) : !data ? (
        <Loading />
      ) : (
        <AttachmentTable
          caption={words.caption}
          files={data.items}
          emptyText={words.empty}
          hrefOf={actions.hrefOf}
          remove={data.canEdit ? actions.remove : null}
        />
      )}
    </AttachmentSection>
  );
}

/** 報告書の添付: a part of the report's section (its own h3), with the same list and form. */
export function ReportAttachments({ tripId }: { tripId: string }) {
  const queryClient = useQueryClient();
  const list = useTripAttachments(tripId);
  const actions = tripActions(queryClient, tripId, "report");
  const words = am.report;
  const data = list.data;
  return (
    <Stack gap="xs" mt="lg" component="section" aria-labelledby="intl-trip-report-attachments">
      <Title order={3} size="h4" id="intl-trip-report-attachments">
        {words.heading}
      </Title>
      <Text size="sm" c="dimmed">
        {words.intro}
      </Text>
      {list.error ? (
        <ErrorAlert error={list.error} />
      ) : !data ? (
        <Loading />
      ) : (
        <>
          <AttachmentTable
            caption={words.caption}
            files={data.reportItems}
            emptyText={words.empty}
            hrefOf={actions.hrefOf}
            remove={data.canEditReport ? actions.remove : null}
          />
          {data.canEditReport ? (
            <FileUploadForm
              {...uploadForm("intl-trip-report-attachment-form", words, data.reportItems.length, actions.send, actions.store)}
            />
          ) : (
            <Text size="sm" c="dimmed">
              {am.readOnlyReport}
            </Text>
          )}
        </>
      )}
    </Stack>
  );
}
