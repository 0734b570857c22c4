// SQL of the portal exports (一括出力): each export's record and file, and the state the next export builds on.
import type { Queryable } from "../../db/database";
import type { BundleState, PortalDiff } from "./bundle";
import type { HeldListing } from "./publish";

/** What the portals last received (null before the first export). */
export async function findExportState(db: Queryable): Promise<BundleState | null> {
  const { rows } = await db.query<{ state: BundleState }>("SELECT state FROM furusato_export_state WHERE id = 1");
  return rows[0]?.state ?? null;
}

/** The same, with the state row locked: two publishes at once cannot both build on it. */
export async function lockExportState(tx: Queryable): Promise<BundleState | null> {
  const { rows } = await tx.query<{ state: BundleState }>("SELECT state FROM furusato_export_state WHERE id = 1 FOR UPDATE");
  return rows[0]?.state ?? null;
}

export async function insertExport(
  tx: Queryable,
  input: {
    id: string;
    fileId: string;
    diff: PortalDiff[];
    held: HeldListing[];
    rowCount: number;
    fieldsSaved: number;
    createdBy: string | null;
  },
): Promise<void> {
  await tx.query(
    "INSERT INTO furusato_exports (id, file_id, diff, row_count, fields_saved, held_count, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    [
      input.id,
      input.fileId,
      JSON.stringify({ portals: input.diff, held: input.held }),
      input.rowCount,
      input.fieldsSaved,
      input.held.length,
      input.createdBy,
    ],
  );
}

export async function saveExportState(tx: Queryable, state: BundleState, exportId: string): Promise<void> {
  await tx.query(
    `INSERT INTO furusato_export_state (id, state, export_id) VALUES (1, $1, $2)
     ON CONFLICT (id) DO UPDATE SET state = EXCLUDED.state, export_id = EXCLUDED.export_id, updated_at = now()`,
    [JSON.stringify(state), exportId],
  );
}

export interface ExportRow {
  id: string;
  file_id: string;
  row_count: number;
  fields_saved: number;
  held_count: number;
  created_at: Date;
  created_by_label: string | null;
  diff: { portals: PortalDiff[] };
}

/** The latest 100 exports, newest first, with who made them. */
export async function findExports(db: Queryable): Promise<ExportRow[]> {
  const { rows } = await db.query<ExportRow>(
    `SELECT e.id, e.file_id, e.row_count, e.fields_saved, e.held_count, e.created_at, u.display_name AS created_by_label, e.diff
       FROM furusato_exports e LEFT JOIN users u ON u.id = e.created_by ORDER BY e.created_at DESC LIMIT 100`,
  );
  return rows;
}

/** The file of one export, or null. */
export async function findExportFileId(db: Queryable, exportId: string): Promise<string | null> {
  const { rows } = await db.query<{ file_id: string }>("SELECT file_id FROM furusato_exports WHERE id = $1", [exportId]);
  return rows[0]?.file_id ?? null;
}
