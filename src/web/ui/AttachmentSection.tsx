// A section of attached files (返礼品の画像・根拠資料, 事業者の提出書類, 国際の添付資料): heading and intro, the
// caller's list of what is attached, and the upload form for those who may add files (or a note saying why they may
// not).
import { Text } from "@mantine/core";
import type { ReactNode } from "react";
import { FileUploadForm, type FileUploadFormProps } from "./FileUploadForm";
import { Section } from "./Section";

export interface AttachmentSectionProps<T, K extends string> {
  headingId: string;
  title: string;
  intro: string;
  /** what is attached (thumbnails, download links, a table), or its empty message */
  children: ReactNode;
  /** the upload form (accepted types, size, messages, the upload itself); null for those who may not upload */
  upload: FileUploadFormProps<T, K> | null;
  /** shown when there is no upload form, e.g. to a supplier once the gift is no longer a draft */
  readOnlyNote?: string | null;
}

export function AttachmentSection<T, K extends string = never>({
  headingId,
  title,
  intro,
  children,
  upload,
  readOnlyNote,
}: AttachmentSectionProps<T, K>) {
  return (
    <Section id={headingId} title={title} titleGap="xs">
      <Text size="sm" c="dimmed" mb="sm">
        {intro}
      </Text>
      {children}
      {upload && <FileUploadForm {...upload} />}
      {!upload && readOnlyNote && (
        <Text size="sm" c="dimmed" mt="md">
          {readOnlyNote}
        </Text>
      )}
    </Section>
  );
}
