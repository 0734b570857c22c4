// Who may do what in the 国際 module. The bureau that coordinates international work is an app setting
// (international.bureauId, 政策局): its staff see every trip, its editors keep the 分野 list and the travel rates and
// approve and settle trips. Every department enters and keeps its own projects and trips: a record is changed only
// by the editors of the division that owns it (and administrators); every member of staff reads the projects; a
// trip is read by its division, its travellers and the bureau.
import type { Queryable } from "../../db/database";
import { authorize, can, type OwnedByBureau, type Principal } from "../../platform/auth/permissions";
import { oncePerRequest } from "../../platform/auth/request-memo";
import { Forbidden } from "../../platform/errors";
import { readSetting, writeSetting } from "../../platform/settings";

export const OWNER_SETTING = "international.bureauId";

/** The coordinating bureau; given the request's caller, read once per request (the audience check and the service both ask). */
export function internationalOwner(db: Queryable, caller: Principal | null = null): Promise<OwnedByBureau | undefined> {
  return oncePerRequest(caller, OWNER_SETTING, async () => {
    const value = await readSetting<string>(db, OWNER_SETTING);
    return value ? { organisationId: String(value) } : undefined;
  });
}

export async function setInternationalOwner(db: Queryable, bureauId: string): Promise<void> {
  await writeSetting(db, OWNER_SETTING, bureauId);
}

export interface InternationalAccess {
  user: Principal;
  /** keeps the lists, approves and settles trips (the bureau's editors, administrators) */
  manager: boolean;
  /** sees every trip (the bureau's staff of any role, administrators) */
  overview: boolean;
}

export async function accessOf(db: Queryable, user: Principal | null): Promise<InternationalAccess> {
  authorize(user, "international.read");
  const owner = await internationalOwner(db, user);
  return { user, manager: can(user, "international.manage", owner), overview: can(user, "international.overview", owner) };
}

export async function managerAccessOf(db: Queryable, user: Principal | null): Promise<InternationalAccess> {
  const access = await accessOf(db, user);
  if (!access.manager) throw new Forbidden("国際を所管する局の担当者だけが行える操作です。");
  return access;
}

/** A record's owning division may change it; nobody edits another division's project or trip. */
export function canEditRecord(access: InternationalAccess, ownerOrganisationId: string): boolean {
  return can(access.user, "international.edit", { organisationId: ownerOrganisationId });
}

export function requireEditRecord(access: InternationalAccess, ownerOrganisationId: string): void {
  if (!canEditRecord(access, ownerOrganisationId)) throw new Forbidden("この記録を変更できるのは、所管する課の職員だけです。");
}
