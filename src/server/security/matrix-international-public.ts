// Route × role matrix rows of the 国際 module's public pages (see matrix-table.ts for the notation): the 国際関連事業
// marked 公開 are read by anyone, signed in or not, external logins included. The project used is a public one of
// the sample data (大連市との友好交流事業); an internal project answers 404 to everyone (public.db.test.ts).
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const ANYONE = "ABDVSCKFRMN";

async function one(db: Queryable, what: string, sql: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql);
  if (!rows[0]) throw new Error(`matrix-international-public: the sample data has no ${what}`);
  return rows[0].id;
}

export const internationalPublicMatrix: MatrixModule = {
  name: "international-public",
  async collect(db) {
    return {
      "international.publicProject": await one(
        db,
        "public project 大連市との友好交流事業",
        "SELECT id FROM international_projects WHERE name = '大連市との友好交流事業' AND is_public",
      ),
      "international.publicTripReport": await one(
        db,
        "completed trip with a published report",
        "SELECT id FROM international_trips WHERE report_public AND status = 'completed' ORDER BY departs_on LIMIT 1",
      ),
    };
  },
  table: {
    "GET /api/public/international/projects": { who: ANYONE, query: () => ({ q: "大連", fiscalYear: "2024" }) },
    "GET /api/public/international/projects/:id": {
      who: ANYONE,
      params: (ids: MatrixIds) => ({ id: ids["international.publicProject"] }),
    },
    "GET /api/public/international/trip-reports": { who: ANYONE, query: () => ({ q: "大連", fiscalYear: "2024" }) },
    "GET /api/public/international/trip-reports/:id": {
      who: ANYONE,
      params: (ids: MatrixIds) => ({ id: ids["international.publicTripReport"] }),
    },
  },
};
