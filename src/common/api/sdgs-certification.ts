// Contracts of 審査会・認証・認証書 (issue 16, committee part): the committee meetings (審査会) that decide a tier or
// refusal for the applications of a round, the certifications they produce (number KSM-<年度>-<連番>, validity, state
// worked out on today's date in Japan), the staff's side of the yearly progress reports (取組状況の報告), and the
// documents: 認証書 and 認証通知書／不認証通知書 as PDF, read by staff and by the company they belong to.
import { z } from "zod";
import { APPLICATION_STATUSES } from "../sdgs/application-states";
import type { CertificationState } from "../sdgs/certification-lifecycle";
import { APPLICATION_KINDS, INDUSTRIES, WARDS } from "../sdgs/labels";
import { defineContract, idParams, pageOf, pageQuery } from "./contract";

const TAG = "sdgs";

export const CERTIFICATION_STATES = [
  "active",
  "report_due",
  "expiring",
  "renewed",
  "expired",
  "revoked",
] as const satisfies readonly CertificationState[];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日付は YYYY-MM-DD の形で入力してください。");
/** updated_at as the version token of tables without a version column (審査会, 認証) */
const updatedAtToken = z
  .string({ error: "画面を開き直してから、もう一度操作してください。" })
  .min(1, "画面を開き直してから、もう一度操作してください。");

// ------------------------------------------------------------------ 審査会

export const roundOption = z.object({ id: z.string(), name: z.string(), fiscalYear: z.number().int() });

export const committeeMeetingSummary = z.object({
  id: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  fiscalYear: z.number().int(),
  heldOn: z.string(),
  place: z.string(),
  members: z.string(),
  minutes: z.string(),
  decisionCount: z.number().int(),
  certifiedCount: z.number().int(),
  refusedCount: z.number().int(),
  isSample: z.boolean(),
  updatedAt: z.string(),
});
export type CommitteeMeetingSummary = z.infer<typeof committeeMeetingSummary>;

export const listCommitteeMeetings = defineContract({
  method: "get",
  path: "/api/sdgs/committee-meetings",
  tag: TAG,
  summary: "審査会の一覧（募集回で絞り込み、開催日の新しい順）と、募集回の選択肢",
  allow: ["staff"],
  query: z.object({ roundId: z.uuid({ message: "募集回を選び直してください。" }).optional() }).strict(),
  response: z.object({
    items: z.array(committeeMeetingSummary),
    rounds: z.array(roundOption),
    /** the caller may hold meetings and record decisions */
    canManage: z.boolean(),
  }),
});

const meetingFields = {
  heldOn: isoDate,
  place: z.string().trim().max(200, "場所は200文字以内です。").default(""),
  members: z.string().trim().max(2000, "出席委員は2000文字以内です。").default(""),
  minutes: z.string().max(20000, "議事録は20000文字以内です。").default(""),
};

export const createCommitteeMeetingBody = z.object({ roundId: z.uuid({ message: "募集回を選んでください。" }), ...meetingFields }).strict();
export type CreateCommitteeMeetingInput = z.output<typeof createCommitteeMeetingBody>;
export const updateCommitteeMeetingBody = z.object({ ...meetingFields, updatedAt: updatedAtToken }).strict();
export type UpdateCommitteeMeetingInput = z.output<typeof updateCommitteeMeetingBody>;

export const tierOption = z.object({ id: z.string(), rank: z.number().int(), name: z.string(), minScore: z.number() });
export type TierOption = z.infer<typeof tierOption>;

/** An application of the round waiting for the committee, with what the decision rests on. */
export const committeeCandidate = z.object({
  id: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  kind: z.enum(APPLICATION_KINDS),
  status: z.enum(APPLICATION_STATUSES),
  selfScore: z.number(),
  reviewScore: z.number().nullable(),
  /** the score the tier rests on: the reviews' when there are any, else the self-check's */
  basisKind: z.enum(["review", "self"]),
  basisScore: z.number(),
  maxScore: z.number(),
  suggestedTier: tierOption.nullable(),
  tierReason: z.string(),
  /** codes of required items not met (認証不可 whatever the score) */
  missingRequired: z.array(z.string()),
  /** the tiers the committee may choose (the reached one and lower) */
  allowedTierIds: z.array(z.string()),
  previousCertificationNumber: z.string().nullable(),
  isSample: z.boolean(),
});
export type CommitteeCandidate = z.infer<typeof committeeCandidate>;

export const committeeDecision = z.object({
  applicationId: z.string(),
  companyName: z.string(),
  kind: z.enum(APPLICATION_KINDS),
  decision: z.enum(["certify", "refuse"]),
  tierName: z.string().nullable(),
  reason: z.string(),
  decidedAt: z.string(),
  decidedBy: z.string().nullable(),
  certificationId: z.string().nullable(),
  certificationNumber: z.string().nullable(),
  isSample: z.boolean(),
});
export type CommitteeDecision = z.infer<typeof committeeDecision>;

export const committeeMeetingDetail = z.object({
  meeting: committeeMeetingSummary,
  tiers: z.array(tierOption),
  candidates: z.array(committeeCandidate),
  decisions: z.array(committeeDecision),
  canManage: z.boolean(),
});
export type CommitteeMeetingDetail = z.infer<typeof committeeMeetingDetail>;

export const createCommitteeMeeting = defineContract({
  method: "post",
  path: "/api/sdgs/committee-meetings",
  tag: TAG,
  summary: "審査会を登録（募集回・開催日・場所・出席委員・議事録）",
  allow: ["sdgs.manager"],
  body: createCommitteeMeetingBody,
  response: committeeMeetingDetail,
});

export const getCommitteeMeeting = defineContract({
  method: "get",
  path: "/api/sdgs/committee-meetings/:id",
  tag: TAG,
  summary: "審査会：審査会待ちの申請（自己評価点・審査点・該当区分とその理由・未充足の必須項目）と決定の一覧",
  allow: ["staff"],
  params: idParams,
  response: committeeMeetingDetail,
});

export const updateCommitteeMeeting = defineContract({
  method: "put",
  path: "/api/sdgs/committee-meetings/:id",
  tag: TAG,
  summary: "審査会の記録（開催日・場所・出席委員・議事録）を変更（updatedAt が古ければ 409）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: updateCommitteeMeetingBody,
  response: committeeMeetingDetail,
});

export const decisionBody = z
  .object({
    applicationId: z.uuid({ message: "申請を選び直してください。" }),
    decision: z.enum(["certify", "refuse"], { error: "認証か不認証かを選んでください。" }),
    tierId: z.uuid({ message: "認証区分を選び直してください。" }).optional(),
    reason: z.string().trim().max(2000, "理由は2000文字以内です。").default(""),
  })
  .strict();
export type DecisionInput = z.output<typeof decisionBody>;

export const decideApplication = defineContract({
  method: "post",
  path: "/api/sdgs/committee-meetings/:id/decisions",
  tag: TAG,
  summary: "審査会の決定を記録（認証なら区分を選び認証番号と有効期間を付与、不認証なら理由が必要）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: decisionBody,
  response: z.object({
    applicationId: z.string(),
    decision: z.enum(["certify", "refuse"]),
    certificationId: z.string().nullable(),
    certificationNumber: z.string().nullable(),
    validFrom: z.string().nullable(),
    validUntil: z.string().nullable(),
  }),
});

// ------------------------------------------------------------------ 認証

export const certificationSummary = z.object({
  id: z.string(),
  number: z.string(),
  companyId: z.string(),
  companyName: z.string(),
  ward: z.enum(WARDS),
  industry: z.enum(INDUSTRIES),
  tierName: z.string(),
  tierRank: z.number().int(),
  validFrom: z.string(),
  validUntil: z.string(),
  state: z.enum(CERTIFICATION_STATES),
  roundName: z.string(),
  fiscalYear: z.number().int(),
  isSample: z.boolean(),
});
export type CertificationSummary = z.infer<typeof certificationSummary>;

export const listCertifications = defineContract({
  method: "get",
  path: "/api/sdgs/certifications",
  tag: TAG,
  summary: "認証の一覧（状態・区分・区・業種・企業名/認証番号で絞り込み。状態は今日（日本時間）の日付で判定）",
  allow: ["staff"],
  query: z
    .object({
      state: z.enum(CERTIFICATION_STATES, { error: "状態を選び直してください。" }).optional(),
      tierRank: z.coerce.number().int().min(1).max(10).optional(),
      ward: z.enum(WARDS, { error: "区を選び直してください。" }).optional(),
      industry: z.enum(INDUSTRIES, { error: "業種を選び直してください。" }).optional(),
      q: z.string().trim().max(100, "検索語は100文字以内です。").optional(),
      ...pageQuery,
    })
    .strict(),
  response: pageOf(certificationSummary).extend({ tierNames: z.array(z.object({ rank: z.number().int(), name: z.string() })) }),
});

export const REPORT_ROW_STATUSES = ["missing", "draft", "submitted", "accepted"] as const;

export const certificationReportRow = z.object({
  period: z.number().int(),
  dueOn: z.string(),
  reportId: z.string().nullable(),
  status: z.enum(REPORT_ROW_STATUSES),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  overdue: z.boolean(),
  version: z.number().int().nullable(),
});

export const certificationLink = z.object({
  id: z.string(),
  number: z.string(),
  tierName: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  status: z.enum(["active", "superseded", "expired", "revoked"]),
});

export const certificationDetail = certificationSummary.extend({
  status: z.enum(["active", "superseded", "expired", "revoked"]),
  applicationId: z.string(),
  applicationKind: z.enum(APPLICATION_KINDS),
  roundId: z.string(),
  corporateNumber: z.string().nullable(),
  decidedOn: z.string().nullable(),
  decisionReason: z.string(),
  goals: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      kpi: z.string(),
      unit: z.string(),
      baseline: z.number().nullable(),
      target: z.number(),
      targetYear: z.number().int(),
      sdgGoals: z.array(z.number().int()),
    }),
  ),
  reports: z.array(certificationReportRow),
  overduePeriods: z.array(z.number().int()),
  previous: certificationLink.nullable(),
  next: certificationLink.nullable(),
  revokedAt: z.string().nullable(),
  revokeReason: z.string().nullable(),
  updatedAt: z.string(),
  canManage: z.boolean(),
});
export type CertificationDetail = z.infer<typeof certificationDetail>;

export const getCertification = defineContract({
  method: "get",
  path: "/api/sdgs/certifications/:id",
  tag: TAG,
  summary: "認証の詳細（企業・区分・有効期間・状態・目標・取組状況の報告と期限・前後の認証）",
  allow: ["staff"],
  params: idParams,
  response: certificationDetail,
});

export const revokeCertification = defineContract({
  method: "post",
  path: "/api/sdgs/certifications/:id/revoke",
  tag: TAG,
  summary: "認証を取り消す（理由が必要。updatedAt が古ければ 409）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: z
    .object({
      reason: z.string().trim().min(1, "取消しの理由を入力してください。").max(2000, "理由は2000文字以内です。"),
      updatedAt: updatedAtToken,
    })
    .strict(),
  response: certificationDetail,
});

// ------------------------------------------------------------------ 取組状況の報告（職員側）

export const PROGRESS_REPORT_STATUSES = ["draft", "submitted", "accepted"] as const;

export const progressReportSummary = z.object({
  id: z.string(),
  certificationId: z.string(),
  certificationNumber: z.string(),
  companyName: z.string(),
  period: z.number().int(),
  dueOn: z.string(),
  status: z.enum(PROGRESS_REPORT_STATUSES),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  version: z.number().int(),
  isSample: z.boolean(),
});
export type ProgressReportSummary = z.infer<typeof progressReportSummary>;

export const listProgressReports = defineContract({
  method: "get",
  path: "/api/sdgs/progress-reports",
  tag: TAG,
  summary: "取組状況の報告の一覧（状態で絞り込み。提出済みは受理を待つもの）",
  allow: ["staff"],
  query: z.object({ status: z.enum(PROGRESS_REPORT_STATUSES, { error: "状態を選び直してください。" }).optional() }).strict(),
  response: z.object({ items: z.array(progressReportSummary), canManage: z.boolean() }),
});

export const acceptProgressReport = defineContract({
  method: "post",
  path: "/api/sdgs/progress-reports/:id/accept",
  tag: TAG,
  summary: "提出された取組状況の報告を受理する（version が古ければ 409）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: z.object({ version: z.number({ error: "画面を開き直してください。" }).int() }).strict(),
  response: progressReportSummary,
});

// ------------------------------------------------------------------ 認証書・通知書 (PDF)

export const certificatePdf = defineContract({
  method: "get",
  path: "/api/sdgs/certifications/:id/certificate.pdf",
  tag: TAG,
  summary: "認証書（認証番号・企業名・区分・有効期間（和暦）・北九州市長）を PDF で出力（職員と、その認証の企業）",
  allow: ["staff", "sdgs.company"],
  kind: "file",
  params: idParams,
  response: z.unknown(),
});

export const noticePdf = defineContract({
  method: "get",
  path: "/api/sdgs/applications/:id/notice.pdf",
  tag: TAG,
  summary: "認証通知書または不認証通知書（理由つき）を PDF で出力（職員と、その申請の企業）",
  allow: ["staff", "sdgs.company"],
  kind: "file",
  params: idParams,
  response: z.unknown(),
});
