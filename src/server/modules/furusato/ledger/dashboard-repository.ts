// SQL of the ふるさと納税ダッシュボード: aggregates only (nothing here reads a donor's name, address or contact).
// The dashboard runs them side by side, one query each, never one per row.
import type { OneStopStatus } from "../../../../common/furusato/donation";
import type { Queryable } from "../../../db/database";

/**
 * 寄附 per portal and month of a fiscal year, キャンセル excluded: the totals the ledger's trigger keeps
 * (migrations/0011_furusato_donation_totals.sql), a few dozen rows whatever the ledger's size; benchmarked as
 * `ledger.dashboard`. A month whose donations were all cancelled or moved away keeps zero rows, which are skipped.
 */
export async function portalMonthRows(
  db: Queryable,
  fiscalYear: number,
): Promise<{ portal_code: string; month: string; count: number; amount: number }[]> {
  const { rows } = await db.query<{ portal_code: string; month: string; count: number; amount: number }>(
    `SELECT portal_code, month, sum(donations)::int AS count, sum(amount)::bigint AS amount
       FROM furusato_donation_totals
      WHERE fiscal_year = $1 AND status <> 'キャンセル'
      GROUP BY portal_code, month
     HAVING sum(donations) > 0
      ORDER BY portal_code, month`,
    [fiscalYear],
  );
  return rows;
}

/** Every portal's code and name, in the portals' order. */
export async function portalNames(db: Queryable): Promise<{ code: string; name: string }[]> {
  return (await db.query<{ code: string; name: string }>("SELECT code, name FROM furusato_portals ORDER BY sort_order, code")).rows;
}

export interface TopGiftRow {
  gift_id: string | null;
  gift_code: string;
  title: string;
  count: number;
  quantity: number;
  amount: number;
}

/**
 * 人気の返礼品: gifts by the donations that chose them. A donation with several gifts is shared among its lines
 * (按分), so the amounts add up to the donations' total.
 */
export async function topGiftRows(db: Queryable, fiscalYear: number, limit: number): Promise<TopGiftRow[]> {
  const { rows } = await db.query<TopGiftRow>(
    `WITH lines AS (
       SELECT i.gift_id, i.gift_code, i.quantity, d.id AS donation_id,
              d.amount::numeric / count(*) OVER (PARTITION BY d.id) AS share
         FROM furusato_donations d
         JOIN furusato_donation_items i ON i.donation_id = d.id
        WHERE d.fiscal_year = $1 AND d.status <> 'キャンセル')
     SELECT g.id AS gift_id, l.gift_code, coalesce(g.title, '') AS title, count(DISTINCT l.donation_id)::int AS count,
            sum(l.quantity)::int AS quantity, round(sum(l.share))::bigint AS amount
       FROM lines l LEFT JOIN furusato_gifts g ON g.id = l.gift_id
      GROUP BY g.id, l.gift_code, g.title
      ORDER BY amount DESC, count DESC, l.gift_code
      LIMIT $2`,
    [fiscalYear, limit],
  );
  return rows;
}

/** ワンストップ特例 applications of the year's donations (キャンセル excluded) per calendar year of donation and status. */
export async function oneStopCounts(db: Queryable, fiscalYear: number): Promise<{ year: number; status: OneStopStatus; count: number }[]> {
  const { rows } = await db.query<{ year: number; status: OneStopStatus; count: number }>(
    `SELECT extract(year FROM d.donated_on)::int AS year, a.status, count(*)::int AS count
       FROM furusato_one_stop_applications a
       JOIN furusato_donations d ON d.id = a.donation_id
      WHERE d.fiscal_year = $1 AND d.status <> 'キャンセル'
      GROUP BY 1, 2`,
    [fiscalYear],
  );
  return rows;
}

export interface OpenShipmentsRow {
  id: string;
  code: string;
  name: string;
  unrequested: number;
  requested: number;
  overdue: number;
}

/** 出荷 still to do per supplier, whatever the year: 未依頼, 依頼済 (not yet sent), and those past their 発送期限. */
export async function openShipmentsBySupplier(db: Queryable, today: string): Promise<OpenShipmentsRow[]> {
  const { rows } = await db.query<OpenShipmentsRow>(
    `SELECT sp.id, sp.code, sp.name,
            count(*) FILTER (WHERE s.status = '未依頼')::int AS unrequested,
            count(*) FILTER (WHERE s.status = '依頼済')::int AS requested,
            count(*) FILTER (WHERE s.due_on < $1::date)::int AS overdue
       FROM furusato_shipments s
       JOIN furusato_suppliers sp ON sp.id = s.supplier_id
      WHERE s.status IN ('未依頼', '依頼済')
      GROUP BY sp.id, sp.code, sp.name
      ORDER BY sp.code`,
    [today],
  );
  return rows;
}
