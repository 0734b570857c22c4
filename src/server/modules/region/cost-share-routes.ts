// Region: 負担金 — versioned cost-share rules, computed shares with their inputs, the what-if comparison, PDF and Excel.
import * as api from "../../../common/api/region-cost-shares";
import { readForm } from "../../platform/http/multipart";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { exportComputation } from "./cost-share-export";
import { importFigures } from "./cost-share-import";
import * as costShares from "./cost-share-service";

export function registerCostShareRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.listCostRules, ({ query }, { user }) => costShares.listRules(db, user, query.projectId));
  router.on(api.createCostRule, ({ body }, { user, actor }) => costShares.createRule(db, user, actor, body));
  router.on(api.getCostRule, ({ params }, { user }) => costShares.getRule(db, user, params.id));
  router.on(api.createCostRuleVersion, ({ params, body }, { user, actor }) => costShares.createVersion(db, user, actor, params.id, body));
  router.on(api.getCostShareInputs, ({ query }, { user }) => costShares.getInputs(db, user, query.versionIds));
  router.on(api.importCostShareInputs, async ({ query }, { user, c }) =>
    importFigures(db, user, query.versionIds, (await readForm(c)).file),
  );
  router.on(api.previewCostShares, ({ body }, { user }) => costShares.preview(db, user, body));
  router.on(api.compareCostShares, ({ body }, { user }) => costShares.compare(db, user, body));
  router.on(api.saveCostShareComputation, ({ body }, { user, actor }) => costShares.saveComputation(db, user, actor, body));
  router.on(api.getCostShareComputation, ({ params }, { user }) => costShares.getComputation(db, user, params.id));
  router.on(api.exportCostShareComputation, ({ params, query }, { user, actor }) =>
    exportComputation(db, user, actor, params.id, query.format),
  );
}
