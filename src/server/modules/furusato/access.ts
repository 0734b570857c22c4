// Who may do what in the furusato module. The bureau that runs ふるさと納税 is an app setting (furusato.bureauId):
// its editors manage the catalog; a supplier's own logins (partners of the supplier's organisation) see and
// propose only their own gifts; other staff read the catalog and the totals, and donors' records are for the staff
// of the organisation that runs it (requireDonorRecords below).
import type { Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, can, type OwnedByBureau, type Principal } from "../../platform/auth/permissions";
import { oncePerRequest } from "../../platform/auth/request-memo";
import { Forbidden, NotFound } from "../../platform/errors";
import { readSetting, writeSetting } from "../../platform/settings";
import * as repo from "./repository";

export const OWNER_SETTING = "furusato.bureauId";

/**
 * The bureau that runs ふるさと納税. Given the request's caller, it is read once per request: the router's audience
 * check and the service's accessOf both ask (the value as the request found it; only setFurusatoOwner changes it,
 * which no request does).
 */
export function furusatoOwner(db: Queryable, caller: Principal | null = null): Promise<OwnedByBureau | undefined> {
  return oncePerRequest(caller, OWNER_SETTING, async () => {
    const bureauId = await readSetting<string>(db, OWNER_SETTING);
    return bureauId ? { organisationId: String(bureauId) } : undefined;
  });
}

export async function setFurusatoOwner(db: Queryable, bureauId: string): Promise<void> {
  await writeSetting(db, OWNER_SETTING, bureauId);
}

export interface FurusatoAccess {
  user: Principal;
  /** manages the catalog (the owner bureau's editors, administrators) */
  manager: boolean;
  /** may see donors' records (staff of any role of the organisation that runs ふるさと納税, administrators) */
  donors: boolean;
  /** the supplier this user logs in for, when the user is a supplier's account */
  supplier: repo.SupplierRow | null;
}

export async function accessOf(db: Queryable, user: Principal | null): Promise<FurusatoAccess> {
  if (!user) throw new Forbidden();
  if (user.role === "partner") {
    const supplier = await repo.findSupplierOfOrganisation(db, user.organisationId);
    if (!supplier || !can(user, "furusato.supply", { organisationId: supplier.organisation_id ?? "" })) throw new Forbidden();
    return { user, manager: false, donors: false, supplier };
  }
  authorize(user, "furusato.read");
  const owner = await furusatoOwner(db, user);
  return { user, manager: can(user, "furusato.manage", owner), donors: can(user, "furusato.donors", owner), supplier: null };
}

/**
 * The module's staff (any staff with furusato.read): a supplier's login is refused, with `message` saying what it
 * may not see (the ledger, the money, the national comparison are the city's own work).
 */
export async function staffAccessOf(db: Queryable, user: Principal | null, message?: string): Promise<FurusatoAccess> {
  const access = await accessOf(db, user);
  if (access.supplier) throw new Forbidden(message);
  return access;
}

/** What the pages show and hide for this caller (its access, without the supplier's record). */
export async function describeAccess(db: Queryable, user: Principal | null) {
  const access = await accessOf(db, user);
  return {
    manager: access.manager,
    donors: access.donors,
    supplierId: access.supplier?.id ?? null,
    supplierName: access.supplier?.name ?? null,
  };
}

export function requireManager(access: FurusatoAccess): void {
  if (!access.manager) throw new Forbidden("ふるさと納税の担当者だけが行える操作です。");
}

// ------------------------------------------------------------------ 寄附者の情報: one rule for every screen and export

/**
 * Donors' records (寄附台帳, 出荷, ワンストップ特例, 受領証明書) are for the staff of the organisation that runs
 * ふるさと納税 and administrators (can(user, "furusato.donors", owner)); other divisions see totals only (the
 * dashboard and the cost ledger); a supplier's login sees only the お届け先 of what it ships (shipments.ts).
 */
export function requireDonorRecords(access: FurusatoAccess): void {
  if (!access.donors)
    throw new Forbidden("寄附者の記録は、ふるさと納税を所管する組織の職員だけが閲覧できます。集計はダッシュボードでご覧ください。");
}

/**
 * Donors' names in a list are masked (山田 **) unless a manager asks for them (reveal); each such look is recorded
 * (who, which list, how many), as are one donor's details and an export with personal data. Returns whether names are
 * shown in full; refuses a reveal by someone who may not.
 */
export async function revealDonorNames(
  db: Queryable,
  access: FurusatoAccess,
  actor: Actor,
  reveal: boolean,
  what: string,
  count: number,
): Promise<boolean> {
  requireDonorRecords(access);
  if (!reveal) return false;
  if (!access.manager) throw new Forbidden("寄附者名を表示できるのは、ふるさと納税の担当者だけです。");
  await recordDonorView(db, actor, what, count);
  return true;
}

/** The audit row of a look at donors' personal data (counts only: never a name). */
export async function recordDonorView(db: Queryable, actor: Actor, what: string, count: number, entityId: string | null = null) {
  await recordAudit(db, actor, { action: "view_personal", entityType: "furusato_donation", entityId, summary: `${what}（${count}件）` });
}

/** The gift if the caller may see it: staff see all; a supplier sees its own (others are "not found"). */
export async function visibleGift(db: Queryable, access: FurusatoAccess, giftId: string, on: string): Promise<repo.GiftRow> {
  const gift = await repo.findGift(db, giftId, on);
  if (!gift || (access.supplier && gift.supplier_id !== access.supplier.id)) throw new NotFound("返礼品");
  return gift;
}
