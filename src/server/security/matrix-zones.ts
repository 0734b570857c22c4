// Route × role matrix rows of 特区の規制改革提案 (proposals, steps, documents, pipeline, prints) (see matrix-table.ts for the notation).
//
// The rules, as the module states them (zones/access.ts, proposal-service.ts): every member of staff (A B D V) reads
// the list, its export, the pipeline, a proposal, its documents and its prints; only the bureau that carries the
// proposals (app setting zones.bureauId = 政策局: its editors, B, and administrators, A: zones.manager) creates and
// edits proposals, moves them through the state machine and adds or deletes documents. Another bureau's editor (D) is
// refused (403). Outside logins (M included) and anonymous callers reach none of these routes. proposal.db.test.ts
// holds what an allowed call does (the machine's refusals, versions, the audit rows, the print's content).
// A document is stored here, on top of the sample data, so that the download and delete rows name a real file.
import type { Queryable } from "../db/database";
import { storeFile } from "../platform/files/files";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGER = "AB.........";

const PDF = new TextEncoder().encode("%PDF-1.4\n% matrix\n%%EOF\n");
const proposal = (ids: MatrixIds) => ({ id: ids["zones.proposal"] });
const proposalFile = (ids: MatrixIds) => ({ id: ids["zones.proposal"], fileId: ids["zones.proposalFile"] });

const fields = {
  title: "行列テストの提案",
  field: "space",
  summary: "",
  measureScope: "zone_only",
  measureKind: "regulatory_reform",
  businessPlan: "",
  necessity: "",
  researchNotes: "",
  partners: [],
  regulations: [],
};

export const zonesMatrix: MatrixModule = {
  name: "zones",
  async collect(db: Queryable) {
    const { rows } = await db.query<{ id: string; version: number }>(
      "SELECT id, version FROM zones_proposals WHERE title = '宇宙との920MHz帯通信に関する実験試験局の免許取得に係る規制改革'",
    );
    const seed = rows[0];
    if (!seed) throw new Error("matrix-zones: the sample data has no 920MHz proposal");
    const bureau = await db.query<{ id: string }>("SELECT id FROM organisations WHERE code = 'seisaku'");
    const file = await storeFile(db, {
      name: "行列テストの提案書.pdf",
      mimeType: "application/pdf",
      bytes: PDF,
      createdBy: null,
      owner: { kind: "zones.proposal", id: seed.id, purpose: "attachment", organisationId: bureau.rows[0]?.id ?? null },
    });
    await db.query("INSERT INTO zones_proposal_documents (file_id, proposal_id, category) VALUES ($1, $2, 'document')", [file.id, seed.id]);
    return { "zones.proposal": seed.id, "zones.proposalFile": file.id, "zones.proposalVersion": String(seed.version) };
  },
  table: {
    "GET /api/zones/proposals": { who: STAFF },
    "GET /api/zones/proposals/export": { who: STAFF, query: () => ({ format: "csv" }) },
    "GET /api/zones/pipeline": { who: STAFF },
    "GET /api/zones/proposals/:id": { who: STAFF, params: proposal },
    "POST /api/zones/proposals": { who: MANAGER, body: () => ({ ...fields, startedOn: "2025-04-01", note: "" }) },
    "PATCH /api/zones/proposals/:id": {
      who: MANAGER,
      params: proposal,
      body: (ids) => ({ ...fields, version: Number(ids["zones.proposalVersion"]) }),
    },
    "POST /api/zones/proposals/:id/steps": {
      who: MANAGER,
      params: proposal,
      body: (ids) => ({ version: Number(ids["zones.proposalVersion"]), to: "answer", date: "2025-01-10", answer: "possible" }),
    },
    "POST /api/zones/proposals/:id/documents": { who: MANAGER, params: proposal },
    "GET /api/zones/proposals/:id/documents/:fileId": { who: STAFF, params: proposalFile },
    "DELETE /api/zones/proposals/:id/documents/:fileId": { who: MANAGER, params: proposalFile },
    "GET /api/zones/proposals/:id/print": { who: STAFF, params: proposal, query: () => ({ format: "docx" }) },
  },
};
