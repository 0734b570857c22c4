// 経営分析: the routes of the subject part — subjects and peers (list, export, detail, create, edit, delete), peer
// links, facilities and activity measures. Each route parses its input (the contract) and calls one service function,
// which authorises inside it.
import * as api from "../../../common/api/analysis-subjects";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import * as facilities from "./facility-service";
import * as measures from "./measure-service";
import { exportSubjects } from "./subject-export";
import * as subjects from "./subject-service";

export function registerSubjectRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.listSubjects, ({ query }, { user }) => subjects.listSubjects(db, user, query));
  // before /:id, so that "export" is never read as an id
  router.on(api.exportSubjects, ({ query }, { user, actor }) => exportSubjects(db, user, actor, query));
  router.on(api.getSubject, ({ params }, { user }) => subjects.getSubject(db, user, params.id));
  router.on(api.createSubject, ({ body }, { user, actor }) => subjects.createSubject(db, user, actor, body));
  router.on(api.updateSubject, ({ params, body }, { user, actor }) => subjects.updateSubject(db, user, actor, params.id, body));
  router.on(api.deleteSubject, ({ params, query }, { user, actor }) => subjects.deleteSubject(db, user, actor, params.id, query.version));
  router.on(api.addPeer, ({ params, body }, { user, actor }) => subjects.addPeer(db, user, actor, params.id, body.peerId));
  router.on(api.removePeer, ({ params }, { user, actor }) => subjects.removePeer(db, user, actor, params.id, params.peerId));
  router.on(api.addFacility, ({ params, body }, { user, actor }) => facilities.addFacility(db, user, actor, params.id, body));
  router.on(api.updateFacility, ({ params, body }, { user, actor }) => facilities.updateFacility(db, user, actor, params.facilityId, body));
  router.on(api.deleteFacility, ({ params }, { user, actor }) => facilities.deleteFacility(db, user, actor, params.facilityId));
  router.on(api.addMeasure, ({ params, body }, { user, actor }) => measures.addMeasure(db, user, actor, params.id, body));
  router.on(api.updateMeasure, ({ params, body }, { user, actor }) => measures.updateMeasure(db, user, actor, params.measureId, body));
  router.on(api.deleteMeasure, ({ params }, { user, actor }) => measures.deleteMeasure(db, user, actor, params.measureId));
}
