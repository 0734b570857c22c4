// The hub's public pages (no sign-in): the search, an item, the featured items, the 市町 for the filters, the map's
// boundaries and points and the calendar's month. Only published items; the answers carry only what the hub
// publishes (common/api/region-public.ts), shaped from the repository's named columns.
import type { QueryOf, ResponseOf } from "../../../common/api/contract";
import {
  CALENDAR_EVENT_LIMIT,
  type getMunicipalityBoundaries,
  type listCalendarMonth,
  type listMapPoints,
  type listPublicMunicipalities,
  MAP_CREDIT,
  MAP_POINT_LIMIT,
  PUBLIC_COUNT_CAP,
  type PublicCalendarEvent,
  type PublicItemDetail,
  type PublicItemSummary,
  type searchPublicItems,
} from "../../../common/api/region-public";
import { DATASETS } from "../../../common/region/datasets";
import { boxAround, parseBoundingBox } from "../../../common/region/geo";
import boundaries from "../../../common/region/kitakyushu-region-18.geo.json";
import { bigramsOf, queryTokens } from "../../../common/search/bigrams";
import type { Queryable } from "../../db/database";
import { NotFound } from "../../platform/errors";
import * as repo from "./public-repository";

/** The near-a-point filter's radius when none is given. */
export const DEFAULT_NEAR_KM = 5;
const MAX_WORDS = 8;
const SUMMARY_LENGTH = 160;

/** The words of a search: bigrams of the longer ones (the GIN index), single characters apart, at most 8 words. */
export function wordsOf(q: string | undefined): Pick<repo.PublicFilter, "grams" | "chars" | "tokens"> {
  const tokens = q ? queryTokens(q).slice(0, MAX_WORDS) : [];
  const long = tokens.filter((token) => Array.from(token).length > 1);
  return {
    tokens,
    grams: long.length ? bigramsOf(long.join(" ")) : [],
    chars: tokens.filter((token) => Array.from(token).length === 1),
  };
}

type SearchQuery = QueryOf<typeof searchPublicItems> & { sort: repo.PublicSort; page: number; pageSize: number };

export function filterOf(query: Omit<SearchQuery, "sort" | "page" | "pageSize">): repo.PublicFilter {
  const near =
    query.lat !== undefined && query.lon !== undefined
      ? { lat: Number(query.lat), lon: Number(query.lon), km: Number(query.km ?? DEFAULT_NEAR_KM) }
      : undefined;
  return {
    ...wordsOf(query.q),
    municipality: query.municipality,
    dataset: query.dataset,
    from: query.from,
    to: query.to,
    near: near && { ...near, box: boxAround(near, near.km) },
    bbox: (query.bbox && parseBoundingBox(query.bbox)) || undefined,
    featured: query.featured === "true",
  };
}

const clip = (text: string) => (Array.from(text).length > SUMMARY_LENGTH ? `${Array.from(text).slice(0, SUMMARY_LENGTH).join("")}…` : text);

export function toSummary(row: repo.PublicSummaryRow): PublicItemSummary {
  return {
    id: row.id,
    dataset: row.dataset,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    municipalityNameEn: row.municipality_name_en,
    name: row.name,
    nameEn: row.name_en,
    summary: clip(row.description),
    summaryEn: clip(row.description_en),
    category: row.category,
    address: row.address,
    lat: row.lat,
    lon: row.lon,
    startDate: row.start_date,
    endDate: row.end_date,
    startTime: row.start_time,
    endTime: row.end_time,
    imageUrl: row.image_url,
    featured: row.featured,
    publishedAt: row.published_at,
    isSample: row.is_sample,
    distanceKm: row.distance_km === null ? null : Math.round(Number(row.distance_km) * 100) / 100,
  };
}

// Columns a page shows in its own places (name, place, dates, texts) or that only identify the row in the file.
const SHOWN_ELSEWHERE = new Set(["全国地方公共団体コード", "ID", "地方公共団体名", "町字ID"]);

/** The dataset's other 正式版 columns that have a value, in the definition's order. */
export function detailsOf(row: Pick<repo.PublicDetailRow, "dataset" | "fields">): PublicItemDetail["details"] {
  const fields = row.fields ?? {};
  return DATASETS[row.dataset].columns.flatMap((column) => {
    if (column.item || SHOWN_ELSEWHERE.has(column.name) || column.name.startsWith("所在地_")) return [];
    const raw = fields[column.name];
    const value = raw === null || raw === undefined ? "" : Array.isArray(raw) ? raw.join("、") : String(raw).trim();
    return value ? [{ column: column.name, value }] : [];
  });
}

export function toDetail(row: repo.PublicDetailRow): PublicItemDetail {
  return {
    ...toSummary(row),
    summary: clip(row.description),
    summaryEn: clip(row.description_en),
    nameKana: row.name_kana,
    description: row.description,
    descriptionEn: row.description_en,
    url: row.url,
    details: detailsOf(row),
    updatedAt: row.updated_at,
  };
}

export async function searchItems(db: Queryable, query: SearchQuery): Promise<ResponseOf<typeof searchPublicItems>> {
  const { rows, total } = await repo.searchPublished(
    db,
    filterOf(query),
    query.sort,
    { limit: query.pageSize, offset: (query.page - 1) * query.pageSize },
    PUBLIC_COUNT_CAP,
  );
  return {
    items: rows.map(toSummary),
    total: Math.min(total, PUBLIC_COUNT_CAP),
    totalCapped: total > PUBLIC_COUNT_CAP,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** A published item; anything else (a draft, a withdrawn item, no such id) is not found. */
export async function publishedItem(db: Queryable, id: string): Promise<PublicItemDetail> {
  const row = await repo.findPublishedItem(db, id);
  if (!row) throw new NotFound("公開中の掲載情報");
  return toDetail(row);
}

export async function featuredItems(db: Queryable, limit: number): Promise<{ items: PublicItemSummary[] }> {
  return { items: (await repo.findFeatured(db, limit)).map(toSummary) };
}

export async function municipalityChoices(db: Queryable): Promise<ResponseOf<typeof listPublicMunicipalities>> {
  const { municipalities, datasets } = await repo.findMunicipalityChoices(db);
  const counts = new Map(datasets.map((d) => [d.key, Number(d.published_count)]));
  return {
    municipalities: municipalities.map((m) => ({
      code: m.code,
      name: m.name,
      nameEn: m.name_en,
      kana: m.kana,
      publishedCount: Number(m.published_count),
    })),
    datasets: Object.values(DATASETS).map((d) => ({ key: d.key, publishedCount: counts.get(d.key) ?? 0 })),
  };
}

/** The 18 市町's boundaries as kept in the repository, with the credit line they must carry. */
export function municipalityBoundaries(): ResponseOf<typeof getMunicipalityBoundaries> {
  return { ...(boundaries as Omit<ResponseOf<typeof getMunicipalityBoundaries>, "attribution">), attribution: MAP_CREDIT };
}

export async function mapPoints(db: Queryable, query: QueryOf<typeof listMapPoints>): Promise<ResponseOf<typeof listMapPoints>> {
  const { rows, total } = await repo.findMapPoints(db, query, MAP_POINT_LIMIT);
  return {
    points: rows.map((r) => ({
      id: r.id,
      dataset: r.dataset,
      municipalityCode: r.municipality_code,
      name: r.name,
      nameEn: r.name_en,
      lat: r.lat,
      lon: r.lon,
    })),
    total,
  };
}

/** The first and last day of a YYYY-MM month. */
export function monthRange(month: string): { from: string; to: string } {
  const [year, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

export function toCalendarEvent(row: repo.PublicSummaryRow): PublicCalendarEvent {
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    municipalityName: row.municipality_name,
    municipalityNameEn: row.municipality_name_en,
    name: row.name,
    nameEn: row.name_en,
    startDate: row.start_date as string,
    endDate: row.end_date && row.end_date !== row.start_date ? row.end_date : null,
    startTime: row.start_time,
    endTime: row.end_time,
    isSample: row.is_sample,
  };
}

export async function calendarMonth(
  db: Queryable,
  query: QueryOf<typeof listCalendarMonth>,
): Promise<ResponseOf<typeof listCalendarMonth>> {
  const { from, to } = monthRange(query.month);
  const rows = await repo.findEvents(db, { ...wordsOf(query.q), municipality: query.municipality, from, to }, CALENDAR_EVENT_LIMIT + 1);
  return {
    month: query.month,
    events: rows.slice(0, CALENDAR_EVENT_LIMIT).map(toCalendarEvent),
    truncated: rows.length > CALENDAR_EVENT_LIMIT,
  };
}
