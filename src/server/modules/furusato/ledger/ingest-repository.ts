// SQL of the ledger's set-up tables: 使い道 (furusato_fund_uses), 取込設定 (furusato_donation_mappings) and the
// import history (furusato_donation_imports), and the gift codes a donation file is checked against. The donations
// themselves: donations-repository.ts.
import type { Queryable } from "../../../db/database";

export interface FundUseRow {
  code: string;
  name: string;
  active: boolean;
  is_sample: boolean;
}

export async function findFundUses(db: Queryable): Promise<FundUseRow[]> {
  return (await db.query<FundUseRow>("SELECT code, name, active, is_sample FROM furusato_fund_uses ORDER BY sort_order, code")).rows;
}

export async function fundUseExists(db: Queryable, code: string): Promise<boolean> {
  return (await db.query("SELECT 1 FROM furusato_fund_uses WHERE code = $1", [code])).rowCount > 0;
}

export async function fundUseClashes(db: Queryable, code: string, name: string): Promise<boolean> {
  return (await db.query("SELECT 1 FROM furusato_fund_uses WHERE code = $1 OR name = $2", [code, name])).rowCount > 0;
}

/** A new 使い道, sorted last. */
export async function insertFundUse(tx: Queryable, code: string, name: string): Promise<void> {
  await tx.query(
    "INSERT INTO furusato_fund_uses (code, name, sort_order) VALUES ($1, $2, (SELECT COALESCE(max(sort_order), 0) + 1 FROM furusato_fund_uses))",
    [code, name],
  );
}

/** A 使い道 of the shipped list (demo data), unless one with its code or name is there already. */
export async function insertFundUseIfMissing(
  tx: Queryable,
  use: { code: string; name: string; sortOrder: number; isSample: boolean },
): Promise<void> {
  await tx.query("INSERT INTO furusato_fund_uses (code, name, sort_order, is_sample) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING", [
    use.code,
    use.name,
    use.sortOrder,
    use.isSample,
  ]);
}

/** Every gift code of the catalogue: a donation file's items must name one. */
export async function findGiftCodes(db: Queryable): Promise<string[]> {
  return (await db.query<{ code: string }>("SELECT code FROM furusato_gifts")).rows.map((g) => g.code);
}

export async function giftCodeExists(db: Queryable, code: string): Promise<boolean> {
  return (await db.query("SELECT 1 FROM furusato_gifts WHERE code = $1", [code])).rowCount > 0;
}

export async function portalExists(db: Queryable, code: string): Promise<boolean> {
  return (await db.query("SELECT 1 FROM furusato_portals WHERE code = $1", [code])).rowCount > 0;
}

export interface MappingRow {
  id: string;
  portal_code: string;
  portal_name: string;
  name: string;
  config: unknown;
  version: number;
  is_sample: boolean;
  import_count: number;
}

export async function findMapping(db: Queryable, id: string): Promise<MappingRow | null> {
  const { rows } = await db.query<MappingRow>(
    `SELECT m.*, p.name AS portal_name, (SELECT count(*)::int FROM furusato_donation_imports i WHERE i.mapping_id = m.id) AS import_count
       FROM furusato_donation_mappings m JOIN furusato_portals p ON p.code = m.portal_code WHERE m.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findMappings(db: Queryable): Promise<MappingRow[]> {
  const { rows } = await db.query<MappingRow>(
    `SELECT m.*, p.name AS portal_name, (SELECT count(*)::int FROM furusato_donation_imports i WHERE i.mapping_id = m.id) AS import_count
       FROM furusato_donation_mappings m JOIN furusato_portals p ON p.code = m.portal_code ORDER BY m.name`,
  );
  return rows;
}

/** Whether another mapping (not `exceptId`) already has this name. */
export async function mappingNameTaken(db: Queryable, name: string, exceptId: string | null = null): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM furusato_donation_mappings WHERE name = $1 AND id IS DISTINCT FROM $2", [
    name,
    exceptId,
  ]);
  return rowCount > 0;
}

export async function insertMappingRow(
  tx: Queryable,
  input: { portalCode: string; name: string; config: unknown; isSample?: boolean },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    "INSERT INTO furusato_donation_mappings (portal_code, name, config, is_sample) VALUES ($1, $2, $3, $4) RETURNING id",
    [input.portalCode, input.name, JSON.stringify(input.config), input.isSample ?? false],
  );
  return rows[0].id;
}

/** A mapping's new config (and name, when given); its version goes up by one. */
export async function updateMappingRow(tx: Queryable, id: string, input: { name?: string; config: unknown }): Promise<void> {
  await tx.query(
    "UPDATE furusato_donation_mappings SET name = COALESCE($2, name), config = $3, version = version + 1, updated_at = now() WHERE id = $1",
    [id, input.name ?? null, JSON.stringify(input.config)],
  );
}

/** Whether this portal's file (by its hash) was imported before. */
export async function fileImported(db: Queryable, portalCode: string, sha256: string): Promise<boolean> {
  return (
    (await db.query("SELECT 1 FROM furusato_donation_imports WHERE portal_code = $1 AND file_sha256 = $2", [portalCode, sha256])).rowCount >
    0
  );
}

/** The import's row, its counts (rows included) still zero; null when the same file (portal, hash) has one already. */
export async function insertImportRow(
  tx: Queryable,
  input: {
    portalCode: string;
    mappingId: string;
    fileId: string | null;
    fileName: string;
    sha256: string;
    createdBy: string | null;
  },
): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO furusato_donation_imports (portal_code, mapping_id, file_id, file_name, file_sha256, row_count,
       created_count, updated_count, unchanged_count, created_by)
     VALUES ($1, $2, $3, $4, $5, 0, 0, 0, 0, $6)
     ON CONFLICT (portal_code, file_sha256) DO NOTHING RETURNING id`,
    [input.portalCode, input.mappingId, input.fileId, input.fileName, input.sha256, input.createdBy],
  );
  return rows[0]?.id ?? null;
}

export async function updateImportCounts(
  tx: Queryable,
  id: string,
  counts: { rowCount: number; created: number; updated: number; unchanged: number },
): Promise<void> {
  await tx.query(
    "UPDATE furusato_donation_imports SET row_count = $2, created_count = $3, updated_count = $4, unchanged_count = $5 WHERE id = $1",
    [id, counts.rowCount, counts.created, counts.updated, counts.unchanged],
  );
}

export interface ImportRow {
  id: string;
  portal_code: string;
  mapping_name: string;
  file_name: string;
  row_count: number;
  created_count: number;
  updated_count: number;
  unchanged_count: number;
  created_by_name: string | null;
  created_at: Date;
}

/** One page of the import history, newest first, and the number of imports in all. */
export async function findImports(db: Queryable, page: { limit: number; offset: number }): Promise<{ rows: ImportRow[]; total: number }> {
  const total = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM furusato_donation_imports");
  const { rows } = await db.query<ImportRow>(
    `SELECT i.*, m.name AS mapping_name, u.display_name AS created_by_name
       FROM furusato_donation_imports i JOIN furusato_donation_mappings m ON m.id = i.mapping_id
       LEFT JOIN users u ON u.id = i.created_by
      ORDER BY i.created_at DESC LIMIT $1 OFFSET $2`,
    [page.limit, page.offset],
  );
  return { rows, total: total.rows[0].n };
}
