// Renders a stored document in a download format; the file name carries the bureau, 年度 and 時点.
import type { PolicyExportFormat } from "../../../common/api/policy";
import { formatFiscalYear, todayInJapan } from "../../../common/dates";
import { renderPolicyText } from "../../../common/policy/render-text";
import type { Queryable } from "../../db/database";
import type { FileResult } from "../../platform/http/types";
import { writeCsv } from "../../platform/tabular/csv-write";
import { writeXlsx } from "../../platform/tabular/xlsx-write";
import { listChallenges } from "./challenge-service";
import { documentContent } from "./document-service";
import { renderPolicyDocx } from "./render-docx";
import { renderPolicyPdf } from "./render-pdf";
import { renderPolicyXlsx } from "./render-xlsx";
import type { ChallengeFilter } from "./repository";

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

const CHALLENGE_EXPORT_LIMIT = 10_000;

/** The challenge list as staff filtered it, one row per challenge with its latest progress (formula-safe). */
export async function exportChallengeList(db: Queryable, filter: ChallengeFilter, format: "csv" | "xlsx"): Promise<FileResult> {
  const { items } = await listChallenges(db, { ...filter, sort: "code", order: "asc", page: 1, pageSize: CHALLENGE_EXPORT_LIMIT });
  const header = ["課題番号", "領域", "分類", "課題名", "担当課", "経営分析年度", "最新時点", "状況", "最新の進捗", "進捗件数"];
  const rows = items.map((c) => [
    c.code,
    c.areaCode,
    c.category ?? "",
    c.name,
    c.ownerOrganisationName ?? "",
    c.analysisYear === null ? "" : formatFiscalYear(c.analysisYear),
    c.latestProgress?.asOfLabel ?? "",
    c.latestProgress?.status ?? "",
    c.latestProgress?.text ?? "",
    c.progressCount,
  ]);
  const stamp = todayInJapan(); // the file is named for the day in Japan, not in UTC
  if (format === "csv") {
    const { bytes } = writeCsv(header, rows, { encoding: "utf-8-bom" });
    return { file: { name: `課題一覧_${stamp}.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
  }
  const body = await writeXlsx([{ name: "課題一覧", header, rows, wrapText: true }]);
  return { file: { name: `課題一覧_${stamp}.xlsx`, mimeType: MIME.xlsx, body: new Uint8Array(body) } };
}
