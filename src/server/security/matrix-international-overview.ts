// Route × role matrix rows of the 国際 module's overviews (totals and the world map; see matrix-table.ts for the
// notation). They are aggregates: every member of staff (A B D V) reads them, whichever division they belong to;
// external logins and anonymous callers read nothing.
import type { MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";

export const internationalOverviewMatrix: MatrixModule = {
  name: "international-overview",
  // no record ids: both routes take only a fiscal year
  collect: async () => ({}),
  table: {
    "GET /api/international/totals": { who: STAFF, query: () => ({ fiscalYear: "2025", by: "bureau" }) },
    "GET /api/international/map": { who: STAFF, query: () => ({ fiscalYear: "2025" }) },
  },
};
