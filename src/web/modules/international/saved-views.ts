// 保存した条件 on the lists' side (pure functions): the conditions a view keeps of the page's URL search, whether the
// page shows a view now (same conditions, the list's default sort counting as no sort), and a view's conditions as a
// line of Japanese text.
import { PROJECT_STATUS_LABELS, type ProjectStatus, TRIP_STATUS_LABELS, type TripStatus } from "../../../common/api/international";
import type { SavedViewList } from "../../../common/api/international-views";
import { fiscalYearLabel } from "../../ui/dates";
import { vm } from "./viewMessages";

/** A list's conditions: the page's URL search (ProjectSearch, TripSearch) or a view's query. */
export type Conditions = object;

/** The sort each list shows when the URL names none (as ProjectsPage and TripsPage do). */
export const DEFAULT_SORTS: Record<SavedViewList, string> = { projects: "-updatedAt", trips: "-departsOn" };

/** The conditions set, as strings, without empty values and without the list's default sort. */
export function normalConditions(list: SavedViewList, conditions: Conditions): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(conditions)) {
    if (value === undefined || value === null || value === "") continue;
    if (key === "sort" && value === DEFAULT_SORTS[list]) continue;
    if (key === "overdue" && value === "false") continue; // the trips list treats "false" as no condition
    out[key] = String(value);
  }
  return out;
}

/** The conditions a view of the page keeps: what the URL sets (never the page number). */
export function conditionsToSave(list: SavedViewList, search: Conditions): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(search)) {
    if (key === "page" || key === "pageSize") continue;
    // 報告遅延のみ: true in the URL, "true" in the list's query
    if (value === true) out[key] = "true";
    else if (typeof value === "string" ? value !== "" : typeof value === "number") out[key] = value as string | number;
  }
  if (out.sort === DEFAULT_SORTS[list]) delete out.sort;
  return out;
}

export function sameConditions(list: SavedViewList, a: Conditions, b: Conditions): boolean {
  const x = normalConditions(list, a);
  const y = normalConditions(list, b);
  const keys = Object.keys(x);
  return keys.length === Object.keys(y).length && keys.every((key) => y[key] === x[key]);
}

/** The first view whose conditions the page shows now, or null. */
export function matchingView<V extends { list: SavedViewList; query: Conditions }>(views: readonly V[], search: Conditions): V | null {
  return views.find((view) => sameConditions(view.list, view.query, search)) ?? null;
}

/** Names of the records a condition points at (分野, 局・課, 相手先), as the pages already load them. */
export interface ConditionNames {
  fields: ReadonlyMap<string, string>;
  organisations: ReadonlyMap<string, string>;
  partners: ReadonlyMap<string, string>;
}

const w = vm.words;

/** The conditions as short Japanese phrases, in the order of the filter panel; the sort last. */
export function describeConditions(list: SavedViewList, conditions: Conditions, names: ConditionNames): string[] {
  const c = normalConditions(list, conditions);
  const name = (map: ReadonlyMap<string, string>, id: string) => map.get(id) ?? w.unknownRecord;
  const parts: string[] = [];
  if (c.q) parts.push(w.q(c.q));
  if (c.fieldId) parts.push(w.field(name(names.fields, c.fieldId)));
  if (c.organisationId) parts.push(w.organisation(name(names.organisations, c.organisationId)));
  if (c.status) {
    const label = list === "projects" ? PROJECT_STATUS_LABELS[c.status as ProjectStatus] : TRIP_STATUS_LABELS[c.status as TripStatus];
    parts.push(w.status(label ?? c.status));
  }
  if (c.fiscalYear) {
    const fy = Number(c.fiscalYear);
    parts.push(w.fiscalYear(`${fiscalYearLabel(fy)}（${fy}年度）`));
  }
  if (c.partnerId) parts.push(w.partner(name(names.partners, c.partnerId)));
  if (c.theme) parts.push(w.theme(c.theme));
  if (c.visibility === "public" || c.visibility === "internal") parts.push(w.visibility[c.visibility]);
  if (c.overdue === "true") parts.push(w.overdue);
  if (c.sort) {
    const sorts: Record<string, string> = list === "projects" ? vm.projectSorts : vm.tripSorts;
    parts.push(w.sort(sorts[c.sort] ?? c.sort));
  }
  return parts;
}
