// SQL of the donation ledger (furusato_donations and its items): the filtered, sorted, paged lists and one donation
// with what followed it (read by donations-query.ts), and the batched writes of donations-store.ts with the 出荷依頼
// and ワンストップ特例 rows they derive. The rules (what changed, what follows a donation) are those files'.
import { fiscalYearOf } from "../../../../common/dates";
import type { DonationRecord, DonationStatus } from "../../../../common/furusato/donation";
import type { Queryable } from "../../../db/database";

export interface DonationFilter {
  fiscalYear?: number;
  portal?: string;
  status?: DonationStatus;
  q?: string;
  from?: string;
  to?: string;
}

const SORTS: Record<string, string> = {
  donatedOn: "d.donated_on, d.order_number",
  "-donatedOn": "d.donated_on DESC, d.order_number DESC",
  amount: "d.amount, d.order_number",
  "-amount": "d.amount DESC, d.order_number",
  orderNumber: "d.order_number",
  "-orderNumber": "d.order_number DESC",
};

function where(filter: DonationFilter): { sql: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    clauses.push(clause.replace("?", `$${params.length}`));
  };
  if (filter.fiscalYear !== undefined) add("d.fiscal_year = ?", filter.fiscalYear);
  if (filter.portal) add("d.portal_code = ?", filter.portal);
  if (filter.status) add("d.status = ?", filter.status);
  if (filter.q)
    add(
      "d.order_number LIKE ? || '%'",
      filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`),
    );
  if (filter.from) add("d.donated_on >= ?", filter.from);
  if (filter.to) add("d.donated_on <= ?", filter.to);
  return { sql: clauses.length ? `WHERE ${clauses.join(" AND ")}` : "", params };
}

export interface DonationListRow {
  id: string;
  portal_code: string;
  portal_name: string;
  order_number: string;
  applied_on: string;
  paid_on: string | null;
  donated_on: string;
  fiscal_year: number;
  amount: number;
  status: DonationStatus;
  payment_method: string;
  fund_use_name: string | null;
  is_resident: boolean;
  one_stop_wish: boolean;
  publication_consent: boolean;
  donor_name: string | null;
  donor_kana: string | null;
  donor_postal_code: string | null;
  donor_address: string | null;
  donor_phone: string | null;
  donor_email: string | null;
  donor_gender: string | null;
  ship_name: string | null;
  ship_postal_code: string | null;
  ship_address: string | null;
  ship_phone: string | null;
  gift_titles: string[];
  anonymised_at: Date | null;
  is_sample: boolean;
}

const SELECT = `SELECT d.*, p.name AS portal_name, f.name AS fund_use_name,
    COALESCE((SELECT array_agg(COALESCE(g.title, i.gift_code) ORDER BY i.line_no)
                FROM furusato_donation_items i LEFT JOIN furusato_gifts g ON g.id = i.gift_id
               WHERE i.donation_id = d.id), '{}') AS gift_titles
  FROM furusato_donations d
  JOIN furusato_portals p ON p.code = d.portal_code
  LEFT JOIN furusato_fund_uses f ON f.code = d.fund_use_code`;

/**
 * How many donations match. Filtered by 年度, portal and status only (the list's first page, the usual filters), the
 * figure is summed from furusato_donation_totals, which a trigger keeps exact in the writing statement (migration
 * 0011); a 受付番号 or date filter counts the matching rows.
 */
export async function countDonations(db: Queryable, filter: DonationFilter): Promise<number> {
  const { sql, params } = where(filter);
  const countable = !filter.q && !filter.from && !filter.to;
  const query = countable
    ? `SELECT COALESCE(sum(d.donations), 0)::int AS n FROM furusato_donation_totals d ${sql}`
    : `SELECT count(*)::int AS n FROM furusato_donations d ${sql}`;
  return (await db.query<{ n: number }>(query, params)).rows[0].n;
}

/** What one line of the list shows (the summary before the donor's name is masked). */
export interface DonationPageRow {
  id: string;
  portal_code: string;
  portal_name: string;
  order_number: string;
  donated_on: string;
  fiscal_year: number;
  amount: number;
  status: DonationStatus;
  payment_method: string;
  fund_use_name: string | null;
  is_resident: boolean;
  one_stop_wish: boolean;
  donor_name: string | null;
  gift_titles: string[];
  anonymised: boolean;
  is_sample: boolean;
}

// Only the listed columns, each row as one JSON object: PGlite decodes every field of every row through an ArrayBuffer
// of its own (about 1.7 µs a value), which made the 33 columns of `d.*` the largest part of a page (issue 14).
// Dates come out of JSON as the same YYYY-MM-DD text the drivers give.
const PAGE_ROW = `json_build_object('id', d.id, 'portal_code', d.portal_code, 'portal_name', p.name,
    'order_number', d.order_number, 'donated_on', d.donated_on, 'fiscal_year', d.fiscal_year, 'amount', d.amount,
    'status', d.status, 'payment_method', d.payment_method, 'fund_use_name', f.name, 'is_resident', d.is_resident,
    'one_stop_wish', d.one_stop_wish, 'donor_name', d.donor_name,
    'gift_titles', COALESCE((SELECT array_agg(COALESCE(g.title, i.gift_code) ORDER BY i.line_no)
                FROM furusato_donation_items i LEFT JOIN furusato_gifts g ON g.id = i.gift_id
               WHERE i.donation_id = d.id), '{}'),
    'anonymised', d.anonymised_at IS NOT NULL, 'is_sample', d.is_sample)::text AS row
  FROM furusato_donations d
  JOIN furusato_portals p ON p.code = d.portal_code
  LEFT JOIN furusato_fund_uses f ON f.code = d.fund_use_code`;

/** One page of the matching donations; an unknown sort is newest first. */
export async function findDonationPage(
  db: Queryable,
  filter: DonationFilter,
  page: { page: number; pageSize: number; sort: string },
): Promise<DonationPageRow[]> {
  const { sql, params } = where(filter);
  const { rows } = await db.query<{ row: string }>(
    `SELECT ${PAGE_ROW} ${sql} ORDER BY ${SORTS[page.sort] ?? SORTS["-donatedOn"]} LIMIT ${page.pageSize} OFFSET ${(page.page - 1) * page.pageSize}`,
    params,
  );
  return rows.map((r) => JSON.parse(r.row) as DonationPageRow);
}

/** Every matching donation, oldest first. */
export async function findAllDonationRows(db: Queryable, filter: DonationFilter): Promise<DonationListRow[]> {
  const { sql, params } = where(filter);
  return (await db.query<DonationListRow>(`${SELECT} ${sql} ORDER BY d.donated_on, d.portal_code, d.order_number`, params)).rows;
}

export type DonationDetailRow = DonationListRow & { import_file_name: string | null };

export async function findDonationRow(db: Queryable, id: string): Promise<DonationDetailRow | null> {
  const { rows } = await db.query<DonationDetailRow>(
    `${SELECT.replace("FROM furusato_donations d", "FROM furusato_donations d LEFT JOIN furusato_donation_imports im ON im.id = d.import_id").replace("SELECT d.*,", "SELECT d.*, im.file_name AS import_file_name,")} WHERE d.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function findDonationItems(db: Queryable, donationId: string) {
  const { rows } = await db.query<{ line_no: number; gift_code: string; gift_title: string | null; quantity: number }>(
    `SELECT i.line_no, i.gift_code, g.title AS gift_title, i.quantity
       FROM furusato_donation_items i LEFT JOIN furusato_gifts g ON g.id = i.gift_id
      WHERE i.donation_id = $1 ORDER BY i.line_no`,
    [donationId],
  );
  return rows;
}

export async function findDonationShipments(db: Queryable, donationId: string) {
  const { rows } = await db.query<{
    line_no: number;
    status: string;
    due_on: string | null;
    shipped_on: string | null;
    tracking_number: string;
  }>("SELECT line_no, status, due_on, shipped_on, tracking_number FROM furusato_shipments WHERE donation_id = $1 ORDER BY line_no", [
    donationId,
  ]);
  return rows;
}

export async function findDonationOneStop(db: Queryable, donationId: string) {
  const { rows } = await db.query<{ status: string; missing: string[] }>(
    "SELECT status, missing FROM furusato_one_stop_applications WHERE donation_id = $1",
    [donationId],
  );
  return rows[0] ?? null;
}

export async function findDonationCertificates(db: Queryable, donationId: string) {
  const { rows } = await db.query<{ certificate_number: string; issued_on: string; reissue: boolean }>(
    "SELECT certificate_number, issued_on, reissue FROM furusato_certificates WHERE donation_id = $1 ORDER BY created_at",
    [donationId],
  );
  return rows;
}

// Writes. Each statement takes a whole batch as arrays (unnest), never one round trip per donation.

export interface UpsertedRow {
  id: string;
  portal_code: string;
  order_number: string;
  inserted: boolean;
}

/**
 * Inserts the new donations and updates the changed ones (their row hash differs), keyed by (portal, order number);
 * returns those written. `rowHashes[i]` is the hash of `records[i]`.
 */
export async function upsertDonationRows(
  tx: Queryable,
  records: DonationRecord[],
  rowHashes: string[],
  write: { importId: string | null; isSample: boolean },
): Promise<UpsertedRow[]> {
  const column = <T>(pick: (r: DonationRecord) => T) => records.map(pick);
  const { rows } = await tx.query<UpsertedRow>(
    `INSERT INTO furusato_donations AS d (portal_code, order_number, applied_on, paid_on, donated_on, fiscal_year,
       payment_method, amount, status, fund_use_code, is_resident, one_stop_wish, publication_consent,
       donor_name, donor_kana, donor_postal_code, donor_address, donor_phone, donor_email, donor_gender,
       ship_name, ship_postal_code, ship_address, ship_phone, row_hash, import_id, is_sample)
     SELECT u.*, $25::uuid, $26::boolean
       FROM unnest($1::text[], $2::text[], $3::date[], $4::date[], $5::date[], $6::int[], $7::text[], $8::int[],
                   $9::text[], $10::text[], $11::boolean[], $12::boolean[], $13::boolean[], $14::text[], $15::text[],
                   $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[],
                   $23::text[], $24::text[], $27::text[]) AS u
     ON CONFLICT (portal_code, order_number) DO UPDATE SET
       applied_on = EXCLUDED.applied_on, paid_on = EXCLUDED.paid_on, donated_on = EXCLUDED.donated_on,
       fiscal_year = EXCLUDED.fiscal_year, payment_method = EXCLUDED.payment_method, amount = EXCLUDED.amount,
       status = EXCLUDED.status, fund_use_code = EXCLUDED.fund_use_code, is_resident = EXCLUDED.is_resident,
       one_stop_wish = EXCLUDED.one_stop_wish, publication_consent = EXCLUDED.publication_consent,
       donor_name = EXCLUDED.donor_name, donor_kana = EXCLUDED.donor_kana,
       donor_postal_code = EXCLUDED.donor_postal_code, donor_address = EXCLUDED.donor_address,
       donor_phone = EXCLUDED.donor_phone, donor_email = EXCLUDED.donor_email, donor_gender = EXCLUDED.donor_gender,
       ship_name = EXCLUDED.ship_name, ship_postal_code = EXCLUDED.ship_postal_code,
       ship_address = EXCLUDED.ship_address, ship_phone = EXCLUDED.ship_phone, row_hash = EXCLUDED.row_hash,
       import_id = EXCLUDED.import_id, updated_at = now()
     -- an anonymised donation stays anonymised: an old file imported again must not bring its donor back
     WHERE d.row_hash <> EXCLUDED.row_hash AND d.anonymised_at IS NULL
     RETURNING d.id, d.portal_code, d.order_number, (xmax = 0) AS inserted`,
    [
      column((r) => r.portalCode),
      column((r) => r.orderNumber),
      column((r) => r.appliedOn),
      column((r) => r.paidOn),
      column((r) => r.donatedOn),
      column((r) => fiscalYearOf(r.donatedOn)),
      column((r) => r.paymentMethod),
      column((r) => r.amount),
      column((r) => r.status),
      column((r) => r.fundUseCode),
      column((r) => r.isResident),
      column((r) => r.oneStopWish),
      column((r) => r.publicationConsent),
      column((r) => r.donor.name),
      column((r) => r.donor.kana),
      column((r) => r.donor.postalCode),
      column((r) => r.donor.address),
      column((r) => r.donor.phone),
      column((r) => r.donor.email),
      column((r) => r.donor.gender),
      column((r) => r.shipTo?.name ?? null),
      column((r) => r.shipTo?.postalCode ?? null),
      column((r) => r.shipTo?.address ?? null),
      column((r) => r.shipTo?.phone ?? null),
      write.importId,
      write.isSample,
      rowHashes,
    ],
  );
  return rows;
}

export async function deleteDonationItems(tx: Queryable, donationIds: string[]): Promise<void> {
  await tx.query("DELETE FROM furusato_donation_items WHERE donation_id = ANY($1::uuid[])", [donationIds]);
}

export interface GiftRef {
  id: string;
  supplierId: string;
}

/** The gifts of these codes (a code not in the catalogue is absent), by code. */
export async function findGiftsByCode(tx: Queryable, codes: string[]): Promise<Map<string, GiftRef>> {
  const { rows } = await tx.query<{ code: string; id: string; supplier_id: string }>(
    "SELECT code, id, supplier_id FROM furusato_gifts WHERE code = ANY($1::text[])",
    [codes],
  );
  return new Map(rows.map((g) => [g.code, { id: g.id, supplierId: g.supplier_id }]));
}

export async function insertDonationItems(
  tx: Queryable,
  lines: { donationId: string; lineNo: number; giftCode: string; giftId: string | null; quantity: number }[],
): Promise<void> {
  await tx.query(
    `INSERT INTO furusato_donation_items (donation_id, line_no, gift_code, gift_id, quantity)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::uuid[], $5::int[])`,
    [
      lines.map((l) => l.donationId),
      lines.map((l) => l.lineNo),
      lines.map((l) => l.giftCode),
      lines.map((l) => l.giftId),
      lines.map((l) => l.quantity),
    ],
  );
}

/**
 * Cancels the shipments not yet sent of these (updated) donations whose donation is now cancelled or a resident's,
 * or whose item left the order. Shipments already sent stay.
 */
export async function cancelOpenShipmentsNoLongerDue(tx: Queryable, donationIds: string[]): Promise<void> {
  await tx.query(
    `UPDATE furusato_shipments s SET status = '取消', version = s.version + 1, updated_at = now()
       FROM furusato_donations d
      WHERE s.donation_id = ANY($1::uuid[]) AND d.id = s.donation_id AND s.status IN ('未依頼', '依頼済')
        AND (d.status = 'キャンセル' OR d.is_resident OR NOT EXISTS (
              SELECT 1 FROM furusato_donation_items i
               WHERE i.donation_id = s.donation_id AND i.line_no = s.line_no AND i.gift_id = s.gift_id))`,
    [donationIds],
  );
}

// Rows of donations this transaction has just inserted cannot have a shipment or an application yet (nobody else
// sees the donation before the commit): they skip ON CONFLICT, whose speculative insertion costs a second index pass.
const keepExisting = (onlyNewDonations: boolean, key: string) => (onlyNewDonations ? "" : `ON CONFLICT (${key}) DO NOTHING`);

/** New 出荷依頼 rows; a donation line that already has one keeps it. */
export async function insertShipments(
  tx: Queryable,
  shipments: { donationId: string; lineNo: number; giftId: string; supplierId: string }[],
  onlyNewDonations = false,
): Promise<void> {
  await tx.query(
    `INSERT INTO furusato_shipments (donation_id, line_no, gift_id, supplier_id)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::uuid[])
     ${keepExisting(onlyNewDonations, "donation_id, line_no")}`,
    [
      shipments.map((s) => s.donationId),
      shipments.map((s) => s.lineNo),
      shipments.map((s) => s.giftId),
      shipments.map((s) => s.supplierId),
    ],
  );
}

/** New ワンストップ特例 applications; a donation that already has one keeps it. */
export async function insertOneStopApplications(tx: Queryable, donationIds: string[], onlyNewDonations = false): Promise<void> {
  await tx.query(
    `INSERT INTO furusato_one_stop_applications (donation_id) SELECT * FROM unnest($1::uuid[])
     ${keepExisting(onlyNewDonations, "donation_id")}`,
    [donationIds],
  );
}
