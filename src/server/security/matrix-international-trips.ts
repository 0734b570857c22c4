// Route × role matrix rows of the 国際 module's trips (海外出張) and 旅費の基準額 (see matrix-table.ts for the notation).
//
// The rules, as the module states them (international/access.ts, trip-service.ts, trip-states.ts):
// - every member of staff (A B D V) lists trips (the bureau all of them, others their division's and those they
//   travel on), their overdue reports, and reads the travel rates;
// - a trip is read (detail, PDF) by its division's staff, its travellers, the bureau's staff (政策局: B) and
//   administrators; to anyone else it does not exist (404). The trip used here is 国際政策課's planned sample trip:
//   財政課's editor (D) gets 404; the viewer of 産業政策課 (V) is shown a trip of their own division instead, which
//   they read;
// - a trip is entered by any editor for their own division (A B D), and changed, moved on (here: 計画 → 申請) and
//   reported on only by its division's editors and administrators: the bureau's editor (B), though they approve and
//   settle, is refused 国際政策課's 申請 and edit (403), 財政課's editor does not see the trip (404);
// - the coordinating bureau's editors (B) and administrators add travel-rate versions.
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule, MatrixRole } from "./matrix-table";

async function one(db: Queryable, what: string, sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`matrix-international-trips: the sample data has no ${what}`);
  return rows[0].id;
}

const STAFF = "ABDV.......";
const EDITORS = "ABD........";
const MANAGERS = "AB.........";
const OWNING_DIVISION = "A..........";

const trip = (ids: MatrixIds) => ({ id: ids["international.trip"] });
/** The viewer (産業政策課) reads a trip of their own division; everyone else is called with 国際政策課's. */
const tripFor = (ids: MatrixIds, role: MatrixRole) => ({
  id: role === "viewer" ? ids["international.viewerDivisionTrip"] : ids["international.trip"],
});

const tripInput = (ids: MatrixIds) => ({
  title: "行列テストの出張",
  ownerOrganisationId: ids["international.tripOwner"],
  departsOn: "2027-03-09",
  returnsOn: "2027-03-14",
  travellers: [{ name: "行列 太郎", role: "leader" }],
});

export const internationalTripsMatrix: MatrixModule = {
  name: "international-trips",
  async collect(db) {
    const kokusai = await one(db, "organisation seisaku-kokusai", "SELECT id FROM organisations WHERE code = 'seisaku-kokusai'");
    const sangyo = await one(db, "organisation sangyo-kikaku", "SELECT id FROM organisations WHERE code = 'sangyo-kikaku'");
    return {
      "international.tripOwner": kokusai,
      "international.trip": await one(
        db,
        "planned trip of 国際政策課",
        "SELECT id FROM international_trips WHERE owner_organisation_id = $1 AND status = 'planned' ORDER BY departs_on LIMIT 1",
        [kokusai],
      ),
      "international.viewerDivisionTrip": await one(
        db,
        "trip of 産業政策課",
        "SELECT id FROM international_trips WHERE owner_organisation_id = $1 ORDER BY departs_on LIMIT 1",
        [sangyo],
      ),
    };
  },
  table: {
    "GET /api/international/trips": { who: STAFF, query: () => ({ sort: "status" }) },
    "GET /api/international/trips/overdue-reports": { who: STAFF },
    "POST /api/international/trips": { who: EDITORS, body: tripInput },
    "GET /api/international/trips/:id": { who: "AB.V.......", params: tripFor },
    "GET /api/international/trips/:id/summary.pdf": { who: "AB.V.......", params: tripFor },
    "PUT /api/international/trips/:id": { who: OWNING_DIVISION, params: trip, body: (ids) => ({ version: 1, trip: tripInput(ids) }) },
    "POST /api/international/trips/:id/transition": { who: OWNING_DIVISION, params: trip, body: () => ({ version: 1, to: "applied" }) },
    "PUT /api/international/trips/:id/report": {
      who: OWNING_DIVISION,
      params: trip,
      body: () => ({ version: 1, filedOn: "2027-03-20", results: "行列テストの成果", publish: false }),
    },
    "GET /api/international/travel-rates": { who: STAFF, query: () => ({ onDate: "2024-04-01" }) },
    "POST /api/international/travel-rates": {
      who: MANAGERS,
      body: () => ({ validFrom: "2030-04-01", costKind: "daily", regionClass: "class_a", amount: 7600 }),
    },
  },
};
