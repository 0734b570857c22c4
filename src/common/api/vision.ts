// Contracts of the vision module (新ビジョン), core half: the plan tree (ビジョン → 重点戦略 → 施策 → 事業), links to the
// policy module's 課題, indicators (KPI) and their actual values, the versioned grade rule (評価ルール), reporting
// rounds (報告ラウンド) with owners' to-do lists, grades and roll-ups, the dashboard and the public progress page.
// The council, Action宣言 and outreach contracts live beside this file.
import { z } from "zod";
import { EARLIER_YEAR_VALUES, EXCLUSIONS, STATUS_RATINGS } from "../vision/grading";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams, okResponse } from "./contract";

export const NODE_KINDS = ["vision", "strategy", "measure", "project"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];
export const NODE_KIND_LABELS: Record<NodeKind, string> = {
  vision: "ビジョン",
  strategy: "重点戦略",
  measure: "施策",
  project: "事業",
};
export const INDICATOR_KINDS = ["活動指標", "成果指標"] as const;
export const DIRECTIONS = ["higher", "lower"] as const;
export const DIRECTION_LABELS = { higher: "高いほど良い", lower: "低いほど良い" } as const;
export const RATING_MODES = ["numeric", "status"] as const;
export const RATING_MODE_LABELS = { numeric: "数値で評価", status: "状況で評価" } as const;
export const ROLLUP_METHODS = ["average", "weighted"] as const;
export const ROLLUP_METHOD_LABELS = { average: "単純平均", weighted: "加重平均" } as const;
export const ROUND_STATUSES = ["open", "closed", "published"] as const;
export const ROUND_STATUS_LABELS = { open: "受付中", closed: "締切", published: "公表済" } as const;
export const RESULT_KINDS = ["graded", "status", "excluded", "ungradable"] as const;
export { EXCLUSIONS, STATUS_RATINGS };

const fiscalYear = z
  .number({ error: "年度を数値（西暦）で入力してください。" })
  .int("年度は整数です。")
  .min(2000, "年度は2000年度以降です。")
  .max(2100, "年度は2100年度までです。");
const weight = z.number({ error: "重みを数値で入力してください。" }).min(0, "重みは0以上です。").max(99999, "重みが大きすぎます。");
const version = z.number({ error: "版（version）が必要です。" }).int();
const uuidOrNull = (message: string) => z.uuid(message).nullable();
const kpiNumber = (label: string) => z.number({ error: `${label}を数値で入力してください。` }).finite();

// ------------------------------------------------------------------ shared shapes

export const planSummary = z.object({
  id: z.string(),
  name: z.string(),
  /** 目指す都市像 */
  cityImage: z.string(),
  adoptedOn: z.string().nullable(),
  firstFiscalYear: z.number().int(),
  lastFiscalYear: z.number().int(),
  isSample: z.boolean(),
});
export type PlanSummary = z.infer<typeof planSummary>;

export const linkedChallenge = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  documentId: z.string(),
  ownerOrganisationName: z.string().nullable(),
});
export type LinkedChallenge = z.infer<typeof linkedChallenge>;

/** A node as stored (no children). */
export const visionNode = z.object({
  id: z.string(),
  planId: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(NODE_KINDS),
  code: z.string(),
  title: z.string(),
  description: z.string(),
  ownerOrganisationId: z.string().nullable(),
  ownerOrganisationName: z.string().nullable(),
  rollupMethod: z.enum(ROLLUP_METHODS),
  weight: z.number(),
  sortOrder: z.number().int(),
  version: z.number().int(),
  isSample: z.boolean(),
});
export type VisionNode = z.infer<typeof visionNode>;

export const indicatorSummary = z.object({
  id: z.string(),
  nodeId: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  direction: z.enum(DIRECTIONS),
  ratingMode: z.enum(RATING_MODES),
  baselineValue: z.number().nullable(),
  baselineDate: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetFiscalYear: z.number().int().nullable(),
  dataSource: z.string(),
  exclusion: z.enum(EXCLUSIONS).nullable(),
  ownerOrganisationId: z.string().nullable(),
  ownerOrganisationName: z.string().nullable(),
  weight: z.number(),
  sortOrder: z.number().int(),
  version: z.number().int(),
  isSample: z.boolean(),
  /** the newest actual value (any fiscal year) */
  latestActual: z
    .object({
      fiscalYear: z.number().int(),
      asOf: z.string(),
      value: z.number().nullable(),
      statusRating: z.enum(STATUS_RATINGS).nullable(),
    })
    .nullable(),
});
export type IndicatorSummary = z.infer<typeof indicatorSummary>;

/** A node of the plan tree with its indicators, linked 課題 and children, nested. */
export interface VisionTreeNode extends VisionNode {
  indicators: IndicatorSummary[];
  challenges: LinkedChallenge[];
  children: VisionTreeNode[];
}
export const visionTreeNode: z.ZodType<VisionTreeNode> = visionNode.extend({
  indicators: z.array(indicatorSummary),
  challenges: z.array(linkedChallenge),
  get children() {
    return z.array(visionTreeNode);
  },
});

export const planDetail = planSummary.extend({
  /** the roots of the tree (normally one ビジョン node) */
  tree: z.array(visionTreeNode),
  indicatorCount: z.number().int(),
  /** the caller manages the plan (政策局 editors, administrators) */
  canManage: z.boolean(),
});
export type PlanDetail = z.infer<typeof planDetail>;

export const actualEntry = z.object({
  id: z.string(),
  indicatorId: z.string(),
  fiscalYear: z.number().int(),
  asOf: z.string(),
  value: z.number().nullable(),
  statusRating: z.enum(STATUS_RATINGS).nullable(),
  note: z.string(),
  enteredByLabel: z.string(),
  createdAt: z.string(),
  /** the newest entry for its fiscal year (older ones are corrections' history) */
  current: z.boolean(),
});
export type ActualEntry = z.infer<typeof actualEntry>;

export const indicatorDetail = indicatorSummary.extend({
  nodeKind: z.enum(NODE_KINDS),
  nodeCode: z.string(),
  nodeTitle: z.string(),
  planId: z.string(),
  /** newest first */
  actuals: z.array(actualEntry),
  /** the caller may enter values (the owner organisation's editors, editors sitting in the owner's 局, administrators) */
  canUpdate: z.boolean(),
  canManage: z.boolean(),
});
export type IndicatorDetail = z.infer<typeof indicatorDetail>;

// ------------------------------------------------------------------ access

export const getVisionAccess = defineContract({
  method: "get",
  path: "/api/vision/access",
  tag: "vision",
  summary: "自分が新ビジョンで行えること（計画を管理できるか、所管の組織）",
  allow: ["staff"],
  response: z.object({
    manager: z.boolean(),
    /** 所管組織 (the caller's organisation), whose indicators they update */
    organisationId: z.string(),
    bureauId: z.string().nullable(),
    /** the bureau that runs the vision (app setting vision.bureauId) */
    ownerBureauId: z.string().nullable(),
  }),
});

// ------------------------------------------------------------------ plans

export const listPlans = defineContract({
  method: "get",
  path: "/api/vision/plans",
  tag: "vision",
  summary: "新ビジョン（計画）の一覧",
  allow: ["staff"],
  response: z.object({ items: z.array(planSummary) }),
});

const planFields = {
  name: z.string().trim().min(1, "計画名を入力してください。").max(200, "計画名は200文字以内です。"),
  cityImage: z.string().trim().max(2000, "目指す都市像は2000文字以内です。"),
  adoptedOn: zJapaneseDate.nullable(),
  firstFiscalYear: fiscalYear,
  lastFiscalYear: fiscalYear,
};
const planBody = z
  .object(planFields)
  .strict()
  .refine((p) => p.lastFiscalYear >= p.firstFiscalYear, { message: "計画期間の終わりは始まり以降の年度です。", path: ["lastFiscalYear"] });

export const createPlan = defineContract({
  method: "post",
  path: "/api/vision/plans",
  tag: "vision",
  summary: "計画を作成（ビジョンのノードも作られます）",
  allow: ["vision.manager"],
  body: planBody,
  response: planDetail,
});

export const getPlan = defineContract({
  method: "get",
  path: "/api/vision/plans/:id",
  tag: "vision",
  summary: "計画と施策体系（ビジョン→重点戦略→施策→事業）、指標、関連する課題",
  allow: ["staff"],
  params: idParams,
  response: planDetail,
});

export const updatePlan = defineContract({
  method: "put",
  path: "/api/vision/plans/:id",
  tag: "vision",
  summary: "計画名・目指す都市像・策定日・計画期間を変更",
  allow: ["vision.manager"],
  params: idParams,
  body: planBody,
  response: planDetail,
});

// ------------------------------------------------------------------ nodes

const nodeFields = {
  code: z
    .string()
    .trim()
    .min(1, "コードを入力してください。")
    .max(30, "コードは30文字以内です。")
    .regex(/^[A-Za-z0-9._-]+$/, "コードは半角英数字と . _ - で入力してください。"),
  title: z.string().trim().min(1, "名称を入力してください。").max(200, "名称は200文字以内です。"),
  description: z.string().trim().max(4000, "説明は4000文字以内です。"),
  ownerOrganisationId: uuidOrNull("所管の組織を選んでください。"),
  rollupMethod: z.enum(ROLLUP_METHODS, { error: "集計方法は単純平均か加重平均です。" }),
  weight,
  sortOrder: z.number().int().min(0).max(100000),
};

export const createNode = defineContract({
  method: "post",
  path: "/api/vision/plans/:id/nodes",
  tag: "vision",
  summary: "施策体系にノード（重点戦略・施策・事業）を追加",
  allow: ["vision.manager"],
  params: idParams,
  body: z
    .object({
      parentId: z.uuid("上位のノードを選んでください。"),
      kind: z.enum(["strategy", "measure", "project"], { error: "種類は 重点戦略・施策・事業 のいずれかです。" }),
      ...nodeFields,
    })
    .strict(),
  response: visionNode,
});

export const nodeDetail = visionNode.extend({
  /** from the root down to the parent */
  path: z.array(z.object({ id: z.string(), kind: z.enum(NODE_KINDS), code: z.string(), title: z.string() })),
  indicators: z.array(indicatorSummary),
  challenges: z.array(linkedChallenge),
  childCount: z.number().int(),
  canManage: z.boolean(),
});
export type NodeDetail = z.infer<typeof nodeDetail>;

export const getNode = defineContract({
  method: "get",
  path: "/api/vision/nodes/:id",
  tag: "vision",
  summary: "ノードの詳細（上位ノード、指標、関連する課題）",
  allow: ["staff"],
  params: idParams,
  response: nodeDetail,
});

export const updateNode = defineContract({
  method: "put",
  path: "/api/vision/nodes/:id",
  tag: "vision",
  summary: "ノードを変更（version が古いと 409）",
  allow: ["vision.manager"],
  params: idParams,
  body: z.object({ version, parentId: uuidOrNull("上位のノードを選んでください。"), ...nodeFields }).strict(),
  response: nodeDetail,
});

export const deleteNode = defineContract({
  method: "delete",
  path: "/api/vision/nodes/:id",
  tag: "vision",
  summary: "下位ノードも指標もないノードを削除",
  allow: ["vision.manager"],
  params: idParams,
  response: okResponse,
});

export const setNodeChallenges = defineContract({
  method: "put",
  path: "/api/vision/nodes/:id/challenges",
  tag: "vision",
  summary: "ノード（主に施策）に局区方針の課題を関連づける（一覧をまるごと置き換え）",
  allow: ["vision.manager"],
  params: idParams,
  body: z.object({ challengeIds: z.array(z.uuid("課題のIDの形式が正しくありません。")).max(200, "関連づけは200件までです。") }).strict(),
  response: nodeDetail,
});

export const listChallengeCandidates = defineContract({
  method: "get",
  path: "/api/vision/challenge-candidates",
  tag: "vision",
  summary: "関連づけられる局区方針の課題を検索",
  allow: ["staff"],
  query: z.object({ q: z.string().trim().max(100).optional() }),
  response: z.object({ items: z.array(linkedChallenge) }),
});

// ------------------------------------------------------------------ indicators

const indicatorFields = {
  code: z
    .string()
    .trim()
    .min(1, "指標コードを入力してください。")
    .max(30, "指標コードは30文字以内です。")
    .regex(/^[A-Za-z0-9._-]+$/, "指標コードは半角英数字と . _ - で入力してください。"),
  name: z.string().trim().min(1, "指標名を入力してください。").max(200, "指標名は200文字以内です。"),
  unit: z.string().trim().max(30, "単位は30文字以内です。"),
  kind: z.enum(INDICATOR_KINDS, { error: "種類は 活動指標 か 成果指標 です。" }),
  direction: z.enum(DIRECTIONS, { error: "方向は higher（高いほど良い）か lower（低いほど良い）です。" }),
  ratingMode: z.enum(RATING_MODES, { error: "評価方法は numeric（数値）か status（状況）です。" }),
  baselineValue: kpiNumber("基準値").nullable(),
  baselineDate: zJapaneseDate.nullable(),
  targetValue: kpiNumber("目標値").nullable(),
  targetFiscalYear: fiscalYear.nullable(),
  dataSource: z.string().trim().max(500, "出典は500文字以内です。"),
  exclusion: z.enum(EXCLUSIONS, { error: "評価対象外の理由は 数値目標対象外・再掲・事業終了・調査中 のいずれかです。" }).nullable(),
  ownerOrganisationId: uuidOrNull("所管の組織を選んでください。"),
  weight,
  sortOrder: z.number().int().min(0).max(100000),
};

/** A numeric, graded indicator needs its baseline, its date, the target and its year. */
function completeForGrading<T extends { ratingMode: string; exclusion: string | null; baselineValue: number | null }>(
  schema: z.ZodType<T>,
) {
  return schema.superRefine((value, ctx) => {
    const v = value as unknown as {
      ratingMode: string;
      exclusion: string | null;
      baselineValue: number | null;
      baselineDate: string | null;
      targetValue: number | null;
      targetFiscalYear: number | null;
    };
    if (v.ratingMode === "status" || v.exclusion) return;
    const missing: [keyof typeof v, string][] = [
      ["baselineValue", "基準値"],
      ["baselineDate", "基準値の時点"],
      ["targetValue", "目標値"],
      ["targetFiscalYear", "目標年度"],
    ];
    for (const [key, label] of missing)
      if (v[key] === null) ctx.addIssue({ code: "custom", path: [key], message: `数値で評価する指標には${label}が必要です。` });
  });
}

export const createIndicator = defineContract({
  method: "post",
  path: "/api/vision/nodes/:id/indicators",
  tag: "vision",
  summary: "ノードに指標（KPI）を追加",
  allow: ["vision.manager"],
  params: idParams,
  body: completeForGrading(z.object(indicatorFields).strict()),
  response: indicatorDetail,
});

export const listIndicators = defineContract({
  method: "get",
  path: "/api/vision/plans/:id/indicators",
  tag: "vision",
  summary: "計画の指標の一覧（ノード・所管・名称で絞り込み）",
  allow: ["staff"],
  params: idParams,
  query: z.object({
    nodeId: z.uuid().optional(),
    ownerOrganisationId: z.uuid().optional(),
    q: z.string().trim().max(100).optional(),
  }),
  response: z.object({ items: z.array(indicatorSummary) }),
});

export const getIndicator = defineContract({
  method: "get",
  path: "/api/vision/indicators/:id",
  tag: "vision",
  summary: "指標の詳細と実績値の履歴",
  allow: ["staff"],
  params: idParams,
  response: indicatorDetail,
});

export const updateIndicator = defineContract({
  method: "put",
  path: "/api/vision/indicators/:id",
  tag: "vision",
  summary: "指標の定義を変更（version が古いと 409）",
  allow: ["vision.manager"],
  params: idParams,
  body: completeForGrading(z.object({ version, nodeId: z.uuid("ノードを選んでください。"), ...indicatorFields }).strict()),
  response: indicatorDetail,
});

// ------------------------------------------------------------------ actual values

export const addActual = defineContract({
  method: "post",
  path: "/api/vision/indicators/:id/actuals",
  tag: "vision",
  summary: "実績値を1件入力（年度の実績、または時点つき。訂正は新しい行として履歴に残ります）",
  allow: ["editor"],
  params: idParams,
  body: z
    .object({
      fiscalYear,
      /** 実績の時点: empty = the end of the fiscal year */
      asOf: zJapaneseDate.nullable(),
      value: kpiNumber("実績値").nullable(),
      statusRating: z.enum(STATUS_RATINGS, { error: "状況は 順調・一部遅れ・大幅遅れ・完了・中止・評価困難 のいずれかです。" }).nullable(),
      note: z.string().trim().max(1000, "備考は1000文字以内です。"),
    })
    .strict()
    .refine((b) => b.value !== null || b.statusRating !== null, { message: "実績値か状況を入力してください。", path: ["value"] }),
  response: indicatorDetail,
});

export const listActuals = defineContract({
  method: "get",
  path: "/api/vision/indicators/:id/actuals",
  tag: "vision",
  summary: "実績値の履歴（新しい順。訂正前の値も含む）",
  allow: ["staff"],
  params: idParams,
  response: z.object({ items: z.array(actualEntry) }),
});

// ------------------------------------------------------------------ grade rule (評価ルール)

export const gradeRuleSchema = z
  .object({
    formula: z.enum(["progress", "ratio"], { error: "達成度の計算式は progress（進捗率）か ratio（比率）です。" }),
    bands: z
      .array(
        z
          .object({
            grade: z.string().trim().min(1, "評価の記号を入力してください。").max(10),
            min: z.number({ error: "下限を数値（%）で入力してください。" }).nullable(),
          })
          .strict(),
      )
      .min(2, "評価の区分は2つ以上です。")
      .max(10, "評価の区分は10個までです。"),
    decimals: z.number().int().min(0).max(4),
    proRate: z.boolean(),
    statusAchievement: z
      .object(
        Object.fromEntries(STATUS_RATINGS.map((s) => [s, z.number().min(0).max(1000).nullable()])) as {
          [K in (typeof STATUS_RATINGS)[number]]: z.ZodNullable<z.ZodNumber>;
        },
      )
      .strict(),
    rollupCap: z.number().min(0).max(10000),
    earlierYearValue: z.enum(EARLIER_YEAR_VALUES, {
      error: "前年度の値の扱いは ungraded（未評価）か latest（直近の値で評価）です。",
    }),
  })
  .strict()
  .superRefine((rule, ctx) => {
    const last = rule.bands.length - 1;
    rule.bands.forEach((band, i) => {
      if (i === last && band.min !== null)
        ctx.addIssue({ code: "custom", path: ["bands", i, "min"], message: "最後の区分は下限なし（空欄）です。" });
      if (i < last && band.min === null)
        ctx.addIssue({ code: "custom", path: ["bands", i, "min"], message: "最後以外の区分には下限が必要です。" });
      const prev = rule.bands[i - 1]?.min;
      if (i > 0 && i < last && prev !== null && prev !== undefined && band.min !== null && band.min >= prev)
        ctx.addIssue({ code: "custom", path: ["bands", i, "min"], message: "区分は下限の高い順に並べてください。" });
    });
  });

export const gradeRuleVersion = z.object({
  id: z.string(),
  name: z.string(),
  rule: gradeRuleSchema,
  isCurrent: z.boolean(),
  createdByLabel: z.string().nullable(),
  createdAt: z.string(),
});
export type GradeRuleVersion = z.infer<typeof gradeRuleVersion>;

export const getGradeRule = defineContract({
  method: "get",
  path: "/api/vision/grade-rule",
  tag: "vision",
  summary: "現在の評価ルールと過去の版",
  allow: ["staff"],
  response: z.object({ current: gradeRuleVersion, versions: z.array(gradeRuleVersion) }),
});

export const putGradeRule = defineContract({
  method: "put",
  path: "/api/vision/grade-rule",
  tag: "vision",
  summary: "評価ルールを変更（新しい版として保存。過去の評価は元の版のまま、再計算すると新しい版で評価）",
  allow: ["vision.manager"],
  body: z
    .object({
      name: z.string().trim().min(1, "ルールの名前を入力してください。").max(100, "ルールの名前は100文字以内です。"),
      rule: gradeRuleSchema,
    })
    .strict(),
  response: z.object({ current: gradeRuleVersion, versions: z.array(gradeRuleVersion) }),
});

// ------------------------------------------------------------------ rounds (報告ラウンド)

export const roundSummary = z.object({
  id: z.string(),
  planId: z.string(),
  name: z.string(),
  fiscalYear: z.number().int(),
  asOf: z.string(),
  deadline: z.string(),
  graceDays: z.number().int(),
  /** deadline + grace: after this day an owner that has not updated is late */
  dueBy: z.string(),
  status: z.enum(ROUND_STATUSES),
  ruleId: z.string().nullable(),
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  publishedAt: z.string().nullable(),
  taskCount: z.number().int(),
  updatedCount: z.number().int(),
  isSample: z.boolean(),
});
export type RoundSummary = z.infer<typeof roundSummary>;

export const ownerStatus = z.object({
  organisationId: z.string().nullable(),
  organisationName: z.string(),
  taskCount: z.number().int(),
  updatedCount: z.number().int(),
  /** 未更新 past the deadline + grace */
  late: z.boolean(),
  /** 未更新 past the deadline, within the grace */
  overdue: z.boolean(),
  remindedAt: z.string().nullable(),
  reminderCount: z.number().int(),
  pendingIndicatorCodes: z.array(z.string()),
});
export type OwnerStatus = z.infer<typeof ownerStatus>;

export const roundDetail = roundSummary.extend({
  owners: z.array(ownerStatus),
  canManage: z.boolean(),
});
export type RoundDetail = z.infer<typeof roundDetail>;

export const listRounds = defineContract({
  method: "get",
  path: "/api/vision/plans/:id/rounds",
  tag: "vision",
  summary: "報告ラウンドの一覧（更新済みの件数つき）",
  allow: ["staff"],
  params: idParams,
  response: z.object({ items: z.array(roundSummary) }),
});

export const openRound = defineContract({
  method: "post",
  path: "/api/vision/plans/:id/rounds",
  tag: "vision",
  summary: "報告ラウンドを開始（指標ごとに所管組織への更新依頼を作成）",
  allow: ["vision.manager"],
  params: idParams,
  body: z
    .object({
      name: z.string().trim().min(1, "ラウンド名を入力してください（例: 令和6年度末）。").max(100),
      fiscalYear,
      asOf: zJapaneseDate,
      deadline: zJapaneseDate,
      graceDays: z.number().int("猶予日数は整数です。").min(0, "猶予日数は0日以上です。").max(60, "猶予日数は60日までです。"),
    })
    .strict(),
  response: roundDetail,
});

export const getRound = defineContract({
  method: "get",
  path: "/api/vision/rounds/:id",
  tag: "vision",
  summary: "報告ラウンドの状況（所管組織ごとの更新状況、遅れ、督促）",
  allow: ["staff"],
  params: idParams,
  response: roundDetail,
});

export const closeRound = defineContract({
  method: "post",
  path: "/api/vision/rounds/:id/close",
  tag: "vision",
  summary: "報告ラウンドを締め切る（評価を再計算）",
  allow: ["vision.manager"],
  params: idParams,
  body: z.object({}).strict(),
  response: roundDetail,
});

export const publishRound = defineContract({
  method: "post",
  path: "/api/vision/rounds/:id/publish",
  tag: "vision",
  summary: "締め切ったラウンドを公表（公開の進捗ページに載ります）",
  allow: ["vision.manager"],
  params: idParams,
  body: z.object({}).strict(),
  response: roundDetail,
});

export const remindRound = defineContract({
  method: "post",
  path: "/api/vision/rounds/:id/remind",
  tag: "vision",
  summary: "未更新の所管組織に督促（督促日時と回数を記録し、相手の更新依頼に表示）",
  allow: ["vision.manager"],
  params: idParams,
  body: z
    .object({
      /** empty or absent: every owner with a pending task */
      organisationIds: z.array(z.uuid()).max(500).optional(),
    })
    .strict(),
  response: roundDetail.extend({ reminded: z.number().int() }),
});

export const recomputeRound = defineContract({
  method: "post",
  path: "/api/vision/rounds/:id/recompute",
  tag: "vision",
  summary: "ラウンドの評価を現在の評価ルールで再計算",
  allow: ["vision.manager"],
  params: idParams,
  body: z.object({}).strict(),
  response: roundDetail,
});

export const todoTask = z.object({
  indicatorId: z.string(),
  indicatorCode: z.string(),
  indicatorName: z.string(),
  unit: z.string(),
  ratingMode: z.enum(RATING_MODES),
  nodeTitle: z.string(),
  ownerOrganisationId: z.string().nullable(),
  ownerOrganisationName: z.string(),
  updatedAt: z.string().nullable(),
  remindedAt: z.string().nullable(),
  reminderCount: z.number().int(),
  done: z.boolean(),
  /** the value entered for the round's fiscal year, if any */
  currentValue: z.number().nullable(),
  currentStatus: z.enum(STATUS_RATINGS).nullable(),
});
export type TodoTask = z.infer<typeof todoTask>;

export const getTodo = defineContract({
  method: "get",
  path: "/api/vision/todo",
  tag: "vision",
  summary: "自分の組織の更新依頼（受付中のラウンドごと。期限・猶予・督促つき）",
  allow: ["staff"],
  response: z.object({
    rounds: z.array(
      roundSummary.extend({
        tasks: z.array(todoTask),
        pendingCount: z.number().int(),
        /** 督促を受けている */
        reminded: z.boolean(),
        overdue: z.boolean(),
        late: z.boolean(),
      }),
    ),
  }),
});

export const listRoundTasks = defineContract({
  method: "get",
  path: "/api/vision/rounds/:id/tasks",
  tag: "vision",
  summary: "ラウンドの更新依頼の一覧（所管・未更新で絞り込み）",
  allow: ["staff"],
  params: idParams,
  query: z.object({
    ownerOrganisationId: z.uuid().optional(),
    pending: z.enum(["true", "false"]).optional(),
  }),
  response: z.object({ items: z.array(todoTask) }),
});

// ------------------------------------------------------------------ grades (評価結果)

export const explanation = z.object({
  formula: z.string(),
  baseline: z.number().optional(),
  target: z.number().optional(),
  proRatedTarget: z.number().optional(),
  elapsed: z.number().optional(),
  actual: z.number().nullable().optional(),
  /** the 年度 of the value graded when it is not the round's own (the rule's 「直近の値で評価」) */
  valueFiscalYear: z.number().int().optional(),
  text: z.string(),
});

export const indicatorGrade = z.object({
  indicatorId: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.enum(INDICATOR_KINDS),
  direction: z.enum(DIRECTIONS),
  nodeId: z.string(),
  strategyNodeId: z.string().nullable(),
  baselineValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  targetFiscalYear: z.number().int().nullable(),
  actualValue: z.number().nullable(),
  actualAsOf: z.string().nullable(),
  /** the 年度 of the value graded when it is an earlier one than the round's (「令和6年度の値で評価」); else null */
  valueFiscalYear: z.number().int().nullable(),
  statusRating: z.enum(STATUS_RATINGS).nullable(),
  resultKind: z.enum(RESULT_KINDS),
  /** A/B/C/D, or a status rating; null when excluded or ungradable */
  grade: z.string().nullable(),
  achievement: z.number().nullable(),
  explanation,
  ruleId: z.string(),
  computedAt: z.string(),
});
export type IndicatorGrade = z.infer<typeof indicatorGrade>;

export interface RollupTreeNode {
  nodeId: string;
  kind: NodeKind;
  code: string;
  title: string;
  rollupMethod: "average" | "weighted";
  weight: number;
  achievement: number | null;
  grade: string | null;
  /** graded items averaged */
  count: number;
  /** counts per grade (A/B/C/D, status ratings, 対象外, 未評価) of the indicators at or below this node */
  counts: Record<string, number>;
  children: RollupTreeNode[];
}
export const rollupTreeNode: z.ZodType<RollupTreeNode> = z.object({
  nodeId: z.string(),
  kind: z.enum(NODE_KINDS),
  code: z.string(),
  title: z.string(),
  rollupMethod: z.enum(ROLLUP_METHODS),
  weight: z.number(),
  achievement: z.number().nullable(),
  grade: z.string().nullable(),
  count: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
  get children() {
    return z.array(rollupTreeNode);
  },
});

export const strategyCounts = z.object({
  nodeId: z.string(),
  code: z.string(),
  title: z.string(),
  achievement: z.number().nullable(),
  grade: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
});
export type StrategyCounts = z.infer<typeof strategyCounts>;

export const roundGrades = z.object({
  round: roundSummary,
  rule: gradeRuleVersion.pick({ id: true, name: true, isCurrent: true }).nullable(),
  indicators: z.array(indicatorGrade),
  tree: z.array(rollupTreeNode),
  strategies: z.array(strategyCounts),
  /** counts per grade over the whole plan */
  totals: z.record(z.string(), z.number().int()),
});
export type RoundGrades = z.infer<typeof roundGrades>;

export const getRoundGrades = defineContract({
  method: "get",
  path: "/api/vision/rounds/:id/grades",
  tag: "vision",
  summary: "ラウンドの評価結果（指標ごとの評価と根拠、ノードごとの集計、重点戦略ごとの評価別件数）",
  allow: ["staff"],
  params: idParams,
  response: roundGrades,
});

// ------------------------------------------------------------------ dashboard

export const trendingAway = z.object({
  indicatorId: z.string(),
  code: z.string(),
  name: z.string(),
  latestFiscalYear: z.number().int(),
  latestAchievement: z.number(),
  previousFiscalYear: z.number().int(),
  previousAchievement: z.number(),
});

export const dashboard = z.object({
  plan: planSummary,
  /** the round the grades come from (the open round, else the newest) */
  round: roundSummary.nullable(),
  strategies: z.array(
    strategyCounts.extend({
      indicatorCount: z.number().int(),
      /** latest actual's achievement below the previous one's and below 100 */
      trendingAway: z.array(trendingAway),
      /** owners late in the open round, for this strategy's indicators */
      lateUpdates: z.array(
        z.object({
          organisationId: z.string().nullable(),
          organisationName: z.string(),
          pendingCount: z.number().int(),
          late: z.boolean(),
          overdue: z.boolean(),
        }),
      ),
    }),
  ),
  totals: z.record(z.string(), z.number().int()),
});
export type Dashboard = z.infer<typeof dashboard>;

export const getDashboard = defineContract({
  method: "get",
  path: "/api/vision/plans/:id/dashboard",
  tag: "vision",
  summary: "重点戦略ごとの評価分布、目標から遠ざかる指標、更新の遅れ",
  allow: ["staff"],
  params: idParams,
  query: z.object({ roundId: z.uuid().optional() }),
  response: dashboard,
});

export const indicatorSeries = z.object({
  indicator: indicatorSummary,
  /** the current actual per fiscal year, oldest first */
  actuals: z.array(
    z.object({
      fiscalYear: z.number().int(),
      asOf: z.string(),
      value: z.number().nullable(),
      statusRating: z.enum(STATUS_RATINGS).nullable(),
      /** the achievement of that value against the target pro-rated to its as-of date (current rule) */
      achievement: z.number().nullable(),
    }),
  ),
  /** 按分目標の線: the baseline, then each fiscal year's end up to the target year */
  targetLine: z.array(z.object({ fiscalYear: z.number().int().nullable(), date: z.string(), value: z.number() })),
});
export type IndicatorSeries = z.infer<typeof indicatorSeries>;

export const getIndicatorSeries = defineContract({
  method: "get",
  path: "/api/vision/indicators/:id/series",
  tag: "vision",
  summary: "指標の年度ごとの実績と按分目標の線（グラフ用）",
  allow: ["staff"],
  params: idParams,
  response: indicatorSeries,
});

// ------------------------------------------------------------------ public progress page

export const publicRound = z.object({
  id: z.string(),
  name: z.string(),
  fiscalYear: z.number().int(),
  asOf: z.string(),
  publishedAt: z.string(),
});

export const listPublicProgress = defineContract({
  method: "get",
  path: "/api/public/vision/progress",
  tag: "public",
  summary: "新ビジョンの公表済みの進捗（計画と公表したラウンド）",
  allow: ["anyone"],
  response: z.object({
    plans: z.array(planSummary.omit({ isSample: true }).extend({ rounds: z.array(publicRound) })),
  }),
});

export const getPublicRound = defineContract({
  method: "get",
  path: "/api/public/vision/rounds/:id",
  tag: "public",
  summary: "公表したラウンドの進捗（重点戦略ごとの評価、指標の目標・実績・評価）",
  allow: ["anyone"],
  params: idParams,
  response: z.object({
    plan: planSummary.omit({ isSample: true }),
    round: publicRound,
    tree: z.array(rollupTreeNode),
    strategies: z.array(strategyCounts),
    indicators: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        unit: z.string(),
        kind: z.enum(INDICATOR_KINDS),
        nodeId: z.string(),
        nodeTitle: z.string(),
        strategyNodeId: z.string().nullable(),
        baselineValue: z.number().nullable(),
        targetValue: z.number().nullable(),
        targetFiscalYear: z.number().int().nullable(),
        actualValue: z.number().nullable(),
        statusRating: z.enum(STATUS_RATINGS).nullable(),
        resultKind: z.enum(RESULT_KINDS),
        grade: z.string().nullable(),
        achievement: z.number().nullable(),
        /** the 年度 of an earlier year's value the grade used (「令和6年度の値で評価」); null: the round's own */
        valueFiscalYear: z.number().int().nullable(),
        explanationText: z.string(),
      }),
    ),
  }),
});

// ------------------------------------------------------------------ 報告書 (KPI達成状況)

const reportQuery = z.object({ format: z.enum(["pdf", "xlsx"]).default("pdf") }).strict();

export const downloadRoundReport = defineContract({
  method: "get",
  path: "/api/vision/rounds/:id/report",
  tag: "vision",
  summary: "ラウンドの進捗報告書（総合戦略 KPI達成状況の様式）を PDF か Excel で。職員と有識者会議の委員が読めます",
  allow: ["staff", "vision.council"],
  kind: "file",
  params: idParams,
  query: reportQuery,
  response: z.unknown(),
});

export const downloadPublicRoundReport = defineContract({
  method: "get",
  path: "/api/public/vision/rounds/:id/report",
  tag: "public",
  summary: "公表したラウンドの進捗報告書（PDF か Excel）",
  allow: ["anyone"],
  kind: "file",
  params: idParams,
  query: reportQuery,
  response: z.unknown(),
});
