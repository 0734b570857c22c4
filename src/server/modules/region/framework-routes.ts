// Region: 連携の枠組み（関門連携・福北連携・都市圏域）— frameworks, their members and agreements.
import * as api from "../../../common/api/region-projects";
import { readForm } from "../../platform/http/multipart";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as frameworks from "./framework-service";

export function registerFrameworkRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.listFrameworks, (_, { user }) => frameworks.listFrameworks(db, user));
  router.on(api.createFramework, ({ body }, { user, actor }) => frameworks.createFramework(db, user, actor, body));
  router.on(api.getFramework, ({ params }, { user }) => frameworks.getFramework(db, user, params.id));
  router.on(api.updateFramework, ({ params, body }, { user, actor }) => frameworks.updateFramework(db, user, actor, params.id, body));
  router.on(api.addFrameworkMember, ({ params, body }, { user, actor }) => frameworks.addMember(db, user, actor, params.id, body));
  router.on(api.updateFrameworkMember, ({ params, body }, { user, actor }) =>
    frameworks.updateMember(db, user, actor, params.id, params.memberId, body),
  );
  router.on(api.removeFrameworkMember, ({ params }, { user, actor }) =>
    frameworks.removeMember(db, user, actor, params.id, params.memberId),
  );
  router.on(api.addAgreement, ({ params, body }, { user, actor }) => frameworks.addAgreement(db, user, actor, params.id, body));
  router.on(api.updateAgreement, ({ params, body }, { user, actor }) =>
    frameworks.updateAgreement(db, user, actor, params.id, params.agreementId, body),
  );
  router.on(api.deleteAgreement, ({ params }, { user, actor }) =>
    frameworks.deleteAgreement(db, user, actor, params.id, params.agreementId),
  );
  router.on(api.uploadAgreementFile, async ({ params }, { user, actor, c }) =>
    frameworks.uploadAgreementFile(db, user, actor, params.id, params.agreementId, (await readForm(c)).file),
  );
  router.on(api.downloadAgreementFile, ({ params }, { user, actor }) =>
    frameworks.downloadAgreementFile(db, user, actor, params.id, params.agreementId),
  );
}
