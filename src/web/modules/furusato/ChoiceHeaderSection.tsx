// The header file part of the ふるさとチョイス header import (ChoicePortalPage.tsx): the file input, what was detected
// in the file (encoding, delimiter, header row the clerk may change, title rows, quoting, line ending) and the export
// file's name.
import { Input, NativeSelect, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { type ReactNode, useId } from "react";
import { DELIMITER_LABELS, ENCODING_LABELS } from "../../../common/furusato/header-inspect";
import type { ChoicePortalFormApi, HeaderFile } from "./choice-portal-values";
import { fm } from "./messages";

const HEADER_ACCEPT = ".csv,.tsv,.txt,text/csv,text/tab-separated-values,text/plain";

export function ChoiceHeaderSection({
  form,
  header,
  reading,
  replacing,
  onChooseFile,
  onChooseHeaderRow,
}: {
  form: ChoicePortalFormApi;
  header: HeaderFile | null;
  /** the status line while a file is read */
  reading: string;
  /** an existing portal's columns are being replaced */
  replacing: boolean;
  onChooseFile: (file: File | null) => void;
  onChooseHeaderRow: (row: number) => void;
}) {
  const fileId = useId();
  const fileDescriptionId = useId();
  const fileErrorId = useId();
  const fileStatusId = useId();
  const fileError = form.errors.headerFile;
  const inspection = header?.inspection;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="choice-header-heading">
      <Stack>
        <Title order={2} id="choice-header-heading" className="yk-section-title">
          {fm.choice.headerHeading}
        </Title>
        {replacing && <Text size="sm">{fm.choice.replaceNote}</Text>}
        <Input.Wrapper
          label={fm.choice.fileLabel}
          labelProps={{ htmlFor: fileId }}
          description={fm.choice.fileDescription}
          descriptionProps={{ id: fileDescriptionId }}
          error={fileError || undefined}
          errorProps={{ id: fileErrorId }}
          required
        >
          <input
            id={fileId}
            type="file"
            name="headerFile"
            className="yk-file-input"
            accept={HEADER_ACCEPT}
            aria-describedby={[fileDescriptionId, fileError ? fileErrorId : null, header ? fileStatusId : null].filter(Boolean).join(" ")}
            aria-invalid={fileError ? true : undefined}
            required
            onChange={(event) => onChooseFile(event.currentTarget.files?.[0] ?? null)}
          />
        </Input.Wrapper>
        <Text id={fileStatusId} size="sm" role="status" aria-live="polite">
          {reading || (header ? fm.choice.fileRead(header.fileName, header.inspection.columns.length) : "")}
        </Text>
        {header && inspection && (
          <Table withTableBorder variant="vertical" layout="fixed">
            <Table.Caption style={{ captionSide: "top", textAlign: "left" }}>{fm.choice.detectedCaption}</Table.Caption>
            <Table.Tbody>
              <DetectedRow label={fm.choice.encoding}>{ENCODING_LABELS[inspection.encoding]}</DetectedRow>
              <DetectedRow label={fm.choice.delimiter}>{DELIMITER_LABELS[inspection.delimiter]}</DetectedRow>
              <DetectedRow label={fm.choice.headerRow}>
                <NativeSelect
                  aria-label={fm.choice.headerRow}
                  description={fm.choice.headerRowDescription}
                  data={Array.from({ length: header.rowChoices }, (_, i) => ({
                    value: String(i + 1),
                    label: fm.choice.headerRowValue(i + 1),
                  }))}
                  value={String(inspection.headerRow)}
                  onChange={(e) => onChooseHeaderRow(Number(e.currentTarget.value))}
                  maw={360}
                />
                {inspection.sampleRows > 0 && (
                  <Text size="xs" c="dimmed">
                    {fm.choice.sampleRows(inspection.sampleRows)}
                  </Text>
                )}
              </DetectedRow>
              <DetectedRow label={fm.choice.titleRows}>
                {inspection.titleRows.length === 0
                  ? fm.choice.titleRowsNone
                  : fm.choice.titleRowsValue(
                      inspection.titleRows.length,
                      inspection.titleRows.map((r) => r.filter((c) => c.trim() !== "").join(" ") || "（空行）").join(" ／ "),
                    )}
              </DetectedRow>
              <DetectedRow label={fm.choice.quoting}>{inspection.quoted ? fm.choice.quotingAll : fm.choice.quotingMinimal}</DetectedRow>
              <DetectedRow label={fm.choice.lineEnding}>{fm.choice.lineEndings[inspection.lineEnding]}</DetectedRow>
              <DetectedRow label={fm.choice.columnCount}>{inspection.columns.length}</DetectedRow>
            </Table.Tbody>
          </Table>
        )}
        <TextInput
          label={fm.choice.fileNameLabel}
          description={fm.choice.fileNameDescription}
          {...form.getInputProps("fileName")}
          required
          maxLength={100}
          maw={420}
        />
      </Stack>
    </Paper>
  );
}

function DetectedRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th scope="row" w={160}>
        {label}
      </Table.Th>
      <Table.Td>{children}</Table.Td>
    </Table.Tr>
  );
}
