// Who may do what in the 経営分析 module. The bureau responsible for the analyses is an app setting
// (analysis.bureauId, 政策局): its editors and administrators (analysis managers) keep the subjects, peers, figures
// and analyses; every member of staff reads them, since the results feed every department's own reviews. An action's
// owner division closes its own follow-up actions (review service). Outside logins have no access.
import type { Queryable } from "../../db/database";
import { authorize, can, type OwnedByBureau, type Principal } from "../../platform/auth/permissions";
import { oncePerRequest } from "../../platform/auth/request-memo";
import { Forbidden } from "../../platform/errors";
import { readSetting, writeSetting } from "../../platform/settings";

export const OWNER_SETTING = "analysis.bureauId";

/** The bureau responsible for the analyses; read once per request. */
export function analysisOwner(db: Queryable, caller: Principal | null = null): Promise<OwnedByBureau | undefined> {
  return oncePerRequest(caller, OWNER_SETTING, async () => {
    const value = await readSetting<string>(db, OWNER_SETTING);
    return value ? { organisationId: String(value) } : undefined;
  });
}

export async function setAnalysisOwner(db: Queryable, bureauId: string): Promise<void> {
  await writeSetting(db, OWNER_SETTING, bureauId);
}

export async function isAnalysisManager(db: Queryable, user: Principal | null): Promise<boolean> {
  return !!user && can(user, "analysis.manage", await analysisOwner(db, user));
}

/** Every member of staff reads. */
export function requireAnalysisReader(user: Principal | null): Principal {
  authorize(user, "analysis.read");
  return user;
}

/** Only the responsible bureau's editors and administrators change subjects, figures and analyses. */
export async function requireAnalysisManager(db: Queryable, user: Principal | null): Promise<Principal> {
  authorize(user, "analysis.read");
  if (!(await isAnalysisManager(db, user))) throw new Forbidden("経営分析を所管する局の担当者だけが行える操作です。");
  return user;
}
