// SQL of the 出荷依頼 (furusato_shipments, with their donations, gifts and suppliers). Every query that lists
// shipments binds today's date as $1 (it decides 期限切れ). Who may see a ship-to, and the statuses: shipments.ts.
import type { ShipmentStatus } from "../../../../common/furusato/donation";
import type { Queryable } from "../../../db/database";

export interface ShipmentRow {
  id: string;
  donation_id: string;
  order_number: string;
  portal_code: string;
  donated_on: string;
  gift_id: string;
  gift_code: string;
  gift_title: string;
  quantity: number | null;
  supplier_id: string;
  supplier_name: string;
  status: ShipmentStatus;
  requested_at: Date | null;
  due_on: string | null;
  planned_on: string | null;
  carrier: string;
  tracking_number: string;
  shipped_on: string | null;
  version: number;
  overdue: boolean;
  ship_name: string | null;
  ship_postal_code: string | null;
  ship_address: string | null;
  ship_phone: string | null;
}

// お届け先: the donation's ship-to when the donor named one, the donor otherwise (ship_name null = send to the donor).
const SELECT_SHIPMENTS = `
  SELECT s.id, s.donation_id, d.order_number, d.portal_code, d.donated_on, s.gift_id, g.code AS gift_code, g.title AS gift_title,
         i.quantity, s.supplier_id, sup.name AS supplier_name, s.status, s.requested_at, s.due_on, s.planned_on, s.carrier,
         s.tracking_number, s.shipped_on, s.version, (s.status = '依頼済' AND s.due_on < $1::date) AS overdue,
         CASE WHEN d.ship_name IS NOT NULL THEN d.ship_name ELSE d.donor_name END AS ship_name,
         CASE WHEN d.ship_name IS NOT NULL THEN d.ship_postal_code ELSE d.donor_postal_code END AS ship_postal_code,
         CASE WHEN d.ship_name IS NOT NULL THEN d.ship_address ELSE d.donor_address END AS ship_address,
         CASE WHEN d.ship_name IS NOT NULL THEN d.ship_phone ELSE d.donor_phone END AS ship_phone
    FROM furusato_shipments s
    JOIN furusato_donations d ON d.id = s.donation_id
    JOIN furusato_gifts g ON g.id = s.gift_id
    JOIN furusato_suppliers sup ON sup.id = s.supplier_id
    LEFT JOIN furusato_donation_items i ON i.donation_id = s.donation_id AND i.line_no = s.line_no`;

/** Which shipments a list holds; the service decides them (a supplier is held to its own, in its statuses). */
export interface ShipmentWhere {
  supplierId?: string;
  /** any of these statuses */
  statuses?: readonly ShipmentStatus[];
  status?: ShipmentStatus;
  overdue?: boolean;
}

export type ShipmentSort = "todo" | "dueOn" | "donatedOn" | "requestedAt" | "supplier" | "status";

/** The default, what needs doing: 未発送 (未依頼・依頼済) before 発送済 before 取消. */
const TODO_GROUP_SQL = "CASE s.status WHEN '未依頼' THEN 0 WHEN '依頼済' THEN 0 WHEN '発送済' THEN 1 ELSE 2 END";

const SORT_SQL: Record<Exclude<ShipmentSort, "todo">, string> = {
  dueOn: "s.due_on",
  donatedOn: "d.donated_on",
  requestedAt: "s.requested_at",
  supplier: "sup.name",
  status: "array_position(ARRAY['未依頼', '依頼済', '発送済', '取消']::text[], s.status)",
};

/** WHERE clause and parameters ($1 is always today). */
function whereOf(filter: ShipmentWhere, today: string) {
  const params: unknown[] = [today];
  const where: string[] = [];
  if (filter.supplierId) {
    params.push(filter.supplierId);
    where.push(`s.supplier_id = $${params.length}`);
  }
  if (filter.statuses) {
    params.push([...filter.statuses]);
    where.push(`s.status = ANY($${params.length}::text[])`);
  }
  if (filter.status) {
    params.push(filter.status);
    where.push(`s.status = $${params.length}`);
  }
  if (filter.overdue === true) where.push("s.status = '依頼済' AND s.due_on < $1::date");
  if (filter.overdue === false) where.push("NOT (s.status = '依頼済' AND s.due_on < $1::date)");
  return { params, sql: where.length > 0 ? `WHERE ${where.join(" AND ")}` : "" };
}

/** One page of shipments in the chosen order (ties: donation date, 受付番号, line). */
export async function findShipmentPage(
  db: Queryable,
  filter: ShipmentWhere,
  sort: { by: ShipmentSort; order: "asc" | "desc" },
  page: { limit: number; offset: number },
  today: string,
): Promise<ShipmentRow[]> {
  const { params, sql } = whereOf(filter, today);
  const direction = sort.order === "desc" ? "DESC" : "ASC";
  // "todo": within each group the oldest 発送期限 first; 未依頼 have none yet and follow, oldest 寄附日 first.
  const sortSql = sort.by === "todo" ? `${TODO_GROUP_SQL} ${direction}, s.due_on` : SORT_SQL[sort.by];
  const order = `${sortSql} ${direction} NULLS LAST, d.donated_on, d.order_number, s.line_no`;
  const { rows } = await db.query<ShipmentRow>(
    `${SELECT_SHIPMENTS} ${sql} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset}`,
    params,
  );
  return rows;
}

export async function countShipments(db: Queryable, filter: ShipmentWhere, today: string): Promise<number> {
  const { params, sql } = whereOf(filter, today);
  const { rows } = await db.query<{ n: number }>(
    // $1 (today) is bound whether or not a filter uses it
    `SELECT count(*)::int AS n, $1::date AS today FROM furusato_shipments s JOIN furusato_donations d ON d.id = s.donation_id
       JOIN furusato_suppliers sup ON sup.id = s.supplier_id ${sql}`,
    params,
  );
  return rows[0]?.n ?? 0;
}

export async function findShipment(db: Queryable, id: string, today: string): Promise<ShipmentRow | null> {
  const { rows } = await db.query<ShipmentRow>(`${SELECT_SHIPMENTS} WHERE s.id = $2`, [today, id]);
  return rows[0] ?? null;
}

/** A supplier's shipments in one status, by 発送期限 (for its CSV). */
export async function findSupplierShipments(
  db: Queryable,
  supplierId: string,
  status: ShipmentStatus,
  today: string,
): Promise<ShipmentRow[]> {
  const { rows } = await db.query<ShipmentRow>(
    `${SELECT_SHIPMENTS} WHERE s.supplier_id = $2 AND s.status = $3 ORDER BY s.due_on NULLS LAST, d.donated_on, d.order_number, s.line_no`,
    [today, supplierId, status],
  );
  return rows;
}

/** A supplier's code and name (for naming its CSV), or null when there is none. */
export async function findSupplierLabel(db: Queryable, supplierId: string): Promise<{ code: string; name: string } | null> {
  const { rows } = await db.query<{ code: string; name: string }>("SELECT code, name FROM furusato_suppliers WHERE id = $1", [supplierId]);
  return rows[0] ?? null;
}

/**
 * 未依頼 → 依頼済 with 発送期限 `dueOn`, for the 未依頼 shipments of paid (入金済) donations, of one supplier and/or
 * only the given ids when those are set. Returns how many per supplier, by supplier name.
 */
export async function markShipmentsRequested(
  tx: Queryable,
  input: { dueOn: string; supplierId: string | null; ids: string[] | null },
): Promise<{ supplier_id: string; supplier_name: string; count: number }[]> {
  const { rows } = await tx.query<{ supplier_id: string; supplier_name: string; count: number }>(
    `WITH requested AS (
       UPDATE furusato_shipments s
          SET status = '依頼済', requested_at = now(), due_on = $1::date, version = s.version + 1, updated_at = now()
         FROM furusato_donations d
        WHERE d.id = s.donation_id AND d.status = '入金済' AND s.status = '未依頼'
          AND ($2::uuid IS NULL OR s.supplier_id = $2::uuid)
          AND ($3::uuid[] IS NULL OR s.id = ANY($3::uuid[]))
       RETURNING s.supplier_id)
     SELECT r.supplier_id, sup.name AS supplier_name, count(*)::int AS count
       FROM requested r JOIN furusato_suppliers sup ON sup.id = r.supplier_id
      GROUP BY r.supplier_id, sup.name ORDER BY sup.name`,
    [input.dueOn, input.supplierId, input.ids],
  );
  return rows;
}

/** The supplier's report on one shipment, if it still has `version`; false when someone changed it first. */
export async function updateShipmentRow(
  tx: Queryable,
  id: string,
  version: number,
  fields: { plannedOn: string | null; carrier: string; trackingNumber: string; shippedOn: string | null; status: ShipmentStatus },
): Promise<boolean> {
  const { rowCount } = await tx.query(
    `UPDATE furusato_shipments SET planned_on = $3, carrier = $4, tracking_number = $5, shipped_on = $6, status = $7,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2`,
    [id, version, fields.plannedOn, fields.carrier, fields.trackingNumber, fields.shippedOn, fields.status],
  );
  return rowCount > 0;
}

export interface BacklogCountsRow {
  supplier_id: string;
  supplier_name: string;
  unrequested: number;
  requested: number;
  overdue: number;
  december_open: number;
}

/** Per supplier with open (未依頼 + 依頼済) shipments: those counts, the overdue ones and those of December donations. */
export async function backlogCounts(db: Queryable, today: string): Promise<BacklogCountsRow[]> {
  const { rows } = await db.query<BacklogCountsRow>(
    `SELECT s.supplier_id, sup.name AS supplier_name,
            count(*) FILTER (WHERE s.status = '未依頼')::int AS unrequested,
            count(*) FILTER (WHERE s.status = '依頼済')::int AS requested,
            count(*) FILTER (WHERE s.status = '依頼済' AND s.due_on < $1::date)::int AS overdue,
            count(*) FILTER (WHERE extract(month FROM d.donated_on) = 12)::int AS december_open
       FROM furusato_shipments s
       JOIN furusato_donations d ON d.id = s.donation_id
       JOIN furusato_suppliers sup ON sup.id = s.supplier_id
      WHERE s.status IN ('未依頼', '依頼済')
      GROUP BY s.supplier_id, sup.name
      ORDER BY count(*) FILTER (WHERE s.status = '依頼済' AND s.due_on < $1::date) DESC, count(*) DESC, sup.name`,
    [today],
  );
  return rows;
}
