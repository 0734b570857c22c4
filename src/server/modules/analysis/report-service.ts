// 経営分析報告書 (PDF or Word): gathers the analysis (review part), the subject's outline (subjects part), its figures
// and its indicators with the peers' (figures part: linked figures included), builds the one model both formats print, and audits the export.
// Every member of staff may print an analysis, as they may read it.
import type { ReportFormat } from "../../../common/api/analysis-reports";
import { formatFiscalYear, todayInJapan } from "../../../common/dates";
import type { Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound } from "../../platform/errors";
import type { FileResult } from "../../platform/http/types";
import { requireAnalysisReader } from "./access";
import { loadFigureSet } from "./figure-set";
import { subjectIndicators } from "./indicator-service";
import { type ReportFigures, reportFileBase, reportModel } from "./report-model";
import { renderReportPdf } from "./report-pdf";
import { reviewDetail } from "./review-service";
import { findSubject, type SubjectRow } from "./subject-repository";

const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** The subject's figures by year as the figures part reads them (stored ones and those of its linked source). */
async function figuresOf(db: Queryable, subject: SubjectRow, fiscalYear: number): Promise<ReportFigures> {
  const set = await loadFigureSet(db, subject, { from: fiscalYear - 9, to: fiscalYear });
  return {
    measures: set.measures.map((m) => ({ id: m.id, name: m.name, unit: m.unit })),
    years: set.years.map((y) => ({
      fiscalYear: y.fiscalYear,
      items: [...y.items].map(([code, v]) => ({ code, value: v.value, source: v.source })),
      measures: [...y.measures].map(([measureId, v]) => ({ measureId, value: v.value, source: v.source })),
    })),
  };
}

export async function downloadReviewReport(
  db: Queryable,
  user: Principal | null,
  actor: Actor,
  reviewId: string,
  format: ReportFormat,
): Promise<FileResult> {
  requireAnalysisReader(user);
  const review = await reviewDetail(db, reviewId);
  const subject = await findSubject(db, review.subject.id);
  if (!subject) throw new NotFound("経営分析の対象が見つかりません。");
  const model = reportModel({
    review,
    outline: {
      purpose: subject.purpose,
      cityRole: subject.city_role,
      cityStakePercent: subject.city_stake_percent === null ? null : Number(subject.city_stake_percent),
      foundedYear: subject.founded_year,
    },
    figures: await figuresOf(db, subject, review.fiscalYear),
    indicators: await subjectIndicators(db, review.subject.id, { to: review.fiscalYear }),
    today: todayInJapan(),
  });
  const body = format === "docx" ? await (await import("./report-docx")).renderReportDocx(model) : await renderReportPdf(model);
  await recordAudit(db, actor, {
    action: "export",
    entityType: "analysis_review",
    entityId: review.id,
    summary: `${review.subject.name}の${formatFiscalYear(review.fiscalYear)}の経営分析報告書を出力（${format === "docx" ? "Word" : "PDF"}）`,
  });
  return {
    file: {
      name: `${reportFileBase(review)}.${format}`,
      mimeType: format === "docx" ? DOCX_MIME : "application/pdf",
      body,
    },
  };
}
