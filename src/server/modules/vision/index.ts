// The vision module's public face: what other modules (and the vision engagement features) may use. They never
// touch the core's tables directly.
import { registerImportKind } from "../../platform/imports/registry";
import { actualsImport } from "./actuals-import";
import { registerVisionAudiences } from "./audiences";
import { registerVisionSearch } from "./search-index";

export { accessOf as visionAccessOf, canUpdateIndicator, OWNER_SETTING as VISION_OWNER_SETTING, visionOwner } from "./access";
export { currentRule, loadRoundGrades, toIndicatorGrades } from "./grades";
export { listPlans, nodeDetail, planDetail } from "./plan";
export { findNode, findNodes, findPlan, findPlans, findRound, findRounds } from "./repository";
export { todayInJapan, toRoundSummary } from "./rounds";

export function registerVisionModule(): void {
  registerVisionSearch();
  registerImportKind(actualsImport);
  registerVisionAudiences();
}
