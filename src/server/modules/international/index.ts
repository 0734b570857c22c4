// The 国際 module (国際関連事業データベース, 海外出張管理, テーマ別ワーキンググループ, kintone import): its manifest,
// and what the CLI and other modules may use.
import type { ModuleManifest } from "../manifest";
import { registerAttachmentRoutes } from "./attachment-routes";
import { internationalAudiences } from "./audiences";
import { loadInternationalDemo } from "./demo";
import { internationalFileOwners } from "./file-owners";
import { registerGroupRoutes } from "./group-routes";
import { registerKintoneRoutes } from "./kintone-routes";
import { kintoneImportJob } from "./kintone-service";
import { registerOverviewRoutes } from "./overview-routes";
import { registerProjectRoutes } from "./project-routes";
import { registerPublicRoutes } from "./public-routes";
import { INTERNATIONAL_SEARCH_MODULE } from "./search-index";
import { registerStaffRoutes } from "./staff-routes";
import { registerTripRoutes } from "./trip-routes";
import { registerViewRoutes } from "./view-routes";

export { setInternationalOwner } from "./access";
// internationalYearFigures: the programmes' figures of a fiscal year, for 経営分析 (issue 19)
export { type InternationalYearFigures, internationalYearFigures } from "./analysis-figures";
export * from "./kintone/read-export";
export { importKintoneBytes } from "./kintone-service";

export const internationalModule: ModuleManifest = {
  name: "international",
  label: "国際",
  routes: (router, deps) => {
    registerProjectRoutes(router, deps);
    registerPublicRoutes(router, deps);
    registerTripRoutes(router, deps);
    registerAttachmentRoutes(router, deps);
    registerOverviewRoutes(router, deps);
    registerGroupRoutes(router, deps);
    registerKintoneRoutes(router, deps);
    registerStaffRoutes(router, deps);
    registerViewRoutes(router, deps);
  },
  jobs: [kintoneImportJob],
  search: [INTERNATIONAL_SEARCH_MODULE],
  audiences: internationalAudiences,
  fileOwners: internationalFileOwners,
  demo: loadInternationalDemo,
  uniqueConflicts: {
    international_fields_name_key: { label: "分野名", field: "name" },
    international_partners_country_city_organisation_key: {
      label: "相手先",
      field: "city",
      message: "同じ国・都市・相手機関の相手先がすでに登録されています。一覧から選んでください。",
    },
  },
  backupTables: [
    "international_fields",
    "international_partners",
    "international_projects",
    "international_project_partners",
    "international_project_years",
    "international_indicators",
    "international_indicator_results",
    "international_saved_views",
    "international_trips",
    "international_trip_travellers",
    "international_trip_visits",
    "international_trip_projects",
    "international_travel_rates",
    "international_trip_costs",
    "international_trip_events",
    "international_received_visits",
    "international_working_groups",
    "international_wg_members",
    "international_wg_meetings",
    "international_wg_idea_calls",
    "international_wg_ideas",
    "international_wg_actions",
    "international_kintone_mappings",
  ],
};
