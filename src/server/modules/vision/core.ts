// The vision core's public face: what the engagement features (有識者会議・Action宣言・周知・浸透) and, through
// index.ts, other modules may use. They never touch the core's tables directly. The engagement files import this
// file rather than index.ts, which also registers their routes: that way the two never import each other.
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
