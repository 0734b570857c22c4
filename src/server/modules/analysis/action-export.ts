// 今後の取組の一覧の出力: Excel or CSV (UTF-8 with BOM, formula-safe: platform/tabular), with the list's filters and
// order (overdue first), for every member of staff, audited. Dates in 和暦 with the 西暦 beside.
import { ACTION_STATUS_LABELS } from "../../../common/analysis/labels";
import { isOverdue } from "../../../common/analysis/review-rules";
import { formatFiscalYear, formatWareki, todayInJapan } from "../../../common/dates";
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { writeCsv } from "../../platform/tabular/csv-write";
import { writeXlsx } from "../../platform/tabular/xlsx-write";
import { requireAnalysisReader } from "./access";
import type { ActionFilter } from "./action-repository";
import { allActions } from "./action-service";

export const ACTION_EXPORT_HEADER = [
  "対象",
  "分析年度",
  "取組",
  "内容",
  "担当課",
  "担当（外部）",
  "期限",
  "期限（西暦）",
  "状態",
  "期限切れ",
  "完了日",
  "完了日（西暦）",
  "結果",
  "サンプル",
];

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function exportActions(
  db: Db,
  user: Principal | null,
  actor: Actor,
  query: ActionFilter & { format: "csv" | "xlsx" },
): Promise<FileResult> {
  requireAnalysisReader(user);
  const today = todayInJapan();
  const rows = await allActions(db, query, today);
  const cells = rows.map((a) => [
    a.subject_name,
    formatFiscalYear(a.fiscal_year),
    a.title,
    a.detail,
    a.owner_organisation_name ?? "",
    a.owner_name,
    a.due_on ? formatWareki(a.due_on) : "",
    a.due_on ?? "",
    ACTION_STATUS_LABELS[a.status],
    isOverdue({ status: a.status, dueOn: a.due_on }, today) ? "期限切れ" : "",
    a.done_on ? formatWareki(a.done_on) : "",
    a.done_on ?? "",
    a.result,
    a.is_sample ? "サンプル" : "",
  ]);
  await recordAudit(db, actor, {
    action: "export",
    entityType: "analysis_action",
    summary: `経営分析の今後の取組の一覧を出力（${rows.length}件, ${query.format}）`,
  });
  const baseName = `経営分析_今後の取組_${today}`;
  const sheet = { name: "今後の取組", header: ACTION_EXPORT_HEADER, rows: cells };
  if (query.format === "xlsx") return { file: { name: `${baseName}.xlsx`, mimeType: XLSX_MIME, body: await writeXlsx([sheet]) } };
  const { bytes } = writeCsv(sheet.header, sheet.rows, { encoding: "utf-8-bom" });
  return { file: { name: `${baseName}.csv`, mimeType: "text/csv; charset=utf-8", body: bytes } };
}
