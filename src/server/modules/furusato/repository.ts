// SQL of the furusato module's catalog (the only place that touches its tables).
import type { GiftDetails } from "../../../common/furusato/gift-schema";
import type { GiftStatus, Portal } from "../../../common/furusato/types";
import type { Queryable } from "../../db/database";

export interface SupplierRow {
  id: string;
  code: string;
  name: string;
  organisation_id: string | null;
  contact_name: string;
  contact_phone: string;
  contact_email: string;
  address: string;
  bank: Record<string, string>;
  status: "受付中" | "受付停止";
  is_sample: boolean;
  gift_count: number;
}

const SUPPLIER_SELECT = `SELECT s.*, (SELECT count(*)::int FROM furusato_gifts g WHERE g.supplier_id = s.id) AS gift_count FROM furusato_suppliers s`;

export async function findSuppliers(db: Queryable): Promise<SupplierRow[]> {
  return (await db.query<SupplierRow>(`${SUPPLIER_SELECT} ORDER BY s.code`)).rows;
}

/** The supplier whose own logins belong to this organisation (a supplier's account). */
export async function findSupplierOfOrganisation(db: Queryable, organisationId: string): Promise<SupplierRow | null> {
  return (await db.query<SupplierRow>(`${SUPPLIER_SELECT} WHERE s.organisation_id = $1`, [organisationId])).rows[0] ?? null;
}

/** Whether an organisation is a registered supplier's (the supplier audience). */
export async function isSupplierOrganisation(db: Queryable, organisationId: string): Promise<boolean> {
  return (await db.query("SELECT 1 FROM furusato_suppliers WHERE organisation_id = $1 LIMIT 1", [organisationId])).rows.length > 0;
}

export async function supplierCodeTaken(db: Queryable, code: string): Promise<boolean> {
  return (await db.query("SELECT 1 FROM furusato_suppliers WHERE code = $1", [code])).rowCount > 0;
}

export async function findSupplier(db: Queryable, id: string): Promise<SupplierRow | null> {
  return (await db.query<SupplierRow>(`${SUPPLIER_SELECT} WHERE s.id = $1`, [id])).rows[0] ?? null;
}

export async function insertSupplier(
  tx: Queryable,
  input: {
    code: string;
    name: string;
    organisationId: string;
    contactName: string;
    contactPhone: string;
    contactEmail: string;
    address: string;
    bank: Record<string, string>;
    isSample?: boolean;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO furusato_suppliers (code, name, organisation_id, contact_name, contact_phone, contact_email, address, bank, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [
      input.code,
      input.name,
      input.organisationId,
      input.contactName,
      input.contactPhone,
      input.contactEmail,
      input.address,
      JSON.stringify(input.bank),
      input.isSample ?? false,
    ],
  );
  return rows[0].id;
}

export async function updateSupplierContact(
  tx: Queryable,
  id: string,
  input: { contactName: string; contactPhone: string; contactEmail: string; address: string },
): Promise<void> {
  await tx.query(
    `UPDATE furusato_suppliers SET contact_name = $2, contact_phone = $3, contact_email = $4, address = $5, updated_at = now()
      WHERE id = $1`,
    [id, input.contactName, input.contactPhone, input.contactEmail, input.address],
  );
}

export async function updateSupplierBank(tx: Queryable, id: string, bank: Record<string, string>): Promise<void> {
  await tx.query("UPDATE furusato_suppliers SET bank = $2, updated_at = now() WHERE id = $1", [id, JSON.stringify(bank)]);
}

/** The supplier row locked for a change (its current values are compared with the new ones). */
export async function lockSupplier(tx: Queryable, id: string): Promise<SupplierRow | null> {
  return (
    (await tx.query<SupplierRow>("SELECT s.*, 0 AS gift_count FROM furusato_suppliers s WHERE s.id = $1 FOR UPDATE", [id])).rows[0] ?? null
  );
}

export async function setSupplierStatus(tx: Queryable, id: string, status: SupplierRow["status"]): Promise<void> {
  await tx.query("UPDATE furusato_suppliers SET status = $2, updated_at = now() WHERE id = $1", [id, status]);
}

export async function insertSupplierEvent(
  tx: Queryable,
  input: { supplierId: string; kind: "検査" | "受付停止" | "解除"; occurredOn: string; note: string; authorLabel: string },
): Promise<void> {
  await tx.query("INSERT INTO furusato_supplier_events (supplier_id, kind, occurred_on, note, author_label) VALUES ($1, $2, $3, $4, $5)", [
    input.supplierId,
    input.kind,
    input.occurredOn,
    input.note,
    input.authorLabel,
  ]);
}

export async function findSupplierEvents(db: Queryable, supplierId: string) {
  const { rows } = await db.query<{ kind: string; occurred_on: string; note: string; author_label: string; created_at: Date }>(
    `SELECT kind, occurred_on::text AS occurred_on, note, author_label, created_at FROM furusato_supplier_events
      WHERE supplier_id = $1 ORDER BY occurred_on DESC, created_at DESC`,
    [supplierId],
  );
  return rows;
}

// ------------------------------------------------------------------ gifts

export interface GiftRow {
  id: string;
  code: string;
  supplier_id: string;
  supplier_code: string;
  supplier_name: string;
  supplier_status: SupplierRow["status"];
  supplier_organisation_id: string | null;
  status: GiftStatus;
  details: GiftDetails;
  copied_from: string | null;
  pending_details: GiftDetails | null;
  pending_at: Date | null;
  version: number;
  is_sample: boolean;
  updated_at: Date;
  /** the cost effective on the date asked for (latest row on or before it) */
  procurement_cost: number | null;
  shipping_cost: number | null;
  cost_effective_from: string | null;
}

const GIFT_SELECT = `
  SELECT g.*, s.code AS supplier_code, s.name AS supplier_name, s.status AS supplier_status, s.organisation_id AS supplier_organisation_id,
    c.procurement_cost, c.shipping_cost, c.effective_from::text AS cost_effective_from
  FROM furusato_gifts g
  JOIN furusato_suppliers s ON s.id = g.supplier_id
  LEFT JOIN LATERAL (
    SELECT procurement_cost, shipping_cost, effective_from FROM furusato_gift_costs
     WHERE gift_id = g.id AND effective_from <= $1::date ORDER BY effective_from DESC, created_at DESC LIMIT 1
  ) c ON true`;

export async function findGifts(db: Queryable, on: string, filter: { supplierId?: string; status?: GiftStatus } = {}): Promise<GiftRow[]> {
  const params: unknown[] = [on];
  const where: string[] = [];
  if (filter.supplierId) {
    params.push(filter.supplierId);
    where.push(`g.supplier_id = $${params.length}`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`g.status = $${params.length}`);
  }
  return (await db.query<GiftRow>(`${GIFT_SELECT} ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY g.code`, params)).rows;
}

export async function findGift(db: Queryable, id: string, on: string): Promise<GiftRow | null> {
  return (await db.query<GiftRow>(`${GIFT_SELECT} WHERE g.id = $2`, [on, id])).rows[0] ?? null;
}

/** A gift with what its page shows beside it, in one statement (the edit path reads it once, before its write). */
export interface GiftWithParts {
  gift: GiftRow;
  listings: ListingRow[];
  costs: CostRow[];
  reviews: ReviewRow[];
  portals: StoredPortal[];
}

export async function findGiftWithParts(db: Queryable, id: string, on: string): Promise<GiftWithParts | null> {
  const { rows } = await db.query<
    GiftRow & { parts: { listings: ListingRow[]; costs: JsonDated<CostRow>[]; reviews: JsonDated<ReviewRow>[]; portals: PortalRow[] } }
  >(
    `SELECT sel.*, json_build_object(
       'listings', (SELECT coalesce(json_agg(l ORDER BY l.portal_code), '[]'::json) FROM (
          SELECT id, gift_id, portal_code, donation_amount, approved_donation_amount, amount_changed_by, title_variant, state, stock,
                 listing_date::text AS listing_date, version
            FROM furusato_listings WHERE gift_id = sel.id) l),
       'costs', (SELECT coalesce(json_agg(c ORDER BY c.effective_from DESC, c.created_at DESC), '[]'::json) FROM (
          SELECT effective_from::text AS effective_from, procurement_cost, shipping_cost, author_label, created_at
            FROM furusato_gift_costs WHERE gift_id = sel.id) c),
       'reviews', (SELECT coalesce(json_agg(r ORDER BY r.created_at DESC), '[]'::json) FROM (
          SELECT action, from_status, to_status, comment, actor_label, created_at FROM furusato_gift_reviews WHERE gift_id = sel.id) r),
       'portals', (SELECT coalesce(json_agg(p ORDER BY p.sort_order, p.code), '[]'::json) FROM (
          SELECT code, name, fee_ratio, grants_points, field_limits, template, active, sort_order FROM furusato_portals) p)
     ) AS parts
     FROM (${GIFT_SELECT} WHERE g.id = $2) sel`,
    [on, id],
  );
  const row = rows[0];
  if (!row) return null;
  const { parts, ...gift } = row;
  const dated = <T extends { created_at: Date }>(r: JsonDated<T>): T => ({ ...r, created_at: new Date(r.created_at) }) as T;
  return {
    gift,
    listings: parts.listings,
    costs: parts.costs.map(dated),
    reviews: parts.reviews.map(dated),
    portals: parts.portals.map(toPortal),
  };
}

/** A row read through json: its timestamps come as strings. */
type JsonDated<T> = Omit<T, "created_at"> & { created_at: string };

/** Next code for a supplier: AB001, AB002 … (事業者コード + 連番). The supplier row is locked so two at once do not collide. */
export async function nextGiftCode(tx: Queryable, supplierId: string, supplierCode: string): Promise<string> {
  await tx.query("SELECT 1 FROM furusato_suppliers WHERE id = $1 FOR UPDATE", [supplierId]);
  const { rows } = await tx.query<{ n: number }>(
    "SELECT coalesce(max(substring(code FROM '[0-9]+$')::int), 0) + 1 AS n FROM furusato_gifts WHERE supplier_id = $1",
    [supplierId],
  );
  return `${supplierCode}${String(rows[0].n).padStart(3, "0")}`;
}

export async function insertGift(
  tx: Queryable,
  input: {
    code: string;
    supplierId: string;
    details: GiftDetails;
    copiedFrom: string | null;
    createdBy: string | null;
    isSample?: boolean;
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO furusato_gifts (code, supplier_id, title, temperature, local_product_type, deliveries, details, copied_from, created_by, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING id`,
    [
      input.code,
      input.supplierId,
      input.details.title,
      input.details.temperature,
      input.details.localProductType,
      input.details.subscription?.deliveries ?? 1,
      JSON.stringify(input.details),
      input.copiedFrom,
      input.createdBy,
      input.isSample ?? false,
    ],
  );
  return rows[0].id;
}

/** Optimistic update of a gift's details; false when the caller's version is stale. */
export async function updateGiftDetails(tx: Queryable, id: string, version: number, details: GiftDetails): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE furusato_gifts SET title = $3, temperature = $4, local_product_type = $5, deliveries = $6, details = $7,
       version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`,
    [
      id,
      version,
      details.title,
      details.temperature,
      details.localProductType,
      details.subscription?.deliveries ?? 1,
      JSON.stringify(details),
    ],
  );
  return rowCount > 0;
}

export async function setGiftStatus(tx: Queryable, id: string, status: GiftStatus): Promise<void> {
  await tx.query("UPDATE furusato_gifts SET status = $2, version = version + 1, updated_at = now() WHERE id = $1", [id, status]);
}

export async function insertCost(
  tx: Queryable,
  input: { giftId: string; effectiveFrom: string; procurementCost: number; shippingCost: number; authorLabel: string },
): Promise<void> {
  await tx.query(
    "INSERT INTO furusato_gift_costs (gift_id, effective_from, procurement_cost, shipping_cost, author_label) VALUES ($1, $2, $3, $4, $5)",
    [input.giftId, input.effectiveFrom, input.procurementCost, input.shippingCost, input.authorLabel],
  );
}

export interface CostRow {
  effective_from: string;
  procurement_cost: number;
  shipping_cost: number;
  author_label: string;
  created_at: Date;
}

export async function findCosts(db: Queryable, giftId: string) {
  const { rows } = await db.query<CostRow>(
    `SELECT effective_from::text AS effective_from, procurement_cost, shipping_cost, author_label, created_at
       FROM furusato_gift_costs WHERE gift_id = $1 ORDER BY effective_from DESC, created_at DESC`,
    [giftId],
  );
  return rows;
}

export async function insertReview(
  tx: Queryable,
  input: {
    giftId: string;
    action: string;
    fromStatus: GiftStatus;
    toStatus: GiftStatus;
    comment: string;
    actorUserId: string | null;
    actorLabel: string;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO furusato_gift_reviews (gift_id, action, from_status, to_status, comment, actor_user_id, actor_label)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [input.giftId, input.action, input.fromStatus, input.toStatus, input.comment, input.actorUserId, input.actorLabel],
  );
}

export interface ReviewRow {
  action: string;
  from_status: string;
  to_status: string;
  comment: string;
  actor_label: string;
  created_at: Date;
}

export async function findReviews(db: Queryable, giftId: string) {
  const { rows } = await db.query<ReviewRow>(
    "SELECT action, from_status, to_status, comment, actor_label, created_at FROM furusato_gift_reviews WHERE gift_id = $1 ORDER BY created_at DESC",
    [giftId],
  );
  return rows;
}

// ------------------------------------------------------------------ portals and listings

interface PortalRow {
  code: string;
  name: string;
  fee_ratio: number;
  grants_points: boolean;
  field_limits: Portal["fieldLimits"];
  template: unknown;
  active: boolean;
}

export interface StoredPortal extends Portal {
  template: unknown;
}

const toPortal = (row: PortalRow): StoredPortal => ({
  code: row.code,
  name: row.name,
  feeRatio: Number(row.fee_ratio),
  grantsPoints: row.grants_points,
  fieldLimits: row.field_limits,
  active: row.active,
  template: row.template,
});

export async function findPortals(db: Queryable): Promise<StoredPortal[]> {
  return (await db.query<PortalRow>("SELECT * FROM furusato_portals ORDER BY sort_order, code")).rows.map(toPortal);
}

export async function upsertPortal(tx: Queryable, portal: StoredPortal & { sortOrder?: number; isSample?: boolean }): Promise<void> {
  await tx.query(
    `INSERT INTO furusato_portals (code, name, fee_ratio, grants_points, field_limits, template, active, sort_order, is_sample)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, fee_ratio = EXCLUDED.fee_ratio, grants_points = EXCLUDED.grants_points,
       field_limits = EXCLUDED.field_limits, template = EXCLUDED.template, active = EXCLUDED.active, updated_at = now()`,
    [
      portal.code,
      portal.name,
      portal.feeRatio,
      portal.grantsPoints,
      JSON.stringify(portal.fieldLimits),
      JSON.stringify(portal.template),
      portal.active,
      portal.sortOrder ?? 0,
      portal.isSample ?? false,
    ],
  );
}

export interface ListingRow {
  id: string;
  gift_id: string;
  portal_code: string;
  donation_amount: number;
  approved_donation_amount: number | null;
  amount_changed_by: string | null;
  title_variant: string;
  state: "受付中" | "停止";
  stock: number | null;
  listing_date: string;
  version: number;
}

export async function findListings(db: Queryable, giftIds: string[]): Promise<ListingRow[]> {
  if (giftIds.length === 0) return [];
  const { rows } = await db.query<ListingRow>(
    "SELECT *, listing_date::text AS listing_date FROM furusato_listings WHERE gift_id = ANY($1::uuid[]) ORDER BY portal_code",
    [giftIds],
  );
  return rows;
}

/**
 * Sets a listing's amount and details. `approved`: the amount needs no second look (sanity check passed), so it
 * becomes the approved amount at once; otherwise the previous approved amount stays until someone else approves.
 */
export async function upsertListing(
  tx: Queryable,
  input: {
    giftId: string;
    portalCode: string;
    donationAmount: number;
    titleVariant: string;
    stock: number | null;
    listingDate: string;
    changedBy: string | null;
    approved: boolean;
  },
): Promise<void> {
  await tx.query(
    `INSERT INTO furusato_listings (gift_id, portal_code, donation_amount, approved_donation_amount, amount_changed_by, title_variant, stock, listing_date)
     VALUES ($1, $2, $3, CASE WHEN $8 THEN $3::int ELSE NULL END, $7, $4, $5, $6)
     ON CONFLICT (gift_id, portal_code) DO UPDATE SET
       approved_donation_amount = CASE WHEN $8 THEN EXCLUDED.donation_amount ELSE furusato_listings.approved_donation_amount END,
       amount_changed_by = CASE WHEN furusato_listings.donation_amount = EXCLUDED.donation_amount
         THEN furusato_listings.amount_changed_by ELSE EXCLUDED.amount_changed_by END,
       donation_amount = EXCLUDED.donation_amount, title_variant = EXCLUDED.title_variant, stock = EXCLUDED.stock,
       listing_date = EXCLUDED.listing_date, version = furusato_listings.version + 1, updated_at = now()`,
    [
      input.giftId,
      input.portalCode,
      input.donationAmount,
      input.titleVariant,
      input.stock,
      input.listingDate,
      input.changedBy,
      input.approved,
    ],
  );
}

export async function approveListingAmount(tx: Queryable, listingId: string): Promise<void> {
  await tx.query(
    "UPDATE furusato_listings SET approved_donation_amount = donation_amount, version = version + 1, updated_at = now() WHERE id = $1",
    [listingId],
  );
}

export async function setListingsState(tx: Queryable, giftId: string, state: ListingRow["state"]): Promise<number> {
  const { rowCount } = await tx.query(
    "UPDATE furusato_listings SET state = $2, version = version + 1, updated_at = now() WHERE gift_id = $1 AND state <> $2",
    [giftId, state],
  );
  return rowCount;
}

/** Stores (or replaces) a supplier's proposed change to an approved gift; false when the version is stale. */
export async function setPendingDetails(
  tx: Queryable,
  id: string,
  version: number,
  details: GiftDetails | null,
  by: string | null,
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE furusato_gifts SET pending_details = $3, pending_by = $4, pending_at = CASE WHEN $3::jsonb IS NULL THEN NULL ELSE now() END,
       version = version + 1, updated_at = now() WHERE id = $1 AND version = $2`,
    [id, version, details === null ? null : JSON.stringify(details), by],
  );
  return rowCount > 0;
}

export async function findSupplierDocuments(db: Queryable, supplierId: string) {
  const { rows } = await db.query<{ file_id: string; title: string; name: string; author_label: string; created_at: Date }>(
    `SELECT d.file_id, d.title, f.name, d.author_label, d.created_at FROM furusato_supplier_documents d JOIN files f ON f.id = d.file_id
      WHERE d.supplier_id = $1 ORDER BY d.created_at DESC`,
    [supplierId],
  );
  return rows;
}

/** A gift photo's file (public: portals fetch it by its address). */
export async function insertGiftImage(tx: Queryable, fileId: string, giftId: string): Promise<void> {
  await tx.query("INSERT INTO furusato_gift_images (file_id, gift_id) VALUES ($1, $2)", [fileId, giftId]);
}

export async function insertSupplierDocument(
  tx: Queryable,
  input: { fileId: string; supplierId: string; title: string; authorLabel: string },
): Promise<void> {
  await tx.query("INSERT INTO furusato_supplier_documents (file_id, supplier_id, title, author_label) VALUES ($1, $2, $3, $4)", [
    input.fileId,
    input.supplierId,
    input.title,
    input.authorLabel,
  ]);
}
