// Who may do what in the zones module (特区の規制改革提案). The bureau that carries the proposals is an app setting
// (zones.bureauId, 政策局): its editors and administrators (zones managers) record proposals, their steps, documents
// and meetings; every member of staff reads. Partners (universities, companies) have no login here: they are named on
// the proposal.
import type { Queryable } from "../../db/database";
import { authorize, can, type OwnedByBureau, type Principal } from "../../platform/auth/permissions";
import { oncePerRequest } from "../../platform/auth/request-memo";
import { Forbidden } from "../../platform/errors";
import { readSetting, writeSetting } from "../../platform/settings";

export const OWNER_SETTING = "zones.bureauId";

/** The bureau that carries the 特区 proposals; read once per request. */
export function zonesOwner(db: Queryable, caller: Principal | null = null): Promise<OwnedByBureau | undefined> {
  return oncePerRequest(caller, OWNER_SETTING, async () => {
    const value = await readSetting<string>(db, OWNER_SETTING);
    return value ? { organisationId: String(value) } : undefined;
  });
}

export async function setZonesOwner(db: Queryable, bureauId: string): Promise<void> {
  await writeSetting(db, OWNER_SETTING, bureauId);
}

export async function isZonesManager(db: Queryable, user: Principal | null): Promise<boolean> {
  return !!user && can(user, "zones.manage", await zonesOwner(db, user));
}

/** Every member of staff reads. */
export function requireZonesReader(user: Principal | null): Principal {
  authorize(user, "zones.read");
  return user;
}

/** Only the bureau's editors and administrators change a proposal. */
export async function requireZonesManager(db: Queryable, user: Principal | null): Promise<Principal> {
  authorize(user, "zones.read");
  if (!(await isZonesManager(db, user))) throw new Forbidden("特区の提案を所管する局の担当者だけが行える操作です。");
  return user;
}
