// Route × role matrix rows of the SDGsステーション (see matrix-table.ts for the notation).
//
// The rules, as the module states them (sdgs/station-*-service.ts): every member of staff (A B D V) reads the
// consultations, matchings, posts, yearly costs and statistics (and the Excel file); only the bureau that runs the
// station (its editors, B, and administrators, A: sdgs.manager) records, changes, publishes and deletes. Outside logins
// (suppliers, council members, companies, banks, reviewers) never reach the staff routes. The public page's two routes
// answer anyone, signed in or not, and show only published posts (station.db.test.ts checks the rest).
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGER = "AB.........";
const ANYONE = "ABDVSCKFRMN";

const consultation = (ids: MatrixIds) => ({ id: ids["sdgs.consultation"] });
const matching = (ids: MatrixIds) => ({ id: ids["sdgs.matching"] });
const post = (ids: MatrixIds) => ({ id: ids["sdgs.stationPost"] });
const publishedPost = (ids: MatrixIds) => ({ id: ids["sdgs.publishedStationPost"] });
const fiscalYear = () => ({ fiscalYear: "2026" });

const consultationBody = () => ({
  consultedOn: "2026-11-05",
  channel: "visit",
  clientKind: "citizen",
  topic: "information",
  sdgGoals: [13],
  outcome: "answered",
});

export const sdgsStationMatrix: MatrixModule = {
  name: "sdgs-station",
  async collect(db: Queryable) {
    const c = await db.query<{ id: string }>("SELECT id FROM sdgs_consultations ORDER BY consulted_on LIMIT 1");
    const m = await db.query<{ id: string }>("SELECT id FROM sdgs_matchings ORDER BY requested_on LIMIT 1");
    const draft = await db.query<{ id: string }>("SELECT id FROM sdgs_station_posts WHERE published_at IS NULL ORDER BY title LIMIT 1");
    const published = await db.query<{ id: string }>(
      "SELECT id FROM sdgs_station_posts WHERE published_at IS NOT NULL ORDER BY title LIMIT 1",
    );
    if (!c.rows[0] || !m.rows[0] || !draft.rows[0] || !published.rows[0])
      throw new Error("matrix-sdgs-station: the sample data has no consultation, matching, draft post or published post");
    return {
      "sdgs.consultation": c.rows[0].id,
      "sdgs.matching": m.rows[0].id,
      "sdgs.stationPost": draft.rows[0].id,
      "sdgs.publishedStationPost": published.rows[0].id,
    };
  },
  table: {
    "GET /api/sdgs/station/consultations": { who: STAFF, query: () => ({ fiscalYear: "2026", followUp: "open" }) },
    "GET /api/sdgs/station/choices": { who: STAFF },
    "GET /api/sdgs/station/consultations/:id": { who: STAFF, params: consultation },
    "POST /api/sdgs/station/consultations": { who: MANAGER, body: consultationBody },
    "PUT /api/sdgs/station/consultations/:id": {
      who: MANAGER,
      params: consultation,
      body: () => ({ version: 1, consultation: consultationBody() }),
    },
    "DELETE /api/sdgs/station/consultations/:id": { who: MANAGER, params: consultation, query: () => ({ version: "1" }) },
    "POST /api/sdgs/station/consultations/:id/follow-up-done": { who: MANAGER, params: consultation, body: () => ({ version: 1 }) },

    "GET /api/sdgs/station/matchings": { who: STAFF, query: () => ({ fiscalYear: "2025" }) },
    "GET /api/sdgs/station/matchings/:id": { who: STAFF, params: matching },
    "POST /api/sdgs/station/matchings": {
      who: MANAGER,
      body: () => ({ requestedOn: "2026-11-10", requesterLabel: "行列テスト株式会社", purpose: "行列テスト" }),
    },
    "PUT /api/sdgs/station/matchings/:id": {
      who: MANAGER,
      params: matching,
      body: () => ({
        version: 1,
        matching: { requestedOn: "2026-11-10", requesterLabel: "行列テスト株式会社", purpose: "行列テスト", status: "requested" },
      }),
    },

    "GET /api/sdgs/station/posts": { who: STAFF },
    "GET /api/sdgs/station/posts/:id": { who: STAFF, params: post },
    "POST /api/sdgs/station/posts": { who: MANAGER, body: () => ({ kind: "info", title: "行列テストのお知らせ" }) },
    "PUT /api/sdgs/station/posts/:id": {
      who: MANAGER,
      params: post,
      body: () => ({ version: 1, post: { kind: "info", title: "行列テストのお知らせ" } }),
    },
    "DELETE /api/sdgs/station/posts/:id": { who: MANAGER, params: post, query: () => ({ version: "1" }) },
    "POST /api/sdgs/station/posts/:id/publish": { who: MANAGER, params: post, body: () => ({ version: 1 }) },
    "POST /api/sdgs/station/posts/:id/unpublish": { who: MANAGER, params: publishedPost, body: () => ({ version: 1 }) },
    "GET /api/public/sdgs/station/posts": { who: ANYONE },
    "GET /api/public/sdgs/station/posts/:id": { who: ANYONE, params: publishedPost },

    "GET /api/sdgs/station/costs": { who: STAFF },
    "PUT /api/sdgs/station/costs/:fiscalYear": { who: MANAGER, params: fiscalYear, body: () => ({ costYen: 1000, note: "" }) },
    "GET /api/sdgs/station/statistics": { who: STAFF, query: fiscalYear },
    "GET /api/sdgs/station/statistics.xlsx": { who: STAFF, query: fiscalYear },
  },
};
