// 出荷依頼 (shipments): the store creates one 未依頼 row per gift of a paid donation; staff send the requests to
// the suppliers (依頼済, with a 発送期限), each supplier fills in its plan and tracking number and reports 発送済.
// The ship-to (donor personal data) is read only for the module's managers and for the supplier that ships.
import type { Carrier, Shipment } from "../../../../common/api/furusato-followup";
import { LEAD_DAYS_SETTING } from "../../../../common/api/furusato-settings";
import { isoDateInJapan } from "../../../../common/dates";
import type { ShipmentStatus } from "../../../../common/furusato/donation";
import type { Db, Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import { Conflict, Forbidden, NotFound, ValidationError } from "../../../platform/errors";
import { readSetting } from "../../../platform/settings";
import { writeCsv } from "../../../platform/tabular/csv-write";
import { type FurusatoAccess, requireDonorRecords } from "../access";

export const DEFAULT_LEAD_DAYS = 14;

/** 発送までの日数 (request date + this = 発送期限): app setting furusato.shippingLeadDays, 14 by default. */
export async function shippingLeadDays(db: Queryable): Promise<number> {
  const value = Number(await readSetting(db, LEAD_DAYS_SETTING));
  return Number.isInteger(value) && value >= 1 && value <= 365 ? value : DEFAULT_LEAD_DAYS;
}

/** ISO date + n days, in plain calendar arithmetic (no time zone involved). */
export function addDays(iso: string, days: number): string {
  const t = Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const utc = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** Statuses a supplier sees: what it was asked to send, and what it sent. */
const SUPPLIER_STATUSES: readonly ShipmentStatus[] = ["依頼済", "発送済"];

interface ShipmentRow {
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

function mayReadShipTo(access: FurusatoAccess, row: Pick<ShipmentRow, "supplier_id" | "status">): boolean {
  if (access.manager) return true;
  return access.supplier !== null && access.supplier.id === row.supplier_id && SUPPLIER_STATUSES.includes(row.status);
}

function toShipment(access: FurusatoAccess, row: ShipmentRow): Shipment {
  return {
    id: row.id,
    donationId: row.donation_id,
    orderNumber: row.order_number,
    portalCode: row.portal_code,
    donatedOn: row.donated_on,
    giftId: row.gift_id,
    giftCode: row.gift_code,
    giftTitle: row.gift_title,
    quantity: row.quantity ?? 1,
    supplierId: row.supplier_id,
    supplierName: row.supplier_name,
    status: row.status,
    requestedAt: row.requested_at ? row.requested_at.toISOString() : null,
    dueOn: row.due_on,
    plannedOn: row.planned_on,
    carrier: row.carrier,
    trackingNumber: row.tracking_number,
    shippedOn: row.shipped_on,
    version: row.version,
    overdue: row.overdue,
    shipTo:
      mayReadShipTo(access, row) && row.ship_name !== null
        ? { name: row.ship_name, postalCode: row.ship_postal_code, address: row.ship_address, phone: row.ship_phone }
        : null,
  };
}

export interface ShipmentFilter {
  supplierId?: string;
  status?: ShipmentStatus;
  overdue?: boolean;
  sort: "todo" | "dueOn" | "donatedOn" | "requestedAt" | "supplier" | "status";
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

/** The default, what needs doing: 未発送 (未依頼・依頼済) before 発送済 before 取消. */
const TODO_GROUP_SQL = "CASE s.status WHEN '未依頼' THEN 0 WHEN '依頼済' THEN 0 WHEN '発送済' THEN 1 ELSE 2 END";

const SORT_SQL: Record<Exclude<ShipmentFilter["sort"], "todo">, string> = {
  dueOn: "s.due_on",
  donatedOn: "d.donated_on",
  requestedAt: "s.requested_at",
  supplier: "sup.name",
  status: "array_position(ARRAY['未依頼', '依頼済', '発送済', '取消']::text[], s.status)",
};

/** WHERE clause and parameters ($1 is always today). A supplier is held to its own requested/sent shipments. */
function whereOf(access: FurusatoAccess, filter: Pick<ShipmentFilter, "supplierId" | "status" | "overdue">, today: string) {
  const params: unknown[] = [today];
  const where: string[] = [];
  const supplierId = access.supplier ? access.supplier.id : filter.supplierId;
  if (supplierId) {
    params.push(supplierId);
    where.push(`s.supplier_id = $${params.length}`);
  }
  if (access.supplier) {
    params.push([...SUPPLIER_STATUSES]);
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

export async function listShipments(db: Queryable, access: FurusatoAccess, filter: ShipmentFilter, today: string) {
  // Shipments are donations' records: a supplier sees its own, the city's staff only in the ふるさと納税 organisation.
  if (!access.supplier) requireDonorRecords(access);
  const { params, sql } = whereOf(access, filter, today);
  const direction = filter.order === "desc" ? "DESC" : "ASC";
  // "todo": within each group the oldest 発送期限 first; 未依頼 have none yet and follow, oldest 寄附日 first.
  const sortSql = filter.sort === "todo" ? `${TODO_GROUP_SQL} ${direction}, s.due_on` : SORT_SQL[filter.sort];
  const order = `${sortSql} ${direction} NULLS LAST, d.donated_on, d.order_number, s.line_no`;
  const offset = (filter.page - 1) * filter.pageSize;
  const [page, count] = await Promise.all([
    db.query<ShipmentRow>(`${SELECT_SHIPMENTS} ${sql} ORDER BY ${order} LIMIT ${filter.pageSize} OFFSET ${offset}`, params),
    db.query<{ n: number }>(
      // $1 (today) is bound whether or not a filter uses it
      `SELECT count(*)::int AS n, $1::date AS today FROM furusato_shipments s JOIN furusato_donations d ON d.id = s.donation_id
         JOIN furusato_suppliers sup ON sup.id = s.supplier_id ${sql}`,
      params,
    ),
  ]);
  return {
    items: page.rows.map((row) => toShipment(access, row)),
    total: count.rows[0]?.n ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
    today,
  };
}

/** One shipment the caller may see; a supplier asking for another's (or an unrequested one) gets "not found". */
export async function getShipment(db: Queryable, access: FurusatoAccess, id: string, today: string): Promise<Shipment> {
  const { rows } = await db.query<ShipmentRow>(`${SELECT_SHIPMENTS} WHERE s.id = $2`, [today, id]);
  const row = rows[0];
  if (!row || (access.supplier && (row.supplier_id !== access.supplier.id || !SUPPLIER_STATUSES.includes(row.status))))
    throw new NotFound("出荷依頼");
  return toShipment(access, row);
}

export interface RequestResult {
  requested: number;
  dueOn: string;
  leadDays: number;
  bySupplier: { supplierId: string; supplierName: string; count: number }[];
}

/**
 * 出荷依頼を出す: 未依頼 → 依頼済 with 発送期限 = today + lead days, for every 未依頼 shipment of paid donations
 * (of one supplier, or only the chosen ones). Shipments of a donation cancelled meanwhile are left alone.
 */
export async function requestShipments(
  db: Db,
  actor: Actor,
  input: { supplierId: string | null; ids: string[] | null },
  today: string,
): Promise<RequestResult> {
  const leadDays = await shippingLeadDays(db);
  const dueOn = addDays(today, leadDays);
  return db.transaction(async (tx) => {
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
      [dueOn, input.supplierId, input.ids],
    );
    const requested = rows.reduce((sum, r) => sum + r.count, 0);
    if (requested === 0) throw new ValidationError("依頼できる未依頼の出荷がありません。");
    const bySupplier = rows.map((r) => ({ supplierId: r.supplier_id, supplierName: r.supplier_name, count: r.count }));
    await recordAudit(tx, actor, {
      action: "request",
      entityType: "furusato_shipment",
      entityId: input.supplierId,
      summary: `出荷依頼 ${requested}件（${bySupplier.map((s) => `${s.supplierName} ${s.count}件`).join("、")}、発送期限 ${dueOn}）`,
      after: { requested, dueOn, leadDays, bySupplier: bySupplier.map((s) => ({ supplierId: s.supplierId, count: s.count })) },
    });
    return { requested, dueOn, leadDays, bySupplier };
  });
}

export interface ShipmentUpdate {
  version: number;
  plannedOn: string | null;
  carrier: Carrier | "";
  trackingNumber: string;
  shipped: boolean;
  shippedOn: string | null;
}

/**
 * The supplier's report (staff may correct it): 発送予定日, 配送業者, 伝票番号, and 発送済 with its date.
 * Only a requested (or already sent, to correct the number) shipment; a sent one stays sent. Optimistic `version`.
 */
export async function updateShipment(
  db: Db,
  access: FurusatoAccess,
  actor: Actor,
  id: string,
  input: ShipmentUpdate,
  today: string,
): Promise<Shipment> {
  if (!access.supplier && !access.manager) throw new Forbidden("出荷の記録を変更する権限がありません。");
  const before = await getShipment(db, access, id, today);
  if (!SUPPLIER_STATUSES.includes(before.status))
    throw new Conflict(`状態が「${before.status}」の出荷は更新できません。`, "invalid_status");
  if (before.status === "発送済" && !input.shipped) throw new Conflict("発送済みの出荷を未発送に戻すことはできません。", "invalid_status");
  const shippedOn = input.shipped ? (input.shippedOn ?? today) : null;
  if (shippedOn && shippedOn > today)
    throw new ValidationError("発送日に未来の日付は入れられません。", { shippedOn: "今日までの日付を入れてください。" });
  if (shippedOn && shippedOn < before.donatedOn)
    throw new ValidationError("発送日が寄附日より前になっています。", { shippedOn: "寄附日以降の日付を入れてください。" });
  const status: ShipmentStatus = input.shipped ? "発送済" : "依頼済";
  await db.transaction(async (tx) => {
    const { rowCount } = await tx.query(
      `UPDATE furusato_shipments SET planned_on = $3, carrier = $4, tracking_number = $5, shipped_on = $6, status = $7,
              version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $2`,
      [id, input.version, input.plannedOn, input.carrier, input.trackingNumber.trim(), shippedOn, status],
    );
    if (rowCount === 0)
      throw new Conflict("ほかの人が先にこの出荷を更新しました。画面を再読み込みしてから、もう一度入力してください。", "version_conflict");
    // Tracking data only: the ship-to never goes into the audit log.
    const fields = (s: {
      status: string;
      plannedOn: string | null;
      carrier: string;
      trackingNumber: string;
      shippedOn: string | null;
    }) => ({
      status: s.status,
      plannedOn: s.plannedOn,
      carrier: s.carrier,
      trackingNumber: s.trackingNumber,
      shippedOn: s.shippedOn,
    });
    await recordAudit(tx, actor, {
      action: status === "発送済" && before.status !== "発送済" ? "ship" : "update",
      entityType: "furusato_shipment",
      entityId: id,
      summary: `出荷（受付番号 ${before.orderNumber}・${before.giftCode}）を${status === "発送済" && before.status !== "発送済" ? "発送済みに" : "更新"}`,
      before: fields(before),
      after: fields({ status, plannedOn: input.plannedOn, carrier: input.carrier, trackingNumber: input.trackingNumber.trim(), shippedOn }),
    });
  });
  return getShipment(db, access, id, today);
}

export interface BacklogRow {
  supplierId: string;
  supplierName: string;
  unrequested: number;
  requested: number;
  open: number;
  overdue: number;
  decemberOpen: number;
}

/** 年末の滞留: per supplier, the open (未依頼 + 依頼済) shipments, the overdue ones and those of December donations. */
export async function shipmentBacklog(db: Queryable, today: string): Promise<BacklogRow[]> {
  const { rows } = await db.query<{
    supplier_id: string;
    supplier_name: string;
    unrequested: number;
    requested: number;
    overdue: number;
    december_open: number;
  }>(
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
  return rows.map((r) => ({
    supplierId: r.supplier_id,
    supplierName: r.supplier_name,
    unrequested: r.unrequested,
    requested: r.requested,
    open: r.unrequested + r.requested,
    overdue: r.overdue,
    decemberOpen: r.december_open,
  }));
}

export const SHIPMENT_CSV_HEADER = [
  "出荷ID",
  "受付番号",
  "寄附日",
  "返礼品コード",
  "返礼品名",
  "数量",
  "お届け先氏名",
  "郵便番号",
  "住所",
  "電話番号",
  "依頼日",
  "発送期限",
  "発送予定日",
  "配送業者",
  "伝票番号",
  "発送日",
  "状態",
];

/**
 * A supplier's requests as CSV (Excel users: CP932 by default, formula-safe). It holds ship-to data, so only the
 * module's managers (for one supplier) and the supplier itself may export it, and the export is audited (counts only).
 * A character CP932 cannot hold is reported, never written as "?".
 */
export async function exportShipmentsCsv(
  db: Db,
  access: FurusatoAccess,
  actor: Actor,
  input: { supplierId?: string; status: "依頼済" | "発送済"; encoding: "cp932" | "utf-8-bom" },
  today: string,
): Promise<{ name: string; mimeType: string; body: Uint8Array }> {
  if (!access.supplier && !access.manager) throw new Forbidden("お届け先を含む出荷依頼を出力する権限がありません。");
  const supplierId = access.supplier?.id ?? input.supplierId;
  if (!supplierId) throw new ValidationError("出力する事業者を選んでください。", { supplierId: "事業者を選んでください。" });
  const { rows: suppliers } = await db.query<{ code: string; name: string }>("SELECT code, name FROM furusato_suppliers WHERE id = $1", [
    supplierId,
  ]);
  const supplier = suppliers[0];
  if (!supplier) throw new NotFound("返礼品提供事業者");
  const { rows } = await db.query<ShipmentRow>(
    `${SELECT_SHIPMENTS} WHERE s.supplier_id = $2 AND s.status = $3 ORDER BY s.due_on NULLS LAST, d.donated_on, d.order_number, s.line_no`,
    [today, supplierId, input.status],
  );
  const body = rows.map((r) => [
    r.id,
    r.order_number,
    r.donated_on,
    r.gift_code,
    r.gift_title,
    r.quantity ?? 1,
    r.ship_name ?? "",
    r.ship_postal_code ?? "",
    r.ship_address ?? "",
    r.ship_phone ?? "",
    r.requested_at ? isoDateInJapan(r.requested_at) : "",
    r.due_on ?? "",
    r.planned_on ?? "",
    r.carrier,
    r.tracking_number,
    r.shipped_on ?? "",
    r.status,
  ]);
  const { bytes, unencodable } = writeCsv(SHIPMENT_CSV_HEADER, body, { encoding: input.encoding });
  if (unencodable.length > 0) {
    const where = unencodable
      .slice(0, 5)
      .map((u) => `${u.row}行目「${SHIPMENT_CSV_HEADER[u.column - 1]}」の「${u.char}」`)
      .join("、");
    throw new ValidationError(
      `Shift_JIS（CP932）で表せない文字があります（${where}${unencodable.length > 5 ? ` ほか${unencodable.length - 5}件` : ""}）。UTF-8 で出力してください。`,
    );
  }
  await db.transaction((tx) =>
    recordAudit(tx, actor, {
      action: "export",
      entityType: "furusato_shipment",
      entityId: supplierId,
      summary: `出荷依頼（${supplier.name}・${input.status}）を CSV で出力：${rows.length}件（お届け先を含む）`,
      after: { supplierId, status: input.status, rows: rows.length, encoding: input.encoding },
    }),
  );
  return { name: `出荷依頼_${supplier.code}_${input.status}_${today}.csv`, mimeType: "text/csv", body: bytes };
}
