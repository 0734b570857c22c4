// Contracts of the SDGs module's 募集回と審査基準 (issue 16, "Programmes per round"): a round's application period and
// the rules the bureau edits — 申請要件 (yes/no questions with the answer an eligible company gives), the check sheet
// (domains with items, points and 必須), 認証区分 by score, validity, renewal window, rank-up and report intervals, the
// minimum number of own goals and the 募集要項 text. A new round copies the last one's rules. Once a round has a
// submitted application its items' points, 必須 flags and its tiers are fixed (only texts and dates still change).
import { z } from "zod";
import { APPLICATION_STATUSES } from "../sdgs/application-states";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams, okResponse } from "./contract";

export const ROUND_STATUSES = ["preparing", "open", "closed"] as const;
export type RoundStatus = (typeof ROUND_STATUSES)[number];
export const ROUND_STATUS_LABELS: Record<RoundStatus, string> = { preparing: "準備中", open: "受付中", closed: "受付終了" };

/** 準備中 before the opening day, 受付中 from the opening day to the closing day (both included), then 受付終了. */
export function roundStatusOn(round: { opensOn: string; closesOn: string }, today: string): RoundStatus {
  if (today < round.opensOn) return "preparing";
  if (today <= round.closesOn) return "open";
  return "closed";
}

const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内で入力してください。`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);
const int = (label: string, min: number, max: number) =>
  z
    .number({ error: `${label}を数値で入力してください。` })
    .int(`${label}は整数で入力してください。`)
    .min(min, `${label}は${min}以上にしてください。`)
    .max(max, `${label}は${max}以下にしてください。`);

export const applicationCounts = z.object(
  Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof APPLICATION_STATUSES)[number], z.ZodNumber>,
);
export type ApplicationCounts = z.infer<typeof applicationCounts>;

export const roundSummary = z.object({
  id: z.string(),
  name: z.string(),
  fiscalYear: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  committeePlannedOn: z.string().nullable(),
  status: z.enum(ROUND_STATUSES),
  /** applications by status */
  counts: applicationCounts,
  applicationCount: z.number().int(),
  isSample: z.boolean(),
});
export type RoundSummary = z.infer<typeof roundSummary>;

export const eligibilityRule = z.object({
  id: z.string(),
  code: z.string(),
  question: z.string(),
  requiredAnswer: z.boolean(),
  failureReason: z.string(),
});

export const checkItem = z.object({
  id: z.string(),
  code: z.string(),
  text: z.string(),
  points: z.number().int(),
  required: z.boolean(),
  evidenceRequired: z.boolean(),
  sdgGoals: z.array(z.number().int()),
});
export type CheckItem = z.infer<typeof checkItem>;

export const checkDomain = z.object({ id: z.string(), name: z.string(), points: z.number().int(), items: z.array(checkItem) });

export const tier = z.object({ id: z.string(), rank: z.number().int(), name: z.string(), minScore: z.number().int() });

export const roundSettings = z.object({
  validityYears: z.number().int(),
  renewalWindowDays: z.number().int(),
  rankUpAfterMonths: z.number().int().nullable(),
  reportIntervalMonths: z.number().int(),
  minGoals: z.number().int(),
  guidance: z.string(),
});

export const roundDetail = z.object({
  id: z.string(),
  name: z.string(),
  fiscalYear: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  committeePlannedOn: z.string().nullable(),
  status: z.enum(ROUND_STATUSES),
  ...roundSettings.shape,
  copiedFromId: z.string().nullable(),
  copiedFromName: z.string().nullable(),
  eligibilityRules: z.array(eligibilityRule),
  domains: z.array(checkDomain),
  tiers: z.array(tier),
  /** 満点: the sum of the items' points */
  totalPoints: z.number().int(),
  /**
   * The round has a submitted application: its items (points, 必須, adding or removing) and tiers no longer change;
   * texts and dates still do.
   */
  rulesLocked: z.boolean(),
  /** the caller may edit, copy, score and delete rounds (the bureau's editors) */
  canManage: z.boolean(),
  version: z.number().int(),
  isSample: z.boolean(),
});
export type RoundDetail = z.infer<typeof roundDetail>;

export const listSdgsRounds = defineContract({
  method: "get",
  path: "/api/sdgs/rounds",
  tag: "sdgs",
  summary: "サステナブル経営認証の募集回の一覧（新しい順。受付状況と状態別の申請件数）",
  allow: ["staff"],
  response: z.object({ items: z.array(roundSummary), canManage: z.boolean() }),
});

export const createSdgsRound = defineContract({
  method: "post",
  path: "/api/sdgs/rounds",
  tag: "sdgs",
  summary: "新しい募集回を作成（最新の募集回、または指定した募集回の審査基準を複製。所管局の担当者）",
  allow: ["sdgs.manager"],
  body: z
    .object({
      name: required("募集回の名前", 100),
      fiscalYear: int("年度", 2000, 2100),
      opensOn: zJapaneseDate,
      closesOn: zJapaneseDate,
      copyFromId: z.uuid({ message: "複製元の募集回を選び直してください。" }).optional(),
    })
    .strict(),
  response: roundDetail,
});

export const getSdgsRound = defineContract({
  method: "get",
  path: "/api/sdgs/rounds/:id",
  tag: "sdgs",
  summary: "募集回と審査基準（申請要件・チェックシート・認証区分・有効期間などの設定）",
  allow: ["staff", "sdgs.company", "sdgs.reviewer"],
  params: idParams,
  response: roundDetail,
});

const eligibilityRuleBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[a-z0-9_]{1,40}$/, "コードは半角の英小文字・数字・_ で40文字以内にしてください。"),
    question: required("質問", 500),
    requiredAnswer: z.boolean(),
    failureReason: required("要件を満たさないときの理由", 500),
  })
  .strict();

const itemBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9_-]{1,20}$/, "項目コードは半角の英数字・_・- で20文字以内にしてください。"),
    text: required("項目の内容", 1000),
    points: int("配点", 0, 100),
    required: z.boolean(),
    evidenceRequired: z.boolean().default(false),
    sdgGoals: z
      .array(int("SDGsのゴール", 1, 17))
      .max(17)
      .default([])
      .transform((goals) => [...new Set(goals)].sort((a, b) => a - b)),
  })
  .strict();

const domainBody = z
  .object({
    name: required("分野の名前", 50),
    items: z.array(itemBody).max(200),
  })
  .strict();

const tierBody = z
  .object({
    rank: int("順位", 1, 10),
    name: required("区分の名前", 50),
    minScore: int("最低点", 0, 10000),
  })
  .strict();

export const roundBody = z
  .object({
    version: z.number().int().min(1),
    name: required("募集回の名前", 100),
    fiscalYear: int("年度", 2000, 2100),
    opensOn: zJapaneseDate,
    closesOn: zJapaneseDate,
    committeePlannedOn: zJapaneseDate.nullable().default(null),
    validityYears: int("有効期間（年）", 1, 10),
    renewalWindowDays: int("更新の受付（日前）", 1, 365),
    rankUpAfterMonths: int("ランクアップ申請（か月後）", 0, 120).nullable(),
    reportIntervalMonths: int("取組状況の報告の間隔（か月）", 1, 60),
    minGoals: int("目標の最少数", 1, 20),
    guidance: text("募集要項", 8000).default(""),
    eligibilityRules: z.array(eligibilityRuleBody).max(50),
    domains: z.array(domainBody).min(1, "分野を1つ以上設定してください。").max(20),
    tiers: z.array(tierBody).min(1, "認証区分を1つ以上設定してください。").max(10),
  })
  .strict();
export type RoundBody = z.output<typeof roundBody>;
export type RoundBodyInput = z.input<typeof roundBody>;

export const updateSdgsRound = defineContract({
  method: "put",
  path: "/api/sdgs/rounds/:id",
  tag: "sdgs",
  summary:
    "募集回と審査基準をまとめて保存（version が古いと409。提出済みの申請がある募集回では、項目の配点・必須・追加削除と認証区分は変えられません。所管局の担当者）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: roundBody,
  response: roundDetail,
});

export const scoreSdgsRound = defineContract({
  method: "post",
  path: "/api/sdgs/rounds/:id/score",
  tag: "sdgs",
  summary: "一括採点: 募集回のすべての申請の自己評価点・審査点・該当区分を計算し直す（所管局の担当者）",
  allow: ["sdgs.manager"],
  params: idParams,
  response: z.object({ scored: z.number().int() }),
});

export const deleteSdgsRound = defineContract({
  method: "delete",
  path: "/api/sdgs/rounds/:id",
  tag: "sdgs",
  summary: "募集回を削除（申請が1件もない募集回だけ。所管局の担当者）",
  allow: ["sdgs.manager"],
  params: idParams,
  response: okResponse,
});
