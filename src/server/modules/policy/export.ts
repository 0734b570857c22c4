// Renders a stored document in a download format; the file name carries the bureau, 年度 and 時点.
import type { PolicyExportFormat } from "../../../common/api/policy";
import { formatFiscalYear } from "../../../common/dates";
import { renderPolicyText } from "../../../common/policy/render-text";
import type { Queryable } from "../../db/database";
import type { FileResult } from "../../platform/http/types";
import { renderPolicyDocx } from "./render-docx";
import { renderPolicyPdf } from "./render-pdf";
import { renderPolicyXlsx } from "./render-xlsx";
import { documentContent } from "./service";

const MIME: Record<PolicyExportFormat, string> = {
  pdf: "application/pdf",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  txt: "text/plain; charset=utf-8",
};

export async function exportPolicyDocument(db: Queryable, id: string, format: PolicyExportFormat, asOf?: string): Promise<FileResult> {
  const { fiscalYear, status: _, ...content } = await documentContent(db, id);
  const options = { asOf, statusLabels: true };
  const body =
    format === "pdf"
      ? await renderPolicyPdf(content, options)
      : format === "docx"
        ? await renderPolicyDocx(content, options)
        : format === "xlsx"
          ? await renderPolicyXlsx(content, options)
          : new TextEncoder().encode(renderPolicyText(content, { asOf }));
  const name = `${content.bureauName}_局区方針_${formatFiscalYear(fiscalYear)}${asOf ? `_${asOf}時点` : ""}.${format}`;
  return { file: { name, mimeType: MIME[format], body: new Uint8Array(body) } };
}
