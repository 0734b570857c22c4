// 比較表: every subject analysed in one fiscal year side by side — its kind, 外郭団体／政策連携団体 label of the year,
// lead division and 局, the key indicators of its latest year with figures up to that year (read through the figures
// part's subjectIndicators, so linked figures count and a missing figure stays missing, never 0), the assessments per
// viewpoint, the chosen option, the decision date and the follow-up actions still open and done. Also as Excel.

import {
  type AnalysisOption,
  ASSESSMENT_LABELS,
  type Assessment,
  affiliateLabel,
  OPTION_LABELS,
  REVIEW_STATUS_LABELS,
  type ReviewStatus,
  SUBJECT_KIND_LABELS,
  type SubjectKind,
  VIEWPOINT_LABELS,
  VIEWPOINTS,
} from "../../../common/analysis/labels";
import type { IndicatorView, SubjectIndicatorsView } from "../../../common/api/analysis-figures";
import type { ComparisonIndicator, ComparisonRow, ComparisonValue, ComparisonView } from "../../../common/api/analysis-reports";
import { formatFiscalYear, formatWareki, isoDateInJapan } from "../../../common/dates";
import type { Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { writeXlsx } from "../../platform/tabular/xlsx-write";
import { requireAnalysisReader } from "./access";
import { findFindingAssessments, findReviewsOfYear, findReviewYears } from "./comparison-repository";
import { subjectIndicators } from "./indicator-service";

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const BY_NAME = new Intl.Collator("ja");

/** How far back the table looks for a subject's latest year with figures. */
const LOOK_BACK_YEARS = 9;

const FIXED: Record<Exclude<ComparisonIndicator, "cost_per_unit">, { label: string; unit: ComparisonValue["unit"] }> = {
  dependency: { label: "市財政への依存度", unit: "%" },
  self_revenue: { label: "自主財源比率", unit: "%" },
  personnel_ratio: { label: "人件費比率", unit: "%" },
  facility_age: { label: "施設の平均築年数", unit: "年" },
};
const COST_PER_UNIT_LABEL = "単位あたりの経費";

/** Indicators that say the year has figures (all but the facility age, which needs only the facilities). */
const hasFigures = (i: IndicatorView) => i.key !== "facility_age";

/** The latest fiscal year up to `upTo` in which any figure-based indicator has a value. */
export function latestYearWithFigures(view: SubjectIndicatorsView, upTo: number): number | null {
  let latest: number | null = null;
  for (const indicator of view.indicators.filter(hasFigures)) {
    for (const p of indicator.series) {
      if (p.value !== null && p.fiscalYear <= upTo && (latest === null || p.fiscalYear > latest)) latest = p.fiscalYear;
    }
  }
  return latest;
}

function valueAt(
  indicator: IndicatorView | undefined,
  fiscalYear: number | null,
  noYear: string,
): Omit<ComparisonValue, "key" | "label" | "unit"> {
  if (!indicator) return { value: null, missing: "この指標はありません" };
  if (fiscalYear === null) return { value: null, missing: noYear };
  const point = indicator.series.find((p) => p.fiscalYear === fiscalYear);
  if (!point) return { value: null, missing: `${formatFiscalYear(fiscalYear)}の値がありません` };
  return point.value === null ? { value: null, missing: point.missing ?? "未入力" } : { value: point.value };
}

/** The table's five key indicators of one subject in the year given (null: no year with figures). */
export function keyIndicators(view: SubjectIndicatorsView, indicatorYear: number | null, comparedYear: number): ComparisonValue[] {
  const byKey = new Map(view.indicators.map((i) => [i.key, i]));
  const noYear = `${formatFiscalYear(comparedYear)}までの数値が未入力`;
  const fixed = (key: keyof typeof FIXED): ComparisonValue => ({
    key,
    ...FIXED[key],
    ...valueAt(byKey.get(key), key === "facility_age" ? (indicatorYear ?? comparedYear) : indicatorYear, noYear),
  });
  // 単位あたりコスト: on the subject's first cost-basis measure (the indicators list them in the measures' order)
  const cost = view.indicators.find((i) => i.key.startsWith("cost_per:"));
  const costValue: ComparisonValue = cost
    ? { key: "cost_per_unit", label: cost.label, unit: "円", ...valueAt(cost, indicatorYear, noYear) }
    : { key: "cost_per_unit", label: COST_PER_UNIT_LABEL, unit: "円", value: null, missing: "単位あたりの経費を計算する活動指標が未設定" };
  return [fixed("dependency"), fixed("self_revenue"), fixed("personnel_ratio"), costValue, fixed("facility_age")];
}

async function buildComparison(db: Queryable, asked: number | undefined): Promise<ComparisonView> {
  const years = await findReviewYears(db);
  const fiscalYear = asked ?? years[0] ?? null;
  if (fiscalYear === null) return { fiscalYear: null, years, rows: [] };
  const reviews = await findReviewsOfYear(db, fiscalYear);
  const findings = await findFindingAssessments(
    db,
    reviews.map((r) => r.review_id),
  );
  const rows: ComparisonRow[] = [];
  for (const r of reviews) {
    const view = await subjectIndicators(db, r.subject_id, {
      from: fiscalYear - LOOK_BACK_YEARS,
      to: fiscalYear,
      standingYear: fiscalYear,
    });
    const indicatorYear = latestYearWithFigures(view, fiscalYear);
    const own = findings.filter((f) => f.review_id === r.review_id);
    const assessed = own.map((f) => f.assessment).filter((a): a is Assessment => a !== null);
    rows.push({
      reviewId: r.review_id,
      subjectId: r.subject_id,
      name: r.name,
      kind: r.kind as SubjectKind,
      kindLabel: SUBJECT_KIND_LABELS[r.kind as SubjectKind] ?? r.kind,
      affiliateLabel: r.is_affiliated_body ? affiliateLabel(fiscalYear) : null,
      leadOrganisationName: r.lead_organisation_name,
      bureauName: r.bureau_name,
      indicatorYear,
      indicators: keyIndicators(view, indicatorYear, fiscalYear),
      viewpoints: VIEWPOINTS.map((viewpoint) => ({
        viewpoint,
        label: VIEWPOINT_LABELS[viewpoint],
        assessments: own.filter((f) => f.viewpoint === viewpoint && f.assessment !== null).map((f) => f.assessment as Assessment),
      })),
      assessmentCounts: {
        adequate: assessed.filter((a) => a === "adequate").length,
        issue: assessed.filter((a) => a === "issue").length,
        improve: assessed.filter((a) => a === "improve").length,
      },
      status: r.status as ReviewStatus,
      statusLabel: REVIEW_STATUS_LABELS[r.status as ReviewStatus] ?? r.status,
      chosenOption: r.chosen_option as AnalysisOption | null,
      chosenOptionLabel: r.chosen_option ? OPTION_LABELS[r.chosen_option as AnalysisOption] : null,
      decidedOn: r.decided_on,
      actionsOpen: Number(r.actions_open),
      actionsDone: Number(r.actions_done),
      isSample: r.is_sample,
    });
  }
  // by name in Japanese order (the same on PGlite and PostgreSQL, whatever their collation)
  rows.sort((a, b) => BY_NAME.compare(a.name, b.name) || a.reviewId.localeCompare(b.reviewId));
  return { fiscalYear, years, rows };
}

/** The comparison table of a fiscal year (default: the latest year with analyses). Every member of staff. */
export async function getComparison(db: Queryable, user: Principal | null, fiscalYear: number | undefined): Promise<ComparisonView> {
  requireAnalysisReader(user);
  return buildComparison(db, fiscalYear);
}

// ------------------------------------------------------------------------------------------ Excel

/** A value for a cell: the number as shown (one decimal for % and 年, whole yen), or 「—（why）」, never 0. */
function cellOf(v: ComparisonValue): string | number {
  if (v.value === null) return `—（${v.missing ?? "未入力"}）`;
  return v.unit === "%" || v.unit === "年" ? Math.round(v.value * 10) / 10 : Math.round(v.value);
}

const assessmentsText = (list: readonly Assessment[]) => (list.length ? list.map((a) => ASSESSMENT_LABELS[a]).join("／") : "—");

export function comparisonSheet(view: ComparisonView): { header: string[]; rows: (string | number)[][] } {
  const header = [
    "名称",
    "種別",
    "外郭団体／政策連携団体",
    "所管課",
    "局",
    "指標の年度",
    "市財政への依存度（%）",
    "自主財源比率（%）",
    "人件費比率（%）",
    "単位あたりの経費（円）",
    "単位あたりの経費の基準",
    "施設の平均築年数（年）",
    ...VIEWPOINTS.map((v) => `評価：${VIEWPOINT_LABELS[v]}`),
    "適切",
    "課題あり",
    "要改善",
    "状態",
    "選んだ方向性",
    "決定日",
    "未完了の取組",
    "完了した取組",
  ];
  const rows = view.rows.map((r) => {
    const [dependency, self, personnel, cost, age] = r.indicators as [
      ComparisonValue,
      ComparisonValue,
      ComparisonValue,
      ComparisonValue,
      ComparisonValue,
    ];
    return [
      r.isSample ? `${r.name}（サンプル）` : r.name,
      r.kindLabel,
      r.affiliateLabel ?? "—",
      r.leadOrganisationName ?? "—",
      r.bureauName ?? "—",
      r.indicatorYear === null ? "—（数値が未入力）" : formatFiscalYear(r.indicatorYear),
      cellOf(dependency),
      cellOf(self),
      cellOf(personnel),
      cellOf(cost),
      cost.label === COST_PER_UNIT_LABEL ? "—" : cost.label,
      cellOf(age),
      ...r.viewpoints.map((v) => assessmentsText(v.assessments)),
      r.assessmentCounts.adequate,
      r.assessmentCounts.issue,
      r.assessmentCounts.improve,
      r.statusLabel,
      r.chosenOptionLabel ?? "—",
      r.decidedOn ? formatWareki(r.decidedOn) : "—",
      r.actionsOpen,
      r.actionsDone,
    ];
  });
  return { header, rows };
}

/** The comparison table as Excel; audited as an export. */
export async function exportComparison(
  db: Queryable,
  user: Principal | null,
  actor: Actor,
  fiscalYear: number | undefined,
): Promise<FileResult> {
  requireAnalysisReader(user);
  const view = await buildComparison(db, fiscalYear);
  const yearLabel = view.fiscalYear === null ? "年度なし" : formatFiscalYear(view.fiscalYear);
  const sheet = comparisonSheet(view);
  const body = await writeXlsx([{ name: `比較表 ${yearLabel}`, ...sheet }]);
  await recordAudit(db, actor, {
    action: "export",
    entityType: "analysis_review",
    summary: `経営分析の比較表を出力（${yearLabel}、${view.rows.length}件、Excel）`,
  });
  const name = `経営分析_比較表_${yearLabel}_${isoDateInJapan(new Date())}.xlsx`;
  return { file: { name, mimeType: XLSX_MIME, body } };
}
