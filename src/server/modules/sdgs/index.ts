// The SDGs module (北九州市サステナブル経営認証 and the SDGsステーション, issue 16): its manifest, and what the CLI and
// other modules (経営分析) may use.
import type { ModuleManifest } from "../manifest";
import { setSdgsOwner } from "./access";
import { registerAccountRoutes } from "./account-routes";
import { sdgsAudiences } from "./audiences";
import { registerCertificationRoutes } from "./certification-routes";
import { certificationExpiryTask } from "./certification-service";
import { registerCompanyRoutes } from "./company-routes";
import { loadSdgsDemo } from "./demo";
import { sdgsFileOwners } from "./evidence-service";
import { registerFinanceRoutes } from "./finance-routes";
import { registerRegistryRoutes } from "./registry-routes";
import { registerRoundRoutes } from "./round-routes";
import { registerScreeningRoutes } from "./screening-routes";
import { SDGS_APPLICATION_SEARCH } from "./screening-search";
import { registerStationRoutes } from "./station-routes";
import { stationStatistics } from "./station-statistics";

// stationStatistics: SDGsステーションの統計 of a fiscal year, for 経営分析 (issue 19) — the figures the statistics page shows
export { setSdgsOwner, stationStatistics };

export const sdgsModule: ModuleManifest = {
  name: "sdgs",
  label: "SDGs",
  // each part of the module registers its routes here, one line each
  routes: (router, deps) => {
    registerRegistryRoutes(router, deps);
    registerFinanceRoutes(router, deps);
    registerRoundRoutes(router, deps);
    registerScreeningRoutes(router, deps);
    registerCertificationRoutes(router, deps);
    registerStationRoutes(router, deps);
    registerAccountRoutes(router, deps);
    registerCompanyRoutes(router, deps);
  },
  audiences: sdgsAudiences,
  demo: loadSdgsDemo,
  // 証拠書類: read by the owning company, the bureau's staff and the reviewers of applications in review
  fileOwners: sdgsFileOwners,
  // 認証の申請 in the platform search, for the city's staff only
  search: [SDGS_APPLICATION_SEARCH],
  // 期限切れ: active certifications past their last valid day, daily
  scheduled: [certificationExpiryTask],
  uniqueConflicts: {
    sdgs_rounds_name_key: { label: "募集回の名前", field: "name" },
    sdgs_companies_corporate_number_key: {
      label: "法人番号",
      field: "corporateNumber",
      message: "この法人番号の企業はすでに登録されています。",
    },
    sdgs_banks_name_key: { label: "金融機関名", field: "name" },
  },
  backupTables: [
    "sdgs_rounds",
    "sdgs_eligibility_rules",
    "sdgs_check_domains",
    "sdgs_check_items",
    "sdgs_tiers",
    "sdgs_companies",
    "sdgs_applications",
    "sdgs_application_answers",
    "sdgs_application_goals",
    "sdgs_application_evidence",
    "sdgs_application_events",
    "sdgs_reviewers",
    "sdgs_reviews",
    "sdgs_review_scores",
    "sdgs_committee_meetings",
    "sdgs_committee_decisions",
    "sdgs_certifications",
    "sdgs_progress_reports",
    "sdgs_progress_report_goals",
    "sdgs_invitations",
    "sdgs_banks",
    "sdgs_finance_links",
    "sdgs_consultations",
    "sdgs_matchings",
    "sdgs_station_posts",
    "sdgs_station_costs",
  ],
  backupParentColumns: { sdgs_rounds: "copied_from_id", sdgs_certifications: "previous_certification_id" },
};
