// Route × role matrix rows of 経営分析 (subjects, peers, facilities, activity measures) (see matrix-table.ts for the notation).
//
// The rules, as the module states them (analysis/access.ts): every member of staff (A B D V) reads; only the bureau
// responsible for the analyses (app setting analysis.bureauId = 政策局: its editors, B, and administrators, A:
// analysis.manager) writes. Another bureau's editor (D) is refused (403). Outside logins and anonymous callers reach
// none of these routes. subject.db.test.ts holds what an allowed call does (linked measures, versions, the refusal
// to delete a subject with analyses, peers, the audit rows). A subject, a peer, a facility and a measure of its own
// are made here, on top of the sample data, so that the rows do not depend on it.
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGER = "AB.........";

const subject = (ids: MatrixIds) => ({ id: ids["analysis.subject"] });
const fields = {
  name: "行列テストの対象",
  kind: "programme",
  analysisFiscalYear: 2024,
};

export const analysisSubjectsMatrix: MatrixModule = {
  name: "analysis-subjects",
  async collect(db: Queryable) {
    const made = await db.query<{ id: string; version: number }>(
      `INSERT INTO analysis_subjects (name, role, kind, analysis_fiscal_year) VALUES ('行列テストの分析対象', 'subject', 'programme', 2024)
       RETURNING id, version`,
    );
    const s = made.rows[0]!;
    const peer = await db.query<{ id: string }>(
      "INSERT INTO analysis_subjects (name, role, kind, location) VALUES ('行列テストの比較団体', 'peer', 'public_university', '横浜市') RETURNING id",
    );
    await db.query("INSERT INTO analysis_subject_peers (subject_id, peer_id) VALUES ($1, $2)", [s.id, peer.rows[0]!.id]);
    const facility = await db.query<{ id: string }>(
      "INSERT INTO analysis_facilities (subject_id, name, built_year) VALUES ($1, '行列テストの施設', 1990) RETURNING id",
      [s.id],
    );
    const measure = await db.query<{ id: string }>(
      "INSERT INTO analysis_measures (subject_id, name, unit) VALUES ($1, '行列テストの指標', '件') RETURNING id",
      [s.id],
    );
    return {
      "analysis.subject": s.id,
      "analysis.subjectVersion": String(s.version),
      "analysis.peer": peer.rows[0]!.id,
      "analysis.facility": facility.rows[0]!.id,
      "analysis.measure": measure.rows[0]!.id,
    };
  },
  table: {
    "GET /api/analysis/subjects": { who: STAFF },
    "GET /api/analysis/subjects/export": { who: STAFF, query: () => ({ format: "csv" }) },
    "GET /api/analysis/subjects/:id": { who: STAFF, params: subject },
    "POST /api/analysis/subjects": { who: MANAGER, body: () => ({ ...fields, role: "subject" }) },
    "PATCH /api/analysis/subjects/:id": {
      who: MANAGER,
      params: subject,
      body: (ids) => ({ ...fields, version: Number(ids["analysis.subjectVersion"]) }),
    },
    "DELETE /api/analysis/subjects/:id": {
      who: MANAGER,
      params: subject,
      query: (ids) => ({ version: ids["analysis.subjectVersion"]! }),
    },
    "POST /api/analysis/subjects/:id/peers": { who: MANAGER, params: subject, body: (ids) => ({ peerId: ids["analysis.peer"] }) },
    "DELETE /api/analysis/subjects/:id/peers/:peerId": {
      who: MANAGER,
      params: (ids) => ({ id: ids["analysis.subject"]!, peerId: ids["analysis.peer"]! }),
    },
    "POST /api/analysis/subjects/:id/facilities": {
      who: MANAGER,
      params: subject,
      body: () => ({ name: "行列テストの新しい施設", builtYear: 2000 }),
    },
    "PATCH /api/analysis/facilities/:facilityId": {
      who: MANAGER,
      params: (ids) => ({ facilityId: ids["analysis.facility"]! }),
      body: () => ({ name: "行列テストの施設", builtYear: 1991 }),
    },
    "DELETE /api/analysis/facilities/:facilityId": { who: MANAGER, params: (ids) => ({ facilityId: ids["analysis.facility"]! }) },
    "POST /api/analysis/subjects/:id/measures": {
      who: MANAGER,
      params: subject,
      body: () => ({ name: "行列テストの新しい指標", unit: "件" }),
    },
    "PATCH /api/analysis/measures/:measureId": {
      who: MANAGER,
      params: (ids) => ({ measureId: ids["analysis.measure"]! }),
      body: () => ({ name: "行列テストの指標", unit: "件", isCostBasis: false }),
    },
    "DELETE /api/analysis/measures/:measureId": { who: MANAGER, params: (ids) => ({ measureId: ids["analysis.measure"]! }) },
  },
};
