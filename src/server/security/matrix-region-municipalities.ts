// Route × role matrix rows of the region module's part: 連携市町と人口 (see matrix-table.ts for the notation).
//
// The rules, as the part states them (region/municipality-service.ts, population-service.ts): every member of staff
// (A B D V) reads the 市町, their populations, the exports and the staff home's figures; only the bureau that runs the
// hub (its editors, B, and administrators, A: region.manager) edits a 市町. A 市町's editor (M) works on its own
// 市町's items elsewhere and reaches none of these routes. Bulk registration goes through the platform's
// /api/imports/:kind (matrix-platform.ts); municipality-import.db.test.ts and population-import.db.test.ts hold who
// may import.
import type { MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGER = "AB.........";

export const regionMunicipalitiesMatrix: MatrixModule = {
  name: "region-municipalities",
  async collect() {
    return {};
  },
  table: {
    "GET /api/region/summary": { who: STAFF },
    "GET /api/region/municipalities": { who: STAFF },
    "GET /api/region/municipalities/export": { who: STAFF, query: () => ({ format: "csv" }) },
    "GET /api/region/municipalities/:code": { who: STAFF, params: () => ({ code: "402044" }) },
    "PATCH /api/region/municipalities/:code": {
      who: MANAGER,
      params: () => ({ code: "402044" }),
      body: () => ({ version: 1, kana: "のおがたし", nameEn: "Nogata City", district: null, joinedOn: "2016-04-18", organisationId: null }),
    },
    "GET /api/region/populations": { who: STAFF, query: () => ({ basis: "resident_register", asOf: "2022-01-01" }) },
    "GET /api/region/populations/export": { who: STAFF, query: () => ({ basis: "resident_register", asOf: "2022-01-01", format: "xlsx" }) },
  },
};
