// SQL of the invitations of the former registration system's registrants (旧登録制度の登録者への招待). Only a
// token's SHA-256 is kept; state (未使用・登録済み・期限切れ) is worked out from used_at and expires_at.
import type { InvitationState } from "../../../common/api/sdgs-accounts";
import type { Queryable } from "../../db/database";

export interface InvitationRow {
  id: string;
  company_name: string;
  corporate_number: string | null;
  former_registration_number: string | null;
  contact_name: string;
  contact_email: string;
  expires_at: Date;
  used_at: Date | null;
  company_id: string | null;
  import_key: string | null;
  created_at: Date;
  is_sample: boolean;
  state: InvitationState;
}

const STATE_SQL = "CASE WHEN used_at IS NOT NULL THEN 'used' WHEN expires_at <= now() THEN 'expired' ELSE 'unused' END";
const SELECT = `SELECT id, company_name, corporate_number, former_registration_number, contact_name, contact_email, expires_at,
  used_at, company_id, import_key, created_at, is_sample, ${STATE_SQL} AS state FROM sdgs_invitations`;

const like = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listInvitations(
  db: Queryable,
  query: { state?: InvitationState; q?: string; page: number; pageSize: number },
): Promise<{ rows: InvitationRow[]; total: number; counts: Record<InvitationState, number> }> {
  const where: string[] = [];
  const params: unknown[] = [];
  if (query.q) {
    params.push(like(query.q));
    where.push(
      `(company_name ILIKE $${params.length} OR coalesce(corporate_number, '') ILIKE $${params.length} OR coalesce(former_registration_number, '') ILIKE $${params.length})`,
    );
  }
  const search = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const counted = await db.query<{ state: InvitationState; n: number }>(
    `SELECT ${STATE_SQL} AS state, count(*)::int AS n FROM sdgs_invitations ${search} GROUP BY 1`,
    params,
  );
  const counts: Record<InvitationState, number> = { unused: 0, used: 0, expired: 0 };
  for (const row of counted.rows) counts[row.state] = row.n;
  if (query.state) {
    params.push(query.state);
    where.push(`${STATE_SQL} = $${params.length}`);
  }
  const clause = where.length ? `WHERE ${where.join(" AND ")}` : "";
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sdgs_invitations ${clause}`, params);
  const { rows } = await db.query<InvitationRow>(
    `${SELECT} ${clause} ORDER BY created_at DESC, former_registration_number NULLS LAST, id
     LIMIT ${query.pageSize} OFFSET ${(query.page - 1) * query.pageSize}`,
    params,
  );
  return { rows, total: total.rows[0].n, counts };
}

export async function findInvitation(db: Queryable, id: string, opts: { lock?: boolean } = {}): Promise<InvitationRow | null> {
  const { rows } = await db.query<InvitationRow>(`${SELECT} WHERE id = $1${opts.lock ? " FOR UPDATE" : ""}`, [id]);
  return rows[0] ?? null;
}

/** A valid (unused, unexpired) invitation by its token's hash, or null. */
export async function findValidInvitationByHash(db: Queryable, tokenHash: string): Promise<InvitationRow | null> {
  const { rows } = await db.query<InvitationRow>(`${SELECT} WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now()`, [tokenHash]);
  return rows[0] ?? null;
}

/** Marks a valid invitation used, under its row lock (a second concurrent use finds nothing); null when not valid. */
export async function consumeInvitation(tx: Queryable, tokenHash: string): Promise<InvitationRow | null> {
  const { rows } = await tx.query<{ id: string }>(
    "UPDATE sdgs_invitations SET used_at = now() WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() RETURNING id",
    [tokenHash],
  );
  return rows[0] ? findInvitation(tx, rows[0].id) : null;
}

export async function setInvitationCompany(tx: Queryable, id: string, companyId: string): Promise<void> {
  await tx.query("UPDATE sdgs_invitations SET company_id = $2 WHERE id = $1", [id, companyId]);
}

export interface InvitationInsert {
  tokenHash: string;
  companyName: string;
  corporateNumber: string | null;
  contactName: string;
  contactEmail: string;
  formerRegistrationNumber: string | null;
  validDays: number;
  importKey: string | null;
  createdBy: string | null;
}

export async function insertInvitations(tx: Queryable, items: readonly InvitationInsert[]): Promise<InvitationRow[]> {
  if (items.length === 0) return [];
  const { rows } = await tx.query<{ id: string; token_hash: string }>(
    `INSERT INTO sdgs_invitations (token_hash, company_name, corporate_number, contact_name, contact_email,
       former_registration_number, expires_at, import_key, created_by)
     SELECT r.token_hash, r.company_name, r.corporate_number, r.contact_name, r.contact_email, r.former_registration_number,
       now() + make_interval(days => r.valid_days), r.import_key, r.created_by
       FROM jsonb_to_recordset($1::jsonb) AS r(token_hash text, company_name text, corporate_number text,
         contact_name text, contact_email text, former_registration_number text, valid_days int, import_key text, created_by uuid)
     RETURNING id, token_hash`,
    [
      JSON.stringify(
        items.map((i) => ({
          token_hash: i.tokenHash,
          company_name: i.companyName,
          corporate_number: i.corporateNumber,
          contact_name: i.contactName,
          contact_email: i.contactEmail,
          former_registration_number: i.formerRegistrationNumber,
          valid_days: i.validDays,
          import_key: i.importKey,
          created_by: i.createdBy,
        })),
      ),
    ],
  );
  // in the order given (RETURNING promises none): each by its token's hash
  const idByHash = new Map(rows.map((r) => [r.token_hash, r.id]));
  const { rows: found } = await tx.query<InvitationRow>(`${SELECT} WHERE id = ANY($1::uuid[])`, [rows.map((r) => r.id)]);
  const byId = new Map(found.map((r) => [r.id, r]));
  return items.map((i) => byId.get(idByHash.get(i.tokenHash) as string) as InvitationRow);
}

export async function reissueInvitation(tx: Queryable, id: string, tokenHash: string, validDays: number): Promise<void> {
  await tx.query("UPDATE sdgs_invitations SET token_hash = $2, expires_at = now() + make_interval(days => $3) WHERE id = $1", [
    id,
    tokenHash,
    validDays,
  ]);
}

export async function deleteInvitation(tx: Queryable, id: string): Promise<void> {
  await tx.query("DELETE FROM sdgs_invitations WHERE id = $1 AND used_at IS NULL", [id]);
}

/** Whether a file (its hash) was imported before. */
export async function importKeySeen(db: Queryable, importKey: string): Promise<boolean> {
  const { rowCount } = await db.query("SELECT 1 FROM sdgs_invitations WHERE import_key = $1 LIMIT 1", [importKey]);
  return (rowCount ?? 0) > 0;
}

/** Of the given 登録番号, those already invited or already a company's. */
export async function formerNumbersTaken(db: Queryable, numbers: readonly string[]): Promise<Map<string, "invited" | "registered">> {
  const taken = new Map<string, "invited" | "registered">();
  if (numbers.length === 0) return taken;
  const { rows } = await db.query<{ number: string; source: "invited" | "registered" }>(
    `SELECT former_registration_number AS number, 'registered' AS source FROM sdgs_companies WHERE former_registration_number = ANY($1::text[])
     UNION ALL
     SELECT former_registration_number, 'invited' FROM sdgs_invitations WHERE former_registration_number = ANY($1::text[])`,
    [numbers],
  );
  for (const row of rows) if (!taken.has(row.number) || row.source === "registered") taken.set(row.number, row.source);
  return taken;
}

/** Of the given 法人番号, those of a registered company. */
export async function corporateNumbersRegistered(db: Queryable, numbers: readonly string[]): Promise<Set<string>> {
  if (numbers.length === 0) return new Set();
  const { rows } = await db.query<{ corporate_number: string }>(
    "SELECT corporate_number FROM sdgs_companies WHERE corporate_number = ANY($1::text[])",
    [numbers],
  );
  return new Set(rows.map((r) => r.corporate_number));
}
