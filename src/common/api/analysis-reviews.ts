// 経営分析 — the analyses (one per subject and fiscal year): the summary, the findings per viewpoint with the indicators
// they rest on, the options considered, the decision with its date and the body that decided, and the follow-up
// actions (今後の取組) tracked to done across years. Every member of staff reads; the bureau responsible for the
// analyses (analysis.manager) writes; an action's owner division may also mark its own action done or reopen it.
import { z } from "zod";
import { ACTION_STATUSES, ASSESSMENTS, OPTIONS, REVIEW_STATUSES, SUBJECT_KINDS, VIEWPOINTS } from "../analysis/labels";
import { zJapaneseDate } from "../zod-japanese";
import { type BodyOf, defineContract, idParams, okResponse, pageOf, pageQuery } from "./contract";

export const REVIEW_LIMITS = {
  summary: 8000,
  findingBody: 8000,
  findingIndicators: 12,
  optionAssessment: 4000,
  decision: 8000,
  decidedBy: 120,
  withdrawReason: 1000,
  actionTitle: 200,
  actionDetail: 4000,
  ownerName: 80,
  result: 4000,
} as const;

const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内です。`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);
const version = z.number().int().min(1);
const fiscalYear = z.number().int().min(2000, "年度を選んでください。").max(2100, "年度を選んでください。");

// ------------------------------------------------------------------ shapes

export const reviewSubject = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(SUBJECT_KINDS),
  kindLabel: z.string(),
  isAffiliatedBody: z.boolean(),
  /** 外郭団体／政策連携団体 in the analysis's year (null: not an affiliated body) */
  affiliateLabel: z.string().nullable(),
  leadOrganisationName: z.string().nullable(),
  /** the 局 above the lead division */
  bureauName: z.string().nullable(),
  /** 市政変革推進プランの分析年度 */
  analysisFiscalYear: z.number().int().nullable(),
});

export const finding = z.object({
  id: z.string(),
  viewpoint: z.enum(VIEWPOINTS),
  viewpointLabel: z.string(),
  body: z.string(),
  assessment: z.enum(ASSESSMENTS).nullable(),
  assessmentLabel: z.string().nullable(),
  /** indicator keys (common/analysis/indicators.ts), as stored */
  indicators: z.array(z.string()),
});
export type FindingView = z.infer<typeof finding>;

export const optionView = z.object({
  option: z.enum(OPTIONS),
  label: z.string(),
  /** the text of the option's assessment; "" when it was not assessed */
  assessment: z.string(),
});

export const actionView = z.object({
  id: z.string(),
  reviewId: z.string(),
  title: z.string(),
  detail: z.string(),
  ownerOrganisationId: z.string().nullable(),
  ownerOrganisationName: z.string().nullable(),
  /** an owner outside the city's organisation (団体名・担当者) */
  ownerName: z.string(),
  /** YYYY-MM-DD */
  dueOn: z.string().nullable(),
  status: z.enum(ACTION_STATUSES),
  doneOn: z.string().nullable(),
  result: z.string(),
  /** open and due before today */
  overdue: z.boolean(),
  /** the caller may mark it done or reopen it (a manager, or an editor of the owner division) */
  canClose: z.boolean(),
  isSample: z.boolean(),
  version: z.number().int(),
});
export type ActionView = z.infer<typeof actionView>;

export const reviewDetail = z.object({
  id: z.string(),
  subject: reviewSubject,
  fiscalYear: z.number().int(),
  summary: z.string(),
  status: z.enum(REVIEW_STATUSES),
  statusLabel: z.string(),
  /** in viewpoint order, then as entered */
  findings: z.array(finding),
  /** all five options, in order; an option not assessed has "" */
  options: z.array(optionView),
  chosenOption: z.enum(OPTIONS).nullable(),
  chosenOptionLabel: z.string().nullable(),
  decision: z.string(),
  /** YYYY-MM-DD */
  decidedOn: z.string().nullable(),
  /** the body that decided (市政変革推進会議 …) */
  decidedBy: z.string(),
  actions: z.array(actionView),
  canManage: z.boolean(),
  version: z.number().int(),
  isSample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReviewDetail = z.infer<typeof reviewDetail>;

export const reviewSummary = z.object({
  id: z.string(),
  fiscalYear: z.number().int(),
  status: z.enum(REVIEW_STATUSES),
  statusLabel: z.string(),
  chosenOption: z.enum(OPTIONS).nullable(),
  chosenOptionLabel: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decidedBy: z.string(),
  findingCount: z.number().int(),
  openActions: z.number().int(),
  overdueActions: z.number().int(),
  isSample: z.boolean(),
});
export type ReviewSummary = z.infer<typeof reviewSummary>;

// ------------------------------------------------------------------ analyses of a subject

export const listSubjectReviews = defineContract({
  method: "get",
  path: "/api/analysis/subjects/:id/reviews",
  tag: "analysis",
  summary: "対象の経営分析の一覧（年度の新しい順。状態・選んだ選択肢・決定日・未完了の取組の数）",
  allow: ["staff"],
  params: idParams,
  response: z.object({
    items: z.array(reviewSummary),
    canManage: z.boolean(),
    /** the year a new analysis starts in by default: the subject's analysis year */
    defaultFiscalYear: z.number().int().nullable(),
  }),
});

export const createReview = defineContract({
  method: "post",
  path: "/api/analysis/reviews",
  tag: "analysis",
  summary: "経営分析を始める（対象と年度ごとに一つ。年度の省略時は対象の分析年度。同じ年度がすでにあると409）",
  allow: ["analysis.manager"],
  body: z
    .object({
      subjectId: z.uuid({ message: "対象を選んでください。" }),
      fiscalYear: fiscalYear.nullable().default(null),
      summary: text("概要", REVIEW_LIMITS.summary).default(""),
    })
    .strict(),
  response: reviewDetail,
});
export type CreateReviewInput = BodyOf<typeof createReview>;

// ------------------------------------------------------------------ one analysis

export const getReview = defineContract({
  method: "get",
  path: "/api/analysis/reviews/:id",
  tag: "analysis",
  summary: "経営分析の詳細（視点ごとの所見と根拠の指標、選択肢の検討、決定、今後の取組）",
  allow: ["staff"],
  params: idParams,
  response: reviewDetail,
});

export const updateReview = defineContract({
  method: "patch",
  path: "/api/analysis/reviews/:id",
  tag: "analysis",
  summary: "経営分析の概要を編集（版の確認つき。決定済みの分析は決定を取り消してから）",
  allow: ["analysis.manager"],
  params: idParams,
  body: z.object({ version, summary: text("概要", REVIEW_LIMITS.summary) }).strict(),
  response: reviewDetail,
});

export const findingInput = z
  .object({
    version,
    viewpoint: z.enum(VIEWPOINTS, { message: "視点を選んでください。" }),
    body: required("所見", REVIEW_LIMITS.findingBody),
    assessment: z.enum(ASSESSMENTS, { message: "評価を選んでください。" }).nullable().default(null),
    /** indicator keys of the subject (GET /api/analysis/subjects/:id/indicators) */
    indicators: z
      .array(z.string().min(1).max(80))
      .max(REVIEW_LIMITS.findingIndicators, `根拠の指標は${REVIEW_LIMITS.findingIndicators}件までです。`)
      .default([]),
  })
  .strict();
export type FindingInput = z.input<typeof findingInput>;

const findingParams = z.object({
  id: z.uuid({ message: "IDの形式が正しくありません" }),
  findingId: z.uuid({ message: "IDの形式が正しくありません" }),
});

export const addFinding = defineContract({
  method: "post",
  path: "/api/analysis/reviews/:id/findings",
  tag: "analysis",
  summary: "視点ごとの所見を追加（評価と根拠の指標。版の確認つき）",
  allow: ["analysis.manager"],
  params: idParams,
  body: findingInput,
  response: reviewDetail,
});

export const updateFinding = defineContract({
  method: "patch",
  path: "/api/analysis/reviews/:id/findings/:findingId",
  tag: "analysis",
  summary: "所見を編集（版の確認つき）",
  allow: ["analysis.manager"],
  params: findingParams,
  body: findingInput,
  response: reviewDetail,
});

export const deleteFinding = defineContract({
  method: "delete",
  path: "/api/analysis/reviews/:id/findings/:findingId",
  tag: "analysis",
  summary: "所見を削除（?version= が古いと409）",
  allow: ["analysis.manager"],
  params: findingParams,
  query: z.object({ version: z.coerce.number().int().min(1) }).strict(),
  response: reviewDetail,
});

export const putOptions = defineContract({
  method: "put",
  path: "/api/analysis/reviews/:id/options",
  tag: "analysis",
  summary: "選択肢（継続・見直し・統合・民間移行・廃止）の検討を保存（空欄は検討なし。版の確認つき）",
  allow: ["analysis.manager"],
  params: idParams,
  body: z
    .object({
      version,
      options: z
        .array(z.object({ option: z.enum(OPTIONS), assessment: text("検討の内容", REVIEW_LIMITS.optionAssessment) }).strict())
        .max(OPTIONS.length),
    })
    .strict(),
  response: reviewDetail,
});

export const decideReview = defineContract({
  method: "post",
  path: "/api/analysis/reviews/:id/decision",
  tag: "analysis",
  summary: "決定を記録（選んだ選択肢・決定の内容・決定日・決定した会議体。状態は決定済みに）",
  allow: ["analysis.manager"],
  params: idParams,
  body: z
    .object({
      version,
      chosenOption: z.enum(OPTIONS, { message: "選んだ選択肢を指定してください。" }),
      decision: required("決定の内容", REVIEW_LIMITS.decision),
      /** 令和7年3月26日, 2025-03-26 … */
      decidedOn: zJapaneseDate,
      decidedBy: required("決定した会議体", REVIEW_LIMITS.decidedBy),
    })
    .strict(),
  response: reviewDetail,
});
export type DecideReviewInput = BodyOf<typeof decideReview>;

export const withdrawDecision = defineContract({
  method: "post",
  path: "/api/analysis/reviews/:id/decision/withdrawal",
  tag: "analysis",
  summary: "決定を取り消して分析中に戻す（理由は監査記録に残る）",
  allow: ["analysis.manager"],
  params: idParams,
  body: z.object({ version, reason: required("取り消しの理由", REVIEW_LIMITS.withdrawReason) }).strict(),
  response: reviewDetail,
});

// ------------------------------------------------------------------ follow-up actions

const actionFields = {
  title: required("取組の名称", REVIEW_LIMITS.actionTitle),
  detail: text("取組の内容", REVIEW_LIMITS.actionDetail).default(""),
  /** 担当課 (an organisation); at least one of it and ownerName */
  ownerOrganisationId: z.uuid({ message: "担当課を選び直してください。" }).nullable().default(null),
  /** 担当（市の組織の外: 団体名・担当者名） */
  ownerName: text("担当（外部）", REVIEW_LIMITS.ownerName).default(""),
  /** 期限 (令和8年3月末 …); null: none */
  dueOn: zJapaneseDate.nullable().default(null),
};

export const actionInput = z.object(actionFields).strict();
export type ActionInput = z.input<typeof actionInput>;

export const addAction = defineContract({
  method: "post",
  path: "/api/analysis/reviews/:id/actions",
  tag: "analysis",
  summary: "今後の取組を追加（担当課または外部の担当、期限）",
  allow: ["analysis.manager"],
  params: idParams,
  body: actionInput,
  response: actionView,
});

export const updateAction = defineContract({
  method: "patch",
  path: "/api/analysis/actions/:id",
  tag: "analysis",
  summary: "今後の取組を編集（版の確認つき）",
  allow: ["analysis.manager"],
  params: idParams,
  body: z.object({ version, ...actionFields }).strict(),
  response: actionView,
});

export const deleteAction = defineContract({
  method: "delete",
  path: "/api/analysis/actions/:id",
  tag: "analysis",
  summary: "今後の取組を削除（?version= が古いと409）",
  allow: ["analysis.manager"],
  params: idParams,
  query: z.object({ version: z.coerce.number().int().min(1) }).strict(),
  response: okResponse,
});

export const completeAction = defineContract({
  method: "post",
  path: "/api/analysis/actions/:id/done",
  tag: "analysis",
  summary: "今後の取組を完了にする（完了日と結果。所管局の担当者と、担当課の編集者）",
  allow: ["staff"],
  params: idParams,
  body: z
    .object({
      version,
      /** 完了日; not after today */
      doneOn: zJapaneseDate,
      result: text("結果", REVIEW_LIMITS.result).default(""),
    })
    .strict(),
  response: actionView,
});

export const reopenAction = defineContract({
  method: "post",
  path: "/api/analysis/actions/:id/reopen",
  tag: "analysis",
  summary: "完了にした今後の取組を未完了に戻す（所管局の担当者と、担当課の編集者）",
  allow: ["staff"],
  params: idParams,
  body: z.object({ version }).strict(),
  response: actionView,
});

// ------------------------------------------------------------------ every action across subjects and years

export const ACTION_FILTERS = ["open", "done", "overdue"] as const;

const actionFilter = {
  /** open (未完了, the default), done (完了), overdue (期限切れ); absent: every action */
  status: z.enum([...ACTION_FILTERS, "all"]).default("open"),
  subjectId: z.uuid({ message: "対象を選び直してください。" }).optional(),
  /** the analysis's fiscal year */
  fiscalYear: z.coerce.number().int().min(2000).max(2100).optional(),
  ownerOrganisationId: z.uuid({ message: "担当課を選び直してください。" }).optional(),
};

export const actionListItem = actionView.extend({
  subjectId: z.string(),
  subjectName: z.string(),
  fiscalYear: z.number().int(),
  reviewStatus: z.enum(REVIEW_STATUSES),
});
export type ActionListItem = z.infer<typeof actionListItem>;

export const listActions = defineContract({
  method: "get",
  path: "/api/analysis/actions",
  tag: "analysis",
  summary: "今後の取組の一覧（対象・年度をまたいで。期限切れを先頭に。状態・対象・年度・担当課で絞り込み）",
  allow: ["staff"],
  query: z.object({ ...actionFilter, ...pageQuery }).strict(),
  response: pageOf(actionListItem).extend({
    canManage: z.boolean(),
    counts: z.object({ open: z.number().int(), overdue: z.number().int(), done: z.number().int() }),
  }),
});

export const exportActions = defineContract({
  method: "get",
  path: "/api/analysis/actions/export",
  tag: "analysis",
  summary: "今後の取組の一覧をExcelまたはCSV（UTF-8 BOM付き）で出力（絞り込みは一覧と同じ。日付は和暦と西暦）",
  allow: ["staff"],
  query: z.object({ ...actionFilter, format: z.enum(["csv", "xlsx"]).default("xlsx") }).strict(),
  kind: "file",
  response: z.unknown(),
});
