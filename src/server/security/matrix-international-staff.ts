// Route × role matrix rows of the 国際 module's staff look-up (see matrix-table.ts for the notation).
//
// The rule, as the module states it (international/staff-lookup.ts): every member of staff (A B D V) may look up
// colleagues to name a trip's travellers or an action's owner; suppliers and council members (external logins) are
// refused (403), as is anyone not signed in (401). The look-up answers only names and divisions.
import type { MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";

export const internationalStaffMatrix: MatrixModule = {
  name: "international-staff",
  async collect() {
    return {};
  },
  table: {
    "GET /api/international/staff": { who: STAFF, query: () => ({ q: "matrix" }) },
  },
};
