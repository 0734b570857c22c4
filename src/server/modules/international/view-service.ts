// 保存した条件 (saved views of the 国際 lists) as the routes call it. A view belongs to one user: every read and write
// names the caller as the owner, and another user's view answers 404 as a missing one would. Any member of staff who
// reads the lists keeps views (viewers too). Each write is one transaction. Views are personal settings, not records
// of the city's work, so they write no audit rows (as a column choice of a table would not).
import { SAVED_VIEWS_PER_LIST_MAX, type SavedView, type SavedViewList } from "../../../common/api/international-views";
import type { Db } from "../../db/database";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { readStoredQuery } from "./view-query";
import * as repo from "./view-repository";

const WHAT = "保存した条件";

export const nameTakenMessage = (name: string) =>
  `「${name}」という名前の条件はすでに保存されています。上書きするか、別の名前にしてください。`;

function toView(row: repo.ViewRow): SavedView {
  const base = { id: row.id, name: row.name, createdAt: row.created_at.toISOString() };
  return row.list === "projects"
    ? { ...base, list: "projects", query: readStoredQuery("projects", row.query).query }
    : { ...base, list: "trips", query: readStoredQuery("trips", row.query).query };
}

export async function listViews(db: Db, user: Principal | null, list: SavedViewList): Promise<{ items: SavedView[] }> {
  authorize(user, "international.read");
  const rows = await repo.findViews(db, user.id, list);
  return { items: rows.map(toView) };
}

/** The body as the contract parsed it (name trimmed, query checked with the list's schema, replace defaulted). */
export interface SaveViewInput {
  list: SavedViewList;
  name: string;
  query: object;
  replace: boolean;
}

/**
 * Saves the caller's conditions under a name. The same name again is a 409 (saved_view_exists) unless `replace`, which
 * overwrites that view's conditions and keeps its id.
 */
export async function saveView(db: Db, user: Principal | null, input: SaveViewInput): Promise<SavedView> {
  authorize(user, "international.read");
  return db.transaction(async (tx) => {
    const existing = await repo.lockViewByName(tx, user.id, input.list, input.name);
    if (existing) {
      if (!input.replace)
        throw new Conflict(nameTakenMessage(input.name), "saved_view_exists", { name: "この名前はすでに使われています。" });
      return toView(await repo.updateViewQuery(tx, user.id, existing.id, input.query));
    }
    if ((await repo.countViews(tx, user.id, input.list)) >= SAVED_VIEWS_PER_LIST_MAX)
      throw new ValidationError(
        `保存できる条件は一覧ごとに${SAVED_VIEWS_PER_LIST_MAX}件までです。使わなくなった条件を削除してから保存してください。`,
      );
    const inserted = await repo.insertView(tx, user.id, input.list, input.name, input.query);
    if (!inserted) throw new Conflict(nameTakenMessage(input.name), "saved_view_exists", { name: "この名前はすでに使われています。" });
    return toView(inserted);
  });
}

export async function renameView(db: Db, user: Principal | null, id: string, name: string): Promise<SavedView> {
  authorize(user, "international.read");
  return db.transaction(async (tx) => {
    const view = await repo.lockView(tx, user.id, id);
    if (!view) throw new NotFound(WHAT);
    if (view.name === name) return toView(view);
    const renamed = await repo.renameView(tx, user.id, id, name);
    if (!renamed)
      throw new Conflict(`「${name}」という名前の条件はすでに保存されています。別の名前にしてください。`, "saved_view_exists", {
        name: "この名前はすでに使われています。",
      });
    return toView(renamed);
  });
}

export async function deleteView(db: Db, user: Principal | null, id: string): Promise<{ ok: true }> {
  authorize(user, "international.read");
  return db.transaction(async (tx) => {
    if (!(await repo.deleteView(tx, user.id, id))) throw new NotFound(WHAT);
    return { ok: true as const };
  });
}
