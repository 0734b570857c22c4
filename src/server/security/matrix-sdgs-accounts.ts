// Route × role matrix rows of the SDGs module's company accounts (申請企業のアカウント; see matrix-table.ts for the
// notation).
//
// The rules, as the module states them (sdgs/account-routes.ts and its services): anyone may sign a company up and
// open or accept an invitation link (public, rate-limited per address; the matrix's allowed callers stop at
// validation on the POSTs); the invitations of the former registrants, their import, the company list's CSV (with
// the contacts) and adding a login are for the bureau that runs the programme (A B); every member of staff (A B D V)
// lists companies and reads one (contacts blank for D V: sdgs/company-directory.db.test.ts). Outside logins —
// companies, banks, reviewers, suppliers, council members — never reach the staff routes.

import type { Queryable } from "../db/database";
import { hashToken } from "../platform/auth/tokens";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const ANYONE = "ABDVSCKFRMN";
const STAFF = "ABDV.......";
const BUREAU = "AB.........";

/** A token the matrix knows, for the public invitation page (only its hash is stored, as the service does). */
const MATRIX_TOKEN = "matrix-invitation-token-0123456789abcdefghijk";

const invitation = (ids: MatrixIds) => ({ id: ids["sdgs.invitation"] });
const company = (ids: MatrixIds) => ({ id: ids["sdgs.company"] });

const signUp = () => ({
  corporateNumber: "",
  soleProprietor: true,
  companyName: "行列テスト登録",
  kana: "ギョウレツテスト",
  postalCode: "802-8501",
  address: "北九州市小倉北区城内1番1号",
  ward: "kokurakita",
  industry: "E",
  size: "micro",
  employees: 1,
  contactName: "行列 花子",
  contactEmail: "matrix@example.jp",
  contactPhone: "093-582-2102",
  loginId: "matrix-signup",
  password: "Matrix-password-2026",
  agree: true,
});

export const sdgsAccountsMatrix: MatrixModule = {
  name: "sdgs-accounts",
  async collect(db: Queryable) {
    const { rows: companies } = await db.query<{ id: string }>("SELECT id FROM sdgs_companies ORDER BY name LIMIT 1");
    if (!companies[0]) throw new Error("matrix-sdgs-accounts: the matrix world has no company");
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO sdgs_invitations (token_hash, company_name, contact_email, former_registration_number, expires_at)
       VALUES ($1, '行列テスト招待', 'invite@example.jp', 'MATRIX-0001', now() + interval '30 days') RETURNING id`,
      [hashToken(MATRIX_TOKEN)],
    );
    return { "sdgs.company": companies[0].id, "sdgs.invitation": rows[0].id };
  },
  table: {
    "POST /api/public/sdgs/register": { who: ANYONE, body: signUp },
    "GET /api/public/sdgs/invitations/:token": { who: ANYONE, params: () => ({ token: MATRIX_TOKEN }) },
    "POST /api/public/sdgs/invitations/:token": { who: ANYONE, params: () => ({ token: MATRIX_TOKEN }), body: signUp },
    "GET /api/sdgs/invitations": { who: BUREAU },
    "POST /api/sdgs/invitations": {
      who: BUREAU,
      body: () => ({ companyName: "行列テスト招待2", contactEmail: "invite2@example.jp", formerRegistrationNumber: "MATRIX-0002" }),
    },
    "POST /api/sdgs/invitations/:id/reissue": { who: BUREAU, params: invitation },
    "DELETE /api/sdgs/invitations/:id": { who: BUREAU, params: invitation },
    "POST /api/sdgs/invitations/import": { who: BUREAU },
    "GET /api/sdgs/companies": { who: STAFF },
    "GET /api/sdgs/companies.csv": { who: BUREAU },
    "GET /api/sdgs/companies/:id": { who: STAFF, params: company },
    "POST /api/sdgs/companies/:id/logins": {
      who: BUREAU,
      params: company,
      body: () => ({ loginId: "matrix-extra-login", displayName: "行列テスト", password: "Matrix-password-2026" }),
    },
  },
};
