// The vision module (新ビジョン): its manifest, and its public face (core.ts) — what other modules may use. They never
// touch the core's tables directly.
import { anyImportKind } from "../../platform/imports/registry";
import type { ModuleManifest } from "../manifest";
import { actualsImport } from "./actuals-import";
import { visionAudiences } from "./audiences";
import { loadVisionDemo } from "./demo";
import { registerVisionEngagementRoutes } from "./engagement-routes";
import { registerVisionRoutes } from "./routes";
import { VISION_SEARCH_MODULE } from "./search-index";
import { visionUniqueConflicts } from "./unique-conflicts";

export * from "./core";

export const visionModule: ModuleManifest = {
  name: "vision",
  label: "新ビジョン",
  routes: (router, deps) => {
    registerVisionRoutes(router, deps);
    registerVisionEngagementRoutes(router, deps);
  },
  audiences: visionAudiences,
  search: [VISION_SEARCH_MODULE],
  importKinds: [anyImportKind(actualsImport)],
  demo: loadVisionDemo,
  uniqueConflicts: visionUniqueConflicts,
  backupParentColumns: { vision_nodes: "parent_id" },
  backupTables: [
    "vision_plans",
    "vision_nodes",
    "vision_node_challenges",
    "vision_grade_rules",
    "vision_indicators",
    "vision_actuals",
    "vision_rounds",
    "vision_round_tasks",
    "vision_grades",
    "vision_council_members",
    "vision_council_meetings",
    "vision_council_comments",
    "vision_declarations",
    "vision_outreach_events",
  ],
};
