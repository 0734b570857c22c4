// Routes of 審査会・認証・認証書 (issue 16, committee part): each calls one service function, which checks the caller.
import * as api from "../../../common/api/sdgs-certification";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as certifications from "./certification-service";
import * as committee from "./committee-service";

export function registerCertificationRoutes(router: ApiRouter, { db }: AppDeps): void {
  router.on(api.listCommitteeMeetings, ({ query }, { user }) => committee.listMeetings(db, user, query.roundId));
  router.on(api.createCommitteeMeeting, ({ body }, { user, actor }) => committee.createMeeting(db, user, actor, body));
  router.on(api.getCommitteeMeeting, ({ params }, { user }) => committee.getMeeting(db, user, params.id));
  router.on(api.updateCommitteeMeeting, ({ params, body }, { user, actor }) => committee.updateMeeting(db, user, actor, params.id, body));
  router.on(api.decideApplication, ({ params, body }, { user, actor }) => committee.decide(db, user, actor, params.id, body));

  router.on(api.listCertifications, ({ query }, { user }) => certifications.listCertifications(db, user, query));
  router.on(api.getCertification, ({ params }, { user }) => certifications.getCertification(db, user, params.id));
  router.on(api.revokeCertification, ({ params, body }, { user, actor }) =>
    certifications.revokeCertification(db, user, actor, params.id, body),
  );
  router.on(api.certificatePdf, ({ params }, { user }) => certifications.certificatePdf(db, user, params.id));
  router.on(api.noticePdf, ({ params }, { user }) => certifications.noticePdf(db, user, params.id));

  router.on(api.listProgressReports, ({ query }, { user }) => certifications.listProgressReports(db, user, query.status));
  router.on(api.acceptProgressReport, ({ params, body }, { user, actor }) =>
    certifications.acceptProgressReport(db, user, actor, params.id, body.version),
  );
}
