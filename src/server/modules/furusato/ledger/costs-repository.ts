// SQL of the 経費台帳: the figures gathered from the donations, the catalog's dated costs and the portals' fees, and
// the staff's own entries (furusato_cost_entries). What the figures mean and how they add up: costs.ts.
import type { CostCategory } from "../../../../common/furusato/donation";
import type { Queryable } from "../../../db/database";

/** 受入額・受入件数: paid donations of the year, up to `through` (inclusive) when given. */
export async function paidTotals(db: Queryable, fiscalYear: number, through?: string): Promise<{ amount: number; count: number }> {
  const { rows } = await db.query<{ amount: number; count: number }>(
    `SELECT coalesce(sum(amount), 0)::bigint AS amount, count(*)::int AS count
       FROM furusato_donations
      WHERE fiscal_year = $1 AND status = '入金済' AND ($2::date IS NULL OR donated_on <= $2::date)`,
    [fiscalYear, through ?? null],
  );
  return rows[0];
}

export interface CatalogCostsRow {
  procurement: number;
  shipping: number;
  uncosted_items: number;
}

/**
 * 調達・送付: the catalog's costs effective on the donation date × quantity × deliveries, over paid donations of
 * non-residents; items whose gift is unknown or had no cost on that date are counted apart.
 */
export async function catalogCosts(db: Queryable, fiscalYear: number): Promise<CatalogCostsRow> {
  const { rows } = await db.query<CatalogCostsRow>(
    `SELECT coalesce(sum(c.procurement_cost::bigint * i.quantity * g.deliveries), 0)::bigint AS procurement,
            coalesce(sum(c.shipping_cost::bigint * i.quantity * g.deliveries), 0)::bigint AS shipping,
            count(*) FILTER (WHERE c.procurement_cost IS NULL)::int AS uncosted_items
       FROM furusato_donations d
       JOIN furusato_donation_items i ON i.donation_id = d.id
       LEFT JOIN furusato_gifts g ON g.id = i.gift_id
       LEFT JOIN LATERAL (
             SELECT gc.procurement_cost, gc.shipping_cost
               FROM furusato_gift_costs gc
              WHERE gc.gift_id = i.gift_id AND gc.effective_from <= d.donated_on
              ORDER BY gc.effective_from DESC, gc.created_at DESC
              LIMIT 1) c ON true
      WHERE d.fiscal_year = $1 AND d.status = '入金済' AND NOT d.is_resident`,
    [fiscalYear],
  );
  return rows[0];
}

export interface PortalFeeRow {
  code: string;
  name: string;
  fee_ratio: number;
  amount: number;
  fee: number;
}

/** ポータル手数料 per portal: every portal in the portals' order (also those without donations), rounded per portal. */
export async function portalFees(db: Queryable, fiscalYear: number): Promise<PortalFeeRow[]> {
  const { rows } = await db.query<PortalFeeRow>(
    `SELECT p.code, p.name, p.fee_ratio, coalesce(t.amount, 0)::bigint AS amount,
            round(coalesce(t.amount, 0) * p.fee_ratio)::bigint AS fee
       FROM furusato_portals p
       LEFT JOIN (SELECT portal_code, sum(amount) AS amount FROM furusato_donations
                   WHERE fiscal_year = $1 AND status = '入金済' GROUP BY portal_code) t ON t.portal_code = p.code
      ORDER BY p.sort_order, p.code`,
    [fiscalYear],
  );
  return rows;
}

/** The staff's entries of the year added up per category (categories without entries are absent). */
export async function manualTotals(db: Queryable, fiscalYear: number): Promise<{ category: CostCategory; amount: number }[]> {
  const { rows } = await db.query<{ category: CostCategory; amount: number }>(
    "SELECT category, sum(amount)::bigint AS amount FROM furusato_cost_entries WHERE fiscal_year = $1 GROUP BY category",
    [fiscalYear],
  );
  return rows;
}

// ------------------------------------------------------------------ manual entries (手入力分)

export interface CostEntryRow {
  id: string;
  fiscal_year: number;
  category: CostCategory;
  amount: number;
  incurred_on: string;
  description: string;
  is_sample: boolean;
  created_by_label: string | null;
  created_at: Date;
}

const ENTRY_COLUMNS = `e.id, e.fiscal_year, e.category, e.amount, e.incurred_on::text AS incurred_on, e.description, e.is_sample,
  u.display_name AS created_by_label, e.created_at`;

export async function findCostEntries(db: Queryable, fiscalYear: number): Promise<CostEntryRow[]> {
  const { rows } = await db.query<CostEntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM furusato_cost_entries e LEFT JOIN users u ON u.id = e.created_by
      WHERE e.fiscal_year = $1 ORDER BY e.incurred_on, e.created_at`,
    [fiscalYear],
  );
  return rows;
}

export async function findCostEntry(db: Queryable, id: string): Promise<CostEntryRow | null> {
  const { rows } = await db.query<CostEntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM furusato_cost_entries e LEFT JOIN users u ON u.id = e.created_by WHERE e.id = $1`,
    [id],
  );
  return rows[0] ?? null;
}

export async function insertCostEntry(
  tx: Queryable,
  input: { fiscalYear: number; category: CostCategory; amount: number; incurredOn: string; description: string },
  createdBy: string | null,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO furusato_cost_entries (fiscal_year, category, amount, incurred_on, description, created_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [input.fiscalYear, input.category, input.amount, input.incurredOn, input.description, createdBy],
  );
  return rows[0].id;
}

/** Deletes an entry and returns what it held (without its author's name), or null when there was none. */
export async function deleteCostEntryRow(tx: Queryable, id: string): Promise<CostEntryRow | null> {
  const { rows } = await tx.query<CostEntryRow>(
    `DELETE FROM furusato_cost_entries WHERE id = $1
     RETURNING id, fiscal_year, category, amount, incurred_on::text AS incurred_on, description, is_sample,
               NULL::text AS created_by_label, created_at`,
    [id],
  );
  return rows[0] ?? null;
}
