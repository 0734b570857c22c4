// The region module (北九州都市圏域 information hub, issue 17): its manifest, and what the CLI and other modules
// (広域連携の負担金, issue 18) may use.
import type { ModuleManifest } from "../manifest";
import { setRegionOwner } from "./access";
import { registerAnalyticsRoutes } from "./analytics-routes";
import { regionAudiences } from "./audiences";
import { registerCurationRoutes } from "./curation-routes";
import { loadRegionDemo } from "./demo";
import { registerExportRoutes } from "./export-routes";
import { registerMunicipalityRoutes } from "./municipality-routes";
import { registerPublicRoutes } from "./public-routes";

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
  },
  audiences: regionAudiences,
  demo: loadRegionDemo,
  uniqueConflicts: {
    region_municipalities_name_key: { label: "市町名", field: "name" },
    region_campaigns_tag_key: { label: "キャンペーンのタグ", field: "tag", message: "このタグはほかのキャンペーンで使われています。" },
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
  ],
};
