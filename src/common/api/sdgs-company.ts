// Contracts of the SDGs module's company pages (issue 16, 申請企業): a registered company's partner logins keep their
// own company's record (企業情報), apply to an open round (新規・更新・ランクアップ) through a stepped form (申請要件,
// セルフチェックと証拠書類, 自社の目標, 概要と宣言), submit, withdraw, fix and resubmit a returned application, and
// report yearly on their certification's goals (取組状況の報告). Every route is for `sdgs.company` only; a record of
// another company answers 404, the same as a missing one.
import { z } from "zod";
import { APPLICATION_STATUSES } from "../sdgs/application-states";
import { APPLICATION_KINDS, COMPANY_SIZES, INDUSTRIES, WARDS } from "../sdgs/labels";
import { DOCUMENT_UPLOAD_MAX_BYTES } from "../upload-limits";
import { defineContract, idParams } from "./contract";

const TAG = "sdgs";
const ALLOW = ["sdgs.company"] as const;

const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内で入力してください。`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);
const version = z.number().int().min(1);
const year = (label: string) =>
  z
    .number({ error: `${label}を数字で入力してください。` })
    .int(`${label}は西暦の整数で入力してください（例: 2024）。`)
    .min(2000, `${label}は2000年以降で入力してください。`)
    .max(2100, `${label}は2100年までで入力してください。`);
const amount = (label: string) =>
  z
    .number({ error: `${label}を数値で入力してください。` })
    .min(-1e13, `${label}が大きすぎます。`)
    .max(1e13, `${label}が大きすぎます。`);

// ------------------------------------------------------------------ 企業情報

export const companyProfile = z.object({
  id: z.string(),
  /** 法人番号 (13 digits); null for a sole proprietor until given; read-only once set */
  corporateNumber: z.string().nullable(),
  name: z.string(),
  nameKana: z.string(),
  postalCode: z.string(),
  address: z.string(),
  ward: z.enum(WARDS),
  industry: z.enum(INDUSTRIES),
  size: z.enum(COMPANY_SIZES),
  employees: z.number().int().nullable(),
  website: z.string(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  formerRegistrationNumber: z.string().nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
  /** ISO timestamp */
  updatedAt: z.string(),
});
export type CompanyProfile = z.infer<typeof companyProfile>;

export const companyProfileInput = z
  .object({
    /** only taken while the record has none (法人番号 is read-only once set) */
    corporateNumber: z.string().trim().max(20, "法人番号は13桁の数字で入力してください。").nullable(),
    name: required("企業名", 200),
    nameKana: text("企業名（カナ）", 200),
    postalCode: z
      .string()
      .trim()
      .regex(/^([0-9]{3}-[0-9]{4})?$/, "郵便番号は「800-0000」の形で入力してください。"),
    address: text("所在地", 300),
    ward: z.enum(WARDS, { error: "所在地の区を選んでください。" }),
    industry: z.enum(INDUSTRIES, { error: "業種を選んでください。" }),
    size: z.enum(COMPANY_SIZES, { error: "企業規模を選んでください。" }),
    employees: z
      .number({ error: "従業員数を数字で入力してください。" })
      .int("従業員数は整数で入力してください。")
      .min(0, "従業員数は0以上で入力してください。")
      .max(10_000_000, "従業員数が大きすぎます。")
      .nullable(),
    website: text("ウェブサイト", 300).refine((v) => v === "" || /^https?:\/\/\S+$/.test(v), {
      message: "ウェブサイトは https:// から始まるアドレスで入力してください。",
    }),
    contactName: text("担当者名", 100),
    contactEmail: text("担当者のメールアドレス", 254).refine((v) => v === "" || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
      message: "メールアドレスの形式が正しくありません。",
    }),
    contactPhone: text("担当者の電話番号", 30).refine((v) => v === "" || /^[0-9+\-() ]+$/.test(v), {
      message: "電話番号は数字とハイフンで入力してください。",
    }),
  })
  .strict();
export type CompanyProfileInput = z.infer<typeof companyProfileInput>;

export const getCompanyProfile = defineContract({
  method: "get",
  path: "/api/sdgs/company/profile",
  tag: TAG,
  summary: "申請企業：自社の企業情報",
  allow: ALLOW,
  response: companyProfile,
});

export const updateCompanyProfile = defineContract({
  method: "put",
  path: "/api/sdgs/company/profile",
  tag: TAG,
  summary: "申請企業：自社の企業情報を更新（法人番号は未登録のときだけ。version が古ければ 409）",
  allow: ALLOW,
  body: z.object({ version, profile: companyProfileInput }).strict(),
  response: companyProfile,
});

// ------------------------------------------------------------------ 募集中の回と申請の一覧

export const kindOption = z.object({
  kind: z.enum(APPLICATION_KINDS),
  allowed: z.boolean(),
  /** why not (shown beside the disabled choice) */
  reason: z.string().nullable(),
});

export const openRound = z.object({
  id: z.string(),
  name: z.string(),
  fiscalYear: z.number().int(),
  opensOn: z.string(),
  closesOn: z.string(),
  guidance: z.string(),
  minGoals: z.number().int(),
  isSample: z.boolean(),
  /** the company's open application in this round (one per round) */
  applicationId: z.string().nullable(),
  applicationStatus: z.enum(APPLICATION_STATUSES).nullable(),
  kinds: z.array(kindOption),
});
export type OpenRound = z.infer<typeof openRound>;

export const listOpenRounds = defineContract({
  method: "get",
  path: "/api/sdgs/company/rounds",
  tag: TAG,
  summary: "申請企業：今日申請を受け付けている募集回（申請済みかどうか、申請できる種類）",
  allow: ALLOW,
  response: z.object({ today: z.string(), items: z.array(openRound) }),
});

export const applicationSummary = z.object({
  id: z.string(),
  roundId: z.string(),
  roundName: z.string(),
  fiscalYear: z.number().int(),
  kind: z.enum(APPLICATION_KINDS),
  status: z.enum(APPLICATION_STATUSES),
  statusLabel: z.string(),
  submittedAt: z.string().nullable(),
  updatedAt: z.string(),
  selfScore: z.number().nullable(),
  /** when certified: the certification's tier and number */
  tierName: z.string().nullable(),
  certificationNumber: z.string().nullable(),
  isSample: z.boolean(),
});
export type ApplicationSummary = z.infer<typeof applicationSummary>;

export const listCompanyApplications = defineContract({
  method: "get",
  path: "/api/sdgs/company/applications",
  tag: TAG,
  summary: "申請企業：自社の申請の一覧",
  allow: ALLOW,
  response: z.object({ items: z.array(applicationSummary) }),
});

export const createCompanyApplication = defineContract({
  method: "post",
  path: "/api/sdgs/company/applications",
  tag: TAG,
  summary: "申請企業：募集回に申請を始める（下書き。1つの回に1件まで。期間外は 400）",
  allow: ALLOW,
  body: z
    .object({
      roundId: z.uuid({ message: "募集回を選んでください。" }),
      kind: z.enum(APPLICATION_KINDS, { error: "申請の種類を選んでください。" }),
    })
    .strict(),
  response: z.object({ id: z.string() }),
});

// ------------------------------------------------------------------ 1件の申請

export const evidenceFile = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  uploaderName: z.string().nullable(),
  /** the check item it supports; null: for the whole application */
  itemId: z.string().nullable(),
});
export type EvidenceFile = z.infer<typeof evidenceFile>;

export const goalInput = z
  .object({
    title: required("目標", 200),
    sdgGoals: z
      .array(z.number().int().min(1, "SDGsの目標は1〜17から選んでください。").max(17, "SDGsの目標は1〜17から選んでください。"))
      .max(17),
    kpi: required("指標（KPI）", 200),
    unit: text("単位", 20),
    baseline: amount("基準値").nullable(),
    baselineYear: year("基準年").nullable(),
    target: amount("目標値"),
    targetYear: year("目標年"),
  })
  .strict();
export type GoalInput = z.infer<typeof goalInput>;

export const applicationGoal = goalInput.extend({ id: z.string() });

export const answerInput = z.object({ itemId: z.uuid(), met: z.boolean(), note: text("補足", 2000) }).strict();

export const applicationEvent = z.object({
  fromStatus: z.enum(APPLICATION_STATUSES).nullable(),
  toStatus: z.enum(APPLICATION_STATUSES),
  toLabel: z.string(),
  /** the reason given with a return, a refusal or a withdrawal (staff's other notes are not shown) */
  comment: z.string(),
  actorLabel: z.string(),
  at: z.string(),
});

export const roundRulesForCompany = z.object({
  round: z.object({
    id: z.string(),
    name: z.string(),
    fiscalYear: z.number().int(),
    opensOn: z.string(),
    closesOn: z.string(),
    minGoals: z.number().int(),
    guidance: z.string(),
  }),
  eligibilityRules: z.array(z.object({ code: z.string(), question: z.string(), requiredAnswer: z.boolean(), failureReason: z.string() })),
  domains: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      items: z.array(
        z.object({
          id: z.string(),
          code: z.string(),
          text: z.string(),
          points: z.number().int(),
          required: z.boolean(),
          evidenceRequired: z.boolean(),
          sdgGoals: z.array(z.number().int()),
        }),
      ),
    }),
  ),
  tiers: z.array(z.object({ id: z.string(), rank: z.number().int(), name: z.string(), minScore: z.number() })),
});

export const companyApplication = roundRulesForCompany.extend({
  id: z.string(),
  kind: z.enum(APPLICATION_KINDS),
  status: z.enum(APPLICATION_STATUSES),
  statusLabel: z.string(),
  /** the company may change it now (下書き・差戻し中) */
  canEdit: z.boolean(),
  canWithdraw: z.boolean(),
  version: z.number().int(),
  isSample: z.boolean(),
  submittedAt: z.string().nullable(),
  submissionCount: z.number().int(),
  declaredAt: z.string().nullable(),
  returnReason: z.string().nullable(),
  previousCertificationNumber: z.string().nullable(),
  eligibilityAnswers: z.record(z.string(), z.boolean()),
  summary: z.string(),
  answers: z.array(z.object({ itemId: z.string(), met: z.boolean(), note: z.string() })),
  goals: z.array(applicationGoal),
  evidence: z.array(evidenceFile),
  history: z.array(applicationEvent),
  selfScore: z.object({
    score: z.number(),
    max: z.number(),
    byDomain: z.array(z.object({ domain: z.string(), score: z.number(), max: z.number() })),
    missingRequired: z.array(z.string()),
    tierName: z.string().nullable(),
    tierReason: z.string(),
  }),
});
export type CompanyApplication = z.infer<typeof companyApplication>;

export const getCompanyApplication = defineContract({
  method: "get",
  path: "/api/sdgs/company/applications/:id",
  tag: TAG,
  summary: "申請企業：自社の申請（募集回の要件・チェック項目・区分、回答、目標、証拠書類、経過、自己評価点）",
  allow: ALLOW,
  params: idParams,
  response: companyApplication,
});

export const draftInput = z
  .object({
    version,
    eligibilityAnswers: z.record(z.string().max(40), z.boolean()),
    summary: text("取組の概要", 4000),
    answers: z.array(answerInput).max(500),
    goals: z.array(goalInput).max(20, "目標は20件までです。"),
  })
  .strict();
export type DraftInput = z.infer<typeof draftInput>;

export const saveCompanyApplication = defineContract({
  method: "put",
  path: "/api/sdgs/company/applications/:id",
  tag: TAG,
  summary: "申請企業：申請を下書き保存（下書き・差戻し中だけ。未完成でもよい。version が古ければ 409）",
  allow: ALLOW,
  params: idParams,
  body: draftInput,
  response: companyApplication,
});

export const submitCompanyApplication = defineContract({
  method: "post",
  path: "/api/sdgs/company/applications/:id/submit",
  tag: TAG,
  summary: "申請企業：申請を提出（要件・回答・証拠書類・目標・宣言を確かめる。足りなければ 400 で理由）",
  allow: ALLOW,
  params: idParams,
  body: z.object({ version, declaration: z.boolean() }).strict(),
  response: companyApplication,
});

export const withdrawCompanyApplication = defineContract({
  method: "post",
  path: "/api/sdgs/company/applications/:id/withdraw",
  tag: TAG,
  summary: "申請企業：申請を取り下げる（下書き・差戻し中・提出済み）",
  allow: ALLOW,
  params: idParams,
  body: z.object({ version, comment: text("取下げの理由", 2000).optional() }).strict(),
  response: companyApplication,
});

const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });

export const evidenceList = z.object({ items: z.array(evidenceFile), canEdit: z.boolean() });
export type EvidenceList = z.infer<typeof evidenceList>;

export const EVIDENCE_FILES_MAX = 20;

export const uploadEvidence = defineContract({
  method: "post",
  path: "/api/sdgs/company/applications/:id/evidence",
  tag: TAG,
  summary: `申請企業：証拠書類を添付（itemId でチェック項目に。PDF・画像・Office、10MB、1申請${EVIDENCE_FILES_MAX}件まで）`,
  allow: ALLOW,
  kind: "multipart",
  uploadMaxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
  params: idParams,
  query: z.object({ itemId: z.uuid().optional() }).strict(),
  response: evidenceList,
});

export const downloadEvidence = defineContract({
  method: "get",
  path: "/api/sdgs/company/applications/:id/evidence/:fileId",
  tag: TAG,
  summary: "申請企業：証拠書類をダウンロード",
  allow: ALLOW,
  kind: "file",
  params: fileParams,
  response: z.unknown(),
});

export const deleteEvidence = defineContract({
  method: "delete",
  path: "/api/sdgs/company/applications/:id/evidence/:fileId",
  tag: TAG,
  summary: "申請企業：証拠書類を削除（下書き・差戻し中だけ）",
  allow: ALLOW,
  params: fileParams,
  response: evidenceList,
});

// ------------------------------------------------------------------ 認証と取組状況の報告

export const REPORT_STATUSES = ["not_started", "draft", "submitted", "accepted"] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];
export const REPORT_STATUS_LABELS: Record<ReportStatus, string> = {
  not_started: "未作成",
  draft: "下書き",
  submitted: "提出済み",
  accepted: "受理",
};

export const reportPeriod = z.object({
  period: z.number().int(),
  dueOn: z.string(),
  status: z.enum(REPORT_STATUSES),
  /** due and not submitted */
  overdue: z.boolean(),
  /** the company may open it (its window has opened) */
  open: z.boolean(),
});

export const companyCertification = z.object({
  id: z.string(),
  number: z.string(),
  roundName: z.string(),
  tierName: z.string(),
  tierRank: z.number().int(),
  validFrom: z.string(),
  validUntil: z.string(),
  state: z.enum(["active", "report_due", "expiring", "renewed", "expired", "revoked"]),
  stateLabel: z.string(),
  periods: z.array(reportPeriod),
  /** the next report's due date not yet open, if any */
  nextDueOn: z.string().nullable(),
  isSample: z.boolean(),
});
export type CompanyCertification = z.infer<typeof companyCertification>;

export const listCompanyCertifications = defineContract({
  method: "get",
  path: "/api/sdgs/company/certifications",
  tag: TAG,
  summary: "申請企業：自社の認証（状態、取組状況の報告の期限）",
  allow: ALLOW,
  response: z.object({ today: z.string(), items: z.array(companyCertification) }),
});

const reportParams = z.object({
  id: z.uuid({ message: "IDの形式が正しくありません" }),
  period: z.coerce.number().int().min(1).max(60),
});

export const progressReport = z.object({
  certification: z.object({
    id: z.string(),
    number: z.string(),
    tierName: z.string(),
    validFrom: z.string(),
    validUntil: z.string(),
  }),
  period: z.number().int(),
  dueOn: z.string(),
  status: z.enum(REPORT_STATUSES),
  statusLabel: z.string(),
  /** null until the first save */
  version: z.number().int().nullable(),
  comment: z.string(),
  submittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  canEdit: z.boolean(),
  goals: z.array(
    z.object({
      goalId: z.string(),
      title: z.string(),
      kpi: z.string(),
      unit: z.string(),
      sdgGoals: z.array(z.number().int()),
      baseline: z.number().nullable(),
      baselineYear: z.number().int().nullable(),
      target: z.number(),
      targetYear: z.number().int(),
      actual: z.number().nullable(),
      comment: z.string(),
    }),
  ),
  isSample: z.boolean(),
});
export type ProgressReport = z.infer<typeof progressReport>;

export const getProgressReport = defineContract({
  method: "get",
  path: "/api/sdgs/company/certifications/:id/reports/:period",
  tag: TAG,
  summary: "申請企業：取組状況の報告（期限が来た回・過去の回だけ）",
  allow: ALLOW,
  params: reportParams,
  response: progressReport,
});

export const progressReportInput = z
  .object({
    /** null for the first save */
    version: version.nullable(),
    comment: text("取組状況のコメント", 4000),
    goals: z
      .array(z.object({ goalId: z.uuid(), actual: amount("実績値").nullable(), comment: text("目標ごとのコメント", 2000) }).strict())
      .max(20),
  })
  .strict();
export type ProgressReportInput = z.infer<typeof progressReportInput>;

export const saveProgressReport = defineContract({
  method: "put",
  path: "/api/sdgs/company/certifications/:id/reports/:period",
  tag: TAG,
  summary: "申請企業：取組状況の報告を下書き保存（目標ごとの実績とコメント。version が古ければ 409）",
  allow: ALLOW,
  params: reportParams,
  body: progressReportInput,
  response: progressReport,
});

export const submitProgressReport = defineContract({
  method: "post",
  path: "/api/sdgs/company/certifications/:id/reports/:period/submit",
  tag: TAG,
  summary: "申請企業：取組状況の報告を提出（すべての目標に実績が必要）",
  allow: ALLOW,
  params: reportParams,
  body: z.object({ version }).strict(),
  response: progressReport,
});
