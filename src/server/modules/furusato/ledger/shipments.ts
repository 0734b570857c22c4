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
import * as repo from "./shipments-repository";

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

function mayReadShipTo(access: FurusatoAccess, row: Pick<repo.ShipmentRow, "supplier_id" | "status">): boolean {
  if (access.manager) return true;
  return access.supplier !== null && access.supplier.id === row.supplier_id && SUPPLIER_STATUSES.includes(row.status);
}

function toShipment(access: FurusatoAccess, row: repo.ShipmentRow): Shipment {
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
  sort: repo.ShipmentSort;
  order: "asc" | "desc";
  page: number;
  pageSize: number;
}

/** The shipments a caller's list may hold: a supplier is held to its own requested/sent shipments. */
function whereFor(access: FurusatoAccess, filter: Pick<ShipmentFilter, "supplierId" | "status" | "overdue">): repo.ShipmentWhere {
  return {
    supplierId: access.supplier ? access.supplier.id : filter.supplierId,
    statuses: access.supplier ? SUPPLIER_STATUSES : undefined,
    status: filter.status,
    overdue: filter.overdue,
  };
}

export async function listShipments(db: Queryable, access: FurusatoAccess, filter: ShipmentFilter, today: string) {
  // Shipments are donations' records: a supplier sees its own, the city's staff only in the ふるさと納税 organisation.
  if (!access.supplier) requireDonorRecords(access);
  const where = whereFor(access, filter);
  const page = { limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize };
  const [rows, total] = await Promise.all([
    repo.findShipmentPage(db, where, { by: filter.sort, order: filter.order }, page, today),
    repo.countShipments(db, where, today),
  ]);
  return {
    items: rows.map((row) => toShipment(access, row)),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
    today,
  };
}

/** One shipment the caller may see; a supplier asking for another's (or an unrequested one) gets "not found". */
export async function getShipment(db: Queryable, access: FurusatoAccess, id: string, today: string): Promise<Shipment> {
  const row = await repo.findShipment(db, id, today);
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
  tx: Queryable,
  actor: Actor,
  input: { supplierId: string | null; ids: string[] | null },
  today: string,
): Promise<RequestResult> {
  // Inside the caller's transaction (followup-service.ts checks the caller in it).
  const leadDays = await shippingLeadDays(tx);
  const dueOn = addDays(today, leadDays);
  const rows = await repo.markShipmentsRequested(tx, { dueOn, supplierId: input.supplierId, ids: input.ids });
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
  tx: Queryable,
  access: FurusatoAccess,
  actor: Actor,
  id: string,
  input: ShipmentUpdate,
  today: string,
): Promise<Shipment> {
  // Inside the caller's transaction, with the access it computed there (followup-service.ts).
  if (!access.supplier && !access.manager) throw new Forbidden("出荷の記録を変更する権限がありません。");
  const before = await getShipment(tx, access, id, today);
  if (!SUPPLIER_STATUSES.includes(before.status))
    throw new Conflict(`状態が「${before.status}」の出荷は更新できません。`, "invalid_status");
  if (before.status === "発送済" && !input.shipped) throw new Conflict("発送済みの出荷を未発送に戻すことはできません。", "invalid_status");
  const shippedOn = input.shipped ? (input.shippedOn ?? today) : null;
  if (shippedOn && shippedOn > today)
    throw new ValidationError("発送日に未来の日付は入れられません。", { shippedOn: "今日までの日付を入れてください。" });
  if (shippedOn && shippedOn < before.donatedOn)
    throw new ValidationError("発送日が寄附日より前になっています。", { shippedOn: "寄附日以降の日付を入れてください。" });
  const status: ShipmentStatus = input.shipped ? "発送済" : "依頼済";
  const updated = await repo.updateShipmentRow(tx, id, input.version, {
    plannedOn: input.plannedOn,
    carrier: input.carrier,
    trackingNumber: input.trackingNumber.trim(),
    shippedOn,
    status,
  });
  if (!updated)
    throw new Conflict("ほかの人が先にこの出荷を更新しました。画面を再読み込みしてから、もう一度入力してください。", "version_conflict");
  // Tracking data only: the ship-to never goes into the audit log.
  const fields = (s: { status: string; plannedOn: string | null; carrier: string; trackingNumber: string; shippedOn: string | null }) => ({
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
  return getShipment(tx, access, id, today);
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
  const rows = await repo.backlogCounts(db, today);
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
  const supplier = await repo.findSupplierLabel(db, supplierId);
  if (!supplier) throw new NotFound("返礼品提供事業者");
  const rows = await repo.findSupplierShipments(db, supplierId, input.status, today);
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
