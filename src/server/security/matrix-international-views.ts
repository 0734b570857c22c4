// Route × role matrix rows of 保存した条件 (saved views of the 国際 lists; see matrix-table.ts for the notation).
//
// The rules, as the module states them (international/view-service.ts): every member of staff who reads the lists
// (A B D V, the viewer too) lists, saves, renames and deletes their own views; suppliers' and council members' logins
// (partners) and anonymous callers never reach them. A view belongs to its user alone: another user's view answers
// 404 (checked in view-service.db.test.ts, since the matrix's allowed callers stop at validation here).
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";

const view = (ids: MatrixIds) => ({ id: ids["international.savedView"] });

export const internationalViewsMatrix: MatrixModule = {
  name: "international-views",
  async collect(db: Queryable, users) {
    if (!users.admin) throw new Error("matrix-international-views: the matrix world has no administrator");
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO international_saved_views (user_id, list, name, query)
       VALUES ($1, 'projects', '行列テストの条件', '{"status":"active"}'::jsonb) RETURNING id`,
      [users.admin.id],
    );
    return { "international.savedView": rows[0].id };
  },
  table: {
    "GET /api/international/saved-views": { who: STAFF, query: () => ({ list: "projects" }) },
    "POST /api/international/saved-views": {
      who: STAFF,
      body: () => ({ list: "trips", name: "行列テストで保存", query: { status: "planned", sort: "title" } }),
    },
    "PATCH /api/international/saved-views/:id": { who: STAFF, params: view, body: () => ({ name: "行列テスト（名前を変更）" }) },
    "DELETE /api/international/saved-views/:id": { who: STAFF, params: view },
  },
};
