// Contracts of the furusato module, 全国比較（参考データ）: the 総務省 現況調査 figures loaded by the CLI
// (`yokogushi furusato reference load DIR`), read by the module's staff. Suppliers' logins have no access.
import { z } from "zod";
import { TABLE_UPLOAD_MAX_BYTES } from "../upload-limits";
import { defineContract } from "./contract";

/** 出典表示 (CC BY 4.0 requires it wherever the figures are shown). */
export const REFERENCE_ATTRIBUTION = "出典：総務省 ふるさと納税に関する現況調査結果（CC BY 4.0）";

/** The app's own city (北九州市), the default of the comparison. */
export const OWN_BODY_CODE = "401005";

/** 政令指定都市 (20), checked against the names in the 現況調査 files FY2016–FY2020. */
export const DESIGNATED_CITIES = [
  { code: "011002", name: "札幌市" },
  { code: "041009", name: "仙台市" },
  { code: "111007", name: "さいたま市" },
  { code: "121002", name: "千葉市" },
  { code: "141003", name: "横浜市" },
  { code: "141305", name: "川崎市" },
  { code: "141500", name: "相模原市" },
  { code: "151009", name: "新潟市" },
  { code: "221007", name: "静岡市" },
  { code: "221309", name: "浜松市" },
  { code: "231002", name: "名古屋市" },
  { code: "261009", name: "京都市" },
  { code: "271004", name: "大阪市" },
  { code: "271403", name: "堺市" },
  { code: "281000", name: "神戸市" },
  { code: "331007", name: "岡山市" },
  { code: "341002", name: "広島市" },
  { code: "401005", name: "北九州市" },
  { code: "401307", name: "福岡市" },
  { code: "431001", name: "熊本市" },
] as const;

export const MAX_COMPARED_BODIES = 60;

const bodyCode = z.string().regex(/^\d{6}$/, "団体コードは6桁の数字です。");
const fiscalYear = z.coerce.number({ error: "年度を数値で指定してください。" }).int().min(2000).max(2100);

export const amountPrecision = z.enum(["yen", "thousand"]);

export const referenceStatus = defineContract({
  method: "get",
  path: "/api/furusato/reference/status",
  tag: "furusato",
  summary: "全国比較の参考データ（総務省 現況調査）の読込状況: 年度ごとの件数、読込日時",
  allow: ["staff"],
  response: z.object({
    loaded: z.boolean(),
    loadedAt: z.string().nullable(),
    totalRows: z.number().int(),
    years: z.array(
      z.object({
        fiscalYear: z.number().int(),
        rows: z.number().int(),
        amountPrecision,
        withCosts: z.boolean(),
        sourceFiles: z.array(z.string()),
      }),
    ),
    attribution: z.string(),
  }),
});

export const referenceBody = z.object({
  bodyCode: z.string(),
  prefecture: z.string(),
  municipality: z.string(),
  /** 市区町村名, or the prefecture's name for the prefecture itself */
  name: z.string(),
});
export type ReferenceBody = z.infer<typeof referenceBody>;

export const referenceBodies = defineContract({
  method: "get",
  path: "/api/furusato/reference/bodies",
  tag: "furusato",
  summary: "参考データにある団体（都道府県・市区町村）の一覧（比較相手の選択用）",
  allow: ["staff"],
  response: z.object({ items: z.array(referenceBody) }),
});

export const comparisonYear = z.object({
  fiscalYear: z.number().int(),
  donationCount: z.number().int(),
  /** 受入額 (円) */
  donationAmount: z.number().int(),
  amountPrecision,
  /** 前年度比: amount ÷ previous year's amount − 1 (null without a previous year or when it was 0) */
  growth: z.number().nullable(),
  /** 募集等に伴う費用の合計 (円), null when the year has no cost breakdown */
  costTotal: z.number().int().nullable(),
  /** 費用割合: cost total ÷ 受入額 */
  costRatio: z.number().nullable(),
});
export type ComparisonYear = z.infer<typeof comparisonYear>;

export const comparisonResult = z.object({
  fromYear: z.number().int(),
  toYear: z.number().int(),
  bodies: z.array(referenceBody.extend({ years: z.array(comparisonYear) })),
  /** codes asked for that the data does not have */
  unknownCodes: z.array(z.string()),
  /** 全国合計: sum over every body of the year (都道府県 + 市区町村) */
  national: z.array(comparisonYear.extend({ bodies: z.number().int() })),
  nationalScope: z.string(),
  attribution: z.string(),
});
export type ComparisonResult = z.infer<typeof comparisonResult>;

export const referenceComparison = defineContract({
  method: "get",
  path: "/api/furusato/reference/comparison",
  tag: "furusato",
  summary: "団体ごと・年度ごとの受入件数・受入額・前年度比・費用割合と全国合計（総務省 現況調査）",
  allow: ["staff"],
  query: z
    .object({
      /** comma-separated 団体コード, e.g. 401005,401307 */
      codes: z
        .string()
        .max(MAX_COMPARED_BODIES * 7)
        .transform((text) => [
          ...new Set(
            text
              .split(",")
              .map((code) => code.trim())
              .filter(Boolean),
          ),
        ])
        .pipe(z.array(bodyCode).max(MAX_COMPARED_BODIES, `比較できるのは${MAX_COMPARED_BODIES}団体までです。`)),
      fromYear: fiscalYear,
      toYear: fiscalYear,
    })
    .refine((q) => q.fromYear <= q.toYear, { message: "開始年度は終了年度以前にしてください。", path: ["fromYear"] }),
  response: comparisonResult,
});

/** The admin screen of the reference data (named by the CLI and linked from 全国比較's empty state). */
export const REFERENCE_DATA_PAGE_PATH = "/admin/furusato-reference";
export const REFERENCE_DATA_PAGE_TITLE = "全国比較の参考データ";
/** at most this many files in one upload (the five year files and the time series fit) */
export const REFERENCE_UPLOAD_MAX_FILES = 12;

export const startReferenceLoad = defineContract({
  method: "post",
  path: "/api/furusato/reference/loads",
  tag: "furusato",
  summary:
    "総務省 現況調査の Excel（R2_gain.xlsx などの年度別ファイル、total_gain.xlsx の時系列）を読み込む（multipart/form-data の file 項目、複数可）。ファイルごとに全件か何もしないか。進捗と結果は /api/jobs/:id",
  allow: ["admin"],
  kind: "multipart",
  uploadMaxBytes: TABLE_UPLOAD_MAX_BYTES,
  response: z.object({ jobId: z.string() }),
});

/** The load job's result (GET /api/jobs/:id → result). */
export const referenceLoadResult = z.object({
  ok: z.boolean(),
  files: z.array(
    z.object({ name: z.string(), ok: z.boolean(), rows: z.number().int(), fiscalYears: z.array(z.number().int()), message: z.string() }),
  ),
});
export type ReferenceLoadResult = z.infer<typeof referenceLoadResult>;
