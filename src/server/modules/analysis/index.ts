// The analysis module (経営分析, issue 19): one management-analysis tool for the programmes and bodies the bureau is
// responsible for (SDGsステーション, international programmes, 外郭団体／政策連携団体, 北九州市立大学): subjects and peers
// with their yearly figures, indicators, analyses with findings, options, decisions and follow-up actions, reports.

import { anyImportKind } from "../../platform/imports/registry";
import type { ModuleManifest } from "../manifest";
import { analysisAudiences } from "./audiences";
import { loadAnalysisDemo } from "./demo";
import { figuresImportKind } from "./figure-import";
import { registerFigureRoutes } from "./figure-routes";
import { registerReportRoutes } from "./report-routes";
import { registerReviewRoutes } from "./review-routes";
import { registerSubjectRoutes } from "./subject-routes";

export { setAnalysisOwner } from "./access";

export const analysisModule: ModuleManifest = {
  name: "analysis",
  label: "経営分析",
  // each part of the module registers its routes here, one line each
  routes: (router, deps) => {
    registerSubjectRoutes(router, deps);
    registerFigureRoutes(router, deps);
    registerReviewRoutes(router, deps);
    registerReportRoutes(router, deps);
  },
  audiences: analysisAudiences,
  // 年度別数値の一括登録 (figure-import.ts): several bodies' figures in one file, all or nothing
  importKinds: [anyImportKind(figuresImportKind)],
  demo: loadAnalysisDemo,
  backupTables: [
    "analysis_subjects",
    "analysis_subject_peers",
    "analysis_figures",
    "analysis_measures",
    "analysis_measure_values",
    "analysis_facilities",
    "analysis_reviews",
    "analysis_findings",
    "analysis_options",
    "analysis_actions",
  ],
  uniqueConflicts: {
    analysis_subjects_name_key: { label: "名称", field: "name" },
    analysis_reviews_subject_id_fiscal_year_key: {
      label: "年度",
      field: "fiscalYear",
      message: "この対象のこの年度の経営分析はすでにあります。",
    },
  },
};
