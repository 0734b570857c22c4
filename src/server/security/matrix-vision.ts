// Route × role matrix rows of the vision routes (see matrix-table.ts for the notation).
//
// The rules, as the vision module states them (access.ts, engagement-access.ts):
// - every member of staff (A B D V) reads the plan, its indicators, rounds, grades, the dashboard and the engagement
//   pages; external logins read nothing of the core;
// - the bureau that runs the vision (政策局: B) and administrators (A) manage: plan, nodes, indicators, the grade rule,
//   rounds, council records, moderation of Action宣言, feeding outreach counts into indicators;
// - an indicator's values are entered by the editors of its owner (財政課: D for the indicator used here) and
//   administrators, not by the managing bureau;
// - an outreach event is recorded by the editors of its organisation or 局 and by the managers;
// - an experts' council member (C) reads the council page, the report of a round the council may read (closed or
//   published, or taken up by a meeting: never an open one) and its comments, and writes their own comments; a round of
//   another plan is not theirs (404);
// - the public pages answer anyone, and only for published rounds.
import { DEFAULT_GRADE_RULE } from "../../common/vision/grading";
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule, MatrixRole, RouteCase } from "./matrix-table";

async function one(db: Queryable, what: string, sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`matrix-vision: the sample data has no ${what}`);
  return rows[0].id;
}

const STAFF = "ABDV.......";
const STAFF_AND_COUNCIL = "ABDV.C.....";
const MANAGERS = "AB.........";
const ANYONE = "ABDVSCKFRMN";

const id = (key: string) => (ids: MatrixIds) => ({ id: ids[key] });
const planId = id("vision.plan");
/** Staff read every round, the open one included; a council member a published one (never an open one). */
const roundFor = (ids: MatrixIds, role: MatrixRole) => ({
  id: role === "council" ? ids["vision.publishedRound"] : ids["vision.openRound"],
});
/** A published round of another plan: not the council member's. */
const otherPlanRound = (ids: MatrixIds) => ({ id: ids["vision.otherPlanRound"] });
/** A round the public pages do not show (not published). */
const unpublishedRound = (ids: MatrixIds) => ({ id: ids["vision.openRound"] });
const xlsx = () => ({ format: "xlsx" });

const planBody = () => ({ name: "行列テストの計画", cityImage: "", adoptedOn: null, firstFiscalYear: 2025, lastFiscalYear: 2030 });
const nodeFields = {
  code: "MX-1",
  title: "行列テスト",
  description: "",
  ownerOrganisationId: null,
  rollupMethod: "average",
  weight: 1,
  sortOrder: 0,
};
const indicatorFields = {
  code: "MX-01",
  name: "行列テストの指標",
  unit: "件",
  kind: "活動指標",
  direction: "higher",
  ratingMode: "status",
  baselineValue: null,
  baselineDate: null,
  targetValue: null,
  targetFiscalYear: null,
  dataSource: "",
  exclusion: null,
  ownerOrganisationId: null,
  weight: 1,
  sortOrder: 0,
};
const outreachBody = (ids: MatrixIds) => ({
  kind: "出前講演",
  title: "行列テストの出前講演",
  heldOn: "2025-06-01",
  audience: "市民",
  attendance: 10,
  organisationId: ids["vision.financeDivision"],
  note: "",
  indicatorId: null,
});

const core: Record<string, RouteCase> = {
  "GET /api/vision/access": { who: STAFF },
  "GET /api/vision/plans": { who: STAFF },
  "POST /api/vision/plans": { who: MANAGERS, body: planBody },
  "GET /api/vision/plans/:id": { who: STAFF, params: planId },
  "PUT /api/vision/plans/:id": { who: MANAGERS, params: planId, body: planBody },
  "POST /api/vision/plans/:id/nodes": {
    who: MANAGERS,
    params: planId,
    body: (ids) => ({ parentId: ids["vision.rootNode"], kind: "strategy", ...nodeFields }),
  },
  "GET /api/vision/nodes/:id": { who: STAFF, params: id("vision.node") },
  "PUT /api/vision/nodes/:id": {
    who: MANAGERS,
    params: id("vision.node"),
    body: (ids) => ({ version: 1, parentId: ids["vision.rootNode"], ...nodeFields }),
  },
  "DELETE /api/vision/nodes/:id": { who: MANAGERS, params: id("vision.node") },
  "PUT /api/vision/nodes/:id/challenges": { who: MANAGERS, params: id("vision.node"), body: () => ({ challengeIds: [] }) },
  "GET /api/vision/challenge-candidates": { who: STAFF },
  "POST /api/vision/nodes/:id/indicators": { who: MANAGERS, params: id("vision.node"), body: () => indicatorFields },
  "GET /api/vision/plans/:id/indicators": { who: STAFF, params: planId },
  "GET /api/vision/indicators/:id": { who: STAFF, params: id("vision.indicator") },
  "PUT /api/vision/indicators/:id": {
    who: MANAGERS,
    params: id("vision.indicator"),
    body: (ids) => ({ version: 1, nodeId: ids["vision.node"], ...indicatorFields }),
  },
  // 財政課's indicator: its editors (D) and administrators enter values; the managing bureau (B) does not.
  "POST /api/vision/indicators/:id/actuals": {
    who: "A.D........",
    params: id("vision.indicator"),
    body: () => ({ fiscalYear: 2025, asOf: null, value: 10000, statusRating: null, note: "" }),
  },
  "GET /api/vision/indicators/:id/actuals": { who: STAFF, params: id("vision.indicator") },
  "GET /api/vision/grade-rule": { who: STAFF },
  "PUT /api/vision/grade-rule": { who: MANAGERS, body: () => ({ name: "行列テストのルール", rule: DEFAULT_GRADE_RULE }) },
  "GET /api/vision/plans/:id/rounds": { who: STAFF, params: planId },
  "POST /api/vision/plans/:id/rounds": {
    who: MANAGERS,
    params: planId,
    body: () => ({ name: "行列テスト", fiscalYear: 2025, asOf: "2026-03-31", deadline: "2026-06-30", graceDays: 0 }),
  },
  "GET /api/vision/rounds/:id": { who: STAFF, params: id("vision.openRound") },
  "POST /api/vision/rounds/:id/close": { who: MANAGERS, params: id("vision.openRound"), body: () => ({}) },
  "POST /api/vision/rounds/:id/publish": { who: MANAGERS, params: id("vision.openRound"), body: () => ({}) },
  "POST /api/vision/rounds/:id/remind": { who: MANAGERS, params: id("vision.openRound"), body: () => ({}) },
  "POST /api/vision/rounds/:id/recompute": { who: MANAGERS, params: id("vision.openRound"), body: () => ({}) },
  "GET /api/vision/todo": { who: STAFF },
  "GET /api/vision/rounds/:id/tasks": { who: STAFF, params: id("vision.openRound") },
  "GET /api/vision/rounds/:id/grades": { who: STAFF, params: id("vision.publishedRound") },
  "GET /api/vision/plans/:id/dashboard": { who: STAFF, params: planId },
  "GET /api/vision/indicators/:id/series": { who: STAFF, params: id("vision.indicator") },
  "GET /api/vision/rounds/:id/report": { who: STAFF_AND_COUNCIL, params: roundFor, query: xlsx, foreign: otherPlanRound },
  "GET /api/public/vision/progress": { who: ANYONE },
  "GET /api/public/vision/rounds/:id": { who: ANYONE, params: id("vision.publishedRound"), foreign: unpublishedRound },
  "GET /api/public/vision/rounds/:id/report": {
    who: ANYONE,
    params: id("vision.publishedRound"),
    query: xlsx,
    foreign: unpublishedRound,
  },
};

const engagement: Record<string, RouteCase> = {
  // 有識者会議
  "GET /api/vision/council": { who: STAFF_AND_COUNCIL },
  "POST /api/vision/council/members": { who: MANAGERS, body: () => ({ name: "行列 太郎", affiliation: "", isChair: false }) },
  "PATCH /api/vision/council/members/:id": { who: MANAGERS, params: id("vision.member"), body: () => ({ affiliation: "行列大学" }) },
  "POST /api/vision/council/members/:id/login": {
    who: MANAGERS,
    params: id("vision.member"),
    body: () => ({ loginId: "matrix-new-member", password: "Matrix-Member-Password-1" }),
  },
  "POST /api/vision/council/meetings": {
    who: MANAGERS,
    body: () => ({ title: "行列テストの会議", heldOn: "2026-01-20", place: "", summary: "", memberIds: [], roundId: null }),
  },
  "PUT /api/vision/council/meetings/:id": {
    who: MANAGERS,
    params: id("vision.meeting"),
    body: () => ({ title: "行列テストの会議", heldOn: "2026-01-20", place: "", summary: "", memberIds: [], roundId: null }),
  },
  "GET /api/vision/council/rounds/:id/report": { who: STAFF_AND_COUNCIL, params: roundFor, foreign: otherPlanRound },
  "GET /api/vision/council/rounds/:id/comments": { who: STAFF_AND_COUNCIL, params: roundFor, foreign: otherPlanRound },
  // A member writes their own comments; the managers record what a member said at a meeting.
  "POST /api/vision/council/rounds/:id/comments": {
    who: "AB...C.....",
    params: roundFor,
    body: (ids) => ({ nodeId: ids["vision.node"], body: "行列テストの意見です。" }),
    foreign: otherPlanRound,
  },
  "PUT /api/vision/council/comments/:id/response": {
    who: MANAGERS,
    params: id("vision.comment"),
    body: () => ({ response: "行列テストの対応です。" }),
  },
  "GET /api/vision/council/rounds/:id/comments.csv": { who: STAFF, params: roundFor },
  // Action宣言
  "GET /api/vision/declarations/options": { who: STAFF },
  "GET /api/vision/declarations/mine": { who: STAFF },
  "POST /api/vision/declarations": {
    who: STAFF,
    body: () => ({ body: "行列テストの宣言です。", anonymous: true, strategyNodeId: null }),
  },
  // Staff withdraw their own pending declaration (which one is the handler's check).
  "DELETE /api/vision/declarations/:id": { who: STAFF, params: id("vision.declaration") },
  "GET /api/vision/declarations": { who: MANAGERS },
  "POST /api/vision/declarations/:id/moderation": {
    who: MANAGERS,
    params: id("vision.declaration"),
    body: () => ({ status: "非掲示", note: "" }),
  },
  "GET /api/public/vision/declarations": { who: ANYONE },
  // 周知・浸透の記録
  "GET /api/vision/outreach": { who: STAFF },
  // An event of 財政課 (D's own organisation): its editors and the managers record it.
  "POST /api/vision/outreach": { who: "ABD........", body: outreachBody },
  // An event of the vision bureau's division: the managers change it; another division's editor (D) does not.
  "PUT /api/vision/outreach/:id": { who: MANAGERS, params: id("vision.outreach"), body: outreachBody },
  "DELETE /api/vision/outreach/:id": { who: MANAGERS, params: id("vision.outreach") },
  "GET /api/vision/outreach/feed": {
    who: MANAGERS,
    query: (ids) => ({ indicatorId: ids["vision.indicator"], fiscalYear: "2025", measure: "count" }),
  },
  "POST /api/vision/outreach/feed": {
    who: MANAGERS,
    body: (ids) => ({ indicatorId: ids["vision.indicator"], fiscalYear: 2025, measure: "count" }),
  },
};

export const visionMatrix: MatrixModule = {
  name: "vision",
  async collect(db) {
    const plan = await one(db, "vision plan", "SELECT id FROM vision_plans ORDER BY created_at, id LIMIT 1");
    const byPlan = (what: string, sql: string) => one(db, what, sql, [plan]);
    const publishedRound = await byPlan(
      "published round",
      "SELECT id FROM vision_rounds WHERE plan_id = $1 AND status = 'published' LIMIT 1",
    );
    // Another plan with a published round: the council of the sample plan may not read it.
    const otherPlan = await one(
      db,
      "other plan",
      `INSERT INTO vision_plans (name, first_fiscal_year, last_fiscal_year, is_sample) VALUES ('行列テストの別の計画', 2010, 2013, true)
       RETURNING id`,
    );
    const otherPlanRound = await one(
      db,
      "other plan's round",
      `INSERT INTO vision_rounds (plan_id, name, fiscal_year, as_of, deadline, status, rule_id, closed_at, published_at, is_sample)
       SELECT $1, '平成25年度末', 2013, '2014-03-31', '2014-06-30', 'published', rule_id, now(), now(), true FROM vision_rounds WHERE id = $2
       RETURNING id`,
      [otherPlan, publishedRound],
    );
    return {
      "vision.plan": plan,
      "vision.rootNode": await byPlan("vision node", "SELECT id FROM vision_nodes WHERE plan_id = $1 AND kind = 'vision' LIMIT 1"),
      "vision.node": await byPlan("node S3-M2", "SELECT id FROM vision_nodes WHERE plan_id = $1 AND code = 'S3-M2'"),
      "vision.indicator": await byPlan(
        "indicator S3-M2-01 (財政課)",
        "SELECT i.id FROM vision_indicators i JOIN vision_nodes n ON n.id = i.node_id WHERE n.plan_id = $1 AND i.code = 'S3-M2-01'",
      ),
      "vision.publishedRound": publishedRound,
      "vision.openRound": await byPlan("open round", "SELECT id FROM vision_rounds WHERE plan_id = $1 AND status = 'open' LIMIT 1"),
      "vision.otherPlanRound": otherPlanRound,
      "vision.member": await byPlan(
        "council member without a login",
        "SELECT id FROM vision_council_members WHERE plan_id = $1 AND user_id IS NULL ORDER BY name LIMIT 1",
      ),
      "vision.meeting": await byPlan(
        "council meeting",
        "SELECT id FROM vision_council_meetings WHERE plan_id = $1 ORDER BY held_on LIMIT 1",
      ),
      "vision.comment": await one(
        db,
        "council comment",
        "SELECT c.id FROM vision_council_comments c WHERE c.round_id = $1 ORDER BY c.created_at LIMIT 1",
        [publishedRound],
      ),
      "vision.declaration": await byPlan(
        "pending declaration",
        "SELECT id FROM vision_declarations WHERE plan_id = $1 AND status = '承認待ち' ORDER BY created_at LIMIT 1",
      ),
      "vision.outreach": await byPlan(
        "outreach event of the vision bureau",
        `SELECT e.id FROM vision_outreach_events e JOIN organisations o ON o.id = e.organisation_id
          WHERE e.plan_id = $1 AND o.code = 'seisaku-vision' ORDER BY e.held_on LIMIT 1`,
      ),
      "vision.financeDivision": await one(db, "財政課", "SELECT id FROM organisations WHERE code = 'zaisei-zaisei'"),
    };
  },
  table: { ...core, ...engagement },
};
