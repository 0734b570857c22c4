// The lists' conditions as URL search params (so that a view can be bookmarked and shared): read from the URL with
// anything unknown dropped, and turned into the list contracts' queries and the table's sort state.
import {
  PROJECT_SORTS,
  PROJECT_STATUSES,
  type ProjectStatus,
  TRIP_SORTS,
  TRIP_STATUSES,
  type TripStatus,
} from "../../../common/api/international";
import type { SortState } from "../../ui/DataTable";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function str(value: unknown, max = 100): string | undefined {
  const text = typeof value === "string" ? value.trim() : typeof value === "number" ? String(value) : "";
  return text !== "" && text.length <= max ? text : undefined;
}
function id(value: unknown): string | undefined {
  const text = str(value);
  return text && UUID.test(text) ? text : undefined;
}
function oneOf<T extends string>(list: readonly T[], value: unknown): T | undefined {
  return list.includes(value as T) ? (value as T) : undefined;
}
function year(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1950 && n <= 2100 ? n : undefined;
}
/** Drops the keys whose value is undefined (the URL then carries only the conditions set). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

export type ProjectSort = (typeof PROJECT_SORTS)[number];
export interface ProjectSearch {
  q?: string;
  fieldId?: string;
  organisationId?: string;
  status?: ProjectStatus;
  fiscalYear?: number;
  partnerId?: string;
  theme?: string;
  visibility?: "public" | "internal";
  sort?: ProjectSort;
}

export function projectSearch(search: Record<string, unknown>): ProjectSearch {
  return compact({
    q: str(search.q),
    fieldId: id(search.fieldId),
    organisationId: id(search.organisationId),
    status: oneOf(PROJECT_STATUSES, search.status),
    fiscalYear: year(search.fiscalYear),
    partnerId: id(search.partnerId),
    theme: str(search.theme, 50),
    visibility: oneOf(["public", "internal"] as const, search.visibility),
    sort: oneOf(PROJECT_SORTS, search.sort),
  });
}

export type TripSort = (typeof TRIP_SORTS)[number];
export interface TripSearch {
  q?: string;
  status?: TripStatus;
  organisationId?: string;
  fiscalYear?: number;
  /** a boolean in the URL (?overdue=true): the router would quote the string "true" (?overdue=%22true%22) */
  overdue?: true;
  sort?: TripSort;
}

export function tripSearch(search: Record<string, unknown>): TripSearch {
  return compact({
    q: str(search.q),
    status: oneOf(TRIP_STATUSES, search.status),
    organisationId: id(search.organisationId),
    fiscalYear: year(search.fiscalYear),
    overdue: search.overdue === "true" || search.overdue === true ? (true as const) : undefined,
    sort: oneOf(TRIP_SORTS, search.sort),
  });
}

/**
 * The table's sort state of a contract's sort value ("-updatedAt" → updatedAt, descending) and back. The contracts
 * name only some directions (事業名 both ways, 更新 newest first); a header asks for the one the server knows.
 */
export function sortState<K extends string>(value: string): SortState<K> {
  return value.startsWith("-") ? { key: value.slice(1) as K, order: "desc" } : { key: value as K, order: "asc" };
}

export function sortValue<S extends string>(allowed: readonly S[], state: SortState): S {
  const wanted = `${state.order === "desc" ? "-" : ""}${state.key}`;
  if (allowed.includes(wanted as S)) return wanted as S;
  // the other direction of a key the server sorts one way only
  const other = `${state.order === "desc" ? "" : "-"}${state.key}`;
  return (allowed.includes(other as S) ? other : allowed[0]) as S;
}
