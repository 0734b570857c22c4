// 寄附金受領証明書: every paid donation gets one, numbered per 年度 of issue (R6-000123). A batch is one PDF (one A4
// page per donation) made by a job; its certificates are recorded in the same transaction as the batch row, so a
// second run skips the donations already certified. 再発行 issues a new number marked as a reissue of the old one.
import { fiscalYearOf, formatFiscalYear } from "../../../../common/dates";
import type { Db, Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import { Conflict, Forbidden, NotFound, ValidationError } from "../../../platform/errors";
import { readFileRow, storeFile } from "../../../platform/files/files";
import { registerJobHandler } from "../../../platform/jobs/jobs";
import { type FurusatoAccess, requireManager } from "../access";
import { todayInJapan } from "../catalog";
import { type CertificatePage, type Issuer, renderCertificatesPdf } from "./certificate-pdf";
import { maskName } from "./one-stop";
import { appSetting } from "./shipments";

export const CERTIFICATE_JOB = "furusato.certificates";
export const CITY_NAME_SETTING = "furusato.cityName";
export const MAYOR_SETTING = "furusato.mayorTitle";

/** 発行者: app settings furusato.cityName / furusato.mayorTitle (北九州市 / 北九州市長 by default). */
export async function certificateIssuer(db: Queryable): Promise<Issuer> {
  const text = (value: unknown, fallback: string) => (typeof value === "string" && value.trim() !== "" ? value.trim() : fallback);
  const [city, mayor] = await Promise.all([appSetting(db, CITY_NAME_SETTING), appSetting(db, MAYOR_SETTING)]);
  return { cityName: text(city, "北九州市"), mayor: text(mayor, "北九州市長") };
}

const ERA_LETTERS: Record<string, string> = { 令和: "R", 平成: "H", 昭和: "S", 大正: "T" };

/** 証明書番号の頭: the 年度 of issue as R6 (令和6年度), R1 for 令和元年度. */
export function certificatePrefix(fiscalYear: number): string {
  const match = /^(令和|平成|昭和|大正)(元|\d+)年度$/.exec(formatFiscalYear(fiscalYear));
  if (!match) throw new RangeError(`年度を和暦で表せません: ${fiscalYear}`);
  return `${ERA_LETTERS[match[1]]}${match[2] === "元" ? "1" : match[2]}`;
}

export function certificateNumber(prefix: string, sequence: number): string {
  return `${prefix}-${String(sequence).padStart(6, "0")}`;
}

async function lastSequence(db: Queryable, prefix: string): Promise<number> {
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

export async function listCertificateCandidates(
  db: Queryable,
  access: FurusatoAccess,
  filter: Omit<CertificateFilter, "donationIds"> & { page: number; pageSize: number },
) {
  if (access.supplier) throw new Forbidden("受領証明書は市の職員だけが扱えます。");
  const { sql, params } = candidateWhere({ ...filter, donationIds: null });
  const offset = (filter.page - 1) * filter.pageSize;
  const [page, count] = await Promise.all([
    db.query<{ id: string; order_number: string; portal_code: string; donated_on: string; amount: number; donor_name: string | null }>(
      `SELECT d.id, d.order_number, d.portal_code, d.donated_on, d.amount, d.donor_name FROM furusato_donations d
        WHERE ${sql} ORDER BY d.donated_on, d.portal_code, d.order_number LIMIT ${filter.pageSize} OFFSET ${offset}`,
      params,
    ),
    db.query<{ n: number }>(`SELECT count(*)::int AS n FROM furusato_donations d WHERE ${sql}`, params),
  ]);
  return {
    items: page.rows.map((r) => ({
      donationId: r.id,
      orderNumber: r.order_number,
      portalCode: r.portal_code,
      donatedOn: r.donated_on,
      amount: r.amount,
      donorName: access.manager ? (r.donor_name ?? "") : maskName(r.donor_name),
    })),
    total: count.rows[0]?.n ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

interface DonationForCertificate {
  id: string;
  order_number: string;
  donated_on: string;
  amount: number;
  donor_name: string | null;
  donor_postal_code: string | null;
  donor_address: string | null;
}

const DONATION_COLUMNS = "d.id, d.order_number, d.donated_on, d.amount, d.donor_name, d.donor_postal_code, d.donor_address";

function pageOf(d: DonationForCertificate, number: string, issuedOn: string, reissueOf: string | null): CertificatePage {
  return {
    certificateNumber: number,
    issuedOn,
    donorName: d.donor_name ?? "",
    donorPostalCode: d.donor_postal_code,
    donorAddress: d.donor_address,
    donatedOn: d.donated_on,
    amount: d.amount,
    orderNumber: d.order_number,
    reissueOf,
  };
}

export interface BatchResult {
  batchId: string | null;
  count: number;
  firstNumber: string | null;
  lastNumber: string | null;
}

type Progress = (done: number, total?: number | null, message?: string) => Promise<void>;

/**
 * Makes one PDF for every donation that needs a certificate (within the filter) and records the batch and its
 * certificates together. The PDF is rendered outside the transaction (so the progress can be shown and, on PGlite,
 * the one connection stays free); inside it, under a lock, the numbers and donations are checked to be still free.
 */
export async function issueCertificates(
  db: Db,
  actor: Actor,
  filter: CertificateFilter,
  progress: Progress = async () => {},
  today = todayInJapan(),
): Promise<BatchResult> {
  await progress(0, null, "対象の寄附を集めています");
  const { sql, params } = candidateWhere(filter);
  const { rows: donations } = await db.query<DonationForCertificate>(
    `SELECT ${DONATION_COLUMNS} FROM furusato_donations d WHERE ${sql} ORDER BY d.donated_on, d.portal_code, d.order_number`,
    params,
  );
  if (donations.length === 0) {
    await progress(0, 0, "新たに発行する寄附はありませんでした");
    return { batchId: null, count: 0, firstNumber: null, lastNumber: null };
  }
  const total = donations.length;
  const prefix = certificatePrefix(fiscalYearOf(today));
  const start = await lastSequence(db, prefix);
  const numbers = donations.map((_, i) => certificateNumber(prefix, start + i + 1));
  await progress(0, total, `${total}件の証明書を作成しています`);
  const issuer = await certificateIssuer(db);
  const pdf = await renderCertificatesPdf(
    donations.map((d, i) => pageOf(d, numbers[i], today, null)),
    issuer,
  );
  await progress(total, total, "記録しています");
  const first = numbers[0];
  const last = numbers[numbers.length - 1];
  const batchId = await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('furusato_certificates'))");
    const issuedMeanwhile = await tx.query("SELECT 1 FROM furusato_certificates WHERE donation_id = ANY($1::uuid[]) LIMIT 1", [
      donations.map((d) => d.id),
    ]);
    if ((await lastSequence(tx, prefix)) !== start || issuedMeanwhile.rows.length > 0)
      throw new Conflict("別の受領証明書の作成が同時に行われました。もう一度作成してください。", "concurrent_batch");
    const id = await recordBatch(tx, actor, pdf, `寄附金受領証明書_${first}～${last}.pdf`, total);
    await tx.query(
      `INSERT INTO furusato_certificates (donation_id, batch_id, certificate_number, issued_on)
       SELECT u.donation_id, $1, u.number, $2::date FROM unnest($3::uuid[], $4::text[]) AS u (donation_id, number)`,
      [id, today, donations.map((d) => d.id), numbers],
    );
    await recordAudit(tx, actor, {
      action: "issue",
      entityType: "furusato_certificate_batch",
      entityId: id,
      summary: `寄附金受領証明書 ${total}件を発行（${first}～${last}）`,
      after: { count: total, firstNumber: first, lastNumber: last, issuedOn: today },
    });
    return id;
  });
  return { batchId, count: total, firstNumber: first, lastNumber: last };
}

async function recordBatch(tx: Queryable, actor: Actor, pdf: Uint8Array, name: string, count: number): Promise<string> {
  const file = await storeFile(tx, { name, mimeType: "application/pdf", bytes: pdf, createdBy: actor.userId });
  const { rows } = await tx.query<{ id: string }>(
    "INSERT INTO furusato_certificate_batches (file_id, certificate_count, created_by) VALUES ($1, $2, $3) RETURNING id",
    [file.id, count, actor.userId],
  );
  return rows[0].id;
}

/** 再発行: a new number (of this 年度), marked as a reissue and naming the number it replaces; one page, one batch. */
export async function reissueCertificate(
  db: Db,
  actor: Actor,
  certificateId: string,
  today = todayInJapan(),
): Promise<{ batchId: string; certificateNumber: string }> {
  const { rows } = await db.query<DonationForCertificate & { certificate_number: string; status: string; anonymised_at: Date | null }>(
    `SELECT ${DONATION_COLUMNS}, c.certificate_number, d.status, d.anonymised_at
       FROM furusato_certificates c JOIN furusato_donations d ON d.id = c.donation_id WHERE c.id = $1`,
    [certificateId],
  );
  const original = rows[0];
  if (!original) throw new NotFound("受領証明書");
  if (original.status !== "入金済") throw new Conflict(`寄附が「${original.status}」のため再発行できません。`, "invalid_status");
  if (original.anonymised_at) throw new Conflict("寄附者の情報が匿名化されているため再発行できません。", "anonymised");
  const prefix = certificatePrefix(fiscalYearOf(today));
  const start = await lastSequence(db, prefix);
  const number = certificateNumber(prefix, start + 1);
  const pdf = await renderCertificatesPdf([pageOf(original, number, today, original.certificate_number)], await certificateIssuer(db));
  const batchId = await db.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtext('furusato_certificates'))");
    if ((await lastSequence(tx, prefix)) !== start)
      throw new Conflict("別の受領証明書の作成が同時に行われました。もう一度操作してください。", "concurrent_batch");
    const id = await recordBatch(tx, actor, pdf, `寄附金受領証明書_${number}_再発行.pdf`, 1);
    await tx.query(
      "INSERT INTO furusato_certificates (donation_id, batch_id, certificate_number, issued_on, reissue) VALUES ($1, $2, $3, $4, true)",
      [original.id, id, number, today],
    );
    await recordAudit(tx, actor, {
      action: "reissue",
      entityType: "furusato_certificate",
      entityId: certificateId,
      summary: `寄附金受領証明書 ${original.certificate_number} を ${number} として再発行`,
      after: { certificateNumber: number, reissueOf: original.certificate_number, batchId: id },
    });
    return id;
  });
  return { batchId, certificateNumber: number };
}

export async function listBatches(db: Queryable) {
  const { rows } = await db.query<{
    id: string;
    certificate_count: number;
    first_number: string | null;
    last_number: string | null;
    reissue: boolean | null;
    created_at: Date;
    created_by: string | null;
  }>(
    `SELECT b.id, b.certificate_count, min(c.certificate_number) AS first_number, max(c.certificate_number) AS last_number,
            bool_or(c.reissue) AS reissue, b.created_at, u.display_name AS created_by
       FROM furusato_certificate_batches b
       LEFT JOIN furusato_certificates c ON c.batch_id = b.id
       LEFT JOIN users u ON u.id = b.created_by
      GROUP BY b.id, u.display_name ORDER BY b.created_at DESC LIMIT 200`,
  );
  return rows.map((r) => ({
    id: r.id,
    certificateCount: r.certificate_count,
    firstNumber: r.first_number,
    lastNumber: r.last_number,
    reissue: r.reissue ?? false,
    createdAt: r.created_at.toISOString(),
    createdBy: r.created_by ?? "",
  }));
}

export async function listCertificates(db: Queryable, filter: { q?: string; page: number; pageSize: number }) {
  const params: unknown[] = [filter.q ? `%${filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%` : null];
  const where = "($1::text IS NULL OR c.certificate_number ILIKE $1 OR d.order_number ILIKE $1)";
  const offset = (filter.page - 1) * filter.pageSize;
  const [page, count] = await Promise.all([
    db.query<{
      id: string;
      certificate_number: string;
      donation_id: string;
      order_number: string;
      donated_on: string;
      amount: number;
      issued_on: string;
      reissue: boolean;
      batch_id: string;
    }>(
      `SELECT c.id, c.certificate_number, c.donation_id, d.order_number, d.donated_on, d.amount, c.issued_on, c.reissue, c.batch_id
         FROM furusato_certificates c JOIN furusato_donations d ON d.id = c.donation_id
        WHERE ${where} ORDER BY c.created_at DESC, c.certificate_number DESC LIMIT ${filter.pageSize} OFFSET ${offset}`,
      params,
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM furusato_certificates c JOIN furusato_donations d ON d.id = c.donation_id WHERE ${where}`,
      params,
    ),
  ]);
  return {
    items: page.rows.map((r) => ({
      id: r.id,
      certificateNumber: r.certificate_number,
      donationId: r.donation_id,
      orderNumber: r.order_number,
      donatedOn: r.donated_on,
      amount: r.amount,
      issuedOn: r.issued_on,
      reissue: r.reissue,
      batchId: r.batch_id,
    })),
    total: count.rows[0]?.n ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
  };
}

/** The batch's PDF again (it holds names and addresses: the managers only, and every download is recorded). */
export async function downloadBatch(db: Db, access: FurusatoAccess, actor: Actor, batchId: string) {
  requireManager(access);
  const { rows } = await db.query<{ file_id: string; certificate_count: number }>(
    "SELECT file_id, certificate_count FROM furusato_certificate_batches WHERE id = $1",
    [batchId],
  );
  if (!rows[0]) throw new NotFound("受領証明書の作成記録");
  const file = await readFileRow(db, rows[0].file_id);
  await db.transaction((tx) =>
    recordAudit(tx, actor, {
      action: "download",
      entityType: "furusato_certificate_batch",
      entityId: batchId,
      summary: `寄附金受領証明書（${rows[0].certificate_count}件）の PDF をダウンロード`,
    }),
  );
  return { name: file.name, mimeType: file.mimeType, body: file.bytes };
}

export function checkCertificateFilter(filter: CertificateFilter): void {
  if (filter.from && filter.to && filter.from > filter.to)
    throw new ValidationError("寄附日の範囲が逆になっています。", { to: "開始日より後の日付を入れてください。" });
}

export function registerCertificateJob(): void {
  registerJobHandler<{ actor: Actor; filter: CertificateFilter }>(CERTIFICATE_JOB, (data, context) =>
    issueCertificates(context.db, data.actor, data.filter, context.progress),
  );
}
