// Who may do what in the furusato module. The bureau that runs ふるさと納税 is an app setting (furusato.bureauId):
// its editors manage the catalog; a supplier's own logins (partners of the supplier's organisation) see and
// propose only their own gifts; other staff read.
import type { Queryable } from "../../db/database";
import { authorize, can, type OwnedByBureau, type Principal } from "../../platform/auth/permissions";
import { Forbidden, NotFound } from "../../platform/errors";
import * as repo from "./repository";

export const OWNER_SETTING = "furusato.bureauId";

export async function furusatoOwner(db: Queryable): Promise<OwnedByBureau | undefined> {
  const { rows } = await db.query<{ value: string }>("SELECT value #>> '{}' AS value FROM app_settings WHERE key = $1", [OWNER_SETTING]);
  return rows[0] ? { organisationId: rows[0].value } : undefined;
}

export async function setFurusatoOwner(db: Queryable, bureauId: string): Promise<void> {
  await db.query(
    "INSERT INTO app_settings (key, value) VALUES ($1, to_jsonb($2::text)) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()",
    [OWNER_SETTING, bureauId],
  );
}

export interface FurusatoAccess {
  user: Principal;
  /** manages the catalog (the owner bureau's editors, administrators) */
  manager: boolean;
  /** the supplier this user logs in for, when the user is a supplier's account */
  supplier: repo.SupplierRow | null;
}

export async function accessOf(db: Queryable, user: Principal | null): Promise<FurusatoAccess> {
  if (!user) throw new Forbidden();
  if (user.role === "partner") {
    const { rows } = await db.query<{ id: string }>("SELECT id FROM furusato_suppliers WHERE organisation_id = $1", [user.organisationId]);
    const supplier = rows[0] ? await repo.findSupplier(db, rows[0].id) : null;
    if (!supplier || !can(user, "furusato.supply", { organisationId: supplier.organisation_id ?? "" })) throw new Forbidden();
    return { user, manager: false, supplier };
  }
  authorize(user, "furusato.read");
  return { user, manager: can(user, "furusato.manage", await furusatoOwner(db)), supplier: null };
}

export function requireManager(access: FurusatoAccess): void {
  if (!access.manager) throw new Forbidden("ふるさと納税の担当者だけが行える操作です。");
}

/** The gift if the caller may see it: staff see all; a supplier sees its own (others are "not found"). */
export async function visibleGift(db: Queryable, access: FurusatoAccess, giftId: string, on: string): Promise<repo.GiftRow> {
  const gift = await repo.findGift(db, giftId, on);
  if (!gift || (access.supplier && gift.supplier_id !== access.supplier.id)) throw new NotFound("返礼品");
  return gift;
}
