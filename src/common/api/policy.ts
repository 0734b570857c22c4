// Contracts of the policy module (局区方針).
import { z } from "zod";
import { DOCUMENT_UPLOAD_MAX_BYTES } from "../upload-limits";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams, okResponse, pageOf, pageQuery } from "./contract";

export const POLICY_EXPORT_FORMATS = ["pdf", "docx", "xlsx", "txt"] as const;
export type PolicyExportFormat = (typeof POLICY_EXPORT_FORMATS)[number];

const area = z.object({ code: z.string(), label: z.string() });
const overviewItem = z.object({
  category: z.string(),
  areaCode: z.string(),
  challengeCode: z.string().nullable(),
  title: z.string().nullable(),
  bullets: z.array(z.string()),
  areaInferred: z.boolean(),
});
const progressContent = z.object({ asOf: z.string(), asOfLabel: z.string(), text: z.string(), status: z.string().nullable() });
const challengeContent = z.object({
  code: z.string(),
  areaCode: z.string(),
  number: z.number().int(),
  category: z.string().nullable(),
  name: z.string(),
  content: z.string(),
  background: z.string(),
  approachHeading: z.string(),
  approach: z.string(),
  analysisNote: z.string().nullable(),
  analysisYear: z.number().int().nullable(),
  progress: z.array(progressContent),
});
export const policyDocumentContent = z.object({
  bureauName: z.string(),
  overviewTitle: z.string(),
  title: z.string(),
  missionHeading: z.string(),
  mission: z.string(),
  challengesHeading: z.string(),
  areas: z.array(area),
  categories: z.array(z.string()),
  overview: z.array(overviewItem),
  challenges: z.array(challengeContent),
});
const parseIssue = z.object({
  severity: z.enum(["error", "warning"]),
  code: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  challengeCode: z.string().optional(),
});

export const policyStatus = z.object({
  label: z.string(),
  sortOrder: z.number().int(),
  tone: z.enum(["neutral", "good", "warning", "danger", "done"]),
  active: z.boolean(),
});
export type PolicyStatus = z.infer<typeof policyStatus>;

const TEXT_LIMIT = 5000;
const longText = (label: string) => z.string().max(TEXT_LIMIT, `${label}は${TEXT_LIMIT}文字以内にしてください。`);

export const documentSummary = z.object({
  id: z.string(),
  organisationId: z.string(),
  organisationName: z.string(),
  fiscalYear: z.number().int(),
  title: z.string(),
  bureauName: z.string(),
  status: z.enum(["draft", "published"]),
  challengeCount: z.number().int(),
  latestAsOf: z.string().nullable(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  isSample: z.boolean(),
  canEdit: z.boolean(),
});
export type PolicyDocumentSummary = z.infer<typeof documentSummary>;

export const progressEntry = z.object({
  id: z.string(),
  asOf: z.string(),
  asOfLabel: z.string(),
  text: z.string(),
  status: z.string().nullable(),
  authorLabel: z.string(),
  createdAt: z.string(),
});
export type ProgressEntry = z.infer<typeof progressEntry>;

export const challengeSummary = z.object({
  id: z.string(),
  documentId: z.string(),
  code: z.string(),
  areaCode: z.string(),
  number: z.number().int(),
  category: z.string().nullable(),
  name: z.string(),
  ownerOrganisationId: z.string().nullable(),
  ownerOrganisationName: z.string().nullable(),
  analysisYear: z.number().int().nullable(),
  latestProgress: progressEntry.nullable(),
  progressCount: z.number().int(),
});
export type ChallengeSummary = z.infer<typeof challengeSummary>;

export const challengeDetail = challengeSummary.extend({
  content: z.string(),
  background: z.string(),
  approachHeading: z.string(),
  approach: z.string(),
  analysisNote: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  progress: z.array(progressEntry),
  document: documentSummary,
});
export type ChallengeDetail = z.infer<typeof challengeDetail>;

export const documentDetail = documentSummary.extend({
  overviewTitle: z.string(),
  missionHeading: z.string(),
  mission: z.string(),
  challengesHeading: z.string(),
  areas: z.array(area),
  categories: z.array(z.string()),
  overview: z.array(overviewItem),
  challenges: z.array(challengeSummary),
  version: z.number().int(),
});
export type PolicyDocumentDetail = z.infer<typeof documentDetail>;

// ------------------------------------------------------------------ statuses

export const listStatuses = defineContract({
  method: "get",
  path: "/api/policy/statuses",
  tag: "policy",
  summary: "進捗ステータスの一覧",
  allow: ["staff"],
  response: z.object({ items: z.array(policyStatus) }),
});

export const saveStatuses = defineContract({
  method: "put",
  path: "/api/policy/statuses",
  tag: "policy",
  summary: "進捗ステータスの設定（システム管理者）",
  allow: ["admin"],
  body: z
    .object({
      items: z
        .array(
          z
            .object({
              label: z.string().trim().min(1, "名称を入力してください。").max(20, "名称は20文字以内にしてください。"),
              tone: z.enum(["neutral", "good", "warning", "danger", "done"]),
              active: z.boolean(),
            })
            .strict(),
        )
        .min(1, "ステータスを1つ以上設定してください。")
        .max(30),
    })
    .strict(),
  response: z.object({ items: z.array(policyStatus) }),
});

// ------------------------------------------------------------------ documents

export const listDocuments = defineContract({
  method: "get",
  path: "/api/policy/documents",
  tag: "policy",
  summary: "局区方針の一覧",
  allow: ["staff"],
  query: z.object({
    fiscalYear: z.coerce.number().int().optional(),
    organisationId: z.uuid().optional(),
    status: z.enum(["draft", "published"]).optional(),
  }),
  response: z.object({ items: z.array(documentSummary) }),
});

const importPreview = z.object({
  document: policyDocumentContent,
  issues: z.array(parseIssue),
  canImport: z.boolean(),
  suggestedFiscalYear: z.number().int().nullable(),
});

export const previewImport = defineContract({
  method: "post",
  path: "/api/policy/import/preview",
  tag: "policy",
  summary: "方針テキストを解析して確認用に返す（保存しない）",
  allow: ["editor"],
  body: z
    .object({ text: z.string().min(1, "テキストを入力してください。").max(500_000, "テキストが長すぎます（50万文字まで）。") })
    .strict(),
  response: importPreview,
});

export const previewImportDocx = defineContract({
  method: "post",
  path: "/api/policy/import/docx",
  tag: "policy",
  summary:
    "Word（.docx）の方針を読み取り、読み取ったテキストと確認用の解析結果を返す（multipart/form-data の file 項目、10MB まで。保存しない。保存はそのテキストで /api/policy/import）",
  allow: ["editor"],
  kind: "multipart",
  uploadMaxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
  response: importPreview.extend({ text: z.string() }),
});

export const importDocument = defineContract({
  method: "post",
  path: "/api/policy/import",
  tag: "policy",
  summary: "方針テキストを取り込んで保存（確認後）",
  allow: ["editor"],
  body: z
    .object({
      text: z.string().min(1).max(500_000),
      organisationId: z.uuid("局を選んでください。"),
      fiscalYear: z.number().int().min(1989, "年度が正しくありません。").max(2200, "年度が正しくありません。"),
      replaceExisting: z.boolean().default(false),
    })
    .strict(),
  response: z.object({ documentId: z.string(), challengeCount: z.number().int(), warnings: z.array(parseIssue) }),
});

export const getDocument = defineContract({
  method: "get",
  path: "/api/policy/documents/:id",
  tag: "policy",
  summary: "局区方針（概要・使命・課題）",
  allow: ["staff"],
  params: idParams,
  response: documentDetail,
});

export const updateDocument = defineContract({
  method: "patch",
  path: "/api/policy/documents/:id",
  tag: "policy",
  summary: "局区方針の表題・組織の使命を編集",
  allow: ["editor"],
  params: idParams,
  body: z
    .object({
      version: z.number().int(),
      title: z.string().trim().min(1, "表題を入力してください。").max(200).optional(),
      overviewTitle: z.string().trim().max(200).optional(),
      missionHeading: z.string().trim().max(200).optional(),
      mission: longText("組織の使命").optional(),
    })
    .strict(),
  response: documentDetail,
});

export const publishDocument = defineContract({
  method: "post",
  path: "/api/policy/documents/:id/publish",
  tag: "policy",
  summary: "公開する（公開ページで誰でも閲覧可能・読み取り専用）",
  allow: ["editor"],
  params: idParams,
  body: z.object({ published: z.boolean() }).strict(),
  response: documentDetail,
});

export const deleteDocument = defineContract({
  method: "delete",
  path: "/api/policy/documents/:id",
  tag: "policy",
  summary: "下書きの局区方針を削除",
  allow: ["editor"],
  params: idParams,
  response: okResponse,
});

export const exportDocument = defineContract({
  method: "get",
  path: "/api/policy/documents/:id/export/:format",
  tag: "policy",
  summary: "出力（PDF・Word・Excel・テキスト）",
  allow: ["staff"],
  kind: "file",
  params: z.object({ id: z.uuid(), format: z.enum(POLICY_EXPORT_FORMATS) }),
  query: z.object({ asOf: z.iso.date().optional() }),
  response: z.unknown(),
});

// ------------------------------------------------------------------ challenges

/** The challenge list's filters, shared by the list and its export. */
const challengeFilter = {
  documentId: z.uuid().optional(),
  area: z.string().max(5).optional(),
  category: z.string().max(100).optional(),
  status: z.string().max(20).optional(),
  ownerOrganisationId: z.uuid().optional(),
  q: z.string().max(100).optional(),
};

export const CHALLENGE_SORTS = ["code", "name", "category", "owner", "latestAsOf", "status"] as const;

export const listChallenges = defineContract({
  method: "get",
  path: "/api/policy/challenges",
  tag: "policy",
  summary: "課題の一覧（領域・分類・状況・担当課で絞り込み）",
  allow: ["staff"],
  query: z.object({
    ...challengeFilter,
    sort: z.enum(CHALLENGE_SORTS).default("code"),
    order: z.enum(["asc", "desc"]).default("asc"),
    ...pageQuery,
  }),
  response: pageOf(challengeSummary),
});

export const exportChallenges = defineContract({
  method: "get",
  path: "/api/policy/challenges/export",
  tag: "policy",
  summary: "課題一覧の出力（CSV・Excel。一覧と同じ絞り込み条件）",
  allow: ["staff"],
  kind: "file",
  query: z.object({
    ...challengeFilter,
    format: z.enum(["csv", "xlsx"]).default("xlsx"),
  }),
  response: z.unknown(),
});

export const getChallenge = defineContract({
  method: "get",
  path: "/api/policy/challenges/:id",
  tag: "policy",
  summary: "課題の詳細と進捗履歴",
  allow: ["staff"],
  params: idParams,
  response: challengeDetail,
});

export const updateChallenge = defineContract({
  method: "patch",
  path: "/api/policy/challenges/:id",
  tag: "policy",
  summary: "課題の①〜④・担当課を編集",
  allow: ["editor"],
  params: idParams,
  body: z
    .object({
      version: z.number().int(),
      name: z.string().trim().min(1, "課題名を入力してください。").max(200, "課題名は200文字以内にしてください。").optional(),
      content: longText("課題の内容").optional(),
      background: longText("課題の背景").optional(),
      approachHeading: z.string().trim().min(1).max(40).optional(),
      approach: longText("取組み").optional(),
      analysisNote: z.string().trim().max(300).nullable().optional(),
      analysisYear: z.number().int().min(1989).max(2200).nullable().optional(),
      category: z.string().trim().max(100).nullable().optional(),
      ownerOrganisationId: z.uuid().nullable().optional(),
    })
    .strict(),
  response: challengeDetail,
});

export const addProgress = defineContract({
  method: "post",
  path: "/api/policy/challenges/:id/progress",
  tag: "policy",
  summary: "⑤ 進捗を新しい時点で追加（履歴として残る）",
  allow: ["editor"],
  params: idParams,
  body: z
    .object({
      asOf: zJapaneseDate,
      /** as written, e.g. "令和6年11月末時点"; derived from asOf when omitted */
      asOfLabel: z.string().trim().max(40).optional(),
      text: z.string().trim().min(1, "進捗の内容を入力してください。").max(TEXT_LIMIT, `進捗の内容は${TEXT_LIMIT}文字以内にしてください。`),
      status: z.string().trim().max(20).nullable(),
    })
    .strict(),
  response: challengeDetail,
});

// ------------------------------------------------------------------ public (citizens)

export const listPublicDocuments = defineContract({
  method: "get",
  path: "/api/public/policy/documents",
  tag: "public",
  summary: "公開中の局区方針の一覧",
  allow: ["anyone"],
  response: z.object({ items: z.array(documentSummary) }),
});

export const getPublicDocument = defineContract({
  method: "get",
  path: "/api/public/policy/documents/:id",
  tag: "public",
  summary: "公開中の局区方針",
  allow: ["anyone"],
  params: idParams,
  response: documentDetail,
});

export const getPublicChallenge = defineContract({
  method: "get",
  path: "/api/public/policy/challenges/:id",
  tag: "public",
  summary: "公開中の局区方針の課題",
  allow: ["anyone"],
  params: idParams,
  response: challengeDetail,
});

export const exportPublicDocument = defineContract({
  method: "get",
  path: "/api/public/policy/documents/:id/export/:format",
  tag: "public",
  summary: "公開中の局区方針の出力（PDF・Word・Excel・テキスト）",
  allow: ["anyone"],
  kind: "file",
  params: z.object({ id: z.uuid(), format: z.enum(POLICY_EXPORT_FORMATS) }),
  query: z.object({ asOf: z.iso.date().optional() }),
  response: z.unknown(),
});

export { pageOf, pageQuery };
