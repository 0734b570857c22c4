// Who may do what in the region module. The bureau that runs the 北九州都市圏域 hub is an app setting (region.bureauId,
// 政策局): its editors and administrators (region managers) keep the 市町 list and populations, edit and feature any
// 市町's items, run campaigns and read the analytics; every member of staff reads. A 市町's editors are partner logins
// of that 市町's organisation: they import, curate and publish their own 市町's items and nothing else.
import type { Queryable } from "../../db/database";
import { authorize, can, type OwnedByBureau, type Principal } from "../../platform/auth/permissions";
import { oncePerRequest } from "../../platform/auth/request-memo";
import { Forbidden, NotFound } from "../../platform/errors";
import { readSetting, writeSetting } from "../../platform/settings";
import { type ActingMunicipality, findMunicipalityOfOrganisation, findMunicipalityOrganisation } from "./access-repository";

export type { ActingMunicipality };

export const OWNER_SETTING = "region.bureauId";

/** The bureau that runs the hub; read once per request. */
export function regionOwner(db: Queryable, caller: Principal | null = null): Promise<OwnedByBureau | undefined> {
  return oncePerRequest(caller, OWNER_SETTING, async () => {
    const value = await readSetting<string>(db, OWNER_SETTING);
    return value ? { organisationId: String(value) } : undefined;
  });
}

export async function setRegionOwner(db: Queryable, bureauId: string): Promise<void> {
  await writeSetting(db, OWNER_SETTING, bureauId);
}

export async function isRegionManager(db: Queryable, user: Principal | null): Promise<boolean> {
  return !!user && can(user, "region.manage", await regionOwner(db, user));
}

/** Staff of any role read; only the bureau's editors and administrators change. */
export async function requireRegionManager(db: Queryable, user: Principal | null): Promise<Principal> {
  authorize(user, "region.read");
  if (!(await isRegionManager(db, user))) throw new Forbidden("北九州都市圏域の情報ハブを所管する局の担当者だけが行える操作です。");
  return user;
}

/** The 市町 a partner login edits for, or null when it is not a 市町 editor's login. */
export async function municipalityOfUser(db: Queryable, user: Principal | null): Promise<ActingMunicipality | null> {
  if (user?.role !== "partner") return null;
  const found = await oncePerRequest(user, "region.municipality", () => findMunicipalityOfOrganisation(db, user.organisationId));
  return found && can(user, "region.municipality", found) ? found : null;
}

/**
 * Who edits a 市町's items: the region managers (any 市町) and that 市町's own editors. Anyone else — another 市町's
 * editor included — is refused; a 市町 editor asking for another 市町's record gets 404 (it learns nothing of it).
 */
export async function requireMunicipalityEditor(db: Queryable, user: Principal | null, code: string): Promise<Principal> {
  if (!user) authorize(user, "region.read");
  if (await isRegionManager(db, user)) return user;
  const own = await municipalityOfUser(db, user);
  if (own) {
    if (own.code !== code) throw new NotFound("市町の情報");
    return user;
  }
  const municipality = await findMunicipalityOrganisation(db, code);
  if (!municipality) throw new NotFound("市町");
  throw new Forbidden("この市町の情報を編集できるのは、その市町の編集者と所管局の担当者です。");
}

/**
 * The 市町 codes a caller may edit: all (null) for region managers, one for a 市町 editor; 403 for anyone else.
 * Lists filter by it, so a 市町 editor never sees another 市町's drafts.
 */
export async function editableMunicipalities(db: Queryable, user: Principal | null): Promise<{ all: true } | { all: false; code: string }> {
  if (!user) authorize(user, "region.read");
  if (await isRegionManager(db, user)) return { all: true };
  const own = await municipalityOfUser(db, user);
  if (own) return { all: false, code: own.code };
  throw new Forbidden("情報ハブの編集者（市町の編集者または所管局の担当者）だけが行える操作です。");
}
