// The hub's search as it lives in the page's URL (?q=…&municipality=…&page=2): links from the map (an area), an
// item (its surroundings) and the feeds land on a search, and the back button walks through searches.
import type { QueryOf } from "../../../common/api/contract";
import { PUBLIC_SEARCH_SORTS, type PublicSearchSort, type searchPublicItems } from "../../../common/api/region-public";
import { isDatasetKey } from "../../../common/region/datasets";

export interface HubSearch {
  q?: string;
  municipality?: string;
  dataset?: string;
  from?: string;
  to?: string;
  lat?: string;
  lon?: string;
  km?: string;
  bbox?: string;
  sort?: string;
  page?: string;
}

export const HUB_SEARCH_KEYS = ["q", "municipality", "dataset", "from", "to", "lat", "lon", "km", "bbox", "sort", "page"] as const;

export const PAGE_SIZE = 20;
export const RADII_KM = [1, 3, 5, 10, 20, 50] as const;

const isSort = (value: string | undefined): value is PublicSearchSort => (PUBLIC_SEARCH_SORTS as readonly string[]).includes(value ?? "");

/** The API's query for a search in the URL (values the API would refuse are left out, not sent). */
export function apiQueryOf(search: HubSearch): QueryOf<typeof searchPublicItems> {
  const near = search.lat && search.lon;
  const page = Number(search.page);
  return {
    q: search.q || undefined,
    municipality: search.municipality && /^\d{6}$/.test(search.municipality) ? search.municipality : undefined,
    dataset: search.dataset && isDatasetKey(search.dataset) ? search.dataset : undefined,
    from: search.from || undefined,
    to: search.to || undefined,
    lat: near ? search.lat : undefined,
    lon: near ? search.lon : undefined,
    km: near ? (search.km ?? "5") : undefined,
    bbox: search.bbox || undefined,
    sort: isSort(search.sort) && (search.sort !== "distance" || near) ? search.sort : near ? "distance" : "relevance",
    page: Number.isInteger(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
  };
}

/** Whether the search narrows anything (the hub's first view shows the featured items instead). */
export function isFiltered(search: HubSearch): boolean {
  return HUB_SEARCH_KEYS.some((key) => key !== "page" && key !== "sort" && !!search[key]);
}

/** "/public/region?q=…": the hub's path with the search's non-empty values. */
export function hubHref(hubPath: string, search: HubSearch): string {
  const params = new URLSearchParams();
  for (const key of HUB_SEARCH_KEYS) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `${hubPath}?${query}` : hubPath;
}
