// ワンストップ特例申請: one application per paid donation whose donor wished for it (the store creates it 未着).
// Staff record its arrival (受付), what is missing (不備) and acceptance (受理) before the 1月10日 deadline.
// The list is for the staff of the organisation that runs ふるさと納税; donors' names are masked (山田 **) unless a
// manager asks for them, and that look is recorded (access.ts: one rule for every screen that shows donors).
import type { OneStopItem } from "../../../../common/api/furusato-followup";
import {
  ONE_STOP_DOCUMENTS,
  ONE_STOP_STATUSES,
  type OneStopDocument,
  type OneStopStatus,
  oneStopDeadline,
} from "../../../../common/furusato/donation";
import type { Db, Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import { Conflict, Forbidden, NotFound, ValidationError } from "../../../platform/errors";
import { type FurusatoAccess, requireDonorRecords } from "../access";
import { daysBetween } from "./shipments";

/** 山田 太郎 → 山田 **; 山田太郎 → 山** (a name without a space keeps its first character only). */
export function maskName(name: string | null): string {
  const value = (name ?? "").trim();
  if (value === "") return "**";
  if (value.startsWith("（")) return value; // （匿名化済）
  const [family, ...rest] = value.split(/[\s\u3000]+/);
  return rest.length > 0 ? `${family} **` : `${[...value][0]}**`;
}

/**
 * The calendar year of donations the list shows by default: the current year from March on; in January and
 * February the previous year's applications (deadline 1月10日, then the notices to the donors' municipalities).
 */
export function defaultOneStopYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 3 ? year : year - 1;
}

interface OneStopRow {
  donation_id: string;
  order_number: string;
  portal_code: string;
  donated_on: string;
  amount: number;
  donor_name: string | null;
  status: OneStopStatus;
  missing: OneStopDocument[];
  received_on: string | null;
  note: string;
  version: number;
}

const SELECT_ONE_STOP = `
  SELECT a.donation_id, d.order_number, d.portal_code, d.donated_on, d.amount, d.donor_name, a.status, a.missing,
         a.received_on, a.note, a.version
    FROM furusato_one_stop_applications a JOIN furusato_donations d ON d.id = a.donation_id`;

function toItem(access: FurusatoAccess, row: OneStopRow, revealed: boolean): OneStopItem {
  return {
    donationId: row.donation_id,
    orderNumber: row.order_number,
    portalCode: row.portal_code,
    donatedOn: row.donated_on,
    amount: row.amount,
    donorName: revealed ? (row.donor_name ?? "") : maskName(row.donor_name),
    status: row.status,
    missing: row.missing ?? [],
    receivedOn: row.received_on,
    // A note may name the donor or their situation: the managers' only.
    note: access.manager ? row.note : "",
    version: row.version,
  };
}

function requireStaff(access: FurusatoAccess): void {
  if (access.supplier) throw new Forbidden("ワンストップ特例申請は市の職員だけが閲覧できます。");
  requireDonorRecords(access);
}

export interface OneStopFilter {
  year?: number;
  status?: OneStopStatus;
  missing?: OneStopDocument;
  page: number;
  pageSize: number;
  /** donors' names in full (a manager asked; the route records it) */
  revealed?: boolean;
}

export async function listOneStop(db: Queryable, access: FurusatoAccess, filter: OneStopFilter, today: string) {
  requireStaff(access);
  const year = filter.year ?? defaultOneStopYear(today);
  const range = [`${year}-01-01`, `${year + 1}-01-01`];
  const inYear = "d.donated_on >= $1::date AND d.donated_on < $2::date AND d.status <> 'キャンセル'";
  const params: unknown[] = [...range];
  const where = [inYear];
  if (filter.status) {
    params.push(filter.status);
    where.push(`a.status = $${params.length}`);
  }
  if (filter.missing) {
    params.push(filter.missing);
    where.push(`$${params.length} = ANY(a.missing)`);
  }
  const offset = (filter.page - 1) * filter.pageSize;
  const [page, total, byStatus, byMissing] = await Promise.all([
    db.query<OneStopRow>(
      `${SELECT_ONE_STOP} WHERE ${where.join(" AND ")} ORDER BY d.donated_on, d.order_number LIMIT ${filter.pageSize} OFFSET ${offset}`,
      params,
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM furusato_one_stop_applications a JOIN furusato_donations d ON d.id = a.donation_id
        WHERE ${where.join(" AND ")}`,
      params,
    ),
    db.query<{ status: string; n: number }>(
      `SELECT a.status, count(*)::int AS n FROM furusato_one_stop_applications a JOIN furusato_donations d ON d.id = a.donation_id
        WHERE ${inYear} GROUP BY a.status`,
      range,
    ),
    db.query<{ document: string; n: number }>(
      `SELECT m.document, count(*)::int AS n
         FROM furusato_one_stop_applications a JOIN furusato_donations d ON d.id = a.donation_id
         CROSS JOIN LATERAL unnest(a.missing) AS m (document)
        WHERE ${inYear} AND a.status = '不備' GROUP BY m.document`,
      range,
    ),
  ]);
  const deadline = oneStopDeadline(`${year}-12-31`);
  return {
    items: page.rows.map((row) => toItem(access, row, filter.revealed === true && access.manager)),
    total: total.rows[0]?.n ?? 0,
    page: filter.page,
    pageSize: filter.pageSize,
    year,
    deadline,
    daysLeft: daysBetween(today, deadline),
    byStatus: Object.fromEntries(ONE_STOP_STATUSES.map((s) => [s, byStatus.rows.find((r) => r.status === s)?.n ?? 0])),
    byMissing: Object.fromEntries(ONE_STOP_DOCUMENTS.map((doc) => [doc, byMissing.rows.find((r) => r.document === doc)?.n ?? 0])),
    canEdit: access.manager,
  };
}

export interface OneStopUpdate {
  version: number;
  status: OneStopStatus;
  missing: OneStopDocument[];
  receivedOn: string | null;
  note: string;
}

/** Checks the rules the form shows too; returns the values to store (受付日 defaults to today once it has arrived). */
export function normaliseOneStopUpdate(input: OneStopUpdate, today: string): OneStopUpdate {
  const missing = ONE_STOP_DOCUMENTS.filter((doc) => input.missing.includes(doc));
  if (input.status === "不備" && missing.length === 0)
    throw new ValidationError("不備のときは不足している書類を1つ以上選んでください。", { missing: "不足書類を選んでください。" });
  if (input.status === "受理" && missing.length > 0)
    throw new ValidationError("不足書類があるうちは受理できません。", { missing: "不足書類を外してください。" });
  if (input.status === "未着") return { ...input, missing: [], receivedOn: null };
  const receivedOn = input.receivedOn ?? today;
  if (receivedOn > today)
    throw new ValidationError("受付日に未来の日付は入れられません。", { receivedOn: "今日までの日付を入れてください。" });
  return { ...input, missing, receivedOn };
}

export async function updateOneStop(
  db: Db,
  access: FurusatoAccess,
  actor: Actor,
  donationId: string,
  input: OneStopUpdate,
  today: string,
): Promise<OneStopItem> {
  requireStaff(access);
  if (!access.manager) throw new Forbidden("ワンストップ特例申請を更新できるのは担当者だけです。");
  const value = normaliseOneStopUpdate(input, today);
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<OneStopRow>(`${SELECT_ONE_STOP} WHERE a.donation_id = $1 FOR UPDATE OF a`, [donationId]);
    const before = rows[0];
    if (!before) throw new NotFound("ワンストップ特例申請");
    if (before.version !== input.version)
      throw new Conflict("ほかの人が先にこの申請を更新しました。画面を再読み込みしてから、もう一度入力してください。", "version_conflict");
    await tx.query(
      `UPDATE furusato_one_stop_applications
          SET status = $2, missing = $3::text[], received_on = $4, note = $5, version = version + 1, updated_at = now()
        WHERE donation_id = $1`,
      [donationId, value.status, value.missing, value.receivedOn, value.note],
    );
    // The note may hold personal details: the log keeps only whether it changed.
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "furusato_one_stop_application",
      entityId: donationId,
      summary: `ワンストップ特例申請（受付番号 ${before.order_number}）を「${value.status}」に`,
      before: { status: before.status, missing: before.missing, receivedOn: before.received_on },
      after: { status: value.status, missing: value.missing, receivedOn: value.receivedOn, noteChanged: value.note !== before.note },
    });
  });
  const { rows } = await db.query<OneStopRow>(`${SELECT_ONE_STOP} WHERE a.donation_id = $1`, [donationId]);
  return toItem(access, rows[0], false);
}
