// 連携事業の出力: the list as Excel or CSV (UTF-8 with BOM; the same filters as the page), and the bureau's yearly
// report of every project of a 年度 (状態, 総事業費と財源, 実績・成果・課題・次年度の方針) as Excel or PDF (A4 landscape,
// Noto Sans JP). Every member of staff may export; each export is audited.
import type { Content, TableCell, TDocumentDefinitions } from "pdfmake/interfaces";
import { formatFiscalYear, formatWareki, todayInJapan } from "../../../common/dates";
import { FUNDING_SOURCE_LABELS, FUNDING_SOURCES, PROJECT_STATUS_LABELS } from "../../../common/region/partnerships";
import type { Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { PDF_FONT_FAMILY, renderPdf } from "../../platform/pdf/printer";
import { writeXlsx } from "../../platform/tabular/xlsx-write";
import { tableFile, XLSX_MIME } from "./municipality-export";
import * as repo from "./project-repository";
import { toBudget, toProjectSummary } from "./project-service";

export const PROJECT_EXPORT_HEADER = [
  "事業名",
  "枠組み",
  "状態",
  "状態の開始日",
  "状態の開始日（西暦）",
  "滞留日数",
  "幹事団体",
  "参加団体数",
  "所管課",
  "開始年度",
  "終了年度",
  "予算の年度",
  "総事業費（円）",
  "財源の内訳が一致",
  "サンプル",
];

const fy = (n: number | null) => (n === null ? "" : `${formatFiscalYear(n)}（${n}年度）`);

export async function exportProjects(
  db: Queryable,
  user: Principal | null,
  actor: Actor,
  query: repo.ProjectFilter & { sort: string; format: "csv" | "xlsx" },
): Promise<FileResult> {
  authorize(user, "region.read");
  const today = todayInJapan();
  const { rows } = await repo.findProjects(db, query, query.sort, null);
  const cells = rows.map((row) => {
    const p = toProjectSummary(row, today);
    return [
      p.name,
      p.framework.name,
      PROJECT_STATUS_LABELS[p.status],
      formatWareki(p.statusSince),
      p.statusSince,
      p.daysInStatus,
      p.lead?.name ?? "",
      p.memberCount,
      p.owner.name,
      fy(p.startFiscalYear),
      fy(p.endFiscalYear),
      p.budget ? fy(p.budget.fiscalYear) : "",
      p.budget?.totalYen ?? "",
      p.budget ? (p.budget.fundingMatches ? "一致" : "不一致") : "",
      p.isSample ? "サンプル" : "",
    ];
  });
  await recordAudit(db, actor, {
    action: "export",
    entityType: "region_project",
    summary: `連携事業の一覧を出力（${rows.length}件, ${query.format}）`,
  });
  return tableFile(query.format, `連携事業_${today}`, { name: "連携事業", header: PROJECT_EXPORT_HEADER, rows: cells });
}

// ------------------------------------------------------------------ 年次報告（全事業）

interface YearlyRow {
  framework: string;
  name: string;
  status: string;
  lead: string;
  owner: string;
  totalYen: number | null;
  funding: Record<string, number> | null;
  fundingNote: string;
  results: string;
  outcomes: string;
  issues: string;
  nextPolicy: string;
}

async function yearlyRows(db: Queryable, fiscalYear: number): Promise<YearlyRow[]> {
  const today = todayInJapan();
  const [{ rows: projects }, budgets, reports] = await Promise.all([
    repo.findProjects(db, { fiscalYear }, "framework", null),
    repo.findBudgetsOfYear(db, fiscalYear),
    repo.findReportsOfYear(db, fiscalYear),
  ]);
  // every project with a budget or a report of the year, and those running in it
  const ids = new Set([...projects.map((p) => p.id), ...reports.map((r) => r.project_id)]);
  const all = projects.filter((p) => ids.has(p.id));
  for (const r of reports)
    if (!all.some((p) => p.id === r.project_id)) {
      const row = await repo.findProject(db, r.project_id);
      if (row) all.push(row);
    }
  return all.map((row) => {
    const p = toProjectSummary(row, today);
    const budgetRow = budgets.find((b) => b.project_id === row.id);
    const budget = budgetRow ? toBudget(budgetRow) : null;
    const report = reports.find((r) => r.project_id === row.id);
    return {
      framework: p.framework.name,
      name: p.name,
      status: PROJECT_STATUS_LABELS[p.status],
      lead: p.lead?.name ?? "",
      owner: p.owner.name,
      totalYen: budget?.totalYen ?? null,
      funding: budget?.funding ?? null,
      fundingNote: budget && !budget.fundingMatches ? `${budget.mismatchMessage ?? ""}（理由: ${budget.mismatchReason}）` : "",
      results: report?.results ?? "",
      outcomes: report?.outcomes ?? "",
      issues: report?.issues ?? "",
      nextPolicy: report?.next_policy ?? "",
    };
  });
}

const yen = (n: number | null) => (n === null ? "" : `${n.toLocaleString("ja-JP")}円`);

function yearlyPdf(fiscalYear: number, rows: YearlyRow[]): TDocumentDefinitions {
  const head = ["枠組み", "事業名", "状態", "総事業費", "財源の内訳", "実績", "成果", "課題", "次年度の方針"].map(
    (text): TableCell => ({ text, style: "head" }),
  );
  const body: TableCell[][] = [
    head,
    ...rows.map((r) => [
      r.framework,
      { text: [{ text: r.name, bold: true }, `\n幹事: ${r.lead || "—"}\n所管: ${r.owner}`] },
      r.status,
      { text: yen(r.totalYen), alignment: "right" as const },
      {
        text: r.funding
          ? `${FUNDING_SOURCES.filter((s) => (r.funding?.[s] ?? 0) > 0)
              .map((s) => `${FUNDING_SOURCE_LABELS[s]} ${yen(r.funding?.[s] ?? 0)}`)
              .join("\n")}${r.fundingNote ? `\n※${r.fundingNote}` : ""}`
          : "",
      },
      r.results,
      r.outcomes,
      r.issues,
      r.nextPolicy,
    ]),
  ];
  const content: Content[] = [
    { text: `連携事業 年次報告　${formatFiscalYear(fiscalYear)}（${fiscalYear}年度）`, style: "title" },
    { text: `作成日: ${formatWareki(todayInJapan())}　事業数: ${rows.length}件`, style: "sub" },
    rows.length === 0
      ? { text: "この年度の連携事業はありません。" }
      : { table: { headerRows: 1, widths: [50, 90, 34, 56, 100, "*", "*", "*", "*"], body }, layout: "lightHorizontalLines" },
  ];
  return {
    pageSize: "A4",
    pageOrientation: "landscape",
    pageMargins: [28, 32, 28, 32],
    defaultStyle: { font: PDF_FONT_FAMILY, fontSize: 7.5, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 14, bold: true, margin: [0, 0, 0, 4] },
      sub: { fontSize: 8, margin: [0, 0, 0, 8] },
      head: { bold: true, fillColor: "#e8eef7" },
    },
    footer: (page: number, count: number) => ({ text: `${page} / ${count}`, alignment: "center", fontSize: 7 }),
    content,
  };
}

export async function exportYearlyReport(
  db: Queryable,
  user: Principal | null,
  actor: Actor,
  query: { fiscalYear: number; format: "xlsx" | "pdf" },
): Promise<FileResult> {
  authorize(user, "region.read");
  const rows = await yearlyRows(db, query.fiscalYear);
  await recordAudit(db, actor, {
    action: "export",
    entityType: "region_project_report",
    summary: `${query.fiscalYear}年度の連携事業 年次報告を出力（${rows.length}件, ${query.format}）`,
  });
  const base = `連携事業_年次報告_${query.fiscalYear}年度`;
  if (query.format === "pdf")
    return { file: { name: `${base}.pdf`, mimeType: "application/pdf", body: await renderPdf(yearlyPdf(query.fiscalYear, rows)) } };
  const header = [
    "枠組み",
    "事業名",
    "状態",
    "幹事団体",
    "所管課",
    "総事業費（円）",
    ...FUNDING_SOURCES.map((s) => `${FUNDING_SOURCE_LABELS[s]}（円）`),
    "財源の注記",
    "実績",
    "成果",
    "課題",
    "次年度の方針",
  ];
  const cells = rows.map((r) => [
    r.framework,
    r.name,
    r.status,
    r.lead,
    r.owner,
    r.totalYen ?? "",
    ...FUNDING_SOURCES.map((s) => (r.funding ? (r.funding[s] ?? 0) : "")),
    r.fundingNote,
    r.results,
    r.outcomes,
    r.issues,
    r.nextPolicy,
  ]);
  const body = await writeXlsx([{ name: `${query.fiscalYear}年度`, header, rows: cells, wrapText: true }]);
  return { file: { name: `${base}.xlsx`, mimeType: XLSX_MIME, body } };
}
