// SQL of the held rows (region_import_problems): lists scoped to the 市町 a caller reads, one row with its import,
// and its resolution (fixed into an item, or dismissed). A row is resolved once: the update requires it still open.
import type { ProblemStatus } from "../../../common/api/region-curation";
import type { DatasetKey } from "../../../common/region/datasets";
import type { Queryable } from "../../db/database";
import type { MunicipalityScope } from "./item-repository";

export interface ProblemRow {
  id: string;
  import_id: string;
  file_name: string;
  municipality_code: string;
  municipality_name: string;
  dataset: DatasetKey;
  row_number: number;
  source_id: string | null;
  original: { fileName: string; rowNumber: number; header: string[]; values: string[]; columns?: (string | null)[] };
  fields: Record<string, string>;
  problems: { column: string; code: string; message: string }[];
  status: ProblemStatus;
  item_id: string | null;
  resolved_by_name: string | null;
  resolved_at: Date | null;
  created_at: Date;
  is_sample: boolean;
}

const SELECT = `SELECT p.id, p.import_id, r.file_name, p.municipality_code, m.name AS municipality_name, p.dataset, p.row_number,
    p.source_id, p.original, p.fields, p.problems, p.status, p.item_id, u.display_name AS resolved_by_name, p.resolved_at,
    p.created_at, p.is_sample
  FROM region_import_problems p
  JOIN region_imports r ON r.id = p.import_id
  JOIN region_municipalities m ON m.code = p.municipality_code
  LEFT JOIN users u ON u.id = p.resolved_by`;

export interface ProblemFilter {
  status?: ProblemStatus;
  municipalityCode?: string;
  dataset?: DatasetKey;
  importId?: string;
}

export async function findProblems(
  db: Queryable,
  scope: MunicipalityScope,
  filter: ProblemFilter,
  page: { limit: number; offset: number },
): Promise<{ rows: ProblemRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace("?", `$${params.length}`));
  };
  if (!scope.all) add("p.municipality_code = ?", scope.code);
  if (filter.status) add("p.status = ?", filter.status);
  if (filter.municipalityCode) add("p.municipality_code = ?", filter.municipalityCode);
  if (filter.dataset) add("p.dataset = ?", filter.dataset);
  if (filter.importId) add("p.import_id = ?", filter.importId);
  const sql = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const count = await db.query<{ total: number }>(`SELECT count(*)::int AS total FROM region_import_problems p ${sql}`, params);
  const { rows } = await db.query<ProblemRow>(
    `${SELECT} ${sql} ORDER BY p.created_at DESC, p.import_id, p.row_number, p.id
      LIMIT ${Math.trunc(page.limit)} OFFSET ${Math.trunc(page.offset)}`,
    params,
  );
  return { rows, total: count.rows[0]?.total ?? 0 };
}

export async function findProblem(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<ProblemRow | null> {
  if (opts.lock) await db.query("SELECT id FROM region_import_problems WHERE id = $1 FOR UPDATE", [id]);
  const { rows } = await db.query<ProblemRow>(`${SELECT} WHERE p.id = $1`, [id]);
  return rows[0] ?? null;
}

/** Marks an open row fixed (with the item it became) or dismissed; false when it was no longer open. */
export async function resolveProblem(
  db: Queryable,
  id: string,
  resolution: { status: "fixed"; itemId: string; fields: Record<string, string> } | { status: "dismissed" },
  userId: string | null,
): Promise<boolean> {
  const fixed = resolution.status === "fixed";
  const { rows } = await db.query<{ id: string }>(
    `UPDATE region_import_problems SET status = $2, item_id = $3, resolved_by = $4, resolved_at = now()
       ${fixed ? ", fields = $5" : ""}
     WHERE id = $1 AND status = 'open' RETURNING id`,
    [id, resolution.status, fixed ? resolution.itemId : null, userId, ...(fixed ? [JSON.stringify(resolution.fields)] : [])],
  );
  return rows.length === 1;
}
