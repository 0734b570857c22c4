// Route × role matrix rows of the SDGs public registry (see matrix-table.ts for the notation): the certified
// companies, their open data and 認証の確認 are read by anyone, signed in or not, external logins included. Each
// route is limited per address (120 a minute; the CSV 30): the matrix calls each about ten times, well under it.
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const ANYONE = "ABDVSCKFRMN";

export const sdgsPublicMatrix: MatrixModule = {
  name: "sdgs-public",
  async collect(db: Queryable) {
    const { rows } = await db.query<{ number: string }>(
      "SELECT number FROM sdgs_certifications WHERE status = 'active' ORDER BY valid_from DESC, number LIMIT 1",
    );
    if (!rows[0]) throw new Error("matrix-sdgs-public: the sample data has no active certification");
    return { "sdgs.certificateNumber": rows[0].number };
  },
  table: {
    "GET /api/public/sdgs/certified": { who: ANYONE, query: () => ({ q: "株式会社", pageSize: "10" }) },
    "GET /api/public/sdgs/certified.csv": { who: ANYONE, query: () => ({ ward: "wakamatsu" }) },
    "GET /api/public/sdgs/certificates/:number": {
      who: ANYONE,
      params: (ids: MatrixIds) => ({ number: ids["sdgs.certificateNumber"] }),
    },
  },
};
