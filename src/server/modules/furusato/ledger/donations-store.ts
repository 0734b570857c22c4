// Writes donations into the ledger in batches (the only place that inserts or updates furusato_donations). A donation
// is keyed by (portal, order number): a new one is inserted, a changed one (different row hash) updated, an
// unchanged one left alone. The work that follows (shipments, one-stop applications) is derived in the same
// transaction, so the ledger and its to-do lists never disagree. SQL in donations-repository.ts.
import { createHash } from "node:crypto";
import type { DonationRecord } from "../../../../common/furusato/donation";
import type { Queryable } from "../../../db/database";
import * as repo from "./donations-repository";

// Rows per statement: large enough that per-statement costs (a round trip, the month-totals trigger, planning) fade,
// small enough that one batch's arrays stay a few megabytes.
const BATCH = 5000;

export interface UpsertResult {
  created: number;
  updated: number;
  unchanged: number;
}

function addTo(total: UpsertResult, result: UpsertResult): void {
  total.created += result.created;
  total.updated += result.updated;
  total.unchanged += result.unchanged;
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
  const total: UpsertResult = { created: 0, updated: 0, unchanged: 0 };
  // The catalogue does not change during the import: its gifts are looked up once, not once per batch.
  const gifts = await giftsByCode(tx, records);
  let hashes = records.slice(0, BATCH).map(donationHash);
  for (let start = 0; start < records.length; start += BATCH) {
    // The batch's upsert is sent before its promise is awaited: the next batch is hashed while the database works.
    const writing = upsertBatch(tx, records.slice(start, start + BATCH), hashes, gifts, opts);
    hashes = records.slice(start + BATCH, start + 2 * BATCH).map(donationHash);
    addTo(total, await writing);
  }
  return total;
}

/**
 * Donations that arrive in pieces (a large file read slice by slice) written a batch at a time, with one batch in
 * flight while the caller maps the next lines: the database and the mapping work at the same time, and only two
 * batches are ever held. `finish` writes the rest and gives the totals; a failed batch fails the next call.
 */
export class DonationBatchWriter {
  private pending: DonationRecord[] = [];
  private inFlight: Promise<void> = Promise.resolve();
  private readonly total: UpsertResult = { created: 0, updated: 0, unchanged: 0 };

  constructor(
    private readonly tx: Queryable,
    private readonly opts: { importId: string | null; isSample?: boolean },
  ) {}

  async add(records: DonationRecord[]): Promise<void> {
    for (const record of records) this.pending.push(record);
    if (this.pending.length >= BATCH) await this.send();
  }

  async finish(): Promise<UpsertResult> {
    if (this.pending.length > 0) await this.send();
    await this.inFlight;
    return this.total;
  }

  private async send(): Promise<void> {
    const batch = this.pending;
    this.pending = [];
    // One statement sequence at a time on the transaction's connection: the previous batch must be done.
    await this.inFlight;
    this.inFlight = upsertDonations(this.tx, batch, this.opts).then((result) => addTo(this.total, result));
    // Seen by the next send or finish; until then, not an unhandled rejection.
    this.inFlight.catch(() => {});
  }
}

async function upsertBatch(
  tx: Queryable,
  records: DonationRecord[],
  rowHashes: string[],
  gifts: Map<string, repo.GiftRef>,
  opts: { importId: string | null; isSample?: boolean },
): Promise<UpsertResult> {
  const rows = await repo.upsertDonationRows(tx, records, rowHashes, {
    importId: opts.importId,
    isSample: opts.isSample ?? false,
  });
  const created = rows.filter((r) => r.inserted).length;
  const result: UpsertResult = { created, updated: rows.length - created, unchanged: records.length - rows.length };
  if (rows.length === 0) return result;

  // Order numbers are unique per portal, and a batch may mix portals: key records by (portal, order number).
  const recordOf = new Map(records.map((r) => [`${r.portalCode}\u0000${r.orderNumber}`, r]));
  const written = rows.map((row) => ({
    id: row.id,
    inserted: row.inserted,
    record: recordOf.get(`${row.portal_code}\u0000${row.order_number}`) as DonationRecord,
  }));
  // Statements below are driven by arrays of this batch's rows, never by a scan: inside one long import transaction
  // the planner has no statistics for the rows written so far, and a scan per batch would make a large file quadratic.
  const updatedIds = written.filter((w) => !w.inserted).map((w) => w.id);
  if (updatedIds.length > 0) await repo.deleteDonationItems(tx, updatedIds);
  await insertItems(tx, written, gifts);
  await deriveFollowUps(tx, written, gifts, updatedIds);
  return result;
}

interface Written {
  id: string;
  inserted: boolean;
  record: DonationRecord;
}

async function giftsByCode(tx: Queryable, records: DonationRecord[]): Promise<Map<string, repo.GiftRef>> {
  const codes = new Set<string>();
  for (const record of records) for (const item of record.items) codes.add(item.giftCode);
  if (codes.size === 0) return new Map();
  return repo.findGiftsByCode(tx, [...codes]);
}

async function insertItems(tx: Queryable, written: Written[], gifts: Map<string, repo.GiftRef>) {
  const lines = written.flatMap((w) =>
    w.record.items.map((item, i) => ({
      donationId: w.id,
      lineNo: i + 1,
      giftCode: item.giftCode,
      giftId: gifts.get(item.giftCode)?.id ?? null,
      quantity: item.quantity,
    })),
  );
  if (lines.length === 0) return;
  await repo.insertDonationItems(tx, lines);
}

/**
 * 出荷依頼 and ワンストップ特例 follow a paid donation. A resident gets no gift; a cancelled donation (or an item
 * that left the order) cancels the shipments not yet sent. Shipments already sent are history and stay.
 */
async function deriveFollowUps(tx: Queryable, written: Written[], gifts: Map<string, repo.GiftRef>, updatedIds: string[]) {
  if (updatedIds.length > 0) await repo.cancelOpenShipmentsNoLongerDue(tx, updatedIds);
  const paid = written.filter((w) => w.record.status === "入金済");
  const shipments = paid
    .filter((w) => !w.record.isResident)
    .flatMap((w) =>
      w.record.items.flatMap((item, i) => {
        const gift = gifts.get(item.giftCode);
        return gift ? [{ donationId: w.id, lineNo: i + 1, giftId: gift.id, supplierId: gift.supplierId }] : [];
      }),
    );
  const onlyNew = updatedIds.length === 0;
  if (shipments.length > 0) await repo.insertShipments(tx, shipments, onlyNew);
  const oneStop = paid.filter((w) => w.record.oneStopWish).map((w) => w.id);
  if (oneStop.length > 0) await repo.insertOneStopApplications(tx, oneStop, onlyNew);
}
