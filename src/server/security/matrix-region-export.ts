// Route × role matrix rows of the region module's part: 正式版の列順での出力とCKAN互換のカタログAPI (see matrix-table.ts
// for the notation).
//
// The rules, as the part states them (region/export-service.ts, catalogue-service.ts): every member of staff (A B D V)
// and a 市町's editor (M) read the overview and export published items of any 市町; drafts and withdrawn items only
// the region managers (A, B) and the 市町's own editor (M, for 直方市) — so the staff rows ask for everything as A, B
// and M and for published items as D and V, and M asking for another 市町's (北九州市's) everything gets 404. Only the
// region managers change the licence. The public list, the CSV files and the CKAN Action API are read by anyone,
// external logins included, each limited per address (the matrix calls each about a dozen times, under every limit).
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule, MatrixRole } from "./matrix-table";

const READERS = "ABDV.....M.";
const MANAGER = "AB.........";
const ANYONE = "ABDVSCKFRMN";

/** Everything for those who may export drafts of 直方市; published items for the rest. */
const scopeOf = (role: MatrixRole) => (role === "admin" || role === "bureauEditor" || role === "municipalityEditor" ? "all" : "published");
const exportCase = {
  who: READERS,
  params: () => ({ municipality: "402044" }),
  query: (_ids: MatrixIds, role: MatrixRole) => ({ dataset: "tourism", encoding: "cp932", scope: scopeOf(role) }),
  foreign: () => ({ municipality: "401005" }),
};

export const regionExportMatrix: MatrixModule = {
  name: "region-export",
  async collect(db: Queryable) {
    // a package needs a published item: the sample data's, or one made here when there is none
    const found = await db.query<{ municipality_code: string; dataset: string }>(
      "SELECT municipality_code, dataset FROM region_items WHERE status = 'published' ORDER BY municipality_code, dataset LIMIT 1",
    );
    if (found.rows[0]) return { "region.package": `${found.rows[0].municipality_code}-${found.rows[0].dataset}` };
    await db.query(
      `INSERT INTO region_items (municipality_code, dataset, source_id, origin, fields, name, status, published_at, is_sample)
       VALUES ('402044', 'tourism', 'matrix-1', 'import', '{"名称":"直方市石炭記念館"}', '直方市石炭記念館', 'published', now(), true)`,
    );
    return { "region.package": "402044-tourism" };
  },
  table: {
    "GET /api/region/opendata": { who: READERS },
    "GET /api/region/opendata/:municipality/check": exportCase,
    "GET /api/region/opendata/:municipality/export": exportCase,
    "PUT /api/region/opendata/license": { who: MANAGER, body: () => ({ license: "CC-BY-4.0" }) },
    "GET /api/public/region/opendata": { who: ANYONE },
    "GET /api/public/region/opendata/:fileName": { who: ANYONE, params: () => ({ fileName: "402044_tourism.csv" }) },
    "GET /api/public/region/ckan/3/action/package_search": { who: ANYONE, query: () => ({ fq: "organization:402044", rows: "5" }) },
    "GET /api/public/region/ckan/3/action/package_show": { who: ANYONE, query: (ids: MatrixIds) => ({ id: ids["region.package"] }) },
    "GET /api/public/region/ckan/3/action/package_list": { who: ANYONE },
    "GET /api/public/region/ckan/3/action/organization_list": { who: ANYONE, query: () => ({ all_fields: "true" }) },
  },
};
