// Contracts of 保存した条件 (saved views) of the 国際 lists (issue 15): a member of staff keeps the filters and sort
// of the 国際関連事業 or 海外出張 list under a name of their own and applies them again later. Views are personal: a
// user lists, renames and deletes only their own (another user's view does not exist for them: 404). A view's query
// is checked with the list's own query schema (the one GET /projects and GET /trips take, without the page), so a
// stored view can never hold a filter the list would refuse.
import { z } from "zod";
import { defineContract, idParams, okResponse } from "./contract";
import { listProjects, listTrips, PROJECT_SORTS, TRIP_SORTS } from "./international";

export const SAVED_VIEW_LISTS = ["projects", "trips"] as const;
export type SavedViewList = (typeof SAVED_VIEW_LISTS)[number];
export const SAVED_VIEW_LIST_LABELS: Record<SavedViewList, string> = { projects: "国際関連事業", trips: "海外出張" };

/** Limits shared by the dialog and the API: the name's length (as the table's CHECK) and the views one list keeps per user. */
export const SAVED_VIEW_NAME_MAX = 50;
export const SAVED_VIEWS_PER_LIST_MAX = 50;

function queryOf<Q>(schema: Q | undefined, list: string): Q {
  if (!schema) throw new Error(`the ${list} list contract has no query schema`);
  return schema;
}

/** The 国際関連事業 list's conditions: its query without the paging; the sort may be left to the list's default. */
export const projectViewQuery = queryOf(listProjects.query, "projects")
  .omit({ page: true, pageSize: true })
  .extend({ sort: z.enum(PROJECT_SORTS).optional() });
export type ProjectViewQuery = z.output<typeof projectViewQuery>;

/** The 海外出張 list's conditions, the same way. */
export const tripViewQuery = queryOf(listTrips.query, "trips")
  .omit({ page: true, pageSize: true })
  .extend({ sort: z.enum(TRIP_SORTS).optional() });
export type TripViewQuery = z.output<typeof tripViewQuery>;

export const VIEW_QUERY_SCHEMAS = { projects: projectViewQuery, trips: tripViewQuery } as const;

export const savedViewName = z
  .string({ error: "名前を入力してください。" })
  .trim()
  .min(1, "名前を入力してください。")
  .max(SAVED_VIEW_NAME_MAX, `名前は${SAVED_VIEW_NAME_MAX}文字以内です。`);

const viewBase = { id: z.string(), name: z.string(), createdAt: z.string() };
export const savedView = z.discriminatedUnion("list", [
  z.object({ ...viewBase, list: z.literal("projects"), query: projectViewQuery }),
  z.object({ ...viewBase, list: z.literal("trips"), query: tripViewQuery }),
]);
export type SavedView = z.infer<typeof savedView>;

const listParam = z.enum(SAVED_VIEW_LISTS, { error: "一覧は projects か trips です。" });

export const listSavedViews = defineContract({
  method: "get",
  path: "/api/international/saved-views",
  tag: "international",
  summary: "自分の保存した条件の一覧（国際関連事業・海外出張の一覧ごと、名前順）",
  allow: ["staff"],
  query: z.object({ list: listParam }).strict(),
  response: z.object({ items: z.array(savedView) }),
});

/** `replace`: a view of the same name is overwritten (without it, the same name answers 409 saved_view_exists). */
const replace = z.boolean().default(false);

export const saveSavedView = defineContract({
  method: "post",
  path: "/api/international/saved-views",
  tag: "international",
  summary: "今の条件（絞り込み・並び順）を名前をつけて保存（同じ名前があれば replace で上書き、なければ 409）",
  allow: ["staff"],
  body: z.discriminatedUnion("list", [
    z.object({ list: z.literal("projects"), name: savedViewName, query: projectViewQuery, replace }).strict(),
    z.object({ list: z.literal("trips"), name: savedViewName, query: tripViewQuery, replace }).strict(),
  ]),
  response: savedView,
});

export const renameSavedView = defineContract({
  method: "patch",
  path: "/api/international/saved-views/:id",
  tag: "international",
  summary: "保存した条件の名前を変更（自分の条件だけ）",
  allow: ["staff"],
  params: idParams,
  body: z.object({ name: savedViewName }).strict(),
  response: savedView,
});

export const deleteSavedView = defineContract({
  method: "delete",
  path: "/api/international/saved-views/:id",
  tag: "international",
  summary: "保存した条件を削除（自分の条件だけ）",
  allow: ["staff"],
  params: idParams,
  response: okResponse,
});
