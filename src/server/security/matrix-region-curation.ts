// Route × role matrix rows of the region module's part: オープンデータの取込と掲載情報の編集・公開 (see matrix-table.ts for
// the notation).
//
// The rules, as the part states them (region/curation-access.ts, item-service.ts, import-service.ts,
// problem-service.ts): every member of staff (A B D V) reads every 市町's items, imports and held rows; the bureau that
// runs the hub (B and administrators A: region.manager) imports, edits, publishes and fixes for any 市町 and alone
// features items (広域のおすすめ); a 市町's editor (M: 直方市) does all but featuring for 直方市 only — another 市町's
// item, import or held row (北九州市's, from the sample data) answers M 404, as a missing one would. Suppliers,
// council members, companies, banks and reviewers are refused (403), anonymous callers 401. Uploads
// (POST /api/region/imports) are called by refused roles only; problem-service.db.test.ts runs M's own import and
// its 404 for another 市町.
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const READERS = "ABDV.....M.";
const EDITORS = "AB.......M.";
const MANAGER = "AB.........";

async function one(db: Queryable, what: string, sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`matrix-region-curation: the sample data has no ${what}`);
  return rows[0].id;
}

const item = (ids: MatrixIds) => ({ id: ids["regionCuration.item"] });
const foreignItem = (ids: MatrixIds) => ({ id: ids["regionCuration.foreignItem"] });
const problem = (ids: MatrixIds) => ({ id: ids["regionCuration.problem"] });
const foreignProblem = (ids: MatrixIds) => ({ id: ids["regionCuration.foreignProblem"] });
const imported = (ids: MatrixIds) => ({ id: ids["regionCuration.import"] });
const foreignImport = (ids: MatrixIds) => ({ id: ids["regionCuration.foreignImport"] });
const version = () => ({ version: 1 });
const tourismFields = { 名称: "行列テストの丘", 所在地_連結表記: "福岡県直方市殿町1-1", 緯度: "33.74", 経度: "130.73" };

export const regionCurationMatrix: MatrixModule = {
  name: "region-curation",
  async collect(db) {
    return {
      "regionCuration.item": await one(
        db,
        "直方市's sample item",
        "SELECT id FROM region_items WHERE municipality_code = '402044' ORDER BY dataset, source_id LIMIT 1",
      ),
      "regionCuration.foreignItem": await one(
        db,
        "北九州市's sample item",
        "SELECT id FROM region_items WHERE municipality_code = '401005' LIMIT 1",
      ),
      "regionCuration.problem": await one(
        db,
        "直方市's held row",
        "SELECT id FROM region_import_problems WHERE municipality_code = '402044' LIMIT 1",
      ),
      "regionCuration.foreignProblem": await one(
        db,
        "another 市町's held row",
        "SELECT id FROM region_import_problems WHERE municipality_code <> '402044' LIMIT 1",
      ),
      "regionCuration.import": await one(db, "直方市's import", "SELECT id FROM region_imports WHERE municipality_code = '402044' LIMIT 1"),
      "regionCuration.foreignImport": await one(
        db,
        "北九州市's import",
        "SELECT id FROM region_imports WHERE municipality_code = '401005' LIMIT 1",
      ),
    };
  },
  table: {
    "GET /api/region/curation/context": { who: READERS },

    "GET /api/region/items": { who: READERS, query: () => ({ dataset: "tourism", sort: "name" }) },
    "GET /api/region/items.csv": { who: READERS, query: () => ({ status: "published" }) },
    "GET /api/region/items/:id": { who: READERS, params: item, foreign: foreignItem },
    "POST /api/region/items": {
      who: EDITORS,
      body: () => ({ municipalityCode: "402044", dataset: "tourism", fields: tourismFields, nameEn: "", descriptionEn: "" }),
    },
    "PUT /api/region/items/:id": {
      who: EDITORS,
      params: item,
      body: () => ({ version: 1, fields: tourismFields, nameEn: "", descriptionEn: "" }),
      foreign: foreignItem,
    },
    "POST /api/region/items/:id/publish": { who: EDITORS, params: item, body: version, foreign: foreignItem },
    "POST /api/region/items/:id/unpublish": { who: EDITORS, params: item, body: version, foreign: foreignItem },
    "POST /api/region/items/:id/feature": { who: MANAGER, params: item, body: version },
    "POST /api/region/items/:id/unfeature": { who: MANAGER, params: item, body: version },
    "DELETE /api/region/items/:id": { who: EDITORS, params: item, query: () => ({ version: "1" }), foreign: foreignItem },

    "POST /api/region/imports": { who: EDITORS },
    "GET /api/region/imports": { who: READERS, query: () => ({ dataset: "tourism" }) },
    "GET /api/region/imports/:id": { who: READERS, params: imported, foreign: foreignImport },

    "GET /api/region/problems": { who: READERS, query: () => ({ status: "open" }) },
    "GET /api/region/problems/:id": { who: READERS, params: problem, foreign: foreignProblem },
    "POST /api/region/problems/:id/fix": {
      who: EDITORS,
      params: problem,
      body: () => ({ fields: tourismFields }),
      foreign: foreignProblem,
    },
    "POST /api/region/problems/:id/dismiss": {
      who: EDITORS,
      params: problem,
      body: () => ({ reason: "行列テスト" }),
      foreign: foreignProblem,
    },
  },
};
