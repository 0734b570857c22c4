// 経営分析の対象・比較団体の一覧の出力: Excel or CSV (UTF-8 with BOM, formula-safe: platform/tabular), with the list's
// filters, for every member of staff, audited. 年度 and 設立年 in 和暦 with the 西暦 beside.
import { LINKED_SOURCE_INFO } from "../../../common/analysis/figure-items";
import { affiliateLabel, SUBJECT_KIND_LABELS, SUBJECT_ROLE_LABELS } from "../../../common/analysis/labels";
import { foundedYearLabel } from "../../../common/api/analysis-subjects";
import { fiscalYearOf, formatFiscalYear, todayInJapan } from "../../../common/dates";
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { writeCsv } from "../../platform/tabular/csv-write";
import { writeXlsx } from "../../platform/tabular/xlsx-write";
import { requireAnalysisReader } from "./access";
import type { SubjectFilter } from "./subject-repository";
import { allSubjects } from "./subject-service";

export const SUBJECT_EXPORT_HEADER = [
  "名称",
  "略称",
  "区分",
  "種別",
  "外郭団体・政策連携団体",
  "所管局",
  "所管課",
  "市の出資比率（%）",
  "設立年",
  "分析年度",
  "分析年度（西暦）",
  "所在地",
  "連携元",
  "比較団体・比較する分析対象",
  "経営分析の件数",
  "最新の経営分析",
  "サンプル",
];

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function exportSubjects(
  db: Db,
  user: Principal | null,
  actor: Actor,
  query: Omit<SubjectFilter, "sort" | "order"> & Partial<Pick<SubjectFilter, "sort" | "order">> & { format: "csv" | "xlsx" },
): Promise<FileResult> {
  requireAnalysisReader(user);
  const today = todayInJapan();
  const fy = fiscalYearOf(today);
  const rows = await allSubjects(db, { ...query, sort: query.sort ?? "analysisYear", order: query.order ?? "asc" });
  const cells = rows.map((s) => [
    s.name,
    s.short_name,
    SUBJECT_ROLE_LABELS[s.role],
    SUBJECT_KIND_LABELS[s.kind],
    s.is_affiliated_body ? affiliateLabel(s.analysis_fiscal_year ?? fy) : "",
    s.bureau_name ?? "",
    s.lead_organisation_name ?? "",
    s.city_stake_percent ?? "",
    s.founded_year ? foundedYearLabel(s.founded_year) : "",
    s.analysis_fiscal_year ? formatFiscalYear(s.analysis_fiscal_year) : "",
    s.analysis_fiscal_year ?? "",
    s.location,
    s.linked_source ? LINKED_SOURCE_INFO[s.linked_source].label : "",
    s.linked_names.join("、"),
    s.review_count,
    s.latest_review_year !== null
      ? `${formatFiscalYear(s.latest_review_year)}（${s.latest_review_status === "decided" ? "決定済み" : "分析中"}）`
      : "",
    s.is_sample ? "サンプル" : "",
  ]);
  await recordAudit(db, actor, {
    action: "export",
    entityType: "analysis_subject",
    summary: `経営分析の対象・比較団体の一覧を出力（${rows.length}件, ${query.format}）`,
  });
  const baseName = `経営分析の対象・比較団体_${today}`;
  const sheet = { name: "対象・比較団体", header: SUBJECT_EXPORT_HEADER, rows: cells };
  if (query.format === "xlsx") return { file: { name: `${baseName}.xlsx`, mimeType: XLSX_MIME, body: await writeXlsx([sheet]) } };
  const { bytes } = writeCsv(sheet.header, sheet.rows, { encoding: "utf-8-bom" });
  return { file: { name: `${baseName}.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
}
