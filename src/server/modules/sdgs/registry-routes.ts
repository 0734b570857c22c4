// Routes of the public registry (no sign-in, limited per address by the contracts' rateLimit): the certified
// companies valid today, the same as open data (CSV), and 認証の確認 by number.
import * as api from "../../../common/api/sdgs-public";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as registry from "./registry-service";

export function registerRegistryRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.listCertifiedCompanies, ({ query }) => registry.listCertified(db, query));
  router.on(api.downloadCertifiedCompaniesCsv, ({ query }) => registry.certifiedCsv(db, query));
  router.on(api.checkCertificate, ({ params }) => registry.checkCertificateNumber(db, params.number));
}
