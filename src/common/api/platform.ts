// Contracts of the platform endpoints: health, authentication, administration, audit, search, jobs.
import { z } from "zod";
import { PASSWORD_MAX_LENGTH } from "../password-rules";
import { TABLE_UPLOAD_MAX_BYTES } from "../upload-limits";
import { defineContract, idParams, okResponse, pageOf, pageQuery } from "./contract";

export const ROLES = ["admin", "editor", "viewer", "partner"] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  admin: "システム管理者",
  editor: "局編集者",
  viewer: "閲覧者",
  partner: "外部パートナー",
};

export const ORGANISATION_KINDS = ["municipality", "bureau", "department", "division", "external"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  municipality: "自治体",
  bureau: "局",
  department: "部",
  division: "課",
  external: "外部団体",
};

const loginId = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, "ログインIDは3文字以上にしてください。")
  .max(100, "ログインIDは100文字以内にしてください。")
  .regex(/^[a-z0-9._@-]+$/, "ログインIDは半角英数字と . _ @ - で入力してください。");
const password = z.string().min(1, "パスワードを入力してください。").max(PASSWORD_MAX_LENGTH);
const displayName = z.string().trim().min(1, "氏名を入力してください。").max(100, "氏名は100文字以内にしてください。");

export const sessionUser = z.object({
  id: z.string(),
  loginId: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  organisationId: z.string(),
  organisationName: z.string(),
  bureauId: z.string().nullable(),
  bureauName: z.string().nullable(),
});
export type SessionUser = z.infer<typeof sessionUser>;

const sessionState = z.object({
  user: sessionUser.nullable(),
  /** the module audiences the user belongs to (e.g. vision.council), for choosing pages; the server checks each call */
  audiences: z.array(z.string()),
  csrfToken: z.string().nullable(),
  setupRequired: z.boolean(),
});

export const health = defineContract({
  method: "get",
  path: "/api/health",
  tag: "platform",
  summary: "稼働状況",
  allow: ["anyone"],
  response: z.object({ status: z.literal("ok"), database: z.enum(["pglite", "postgres"]), version: z.string() }),
});

export const getSession = defineContract({
  method: "get",
  path: "/api/auth/session",
  tag: "auth",
  summary: "現在のログイン状態とCSRFトークン",
  allow: ["anyone"],
  response: sessionState,
});

export const login = defineContract({
  method: "post",
  path: "/api/auth/login",
  tag: "auth",
  summary: "ログイン",
  allow: ["anyone"],
  body: z.object({ loginId, password }).strict(),
  response: sessionState,
});

export const logout = defineContract({
  method: "post",
  path: "/api/auth/logout",
  tag: "auth",
  summary: "ログアウト",
  allow: ["signedIn"],
  body: z.object({}).strict(),
  response: okResponse,
});

export const setupStatus = defineContract({
  method: "get",
  path: "/api/auth/setup",
  tag: "auth",
  summary: "初期設定リンクが有効か（有効なら、管理者の所属に選べる市の組織も）",
  allow: ["anyone"],
  query: z.object({ token: z.string().max(200) }),
  response: z.object({
    valid: z.boolean(),
    /** the city's own organisations in tree order (never an external one); empty unless the link is valid */
    organisations: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(ORGANISATION_KINDS), depth: z.number().int() })),
    /** 政策局 when it exists, else the city itself; null when no organisation exists yet (本市 is then created) */
    defaultOrganisationId: z.string().nullable(),
  }),
});

export const completeSetup = defineContract({
  method: "post",
  path: "/api/auth/setup",
  tag: "auth",
  summary: "最初のシステム管理者を作成（初期設定リンクのトークンが必要）",
  allow: ["anyone"],
  body: z
    .object({
      token: z.string().min(1).max(200),
      loginId,
      displayName,
      password,
      organisationId: z.uuid("所属を選んでください。").optional(),
    })
    .strict(),
  response: sessionState,
});

export const changePassword = defineContract({
  method: "post",
  path: "/api/auth/password",
  tag: "auth",
  summary: "自分のパスワードを変更",
  allow: ["signedIn"],
  body: z.object({ currentPassword: password, newPassword: password }).strict(),
  response: sessionState,
});

// ------------------------------------------------------------------ the user's own sessions (ログイン中の端末)

export const ownSession = z.object({
  id: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  /** the address the session was started from (as the server saw it), when known */
  clientAddress: z.string().nullable(),
  userAgent: z.string().nullable(),
  /** the session making this request (この端末) */
  current: z.boolean(),
});
export type OwnSession = z.infer<typeof ownSession>;

export const listOwnSessions = defineContract({
  method: "get",
  path: "/api/auth/sessions",
  tag: "auth",
  summary: "自分のログイン中のセッション（端末）の一覧",
  allow: ["signedIn"],
  response: z.object({ items: z.array(ownSession) }),
});

export const endOwnSession = defineContract({
  method: "delete",
  path: "/api/auth/sessions/:id",
  tag: "auth",
  summary: "自分のほかの端末のセッションを終了（この端末はログアウトで終了）",
  allow: ["signedIn"],
  params: idParams,
  response: okResponse,
});

export const endOtherSessions = defineContract({
  method: "post",
  path: "/api/auth/sessions/end-others",
  tag: "auth",
  summary: "この端末以外の自分のセッションをすべて終了",
  allow: ["signedIn"],
  body: z.object({}).strict(),
  response: z.object({ ended: z.number().int() }),
});

// ------------------------------------------------------------------ organisations

export const organisation = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string(),
  code: z.string().nullable(),
  sortOrder: z.number().int(),
  isSample: z.boolean(),
  userCount: z.number().int(),
});
export type Organisation = z.infer<typeof organisation>;

export const listOrganisations = defineContract({
  method: "get",
  path: "/api/organisations",
  tag: "admin",
  summary: "組織の一覧（木構造は parentId で表す。職員のみ）",
  allow: ["staff"],
  response: z.object({ items: z.array(organisation) }),
});

const organisationFields = {
  parentId: z.uuid().nullable(),
  kind: z.enum(ORGANISATION_KINDS),
  name: z.string().trim().min(1, "組織名を入力してください。").max(100, "組織名は100文字以内にしてください。"),
  code: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, "組織コードは半角英数字・_・- で40文字以内にしてください。")
    .nullable(),
  sortOrder: z.number().int().min(0).max(100000),
};

export const createOrganisation = defineContract({
  method: "post",
  path: "/api/admin/organisations",
  tag: "admin",
  summary: "組織を追加",
  allow: ["admin"],
  body: z
    .object({ ...organisationFields, code: organisationFields.code.optional(), sortOrder: organisationFields.sortOrder.optional() })
    .strict(),
  response: organisation,
});

export const updateOrganisation = defineContract({
  method: "patch",
  path: "/api/admin/organisations/:id",
  tag: "admin",
  summary: "組織を変更",
  allow: ["admin"],
  params: idParams,
  body: z.object(organisationFields).partial().strict(),
  response: organisation,
});

// ------------------------------------------------------------------ users

export const adminUser = z.object({
  id: z.string(),
  loginId: z.string(),
  displayName: z.string(),
  email: z.string().nullable(),
  role: z.enum(ROLES),
  organisationId: z.string(),
  organisationName: z.string(),
  disabled: z.boolean(),
  locked: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
  isSample: z.boolean(),
});
export type AdminUser = z.infer<typeof adminUser>;

export const USER_SORTS = ["loginId", "displayName", "role", "organisation", "lastLoginAt", "createdAt"] as const;

export const listUsers = defineContract({
  method: "get",
  path: "/api/admin/users",
  tag: "admin",
  summary: "利用者の一覧（検索・絞り込み・並べ替え・ページング）",
  allow: ["admin"],
  query: z.object({
    q: z.string().max(100).optional(),
    role: z.enum(ROLES).optional(),
    organisationId: z.uuid().optional(),
    sort: z.enum(USER_SORTS).default("loginId"),
    order: z.enum(["asc", "desc"]).default("asc"),
    ...pageQuery,
  }),
  response: pageOf(adminUser),
});

const email = z.email("メールアドレスの形式が正しくありません。").max(200).nullable();

export const createUser = defineContract({
  method: "post",
  path: "/api/admin/users",
  tag: "admin",
  summary: "利用者を追加",
  allow: ["admin"],
  body: z
    .object({
      loginId,
      displayName,
      email: email.optional(),
      role: z.enum(ROLES),
      organisationId: z.uuid("所属を選んでください。"),
      password,
    })
    .strict(),
  response: adminUser,
});

export const updateUser = defineContract({
  method: "patch",
  path: "/api/admin/users/:id",
  tag: "admin",
  summary: "利用者を変更（権限・所属・無効化）",
  allow: ["admin"],
  params: idParams,
  body: z
    .object({ displayName, email, role: z.enum(ROLES), organisationId: z.uuid(), disabled: z.boolean() })
    .partial()
    .strict(),
  response: adminUser,
});

export const resetUserPassword = defineContract({
  method: "post",
  path: "/api/admin/users/:id/password",
  tag: "admin",
  summary: "利用者のパスワードを再設定（その利用者のセッションは無効になります）",
  allow: ["admin"],
  params: idParams,
  body: z.object({ password }).strict(),
  response: okResponse,
});

export const unlockUser = defineContract({
  method: "post",
  path: "/api/admin/users/:id/unlock",
  tag: "admin",
  summary: "ロックされたアカウントを解除",
  allow: ["admin"],
  params: idParams,
  body: z.object({}).strict(),
  response: adminUser,
});

// ------------------------------------------------------------------ audit

export const auditEntry = z.object({
  id: z.number().int(),
  occurredAt: z.string(),
  actorUserId: z.string().nullable(),
  actorLabel: z.string(),
  /** the actor's name now (the label kept with the row for the system or a removed account) */
  actorName: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  /** the record's name where the platform owns it (利用者, 組織); null otherwise */
  entityName: z.string().nullable(),
  summary: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  requestId: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntry>;

const auditFilter = {
  q: z.string().max(100).optional(),
  entityType: z.string().max(60).optional(),
  action: z.string().max(60).optional(),
  actorUserId: z.uuid().optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
};

export const listAudit = defineContract({
  method: "get",
  path: "/api/admin/audit",
  tag: "admin",
  summary: "監査ログの検索",
  allow: ["admin"],
  query: z.object({ ...auditFilter, ...pageQuery }),
  response: pageOf(auditEntry),
});

export const listAuditActors = defineContract({
  method: "get",
  path: "/api/admin/audit/actors",
  tag: "admin",
  summary: "監査ログに記録のある利用者（利用者で絞り込むための選択肢）",
  allow: ["admin"],
  response: z.object({ items: z.array(z.object({ id: z.string(), displayName: z.string(), loginId: z.string() })) }),
});

export const exportAudit = defineContract({
  method: "get",
  path: "/api/admin/audit/export",
  tag: "admin",
  summary: "監査ログのCSV出力（検索条件に一致するもの）",
  allow: ["admin"],
  kind: "file",
  query: z.object({ ...auditFilter, format: z.enum(["csv", "xlsx"]).default("csv") }),
  response: z.unknown(),
});

// ------------------------------------------------------------------ search

export const searchHit = z.object({
  module: z.string(),
  moduleLabel: z.string(),
  entityType: z.string(),
  entityId: z.string(),
  title: z.string(),
  snippet: z.string(),
  url: z.string(),
  score: z.number(),
});
export type SearchHit = z.infer<typeof searchHit>;

export const search = defineContract({
  method: "get",
  path: "/api/search",
  tag: "platform",
  summary: "全モジュール横断検索（2文字以上の任意の部分一致）",
  allow: ["signedIn"],
  query: z.object({
    q: z.string().trim().min(2, "2文字以上で検索してください。").max(100),
    module: z.string().max(40).optional(),
    ...pageQuery,
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  }),
  response: pageOf(searchHit),
});

// ------------------------------------------------------------------ jobs

export const jobRun = z.object({
  id: z.string(),
  kind: z.string(),
  status: z.enum(["queued", "running", "succeeded", "failed"]),
  progress: z.number().int(),
  total: z.number().int().nullable(),
  message: z.string(),
  result: z.unknown().nullable(),
  error: z.string().nullable(),
  /** finished without changing anything because the input was refused (an import with errors: result.ok false) */
  rejected: z.boolean(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type JobRun = z.infer<typeof jobRun>;

export const getJob = defineContract({
  method: "get",
  path: "/api/jobs/:id",
  tag: "platform",
  summary: "長い処理（ジョブ）の進捗",
  allow: ["signedIn"],
  params: idParams,
  response: jobRun,
});

export const startReindex = defineContract({
  method: "post",
  path: "/api/admin/search/reindex",
  tag: "admin",
  summary: "横断検索の索引を作り直す（ジョブとして実行し、進捗は /api/jobs/:id）",
  allow: ["admin"],
  body: z.object({}).strict(),
  response: z.object({ jobId: z.string() }),
});

// ------------------------------------------------------------------ tabular imports and files

export const importKindInfo = z.object({
  kind: z.string(),
  label: z.string(),
  columns: z.array(z.object({ label: z.string(), required: z.boolean() })),
});

export const listImportKinds = defineContract({
  method: "get",
  path: "/api/imports",
  tag: "platform",
  summary: "CSV/Excel で一括取り込みできるデータの種類と列",
  allow: ["staff"],
  response: z.object({ items: z.array(importKindInfo) }),
});

export const importTemplate = defineContract({
  method: "get",
  path: "/api/imports/:kind/template",
  tag: "platform",
  summary: "取り込み用のひな形（見出し行だけの CSV、UTF-8 BOM 付き）",
  allow: ["editor"],
  kind: "file",
  params: z.object({ kind: z.string().max(60) }),
  response: z.unknown(),
});

export const startImport = defineContract({
  method: "post",
  path: "/api/imports/:kind",
  tag: "platform",
  summary:
    "CSV（UTF-8 / Shift_JIS）か Excel を取り込む（multipart/form-data の file 項目、20MB まで）。全行が正しいときだけ一括で反映され、進捗と結果は /api/jobs/:id",
  allow: ["editor"],
  kind: "multipart",
  uploadMaxBytes: TABLE_UPLOAD_MAX_BYTES,
  params: z.object({ kind: z.string().max(60) }),
  response: z.object({ jobId: z.string() }),
});

/** What an import job's `result` holds. */
export const importJobResult = z.union([
  z.object({ ok: z.literal(true), count: z.number(), summary: z.string(), duplicate: z.boolean() }),
  z.object({
    ok: z.literal(false),
    errorCount: z.number(),
    errors: z.array(z.object({ row: z.number(), column: z.string().optional(), message: z.string() })),
    reportFileId: z.string(),
  }),
]);
export type ImportJobResult = z.infer<typeof importJobResult>;

export const downloadFile = defineContract({
  method: "get",
  path: "/api/files/:id",
  tag: "platform",
  summary:
    "保存されたファイル（取り込みエラー報告など）をダウンロード（ファイルの持ち主の記録の権限で確認。取り込みのファイルは作成者と管理者）",
  allow: ["signedIn"],
  kind: "file",
  params: idParams,
  response: z.unknown(),
});
