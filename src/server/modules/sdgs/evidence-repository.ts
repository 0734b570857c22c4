// SQL of an application's 証拠書類: the link of a stored file (platform files, owner kind sdgs.application) to its
// application and check item, the list with each file's item, and the owner facts the file rule judges by.
import type { Queryable } from "../../db/database";

export interface EvidenceRow {
  id: string;
  name: string;
  mime_type: string;
  size_bytes: number | string;
  created_at: Date | string;
  uploader_name: string | null;
  item_id: string | null;
}

export async function listEvidence(db: Queryable, applicationId: string): Promise<EvidenceRow[]> {
  const { rows } = await db.query<EvidenceRow>(
    `SELECT f.id, f.name, f.mime_type, f.size_bytes, f.created_at, u.display_name AS uploader_name, e.item_id
       FROM sdgs_application_evidence e
       JOIN files f ON f.id = e.file_id
       LEFT JOIN users u ON u.id = f.created_by
      WHERE e.application_id = $1
      ORDER BY f.created_at, f.id`,
    [applicationId],
  );
  return rows;
}

export async function countEvidence(db: Queryable, applicationId: string): Promise<number> {
  const { rows } = await db.query<{ n: number | string }>("SELECT count(*) AS n FROM sdgs_application_evidence WHERE application_id = $1", [
    applicationId,
  ]);
  return Number(rows[0]?.n ?? 0);
}

export async function insertEvidence(db: Queryable, fileId: string, applicationId: string, itemId: string | null): Promise<void> {
  await db.query("INSERT INTO sdgs_application_evidence (file_id, application_id, item_id) VALUES ($1, $2, $3)", [
    fileId,
    applicationId,
    itemId,
  ]);
}

export async function itemOfRound(db: Queryable, itemId: string, roundId: string): Promise<{ code: string } | null> {
  const { rows } = await db.query<{ code: string }>("SELECT code FROM sdgs_check_items WHERE id = $1 AND round_id = $2", [itemId, roundId]);
  return rows[0] ?? null;
}

export interface EvidenceOwnerRow {
  company_id: string;
  organisation_id: string;
  status: string;
}

/** The application a file belongs to: its company's organisation and its status (for the file read rule). */
export async function findEvidenceOwner(db: Queryable, applicationId: string): Promise<EvidenceOwnerRow | null> {
  const { rows } = await db.query<EvidenceOwnerRow>(
    `SELECT a.company_id, c.organisation_id, a.status
       FROM sdgs_applications a JOIN sdgs_companies c ON c.id = a.company_id
      WHERE a.id = $1`,
    [applicationId],
  );
  return rows[0] ?? null;
}
