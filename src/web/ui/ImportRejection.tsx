// What a rejected import shows, whatever was imported: a summary saying nothing was changed, with the full error report
// to download, and the first errors as a table (row, column, message). Each module words it in its own messages.
import { Alert, Anchor, Text } from "@mantine/core";
import type { ReactNode } from "react";
import { downloadFile } from "../../common/api/platform";
import { urlFor } from "../api/client";
import { type Column, DataTable } from "./DataTable";

/** How many errors the table shows; the report file has them all. */
export const SHOWN_IMPORT_ERRORS = 200;

export interface ImportError {
  row: number;
  column?: string;
  message: string;
}

export interface ImportRejectionTexts {
  rejectedHeading: string;
  rejectedBody: (total: number) => string;
  rejectedShown: (shown: number, total: number) => string;
  report: string;
  errorsCaption: string;
  row: string;
  rowNumber: (n: number) => string;
  wholeFile: string;
  column: string;
  message: string;
}

interface RejectionProps {
  errors: ImportError[];
  errorCount: number;
  reportFileId: string;
  texts: ImportRejectionTexts;
}

const totalOf = ({ errors, errorCount }: Pick<RejectionProps, "errors" | "errorCount">) => Math.max(errorCount, errors.length);

/** The red summary: nothing was imported, how many errors, and the report to download. */
export function ImportRejectionSummary({ heading, ...props }: RejectionProps & { heading: (text: string, color?: string) => ReactNode }) {
  const { texts: t } = props;
  const total = totalOf(props);
  const shown = Math.min(props.errors.length, SHOWN_IMPORT_ERRORS);
  return (
    <Alert color="red" variant="light">
      {heading(t.rejectedHeading, "red.9")}
      <Text size="sm">{t.rejectedBody(total)}</Text>
      {total > shown && (
        <Text size="sm" mt={4}>
          {t.rejectedShown(shown, total)}
        </Text>
      )}
      <Anchor
        href={urlFor(downloadFile, { params: { id: props.reportFileId } })}
        download
        size="sm"
        mt={4}
        display="inline-block"
        c="blue.9"
        fw={600}
      >
        {t.report}
      </Anchor>
    </Alert>
  );
}

type Row = ImportError & { key: string };

/** The first errors, one row each. */
export function ImportErrorTable({ errors, texts: t }: Pick<RejectionProps, "errors" | "texts">) {
  const rows: Row[] = errors.slice(0, SHOWN_IMPORT_ERRORS).map((error, index) => ({ ...error, key: String(index) }));
  const columns: Column<Row>[] = [
    {
      key: "row",
      header: t.row,
      nowrap: true,
      align: "right",
      rowHeader: true,
      render: (e) => (e.row > 0 ? t.rowNumber(e.row) : t.wholeFile),
    },
    { key: "column", header: t.column, nowrap: true, render: (e) => e.column ?? "—" },
    { key: "message", header: t.message, render: (e) => e.message },
  ];
  return <DataTable caption={t.errorsCaption} columns={columns} rows={rows} rowKey={(e) => e.key} minWidth={480} />;
}
