// Route × role matrix rows of 審査会・認証・認証書 (SDGs, issue 16; see matrix-table.ts for the notation).
//
// The rules, as the module states them (sdgs/committee-service.ts, sdgs/certification-service.ts): every member of
// staff (A B D V) reads the committee meetings, the certifications and the progress reports; only the bureau that runs
// the programme (its editors B, and administrators A) holds meetings, records decisions, revokes certifications and
// accepts reports. The 認証書 and 通知書 PDFs are read by staff and by the company they belong to (K, its own: another
// company's answers 404); banks, reviewers, suppliers, council members and anonymous callers reach none of these.
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGER = "AB.........";
const STAFF_AND_COMPANY = "ABDV..K....";

const id = (key: string) => (ids: MatrixIds) => ({ id: ids[key] });

export const sdgsCertificationMatrix: MatrixModule = {
  name: "sdgs-certification",
  async collect(db: Queryable, users) {
    const companyOrg = users.company?.organisationId;
    if (!companyOrg) throw new Error("matrix-sdgs-certification: the matrix world has no company login");
    const own = await db.query<{ id: string; application_id: string }>(
      `SELECT z.id, z.application_id FROM sdgs_certifications z JOIN sdgs_companies c ON c.id = z.company_id
        WHERE c.organisation_id = $1 AND z.status <> 'revoked' ORDER BY z.valid_from LIMIT 1`,
      [companyOrg],
    );
    const foreign = await db.query<{ id: string; application_id: string }>(
      `SELECT z.id, z.application_id FROM sdgs_certifications z JOIN sdgs_companies c ON c.id = z.company_id
        WHERE c.organisation_id <> $1 AND z.status <> 'revoked' ORDER BY z.number LIMIT 1`,
      [companyOrg],
    );
    const meeting = await db.query<{ id: string; round_id: string }>(
      "SELECT id, round_id FROM sdgs_committee_meetings ORDER BY held_on DESC LIMIT 1",
    );
    const report = await db.query<{ id: string }>("SELECT id FROM sdgs_progress_reports ORDER BY period LIMIT 1");
    const application = await db.query<{ id: string }>("SELECT id FROM sdgs_applications WHERE status = 'committee' LIMIT 1");
    const tier = await db.query<{ id: string }>("SELECT id FROM sdgs_tiers WHERE round_id = $1 ORDER BY rank DESC LIMIT 1", [
      meeting.rows[0]?.round_id,
    ]);
    if (!own.rows[0] || !foreign.rows[0] || !meeting.rows[0] || !report.rows[0] || !application.rows[0] || !tier.rows[0])
      throw new Error("matrix-sdgs-certification: the sample data lacks certifications, meetings, reports or a 審査会待ち application");
    return {
      "sdgs.certification": own.rows[0].id,
      "sdgs.certifiedApplication": own.rows[0].application_id,
      "sdgs.foreignCertification": foreign.rows[0].id,
      "sdgs.foreignApplication": foreign.rows[0].application_id,
      "sdgs.meeting": meeting.rows[0].id,
      "sdgs.meetingRound": meeting.rows[0].round_id,
      "sdgs.progressReport": report.rows[0].id,
      "sdgs.committeeApplication": application.rows[0].id,
      "sdgs.tier": tier.rows[0].id,
    };
  },
  table: {
    "GET /api/sdgs/committee-meetings": { who: STAFF },
    "POST /api/sdgs/committee-meetings": {
      who: MANAGER,
      body: (ids) => ({ roundId: ids["sdgs.meetingRound"], heldOn: "2099-03-01", place: "行列テスト会議室", members: "", minutes: "" }),
    },
    "GET /api/sdgs/committee-meetings/:id": { who: STAFF, params: id("sdgs.meeting") },
    "PUT /api/sdgs/committee-meetings/:id": {
      who: MANAGER,
      params: id("sdgs.meeting"),
      body: () => ({ heldOn: "2099-03-01", place: "", members: "", minutes: "行列テスト", updatedAt: "0" }),
    },
    "POST /api/sdgs/committee-meetings/:id/decisions": {
      who: MANAGER,
      params: id("sdgs.meeting"),
      body: (ids) => ({ applicationId: ids["sdgs.committeeApplication"], decision: "certify", tierId: ids["sdgs.tier"], reason: "" }),
    },
    "GET /api/sdgs/certifications": { who: STAFF, query: () => ({ state: "active" }) },
    "GET /api/sdgs/certifications/:id": { who: STAFF, params: id("sdgs.certification") },
    "POST /api/sdgs/certifications/:id/revoke": {
      who: MANAGER,
      params: id("sdgs.certification"),
      body: () => ({ reason: "行列テスト", updatedAt: "0" }),
    },
    "GET /api/sdgs/certifications/:id/certificate.pdf": {
      who: STAFF_AND_COMPANY,
      params: id("sdgs.certification"),
      foreign: id("sdgs.foreignCertification"),
    },
    "GET /api/sdgs/applications/:id/notice.pdf": {
      who: STAFF_AND_COMPANY,
      params: id("sdgs.certifiedApplication"),
      foreign: id("sdgs.foreignApplication"),
    },
    "GET /api/sdgs/progress-reports": { who: STAFF, query: () => ({ status: "submitted" }) },
    "POST /api/sdgs/progress-reports/:id/accept": { who: MANAGER, params: id("sdgs.progressReport"), body: () => ({ version: 1 }) },
  },
};
