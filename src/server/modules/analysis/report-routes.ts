// 経営分析: the routes of the report part — the comparison table across the subjects analysed in one fiscal year (and
// its Excel) and the analysis report as PDF or Word.
import * as api from "../../../common/api/analysis-reports";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as comparison from "./comparison-service";
import { downloadReviewReport } from "./report-service";

export function registerReportRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.getComparison, ({ query }, { user }) => comparison.getComparison(db, user, query.fiscalYear));
  router.on(api.exportComparison, ({ query }, { user, actor }) => comparison.exportComparison(db, user, actor, query.fiscalYear));
  router.on(api.downloadReviewReport, ({ params, query }, { user, actor }) =>
    downloadReviewReport(db, user, actor, params.id, query.format),
  );
}
