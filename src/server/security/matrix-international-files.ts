// Route × role matrix rows of the 国際 module's attachments (国際関連事業の資料, 海外出張の添付資料・報告書の添付; see
// matrix-table.ts for the notation).
//
// The rules, as the module states them (international/attachment-service.ts, access.ts):
// - a project's files are listed and downloaded by every member of staff (A B D V), like the project itself; they are
//   added and deleted only by the editors of the division that owns it and administrators: the project used here is
//   産業政策課's (台湾PRキャンペーン), so 財政課's editor (D) and the bureau's (B) are refused (403), and the viewer by
//   the route's gate;
// - a trip's files (its report's included) are listed and downloaded by whoever reads the trip: its division, its
//   travellers, the bureau (B) and administrators; 財政課's editor (D) does not see 国際政策課's trip nor its files
//   (404); the viewer of 産業政策課 (V) is shown a trip of their own division and its file, which they read;
// - a trip's files are added and deleted only by its division's editors and administrators: the bureau's editor (B)
//   reads them but is refused (403), 財政課's editor gets 404.
// The files are stored here, on top of the sample data, so that every download and delete names a real file.
import type { Queryable } from "../db/database";
import { storeFile } from "../platform/files/files";
import type { MatrixIds, MatrixModule, MatrixRole } from "./matrix-table";

async function one(db: Queryable, what: string, sql: string, params: unknown[] = []): Promise<string> {
  const { rows } = await db.query<{ id: string }>(sql, params);
  if (!rows[0]) throw new Error(`matrix-international-files: the sample data has no ${what}`);
  return rows[0].id;
}

const PDF = new TextEncoder().encode("%PDF-1.4\n% matrix\n%%EOF\n");

async function attach(db: Queryable, kind: "international.project" | "international.trip", ownerId: string): Promise<string> {
  const owner = await one(
    db,
    `owner of ${kind} ${ownerId}`,
    `SELECT owner_organisation_id AS id FROM ${kind === "international.project" ? "international_projects" : "international_trips"} WHERE id = $1`,
    [ownerId],
  );
  const file = await storeFile(db, {
    name: "行列テストの資料.pdf",
    mimeType: "application/pdf",
    bytes: PDF,
    createdBy: null,
    owner: { kind, id: ownerId, purpose: "attachment", organisationId: owner },
  });
  return file.id;
}

const STAFF = "ABDV.......";
const OWNING_DIVISION = "A..........";

const projectFile = (ids: MatrixIds) => ({ id: ids["internationalFiles.project"], fileId: ids["internationalFiles.projectFile"] });
const project = (ids: MatrixIds) => ({ id: ids["internationalFiles.project"] });
const trip = (ids: MatrixIds) => ({ id: ids["internationalFiles.trip"] });
const tripFile = (ids: MatrixIds) => ({ id: ids["internationalFiles.trip"], fileId: ids["internationalFiles.tripFile"] });
/** The viewer (産業政策課) reads a trip of their own division; everyone else is called with 国際政策課's. */
const tripFor = (ids: MatrixIds, role: MatrixRole) => ({
  id: role === "viewer" ? ids["internationalFiles.viewerDivisionTrip"] : ids["internationalFiles.trip"],
});
const tripFileFor = (ids: MatrixIds, role: MatrixRole) =>
  role === "viewer"
    ? { id: ids["internationalFiles.viewerDivisionTrip"], fileId: ids["internationalFiles.viewerDivisionTripFile"] }
    : tripFile(ids);

export const internationalFilesMatrix: MatrixModule = {
  name: "international-files",
  async collect(db) {
    const kokusai = await one(db, "organisation seisaku-kokusai", "SELECT id FROM organisations WHERE code = 'seisaku-kokusai'");
    const sangyo = await one(db, "organisation sangyo-kikaku", "SELECT id FROM organisations WHERE code = 'sangyo-kikaku'");
    const projectId = await one(
      db,
      "project 台湾PRキャンペーン",
      "SELECT id FROM international_projects WHERE name = '台湾PRキャンペーン'",
    );
    const tripId = await one(
      db,
      "planned trip of 国際政策課",
      "SELECT id FROM international_trips WHERE owner_organisation_id = $1 AND status = 'planned' ORDER BY departs_on LIMIT 1",
      [kokusai],
    );
    const viewerTripId = await one(
      db,
      "trip of 産業政策課",
      "SELECT id FROM international_trips WHERE owner_organisation_id = $1 ORDER BY departs_on LIMIT 1",
      [sangyo],
    );
    return {
      "internationalFiles.project": projectId,
      "internationalFiles.projectFile": await attach(db, "international.project", projectId),
      "internationalFiles.trip": tripId,
      "internationalFiles.tripFile": await attach(db, "international.trip", tripId),
      "internationalFiles.viewerDivisionTrip": viewerTripId,
      "internationalFiles.viewerDivisionTripFile": await attach(db, "international.trip", viewerTripId),
    };
  },
  table: {
    "GET /api/international/projects/:id/attachments": { who: STAFF, params: project },
    "POST /api/international/projects/:id/attachments": { who: OWNING_DIVISION, params: project },
    "GET /api/international/projects/:id/attachments/:fileId": { who: STAFF, params: projectFile },
    "DELETE /api/international/projects/:id/attachments/:fileId": { who: OWNING_DIVISION, params: projectFile },
    "GET /api/international/trips/:id/attachments": { who: "AB.V.......", params: tripFor },
    "POST /api/international/trips/:id/attachments": { who: OWNING_DIVISION, params: trip, query: () => ({ section: "trip" }) },
    "GET /api/international/trips/:id/attachments/:fileId": { who: "AB.V.......", params: tripFileFor },
    "DELETE /api/international/trips/:id/attachments/:fileId": { who: OWNING_DIVISION, params: tripFile },
  },
};
