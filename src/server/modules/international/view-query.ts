// A saved view's stored query read back through its list's schema (a pure function). A view is checked when it is
// saved, but the lists change over time (a sort order or a state may go away): a condition the list no longer takes is
// dropped, with its key named, instead of the whole view failing — the rest of the view still applies.
import { type ProjectViewQuery, type SavedViewList, type TripViewQuery, VIEW_QUERY_SCHEMAS } from "../../../common/api/international-views";

export interface StoredQuery<Q> {
  query: Q;
  /** the conditions left out because the list no longer takes them */
  dropped: string[];
}

export function readStoredQuery(list: "projects", raw: unknown): StoredQuery<ProjectViewQuery>;
export function readStoredQuery(list: "trips", raw: unknown): StoredQuery<TripViewQuery>;
export function readStoredQuery(list: SavedViewList, raw: unknown): StoredQuery<ProjectViewQuery | TripViewQuery>;
export function readStoredQuery(list: SavedViewList, raw: unknown): StoredQuery<ProjectViewQuery | TripViewQuery> {
  const schema = VIEW_QUERY_SCHEMAS[list];
  const value: Record<string, unknown> = raw && typeof raw === "object" && !Array.isArray(raw) ? { ...(raw as object) } : {};
  const dropped: string[] = [];
  // each round drops the keys the issues name; a key-less issue (the object itself) empties the query
  for (let round = 0; round < 3; round++) {
    const parsed = schema.safeParse(value);
    if (parsed.success) return { query: parsed.data, dropped };
    for (const issue of parsed.error.issues) {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : issue.path.length > 0 ? [String(issue.path[0])] : Object.keys(value);
      for (const key of keys) {
        if (key in value) {
          delete value[key];
          dropped.push(key);
        }
      }
    }
  }
  return { query: schema.parse({}), dropped: [...dropped, ...Object.keys(value)] };
}
