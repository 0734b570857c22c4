// Who may do what in the vision module's core. The bureau that runs the vision is an app setting (vision.bureauId,
// 政策局): its editors and administrators manage the plan, the rule and the rounds. An indicator's values are entered
// by its owner (the division that owns it, or the node it hangs on) and by the editors of that owner's 局. Every
// member of staff reads; external accounts (partners) have no access here.
import type { Queryable } from "../../db/database";
import { authorize, can, type OwnedByBureau, type Principal } from "../../platform/auth/permissions";
import { oncePerRequest } from "../../platform/auth/request-memo";
import { Forbidden } from "../../platform/errors";
import { readSetting, writeSetting } from "../../platform/settings";

export const OWNER_SETTING = "vision.bureauId";

/** The bureau that runs the vision; given the request's caller, read once per request (the audience check and the service both ask). */
export function visionOwner(db: Queryable, caller: Principal | null = null): Promise<OwnedByBureau | undefined> {
  return oncePerRequest(caller, OWNER_SETTING, async () => {
    const value = await readSetting<string>(db, OWNER_SETTING);
    return value ? { organisationId: value } : undefined;
  });
}

export async function setVisionOwner(db: Queryable, bureauId: string): Promise<void> {
  await writeSetting(db, OWNER_SETTING, bureauId);
}

export interface VisionAccess {
  user: Principal;
  /** manages plans, rules and rounds (the vision bureau's editors, administrators) */
  manager: boolean;
  ownerBureauId: string | null;
}

export async function accessOf(db: Queryable, user: Principal | null): Promise<VisionAccess> {
  authorize(user, "vision.read");
  const owner = await visionOwner(db, user);
  return { user, manager: can(user, "vision.manage", owner), ownerBureauId: owner?.organisationId ?? null };
}

export function requireManager(access: VisionAccess): void {
  if (!access.manager) throw new Forbidden("新ビジョンを所管する局の担当者だけが行える操作です。");
}

/** The caller's access when they must manage the vision (plan, nodes, indicators, the rule, rounds). */
export async function managerAccessOf(db: Queryable, user: Principal | null): Promise<VisionAccess> {
  const access = await accessOf(db, user);
  requireManager(access);
  return access;
}

/** What the pages need to know of the caller's access. */
export async function describeAccess(db: Queryable, user: Principal | null) {
  const access = await accessOf(db, user);
  return {
    manager: access.manager,
    organisationId: access.user.organisationId,
    bureauId: access.user.bureauId,
    ownerBureauId: access.ownerBureauId,
  };
}

/** The owner of an indicator, as the update rule needs it. */
export interface IndicatorOwnership {
  effective_owner_id: string | null;
  owner_bureau_id: string | null;
}

/**
 * 実績値を入力できるか: the owner organisation's editors (a bureau owner includes its divisions), and the editors who
 * sit in the owner's 局 itself; administrators always.
 */
export function canUpdateIndicator(user: Principal, indicator: IndicatorOwnership): boolean {
  if (can(user, "vision.update")) return true; // administrators
  if (indicator.effective_owner_id && can(user, "vision.update", { organisationId: indicator.effective_owner_id })) return true;
  return (
    indicator.owner_bureau_id !== null &&
    user.organisationId === indicator.owner_bureau_id &&
    can(user, "vision.update", { organisationId: indicator.owner_bureau_id })
  );
}

export function requireUpdate(user: Principal, indicator: IndicatorOwnership & { code: string }): void {
  if (!canUpdateIndicator(user, indicator))
    throw new Forbidden(`指標 ${indicator.code} の実績値を入力する権限がありません（所管の組織の担当者が入力します）。`);
}
