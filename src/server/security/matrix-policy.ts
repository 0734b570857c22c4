// Route × role matrix rows of the policy (局区方針) routes (see matrix-table.ts: A B D V S C N, "." = refused).
// The sample document is 政策局's: its editors change it; another bureau's editor (D) reads it but is refused edits.
import type { MatrixModule } from "./matrix-table";

const ANYONE = "ABDVSCKFRMN";
const STAFF = "ABDV.......";
const ANY_EDITOR = "ABD........";
const OWN_BUREAU = "AB.........";
const ADMIN = "A..........";

export const policyMatrix: MatrixModule = {
  name: "policy",
  async collect(db) {
    const doc = await db.query<{ id: string; version: number }>(
      "SELECT d.id, d.version FROM policy_documents d JOIN organisations o ON o.id = d.organisation_id WHERE o.code = 'seisaku' LIMIT 1",
    );
    const challenge = await db.query<{ id: string; version: number }>(
      "SELECT id, version FROM policy_challenges WHERE document_id = $1 ORDER BY sort_order LIMIT 1",
      [doc.rows[0].id],
    );
    const seisaku = await db.query<{ id: string }>("SELECT id FROM organisations WHERE code = 'seisaku'");
    return {
      "policy.document": doc.rows[0].id,
      "policy.documentVersion": String(doc.rows[0].version),
      "policy.challenge": challenge.rows[0].id,
      "policy.challengeVersion": String(challenge.rows[0].version),
      "policy.bureau": seisaku.rows[0].id,
    };
  },
  table: {
    "GET /api/policy/statuses": { who: STAFF },
    "PUT /api/policy/statuses": { who: ADMIN },
    "GET /api/policy/documents": { who: STAFF },
    // Parsing to preview saves nothing: any editor may.
    "POST /api/policy/import/preview": { who: ANY_EDITOR, body: () => ({ text: "政策局 X方針の概要" }) },
    // Reading a Word file to preview it saves nothing either (an upload: only refused callers are called).
    "POST /api/policy/import/docx": { who: ANY_EDITOR },
    // Importing for 政策局: its editors only.
    "POST /api/policy/import": {
      who: OWN_BUREAU,
      body: (ids) => ({ text: "政策局 X方針の概要", organisationId: ids["policy.bureau"], fiscalYear: 2031 }),
    },
    "GET /api/policy/documents/:id": { who: STAFF, params: (ids) => ({ id: ids["policy.document"] }) },
    "PATCH /api/policy/documents/:id": {
      who: OWN_BUREAU,
      params: (ids) => ({ id: ids["policy.document"] }),
      body: (ids) => ({ version: Number(ids["policy.documentVersion"]), title: "表題" }),
    },
    "POST /api/policy/documents/:id/publish": {
      who: OWN_BUREAU,
      params: (ids) => ({ id: ids["policy.document"] }),
      body: () => ({ published: true }),
    },
    "DELETE /api/policy/documents/:id": { who: OWN_BUREAU, params: (ids) => ({ id: ids["policy.document"] }) },
    "GET /api/policy/documents/:id/export/:format": { who: STAFF, params: (ids) => ({ id: ids["policy.document"], format: "txt" }) },
    "GET /api/policy/challenges": { who: STAFF },
    "GET /api/policy/challenges/export": { who: STAFF },
    "GET /api/policy/challenges/:id": { who: STAFF, params: (ids) => ({ id: ids["policy.challenge"] }) },
    "PATCH /api/policy/challenges/:id": {
      who: OWN_BUREAU,
      params: (ids) => ({ id: ids["policy.challenge"] }),
      body: (ids) => ({ version: Number(ids["policy.challengeVersion"]), name: "課題名" }),
    },
    "POST /api/policy/challenges/:id/progress": {
      who: OWN_BUREAU,
      params: (ids) => ({ id: ids["policy.challenge"] }),
      body: () => ({ asOf: "令和8年11月末", text: "進捗", status: null }),
    },
    "GET /api/public/policy/documents": { who: ANYONE },
    "GET /api/public/policy/documents/:id": { who: ANYONE, params: (ids) => ({ id: ids["policy.document"] }) },
    "GET /api/public/policy/challenges/:id": { who: ANYONE, params: (ids) => ({ id: ids["policy.challenge"] }) },
    "GET /api/public/policy/documents/:id/export/:format": {
      who: ANYONE,
      params: (ids) => ({ id: ids["policy.document"], format: "txt" }),
    },
  },
};
