// Who reads what in the curation screens (access.ts decides who edits): every member of staff reads every 市町's
// items, imports and held rows; a 市町 editor reads their own 市町's only — another 市町's record answers 404, so a
// 市町 editor learns nothing of it. Lists are scoped by readScope, never filtered after the fact.
import type { Queryable } from "../../db/database";
import { can, type Principal } from "../../platform/auth/permissions";
import { Forbidden, NotFound, Unauthenticated } from "../../platform/errors";
import { isRegionManager, municipalityOfUser, requireMunicipalityEditor } from "./access";
import type { MunicipalityScope } from "./item-repository";

/** The 市町 whose records a caller reads: all for staff, their own for a 市町 editor; 401/403 for anyone else. */
export async function readScope(db: Queryable, user: Principal | null): Promise<MunicipalityScope> {
  if (!user) throw new Unauthenticated();
  if (can(user, "region.read")) return { all: true };
  const own = await municipalityOfUser(db, user);
  if (own) return { all: false, code: own.code };
  throw new Forbidden("情報ハブの掲載情報を見られるのは、市の職員と連携市町の編集者です。");
}

/** A record of a 市町 that the caller may read (a 市町 editor's request for another 市町's answers 404 as `what`). */
export async function requireReader(db: Queryable, user: Principal | null, code: string, what: string): Promise<void> {
  const scope = await readScope(db, user);
  if (!scope.all && scope.code !== code) throw new NotFound(what);
}

/** A record the caller may change: the bureau's region editors, or the 市町's own editors (another 市町's: 404). */
export async function requireEditor(db: Queryable, user: Principal | null, code: string, what: string): Promise<Principal> {
  try {
    return await requireMunicipalityEditor(db, user, code);
  } catch (error) {
    // requireMunicipalityEditor names the 市町; the caller's record is what it could not find
    if (error instanceof NotFound) throw new NotFound(what);
    throw error;
  }
}

/** Whether the caller may change a 市町's records (for the screens' buttons; the writes check again). */
export async function mayEdit(db: Queryable, user: Principal | null, code: string): Promise<boolean> {
  if (await isRegionManager(db, user)) return true;
  const own = await municipalityOfUser(db, user);
  return own?.code === code;
}
