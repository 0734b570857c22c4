// Contracts of the 国際 module's public pages for 海外出張の報告 (issue 15: a trip report's publish flag): the reports
// the city publishes, for citizens, without sign-in. Only a trip whose report is marked 公開 and that stands at
// 報告書提出, 精算 or 完了 (the report filed; after filing a trip can no longer go back through 変更, so these are
// exactly the trips with a filed report) appears; anything else answers 404, as an unknown id does.
//
// What is shown (the disclosure summary of trip-pdf.ts, kept conservative): the title and purpose, the owning
// division and its 局, the dates, the itinerary (date, country, city, organisation visited, purpose — never the
// counterpart's name), the members as role (団長/随行) and division only (no personal names), the linked projects
// that are themselves public, the settled cost per cost kind (totals, once the trip is 精算/完了; no per-person
// amounts), and the report's results and follow-up with its filing date. Never a contact, e-mail, telephone,
// internal note, approval conditions or the safety level.
import { z } from "zod";
import { defineContract, idParams, pageOf } from "./contract";
import { COST_KINDS, TRAVELLER_ROLES } from "./international";

export const publicTripDestination = z.object({ country: z.string(), city: z.string() });

export const publicTripReportSummary = z.object({
  id: z.string(),
  title: z.string(),
  /** 所管課 and its 局 (names only) */
  ownerName: z.string(),
  bureauName: z.string(),
  departsOn: z.string(),
  returnsOn: z.string(),
  /** the cities visited, in itinerary order, each once */
  destinations: z.array(publicTripDestination),
  reportFiledOn: z.string(),
  /** sample data (a first start's): the page marks it サンプル, so that nobody takes it for the city's own */
  isSample: z.boolean(),
});
export type PublicTripReportSummary = z.infer<typeof publicTripReportSummary>;

export const publicTripReportDetail = publicTripReportSummary.extend({
  purpose: z.string(),
  visits: z.array(
    z.object({
      visitOn: z.string(),
      country: z.string(),
      city: z.string(),
      organisation: z.string(),
      purpose: z.string(),
    }),
  ),
  /** 団長 first, then 随行, in the trip's order: role and division only */
  members: z.array(z.object({ role: z.enum(TRAVELLER_ROLES), organisationName: z.string() })),
  /** the linked 国際関連事業 that are public (each has its public page) */
  projects: z.array(z.object({ id: z.string(), name: z.string() })),
  /** true once the trip is 精算 or 完了: then costs holds the settled totals per kind */
  costsSettled: z.boolean(),
  costs: z.array(z.object({ costKind: z.enum(COST_KINDS), settled: z.number().int() })),
  /** the sum of costs; null before 精算 */
  settledTotal: z.number().int().nullable(),
  results: z.string(),
  followup: z.string(),
});
export type PublicTripReportDetail = z.infer<typeof publicTripReportDetail>;

export const listPublicTripReports = defineContract({
  method: "get",
  path: "/api/public/international/trip-reports",
  tag: "public",
  summary: "公開している海外出張の報告の一覧（キーワード・出発年度・訪問国・関連事業で絞り込み、ページ送り）",
  allow: ["anyone"],
  query: z
    .object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(100).default(20),
      /** 件名・目的・訪問先（国・都市）・成果 */
      q: z.string().trim().max(100).optional(),
      /** the 年度 of departure */
      fiscalYear: z.coerce
        .number({ error: "年度を数値で入力してください。" })
        .int("年度は整数です。")
        .min(1950, "年度は1950年度以降です。")
        .max(2100, "年度は2100年度までです。")
        .optional(),
      /** 訪問国 (as the itinerary writes it) */
      country: z.string().trim().max(60).optional(),
      /** linked to this public 国際関連事業 (its page lists the reports); an internal project's id finds nothing */
      projectId: z.uuid({ message: "IDの形式が正しくありません" }).optional(),
    })
    .strict(),
  response: pageOf(publicTripReportSummary).extend({
    /** what the filters offer, drawn from the published reports only */
    choices: z.object({ countries: z.array(z.string()), fiscalYears: z.array(z.number().int()) }),
  }),
});

export const getPublicTripReport = defineContract({
  method: "get",
  path: "/api/public/international/trip-reports/:id",
  tag: "public",
  summary: "公開している海外出張の報告（行程・出張者の役割と所属・精算額の費目別合計・成果）",
  allow: ["anyone"],
  params: idParams,
  response: publicTripReportDetail,
});
