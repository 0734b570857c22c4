// Route × role matrix rows of 会議とフォローアップ (platform/meetings: /api/meetings) (see matrix-table.ts for the notation).
//
// The rules, as the meetings service states them: a meeting belongs to a record whose module decides. The rows here
// use the sample 関門トップ会談 of the 関門連携 framework (region.framework): every member of staff (A B D V) reads
// it, its materials and the follow-up lists; the bureau that runs 広域連携 (政策局: B) and administrators (A) record,
// change and delete meetings, materials and follow-ups, and close or reopen follow-ups. A follow-up's assignee may
// close and reopen it too (meetings.db.test.ts); the sample item has no assignee, so D and V are refused (403).
// External logins (the 直方市 editor M included) and anonymous callers reach nothing.
import type { Queryable } from "../db/database";
import type { MatrixIds, MatrixModule } from "./matrix-table";

const STAFF = "ABDV.......";
const MANAGERS = "AB.........";

async function one(db: Queryable, what: string, sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`matrix-meetings: the sample data has no ${what}`);
  return rows[0].id;
}

const meeting = (ids: MatrixIds) => ({ id: ids["meetings.meeting"] });
const followup = (ids: MatrixIds) => ({ id: ids["meetings.meeting"], followupId: ids["meetings.followup"] });
const fields = () => ({
  kind: "council",
  title: "行列テストの会議",
  heldOn: "2025-06-01",
  place: "本庁舎",
  attendees: [{ organisationName: "北九州市", people: "政策局" }],
  decisions: ["決定事項"],
});
const followupBody = () => ({ title: "行列テストの宿題", dueOn: "2025-07-01" });

export const meetingsMatrix: MatrixModule = {
  name: "meetings",
  async collect(db) {
    const meetingId = await one(db, "関門トップ会談", "SELECT id FROM meetings WHERE title = '第15回 関門トップ会談' AND is_sample");
    // A material of the sample meeting to download (the sample data holds none).
    const pdf = new TextEncoder().encode("%PDF-1.4\n%%EOF\n");
    const fileId = await one(
      db,
      "material",
      `INSERT INTO files (name, mime_type, size_bytes, sha256, content, owner_kind, owner_id, purpose)
       VALUES ('行列テストの資料.pdf', 'application/pdf', $1, repeat('0', 64), $2, 'meeting', $3, 'attachment') RETURNING id`,
      [pdf.length, pdf, meetingId],
    );
    return {
      "meetings.meeting": meetingId,
      "meetings.owner": await one(db, "関門連携", "SELECT id FROM region_frameworks WHERE code = 'kanmon'"),
      "meetings.followup": await one(db, "follow-up", "SELECT id FROM meeting_followups WHERE meeting_id = $1 LIMIT 1", [meetingId]),
      "meetings.file": fileId,
    };
  },
  table: {
    "GET /api/meetings/for-record": {
      who: STAFF,
      query: (ids) => ({ ownerKind: "region.framework", ownerId: ids["meetings.owner"] }),
    },
    "GET /api/meetings": { who: STAFF, query: () => ({ fiscalYear: "2024" }) },
    "GET /api/meetings/export": { who: STAFF, query: () => ({ format: "xlsx" }) },
    "GET /api/meetings/followups": { who: STAFF, query: () => ({ scope: "overdue" }) },
    "GET /api/meetings/:id": { who: STAFF, params: meeting },
    "POST /api/meetings": {
      who: MANAGERS,
      body: (ids) => ({ ...fields(), ownerKind: "region.framework", ownerId: ids["meetings.owner"] }),
    },
    "PUT /api/meetings/:id": { who: MANAGERS, params: meeting, body: () => ({ ...fields(), version: 1 }) },
    "DELETE /api/meetings/:id": { who: MANAGERS, params: meeting, query: () => ({ version: "1" }) },
    "POST /api/meetings/:id/materials": { who: MANAGERS, params: meeting },
    "GET /api/meetings/:id/materials/:fileId": {
      who: STAFF,
      params: (ids) => ({ id: ids["meetings.meeting"], fileId: ids["meetings.file"] }),
    },
    "DELETE /api/meetings/:id/materials/:fileId": {
      who: MANAGERS,
      params: (ids) => ({ id: ids["meetings.meeting"], fileId: ids["meetings.file"] }),
    },
    "POST /api/meetings/:id/followups": { who: MANAGERS, params: meeting, body: followupBody },
    "PUT /api/meetings/:id/followups/:followupId": {
      who: MANAGERS,
      params: followup,
      body: () => ({ ...followupBody(), assigneeId: null, version: 1 }),
    },
    "POST /api/meetings/:id/followups/:followupId/close": { who: MANAGERS, params: followup, body: () => ({ version: 1, note: "" }) },
    "POST /api/meetings/:id/followups/:followupId/reopen": { who: MANAGERS, params: followup, body: () => ({ version: 1 }) },
    "DELETE /api/meetings/:id/followups/:followupId": { who: MANAGERS, params: followup, query: () => ({ version: "1" }) },
  },
};
