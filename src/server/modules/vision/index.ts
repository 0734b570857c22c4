// The vision module (新ビジョン): its manifest, and its public face — what other modules (and the vision engagement
// features) may use. They never touch the core's tables directly.
import { anyImportKind } from "../../platform/imports/registry";
import type { ModuleManifest } from "../manifest";
import { actualsImport } from "./actuals-import";
import { visionAudiences } from "./audiences";
import { loadVisionDemo } from "./demo";
import { registerVisionEngagementRoutes } from "./engagement-routes";
import { registerVisionRoutes } from "./routes";
import { VISION_SEARCH_MODULE } from "./search-index";

export { accessOf as visionAccessOf, canUpdateIndicator, OWNER_SETTING as VISION_OWNER_SETTING, visionOwner } from "./access";
export { storeActuals } from "./actuals";
export { currentRule, loadRoundGrades, toIndicatorGrades } from "./grades";
export { listPlans, nodeDetail, planDetail } from "./plan";
export {
  findIndicatorLabels,
  findLatestActualValue,
  findNode,
  findNodeLabels,
  findNodes,
  findPlan,
  findPlanInForce,
  findPlans,
  findRound,
  findRoundReportRows,
  findRounds,
  type IndicatorLabel,
  type NodeLabel,
  type PlanRow,
  type ReportIndicatorRow,
  type ReportNodeRow,
  type RoundRow,
} from "./repository";
export { toRoundSummary } from "./rounds";

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
