// The supplier page's 提出書類 (documents): the table of what was submitted, newest first, and the upload form for the
// module's managers and the supplier itself.
import { Anchor, Table } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { downloadSupplierDocument, type SupplierDetail, uploadSupplierDocument } from "../../../common/api/furusato";
import { DOCUMENT_TYPES, DOCUMENT_UPLOAD_MAX_BYTES } from "../../../common/upload-limits";
import { upload, urlFor } from "../../api/client";
import { AttachmentSection } from "../../ui/AttachmentSection";
import { DateText, splitTimestamp } from "../../ui/dates";
import { fm } from "./messages";
import { furusatoKeys } from "./queries";

const DOCUMENT_TITLE_MAX = 200;

export function SupplierDocuments({ supplier, canUpload }: { supplier: SupplierDetail; canUpload: boolean }) {
  const queryClient = useQueryClient();
  const documents = [...supplier.documents].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return (
    <AttachmentSection
      headingId="supplier-documents-heading"
      title={fm.documents.heading}
      intro={fm.documents.intro}
      upload={
        canUpload
          ? {
              headingId: "document-form-heading",
              layout: "grid",
              accept: DOCUMENT_TYPES,
              maxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
              fields: [
                {
                  name: "title",
                  label: fm.documents.titleLabel,
                  description: fm.documents.titleDescription,
                  maxLength: DOCUMENT_TITLE_MAX,
                  requiredMessage: fm.documents.titleRequired,
                  tooLongMessage: fm.documents.titleTooLong,
                },
              ],
              messages: {
                submit: fm.documents.upload,
                fileLabel: fm.documents.fileLabel,
                fileHelp: fm.documents.fileHelp,
                placeholder: fm.documents.placeholder,
                chooseFile: fm.documents.chooseFile,
                wrongType: fm.documents.wrongType,
                tooLarge: fm.documents.tooLarge,
                uploading: fm.documents.uploading,
                uploaded: (_file, values) => fm.documents.uploaded(values.title),
              },
              clearStatusOnSubmit: true,
              upload: (file, values) => upload(uploadSupplierDocument, { params: { id: supplier.id } }, file, { title: values.title }),
              onUploaded: (updated) => queryClient.setQueryData(furusatoKeys.supplier(supplier.id), updated),
            }
          : null
      }
    >
      <Table.ScrollContainer minWidth={640} type="native">
        <Table withTableBorder striped verticalSpacing="xs" className="yk-table">
          <caption className="yk-visually-hidden">{fm.documents.caption}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{fm.documents.title}</Table.Th>
              <Table.Th scope="col">{fm.documents.name}</Table.Th>
              <Table.Th scope="col">{fm.documents.author}</Table.Th>
              <Table.Th scope="col">{fm.documents.createdAt}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.length === 0 && (
              <Table.Tr>
                <Table.Td colSpan={4}>{fm.documents.empty}</Table.Td>
              </Table.Tr>
            )}
            {documents.map((doc) => (
              <Table.Tr key={doc.fileId}>
                <Table.Th scope="row" style={{ fontWeight: 600 }}>
                  {doc.title}
                </Table.Th>
                <Table.Td style={{ overflowWrap: "anywhere" }}>
                  <Anchor href={urlFor(downloadSupplierDocument, { params: { id: supplier.id, fileId: doc.fileId } })} download>
                    {doc.name}
                    <span className="yk-visually-hidden">{fm.documents.downloadSuffix}</span>
                  </Anchor>
                </Table.Td>
                <Table.Td>{doc.authorLabel}</Table.Td>
                <Table.Td style={{ whiteSpace: "nowrap" }}>
                  <DateText iso={splitTimestamp(doc.createdAt)?.date ?? doc.createdAt} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </AttachmentSection>
  );
}
