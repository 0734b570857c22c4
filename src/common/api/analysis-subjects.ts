// 経営分析 — subjects (分析対象) and peers (比較団体): one table with a role. The list (filters, search, sort, paging,
// export), one subject with its facilities, activity measures and peers, create/edit (version-checked)/delete, peer
// links, facilities and measures. Every member of staff reads; the bureau responsible for the analyses
// (analysis.manager: its editors and administrators) writes.
import { z } from "zod";
import { LINKED_SOURCES } from "../analysis/figure-items";
import { REVIEW_STATUSES, SUBJECT_KINDS, SUBJECT_ROLES } from "../analysis/labels";
import { formatWareki } from "../dates";
import { defineContract, idParams, pageOf, pageQuery } from "./contract";

/** A calendar year (設立年, 建築年) as the city writes it: 昭和25年（1950年）; the year's end names the era (1989 = 平成元年). */
export function foundedYearLabel(year: number): string {
  try {
    const wareki = formatWareki(`${year}-12-31`, { precision: "month" }).replace(/12月$/, "");
    return `${wareki}（${year}年）`;
  } catch {
    return `${year}年`;
  }
}

const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内です。`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);
const year = (label: string, min: number) =>
  z
    .number({ message: `${label}は数字で入力してください。` })
    .int(`${label}は整数で入力してください。`)
    .min(min, `${label}は${min}年以降です。`)
    .max(2100, `${label}は2100年以前です。`);

// ------------------------------------------------------------------ shapes

export const latestReviewView = z.object({
  id: z.string(),
  fiscalYear: z.number().int(),
  status: z.enum(REVIEW_STATUSES),
  statusLabel: z.string(),
});

export const subjectSummary = z.object({
  id: z.string(),
  name: z.string(),
  shortName: z.string(),
  role: z.enum(SUBJECT_ROLES),
  kind: z.enum(SUBJECT_KINDS),
  kindLabel: z.string(),
  isAffiliatedBody: z.boolean(),
  /** 外郭団体（令和7年度から政策連携団体） / 政策連携団体（旧：外郭団体）, by the analysis year (else this year); null if not one */
  affiliateLabel: z.string().nullable(),
  leadOrganisationId: z.string().nullable(),
  leadOrganisationName: z.string().nullable(),
  /** the lead division's 局 */
  bureauName: z.string().nullable(),
  analysisFiscalYear: z.number().int().nullable(),
  location: z.string(),
  linkedSource: z.enum(LINKED_SOURCES).nullable(),
  /** subjects: their peers' names; peers: the subjects they are compared with */
  linkedNames: z.array(z.string()),
  reviewCount: z.number().int(),
  latestReview: latestReviewView.nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
});
export type SubjectSummary = z.infer<typeof subjectSummary>;

export const facilityView = z.object({
  id: z.string(),
  name: z.string(),
  builtYear: z.number().int(),
  floorAreaM2: z.number().nullable(),
  lastRenovatedYear: z.number().int().nullable(),
  note: z.string(),
  /** 築年数 at the end of the current fiscal year (3/31) */
  ageAtFiscalYearEnd: z.number().int(),
  isSample: z.boolean(),
});
export type FacilityView = z.infer<typeof facilityView>;

export const measureView = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  /** read from another module's index (sdgs.consultations …): never renamed, deleted or typed */
  linkedFigure: z.string().nullable(),
  /** where a linked measure comes from (LINKED_SOURCE_INFO's label) */
  linkedLabel: z.string().nullable(),
  isCostBasis: z.boolean(),
});
export type MeasureView = z.infer<typeof measureView>;

export const subjectRef = z.object({ id: z.string(), name: z.string(), location: z.string(), kindLabel: z.string() });

export const subjectDetail = subjectSummary.extend({
  cityStakePercent: z.number().nullable(),
  cityRole: z.string(),
  purpose: z.string(),
  foundedYear: z.number().int().nullable(),
  note: z.string(),
  /** the fiscal year the facilities' ages are counted at (its end, 3/31) */
  currentFiscalYear: z.number().int(),
  facilities: z.array(facilityView),
  measures: z.array(measureView),
  /** subjects: their peers */
  peers: z.array(subjectRef),
  /** peers: the subjects they are compared with */
  peerOf: z.array(subjectRef),
  reviews: z.array(latestReviewView),
  canManage: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SubjectDetail = z.infer<typeof subjectDetail>;

// ------------------------------------------------------------------ list and export

export const SUBJECT_SORTS = ["name", "kind", "analysisYear", "updated"] as const;
export type SubjectSort = (typeof SUBJECT_SORTS)[number];

const listFilter = {
  role: z.enum(SUBJECT_ROLES).optional(),
  kind: z.enum(SUBJECT_KINDS).optional(),
  analysisYear: z.coerce.number().int().min(2000).max(2100).optional(),
  /** words in the name, short name, location, purpose and lead division */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(SUBJECT_SORTS).default("analysisYear"),
  order: z.enum(["asc", "desc"]).default("asc"),
};

export const listSubjects = defineContract({
  method: "get",
  path: "/api/analysis/subjects",
  tag: "analysis",
  summary: "経営分析の対象・比較団体の一覧（区分・種別・分析年度・語句で絞り込み、並べ替え、ページ送り。分析の件数と最新の状態つき）",
  allow: ["staff"],
  query: z.object({ ...listFilter, ...pageQuery }).strict(),
  response: pageOf(subjectSummary).extend({ canManage: z.boolean() }),
});

export const exportSubjects = defineContract({
  method: "get",
  path: "/api/analysis/subjects/export",
  tag: "analysis",
  summary: "経営分析の対象・比較団体の一覧をExcelまたはCSV（UTF-8 BOM付き）で出力（絞り込みは一覧と同じ。年度は和暦と西暦）",
  allow: ["staff"],
  query: z.object({ ...listFilter, format: z.enum(["csv", "xlsx"]).default("xlsx") }).strict(),
  kind: "file",
  response: z.unknown(),
});

// ------------------------------------------------------------------ one subject

export const getSubject = defineContract({
  method: "get",
  path: "/api/analysis/subjects/:id",
  tag: "analysis",
  summary: "経営分析の対象・比較団体の詳細（施設、活動指標、比較団体、経営分析の一覧）",
  allow: ["staff"],
  params: idParams,
  response: subjectDetail,
});

const stake = z
  .number({ message: "市の出資比率は数字で入力してください。" })
  .min(0, "市の出資比率は0〜100の範囲です。")
  .max(100, "市の出資比率は0〜100の範囲です。")
  .multipleOf(0.01, "市の出資比率は小数第2位までです。")
  .nullable();

const subjectFields = {
  name: required("名称", 120),
  shortName: text("略称", 40).default(""),
  kind: z.enum(SUBJECT_KINDS, { message: "種別を選んでください。" }),
  isAffiliatedBody: z.boolean().default(false),
  leadOrganisationId: z.uuid({ message: "所管課を選び直してください。" }).nullable().default(null),
  cityStakePercent: stake.default(null),
  cityRole: text("市の関与・役割", 2000).default(""),
  purpose: text("設立目的・事業の目的", 4000).default(""),
  foundedYear: year("設立年", 1850).nullable().default(null),
  /** subjects only */
  analysisFiscalYear: year("分析年度", 2000).nullable().default(null),
  /** peers: 所在都市 */
  location: text("所在地", 80).default(""),
  /** subjects only: figures read from another module */
  linkedSource: z.enum(LINKED_SOURCES, { message: "連携元を選び直してください。" }).nullable().default(null),
  note: text("備考", 2000).default(""),
};

export const createSubjectBody = z
  .object({
    role: z.enum(SUBJECT_ROLES, { message: "分析対象か比較団体かを選んでください。" }),
    ...subjectFields,
    /** a new peer: the subject it is compared with (linked in the same transaction) */
    peerOf: z.uuid({ message: "比較する分析対象を選び直してください。" }).nullable().default(null),
  })
  .strict();
export type CreateSubjectInput = z.input<typeof createSubjectBody>;

export const createSubject = defineContract({
  method: "post",
  path: "/api/analysis/subjects",
  tag: "analysis",
  summary: "分析対象・比較団体を登録（連携元を選ぶと、その活動指標を同じトランザクションで作成）",
  allow: ["analysis.manager"],
  body: createSubjectBody,
  response: subjectDetail,
});

export const updateSubjectBody = z.object({ version: z.number().int().min(1), ...subjectFields }).strict();
export type UpdateSubjectInput = z.input<typeof updateSubjectBody>;

export const updateSubject = defineContract({
  method: "patch",
  path: "/api/analysis/subjects/:id",
  tag: "analysis",
  summary: "分析対象・比較団体を編集（版の確認つき。連携元を変えると連携の活動指標を入れ替え）",
  allow: ["analysis.manager"],
  params: idParams,
  body: updateSubjectBody,
  response: subjectDetail,
});

export const deleteSubject = defineContract({
  method: "delete",
  path: "/api/analysis/subjects/:id",
  tag: "analysis",
  summary: "分析対象・比較団体を削除（経営分析のある対象は削除できません）",
  allow: ["analysis.manager"],
  params: idParams,
  query: z.object({ version: z.coerce.number().int().min(1) }).strict(),
  response: z.object({ ok: z.literal(true) }),
});

// ------------------------------------------------------------------ peers of a subject

const peerParams = z.object({
  id: z.uuid({ message: "IDの形式が正しくありません" }),
  peerId: z.uuid({ message: "IDの形式が正しくありません" }),
});

export const addPeer = defineContract({
  method: "post",
  path: "/api/analysis/subjects/:id/peers",
  tag: "analysis",
  summary: "分析対象に比較団体を追加（登録済みの比較団体から）",
  allow: ["analysis.manager"],
  params: idParams,
  body: z.object({ peerId: z.uuid({ message: "比較団体を選んでください。" }) }).strict(),
  response: subjectDetail,
});

export const removePeer = defineContract({
  method: "delete",
  path: "/api/analysis/subjects/:id/peers/:peerId",
  tag: "analysis",
  summary: "分析対象から比較団体を外す（比較団体そのものは残ります）",
  allow: ["analysis.manager"],
  params: peerParams,
  response: subjectDetail,
});

// ------------------------------------------------------------------ facilities

export const facilityBody = z
  .object({
    name: required("施設名", 80),
    builtYear: year("建築年", 1850),
    floorAreaM2: z
      .number({ message: "延床面積は数字で入力してください。" })
      .positive("延床面積は0より大きい数字です。")
      .max(9_999_999_999, "延床面積が大きすぎます。")
      .nullable()
      .default(null),
    lastRenovatedYear: year("直近の改修年", 1850).nullable().default(null),
    note: text("備考", 500).default(""),
  })
  .strict()
  .refine((f) => f.lastRenovatedYear === null || f.lastRenovatedYear >= f.builtYear, {
    message: "直近の改修年は建築年以降です。",
    path: ["lastRenovatedYear"],
  });
export type FacilityInput = z.input<typeof facilityBody>;

const facilityParams = z.object({ facilityId: z.uuid({ message: "IDの形式が正しくありません" }) });

export const addFacility = defineContract({
  method: "post",
  path: "/api/analysis/subjects/:id/facilities",
  tag: "analysis",
  summary: "対象・比較団体の施設を追加（建築年から築年数を計算）",
  allow: ["analysis.manager"],
  params: idParams,
  body: facilityBody,
  response: subjectDetail,
});

export const updateFacility = defineContract({
  method: "patch",
  path: "/api/analysis/facilities/:facilityId",
  tag: "analysis",
  summary: "施設を編集",
  allow: ["analysis.manager"],
  params: facilityParams,
  body: facilityBody,
  response: subjectDetail,
});

export const deleteFacility = defineContract({
  method: "delete",
  path: "/api/analysis/facilities/:facilityId",
  tag: "analysis",
  summary: "施設を削除",
  allow: ["analysis.manager"],
  params: facilityParams,
  response: subjectDetail,
});

// ------------------------------------------------------------------ activity measures (definitions)

export const measureBody = z
  .object({
    name: required("活動指標の名称", 60),
    unit: required("単位", 20),
    isCostBasis: z.boolean().default(false),
  })
  .strict();
export type MeasureInput = z.input<typeof measureBody>;

const measureParams = z.object({ measureId: z.uuid({ message: "IDの形式が正しくありません" }) });

export const addMeasure = defineContract({
  method: "post",
  path: "/api/analysis/subjects/:id/measures",
  tag: "analysis",
  summary: "対象・比較団体の活動指標を追加（年度ごとの値は数値の画面で入力）",
  allow: ["analysis.manager"],
  params: idParams,
  body: measureBody,
  response: subjectDetail,
});

export const updateMeasure = defineContract({
  method: "patch",
  path: "/api/analysis/measures/:measureId",
  tag: "analysis",
  summary: "活動指標を編集（連携元から読む指標は名称と単位を変えられません）",
  allow: ["analysis.manager"],
  params: measureParams,
  body: measureBody,
  response: subjectDetail,
});

export const deleteMeasure = defineContract({
  method: "delete",
  path: "/api/analysis/measures/:measureId",
  tag: "analysis",
  summary: "活動指標を削除（年度ごとの値も削除。連携元から読む指標は削除できません）",
  allow: ["analysis.manager"],
  params: measureParams,
  response: subjectDetail,
});
