// SQL of 寄附金受領証明書: the certificates (furusato_certificates), their batches (furusato_certificate_batches) and
// the numbers a batch stages while it is built (furusato_certificate_staged), and the donations that need one. The
// rules (numbering, who may, when a batch is abandoned) and the transactions are certificates.ts's.
import type { Queryable } from "../../../db/database";

/** Taken first by every transaction that numbers certificates, so that one numbers at a time. */
export async function lockCertificateNumbers(tx: Queryable): Promise<void> {
  await tx.query("SELECT pg_advisory_xact_lock(hashtext('furusato_certificates'))");
}

/** The highest sequence number issued under this prefix (R6-000123 → 123), 0 when none. */
export async function lastSequence(db: Queryable, prefix: string): Promise<number> {
  const { rows } = await db.query<{ n: number | null }>(
    "SELECT max(substring(certificate_number FROM '-([0-9]+)$')::int) AS n FROM furusato_certificates WHERE certificate_number LIKE $1",
    [`${prefix}-%`],
  );
  return rows[0]?.n ?? 0;
}

export interface CertificateFilter {
  from: string | null;
  to: string | null;
  portalCode: string | null;
  donationIds: string[] | null;
}

// 証明書が必要な寄附: paid (入金済 — a cancelled one is not), donor data still held, no certificate yet.
function candidateWhere(filter: CertificateFilter): { sql: string; params: unknown[] } {
  const params: unknown[] = [filter.from, filter.to, filter.portalCode, filter.donationIds];
  const sql = `d.status = '入金済' AND d.anonymised_at IS NULL
    AND NOT EXISTS (SELECT 1 FROM furusato_certificates c WHERE c.donation_id = d.id)
    AND ($1::date IS NULL OR d.donated_on >= $1::date) AND ($2::date IS NULL OR d.donated_on <= $2::date)
    AND ($3::text IS NULL OR d.portal_code = $3::text) AND ($4::uuid[] IS NULL OR d.id = ANY($4::uuid[]))`;
  return { sql, params };
}

export async function countCandidates(db: Queryable, filter: CertificateFilter): Promise<number> {
  const { sql, params } = candidateWhere(filter);
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM furusato_donations d WHERE ${sql}`, params);
  return rows[0]?.n ?? 0;
}

export interface CandidateListRow {
  id: string;
  order_number: string;
  portal_code: string;
  donated_on: string;
  amount: number;
  donor_name: string | null;
}

/** One page of the candidates, oldest donation first. */
export async function findCandidatePage(
  db: Queryable,
  filter: CertificateFilter,
  page: { limit: number; offset: number },
): Promise<CandidateListRow[]> {
  const { sql, params } = candidateWhere(filter);
  const { rows } = await db.query<CandidateListRow>(
    `SELECT d.id, d.order_number, d.portal_code, d.donated_on, d.amount, d.donor_name FROM furusato_donations d
      WHERE ${sql} ORDER BY d.donated_on, d.portal_code, d.order_number LIMIT ${page.limit} OFFSET ${page.offset}`,
    params,
  );
  return rows;
}

/** What a certificate prints of its donation. */
export interface DonationForCertificate {
  id: string;
  order_number: string;
  donated_on: string;
  amount: number;
  donor_name: string | null;
  donor_postal_code: string | null;
  donor_address: string | null;
}

const DONATION_COLUMNS = "d.id, d.order_number, d.donated_on, d.amount, d.donor_name, d.donor_postal_code, d.donor_address";

export type CandidateRow = DonationForCertificate & { portal_code: string };

/** The candidates' key: their order (a portal's order numbers are unique). */
export type CandidateKey = Pick<CandidateRow, "donated_on" | "portal_code" | "order_number">;

/** The next `limit` candidates after `after` (keyset pagination: each page costs the same however deep). */
export async function findCandidatesAfter(
  db: Queryable,
  filter: CertificateFilter,
  after: CandidateKey | null,
  limit: number,
): Promise<CandidateRow[]> {
  const { sql, params } = candidateWhere(filter);
  const n = params.length;
  const { rows } = await db.query<CandidateRow>(
    `SELECT ${DONATION_COLUMNS}, d.portal_code FROM furusato_donations d
      WHERE ${sql}${after ? ` AND (d.donated_on, d.portal_code, d.order_number) > ($${n + 1}::date, $${n + 2}::text, $${n + 3}::text)` : ""}
      ORDER BY d.donated_on, d.portal_code, d.order_number LIMIT ${limit}`,
    after ? [...params, after.donated_on, after.portal_code, after.order_number] : params,
  );
  return rows;
}

export async function insertBuildingBatch(
  tx: Queryable,
  batch: { id: string; fileId: string; createdBy: string | null; builder: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO furusato_certificate_batches (id, file_id, certificate_count, created_by, state, builder)
     VALUES ($1, $2, 0, $3, 'building', $4)`,
    [batch.id, batch.fileId, batch.createdBy, batch.builder],
  );
}

/** The batches still building, each with whether it has written nothing for `quietAfter` (an interval, '10 minutes'). */
export async function findBuildingBatches(tx: Queryable, quietAfter: string) {
  const { rows } = await tx.query<{ id: string; builder: string | null; quiet: boolean }>(
    `SELECT id, builder, heartbeat_at < now() - $1::interval AS quiet
       FROM furusato_certificate_batches WHERE state = 'building'`,
    [quietAfter],
  );
  return rows;
}

/** Removes a batch that is still building (its staged numbers go with it); returns its file's id, null if none. */
export async function deleteBuildingBatch(db: Queryable, batchId: string): Promise<string | null> {
  const { rows } = await db.query<{ file_id: string }>(
    "DELETE FROM furusato_certificate_batches WHERE id = $1 AND state = 'building' RETURNING file_id",
    [batchId],
  );
  return rows[0]?.file_id ?? null;
}

/** A sign of life of a building batch; false when it is no longer building (it was discarded). */
export async function touchBuildingBatch(tx: Queryable, batchId: string): Promise<boolean> {
  const { rows } = await tx.query(
    "UPDATE furusato_certificate_batches SET heartbeat_at = now() WHERE id = $1 AND state = 'building' RETURNING id",
    [batchId],
  );
  return rows.length > 0;
}

export async function isBuilding(tx: Queryable, batchId: string): Promise<boolean> {
  const { rows } = await tx.query("SELECT 1 FROM furusato_certificate_batches WHERE id = $1 AND state = 'building'", [batchId]);
  return rows.length > 0;
}

export async function insertStagedCertificates(tx: Queryable, batchId: string, numbers: string[], donationIds: string[]): Promise<void> {
  await tx.query(
    `INSERT INTO furusato_certificate_staged (batch_id, certificate_number, donation_id)
     SELECT $1, u.number, u.donation_id FROM unnest($2::text[], $3::uuid[]) AS u (number, donation_id)`,
    [batchId, numbers, donationIds],
  );
}

/**
 * The batch's staged numbers whose donation still exists, and how many of those no longer need a certificate
 * (cancelled, anonymised, or certified since).
 */
export async function countStaged(tx: Queryable, batchId: string): Promise<{ staged: number; unfit: number }> {
  const { rows } = await tx.query<{ staged: number; unfit: number }>(
    `SELECT count(*)::int AS staged,
            count(*) FILTER (WHERE d.status <> '入金済' OR d.anonymised_at IS NOT NULL
              OR EXISTS (SELECT 1 FROM furusato_certificates c WHERE c.donation_id = s.donation_id))::int AS unfit
       FROM furusato_certificate_staged s JOIN furusato_donations d ON d.id = s.donation_id
      WHERE s.batch_id = $1`,
    [batchId],
  );
  return rows[0];
}

/** The staged numbers become certificates issued on `issuedOn`, and the batch is issued with `count` of them. */
export async function issueStagedCertificates(tx: Queryable, batchId: string, issuedOn: string, count: number): Promise<void> {
  await tx.query(
    `INSERT INTO furusato_certificates (donation_id, batch_id, certificate_number, issued_on)
     SELECT donation_id, batch_id, certificate_number, $2::date FROM furusato_certificate_staged WHERE batch_id = $1`,
    [batchId, issuedOn],
  );
  await tx.query("DELETE FROM furusato_certificate_staged WHERE batch_id = $1", [batchId]);
  await tx.query(
    "UPDATE furusato_certificate_batches SET state = 'issued', certificate_count = $2, builder = NULL, heartbeat_at = now() WHERE id = $1",
    [batchId, count],
  );
}

export type CertificateWithDonation = DonationForCertificate & { certificate_number: string; status: string; anonymised_at: Date | null };

export async function findCertificateWithDonation(db: Queryable, certificateId: string): Promise<CertificateWithDonation | null> {
  const { rows } = await db.query<CertificateWithDonation>(
    `SELECT ${DONATION_COLUMNS}, c.certificate_number, d.status, d.anonymised_at
       FROM furusato_certificates c JOIN furusato_donations d ON d.id = c.donation_id WHERE c.id = $1`,
    [certificateId],
  );
  return rows[0] ?? null;
}

/** A reissue: its one-certificate batch, issued at once, and the certificate marked as a reissue. */
export async function insertReissue(
  tx: Queryable,
  reissue: { batchId: string; fileId: string; createdBy: string | null; donationId: string; certificateNumber: string; issuedOn: string },
): Promise<void> {
  await tx.query("INSERT INTO furusato_certificate_batches (id, file_id, certificate_count, created_by) VALUES ($1, $2, 1, $3)", [
    reissue.batchId,
    reissue.fileId,
    reissue.createdBy,
  ]);
  await tx.query(
    "INSERT INTO furusato_certificates (donation_id, batch_id, certificate_number, issued_on, reissue) VALUES ($1, $2, $3, $4, true)",
    [reissue.donationId, reissue.batchId, reissue.certificateNumber, reissue.issuedOn],
  );
}

export interface BatchListRow {
  id: string;
  certificate_count: number;
  first_number: string | null;
  last_number: string | null;
  reissue: boolean | null;
  created_at: Date;
  created_by: string | null;
}

/** The 200 latest issued batches with their number range and who made them. */
export async function findIssuedBatches(db: Queryable): Promise<BatchListRow[]> {
  const { rows } = await db.query<BatchListRow>(
    `SELECT b.id, b.certificate_count, min(c.certificate_number) AS first_number, max(c.certificate_number) AS last_number,
            bool_or(c.reissue) AS reissue, b.created_at, u.display_name AS created_by
       FROM furusato_certificate_batches b
       LEFT JOIN furusato_certificates c ON c.batch_id = b.id
       LEFT JOIN users u ON u.id = b.created_by
      WHERE b.state = 'issued'
      GROUP BY b.id, u.display_name ORDER BY b.created_at DESC LIMIT 200`,
  );
  return rows;
}

export interface CertificateListRow {
  id: string;
  certificate_number: string;
  donation_id: string;
  order_number: string;
  donated_on: string;
  amount: number;
  issued_on: string;
  reissue: boolean;
  batch_id: string;
}

/**
 * One page of the certificates, newest first, and their number in all; `q` matches part of the certificate number or
 * the order number.
 */
export async function findCertificates(
  db: Queryable,
  filter: { q?: string; limit: number; offset: number },
): Promise<{ rows: CertificateListRow[]; total: number }> {
  const params: unknown[] = [filter.q ? `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null];
  const where = "($1::text IS NULL OR c.certificate_number ILIKE $1 OR d.order_number ILIKE $1)";
  const [page, count] = await Promise.all([
    db.query<CertificateListRow>(
      `SELECT c.id, c.certificate_number, c.donation_id, d.order_number, d.donated_on, d.amount, c.issued_on, c.reissue, c.batch_id
         FROM furusato_certificates c JOIN furusato_donations d ON d.id = c.donation_id
        WHERE ${where} ORDER BY c.created_at DESC, c.certificate_number DESC LIMIT ${filter.limit} OFFSET ${filter.offset}`,
      params,
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM furusato_certificates c JOIN furusato_donations d ON d.id = c.donation_id WHERE ${where}`,
      params,
    ),
  ]);
  return { rows: page.rows, total: count.rows[0]?.n ?? 0 };
}

export async function findIssuedBatch(db: Queryable, batchId: string) {
  const { rows } = await db.query<{ file_id: string; certificate_count: number }>(
    "SELECT file_id, certificate_count FROM furusato_certificate_batches WHERE id = $1 AND state = 'issued'",
    [batchId],
  );
  return rows[0] ?? null;
}
