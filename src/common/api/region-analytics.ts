// Contracts of the hub's アクセス解析（Cookieを使わない）and プロモーション (issue 17): the public pages' visit counter
// (anyone; no cookie, no address kept: see common/region/visitor-hash.ts), the dashboard of visits (staff read it all;
// a 市町 editor reads its own 市町's pages), the promotion campaigns with their reach figures (staff read; the bureau
// that runs the hub — region.manager — records), and the comparison of campaigns per yen (common/region/campaign-effect.ts).
import { z } from "zod";
import { ANALYTICS_MAX_DAYS, periodProblem } from "../region/analytics-period";
import { CAMPAIGN_CHANNELS, CAMPAIGN_KINDS, CAMPAIGN_TAG_PATTERN } from "../region/campaign-effect";
import { visitPathOf } from "../region/visitor-hash";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams, okResponse } from "./contract";

const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内で入力してください。`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);
const version = z.number({ error: "版数（version）が必要です。" }).int().min(1);
const municipalityCode = z.string().regex(/^[0-9]{6}$/, "市町のコード（6桁）が正しくありません。");
const fiscalYearQuery = z.coerce
  .number({ error: "年度を数値で入力してください。" })
  .int("年度は整数です。")
  .min(2000, "年度は2000年度以降です。")
  .max(2100, "年度は2100年度までです。");

// ------------------------------------------------------------------------------------------------ 訪問の記録

/** The kinds of public hub page, as the pages report them (web/modules/region/hubVisit.ts). */
export const HUB_PAGE_KINDS = ["home", "search", "item", "municipality", "map", "calendar", "opendata", "privacy"] as const;
export type HubPageKind = (typeof HUB_PAGE_KINDS)[number];
export const HUB_PAGE_KIND_LABELS: Record<HubPageKind, string> = {
  home: "トップ",
  search: "検索",
  item: "掲載情報の詳細",
  municipality: "市町のページ",
  map: "地図",
  calendar: "イベントカレンダー",
  opendata: "オープンデータ",
  privacy: "外部送信について",
};

export const HUB_LANGS = ["ja", "en"] as const;
export type HubLang = (typeof HUB_LANGS)[number];
export const HUB_LANG_LABELS: Record<HubLang, string> = { ja: "日本語", en: "英語" };

/** The largest visit body the counter reads (its fields are short; the platform refuses a larger body with 413). */
export const VISIT_BODY_MAX_BYTES = 2048;

export const visitBody = z
  .object({
    pageKind: z.enum(HUB_PAGE_KINDS, { error: "ページの種類が正しくありません。" }),
    lang: z.enum(HUB_LANGS, { error: "言語は ja か en です。" }),
    /** the 市町 the page shows (from its URL: anything but a member 市町's code is ignored, the view still counted) */
    municipalityCode: z.string().max(20).optional(),
    itemId: z.uuid({ message: "IDの形式が正しくありません" }).optional(),
    /** location.pathname; a query or fragment is cut off here, so it never reaches the database */
    path: z
      .string()
      .max(2000)
      .transform((value, ctx) => {
        const path = visitPathOf(value);
        if (path === null) {
          ctx.addIssue({ code: "custom", message: "情報ハブの公開ページのパスではありません。" });
          return z.NEVER;
        }
        return path;
      }),
    /** the referring site's host; the service keeps the host only, whatever is sent */
    referrerHost: z.string().max(300).default(""),
    /** the campaign tag of the link the visitor came by (?c=<tag>); an unknown tag is ignored */
    campaign: z.string().max(100).optional(),
  })
  .strict();
export type VisitInput = z.output<typeof visitBody>;

export const recordVisit = defineContract({
  method: "post",
  path: "/api/public/region/visits",
  tag: "public",
  summary:
    "情報ハブの公開ページの表示を1件数える（ログイン不要・Cookieなし。IPアドレスとUser-Agentは保存せず、日ごとのソルトで作るハッシュだけを保存。ボットとトラッキング拒否（DNT/GPC）は数えない。アドレスごとの回数制限あり）",
  allow: ["anyone"],
  maxBodyBytes: VISIT_BODY_MAX_BYTES,
  body: visitBody,
  response: z.object({ counted: z.boolean() }),
});

// ------------------------------------------------------------------------------------------------ ダッシュボード

export const analyticsQuery = z
  .object({
    from: zJapaneseDate,
    to: zJapaneseDate,
    /** one 市町's pages only (a 市町 editor always sees its own) */
    municipality: municipalityCode.optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const problem = periodProblem(q);
    if (problem) ctx.addIssue({ code: "custom", path: ["to"], message: problem });
  });
export type AnalyticsQuery = z.output<typeof analyticsQuery>;

const counts = { visits: z.number().int(), visitors: z.number().int() };

export const analyticsDashboard = z.object({
  period: z.object({ from: z.string(), to: z.string(), days: z.number().int() }),
  /** the 市町 the figures are limited to, or null for the whole hub */
  municipality: z.object({ code: z.string(), name: z.string() }).nullable(),
  /** a 市町 editor's view: always its own 市町 */
  municipalityFixed: z.boolean(),
  totals: z.object({ ...counts, sampleVisits: z.number().int() }),
  byDay: z.array(z.object({ day: z.string(), ...counts })),
  byPageKind: z.array(z.object({ pageKind: z.enum(HUB_PAGE_KINDS), label: z.string(), ...counts })),
  /** code null: pages of no one 市町 (トップ, 検索, 地図 …) */
  byMunicipality: z.array(z.object({ code: z.string().nullable(), name: z.string(), ...counts })),
  topItems: z.array(
    z.object({
      itemId: z.string(),
      /** null: the item was deleted since */
      name: z.string().nullable(),
      municipalityCode: z.string().nullable(),
      municipalityName: z.string().nullable(),
      ...counts,
    }),
  ),
  /** host "" = 直接・不明 (no referrer, or the hub itself) */
  topReferrers: z.array(z.object({ host: z.string(), ...counts })),
  byCampaign: z.array(
    z.object({ campaignId: z.string(), name: z.string(), tag: z.string(), channel: z.enum(CAMPAIGN_CHANNELS), ...counts }),
  ),
  byLang: z.array(z.object({ lang: z.enum(HUB_LANGS), label: z.string(), ...counts })),
  /** the 市町 the filter offers */
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
});
export type AnalyticsDashboard = z.infer<typeof analyticsDashboard>;

export const TOP_ITEMS = 20;
export const TOP_REFERRERS = 20;

export const getAnalytics = defineContract({
  method: "get",
  path: "/api/region/analytics",
  tag: "region",
  summary: `情報ハブのアクセス解析（期間は最長${ANALYTICS_MAX_DAYS}日。日別の訪問数・訪問者数、ページの種類・市町・人気の掲載情報・参照元・キャンペーン・言語別）`,
  allow: ["staff", "region.editor"],
  query: analyticsQuery,
  response: analyticsDashboard,
});

export const exportAnalyticsXlsx = defineContract({
  method: "get",
  path: "/api/region/analytics.xlsx",
  tag: "region",
  summary: "アクセス解析をExcelで出力（画面と同じ期間・市町。集計ごとに1シート）",
  allow: ["staff", "region.editor"],
  kind: "file",
  query: analyticsQuery,
  response: z.unknown(),
});

export const exportAnalyticsCsv = defineContract({
  method: "get",
  path: "/api/region/analytics.csv",
  tag: "region",
  summary: "アクセス解析をCSVで出力（UTF-8 BOM付き。集計の種類・項目・訪問数・訪問者数の縦持ち）",
  allow: ["staff", "region.editor"],
  kind: "file",
  query: analyticsQuery,
  response: z.unknown(),
});

// ------------------------------------------------------------------------------------------------ プロモーション

const countField = (label: string) =>
  z
    .number({ error: `${label}は数値で入力してください。` })
    .int(`${label}は整数で入力してください。`)
    .min(0, `${label}は0以上です。`)
    .max(1e12, `${label}が大きすぎます。`)
    .nullable()
    .default(null);

export const campaignBody = z
  .object({
    name: required("キャンペーン名", 200),
    channel: z.enum(CAMPAIGN_CHANNELS, { error: "媒体を選んでください。" }),
    kind: z.enum(CAMPAIGN_KINDS, { error: "種類を選んでください。" }),
    tag: z
      .string()
      .trim()
      .toLowerCase()
      .regex(CAMPAIGN_TAG_PATTERN, "タグは半角の英小文字・数字・ハイフンで2〜40文字、先頭は英数字にしてください（例: r8-insta-summer）。"),
    /** the hub page the tagged link opens */
    targetPath: z
      .string()
      .trim()
      .default("/public/region")
      .transform((value, ctx) => {
        const path = visitPathOf(value);
        if (path === null || path !== value) {
          ctx.addIssue({
            code: "custom",
            message: "リンク先は /public/region で始まる情報ハブのページ（? や # を含まない）にしてください。",
          });
          return z.NEVER;
        }
        return path;
      }),
    publishedOn: zJapaneseDate,
    endsOn: zJapaneseDate.nullable().default(null),
    costYen: z
      .number({ error: "費用（円）を数値で入力してください。" })
      .int("費用は円単位の整数で入力してください。")
      .min(0, "費用は0円以上です。")
      .max(10_000_000_000, "費用が大きすぎます。"),
    notes: text("メモ", 2000).default(""),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.endsOn !== null && c.endsOn < c.publishedOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "終了日は公開日以降にしてください。" });
  });
export type CampaignInput = z.output<typeof campaignBody>;

export const campaignMetricBody = z
  .object({
    measuredOn: zJapaneseDate,
    impressions: countField("表示回数"),
    reach: countField("リーチ"),
    views: countField("再生回数"),
    engagements: countField("エンゲージメント"),
    linkClicks: countField("リンククリック"),
  })
  .strict()
  .superRefine((m, ctx) => {
    if ([m.impressions, m.reach, m.views, m.engagements, m.linkClicks].every((v) => v === null))
      ctx.addIssue({ code: "custom", path: ["impressions"], message: "実績値を1つ以上入力してください。" });
  });
export type CampaignMetricInput = z.output<typeof campaignMetricBody>;

const metricFigures = {
  impressions: z.number().nullable(),
  reach: z.number().nullable(),
  views: z.number().nullable(),
  engagements: z.number().nullable(),
  linkClicks: z.number().nullable(),
};

export const campaignMetric = z.object({
  id: z.string(),
  measuredOn: z.string(),
  ...metricFigures,
  source: z.enum(["entered", "import"]),
});
export type CampaignMetric = z.infer<typeof campaignMetric>;

export const campaign = z.object({
  id: z.string(),
  name: z.string(),
  channel: z.enum(CAMPAIGN_CHANNELS),
  kind: z.enum(CAMPAIGN_KINDS),
  tag: z.string(),
  targetPath: z.string(),
  /** the tagged link to post: <origin><targetPath>?c=<tag> */
  link: z.string(),
  publishedOn: z.string(),
  endsOn: z.string().nullable(),
  fiscalYear: z.number().int(),
  costYen: z.number(),
  notes: z.string(),
  /** the latest measurement of each figure (running totals), with the day of the latest measurement */
  latest: z.object({ measuredOn: z.string(), ...metricFigures }).nullable(),
  /** all-time visits that came by the link, and their visitors (distinct per day) */
  visits: z.number().int(),
  visitors: z.number().int(),
  version: z.number().int(),
  isSample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Campaign = z.infer<typeof campaign>;

export const campaignListQuery = z
  .object({
    fiscalYear: fiscalYearQuery.optional(),
    channel: z.enum(CAMPAIGN_CHANNELS).optional(),
  })
  .strict();

export const listCampaigns = defineContract({
  method: "get",
  path: "/api/region/campaigns",
  tag: "region",
  summary: "プロモーションの一覧（年度・媒体で絞り込み。タグ付きリンク、最新の実績値、リンクからの訪問数つき）",
  allow: ["staff"],
  query: campaignListQuery,
  response: z.object({ items: z.array(campaign), canManage: z.boolean() }),
});

export const getCampaign = defineContract({
  method: "get",
  path: "/api/region/campaigns/:id",
  tag: "region",
  summary: "プロモーション1件（実績値の履歴とリンクからの訪問）",
  allow: ["staff"],
  params: idParams,
  response: campaign.extend({
    metrics: z.array(campaignMetric),
    lastingVisits: z.number().int(),
    canManage: z.boolean(),
  }),
});

export const createCampaign = defineContract({
  method: "post",
  path: "/api/region/campaigns",
  tag: "region",
  summary: "プロモーションを登録（所管局の担当者。タグは他と重複不可）",
  allow: ["region.manager"],
  body: campaignBody,
  response: campaign,
});

export const updateCampaign = defineContract({
  method: "put",
  path: "/api/region/campaigns/:id",
  tag: "region",
  summary: "プロモーションを変更（所管局の担当者。版数が古いと409。訪問が記録されたタグは変更不可）",
  allow: ["region.manager"],
  params: idParams,
  body: z.object({ version, campaign: campaignBody }).strict(),
  response: campaign,
});

export const deleteCampaign = defineContract({
  method: "delete",
  path: "/api/region/campaigns/:id",
  tag: "region",
  summary: "プロモーションを削除（所管局の担当者。リンクからの訪問が記録されたものは削除不可。?version= が古いと409）",
  allow: ["region.manager"],
  params: idParams,
  query: z.object({ version: z.coerce.number().int().min(1) }).strict(),
  response: okResponse,
});

export const putCampaignMetric = defineContract({
  method: "put",
  path: "/api/region/campaigns/:id/metrics",
  tag: "region",
  summary: "プロモーションの実績値を計測日ごとに入力（同じ計測日は上書き。所管局の担当者）",
  allow: ["region.manager"],
  params: idParams,
  body: campaignMetricBody,
  response: campaignMetric,
});

export const deleteCampaignMetric = defineContract({
  method: "delete",
  path: "/api/region/campaigns/:id/metrics/:metricId",
  tag: "region",
  summary: "プロモーションの実績値（1計測日分）を削除（所管局の担当者）",
  allow: ["region.manager"],
  params: z.object({ id: z.uuid({ message: "IDの形式が正しくありません" }), metricId: z.uuid({ message: "IDの形式が正しくありません" }) }),
  response: okResponse,
});

// ------------------------------------------------------------------------------------------------ 費用対効果の比較

const figures = {
  campaigns: z.number().int(),
  costYen: z.number(),
  reach: z.number().nullable(),
  visits: z.number().int(),
  visitors: z.number().int(),
  lastingVisits: z.number().int(),
  costPerVisit: z.number().nullable(),
  costPerVisitor: z.number().nullable(),
  reachPer1000Yen: z.number().nullable(),
  lastingShare: z.number().nullable(),
};

export const comparisonGroup = z.object({
  /** null in the by-channel totals across years */
  fiscalYear: z.number().int().nullable(),
  /** null in the by-year totals */
  channel: z.enum(CAMPAIGN_CHANNELS).nullable(),
  ...figures,
});
export type ComparisonGroup = z.infer<typeof comparisonGroup>;

export const comparisonRow = z.object({
  id: z.string(),
  name: z.string(),
  channel: z.enum(CAMPAIGN_CHANNELS),
  kind: z.enum(CAMPAIGN_KINDS),
  tag: z.string(),
  fiscalYear: z.number().int(),
  publishedOn: z.string(),
  endsOn: z.string().nullable(),
  /** the latest measuring day of the reach figures, or null */
  measuredOn: z.string().nullable(),
  isSample: z.boolean(),
  ...figures,
});
export type ComparisonRow = z.infer<typeof comparisonRow>;

export const campaignComparison = z.object({
  /** the fiscal year asked for, or null for every year */
  fiscalYear: z.number().int().nullable(),
  campaigns: z.array(comparisonRow),
  byFiscalYear: z.array(comparisonGroup),
  byChannel: z.array(comparisonGroup),
  byFiscalYearAndChannel: z.array(comparisonGroup),
  total: comparisonGroup,
});
export type CampaignComparison = z.infer<typeof campaignComparison>;

const comparisonQuery = z.object({ fiscalYear: fiscalYearQuery.optional() }).strict();

export const getCampaignComparison = defineContract({
  method: "get",
  path: "/api/region/campaign-comparison",
  tag: "region",
  summary:
    "プロモーションの費用対効果の比較（キャンペーン別・年度別・媒体別・年度×媒体。1訪問あたりの費用、1,000円あたりの到達数、継続性）",
  allow: ["staff"],
  query: comparisonQuery,
  response: campaignComparison,
});

export const exportCampaignComparisonXlsx = defineContract({
  method: "get",
  path: "/api/region/campaign-comparison.xlsx",
  tag: "region",
  summary: "プロモーションの費用対効果の比較をExcelで出力",
  allow: ["staff"],
  kind: "file",
  query: comparisonQuery,
  response: z.unknown(),
});

export const exportCampaignComparisonCsv = defineContract({
  method: "get",
  path: "/api/region/campaign-comparison.csv",
  tag: "region",
  summary: "プロモーションの費用対効果の比較（キャンペーン別）をCSVで出力（UTF-8 BOM付き）",
  allow: ["staff"],
  kind: "file",
  query: comparisonQuery,
  response: z.unknown(),
});

/** The import kind of reach figures (the platform's tabular import: /api/imports/region-campaign-metrics). */
export const CAMPAIGN_METRICS_IMPORT_KIND = "region-campaign-metrics";
