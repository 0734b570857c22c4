// Route × role matrix rows of 金融連携 and the SDGs dashboard (see matrix-table.ts for the notation).
//
// The rules, as the module states them (sdgs/finance-service.ts): every member of staff (A B D V) reads the partner
// banks, every bank's finance records and the dashboard; only the bureau that runs the programme (its editors, B,
// and administrators, A: sdgs.manager) adds and changes banks. A partner bank's login (F: the first sample bank)
// searches the certified companies and keeps its own finance records; nobody else reaches those routes, and another
// bank's record answers the bank 404 (the `foreign` rows; finance.db.test.ts checks the rest).
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGER = "AB.........";
const BANK = ".......F...";

const financeBody = (ids: MatrixIds) => ({
  certificateNumber: ids["sdgs.financeCertificate"],
  productKind: "loan",
  productName: "行列テストの融資",
  amountBand: "under_10m",
  executedOn: ids["sdgs.financeDate"],
  note: "",
});

export const sdgsFinanceMatrix: MatrixModule = {
  name: "sdgs-finance",
  async collect(db: Queryable, users) {
    const bankOrg = users.bank?.organisationId;
    const own = await db.query<{ id: string; bank_id: string; number: string; executed_on: string }>(
      `SELECT f.id, f.bank_id, ce.number, f.executed_on::text AS executed_on FROM sdgs_finance_links f
         JOIN sdgs_banks b ON b.id = f.bank_id JOIN sdgs_certifications ce ON ce.id = f.certification_id
        WHERE b.organisation_id = $1 ORDER BY f.executed_on LIMIT 1`,
      [bankOrg],
    );
    const foreign = await db.query<{ id: string }>(
      `SELECT f.id FROM sdgs_finance_links f JOIN sdgs_banks b ON b.id = f.bank_id WHERE b.organisation_id <> $1 ORDER BY f.executed_on LIMIT 1`,
      [bankOrg],
    );
    const bank = await db.query<{ id: string }>("SELECT id FROM sdgs_banks ORDER BY sort_order LIMIT 1");
    if (!own.rows[0] || !foreign.rows[0] || !bank.rows[0])
      throw new Error("matrix-sdgs-finance: the sample data has no finance records of the matrix's bank and of another bank");
    return {
      "sdgs.bank": bank.rows[0].id,
      "sdgs.ownFinance": own.rows[0].id,
      "sdgs.foreignFinance": foreign.rows[0].id,
      "sdgs.financeCertificate": own.rows[0].number,
      "sdgs.financeDate": own.rows[0].executed_on,
    };
  },
  table: {
    "GET /api/sdgs/banks": { who: STAFF },
    "POST /api/sdgs/banks": { who: MANAGER, body: () => ({ name: "行列テスト信託銀行" }) },
    "PATCH /api/sdgs/banks/:id": { who: MANAGER, params: (ids) => ({ id: ids["sdgs.bank"] }), body: () => ({ sortOrder: 10 }) },
    "GET /api/sdgs/bank/companies": { who: BANK, query: () => ({ q: "株式会社" }) },
    "GET /api/sdgs/bank/finance": { who: BANK },
    "POST /api/sdgs/bank/finance": { who: BANK, body: financeBody },
    "PUT /api/sdgs/bank/finance/:id": {
      who: BANK,
      params: (ids) => ({ id: ids["sdgs.ownFinance"] }),
      body: (ids) => ({ version: 1, finance: financeBody(ids) }),
      foreign: (ids) => ({ id: ids["sdgs.foreignFinance"] }),
    },
    "DELETE /api/sdgs/bank/finance/:id": {
      who: BANK,
      params: (ids) => ({ id: ids["sdgs.ownFinance"] }),
      query: () => ({ version: "1" }),
      foreign: (ids) => ({ id: ids["sdgs.foreignFinance"] }),
    },
    "GET /api/sdgs/finance": { who: STAFF, query: () => ({ fiscalYear: "2025" }) },
    "GET /api/sdgs/dashboard": { who: STAFF },
  },
};
