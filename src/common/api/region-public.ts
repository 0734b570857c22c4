// Contracts of the 北九州都市圏域 hub's public pages (no sign-in): the search of published items (word, 市町, kind,
// event dates, place), an item, the featured items, the 市町 for the filters, the map's boundaries and points, the
// event calendar's month, iCalendar (.ics) of an event and of the calendar's filters, and RSS/Atom feeds.
// Only published items, and only what the hub publishes of them: never the row as imported (`original`), never who
// edited it. Each endpoint is limited per address (rateLimit; PUBLIC_API_RATE_LIMIT overrides the limit).
import { z } from "zod";
import { DATASET_KEYS } from "../region/datasets";
import { parseBoundingBox } from "../region/geo";
import { defineContract, idParams } from "./contract";

const datasetKey = z.enum(DATASET_KEYS, { error: "種類の指定が正しくありません。" });
const municipalityCode = z.string().regex(/^\d{6}$/, "市町の指定が正しくありません（6桁の全国地方公共団体コード）。");
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "日付は YYYY-MM-DD の形で指定してください。");
const language = z.enum(["ja", "en"], { error: "言語の指定が正しくありません（ja または en）。" });

/** What a list shows of a published item. */
export const publicItemSummary = z.object({
  id: z.string(),
  dataset: datasetKey,
  municipalityCode: z.string(),
  municipalityName: z.string(),
  municipalityNameEn: z.string(),
  name: z.string(),
  /** "" when not translated: the English pages fall back to `name` and say so */
  nameEn: z.string(),
  /** the description's beginning (at most 160 characters) */
  summary: z.string(),
  summaryEn: z.string(),
  /** 種別 / 場所名称 … as the dataset names it */
  category: z.string(),
  address: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  /** YYYY-MM-DD (events: 開始日 / 終了日) */
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  /** hh:mm */
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  imageUrl: z.string(),
  featured: z.boolean(),
  /** ISO timestamp */
  publishedAt: z.string().nullable(),
  /** sample data: the page marks it サンプル */
  isSample: z.boolean(),
  /** km from the search's point (near), else null */
  distanceKm: z.number().nullable(),
});
export type PublicItemSummary = z.infer<typeof publicItemSummary>;

/** One published item: everything the hub publishes of it. */
export const publicItemDetail = publicItemSummary.extend({
  nameKana: z.string(),
  description: z.string(),
  descriptionEn: z.string(),
  url: z.string(),
  /** the dataset's other 正式版 columns that have a value, in the definition's order (料金, アクセス方法, 主催者 …) */
  details: z.array(z.object({ column: z.string(), value: z.string() })),
  /** ISO timestamp of the last change */
  updatedAt: z.string(),
});
export type PublicItemDetail = z.infer<typeof publicItemDetail>;

export const PUBLIC_SEARCH_SORTS = ["relevance", "newest", "name", "date", "distance"] as const;
export type PublicSearchSort = (typeof PUBLIC_SEARCH_SORTS)[number];
export const PUBLIC_PAGE_SIZES = [20, 50] as const;
/**
 * The most matches the search counts exactly; beyond it the total reads "1,000件以上" (a word most items hold would
 * otherwise be counted over the whole table on every page: bench/region-search.bench.ts).
 */
export const PUBLIC_COUNT_CAP = 1_000;
/** The largest radius of the near-a-point filter. */
export const MAX_NEAR_KM = 50;

const coordinate = (min: number, max: number, what: string) =>
  z.coerce
    .number({ error: `${what}は数値で指定してください。` })
    .min(min, `${what}の範囲が正しくありません。`)
    .max(max, `${what}の範囲が正しくありません。`);

/** The search's filters (the hub, the map's list, the .ics feed and the feeds share them). */
export const publicFilters = {
  /** words (NFKC bigrams of name, kana, English name, description, address and category: every word must match) */
  q: z.string().trim().max(100, "検索語は100文字以内で入力してください。").optional(),
  municipality: municipalityCode.optional(),
  dataset: datasetKey.optional(),
  /** events whose period overlaps from..to (either may be left out) */
  from: isoDate.optional(),
  to: isoDate.optional(),
};

const placeFilters = {
  /** near a point: lat, lon and km together */
  lat: coordinate(-90, 90, "緯度").optional(),
  lon: coordinate(-180, 180, "経度").optional(),
  km: z.coerce
    .number({ error: "距離は数値で指定してください。" })
    .min(0.1, "距離は0.1km以上で指定してください。")
    .max(MAX_NEAR_KM, `距離は${MAX_NEAR_KM}km以内で指定してください。`)
    .optional(),
  /** a box of the map: "west,south,east,north" in degrees */
  bbox: z
    .string()
    .refine((value) => parseBoundingBox(value) !== null, "地図の範囲は「西経,南緯,東経,北緯」の形で指定してください。")
    .optional(),
};

type DateRange = { from?: string; to?: string };
const fromBeforeTo = (value: DateRange, ctx: z.RefinementCtx) => {
  if (value.from && value.to && value.from > value.to)
    ctx.addIssue({ code: "custom", path: ["to"], message: "終了日は開始日以降の日付を指定してください。" });
};

export const searchPublicItems = defineContract({
  method: "get",
  path: "/api/public/region/items",
  tag: "public",
  summary: "情報ハブの検索（キーワード・市町・種類・イベントの日付・場所（地点の周辺、地図の範囲）で絞り込み、並べ替え、ページ送り）",
  allow: ["anyone"],
  rateLimit: { name: "region.public.search", perMinute: 240 },
  query: z
    .object({
      ...publicFilters,
      ...placeFilters,
      featured: z.enum(["true"]).optional(),
      sort: z.enum(PUBLIC_SEARCH_SORTS, { error: "並べ替えの指定が正しくありません。" }).default("relevance"),
      page: z.coerce.number().int().min(1).max(500, "ページの指定が大きすぎます。").default(1),
      pageSize: z.coerce.number().int().min(1).max(50).default(20),
    })
    .strict()
    .superRefine((value, ctx) => {
      fromBeforeTo(value, ctx);
      const near = [value.lat, value.lon].filter((part) => part !== undefined).length;
      if (near === 1 || (value.km !== undefined && near === 0))
        ctx.addIssue({ code: "custom", path: ["lat"], message: "地点の周辺を探すときは、緯度と経度を両方指定してください。" });
      if (value.sort === "distance" && near !== 2)
        ctx.addIssue({ code: "custom", path: ["sort"], message: "距離の順に並べるときは、地点（緯度・経度）を指定してください。" });
    }),
  response: z.object({
    items: z.array(publicItemSummary),
    /** counted exactly up to PUBLIC_COUNT_CAP */
    total: z.number().int(),
    totalCapped: z.boolean(),
    page: z.number().int(),
    pageSize: z.number().int(),
  }),
});

export const getPublicItem = defineContract({
  method: "get",
  path: "/api/public/region/items/:id",
  tag: "public",
  summary: "情報ハブの掲載情報1件（公開中のもののみ）",
  allow: ["anyone"],
  rateLimit: { name: "region.public.item", perMinute: 240 },
  params: idParams,
  response: publicItemDetail,
});

export const listFeaturedItems = defineContract({
  method: "get",
  path: "/api/public/region/featured",
  tag: "public",
  summary: "情報ハブの広域のおすすめ（所管局が選んだ掲載情報、新しく選ばれた順）",
  allow: ["anyone"],
  rateLimit: { name: "region.public.featured", perMinute: 240 },
  query: z.object({ limit: z.coerce.number().int().min(1).max(24).default(6) }).strict(),
  response: z.object({ items: z.array(publicItemSummary) }),
});

export const listPublicMunicipalities = defineContract({
  method: "get",
  path: "/api/public/region/municipalities",
  tag: "public",
  summary: "情報ハブの18市町（絞り込みの選択肢。公開中の掲載件数つき）と種類ごとの公開件数",
  allow: ["anyone"],
  rateLimit: { name: "region.public.municipalities", perMinute: 240 },
  response: z.object({
    municipalities: z.array(
      z.object({
        code: z.string(),
        name: z.string(),
        nameEn: z.string(),
        kana: z.string(),
        publishedCount: z.number().int(),
      }),
    ),
    datasets: z.array(z.object({ key: datasetKey, publishedCount: z.number().int() })),
  }),
});

/** The credit the 18 市町's boundaries must carry wherever the map is shown. */
export const MAP_CREDIT = "「国土数値情報（行政区域データ）」（国土交通省）を加工して作成";

export const getMunicipalityBoundaries = defineContract({
  method: "get",
  path: "/api/public/region/municipalities.geojson",
  tag: "public",
  summary: `18市町の境界（GeoJSON、WGS84。${MAP_CREDIT}）`,
  allow: ["anyone"],
  rateLimit: { name: "region.public.geojson", perMinute: 60 },
  response: z.object({
    type: z.literal("FeatureCollection"),
    /** the credit line (a foreign member of the GeoJSON object) */
    attribution: z.string(),
    features: z.array(
      z.object({
        type: z.literal("Feature"),
        properties: z.object({ code: z.string(), name: z.string() }),
        geometry: z.object({ type: z.enum(["Polygon", "MultiPolygon"]), coordinates: z.array(z.unknown()) }),
      }),
    ),
  }),
});

/** The most points the map draws at once (it says so, and the list beside it pages through the rest). */
export const MAP_POINT_LIMIT = 1_000;

export const listMapPoints = defineContract({
  method: "get",
  path: "/api/public/region/map/points",
  tag: "public",
  summary: "地図の点（位置のある公開中の掲載情報。種類・市町で絞り込み、1,000件まで）",
  allow: ["anyone"],
  rateLimit: { name: "region.public.map", perMinute: 120 },
  query: z.object({ dataset: datasetKey.optional(), municipality: municipalityCode.optional() }).strict(),
  response: z.object({
    points: z.array(
      z.object({
        id: z.string(),
        dataset: datasetKey,
        municipalityCode: z.string(),
        name: z.string(),
        nameEn: z.string(),
        lat: z.number(),
        lon: z.number(),
      }),
    ),
    /** every published item with a place under the filters */
    total: z.number().int(),
  }),
});

/** The most events a month of the calendar lists. */
export const CALENDAR_EVENT_LIMIT = 500;

export const publicCalendarEvent = z.object({
  id: z.string(),
  municipalityCode: z.string(),
  municipalityName: z.string(),
  municipalityNameEn: z.string(),
  name: z.string(),
  nameEn: z.string(),
  startDate: z.string(),
  /** null: a one-day event */
  endDate: z.string().nullable(),
  startTime: z.string().nullable(),
  endTime: z.string().nullable(),
  isSample: z.boolean(),
});
export type PublicCalendarEvent = z.infer<typeof publicCalendarEvent>;

export const listCalendarMonth = defineContract({
  method: "get",
  path: "/api/public/region/calendar",
  tag: "public",
  summary: "イベントカレンダーの1か月（その月に開催期間がかかるイベント。市町・キーワードで絞り込み）",
  allow: ["anyone"],
  rateLimit: { name: "region.public.calendar", perMinute: 240 },
  query: z
    .object({
      month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, "月は YYYY-MM の形で指定してください。"),
      municipality: municipalityCode.optional(),
      q: publicFilters.q,
    })
    .strict(),
  response: z.object({
    month: z.string(),
    events: z.array(publicCalendarEvent),
    /** more events than CALENDAR_EVENT_LIMIT fall in the month: narrow the filters */
    truncated: z.boolean(),
  }),
});

export const downloadItemIcs = defineContract({
  method: "get",
  path: "/api/public/region/items/:id/event.ics",
  tag: "public",
  summary: "イベント1件の iCalendar（.ics、RFC 5545。日本時間）",
  allow: ["anyone"],
  kind: "file",
  rateLimit: { name: "region.public.ics", perMinute: 60 },
  params: idParams,
  response: z.unknown(),
});

/** The most events one .ics feed holds. */
export const ICS_FEED_LIMIT = 1_000;

export const downloadEventsIcs = defineContract({
  method: "get",
  path: "/api/public/region/events.ics",
  tag: "public",
  summary: "イベントカレンダーの iCalendar（.ics。カレンダーと同じ絞り込み、既定は30日前から1年先まで、1,000件まで）",
  allow: ["anyone"],
  kind: "file",
  rateLimit: { name: "region.public.ics", perMinute: 60 },
  query: z
    .object({
      q: publicFilters.q,
      municipality: publicFilters.municipality,
      from: publicFilters.from,
      to: publicFilters.to,
      lang: language.default("ja"),
    })
    .strict()
    .superRefine(fromBeforeTo),
  response: z.unknown(),
});

export const FEED_KINDS = ["new", "events"] as const;
export type FeedKind = (typeof FEED_KINDS)[number];
/** The entries one feed holds. */
export const FEED_LIMIT = 50;

const feedQuery = z
  .object({
    /** new: newly published items; events: upcoming events (those not yet over), soonest first */
    kind: z.enum(FEED_KINDS, { error: "フィードの種類は new または events です。" }).default("new"),
    municipality: publicFilters.municipality,
    dataset: publicFilters.dataset,
    lang: language.default("ja"),
  })
  .strict();

export const downloadRssFeed = defineContract({
  method: "get",
  path: "/api/public/region/feed.rss",
  tag: "public",
  summary: "RSS 2.0 フィード（新着の掲載情報、またはこれからのイベント。市町・種類で絞り込み、50件）",
  allow: ["anyone"],
  kind: "file",
  rateLimit: { name: "region.public.feed", perMinute: 60 },
  query: feedQuery,
  response: z.unknown(),
});

export const downloadAtomFeed = defineContract({
  method: "get",
  path: "/api/public/region/feed.atom",
  tag: "public",
  summary: "Atom 1.0 フィード（新着の掲載情報、またはこれからのイベント。市町・種類で絞り込み、50件）",
  allow: ["anyone"],
  kind: "file",
  rateLimit: { name: "region.public.feed", perMinute: 60 },
  query: feedQuery,
  response: z.unknown(),
});
