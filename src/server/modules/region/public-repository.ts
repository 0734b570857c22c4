// SQL of the hub's public pages: only published items (status 'published'), only the columns the hub publishes.
// Every query names its columns; none reads `original` (the row as imported), `created_by` or `updated_by`, so nothing
// private can reach a public answer by way of a shared query. Each page is one query (its rows and, where it has one,
// its total); indexes for them are in migrations/0017_region_public.sql, measured with bench/region-search.bench.ts.
import type { DatasetKey } from "../../../common/region/datasets";
import type { BoundingBox } from "../../../common/region/geo";
import type { Queryable } from "../../db/database";

export interface PublicFilter {
  /** bigrams every match holds (NFKC, from the words of two characters or more) */
  grams: string[];
  /** words of one character: some bigram of the match holds it */
  chars: string[];
  /** the words, for ranking names that hold them first */
  tokens: string[];
  municipality?: string;
  dataset?: DatasetKey;
  /** events whose period overlaps from..to */
  from?: string;
  to?: string;
  near?: { lat: number; lon: number; km: number; box: BoundingBox };
  bbox?: BoundingBox;
  featured?: boolean;
}

export type PublicSort = "relevance" | "newest" | "name" | "date" | "distance";

export interface PublicSummaryRow {
  id: string;
  dataset: DatasetKey;
  municipality_code: string;
  municipality_name: string;
  municipality_name_en: string;
  name: string;
  name_en: string;
  /** the description's first 161 characters (160 and whether there is more) */
  description: string;
  description_en: string;
  category: string;
  address: string;
  lat: number | null;
  lon: number | null;
  start_date: string | null;
  end_date: string | null;
  start_time: string | null;
  end_time: string | null;
  image_url: string;
  featured: boolean;
  published_at: string | null;
  is_sample: boolean;
  distance_km: number | null;
}

export interface PublicDetailRow extends PublicSummaryRow {
  name_kana: string;
  url: string;
  fields: Record<string, unknown>;
  updated_at: string;
}

const FROM = "FROM region_items i JOIN region_municipalities m ON m.code = i.municipality_code";
const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;
/** An event's period as a date range (one-day events end on their start): the GiST index of 0017 is on it. */
const PERIOD = "daterange(i.start_date, coalesce(i.end_date, i.start_date), '[]')";

/** What a list shows of an item (region_items i). */
const ITEM_COLUMNS = `i.id, i.dataset, i.municipality_code, i.name, i.name_en, left(i.description, 161) AS description,
  left(i.description_en, 161) AS description_en, i.category, i.address, i.lat, i.lon, i.start_date::text AS start_date,
  i.end_date::text AS end_date, i.start_time, i.end_time, i.image_url, i.featured, ${iso("i.published_at")} AS published_at, i.is_sample`;
const SUMMARY_COLUMNS = `${ITEM_COLUMNS}, m.name AS municipality_name, m.name_en AS municipality_name_en`;

class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** Great-circle km from the search's point (haversine in SQL, the same as common/region/geo.ts distanceKm). */
function distanceSql(params: Params, near: { lat: number; lon: number }): string {
  const lat = params.add(near.lat);
  const lon = params.add(near.lon);
  return `(2 * 6371.0088 * asin(least(1, sqrt(power(sin(radians(i.lat - ${lat}::float8) / 2), 2)
    + cos(radians(${lat}::float8)) * cos(radians(i.lat)) * power(sin(radians(i.lon - ${lon}::float8) / 2), 2)))))`;
}

/** A box of the map: latitude as a range of the btree indexes of 0017, longitude checked inside them. */
const boxSql = (params: Params, box: BoundingBox) =>
  `i.lat BETWEEN ${params.add(box.south)}::float8 AND ${params.add(box.north)}::float8 AND i.lon BETWEEN ${params.add(box.west)}::float8 AND ${params.add(box.east)}::float8`;

/** The WHERE of a public search (published only) and the distance expression when it searches near a point. */
function whereOf(params: Params, filter: PublicFilter): { where: string; distance: string | null } {
  const clauses = ["i.status = 'published'"];
  if (filter.grams.length) clauses.push(`i.bigrams @> ${params.add(filter.grams)}::text[]`);
  for (const char of filter.chars) clauses.push(`EXISTS (SELECT 1 FROM unnest(i.bigrams) g WHERE strpos(g, ${params.add(char)}) > 0)`);
  if (filter.municipality) clauses.push(`i.municipality_code = ${params.add(filter.municipality)}`);
  if (filter.dataset) clauses.push(`i.dataset = ${params.add(filter.dataset)}`);
  if (filter.from || filter.to) {
    // dates belong to events: the period overlaps from..to (either end open)
    clauses.push(
      "i.dataset = 'event'",
      "i.start_date IS NOT NULL",
      `${PERIOD} && daterange(${params.add(filter.from ?? null)}::date, ${params.add(filter.to ?? null)}::date, '[]')`,
    );
  }
  let distance: string | null = null;
  if (filter.near) {
    clauses.push(boxSql(params, filter.near.box));
    distance = distanceSql(params, filter.near);
    clauses.push(`${distance} <= ${params.add(filter.near.km)}::float8`);
  }
  if (filter.bbox) clauses.push(boxSql(params, filter.bbox));
  if (filter.featured) clauses.push("i.featured");
  return { where: `WHERE ${clauses.join(" AND ")}`, distance };
}

/** A sort key: an expression over region_items i and its direction. */
interface SortKey {
  expr: string;
  dir: string;
}

function orderOf(params: Params, sort: PublicSort, filter: PublicFilter, distance: string | null): SortKey[] {
  const newest: SortKey[] = [
    { expr: "i.published_at", dir: "DESC NULLS LAST" },
    { expr: "i.id", dir: "" },
  ];
  switch (sort) {
    case "newest":
      return newest;
    case "name":
      return [
        { expr: "(i.name_kana = '')", dir: "" },
        { expr: `i.name_kana COLLATE "C"`, dir: "" },
        { expr: `i.name COLLATE "C"`, dir: "" },
        { expr: "i.id", dir: "" },
      ];
    case "date":
      return [{ expr: "i.start_date", dir: "NULLS LAST" }, { expr: "i.start_time", dir: "NULLS FIRST" }, ...newest];
    case "distance":
      return distance
        ? [
            { expr: distance, dir: "" },
            { expr: "i.id", dir: "" },
          ]
        : newest;
    default: {
      // relevance: items whose name holds every word first, then the nearest (near a point), then the newest
      const inName = filter.tokens.map((token) => {
        const t = params.add(token);
        // lower() only on the English name: lower-casing every Japanese name cost more than the search itself
        return `(strpos(i.name, ${t}) > 0 OR (i.name_en <> '' AND strpos(lower(i.name_en), ${t}) > 0))`;
      });
      return [
        ...(inName.length ? [{ expr: `(${inName.join(" AND ")})`, dir: "DESC" }] : []),
        ...(distance ? [{ expr: distance, dir: "" }] : []),
        ...newest,
      ];
    }
  }
}

/**
 * A page of the search with its total, in one statement: the page's rows by the sort, and the matches counted up to
 * `countCap + 1` (a search that matches most of 100,000 items stops counting there instead of reading them all).
 */
export async function searchPublished(
  db: Queryable,
  filter: PublicFilter,
  sort: PublicSort,
  page: { limit: number; offset: number },
  countCap: number,
): Promise<{ rows: PublicSummaryRow[]; total: number }> {
  const params = new Params();
  const { where, distance } = whereOf(params, filter);
  const keys = orderOf(params, sort, filter, distance);
  // the count reads the same WHERE (the same parameters); an uncorrelated scalar subquery runs once
  const total = `(SELECT count(*)::int FROM (SELECT 1 FROM region_items i ${where} LIMIT ${Number(countCap) + 1}) c) AS total`;
  // the page is chosen by id and sort keys alone, and only its rows are read whole and joined to their 市町: shaping
  // and joining every match first cost more than the search (thousands of matches of a common word)
  const { rows } = await db.query<PublicSummaryRow & { total: number }>(
    `SELECT ${SUMMARY_COLUMNS}, p.distance_km, ${total}
       FROM (SELECT i.id, ${distance ?? "NULL::float8"} AS distance_km, ${keys.map((key, n) => `${key.expr} AS sort_${n}`).join(", ")}
               FROM region_items i ${where}
              ORDER BY ${keys.map((key) => `${key.expr} ${key.dir}`).join(", ")}
              LIMIT ${Number(page.limit)} OFFSET ${Number(page.offset)}) p
       JOIN region_items i ON i.id = p.id
       JOIN region_municipalities m ON m.code = i.municipality_code
      ORDER BY ${keys.map((key, n) => `p.sort_${n} ${key.dir}`).join(", ")}`,
    params.values,
  );
  if (rows[0] || page.offset === 0) return { rows, total: rows[0]?.total ?? 0 };
  // a page past the end carries no row: count apart
  const countOnly = new Params();
  const again = whereOf(countOnly, filter);
  const counted = await db.query<{ total: number }>(
    `SELECT count(*)::int AS total FROM (SELECT 1 FROM region_items i ${again.where} LIMIT ${Number(countCap) + 1}) c`,
    countOnly.values,
  );
  return { rows: [], total: counted.rows[0].total };
}

/** One published item with everything the hub publishes of it (null when there is none, or it is not published). */
export async function findPublishedItem(db: Queryable, id: string): Promise<PublicDetailRow | null> {
  const { rows } = await db.query<PublicDetailRow>(
    `SELECT ${SUMMARY_COLUMNS.replace("left(i.description, 161) AS description, left(i.description_en, 161) AS description_en", "i.description, i.description_en")},
            NULL::float8 AS distance_km, i.name_kana, i.url, i.fields, ${iso("i.updated_at")} AS updated_at
       ${FROM} WHERE i.id = $1 AND i.status = 'published'`,
    [id],
  );
  return rows[0] ?? null;
}

/** 広域のおすすめ: featured and published, most recently featured first. */
export async function findFeatured(db: Queryable, limit: number): Promise<PublicSummaryRow[]> {
  const { rows } = await db.query<PublicSummaryRow>(
    `SELECT ${SUMMARY_COLUMNS}, NULL::float8 AS distance_km ${FROM}
      WHERE i.status = 'published' AND i.featured
      ORDER BY i.featured_at DESC NULLS LAST, i.published_at DESC NULLS LAST, i.id LIMIT ${Number(limit)}`,
  );
  return rows;
}

/** The 18 市町 in their order with their published items counted, and the published items per dataset. */
export async function findMunicipalityChoices(db: Queryable) {
  const { rows } = await db.query<{
    municipalities: { code: string; name: string; name_en: string; kana: string; published_count: number }[];
    datasets: { key: DatasetKey; published_count: number }[] | null;
  }>(
    `WITH counts AS (SELECT municipality_code, dataset, count(*)::int AS n FROM region_items WHERE status = 'published'
                      GROUP BY municipality_code, dataset)
     SELECT (SELECT coalesce(json_agg(json_build_object('code', m.code, 'name', m.name, 'name_en', m.name_en, 'kana', m.kana,
                     'published_count', coalesce((SELECT sum(n) FROM counts WHERE counts.municipality_code = m.code), 0))
                     ORDER BY m.sort_order, m.code), '[]') FROM region_municipalities m) AS municipalities,
            (SELECT json_agg(json_build_object('key', d.dataset, 'published_count', d.n))
               FROM (SELECT dataset, sum(n)::int AS n FROM counts GROUP BY dataset) d) AS datasets`,
  );
  return { municipalities: rows[0].municipalities, datasets: rows[0].datasets ?? [] };
}

export interface MapPointRow {
  id: string;
  dataset: DatasetKey;
  municipality_code: string;
  name: string;
  name_en: string;
  lat: number;
  lon: number;
  total: number;
}

/** The map's points (published, with a place), newest first (walked in the 新着 index), with every match counted. */
export async function findMapPoints(
  db: Queryable,
  filter: { dataset?: DatasetKey; municipality?: string },
  limit: number,
): Promise<{ rows: MapPointRow[]; total: number }> {
  const params = new Params();
  const clauses = ["i.status = 'published'", "i.lat IS NOT NULL", "i.lon IS NOT NULL"];
  if (filter.dataset) clauses.push(`i.dataset = ${params.add(filter.dataset)}`);
  if (filter.municipality) clauses.push(`i.municipality_code = ${params.add(filter.municipality)}`);
  const where = `WHERE ${clauses.join(" AND ")}`;
  const { rows } = await db.query<MapPointRow>(
    `SELECT i.id, i.dataset, i.municipality_code, i.name, i.name_en, i.lat, i.lon,
            (SELECT count(*)::int FROM region_items i ${where}) AS total
       FROM region_items i ${where}
      ORDER BY i.published_at DESC NULLS LAST, i.id LIMIT ${Number(limit)}`,
    params.values,
  );
  return { rows, total: rows[0]?.total ?? 0 };
}

export interface EventRow extends PublicSummaryRow {
  /** whole, for the .ics and the feeds */
  description_full: string;
  description_en_full: string;
  updated_at: string;
}

/**
 * Published events whose period overlaps from..to (either end open), soonest first: the calendar's month, the .ics
 * feed and the upcoming-events feed.
 */
export async function findEvents(
  db: Queryable,
  filter: { grams: string[]; chars: string[]; municipality?: string; dataset?: DatasetKey; from: string | null; to: string | null },
  limit: number,
): Promise<EventRow[]> {
  const params = new Params();
  const { where } = whereOf(params, {
    grams: filter.grams,
    chars: filter.chars,
    tokens: [],
    municipality: filter.municipality,
    dataset: "event",
  });
  const period = `${PERIOD} && daterange(${params.add(filter.from)}::date, ${params.add(filter.to)}::date, '[]')`;
  const { rows } = await db.query<EventRow>(
    `SELECT ${SUMMARY_COLUMNS}, NULL::float8 AS distance_km, i.description AS description_full, i.description_en AS description_en_full,
            ${iso("i.updated_at")} AS updated_at
       ${FROM} ${where} AND i.start_date IS NOT NULL AND ${period}
      ORDER BY i.start_date, i.start_time NULLS FIRST, i.name COLLATE "C", i.id LIMIT ${Number(limit)}`,
    params.values,
  );
  return rows;
}

/** The newest published items (the 新着 feed), with whole descriptions. */
export async function findNewest(
  db: Queryable,
  filter: { municipality?: string; dataset?: DatasetKey },
  limit: number,
): Promise<EventRow[]> {
  const params = new Params();
  const { where } = whereOf(params, { grams: [], chars: [], tokens: [], ...filter });
  const { rows } = await db.query<EventRow>(
    `SELECT ${SUMMARY_COLUMNS}, NULL::float8 AS distance_km, i.description AS description_full, i.description_en AS description_en_full,
            ${iso("i.updated_at")} AS updated_at
       ${FROM} ${where} AND i.published_at IS NOT NULL
      ORDER BY i.published_at DESC NULLS LAST, i.id LIMIT ${Number(limit)}`,
    params.values,
  );
  return rows;
}
