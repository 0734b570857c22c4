// The public project list's conditions as URL search params (?q=…&fieldId=…&fiscalYear=2024&country=…&page=2): read
// from the URL with anything unknown or malformed dropped.

export interface PublicProjectSearch {
  q?: string;
  fieldId?: string;
  fiscalYear?: number;
  country?: string;
  page?: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const textOf = (value: unknown, max: number) => {
  const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
  return text !== "" && text.length <= max ? text : undefined;
};
const intOf = (value: unknown, min: number, max: number) => {
  const n = Number(value);
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
};

/** The URL's conditions, anything unknown or malformed dropped. */
export function publicProjectSearch(search: Record<string, unknown>): PublicProjectSearch {
  const fieldId = textOf(search.fieldId, 36);
  const page = intOf(search.page, 1, 10_000);
  return Object.fromEntries(
    Object.entries({
      q: textOf(search.q, 100),
      fieldId: fieldId && UUID.test(fieldId) ? fieldId : undefined,
      fiscalYear: intOf(search.fiscalYear, 1950, 2100),
      country: textOf(search.country, 60),
      page: page && page > 1 ? page : undefined,
    }).filter(([, v]) => v !== undefined),
  ) as PublicProjectSearch;
}

/** The public trip-report list's conditions (?q=…&fiscalYear=2024&country=…&page=2). */
export interface PublicTripSearch {
  q?: string;
  fiscalYear?: number;
  country?: string;
  page?: number;
}

/** The URL's conditions of the trip-report list, anything unknown or malformed dropped. */
export function publicTripSearch(search: Record<string, unknown>): PublicTripSearch {
  const { q, fiscalYear, country, page } = publicProjectSearch(search);
  return Object.fromEntries(Object.entries({ q, fiscalYear, country, page }).filter(([, v]) => v !== undefined)) as PublicTripSearch;
}
