// Writes donations into the ledger in batches (the only place that inserts or updates furusato_donations). A donation
// is keyed by (portal, order number): a new one is inserted, a changed one (different row hash) updated, an
// unchanged one left alone. The work that follows (shipments, one-stop applications) is derived in the same
// transaction, so the ledger and its to-do lists never disagree.
import { createHash } from "node:crypto";
import { fiscalYearOf } from "../../../../common/dates";
import type { DonationRecord } from "../../../../common/furusato/donation";
import type { Queryable } from "../../../db/database";

const BATCH = 2000;

export interface UpsertResult {
  created: number;
  updated: number;
  unchanged: number;
  /** ids of the created and updated donations */
  ids: string[];
}

/** Same record, same hash: the order of object keys is fixed by building the array here. */
export function donationHash(record: DonationRecord): string {
  const d = record.donor;
  const s = record.shipTo;
  const canonical = [
    record.appliedOn,
    record.paidOn,
    record.donatedOn,
    record.paymentMethod,
    record.amount,
    record.status,
    record.fundUseCode,
    record.isResident,
    record.oneStopWish,
    record.publicationConsent,
    d.name,
    d.kana,
    d.postalCode,
    d.address,
    d.phone,
    d.email,
    d.gender,
    s ? [s.name, s.postalCode, s.address, s.phone] : null,
    record.items.map((item) => [item.giftCode, item.quantity]),
  ];
  return createHash("sha1").update(JSON.stringify(canonical)).digest("base64");
}

export async function upsertDonations(
  tx: Queryable,
  records: DonationRecord[],
  opts: { importId: string | null; isSample?: boolean },
): Promise<UpsertResult> {
  const total: UpsertResult = { created: 0, updated: 0, unchanged: 0, ids: [] };
  for (let start = 0; start < records.length; start += BATCH) {
    const result = await upsertBatch(tx, records.slice(start, start + BATCH), opts);
    total.created += result.created;
    total.updated += result.updated;
    total.unchanged += result.unchanged;
    total.ids.push(...result.ids);
  }
  return total;
}

async function upsertBatch(
  tx: Queryable,
  records: DonationRecord[],
  opts: { importId: string | null; isSample?: boolean },
): Promise<UpsertResult> {
  const column = <T>(pick: (r: DonationRecord) => T) => records.map(pick);
  const { rows } = await tx.query<{ id: string; portal_code: string; order_number: string; inserted: boolean }>(
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
      opts.importId,
      opts.isSample ?? false,
      column(donationHash),
    ],
  );
  const created = rows.filter((r) => r.inserted).length;
  const result: UpsertResult = {
    created,
    updated: rows.length - created,
    unchanged: records.length - rows.length,
    ids: rows.map((r) => r.id),
  };
  if (rows.length === 0) return result;

  // Order numbers are unique per portal, and a batch may mix portals: key records by (portal, order number).
  const recordOf = new Map(records.map((r) => [`${r.portalCode}\u0000${r.orderNumber}`, r]));
  const written = rows.map((row) => ({
    id: row.id,
    inserted: row.inserted,
    record: recordOf.get(`${row.portal_code}\u0000${row.order_number}`) as DonationRecord,
  }));
  const gifts = await giftsByCode(tx, written);
  // Statements below are driven by arrays of this batch's rows, never by a scan: inside one long import transaction
  // the planner has no statistics for the rows written so far, and a scan per batch would make a large file quadratic.
  const updatedIds = written.filter((w) => !w.inserted).map((w) => w.id);
  if (updatedIds.length > 0) await tx.query("DELETE FROM furusato_donation_items WHERE donation_id = ANY($1::uuid[])", [updatedIds]);
  await insertItems(tx, written, gifts);
  await deriveFollowUps(tx, written, gifts, updatedIds);
  return result;
}

interface Written {
  id: string;
  inserted: boolean;
  record: DonationRecord;
}

type GiftRef = { id: string; supplierId: string };

async function giftsByCode(tx: Queryable, written: Written[]): Promise<Map<string, GiftRef>> {
  const codes = [...new Set(written.flatMap((w) => w.record.items.map((item) => item.giftCode)))];
  if (codes.length === 0) return new Map();
  const { rows } = await tx.query<{ code: string; id: string; supplier_id: string }>(
    "SELECT code, id, supplier_id FROM furusato_gifts WHERE code = ANY($1::text[])",
    [codes],
  );
  return new Map(rows.map((g) => [g.code, { id: g.id, supplierId: g.supplier_id }]));
}

async function insertItems(tx: Queryable, written: Written[], gifts: Map<string, GiftRef>) {
  const lines = written.flatMap((w) => w.record.items.map((item, i) => ({ donationId: w.id, lineNo: i + 1, item })));
  if (lines.length === 0) return;
  await tx.query(
    `INSERT INTO furusato_donation_items (donation_id, line_no, gift_code, gift_id, quantity)
     SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::uuid[], $5::int[])`,
    [
      lines.map((l) => l.donationId),
      lines.map((l) => l.lineNo),
      lines.map((l) => l.item.giftCode),
      lines.map((l) => gifts.get(l.item.giftCode)?.id ?? null),
      lines.map((l) => l.item.quantity),
    ],
  );
}

/**
 * 出荷依頼 and ワンストップ特例 follow a paid donation. A resident gets no gift; a cancelled donation (or an item
 * that left the order) cancels the shipments not yet sent. Shipments already sent are history and stay.
 */
async function deriveFollowUps(tx: Queryable, written: Written[], gifts: Map<string, GiftRef>, updatedIds: string[]) {
  if (updatedIds.length > 0)
    await tx.query(
      `UPDATE furusato_shipments s SET status = '取消', version = s.version + 1, updated_at = now()
         FROM furusato_donations d
        WHERE s.donation_id = ANY($1::uuid[]) AND d.id = s.donation_id AND s.status IN ('未依頼', '依頼済')
          AND (d.status = 'キャンセル' OR d.is_resident OR NOT EXISTS (
                SELECT 1 FROM furusato_donation_items i
                 WHERE i.donation_id = s.donation_id AND i.line_no = s.line_no AND i.gift_id = s.gift_id))`,
      [updatedIds],
    );
  const paid = written.filter((w) => w.record.status === "入金済");
  const shipments = paid
    .filter((w) => !w.record.isResident)
    .flatMap((w) =>
      w.record.items.flatMap((item, i) => {
        const gift = gifts.get(item.giftCode);
        return gift ? [{ donationId: w.id, lineNo: i + 1, gift }] : [];
      }),
    );
  if (shipments.length > 0)
    await tx.query(
      `INSERT INTO furusato_shipments (donation_id, line_no, gift_id, supplier_id)
       SELECT * FROM unnest($1::uuid[], $2::int[], $3::uuid[], $4::uuid[])
       ON CONFLICT (donation_id, line_no) DO NOTHING`,
      [
        shipments.map((s) => s.donationId),
        shipments.map((s) => s.lineNo),
        shipments.map((s) => s.gift.id),
        shipments.map((s) => s.gift.supplierId),
      ],
    );
  const oneStop = paid.filter((w) => w.record.oneStopWish).map((w) => w.id);
  if (oneStop.length > 0)
    await tx.query(
      `INSERT INTO furusato_one_stop_applications (donation_id) SELECT * FROM unnest($1::uuid[])
       ON CONFLICT (donation_id) DO NOTHING`,
      [oneStop],
    );
}
