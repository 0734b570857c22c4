// Contracts of the 国際 module's public pages (issue 15: the public/internal flag): the 国際関連事業 marked 公開, for
// citizens, without sign-in. Only what the city publishes of a project: its name, 分野, the bureau and division that
// run it (no contact person, e-mail or telephone, no internal notes or theme tags), the partner cities with their
// relation, the 年度 it runs, its budget and settled cost per 年度 and funding source (public finance data: the
// city's budget and settlement documents print them), its indicators with their results, and its summary. A project
// marked 内部 answers 404, as an unknown id does.
import { z } from "zod";
import { defineContract, idParams, pageOf } from "./contract";
import { FUNDING_SOURCES, PARTNER_RELATIONS } from "./international";

export const publicProjectPartner = z.object({
  country: z.string(),
  city: z.string(),
  /** '' for the city itself */
  organisation: z.string(),
  relation: z.enum(PARTNER_RELATIONS),
  /** 締結日 (YYYY-MM-DD) or null */
  relatedSince: z.string().nullable(),
});
export type PublicProjectPartner = z.infer<typeof publicProjectPartner>;

export const publicProjectSummary = z.object({
  id: z.string(),
  name: z.string(),
  fieldId: z.string(),
  fieldName: z.string(),
  /** 所管課 and its 局 (names only) */
  ownerName: z.string(),
  bureauName: z.string(),
  firstFiscalYear: z.number().int(),
  lastFiscalYear: z.number().int().nullable(),
  partners: z.array(publicProjectPartner),
  /** sample data (a first start's): the page marks it サンプル, so that nobody takes it for the city's own */
  isSample: z.boolean(),
});
export type PublicProjectSummary = z.infer<typeof publicProjectSummary>;

export const publicProjectDetail = publicProjectSummary.extend({
  summary: z.string(),
  years: z.array(
    z.object({
      fiscalYear: z.number().int(),
      fundingSource: z.enum(FUNDING_SOURCES),
      budget: z.number().int(),
      /** null: not settled yet */
      settled: z.number().int().nullable(),
    }),
  ),
  indicators: z.array(
    z.object({
      name: z.string(),
      unit: z.string(),
      direction: z.enum(["higher", "lower"]),
      baselineValue: z.number(),
      baselineFiscalYear: z.number().int(),
      targetValue: z.number(),
      targetFiscalYear: z.number().int(),
      results: z.array(z.object({ fiscalYear: z.number().int(), value: z.number() })),
    }),
  ),
});
export type PublicProjectDetail = z.infer<typeof publicProjectDetail>;

export const PUBLIC_PAGE_SIZES = [20, 50, 100] as const;

export const listPublicProjects = defineContract({
  method: "get",
  path: "/api/public/international/projects",
  tag: "public",
  summary: "公開している国際関連事業の一覧（キーワード・分野・年度・相手国で絞り込み、ページ送り）",
  allow: ["anyone"],
  query: z
    .object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
      /** 事業名・概要・相手先（国・都市・機関） */
      q: z.string().trim().max(100).optional(),
      fieldId: z.uuid({ message: "IDの形式が正しくありません" }).optional(),
      /** running in that 年度 */
      fiscalYear: z.coerce
        .number({ error: "年度を数値で入力してください。" })
        .int("年度は整数です。")
        .min(1950, "年度は1950年度以降です。")
        .max(2100, "年度は2100年度までです。")
        .optional(),
      /** 相手国 (as the partner list writes it) */
      country: z.string().trim().max(60).optional(),
    })
    .strict(),
  response: pageOf(publicProjectSummary).extend({
    /** what the filters offer, drawn from the public projects only */
    choices: z.object({
      fields: z.array(z.object({ id: z.string(), name: z.string() })),
      countries: z.array(z.string()),
      fiscalYears: z.array(z.number().int()),
    }),
  }),
});

export const getPublicProject = defineContract({
  method: "get",
  path: "/api/public/international/projects/:id",
  tag: "public",
  summary: "公開している国際関連事業の詳細（相手先・年度別の予算と決算・指標と実績）",
  allow: ["anyone"],
  params: idParams,
  response: publicProjectDetail,
});
