// The region module (広域連携): the 北九州都市圏域 information hub (issue 17) and the joint work with partner cities —
// frameworks, joint projects, candidates and cost shares (issue 18). Its manifest, and what the CLI and other modules
// may use.
import { anyImportKind } from "../../platform/imports/registry";
import type { ModuleManifest } from "../manifest";
import { setRegionOwner } from "./access";
import { registerAnalyticsRoutes } from "./analytics-routes";
import { regionAudiences } from "./audiences";
import { campaignMetricsImport } from "./campaign-metrics-import";
import { registerCandidateRoutes } from "./candidate-routes";
import { registerCostShareRoutes } from "./cost-share-routes";
import { registerCurationRoutes } from "./curation-routes";
import { loadRegionDemo } from "./demo";
import { registerExportRoutes } from "./export-routes";
import { registerFrameworkRoutes } from "./framework-routes";
import { regionImportJob } from "./import-service";
import { frameworkMeetings, projectMeetings } from "./meeting-owners";
import { municipalityImport } from "./municipality-import";
import { registerMunicipalityRoutes } from "./municipality-routes";
import { regionPublicHead } from "./ogp-head";
import { populationImport } from "./population-import";
import { projectFileOwners } from "./project-file-owners";
import { registerProjectRoutes } from "./project-routes";
import { registerPublicRoutes } from "./public-routes";
import { visitSaltPruneTask } from "./salt-service";

// the open-data pipeline, read without the database (`yokogushi region opendata inspect`)
export { ENCODING_LABELS as OPEN_DATA_ENCODING_LABELS } from "./opendata/encoding";
export { readOpenData } from "./opendata/read-open-data";
export type { HeaderGeneration, OpenDataEncoding, OpenDataProblem, OpenDataReadResult, SkippedLine } from "./opendata/types";
// 負担金の人口割 (issue 18): the figures of a named basis and date, by 全国地方公共団体コード
export { PopulationMissingError, populationsAt } from "./population-service";
export { setRegionOwner };

export const regionModule: ModuleManifest = {
  name: "region",
  label: "広域連携",
  // each part of the module registers its routes here, one line each
  routes: (router, deps) => {
    registerMunicipalityRoutes(router, deps);
    registerCurationRoutes(router, deps);
    registerPublicRoutes(router, deps);
    registerExportRoutes(router, deps);
    registerAnalyticsRoutes(router, deps);
    registerFrameworkRoutes(router, deps);
    registerProjectRoutes(router, deps);
    registerCandidateRoutes(router, deps);
    registerCostShareRoutes(router, deps);
  },
  audiences: regionAudiences,
  // share cards, feed links and JSON-LD of the hub's public pages
  publicHead: regionPublicHead,
  // 市町のオープンデータの取込 (curation): read off the HTTP thread, applied in one transaction
  jobs: [regionImportJob],
  importKinds: [anyImportKind(municipalityImport), anyImportKind(populationImport), anyImportKind(campaignMetricsImport)],
  // アクセス解析: the visitor hash's daily salts are deleted 48 hours after they were made
  scheduled: [visitSaltPruneTask],
  // 広域連携: meetings of a framework or a joint project (platform/meetings)
  meetingOwners: [frameworkMeetings, projectMeetings],
  // 協定の文書・年次報告の資料 (every member of staff reads them)
  fileOwners: projectFileOwners,
  demo: loadRegionDemo,
  uniqueConflicts: {
    region_municipalities_name_key: { label: "市町名", field: "name" },
    region_campaigns_tag_key: { label: "キャンペーンのタグ", field: "tag", message: "このタグはほかのキャンペーンで使われています。" },
    region_frameworks_code_key: { label: "枠組みのコード", field: "code" },
    region_frameworks_name_key: { label: "枠組みの名称", field: "name" },
  },
  backupTables: [
    "region_municipalities",
    "region_populations",
    "region_imports",
    "region_items",
    "region_import_problems",
    "region_campaigns",
    "region_campaign_metrics",
    "region_visit_salts",
    "region_visits",
    "region_frameworks",
    "region_framework_members",
    "region_projects",
    "region_project_members",
    // 枠組みと連携事業: agreements, budgets and funding, indicator links, 庁内調整, status history, yearly reports
    "region_agreements",
    "region_project_budgets",
    "region_project_funding",
    "region_project_indicators",
    "region_project_steps",
    "region_project_step_rounds",
    "region_project_status_history",
    "region_project_reports",
    // 連携事業の候補 (after the projects that an adopted candidate points at)
    "region_candidates",
    "region_candidate_members",
    "region_candidate_steps",
    // 負担金: rules, their versions, computations and their per-member shares
    "region_cost_rules",
    "region_cost_rule_versions",
    "region_cost_computations",
    "region_cost_computation_shares",
  ],
};
