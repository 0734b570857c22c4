// Route × role matrix rows of the SDGs module's 募集回と審査基準 (see matrix-table.ts for the notation).
//
// The rules, as the module states them (sdgs/round-service.ts): every member of staff (A B D V) lists the rounds and
// reads one; an applicant company's login (K) and a 審査員 (R) read one round's rules (the application form and the
// score sheet are built from them) but not the list with its counts; only the bureau that runs the programme (B, its
// editors) and administrators (A) create, save, score (一括採点) and delete rounds. Suppliers, council members, banks
// and anonymous callers never reach them. Deleting a round with applications (409) and the locked rules are checked
// in round-service.db.test.ts.
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGERS = "AB.........";
const READERS = "ABDV..K.R..";

const round = (ids: MatrixIds) => ({ id: ids["sdgs.round"] });

const roundBody = () => ({
  version: 1,
  name: "行列テストの募集回",
  fiscalYear: 2026,
  opensOn: "2026-07-01",
  closesOn: "2026-12-11",
  committeePlannedOn: null,
  validityYears: 3,
  renewalWindowDays: 90,
  rankUpAfterMonths: 12,
  reportIntervalMonths: 12,
  minGoals: 3,
  guidance: "",
  eligibilityRules: [
    { code: "office_in_city", question: "市内に事業所がありますか。", requiredAnswer: true, failureReason: "市内の事業者が対象です。" },
  ],
  domains: [
    {
      name: "環境",
      items: [{ code: "E-01", text: "環境法令を守っている。", points: 10, required: true, evidenceRequired: false, sdgGoals: [12] }],
    },
  ],
  tiers: [{ rank: 1, name: "認証", minScore: 5 }],
});

export const sdgsRoundsMatrix: MatrixModule = {
  name: "sdgs-rounds",
  async collect(db: Queryable) {
    const { rows } = await db.query<{ id: string }>("SELECT id FROM sdgs_rounds ORDER BY fiscal_year DESC, opens_on DESC LIMIT 1");
    if (!rows[0]) throw new Error("matrix-sdgs-rounds: the sample data has no round");
    return { "sdgs.round": rows[0].id };
  },
  table: {
    "GET /api/sdgs/rounds": { who: STAFF },
    "POST /api/sdgs/rounds": {
      who: MANAGERS,
      body: () => ({ name: "行列テストで作る募集回", fiscalYear: 2027, opensOn: "2027-07-01", closesOn: "2027-12-10" }),
    },
    "GET /api/sdgs/rounds/:id": { who: READERS, params: round },
    "PUT /api/sdgs/rounds/:id": { who: MANAGERS, params: round, body: roundBody },
    "POST /api/sdgs/rounds/:id/score": { who: MANAGERS, params: round },
    "DELETE /api/sdgs/rounds/:id": { who: MANAGERS, params: round },
  },
};
