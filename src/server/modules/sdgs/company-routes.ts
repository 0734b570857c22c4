// Routes of the SDGs module's company pages (申請企業: 企業情報, 申請, 証拠書類, 取組状況の報告): each reads its input
// and calls one service function, which finds the caller's company and authorises inside it.
import * as api from "../../../common/api/sdgs-company";
import { readForm } from "../../platform/http/multipart";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as applications from "./company-application-service";
import * as profile from "./company-service";
import * as evidence from "./evidence-service";
import * as reports from "./progress-report-service";

export function registerCompanyRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.getCompanyProfile, (_input, { user }) => profile.getProfile(db, user));
  router.on(api.updateCompanyProfile, ({ body }, { user, actor }) => profile.updateProfile(db, user, actor, body));

  router.on(api.listOpenRounds, (_input, { user }) => applications.listOpenRounds(db, user));
  router.on(api.listCompanyApplications, (_input, { user }) => applications.listApplications(db, user));
  router.on(api.createCompanyApplication, ({ body }, { user, actor }) => applications.createApplication(db, user, actor, body));
  router.on(api.getCompanyApplication, ({ params }, { user }) => applications.getApplication(db, user, params.id));
  router.on(api.saveCompanyApplication, ({ params, body }, { user, actor }) => applications.saveDraft(db, user, actor, params.id, body));
  router.on(api.submitCompanyApplication, ({ params, body }, { user, actor }) =>
    applications.submitApplication(db, user, actor, params.id, body),
  );
  router.on(api.withdrawCompanyApplication, ({ params, body }, { user, actor }) =>
    applications.withdrawApplication(db, user, actor, params.id, body),
  );

  router.on(api.uploadEvidence, async ({ params, query }, { user, actor, c }) =>
    evidence.uploadEvidence(db, user, actor, params.id, query.itemId, (await readForm(c)).file),
  );
  router.on(api.downloadEvidence, ({ params }, { user, actor }) => evidence.downloadEvidence(db, user, actor, params.id, params.fileId));
  router.on(api.deleteEvidence, ({ params }, { user, actor }) => evidence.deleteEvidence(db, user, actor, params.id, params.fileId));

  router.on(api.listCompanyCertifications, (_input, { user }) => reports.listCertifications(db, user));
  router.on(api.getProgressReport, ({ params }, { user }) => reports.getReport(db, user, params.id, params.period));
  router.on(api.saveProgressReport, ({ params, body }, { user, actor }) =>
    reports.saveReport(db, user, actor, params.id, params.period, body),
  );
  router.on(api.submitProgressReport, ({ params, body }, { user, actor }) =>
    reports.submitReport(db, user, actor, params.id, params.period, body),
  );
}
