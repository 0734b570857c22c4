// Contracts of the SDGs module's screening part (issue 16): 要件確認 by the bureau's staff (the list of applications,
// one application with everything, the moves staff make, the screening note, the CSV export), the 審査員 register,
// and the reviewers' own pages (書類審査・ヒアリング: per-item scores 0..the item's points and hearing notes).
// Contact data (担当者の氏名・メール・電話) reaches only sdgs.manager; a reviewer never sees contacts nor another
// reviewer's scores, and sees only applications in 'review'.
import { z } from "zod";
import { APPLICATION_STATUSES } from "../sdgs/application-states";
import { APPLICATION_KINDS, COMPANY_SIZES, INDUSTRIES, WARDS } from "../sdgs/labels";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams, pageOf, pageQuery } from "./contract";

const uuid = z.uuid({ message: "IDの形式が正しくありません" });
const text = (label: string, max: number) => z.string().max(max, `${label}は${max}文字以内で入力してください。`);

// ------------------------------------------------------------------ the staff list

export const APPLICATION_SORTS = [
  "submittedAt",
  "-submittedAt",
  "company",
  "-company",
  "selfScore",
  "-selfScore",
  "reviewScore",
  "-reviewScore",
  "status",
  "-status",
] as const;
export type ApplicationSort = (typeof APPLICATION_SORTS)[number];

export const applicationFilters = {
  roundId: uuid.optional(),
  status: z.enum(APPLICATION_STATUSES).optional(),
  kind: z.enum(APPLICATION_KINDS).optional(),
  ward: z.enum(WARDS).optional(),
  industry: z.enum(INDUSTRIES).optional(),
  /** 企業名・フリガナ・法人番号の一部 */
  q: z.string().trim().max(100, "検索語は100文字以内です。").optional(),
};

export const applicationRow = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  companyNameKana: z.string(),
  corporateNumber: z.string().nullable(),
  ward: z.enum(WARDS),
  industry: z.enum(INDUSTRIES),
  roundId: z.string(),
  roundName: z.string(),
  fiscalYear: z.number().int(),
  kind: z.enum(APPLICATION_KINDS),
  status: z.enum(APPLICATION_STATUSES),
  submittedAt: z.string().nullable(),
  selfScore: z.number().nullable(),
  reviewScore: z.number().nullable(),
  suggestedTierName: z.string().nullable(),
  missingRequired: z.number().int().nullable(),
  submittedReviews: z.number().int(),
  isSample: z.boolean(),
});
export type ApplicationRow = z.infer<typeof applicationRow>;

export const listApplications = defineContract({
  method: "get",
  path: "/api/sdgs/applications",
  tag: "sdgs",
  summary: "認証の申請の一覧（要件確認・審査の状況。募集回・状態・種別・区・業種・企業名で絞り込み。連絡先は含みません）",
  allow: ["staff"],
  query: z.object({ ...pageQuery, ...applicationFilters, sort: z.enum(APPLICATION_SORTS).default("-submittedAt") }).strict(),
  response: pageOf(applicationRow),
});

export const exportApplicationsCsv = defineContract({
  method: "get",
  path: "/api/sdgs/applications.csv",
  tag: "sdgs",
  summary: "認証の申請の一覧を CSV（UTF-8 BOM 付き）で出力（一覧と同じ絞り込み。連絡先は含みません。出力は監査ログに残ります）",
  allow: ["staff"],
  kind: "file",
  query: z.object({ ...applicationFilters, sort: z.enum(APPLICATION_SORTS).default("-submittedAt") }).strict(),
  response: z.unknown(),
});

// ------------------------------------------------------------------ one application

export const scoreResult = z.object({
  score: z.number(),
  max: z.number(),
  byDomain: z.array(z.object({ domain: z.string(), score: z.number(), max: z.number() })),
  missingRequired: z.array(z.string()),
});
export type ScoreResultView = z.infer<typeof scoreResult>;

export const eligibilityAnswer = z.object({
  code: z.string(),
  question: z.string(),
  requiredAnswer: z.boolean(),
  failureReason: z.string(),
  answer: z.boolean().nullable(),
  ok: z.boolean(),
});

export const checkItemAnswer = z.object({
  id: z.string(),
  code: z.string(),
  domain: z.string(),
  text: z.string(),
  points: z.number().int(),
  required: z.boolean(),
  evidenceRequired: z.boolean(),
  sdgGoals: z.array(z.number().int()),
  /** the company's self-check: met, not met, or not answered (null) */
  met: z.boolean().nullable(),
  note: z.string(),
});
export type CheckItemAnswer = z.infer<typeof checkItemAnswer>;

export const applicationGoal = z.object({
  id: z.string(),
  title: z.string(),
  sdgGoals: z.array(z.number().int()),
  kpi: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  baselineYear: z.number().int().nullable(),
  target: z.number(),
  targetYear: z.number().int(),
});

export const evidenceFile = z.object({
  fileId: z.string(),
  itemId: z.string().nullable(),
  itemCode: z.string().nullable(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
});

export const reviewScore = z.object({ itemId: z.string(), score: z.number().int(), comment: z.string() });

export const reviewView = z.object({
  id: z.string(),
  reviewerId: z.string(),
  reviewerName: z.string(),
  affiliation: z.string(),
  hearingOn: z.string().nullable(),
  hearingNotes: z.string(),
  comment: z.string(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
  scores: z.array(reviewScore),
  total: z.number(),
});
export type ReviewView = z.infer<typeof reviewView>;

export const applicationEvent = z.object({
  fromStatus: z.enum(APPLICATION_STATUSES).nullable(),
  toStatus: z.enum(APPLICATION_STATUSES),
  comment: z.string(),
  actorLabel: z.string(),
  at: z.string(),
});

export const STAFF_MOVES = ["start_screening", "return", "to_review", "to_committee"] as const;
export type StaffMove = (typeof STAFF_MOVES)[number];

export const applicationDetail = z.object({
  id: z.string(),
  kind: z.enum(APPLICATION_KINDS),
  status: z.enum(APPLICATION_STATUSES),
  summary: z.string(),
  submittedAt: z.string().nullable(),
  submissionCount: z.number().int(),
  declaredAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  screeningNote: z.string(),
  version: z.number().int(),
  isSample: z.boolean(),
  round: z.object({ id: z.string(), name: z.string(), fiscalYear: z.number().int(), minGoals: z.number().int() }),
  company: z.object({
    id: z.string(),
    name: z.string(),
    nameKana: z.string(),
    corporateNumber: z.string().nullable(),
    postalCode: z.string(),
    address: z.string(),
    ward: z.enum(WARDS),
    industry: z.enum(INDUSTRIES),
    size: z.enum(COMPANY_SIZES),
    employees: z.number().int().nullable(),
    website: z.string(),
    /** false: the caller is not sdgs.manager, and the three contact fields are blank */
    contactsVisible: z.boolean(),
    contactName: z.string(),
    contactEmail: z.string(),
    contactPhone: z.string(),
  }),
  eligibility: z.array(eligibilityAnswer),
  eligible: z.boolean(),
  items: z.array(checkItemAnswer),
  goals: z.array(applicationGoal),
  evidence: z.array(evidenceFile),
  events: z.array(applicationEvent),
  reviews: z.array(reviewView),
  score: z.object({
    self: scoreResult,
    review: scoreResult.nullable(),
    basisKind: z.enum(["self", "review"]),
    suggestedTierName: z.string().nullable(),
    tierReason: z.string(),
  }),
  tiers: z.array(z.object({ rank: z.number().int(), name: z.string(), minScore: z.number() })),
  /** the moves open to staff now (movesFrom(status, "staff")); empty for staff who only read */
  moves: z.array(z.object({ move: z.enum(STAFF_MOVES), label: z.string(), needsComment: z.boolean() })),
  canManage: z.boolean(),
});
export type ApplicationDetail = z.infer<typeof applicationDetail>;

export const getApplication = defineContract({
  method: "get",
  path: "/api/sdgs/applications/:id",
  tag: "sdgs",
  summary: "認証の申請の詳細（申請要件・チェックシート・目標・証拠書類・審査・経過・採点。連絡先は所管局の担当者だけ）",
  allow: ["staff"],
  params: idParams,
  response: applicationDetail,
});

export const downloadApplicationEvidence = defineContract({
  method: "get",
  path: "/api/sdgs/applications/:id/evidence/:fileId",
  tag: "sdgs",
  summary: "申請の証拠書類をダウンロード（職員。ダウンロードは監査ログに残ります）",
  allow: ["staff"],
  kind: "file",
  params: z.object({ id: uuid, fileId: uuid }).strict(),
  response: z.unknown(),
});

export const moveApplication = defineContract({
  method: "post",
  path: "/api/sdgs/applications/:id/moves",
  tag: "sdgs",
  summary: "申請を進める・差し戻す（要件確認を始める／差し戻す（理由は企業に示されます）／書類審査へ進める／審査会に付す）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: z
    .object({
      move: z.enum(STAFF_MOVES, { error: "操作を選んでください。" }),
      comment: text("コメント", 2000).trim().default(""),
      version: z.number().int(),
    })
    .strict(),
  response: applicationDetail,
});

export const updateScreeningNote = defineContract({
  method: "put",
  path: "/api/sdgs/applications/:id/screening",
  tag: "sdgs",
  summary: "要件確認のメモを保存",
  allow: ["sdgs.manager"],
  params: idParams,
  body: z.object({ screeningNote: text("要件確認のメモ", 4000), version: z.number().int() }).strict(),
  response: applicationDetail,
});

// ------------------------------------------------------------------ 審査員 (the register)

export const reviewerRow = z.object({
  userId: z.string(),
  displayName: z.string(),
  loginId: z.string(),
  organisationName: z.string(),
  /** a partner login of an outside organisation (外部有識者), or a member of staff */
  external: z.boolean(),
  affiliation: z.string(),
  active: z.boolean(),
  userDisabled: z.boolean(),
  reviewsDraft: z.number().int(),
  reviewsSubmitted: z.number().int(),
  isSample: z.boolean(),
});
export type ReviewerRow = z.infer<typeof reviewerRow>;

export const listReviewers = defineContract({
  method: "get",
  path: "/api/sdgs/reviewers",
  tag: "sdgs",
  summary: "審査員の一覧（所属・有効かどうか・採点の件数）",
  allow: ["sdgs.manager"],
  response: z.object({ items: z.array(reviewerRow) }),
});

const affiliation = text("所属・肩書", 200).trim();

export const createReviewer = defineContract({
  method: "post",
  path: "/api/sdgs/reviewers",
  tag: "sdgs",
  summary: "審査員を登録（外部有識者のパートナーアカウント、または市の職員）",
  allow: ["sdgs.manager"],
  body: z.object({ userId: uuid, affiliation: affiliation.default("") }).strict(),
  response: reviewerRow,
});

export const updateReviewer = defineContract({
  method: "patch",
  path: "/api/sdgs/reviewers/:userId",
  tag: "sdgs",
  summary: "審査員の所属・有効／無効を変更（無効にすると審査画面に入れなくなります）",
  allow: ["sdgs.manager"],
  params: z.object({ userId: uuid }).strict(),
  body: z.object({ active: z.boolean().optional(), affiliation: affiliation.optional() }).strict(),
  response: reviewerRow,
});

export const reviewerCandidate = z.object({
  id: z.string(),
  displayName: z.string(),
  organisationName: z.string(),
  external: z.boolean(),
  registered: z.boolean(),
});
export type ReviewerCandidate = z.infer<typeof reviewerCandidate>;

export const REVIEWER_CANDIDATE_LIMIT = 20;

export const listReviewerCandidates = defineContract({
  method: "get",
  path: "/api/sdgs/reviewer-candidates",
  tag: "sdgs",
  summary: "審査員に登録できる利用者を氏名・ログインIDの一部で探す（有効な職員と外部パートナーのアカウント、最大20人。連絡先は返しません）",
  allow: ["sdgs.manager"],
  query: z.object({ q: z.string().trim().max(100, "検索語は100文字以内です。").default("") }).strict(),
  response: z.object({ items: z.array(reviewerCandidate) }),
});

// ------------------------------------------------------------------ the reviewer's own pages

export const REVIEW_STATES = ["none", "draft", "submitted"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];
export const REVIEW_STATE_LABELS: Record<ReviewState, string> = { none: "未着手", draft: "下書き", submitted: "提出済み" };

export const reviewListRow = z.object({
  id: z.string(),
  companyName: z.string(),
  industry: z.enum(INDUSTRIES),
  ward: z.enum(WARDS),
  roundName: z.string(),
  fiscalYear: z.number().int(),
  kind: z.enum(APPLICATION_KINDS),
  submittedAt: z.string().nullable(),
  reviewState: z.enum(REVIEW_STATES),
  scoredItems: z.number().int(),
  itemCount: z.number().int(),
  hearingOn: z.string().nullable(),
  isSample: z.boolean(),
});
export type ReviewListRow = z.infer<typeof reviewListRow>;

export const listMyReviews = defineContract({
  method: "get",
  path: "/api/sdgs/review/applications",
  tag: "sdgs",
  summary: "審査員: 書類審査・ヒアリング中の申請と自分の採点の状況",
  allow: ["sdgs.reviewer"],
  response: z.object({ items: z.array(reviewListRow) }),
});

export const myReview = z.object({
  hearingOn: z.string().nullable(),
  hearingNotes: z.string(),
  comment: z.string(),
  submittedAt: z.string().nullable(),
  version: z.number().int(),
  scores: z.array(reviewScore),
  total: z.number(),
});

export const reviewApplication = z.object({
  id: z.string(),
  companyName: z.string(),
  industry: z.enum(INDUSTRIES),
  ward: z.enum(WARDS),
  size: z.enum(COMPANY_SIZES),
  employees: z.number().int().nullable(),
  roundName: z.string(),
  fiscalYear: z.number().int(),
  kind: z.enum(APPLICATION_KINDS),
  summary: z.string(),
  submittedAt: z.string().nullable(),
  eligibility: z.array(eligibilityAnswer),
  items: z.array(checkItemAnswer),
  goals: z.array(applicationGoal),
  evidence: z.array(evidenceFile),
  maxScore: z.number(),
  isSample: z.boolean(),
  /** the caller's own review only (null before the first save); other reviewers' scores are never shown */
  review: myReview.nullable(),
});
export type ReviewApplication = z.infer<typeof reviewApplication>;

export const getMyReview = defineContract({
  method: "get",
  path: "/api/sdgs/review/applications/:id",
  tag: "sdgs",
  summary: "審査員: 審査中の申請（回答・目標・証拠書類・審査基準）と自分の採点",
  allow: ["sdgs.reviewer"],
  params: idParams,
  response: reviewApplication,
});

export const saveMyReview = defineContract({
  method: "put",
  path: "/api/sdgs/review/applications/:id",
  tag: "sdgs",
  summary: "審査員: 採点・ヒアリングの記録を下書き保存（各項目 0〜配点）",
  allow: ["sdgs.reviewer"],
  params: idParams,
  body: z
    .object({
      version: z.number().int().optional(),
      hearingOn: zJapaneseDate.nullable().default(null),
      hearingNotes: text("ヒアリングの記録", 8000).default(""),
      comment: text("総評", 4000).default(""),
      scores: z
        .array(
          z
            .object({
              itemId: uuid,
              score: z
                .number({ error: "点数は数値で入力してください。" })
                .int("点数は整数で入力してください。")
                .min(0, "点数は0点以上です。"),
              comment: text("項目のコメント", 1000).default(""),
            })
            .strict(),
        )
        .max(500)
        .default([]),
    })
    .strict(),
  response: reviewApplication,
});

export const submitMyReview = defineContract({
  method: "post",
  path: "/api/sdgs/review/applications/:id/submit",
  tag: "sdgs",
  summary: "審査員: 採点を提出（すべての項目の点数が必要。提出後は変更できません）",
  allow: ["sdgs.reviewer"],
  params: idParams,
  body: z.object({ version: z.number().int() }).strict(),
  response: reviewApplication,
});

export const downloadReviewEvidence = defineContract({
  method: "get",
  path: "/api/sdgs/review/applications/:id/evidence/:fileId",
  tag: "sdgs",
  summary: "審査員: 審査中の申請の証拠書類をダウンロード（ダウンロードは監査ログに残ります）",
  allow: ["sdgs.reviewer"],
  kind: "file",
  params: z.object({ id: uuid, fileId: uuid }).strict(),
  response: z.unknown(),
});
