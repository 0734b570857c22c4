// HTTP handlers of 全国比較（参考データ）: each calls one function of reference-service.ts, which checks the caller;
// only the uploaded files are read here (that is parsing), and handed on as bytes.
import * as api from "../../../../common/api/furusato-reference";
import { readUploads } from "../../../platform/http/multipart";
import type { ApiRouter } from "../../../platform/http/router";
import type { AppDeps } from "../../../platform/http/types";
import * as reference from "./reference-service";

export function registerReferenceRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.referenceStatus, (_, { user }) => reference.getReferenceStatus(db, user));
  router.on(api.referenceBodies, (_, { user }) => reference.listReferenceBodies(db, user));
  router.on(api.referenceComparison, ({ query }, { user }) => reference.compareReference(db, user, query));
  router.on(api.startReferenceLoad, async (_, { user, actor, c }) =>
    reference.startReferenceLoad(db, deps.jobs, user, actor, await readUploads(c)),
  );
}
