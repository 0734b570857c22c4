// Contracts of 連携市町と人口 (issue 17, region module): the 18 市町 of the 北九州都市圏域 as data (list, detail, edit,
// export), their populations by basis and date (the table of one set, its export), and the figures of the region's
// staff home. Every member of staff reads; the bureau that runs the hub (region.manager) edits a 市町. 市町 and
// populations are registered in bulk through the platform's tabular import (kinds region-municipalities and
// region-populations), never typed into code.
import { z } from "zod";
import { parseJapaneseDate } from "../dates";
import { KANA_MESSAGE, KANA_PATTERN, MUNICIPALITY_KINDS, normaliseKana } from "../region/municipality-fields";
import { POPULATION_BASES } from "../region/population-basis";
import { defineContract } from "./contract";

export const MUNICIPALITIES_IMPORT_KIND = "region-municipalities";
export const POPULATIONS_IMPORT_KIND = "region-populations";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日付は YYYY-MM-DD の形で指定してください。");
export const codeParams = z.object({ code: z.string().regex(/^[0-9]{6}$/, "全国地方公共団体コードは6桁の数字です。") });
const exportFormat = z.enum(["csv", "xlsx"]).default("xlsx");

export const populationFigure = z.object({
  basis: z.enum(POPULATION_BASES),
  asOf: z.string(),
  population: z.number().int(),
  source: z.string(),
  isSample: z.boolean(),
});
export type PopulationFigure = z.infer<typeof populationFigure>;

export const municipalitySummary = z.object({
  code: z.string(),
  name: z.string(),
  kana: z.string(),
  nameEn: z.string(),
  kind: z.enum(MUNICIPALITY_KINDS),
  /** 郡 (towns only) */
  district: z.string().nullable(),
  /** 連携協約の締結日 */
  joinedOn: z.string().nullable(),
  sortOrder: z.number().int(),
  /** the newest figure of any basis */
  latestPopulation: populationFigure.nullable(),
  /** the organisation whose partner logins are the 市町's editors */
  organisation: z.object({ id: z.string(), name: z.string(), code: z.string().nullable() }).nullable(),
  /** active partner logins of that organisation */
  editorLoginCount: z.number().int(),
  isSample: z.boolean(),
  version: z.number().int(),
});
export type MunicipalitySummary = z.infer<typeof municipalitySummary>;

export const listMunicipalities = defineContract({
  method: "get",
  path: "/api/region/municipalities",
  tag: "region",
  summary: "連携市町の一覧（コード・ふりがな・英語名・区分・郡・締結日・最新の人口・編集者のログイン数）",
  allow: ["staff"],
  response: z.object({ items: z.array(municipalitySummary), canManage: z.boolean() }),
});

export const exportMunicipalities = defineContract({
  method: "get",
  path: "/api/region/municipalities/export",
  tag: "region",
  summary: "連携市町の一覧をExcelまたはCSV（UTF-8 BOM付き）で出力（締結日は和暦と西暦）",
  allow: ["staff"],
  query: z.object({ format: exportFormat }).strict(),
  kind: "file",
  response: z.unknown(),
});

export const editorLogin = z.object({
  id: z.string(),
  loginId: z.string(),
  displayName: z.string(),
  disabled: z.boolean(),
  lastLoginAt: z.string().nullable(),
});
export type EditorLogin = z.infer<typeof editorLogin>;

export const organisationChoice = z.object({
  id: z.string(),
  name: z.string(),
  code: z.string().nullable(),
  /** the other 市町 it is already linked to (one organisation edits one 市町) */
  linkedTo: z.object({ code: z.string(), name: z.string() }).nullable(),
});
export type OrganisationChoice = z.infer<typeof organisationChoice>;

export const municipalityDetail = municipalitySummary.extend({
  /** every figure of the 市町, newest first */
  populations: z.array(populationFigure),
  /** the editors' logins (region managers only; null for other staff, who see the count) */
  editorLogins: z.array(editorLogin).nullable(),
  /** the external organisations an edit may link (region managers only) */
  organisationChoices: z.array(organisationChoice).nullable(),
  canManage: z.boolean(),
  updatedAt: z.string(),
});
export type MunicipalityDetail = z.infer<typeof municipalityDetail>;

export const getMunicipality = defineContract({
  method: "get",
  path: "/api/region/municipalities/:code",
  tag: "region",
  summary: "連携市町の詳細（人口の履歴、編集者のログイン）",
  allow: ["staff"],
  params: codeParams,
  response: municipalityDetail,
});

/** 連携協約の締結日 as typed: 和暦 or 西暦; empty = not recorded. */
const joinedOnInput = z
  .string()
  .trim()
  .max(30)
  .nullable()
  .transform((text, ctx) => {
    if (!text) return null;
    const parsed = parseJapaneseDate(text);
    if (!parsed || parsed.precision === "month") {
      ctx.addIssue({ code: "custom", message: "締結日は 平成28年4月18日 や 2016-04-18 のように日付で入力してください。" });
      return z.NEVER;
    }
    return parsed.iso;
  });

export const municipalityEditBody = z
  .object({
    version: z.number().int().min(1),
    kana: z
      .string()
      .transform(normaliseKana)
      .pipe(z.string().min(1, "ふりがなを入力してください。").max(40, "ふりがなは40文字以内です。").regex(KANA_PATTERN, KANA_MESSAGE)),
    nameEn: z.string().trim().min(1, "英語名を入力してください。").max(60, "英語名は60文字以内です。"),
    /** 郡 (towns only); empty = none */
    district: z
      .string()
      .trim()
      .max(20, "郡は20文字以内です。")
      .nullable()
      .transform((v) => v || null),
    joinedOn: joinedOnInput,
    /** the editors' organisation: an external organisation, "new" (one is made with the 市町's name), or none */
    organisationId: z.union([z.uuid({ message: "組織を選び直してください。" }), z.literal("new")]).nullable(),
  })
  .strict();
export type MunicipalityEditInput = z.input<typeof municipalityEditBody>;

export const updateMunicipality = defineContract({
  method: "patch",
  path: "/api/region/municipalities/:code",
  tag: "region",
  summary: "連携市町のふりがな・英語名・郡・締結日・編集者の組織を変更（版の確認つき）",
  allow: ["region.manager"],
  params: codeParams,
  body: municipalityEditBody,
  response: municipalityDetail,
});

// ── populations ──

export const populationSet = z.object({
  basis: z.enum(POPULATION_BASES),
  asOf: z.string(),
  /** 市町 with a figure in the set */
  count: z.number().int(),
});
export type PopulationSet = z.infer<typeof populationSet>;

const setQuery = {
  basis: z.enum(POPULATION_BASES, { error: "基準を選んでください。" }).optional(),
  asOf: isoDate.optional(),
};

export const populationTableRow = z.object({
  code: z.string(),
  name: z.string(),
  population: z.number().int().nullable(),
  share: z.number().nullable(),
  source: z.string().nullable(),
  isSample: z.boolean(),
});
export type PopulationTableRow = z.infer<typeof populationTableRow>;

export const getPopulationTable = defineContract({
  method: "get",
  path: "/api/region/populations",
  tag: "region",
  summary: "人口表: 基準と基準日（なければ最新の組）ごとに市町別の人口・圏域の合計・割合、人口のない市町",
  allow: ["staff"],
  query: z.object(setQuery).strict(),
  response: z.object({
    /** every basis and date figures exist for, newest first */
    sets: z.array(populationSet),
    /** the set shown (null when there are no figures at all) */
    table: z
      .object({
        basis: z.enum(POPULATION_BASES),
        asOf: z.string(),
        rows: z.array(populationTableRow),
        total: z.number().int(),
        missing: z.array(z.object({ code: z.string(), name: z.string() })),
      })
      .nullable(),
    canManage: z.boolean(),
  }),
});

export const exportPopulationTable = defineContract({
  method: "get",
  path: "/api/region/populations/export",
  tag: "region",
  summary: "人口表（基準・基準日を指定）をExcelまたはCSVで出力",
  allow: ["staff"],
  query: z.object({ basis: z.enum(POPULATION_BASES, { error: "基準を選んでください。" }), asOf: isoDate, format: exportFormat }).strict(),
  kind: "file",
  response: z.unknown(),
});

// ── the staff home (/region) ──

export const regionSummary = z.object({
  municipalityCount: z.number().int(),
  /** 市町 with an organisation for its editors, and their active editor logins */
  municipalitiesWithEditors: z.number().int(),
  editorLoginCount: z.number().int(),
  latestPopulationSet: populationSet.nullable(),
  /** the curation part's figures: null while its tables hold nothing */
  hub: z
    .object({
      publishedByDataset: z.array(z.object({ dataset: z.string(), count: z.number().int() })),
      draftCount: z.number().int(),
      openProblemCount: z.number().int(),
      latestImports: z.array(
        z.object({
          id: z.string(),
          municipalityCode: z.string(),
          municipalityName: z.string(),
          dataset: z.string(),
          fileName: z.string(),
          rowsRead: z.number().int(),
          problemCount: z.number().int(),
          createdAt: z.string(),
        }),
      ),
    })
    .nullable(),
});
export type RegionSummary = z.infer<typeof regionSummary>;

export const getRegionSummary = defineContract({
  method: "get",
  path: "/api/region/summary",
  tag: "region",
  summary: "広域連携のホームの概要（市町数、データセット別の公開件数、未処理の取込保留行、最近の取込）",
  allow: ["staff"],
  response: regionSummary,
});
