// The work that follows a donation, as the routes call it: 出荷依頼, ワンストップ特例, 保存期間 (受領証明書:
// certificate-service.ts). Each function checks the caller (inside the transaction, for a write) and calls the rules of
// shipments.ts, one-stop.ts and retention.ts with today's date in Japan.
import { todayInJapan } from "../../../../common/dates";
import type { Db } from "../../../db/database";
import type { Actor } from "../../../platform/audit/audit";
import type { Principal } from "../../../platform/auth/permissions";
import { Forbidden } from "../../../platform/errors";
import { availableJobs } from "../../../platform/jobs/available";
import type { JobQueue } from "../../../platform/jobs/jobs";
import { accessOf, requireManager, revealDonorNames, staffAccessOf } from "../access";
import * as oneStop from "./one-stop";
import * as retention from "./retention";
import * as shipments from "./shipments";

// ---------------------------------------------------------------- 出荷依頼

export async function listShipments(db: Db, user: Principal | null, query: shipments.ShipmentFilter) {
  const access = await accessOf(db, user);
  return shipments.listShipments(db, access, query, todayInJapan());
}

export async function shipmentBacklog(db: Db, user: Principal | null) {
  await staffAccessOf(db, user, "事業者ごとの集計は市の職員だけが閲覧できます。");
  const today = todayInJapan();
  return { today, leadDays: await shipments.shippingLeadDays(db), items: await shipments.shipmentBacklog(db, today) };
}

export async function requestShipments(
  db: Db,
  user: Principal | null,
  actor: Actor,
  input: { supplierId: string | null; ids: string[] | null },
) {
  return db.transaction(async (tx) => {
    requireManager(await accessOf(tx, user));
    return shipments.requestShipments(tx, actor, input, todayInJapan());
  });
}

export async function updateShipment(db: Db, user: Principal | null, actor: Actor, id: string, input: shipments.ShipmentUpdate) {
  return db.transaction(async (tx) => shipments.updateShipment(tx, await accessOf(tx, user), actor, id, input, todayInJapan()));
}

export async function exportShipments(
  db: Db,
  user: Principal | null,
  actor: Actor,
  query: Parameters<typeof shipments.exportShipmentsCsv>[3],
) {
  const access = await accessOf(db, user);
  return { file: await shipments.exportShipmentsCsv(db, access, actor, query, todayInJapan()) };
}

// ---------------------------------------------------------------- ワンストップ特例

/** The list, names masked unless a manager asks for them (reveal), and that look recorded. */
export async function listOneStop(
  db: Db,
  user: Principal | null,
  actor: Actor,
  query: Omit<oneStop.OneStopFilter, "revealed"> & { reveal: "true" | "false" },
) {
  const access = await accessOf(db, user);
  const { reveal, ...filter } = query;
  if (reveal === "true") requireManager(access);
  const list = await oneStop.listOneStop(db, access, { ...filter, revealed: reveal === "true" }, todayInJapan());
  const what = "ワンストップ特例申請の一覧で寄附者名を表示";
  const revealed = await revealDonorNames(db, access, actor, reveal === "true", what, list.items.length);
  return { ...list, canReveal: access.manager, revealed };
}

export async function updateOneStop(db: Db, user: Principal | null, actor: Actor, donationId: string, input: oneStop.OneStopUpdate) {
  return db.transaction(async (tx) => oneStop.updateOneStop(tx, await accessOf(tx, user), actor, donationId, input, todayInJapan()));
}

// ---------------------------------------------------------------- 保存期間 (system administrators)

async function requireAdmin(db: Db, user: Principal | null): Promise<void> {
  const access = await accessOf(db, user);
  if (access.user.role !== "admin") throw new Forbidden("寄附者情報の匿名化はシステム管理者だけが行えます。");
}

export async function retentionStatus(db: Db, user: Principal | null) {
  await requireAdmin(db, user);
  return retention.retentionStatus(db);
}

/** Anonymising is long work: a job, whose id the page polls. */
export async function runRetention(db: Db, jobs: JobQueue | null, user: Principal | null, actor: Actor) {
  await requireAdmin(db, user);
  return { jobId: await availableJobs(jobs).enqueue(retention.RETENTION_JOB, { actor }, actor.userId) };
}
