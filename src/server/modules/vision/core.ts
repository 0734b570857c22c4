// The vision core's public face: what the engagement features (有識者会議・Action宣言・周知・浸透) and, through
// index.ts, other modules may use. They never touch the core's tables directly. The engagement files import this
// file rather than index.ts, which also registers their routes: that way the two never import each other.
export { accessOf as visionAccessOf, canUpdateIndicator, OWNER_SETTING as VISION_OWNER_SETTING, visionOwner } from "./access";
export { storeActuals } from "./actuals";
export { currentRule, loadRoundGrades, toIndicatorGrades } from "./grades";
export { findIndicatorLabels, findLatestActualValue, type IndicatorLabel } from "./indicator-repository";
export { listPlans, nodeDetail, planDetail } from "./plan";
export {
  findNode,
  findNodeLabels,
  findNodes,
  findPlan,
  findPlanInForce,
  findPlans,
  type NodeLabel,
  type PlanRow,
} from "./plan-repository";
export { findRound, findRoundReportRows, findRounds, type ReportIndicatorRow, type ReportNodeRow, type RoundRow } from "./round-repository";
export { toRoundSummary } from "./rounds";
