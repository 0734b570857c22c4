// SQL of the SDGs sample data: plain inserts of the rows the sample rounds, companies and applications need. Table
// and column names come from the demo code only (never from input).
import type { Queryable } from "../../db/database";

type Row = Record<string, unknown>;

/** Inserts one row and returns its id. */
export async function insertSampleRow(db: Queryable, table: string, row: Row): Promise<string> {
  const columns = Object.keys(row);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")}) RETURNING *`,
    columns.map((column) => row[column]),
  );
  return rows[0]?.id;
}

/** Inserts many rows of the same columns in one statement. */
export async function insertSampleRows(db: Queryable, table: string, rows: readonly Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  const values = rows.map((_, r) => `(${columns.map((_, c) => `$${r * columns.length + c + 1}`).join(", ")})`);
  await db.query(
    `INSERT INTO ${table} (${columns.join(", ")}) VALUES ${values.join(", ")}`,
    rows.flatMap((row) => columns.map((column) => row[column])),
  );
}

export async function insertSampleOrganisation(db: Queryable, name: string, code: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO organisations (kind, name, code, is_sample) VALUES ('external', $1, $2, true) RETURNING id",
    [name, code],
  );
  return rows[0].id;
}

export async function hasSampleRounds(db: Queryable): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM sdgs_rounds LIMIT 1");
  return (rowCount ?? 0) > 0;
}

/** An application's goals with their baseline and target (for the sample progress reports). */
export async function findSampleGoals(db: Queryable, applicationId: string) {
  const { rows } = await db.query<{ id: string; baseline: number; target: number }>(
    "SELECT id, baseline, target FROM sdgs_application_goals WHERE application_id = $1 ORDER BY sort_order",
    [applicationId],
  );
  return rows;
}
