// Contracts of the SDGs module's company accounts (issue 16): a company's own sign-up (public, rate-limited), the
// invitations of the former 北九州SDGs登録制度's registrants (one by one, or a CSV/Excel of them imported as
// invitations), accepting an invitation (public, by its one-time link), and the staff's list of registered companies.
// A company's account is an external organisation, a row of sdgs_companies pointing at it, and partner logins in it.
// The contact person, e-mail and telephone (担当者) are personal data: never on a public answer, and in the staff's
// answers only for the bureau that runs the programme (sdgs.manager).
import { z } from "zod";
import { PASSWORD_MAX_LENGTH, passwordProblem } from "../password-rules";
import { CORPORATE_NUMBER_MESSAGES, corporateNumberProblem, normaliseCorporateNumber } from "../sdgs/corporate-number";
import { COMPANY_SIZES, INDUSTRIES, WARDS } from "../sdgs/labels";
import { defineContract, idParams, okResponse, pageOf, pageQuery } from "./contract";

/** An invitation's link stays valid this many days (a reissue starts the count again). */
export const INVITATION_VALID_DAYS = 30;
/** Sign-ups per client address and hour. */
export const REGISTER_LIMIT_PER_HOUR = 10;
/** Look-ups and acceptances of invitation links per client address and hour. */
export const INVITATION_LOOKUP_LIMIT_PER_HOUR = 60;

/** The public page paths (the links in an invitation point at the second). */
export const PUBLIC_REGISTER_PATH = "/public/sdgs/register";
export const publicInvitationPath = (token: string) => `/public/sdgs/invitation/${encodeURIComponent(token)}`;

// ------------------------------------------------------------------ fields

const trimmedNfkc = (value: unknown) => (typeof value === "string" ? value.normalize("NFKC").trim() : value);

/** 法人番号 as typed (全角・ハイフン可) → 13 digits; '' when not given. Checked (length, check digit) by the body. */
export const corporateNumberInput = z.preprocess(
  (value) => (typeof value === "string" ? normaliseCorporateNumber(value) : value),
  z
    .string()
    .max(13, CORPORATE_NUMBER_MESSAGES.length)
    .superRefine((value, ctx) => {
      const problem = corporateNumberMessage(value);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    }),
);

/** The problem of an optional 法人番号 ('' = not given), in Japanese, or null. */
export function corporateNumberMessage(value: string): string | null {
  if (value === "") return null;
  const problem = corporateNumberProblem(value);
  return problem ? CORPORATE_NUMBER_MESSAGES[problem] : null;
}

const postalCode = z.preprocess(
  (value) => {
    if (typeof value !== "string") return value;
    const text = value.normalize("NFKC").replace(/[‐－―ー−〒\s]/g, (c) => (c === "〒" || /\s/.test(c) ? "" : "-"));
    return /^[0-9]{7}$/.test(text) ? `${text.slice(0, 3)}-${text.slice(3)}` : text;
  },
  z.string().regex(/^([0-9]{3}-[0-9]{4})?$/, "郵便番号は 802-8501 の形（7桁の数字）で入力してください。"),
);

const phone = z.preprocess(
  (value) =>
    typeof value === "string"
      ? value
          .normalize("NFKC")
          .replace(/[‐－―ー−]/g, "-")
          .trim()
      : value,
  z
    .string()
    .max(30)
    .refine((text) => /^[0-9-]+$/.test(text) && /^\d{10,11}$/.test(text.replaceAll("-", "")), {
      message: "電話番号は数字とハイフンで、10桁か11桁で入力してください（例: 093-582-2102）。",
    }),
);

export const loginIdField = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "ログインIDは3文字以上にしてください。")
  .max(100, "ログインIDは100文字以内にしてください。")
  .regex(/^[a-z0-9._@-]+$/, "ログインIDは半角英数字と . _ @ - で入力してください。");
const passwordField = z
  .string()
  .min(1, "パスワードを入力してください。")
  .max(PASSWORD_MAX_LENGTH)
  .superRefine((value, ctx) => {
    // the rules that need no login id here, so that they show with the other fields' problems
    const weak = passwordProblem(value);
    if (weak) ctx.addIssue({ code: "custom", message: weak });
  });

/** The company's profile as the company enters it (sign-up and an invitation's acceptance). */
export const companyProfileFields = {
  /** 個人事業主: no 法人番号 */
  soleProprietor: z.boolean().default(false),
  corporateNumber: corporateNumberInput.default(""),
  companyName: z.preprocess(
    trimmedNfkc,
    z.string().min(1, "事業者名を入力してください。").max(100, "事業者名は100文字以内で入力してください。"),
  ),
  kana: z.preprocess(
    trimmedNfkc,
    z
      .string()
      .min(1, "事業者名のフリガナを入力してください。")
      .max(200, "フリガナは200文字以内で入力してください。")
      .regex(/^[\p{Script=Katakana}ー・ 　A-Za-z0-9&.,()-]+$/u, "フリガナはカタカナで入力してください。"),
  ),
  postalCode,
  address: z.string().trim().min(1, "所在地を入力してください。").max(300, "所在地は300文字以内で入力してください。"),
  ward: z.enum(WARDS, { error: "所在地の区を選んでください（市外の場合は「市外」）。" }),
  industry: z.enum(INDUSTRIES, { error: "業種を選んでください。" }),
  size: z.enum(COMPANY_SIZES, { error: "企業規模を選んでください。" }),
  employees: z
    .number({ error: "従業員数は数値で入力してください。" })
    .int("従業員数は整数で入力してください。")
    .min(0, "従業員数は0以上です。")
    .max(10_000_000, "従業員数が大きすぎます。")
    .nullable()
    .default(null),
  contactName: z.string().trim().min(1, "担当者名を入力してください。").max(100, "担当者名は100文字以内で入力してください。"),
  contactEmail: z.string().trim().max(254, "メールアドレスが長すぎます。").pipe(z.email("メールアドレスの形式が正しくありません。")),
  contactPhone: phone,
};

const accountFields = {
  loginId: loginIdField,
  password: passwordField,
  /** 利用規約・個人情報の取扱いへの同意 */
  agree: z.literal(true, { error: "利用規約と個人情報の取扱いに同意してください。" }),
};

interface CompanyCheck {
  soleProprietor: boolean;
  corporateNumber: string;
  loginId: string;
  password: string;
}

/** Cross-field checks: a 法人番号 unless 個人事業主 (valid with its check digit), and the password rules. */
function checkCompanyBody(body: CompanyCheck, ctx: z.RefinementCtx): void {
  if (!body.soleProprietor && body.corporateNumber === "") {
    ctx.addIssue({
      code: "custom",
      path: ["corporateNumber"],
      message: "法人番号を入力してください（個人事業主の方は「個人事業主」を選んでください）。",
    });
  }
  const weak = passwordProblem(body.password, body.loginId);
  if (weak) ctx.addIssue({ code: "custom", path: ["password"], message: weak });
}

export const registerBody = z
  .object({ ...companyProfileFields, ...accountFields })
  .strict()
  .superRefine(checkCompanyBody);
export type RegisterBody = z.input<typeof registerBody>;
export type RegisterInput = z.output<typeof registerBody>;

export const registerResult = z.object({
  ok: z.literal(true),
  loginId: z.string(),
  /** where the company signs in */
  loginPath: z.string(),
});

// ------------------------------------------------------------------ public sign-up

export const registerCompany = defineContract({
  method: "post",
  path: "/api/public/sdgs/register",
  tag: "public",
  summary: `申請企業のアカウント登録（ログイン不要。法人番号はチェックデジットで確認。1つの接続元から1時間に${REGISTER_LIMIT_PER_HOUR}回まで）`,
  allow: ["anyone"],
  body: registerBody,
  response: registerResult,
});

// ------------------------------------------------------------------ invitations (旧登録制度の登録者)

export const INVITATION_STATES = ["unused", "used", "expired"] as const;
export type InvitationState = (typeof INVITATION_STATES)[number];
export const INVITATION_STATE_LABELS: Record<InvitationState, string> = { unused: "未使用", used: "登録済み", expired: "期限切れ" };

export const invitation = z.object({
  id: z.string(),
  companyName: z.string(),
  corporateNumber: z.string().nullable(),
  formerRegistrationNumber: z.string().nullable(),
  contactName: z.string(),
  contactEmail: z.string(),
  state: z.enum(INVITATION_STATES),
  expiresAt: z.string(),
  usedAt: z.string().nullable(),
  /** the company the invitation became */
  companyId: z.string().nullable(),
  /** from an import (not one made by hand) */
  imported: z.boolean(),
  createdAt: z.string(),
  isSample: z.boolean(),
});
export type Invitation = z.infer<typeof invitation>;

export const listInvitations = defineContract({
  method: "get",
  path: "/api/sdgs/invitations",
  tag: "sdgs",
  summary: "旧登録制度の登録者への招待の一覧（未使用・登録済み・期限切れで絞り込み、事業者名・法人番号・登録番号で検索）",
  allow: ["sdgs.manager"],
  query: z
    .object({
      ...pageQuery,
      state: z.enum(INVITATION_STATES).optional(),
      q: z.string().trim().max(100).optional(),
    })
    .strict(),
  response: pageOf(invitation).extend({ counts: z.record(z.enum(INVITATION_STATES), z.number().int()) }),
});

export const invitationBody = z
  .object({
    companyName: z.preprocess(
      trimmedNfkc,
      z.string().min(1, "事業者名を入力してください。").max(100, "事業者名は100文字以内で入力してください。"),
    ),
    corporateNumber: corporateNumberInput.default(""),
    contactName: z.string().trim().max(100, "担当者名は100文字以内で入力してください。").default(""),
    contactEmail: z.string().trim().max(254, "メールアドレスが長すぎます。").pipe(z.email("メールアドレスの形式が正しくありません。")),
    formerRegistrationNumber: z.string().trim().max(40, "登録番号は40文字以内で入力してください。").default(""),
  })
  .strict()
  .superRefine((body, ctx) => {
    const problem = corporateNumberMessage(body.corporateNumber);
    if (problem) ctx.addIssue({ code: "custom", path: ["corporateNumber"], message: problem });
  });
export type InvitationBody = z.input<typeof invitationBody>;

/** A one-time link: shown once, when it is made (only its hash is kept). */
export const issuedInvitation = z.object({
  invitation,
  /** the whole link to send (https://…/public/sdgs/invitation/<token>) */
  link: z.string(),
});
export type IssuedInvitation = z.infer<typeof issuedInvitation>;

export const createInvitation = defineContract({
  method: "post",
  path: "/api/sdgs/invitations",
  tag: "sdgs",
  summary: `旧登録制度の登録者を1件招待する（招待リンクはこの応答で一度だけ表示。有効期間${INVITATION_VALID_DAYS}日）`,
  allow: ["sdgs.manager"],
  body: invitationBody,
  response: issuedInvitation,
});

export const reissueInvitation = defineContract({
  method: "post",
  path: "/api/sdgs/invitations/:id/reissue",
  tag: "sdgs",
  summary: "未使用の招待のリンクを再発行する（前のリンクは使えなくなる）",
  allow: ["sdgs.manager"],
  params: idParams,
  response: issuedInvitation,
});

export const deleteInvitation = defineContract({
  method: "delete",
  path: "/api/sdgs/invitations/:id",
  tag: "sdgs",
  summary: "未使用の招待を取り消す",
  allow: ["sdgs.manager"],
  params: idParams,
  response: okResponse,
});

/** The import's row-level problems (row as Excel shows it, header = 1). */
export const importProblem = z.object({ row: z.number().int(), column: z.string().optional(), message: z.string() });

export const invitationImportResult = z.discriminatedUnion("ok", [
  z.object({
    ok: z.literal(true),
    /** invitations made (0 when the same file came before) */
    count: z.number().int(),
    /** the same file was imported before: nobody was added */
    duplicate: z.boolean(),
    summary: z.string(),
    /** the links to send (事業者名, 登録番号, 担当者名, メールアドレス, 招待リンク, 有効期限), UTF-8 with BOM, base64; shown once */
    linksCsvBase64: z.string().nullable(),
    linksCsvName: z.string().nullable(),
  }),
  z.object({
    ok: z.literal(false),
    errorCount: z.number().int(),
    errors: z.array(importProblem),
    /** the whole report (行, 列, 内容) as a stored file (GET /api/files/:id) */
    reportFileId: z.string(),
  }),
]);
export type InvitationImportResult = z.infer<typeof invitationImportResult>;

/** The columns of a former registrants' file (見出し行). */
export const INVITATION_IMPORT_COLUMNS = ["登録番号", "事業者名", "法人番号", "担当者名", "メールアドレス", "所在地", "業種"] as const;

export const importInvitations = defineContract({
  method: "post",
  path: "/api/sdgs/invitations/import",
  tag: "sdgs",
  summary:
    "旧北九州SDGs登録制度の登録者の一覧（CSV・Excel。列: 登録番号, 事業者名, 法人番号, 担当者名, メールアドレス, 所在地, 業種）を招待として取り込む（multipart/form-data の file 項目）。1行でも誤りがあれば何も取り込まない。同じファイルは二度取り込まない",
  allow: ["sdgs.manager"],
  kind: "multipart",
  uploadMaxBytes: 5 * 1024 * 1024,
  response: invitationImportResult,
});

// ------------------------------------------------------------------ accepting an invitation (public)

const tokenParams = z.object({ token: z.string().max(200) });

export const publicInvitation = z.object({
  companyName: z.string(),
  corporateNumber: z.string().nullable(),
  formerRegistrationNumber: z.string().nullable(),
  expiresAt: z.string(),
});
export type PublicInvitation = z.infer<typeof publicInvitation>;

export const getPublicInvitation = defineContract({
  method: "get",
  path: "/api/public/sdgs/invitations/:token",
  tag: "public",
  summary: "招待リンクの確認（有効で未使用の招待の事業者名と登録番号。無効・使用済み・期限切れは同じ404）",
  allow: ["anyone"],
  params: tokenParams,
  response: publicInvitation,
});

export const acceptInvitation = defineContract({
  method: "post",
  path: "/api/public/sdgs/invitations/:token",
  tag: "public",
  summary: "招待リンクからアカウントを登録する（旧登録制度の登録番号を引き継ぐ）",
  allow: ["anyone"],
  params: tokenParams,
  body: registerBody,
  response: registerResult,
});

// ------------------------------------------------------------------ staff's list of companies

export const CERTIFIED_FILTERS = ["yes", "no"] as const;

export const companyListItem = z.object({
  id: z.string(),
  name: z.string(),
  kana: z.string(),
  corporateNumber: z.string().nullable(),
  ward: z.enum(WARDS),
  industry: z.enum(INDUSTRIES),
  size: z.enum(COMPANY_SIZES),
  employees: z.number().int().nullable(),
  formerRegistrationNumber: z.string().nullable(),
  /** the valid certification (active and not past its end), if any */
  certification: z.object({ number: z.string(), tierName: z.string(), validUntil: z.string() }).nullable(),
  applicationCount: z.number().int(),
  createdAt: z.string(),
  isSample: z.boolean(),
});
export type CompanyListItem = z.infer<typeof companyListItem>;

export const companyListQuery = z
  .object({
    ...pageQuery,
    /** 事業者名・フリガナ・法人番号 */
    q: z.string().trim().max(100).optional(),
    ward: z.enum(WARDS).optional(),
    industry: z.enum(INDUSTRIES).optional(),
    size: z.enum(COMPANY_SIZES).optional(),
    /** yes: holds a valid certification; no: does not */
    certified: z.enum(CERTIFIED_FILTERS).optional(),
  })
  .strict();

export const listCompanies = defineContract({
  method: "get",
  path: "/api/sdgs/companies",
  tag: "sdgs",
  summary: "登録企業の一覧（事業者名・フリガナ・法人番号で検索、区・業種・規模・認証の有無で絞り込み）",
  allow: ["staff"],
  query: companyListQuery,
  response: pageOf(companyListItem),
});

export const companyDetail = companyListItem.extend({
  postalCode: z.string(),
  address: z.string(),
  website: z.string(),
  version: z.number().int(),
  /** 担当者: only for the bureau that runs the programme; null for other staff */
  contacts: z.object({ contactName: z.string(), contactEmail: z.string(), contactPhone: z.string() }).nullable(),
  /** the company's partner logins: only for the bureau; null for other staff */
  logins: z
    .array(
      z.object({ id: z.string(), loginId: z.string(), disabled: z.boolean(), lastLoginAt: z.string().nullable(), createdAt: z.string() }),
    )
    .nullable(),
  applications: z.array(
    z.object({
      id: z.string(),
      roundName: z.string(),
      fiscalYear: z.number().int(),
      kind: z.string(),
      status: z.string(),
      submittedAt: z.string().nullable(),
      isSample: z.boolean(),
    }),
  ),
  certifications: z.array(
    z.object({
      id: z.string(),
      number: z.string(),
      tierName: z.string(),
      validFrom: z.string(),
      validUntil: z.string(),
      status: z.string(),
      isSample: z.boolean(),
    }),
  ),
  /** whether the caller may see contacts, export and add logins */
  canManage: z.boolean(),
});
export type CompanyDetail = z.infer<typeof companyDetail>;

export const getCompany = defineContract({
  method: "get",
  path: "/api/sdgs/companies/:id",
  tag: "sdgs",
  summary: "登録企業の詳細（申請と認証の履歴。担当者の連絡先とログインは所管局のみ）",
  allow: ["staff"],
  params: idParams,
  response: companyDetail,
});

export const exportCompanies = defineContract({
  method: "get",
  path: "/api/sdgs/companies.csv",
  tag: "sdgs",
  summary: "登録企業の一覧をCSVで出力（担当者の連絡先を含む。出力は監査ログに記録）",
  allow: ["sdgs.manager"],
  query: companyListQuery.omit({ page: true, pageSize: true }),
  kind: "file",
  response: z.unknown(),
});

export const addCompanyLoginBody = z
  .object({
    loginId: loginIdField,
    /** 表示名 (shown in the header and the audit log): e.g. the department, not necessarily a person */
    displayName: z.string().trim().min(1, "表示名を入力してください。").max(100, "表示名は100文字以内にしてください。"),
    password: passwordField,
  })
  .strict()
  .superRefine((body, ctx) => {
    const weak = passwordProblem(body.password, body.loginId);
    if (weak) ctx.addIssue({ code: "custom", path: ["password"], message: weak });
  });
export type AddCompanyLoginBody = z.input<typeof addCompanyLoginBody>;

export const addCompanyLogin = defineContract({
  method: "post",
  path: "/api/sdgs/companies/:id/logins",
  tag: "sdgs",
  summary: "登録企業にログインを追加する（初期パスワードは担当者から企業へ伝え、企業がログイン後に変更する）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: addCompanyLoginBody,
  response: z.object({ id: z.string(), loginId: z.string() }),
});
