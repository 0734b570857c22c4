// Contracts of the public registry of 北九州市サステナブル経営認証 (no sign-in): the certified companies valid today, the
// same as open data (CSV), and the certificate check by number (認証の確認: so that a bank or a citizen can check a
// certificate). Only what the city publishes of a certified company: the certificate number, the company's name and
// 法人番号, the tier, the validity, the ward and industry, and its own goals with their KPI and target. Never the
// contact person, e-mail, telephone, address line, number of employees or anything of the application.
// Each endpoint is limited per address (rateLimit; PUBLIC_API_RATE_LIMIT overrides the limit).
import { z } from "zod";
import { INDUSTRIES, WARDS } from "../sdgs/labels";
import { defineContract } from "./contract";

export const publicCertifiedGoal = z.object({
  title: z.string(),
  /** SDGs のゴール番号 (1–17) */
  sdgGoals: z.array(z.number().int()),
  kpi: z.string(),
  unit: z.string(),
  target: z.number(),
  targetYear: z.number().int(),
});
export type PublicCertifiedGoal = z.infer<typeof publicCertifiedGoal>;

export const publicCertifiedCompany = z.object({
  certificateNumber: z.string(),
  companyName: z.string(),
  /** 法人番号 (13 digits); null for a sole proprietor */
  corporateNumber: z.string().nullable(),
  tierName: z.string(),
  /** 1 is the highest tier */
  tierRank: z.number().int(),
  /** YYYY-MM-DD */
  validFrom: z.string(),
  validUntil: z.string(),
  ward: z.enum(WARDS),
  wardLabel: z.string(),
  industry: z.enum(INDUSTRIES),
  industryLabel: z.string(),
  goals: z.array(publicCertifiedGoal),
  /** sample data: the page marks it サンプル */
  isSample: z.boolean(),
});
export type PublicCertifiedCompany = z.infer<typeof publicCertifiedCompany>;

export const PUBLIC_REGISTRY_PAGE_SIZES = [20, 50, 100] as const;

const filters = {
  /** 事業者名・フリガナ・法人番号・認証番号・目標 (NFKC-normalised, so full-width digits and half-width kana match) */
  q: z.string().trim().max(100, "検索語は100文字以内で入力してください。").optional(),
  /** 認証区分の名前 (as the list's choices give it) */
  tier: z.string().trim().max(50).optional(),
  ward: z.enum(WARDS, { error: "区の指定が正しくありません。" }).optional(),
  industry: z.enum(INDUSTRIES, { error: "業種の指定が正しくありません。" }).optional(),
};

export const listCertifiedCompanies = defineContract({
  method: "get",
  path: "/api/public/sdgs/certified",
  tag: "public",
  summary: "サステナブル経営認証の認証企業一覧（本日有効な認証。キーワード・区分・区・業種で絞り込み、ページ送り）",
  allow: ["anyone"],
  rateLimit: { name: "sdgs.public.certified", perMinute: 120 },
  query: z
    .object({
      ...filters,
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
    })
    .strict(),
  response: z.object({
    items: z.array(publicCertifiedCompany),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    /** the filters' choices, from the certifications valid today */
    choices: z.object({
      tiers: z.array(z.object({ name: z.string(), rank: z.number().int() })),
      wards: z.array(z.object({ value: z.enum(WARDS), label: z.string() })),
      industries: z.array(z.object({ value: z.enum(INDUSTRIES), label: z.string() })),
    }),
    /** the day "valid today" was judged on (日本時間, YYYY-MM-DD) */
    asOf: z.string(),
  }),
});

export const downloadCertifiedCompaniesCsv = defineContract({
  method: "get",
  path: "/api/public/sdgs/certified.csv",
  tag: "public",
  summary: "認証企業一覧のオープンデータ（CSV・UTF-8 BOM付き。一覧と同じ絞り込み、全件）",
  allow: ["anyone"],
  kind: "file",
  rateLimit: { name: "sdgs.public.csv", perMinute: 30 },
  query: z.object(filters).strict(),
  response: z.unknown(),
});

export const CERTIFICATE_CHECK_STATES = ["valid", "not_yet_valid", "expired", "revoked", "superseded"] as const;
export type CertificateCheckState = (typeof CERTIFICATE_CHECK_STATES)[number];
export const CERTIFICATE_CHECK_LABELS: Record<CertificateCheckState, string> = {
  valid: "有効",
  not_yet_valid: "有効期間の開始前",
  expired: "有効期間の終了（期限切れ）",
  revoked: "取消し",
  superseded: "更新済み（後継の認証があります）",
};

export const CERTIFICATE_NUMBER_PATTERN = /^KSM-[0-9]{4}-[0-9]{4}$/;

export const checkCertificate = defineContract({
  method: "get",
  path: "/api/public/sdgs/certificates/:number",
  tag: "public",
  summary: "認証の確認（認証番号から、有効・期限切れ・取消し・更新済みと事業者名・区分・有効期間）",
  allow: ["anyone"],
  rateLimit: { name: "sdgs.public.check", perMinute: 120 },
  params: z.object({
    number: z
      .string()
      .trim()
      .transform((value) => value.normalize("NFKC").toUpperCase())
      .pipe(z.string().regex(CERTIFICATE_NUMBER_PATTERN, "認証番号は「KSM-2025-0001」の形で入力してください。")),
  }),
  response: z.object({
    certificateNumber: z.string(),
    state: z.enum(CERTIFICATE_CHECK_STATES),
    stateLabel: z.string(),
    companyName: z.string(),
    corporateNumber: z.string().nullable(),
    tierName: z.string(),
    tierRank: z.number().int(),
    validFrom: z.string(),
    validUntil: z.string(),
    /** the certificate that continues a superseded one (its number), when there is one */
    successorNumber: z.string().nullable(),
    isSample: z.boolean(),
    asOf: z.string(),
  }),
});
