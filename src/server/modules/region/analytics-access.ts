// Who reads the アクセス解析: every member of staff, for the whole hub or one 市町 (the figures hold no personal data:
// counts of page views and day-long visitor hashes); a 市町 editor for its own 市町's pages only, whatever it asks.
import type { Queryable } from "../../db/database";
import { authorize, can, type Principal } from "../../platform/auth/permissions";
import { Forbidden } from "../../platform/errors";
import { municipalityOfUser } from "./access";

export interface AnalyticsScope {
  /** the 市町 whose pages are counted, or null for the whole hub */
  municipality: string | null;
  /** a 市町 editor's scope: its own 市町, not to be changed */
  fixed: boolean;
}

export async function analyticsScopeOf(db: Queryable, user: Principal | null, requested: string | undefined): Promise<AnalyticsScope> {
  if (!user) authorize(user, "region.read");
  if (can(user, "region.read")) return { municipality: requested ?? null, fixed: false };
  const own = await municipalityOfUser(db, user);
  if (own) return { municipality: own.code, fixed: true };
  throw new Forbidden("情報ハブのアクセス解析を見られるのは、市の職員と連携市町の編集者です。");
}
