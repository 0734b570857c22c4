// Contracts of 連携事業の候補 (issue 18, 課題B(3)): candidate joint projects that the city's departments propose (the
// seed's 「連携の可能性の高い部門と意見交換」), shown as a pipeline with the days spent in each step, so that new joint
// projects stop stalling unseen. Every member of staff reads; any editor (or administrator) proposes a candidate for
// their own 局 or 課; the bureau that runs 広域連携 (region.manager) moves candidates through the steps, turns one into a
// joint project (状態 構想) or drops it with a reason, and sets the number of days after which a step counts as 滞留.
// The steps and their rules: src/common/region/candidate-steps.ts; the day counts: candidate-pipeline.ts.
import { z } from "zod";
import {
  CANDIDATE_MOVE_KINDS,
  CANDIDATE_OBSTACLES,
  CANDIDATE_STEPS,
  OPEN_CANDIDATE_STEPS,
  STALLED_AFTER_DAYS_MAX,
  STALLED_AFTER_DAYS_MIN,
} from "../region/candidate-steps";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams, pageOf, pageQuery } from "./contract";

const TAG = "region";
const STAFF = ["staff"] as const;
const MANAGER = ["region.manager"] as const;

const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内で入力してください。`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);
const version = z.number({ error: "版数（version）が必要です。" }).int().min(1);
const uuid = (what: string) => z.uuid({ message: `${what}を選び直してください。` });

const named = z.object({ id: z.string(), name: z.string() });

// ------------------------------------------------------------------------------------------------ 候補（一覧・カード）

export const candidateCard = z.object({
  id: z.string(),
  title: z.string(),
  step: z.enum(CANDIDATE_STEPS),
  /** the day the current step was entered */
  stepSince: z.string(),
  /** days in the current step (open candidates); null once closed */
  daysInStep: z.number().int().nullable(),
  /** days since the proposal (to the closing day once closed) */
  totalDays: z.number().int(),
  /** more than the 滞留 setting's days in an open step */
  stalled: z.boolean(),
  proposingOrganisation: named,
  framework: named,
  obstacle: z.enum(CANDIDATE_OBSTACLES),
  isSample: z.boolean(),
});
export type CandidateCard = z.infer<typeof candidateCard>;

export const candidateSummary = candidateCard.extend({
  /** the proposal's day (the first history row) */
  proposedOn: z.string(),
  closedOn: z.string().nullable(),
  /** the members named as partners (empty: the framework as a whole) */
  memberNames: z.array(z.string()),
  adoptedProject: named.nullable(),
  updatedAt: z.string(),
});
export type CandidateSummary = z.infer<typeof candidateSummary>;

// ------------------------------------------------------------------------------------------------ パイプライン

export const pipelineColumn = z.object({
  step: z.enum(CANDIDATE_STEPS),
  count: z.number().int(),
  stalledCount: z.number().int(),
  /** open steps: the mean days closed candidates spent in it (null: none went through it) */
  averageDays: z.number().nullable(),
  /** how many closed candidates that mean is taken over */
  averageOver: z.number().int(),
  /** open steps: every candidate, longest in the step first; 事業化 / 見送り: the newest few */
  cards: z.array(candidateCard),
});
export type PipelineColumn = z.infer<typeof pipelineColumn>;

export const candidatePipeline = defineContract({
  method: "get",
  path: "/api/region/candidates/pipeline",
  tag: TAG,
  summary: "連携事業の候補のパイプライン（段階ごとの件数・滞留日数・滞留の件数、終了した候補の段階ごとの平均日数）",
  allow: STAFF,
  response: z.object({
    /** the day the days are counted to (today in Japan) */
    today: z.string(),
    stalledAfterDays: z.number().int(),
    openCount: z.number().int(),
    stalledCount: z.number().int(),
    columns: z.array(pipelineColumn),
  }),
});

export const CANDIDATE_SORTS = [
  "-daysInStep",
  "daysInStep",
  "-proposedOn",
  "proposedOn",
  "title",
  "-title",
  "step",
  "-step",
  "-updatedAt",
] as const;
export type CandidateSort = (typeof CANDIDATE_SORTS)[number];

export const candidateFilters = {
  step: z.enum(CANDIDATE_STEPS).optional(),
  /** 検討中 (open) / 終了 (事業化・見送り) */
  status: z.enum(["open", "closed"]).optional(),
  organisationId: uuid("提案した部門").optional(),
  frameworkId: uuid("連携の枠組み").optional(),
  obstacle: z.enum(CANDIDATE_OBSTACLES).optional(),
  /** "true": only candidates over the 滞留 days in their step */
  stalled: z.enum(["true"]).optional(),
  /** 件名・概要・期待される効果 */
  q: text("キーワード", 100).optional(),
};

export const candidateListQuery = z
  .object({ ...pageQuery, ...candidateFilters, sort: z.enum(CANDIDATE_SORTS).default("-daysInStep") })
  .strict();
export type CandidateListQuery = z.input<typeof candidateListQuery>;
export type CandidateListFilter = z.output<typeof candidateListQuery>;

export const listCandidates = defineContract({
  method: "get",
  path: "/api/region/candidates",
  tag: TAG,
  summary: "連携事業の候補の一覧（段階・提案部門・枠組み・進まない理由・滞留・キーワードで絞り込み、並べ替え、ページ送り）",
  allow: STAFF,
  query: candidateListQuery,
  response: pageOf(candidateSummary).extend({ today: z.string(), stalledAfterDays: z.number().int() }),
});

export const exportCandidates = defineContract({
  method: "get",
  path: "/api/region/candidates/export",
  tag: TAG,
  summary: "連携事業の候補の一覧をExcelまたはCSV（UTF-8 BOM付き）で出力（一覧と同じ絞り込みと並び。日付は和暦と西暦。監査ログに残ります）",
  allow: STAFF,
  kind: "file",
  query: z
    .object({ ...candidateFilters, sort: z.enum(CANDIDATE_SORTS).default("-daysInStep"), format: z.enum(["csv", "xlsx"]).default("xlsx") })
    .strict(),
  response: z.unknown(),
});

// ------------------------------------------------------------------------------------------------ 画面の前提

export const candidateOptions = defineContract({
  method: "get",
  path: "/api/region/candidates/options",
  tag: TAG,
  summary: "候補の画面の前提（提案できる部門、部門の一覧、枠組みと構成団体、提案・段階の変更ができるか、滞留の日数）",
  allow: STAFF,
  response: z.object({
    /** every 局・課 (the filter's choices), with its 局 for a 課 */
    organisations: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
    /** the 局・課 the caller may propose for (empty: the caller cannot propose) */
    proposeFor: z.array(named),
    frameworks: z.array(named.extend({ members: z.array(named.extend({ role: z.string() })) })),
    canManage: z.boolean(),
    stalledAfterDays: z.number().int(),
  }),
});

// ------------------------------------------------------------------------------------------------ 提案

export const candidateCreateBody = z
  .object({
    title: required("件名", 120),
    proposingOrganisationId: uuid("提案する部門"),
    frameworkId: uuid("連携の枠組み"),
    /** named partners among the framework's members; empty = the framework as a whole */
    memberIds: z.array(uuid("連携の相手")).max(40, "連携の相手は40団体までです。").default([]),
    summary: required("概要", 4000),
    expectedEffect: text("期待される効果", 2000).default(""),
    obstacle: z.enum(CANDIDATE_OBSTACLES, { error: "進まない理由を選んでください。" }),
    obstacleNote: text("理由の補足", 2000).default(""),
  })
  .strict();
export type CandidateCreateInput = z.input<typeof candidateCreateBody>;

// ------------------------------------------------------------------------------------------------ 詳細

export const candidateHistoryEntry = z.object({
  id: z.string(),
  step: z.enum(CANDIDATE_STEPS),
  moveKind: z.enum(CANDIDATE_MOVE_KINDS),
  enteredOn: z.string(),
  /** the day the next step was entered; null for the current step */
  leftOn: z.string().nullable(),
  /** days in this step (to today for the current open step; 0 for 事業化 / 見送り) */
  days: z.number().int(),
  recordedBy: z.string(),
  note: z.string(),
  reason: z.string(),
});
export type CandidateHistoryEntry = z.infer<typeof candidateHistoryEntry>;

export const candidateDetail = candidateSummary.extend({
  summary: z.string(),
  expectedEffect: z.string(),
  obstacleNote: z.string(),
  members: z.array(named),
  /** oldest first */
  history: z.array(candidateHistoryEntry),
  /** total days per open step over the whole history (a step entered twice adds up) */
  daysPerStep: z.array(z.object({ step: z.enum(OPEN_CANDIDATE_STEPS), days: z.number().int() })),
  stalledAfterDays: z.number().int(),
  today: z.string(),
  version: z.number().int(),
  canManage: z.boolean(),
  /** the steps a manager may move it to by hand (事業化 has its own action) */
  movableSteps: z.array(z.enum(CANDIDATE_STEPS)),
});
export type CandidateDetail = z.infer<typeof candidateDetail>;

export const createCandidate = defineContract({
  method: "post",
  path: "/api/region/candidates",
  tag: TAG,
  summary: "連携事業の候補を提案（編集者が自分の局・課の名前で。段階は提案受付から）",
  allow: ["editor"],
  body: candidateCreateBody,
  response: candidateDetail,
});

export const getCandidate = defineContract({
  method: "get",
  path: "/api/region/candidates/:id",
  tag: TAG,
  summary: "連携事業の候補の詳細（段階の履歴と各段階の日数）",
  allow: STAFF,
  params: idParams,
  response: candidateDetail,
});

// ------------------------------------------------------------------------------------------------ 段階の変更・事業化

/** 段階に入った日: 和暦 or 西暦; empty = today. */
const enteredOnInput = z
  .union([zJapaneseDate, z.literal(""), z.null()])
  .optional()
  .transform((v) => v || null);

export const candidateMoveBody = z
  .object({
    version,
    to: z.enum([...OPEN_CANDIDATE_STEPS, "dropped"], { error: "移す段階を選んでください。" }),
    enteredOn: enteredOnInput,
    /** 意見交換の内容、相手の回答、財政との協議の結果 … */
    note: text("記録", 2000).default(""),
    /** required to skip forward, to go back and to drop */
    reason: text("理由", 2000).default(""),
  })
  .strict();
export type CandidateMoveInput = z.input<typeof candidateMoveBody>;

export const moveCandidate = defineContract({
  method: "post",
  path: "/api/region/candidates/:id/moves",
  tag: TAG,
  summary: "候補の段階を変える（次の段階へ。飛ばす・戻す・見送りは理由が必要）",
  allow: MANAGER,
  params: idParams,
  body: candidateMoveBody,
  response: candidateDetail,
});

export const candidateAdoptBody = z
  .object({
    version,
    /** the joint project's name (unique within its framework) */
    projectName: required("連携事業の名称", 120),
    /** 幹事市町: one of the framework's members */
    leadMemberId: uuid("幹事市町").nullable().default(null),
    startFiscalYear: z
      .number({ error: "開始年度を数値で入力してください。" })
      .int()
      .min(1989, "開始年度は平成元年度以降です。")
      .max(2100, "開始年度は2100年度までです。")
      .nullable()
      .default(null),
    enteredOn: enteredOnInput,
    note: text("記録", 2000).default(""),
    /** required when the 予算協議（財政） (or an earlier step) is skipped */
    reason: text("理由", 2000).default(""),
  })
  .strict();
export type CandidateAdoptInput = z.input<typeof candidateAdoptBody>;

export const adoptCandidate = defineContract({
  method: "post",
  path: "/api/region/candidates/:id/adopt",
  tag: TAG,
  summary: "候補を事業化する（同じ処理で連携事業を状態「構想」で作り、候補から結ぶ）",
  allow: MANAGER,
  params: idParams,
  body: candidateAdoptBody,
  response: candidateDetail,
});

// ------------------------------------------------------------------------------------------------ 設定

export const candidateSettingsBody = z
  .object({
    stalledAfterDays: z
      .number({ error: "日数を数値で入力してください。" })
      .int("日数は整数で入力してください。")
      .min(STALLED_AFTER_DAYS_MIN, `日数は${STALLED_AFTER_DAYS_MIN}日以上です。`)
      .max(STALLED_AFTER_DAYS_MAX, `日数は${STALLED_AFTER_DAYS_MAX}日以内です。`),
  })
  .strict();

export const updateCandidateSettings = defineContract({
  method: "put",
  path: "/api/region/candidates/settings",
  tag: TAG,
  summary: "滞留とみなす日数（1つの段階にこの日数を超えて留まる候補を滞留として示す）を変える",
  allow: MANAGER,
  body: candidateSettingsBody,
  response: z.object({ stalledAfterDays: z.number().int() }),
});
