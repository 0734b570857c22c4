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
import type { Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import { Conflict, Forbidden, NotFound, ValidationError } from "../../../platform/errors";
import { type FurusatoAccess, requireDonorRecords } from "../access";
import { maskName } from "./donor-name";
import * as repo from "./one-stop-repository";
import { daysBetween } from "./shipments";

/**
 * The calendar year of donations the list shows by default: the current year from March on; in January and
 * February the previous year's applications (deadline 1月10日, then the notices to the donors' municipalities).
 */
export function defaultOneStopYear(today: string): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 3 ? year : year - 1;
}

function toItem(access: FurusatoAccess, row: repo.OneStopRow, revealed: boolean): OneStopItem {
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
  /** donors' names in full (a manager asked; followup-service.ts records it) */
  revealed?: boolean;
}

export async function listOneStop(db: Queryable, access: FurusatoAccess, filter: OneStopFilter, today: string) {
  requireStaff(access);
  const year = filter.year ?? defaultOneStopYear(today);
  const where = { year, status: filter.status, missing: filter.missing };
  const page = { limit: filter.pageSize, offset: (filter.page - 1) * filter.pageSize };
  const [rows, total, byStatus, byMissing] = await Promise.all([
    repo.findOneStopPage(db, where, page),
    repo.countOneStop(db, where),
    repo.countOneStopByStatus(db, year),
    repo.countMissingDocuments(db, year),
  ]);
  const deadline = oneStopDeadline(`${year}-12-31`);
  return {
    items: rows.map((row) => toItem(access, row, filter.revealed === true && access.manager)),
    total,
    page: filter.page,
    pageSize: filter.pageSize,
    year,
    deadline,
    daysLeft: daysBetween(today, deadline),
    byStatus: Object.fromEntries(ONE_STOP_STATUSES.map((s) => [s, byStatus.find((r) => r.status === s)?.n ?? 0])),
    byMissing: Object.fromEntries(ONE_STOP_DOCUMENTS.map((doc) => [doc, byMissing.find((r) => r.document === doc)?.n ?? 0])),
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
  tx: Queryable,
  access: FurusatoAccess,
  actor: Actor,
  donationId: string,
  input: OneStopUpdate,
  today: string,
): Promise<OneStopItem> {
  // Inside the caller's transaction, with the access it computed there (followup-service.ts).
  requireStaff(access);
  if (!access.manager) throw new Forbidden("ワンストップ特例申請を更新できるのは担当者だけです。");
  const value = normaliseOneStopUpdate(input, today);
  const before = await repo.findOneStop(tx, donationId, { forUpdate: true });
  if (!before) throw new NotFound("ワンストップ特例申請");
  if (before.version !== input.version)
    throw new Conflict("ほかの人が先にこの申請を更新しました。画面を再読み込みしてから、もう一度入力してください。", "version_conflict");
  await repo.updateOneStopRow(tx, donationId, value);
  // The note may hold personal details: the log keeps only whether it changed.
  await recordAudit(tx, actor, {
    action: "update",
    entityType: "furusato_one_stop_application",
    entityId: donationId,
    summary: `ワンストップ特例申請（受付番号 ${before.order_number}）を「${value.status}」に`,
    before: { status: before.status, missing: before.missing, receivedOn: before.received_on },
    after: { status: value.status, missing: value.missing, receivedOn: value.receivedOn, noteChanged: value.note !== before.note },
  });
  // updated above: it is there
  return toItem(access, (await repo.findOneStop(tx, donationId))!, false);
}
