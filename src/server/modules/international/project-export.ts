// 国際関連事業の一覧 as Excel, with the list's filters and sort: sheet 1 one row per project, sheet 2 the budget and
// settled cost per 年度 and 財源, sheet 3 the indicators with their latest result and grade. Years and dates in 和暦,
// codes as their Japanese labels, money in integer yen as numbers; every text cell is written as plain text by the
// platform's writer, so a name such as "=HYPERLINK(…)" stays inert. Every member of staff may export (they read
// every project); the export is audited.
import { FUNDING_SOURCE_LABELS, PROJECT_STATUS_LABELS } from "../../../common/api/international";
import { formatFiscalYear, formatWareki, isoDateInJapan, todayInJapan } from "../../../common/dates";
import { partnerLabel } from "../../../common/international/partner-label";
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { writeXlsx } from "../../platform/tabular/xlsx-write";
import { accessOf } from "./access";
import { gradeProjectIndicator, projectGradeRule } from "./project-indicators";
import * as repo from "./project-repository";

export const PROJECT_SHEET_HEADER = [
  "事業名",
  "所管局",
  "所管課",
  "担当者",
  "分野",
  "状態",
  "公開区分",
  "開始年度",
  "終了年度",
  "相手先",
  "テーマ",
  "予算額合計（円）",
  "決算額合計（円）",
  "概要",
  "更新日",
  "kintoneのレコード番号",
  "サンプル",
];
export const YEAR_SHEET_HEADER = ["事業名", "所管課", "年度", "財源", "予算額（円）", "決算額（円）"];
export const INDICATOR_SHEET_HEADER = [
  "事業名",
  "指標",
  "単位",
  "方向",
  "基準値",
  "基準年度",
  "目標値",
  "目標年度",
  "最新の実績値",
  "実績の年度",
  "達成度（%）",
  "評価",
  "評価の説明",
];

const fy = (year: number | null) => (year === null ? "" : formatFiscalYear(year));

export async function exportProjects(
  db: Db,
  user: Principal | null,
  actor: Actor,
  query: repo.ProjectFilter & { sort: repo.ProjectSort },
): Promise<FileResult> {
  const { sort, ...filter } = query;
  const { rows, years, indicators, rule } = await db.transaction(async (tx) => {
    await accessOf(tx, user);
    const rows = await repo.findAllProjects(tx, filter, sort);
    const ids = rows.map((r) => r.id);
    const years = await repo.findProjectYears(tx, ids);
    const indicators = await repo.findProjectIndicators(tx, ids);
    const rule = await projectGradeRule(tx);
    await recordAudit(tx, actor, {
      action: "export",
      entityType: "international_project",
      entityId: null,
      summary: `国際関連事業の一覧を Excel で出力（${rows.length}件）`,
      after: { filter, sort },
    });
    return { rows, years, indicators, rule };
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const order = new Map(rows.map((r, i) => [r.id, i]));
  const inListOrder = <T extends { project_id: string }>(list: T[]) =>
    list
      .map((item, i) => ({ item, i }))
      .sort((a, b) => (order.get(a.item.project_id) ?? 0) - (order.get(b.item.project_id) ?? 0) || a.i - b.i);

  const projectRows = rows.map((r) => [
    r.name,
    r.bureau_name,
    r.owner_name,
    r.contact_name,
    r.field_name,
    PROJECT_STATUS_LABELS[r.status],
    r.is_public ? "公開" : "内部",
    fy(r.first_fiscal_year),
    r.last_fiscal_year === null ? "継続中" : fy(r.last_fiscal_year),
    r.partners.map((p) => partnerLabel(p)).join("、"),
    r.themes.join("、"),
    r.budget_total,
    r.settled_total,
    r.summary,
    formatWareki(isoDateInJapan(r.updated_at)),
    r.source_key ?? "",
    r.is_sample ? "サンプル" : "",
  ]);
  const yearRows = inListOrder(years).map(({ item: y }) => {
    const project = byId.get(y.project_id);
    return [
      project?.name ?? "",
      project?.owner_name ?? "",
      fy(y.fiscal_year),
      FUNDING_SOURCE_LABELS[y.funding_source],
      y.budget,
      y.settled,
    ];
  });
  const indicatorRows = inListOrder(indicators).map(({ item: i }) => {
    const latest = i.results.at(-1);
    const graded = gradeProjectIndicator(i, rule);
    return [
      byId.get(i.project_id)?.name ?? "",
      i.name,
      i.unit,
      i.direction === "higher" ? "高いほど良い" : "低いほど良い",
      i.baseline_value,
      fy(i.baseline_fiscal_year),
      i.target_value,
      fy(i.target_fiscal_year),
      latest?.value ?? null,
      latest ? fy(latest.fiscal_year) : "",
      graded.achievement,
      graded.grade ?? "",
      graded.gradeNote,
    ];
  });
  const body = await writeXlsx([
    { name: "国際関連事業", header: PROJECT_SHEET_HEADER, rows: projectRows, wrapText: true },
    { name: "年度別の予算・決算", header: YEAR_SHEET_HEADER, rows: yearRows },
    { name: "指標と評価", header: INDICATOR_SHEET_HEADER, rows: indicatorRows, wrapText: true },
    {
      name: "凡例",
      header: ["項目", "内容"],
      rows: [
        ["出力日", formatWareki(todayInJapan())],
        ["件数", rows.length],
        ["金額", "円単位（決算額が未確定の年度は空欄、合計では0円として数えます）"],
        ["評価", "新ビジョンの現在の評価基準で、最新年度の実績を評価しています。"],
      ],
    },
  ]);
  return {
    file: {
      // named for the day in Japan, not in UTC
      name: `国際関連事業_${todayInJapan()}.xlsx`,
      mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      body: new Uint8Array(body),
    },
  };
}
