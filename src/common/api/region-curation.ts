// Contracts of the hub's curation (issue 17): a 市町's open-data file taken in (取込: items upserted by the publisher's
// ID, rows that cannot be taken held as 保留行), the held rows fixed or set aside, and the items reviewed, added by
// hand, translated, published and (by the bureau's region editors) featured. Every member of staff reads; the bureau's
// region editors (region.manager) act on every 市町; a 市町's editors (region.editor) on their own 市町 only — another
// 市町's record answers them 404.
import { z } from "zod";
import { DATASET_KEYS } from "../region/datasets";
import { TABLE_UPLOAD_MAX_BYTES } from "../upload-limits";
import { defineContract, idParams, okResponse, pageOf } from "./contract";

const TAG = "region";
const READERS = ["staff", "region.editor"] as const;
const EDITORS = ["region.manager", "region.editor"] as const;

const municipalityCode = z
  .string({ error: "市町を選んでください。" })
  .regex(/^[0-9]{6}$/, "市町は全国地方公共団体コード（6桁）で指定してください。");
const dataset = z.enum(DATASET_KEYS, { error: "データセットを選んでください。" });
const version = z.number({ error: "版数（version）が必要です。" }).int().min(1);
const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

/** An item's values by 正式版 column (the dataset's columns; unknown names are refused by the service). */
export const fieldValues = z
  .record(z.string().max(100), z.string().max(10_000, "1つの項目は10,000文字以内で入力してください。"))
  .refine((fields) => Object.keys(fields).length <= 100, "項目が多すぎます。");

const translationText = (label: string, max: number) =>
  z.string().trim().max(max, `${label}は${max}文字以内で入力してください。`).default("");

export const ITEM_STATUSES = ["draft", "published", "withdrawn"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
export const ITEM_STATUS_LABELS: Record<ItemStatus, string> = { draft: "下書き", published: "公開中", withdrawn: "公開停止" };

export const PROBLEM_STATUSES = ["open", "fixed", "dismissed"] as const;
export type ProblemStatus = (typeof PROBLEM_STATUSES)[number];
export const PROBLEM_STATUS_LABELS: Record<ProblemStatus, string> = { open: "未対応", fixed: "修正済み", dismissed: "除外" };

export const ITEM_ORIGIN_LABELS = { import: "取込", editor: "手入力" } as const;

export const originalRow = z.object({
  fileName: z.string(),
  rowNumber: z.number().int(),
  header: z.array(z.string()),
  values: z.array(z.string()),
});
export type OriginalRowView = z.infer<typeof originalRow>;

export const rowProblem = z.object({ column: z.string(), code: z.string(), message: z.string() });
export type RowProblem = z.infer<typeof rowProblem>;

// ------------------------------------------------------------------------------------------------ who and where

export const curationContext = defineContract({
  method: "get",
  path: "/api/region/curation/context",
  tag: TAG,
  summary: "取込と掲載情報の画面の前提（連携市町の一覧、自分が編集できる市町、おすすめを設定できるか）",
  allow: READERS,
  response: z.object({
    municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
    /** all: the bureau's region editors; a code: a 市町 editor's own 市町; none: staff who only read */
    scope: z.union([
      z.object({ kind: z.literal("all") }),
      z.object({ kind: z.literal("own"), code: z.string(), name: z.string() }),
      z.object({ kind: z.literal("none") }),
    ]),
    canFeature: z.boolean(),
  }),
});

// ------------------------------------------------------------------------------------------------ items 掲載情報

export const ITEM_SORTS = ["-updatedAt", "updatedAt", "name", "-name", "municipality", "-municipality", "startDate", "-startDate"] as const;
export type ItemSort = (typeof ITEM_SORTS)[number];

export const itemFilters = {
  municipalityCode: municipalityCode.optional(),
  dataset: dataset.optional(),
  status: z.enum(ITEM_STATUSES).optional(),
  featured: z.enum(["true", "false"]).optional(),
  /** 名称・カナ・英語名・所在地 */
  q: z.string().trim().max(100, "キーワードは100文字以内で入力してください。").optional(),
};

export const itemListQuery = z.object({ ...pageQuery, ...itemFilters, sort: z.enum(ITEM_SORTS).default("-updatedAt") }).strict();
export type ItemListQuery = z.input<typeof itemListQuery>;
export type ItemListFilter = z.output<typeof itemListQuery>;

export const itemSummary = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  dataset: z.enum(DATASET_KEYS),
  sourceId: z.string().nullable(),
  origin: z.enum(["import", "editor"]),
  name: z.string(),
  nameEn: z.string(),
  category: z.string(),
  address: z.string(),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  hasLocation: z.boolean(),
  status: z.enum(ITEM_STATUSES),
  featured: z.boolean(),
  publishedAt: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  isSample: z.boolean(),
});
export type ItemSummary = z.infer<typeof itemSummary>;

export const listItems = defineContract({
  method: "get",
  path: "/api/region/items",
  tag: TAG,
  summary: "情報ハブの掲載情報の一覧（市町・データセット・状態・おすすめ・キーワードで絞り込み、並べ替え。市町の編集者には自分の市町だけ）",
  allow: READERS,
  query: itemListQuery,
  response: pageOf(itemSummary),
});

export const exportItemsCsv = defineContract({
  method: "get",
  path: "/api/region/items.csv",
  tag: TAG,
  summary: "掲載情報の一覧を CSV（UTF-8 BOM 付き）で出力（一覧と同じ絞り込みと並び。出力は監査ログに残ります）",
  allow: READERS,
  kind: "file",
  query: z.object({ ...itemFilters, sort: z.enum(ITEM_SORTS).default("-updatedAt") }).strict(),
  response: z.unknown(),
});

export const itemDetail = itemSummary.extend({
  nameKana: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  url: z.string(),
  imageUrl: z.string(),
  /** the source of truth, by 正式版 column (what the export writes) */
  fields: z.record(z.string(), z.string()),
  /** the row as the 市町's file had it */
  original: originalRow.nullable(),
  import: z.object({ id: z.string(), fileName: z.string(), createdAt: z.string() }).nullable(),
  featuredAt: z.string().nullable(),
  createdAt: z.string(),
  createdByName: z.string().nullable(),
  updatedByName: z.string().nullable(),
  canEdit: z.boolean(),
  canFeature: z.boolean(),
  canDelete: z.boolean(),
});
export type ItemDetail = z.infer<typeof itemDetail>;

export const getItem = defineContract({
  method: "get",
  path: "/api/region/items/:id",
  tag: TAG,
  summary: "掲載情報（1件）: 正式版の項目、元の行、取込元",
  allow: READERS,
  params: idParams,
  response: itemDetail,
});

const itemContent = {
  fields: fieldValues,
  nameEn: translationText("英語の名称", 300),
  descriptionEn: translationText("英語の説明", 4000),
};

export const createItemBody = z.object({ municipalityCode, dataset, ...itemContent }).strict();
export type CreateItemInput = z.output<typeof createItemBody>;

export const createItem = defineContract({
  method: "post",
  path: "/api/region/items",
  tag: TAG,
  summary: "掲載情報を手入力で追加（下書き。正式版の項目ごとに検査）",
  allow: EDITORS,
  body: createItemBody,
  response: itemDetail,
});

export const updateItemBody = z.object({ version, ...itemContent }).strict();
export type UpdateItemInput = z.output<typeof updateItemBody>;

export const updateItem = defineContract({
  method: "put",
  path: "/api/region/items/:id",
  tag: TAG,
  summary: "掲載情報を変更（正式版の項目と英語の名称・説明。項目ごとに検査し、版数で同時更新を防ぎます）",
  allow: EDITORS,
  params: idParams,
  body: updateItemBody,
  response: itemDetail,
});

const versionBody = z.object({ version }).strict();

export const publishItem = defineContract({
  method: "post",
  path: "/api/region/items/:id/publish",
  tag: TAG,
  summary: "掲載情報を公開（公開ページに載ります）",
  allow: EDITORS,
  params: idParams,
  body: versionBody,
  response: itemDetail,
});

export const unpublishItem = defineContract({
  method: "post",
  path: "/api/region/items/:id/unpublish",
  tag: TAG,
  summary: "掲載情報の公開を停止（おすすめも外れます）",
  allow: EDITORS,
  params: idParams,
  body: versionBody,
  response: itemDetail,
});

export const featureItem = defineContract({
  method: "post",
  path: "/api/region/items/:id/feature",
  tag: TAG,
  summary: "公開中の掲載情報を広域のおすすめにする（所管局の担当者）",
  allow: ["region.manager"],
  params: idParams,
  body: versionBody,
  response: itemDetail,
});

export const unfeatureItem = defineContract({
  method: "post",
  path: "/api/region/items/:id/unfeature",
  tag: TAG,
  summary: "広域のおすすめから外す（所管局の担当者）",
  allow: ["region.manager"],
  params: idParams,
  body: versionBody,
  response: itemDetail,
});

export const deleteItem = defineContract({
  method: "delete",
  path: "/api/region/items/:id",
  tag: TAG,
  summary: "手入力した下書きの掲載情報を削除（取込んだもの・公開したことのあるものは公開停止で扱います）",
  allow: EDITORS,
  params: idParams,
  query: z.object({ version: z.coerce.number().int().min(1) }).strict(),
  response: okResponse,
});

// ------------------------------------------------------------------------------------------------ imports 取込

/** The text parts of the upload form (besides the file). */
export const importFormFields = z.object({ municipalityCode, dataset }).strict();
export type ImportFormFields = z.output<typeof importFormFields>;

export const startImport = defineContract({
  method: "post",
  path: "/api/region/imports",
  tag: TAG,
  summary:
    "市町のオープンデータ（CSV / TSV、20MB まで）を取り込む（multipart/form-data の file・municipalityCode・dataset）。ID が同じ行は更新、取り込めない行は保留行に。全件か何もしないか。進捗と結果は /api/jobs/:id",
  allow: EDITORS,
  kind: "multipart",
  uploadMaxBytes: TABLE_UPLOAD_MAX_BYTES,
  response: z.object({ jobId: z.string() }),
});

/** The import job's result (GET /api/jobs/:id → result). */
export const importJobResult = z.union([
  z.object({
    ok: z.literal(true),
    importId: z.string(),
    encoding: z.string(),
    headerGeneration: z.string(),
    rowsRead: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    problems: z.number().int(),
    skipped: z.number().int(),
    /** what the editor should know: the header's own problems (a column the dataset lacks …) and repairs made (a
     * 5-digit code completed …), never silent; the first NOTICES_SHOWN of them */
    notices: z.array(z.string()),
    noticeCount: z.number().int(),
  }),
  z.object({ ok: z.literal(false), message: z.string() }),
]);
export type ImportJobResult = z.infer<typeof importJobResult>;

export const importSummary = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  dataset: z.enum(DATASET_KEYS),
  fileName: z.string(),
  encoding: z.string(),
  headerGeneration: z.string(),
  rowsRead: z.number().int(),
  createdCount: z.number().int(),
  updatedCount: z.number().int(),
  unchangedCount: z.number().int(),
  problemCount: z.number().int(),
  skippedCount: z.number().int(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  isSample: z.boolean(),
});
export type ImportSummary = z.infer<typeof importSummary>;

export const listImports = defineContract({
  method: "get",
  path: "/api/region/imports",
  tag: TAG,
  summary: "オープンデータの取込の履歴（新しい順。市町・データセットで絞り込み。市町の編集者には自分の市町だけ）",
  allow: READERS,
  query: z.object({ ...pageQuery, municipalityCode: municipalityCode.optional(), dataset: dataset.optional() }).strict(),
  response: pageOf(importSummary),
});

export const getImport = defineContract({
  method: "get",
  path: "/api/region/imports/:id",
  tag: TAG,
  summary: "取込（1件）: 文字コード、見出しの世代、件数、読み飛ばした行とその理由、保留行",
  allow: READERS,
  params: idParams,
  response: importSummary.extend({
    skipped: z.array(z.object({ line: z.number().int(), reason: z.string() })),
    problemRows: z.array(
      z.object({
        id: z.string(),
        rowNumber: z.number().int(),
        sourceId: z.string().nullable(),
        name: z.string(),
        status: z.enum(PROBLEM_STATUSES),
        problems: z.array(rowProblem),
      }),
    ),
  }),
});

// ------------------------------------------------------------------------------------------------ held rows 保留行

export const problemSummary = z.object({
  id: z.string(),
  importId: z.string(),
  fileName: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  dataset: z.enum(DATASET_KEYS),
  rowNumber: z.number().int(),
  sourceId: z.string().nullable(),
  /** the row's name as far as it was read */
  name: z.string(),
  problems: z.array(rowProblem),
  status: z.enum(PROBLEM_STATUSES),
  createdAt: z.string(),
  isSample: z.boolean(),
});
export type ProblemSummary = z.infer<typeof problemSummary>;

export const listProblems = defineContract({
  method: "get",
  path: "/api/region/problems",
  tag: TAG,
  summary: "取込の保留行の一覧（未対応・修正済み・除外、市町・データセット・取込で絞り込み。市町の編集者には自分の市町だけ）",
  allow: READERS,
  query: z
    .object({
      ...pageQuery,
      status: z.enum(PROBLEM_STATUSES).optional(),
      municipalityCode: municipalityCode.optional(),
      dataset: dataset.optional(),
      importId: z.uuid({ message: "IDの形式が正しくありません" }).optional(),
    })
    .strict(),
  response: pageOf(problemSummary),
});

export const problemDetail = problemSummary.extend({
  original: originalRow,
  /** the values as far as the import read them, by 正式版 column */
  fields: z.record(z.string(), z.string()),
  /** the fix form's starting values by 正式版 column: what was read, else the file's own text for that column */
  values: z.record(z.string(), z.string()),
  itemId: z.string().nullable(),
  resolvedByName: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  dismissReason: z.string().nullable(),
  canEdit: z.boolean(),
});
export type ProblemDetail = z.infer<typeof problemDetail>;

export const getProblem = defineContract({
  method: "get",
  path: "/api/region/problems/:id",
  tag: TAG,
  summary: "保留行（1件）: 元の行、問題の一覧、修正フォームの初期値",
  allow: READERS,
  params: idParams,
  response: problemDetail,
});

export const fixProblem = defineContract({
  method: "post",
  path: "/api/region/problems/:id/fix",
  tag: TAG,
  summary: "保留行を修正して掲載情報にする（正式版の項目ごとに検査。同じ ID の掲載情報があれば更新）",
  allow: EDITORS,
  params: idParams,
  body: z.object({ fields: fieldValues }).strict(),
  response: z.object({ problem: problemDetail, itemId: z.string(), created: z.boolean() }),
});

export const dismissProblem = defineContract({
  method: "post",
  path: "/api/region/problems/:id/dismiss",
  tag: TAG,
  summary: "保留行を除外（取り込まない。理由を残します）",
  allow: EDITORS,
  params: idParams,
  body: z
    .object({
      reason: z.string().trim().min(1, "除外する理由を入力してください。").max(500, "理由は500文字以内で入力してください。"),
    })
    .strict(),
  response: problemDetail,
});
