// HTTP handlers of 全国比較（参考データ）: read-only, for the module's staff (furusato.read). Suppliers' logins are
// refused: the figures are public, but this screen is the city's own analysis. Loading is the CLI's job.
import * as api from "../../../../common/api/furusato-reference";
import type { Queryable } from "../../../db/database";
import type { Principal } from "../../../platform/auth/permissions";
import { Forbidden } from "../../../platform/errors";
import type { ApiRouter } from "../../../platform/http/router";
import type { AppDeps } from "../../../platform/http/types";
import { accessOf } from "../access";
import { compare, referenceBodies, referenceStatus } from "./reference";

async function requireStaffReader(db: Queryable, user: Principal | null): Promise<void> {
  const access = await accessOf(db, user);
  if (access.supplier) throw new Forbidden("全国比較は市の職員だけが閲覧できます。");
}

export function registerReferenceRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.referenceStatus, async (_, { user }) => {
    await requireStaffReader(db, user);
    const status = await referenceStatus(db);
    return { ...status, loadedAt: status.loadedAt?.toISOString() ?? null, attribution: api.REFERENCE_ATTRIBUTION };
  });

  router.on(api.referenceBodies, async (_, { user }) => {
    await requireStaffReader(db, user);
    return { items: await referenceBodies(db) };
  });

  router.on(api.referenceComparison, async ({ query }, { user }) => {
    await requireStaffReader(db, user);
    return compare(db, query);
  });
}
