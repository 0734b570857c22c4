// The records of the region module that meetings belong to (platform/meetings): a framework (関門トップ会談, 協議会,
// the 都市圏域's 担当者会議 with the 市町) and a joint project. Every member of staff reads them; the bureau that
// runs 広域連携 (region managers) records them.
import { can } from "../../platform/auth/permissions";
import type { MeetingOwnerKind } from "../../platform/meetings/owners";
import { isRegionManager } from "./access";
import { findFrameworkName, findProjectName } from "./partnership-repository";

export const frameworkMeetings: MeetingOwnerKind = {
  kind: "region.framework",
  label: "連携の枠組み",
  async describe(db, id) {
    const title = await findFrameworkName(db, id);
    return title === null ? null : { title, path: `/region/frameworks/${id}` };
  },
  canRead: async (_db, user) => can(user, "region.read"),
  canManage: (db, user) => isRegionManager(db, user),
};

export const projectMeetings: MeetingOwnerKind = {
  kind: "region.project",
  label: "連携事業",
  async describe(db, id) {
    const title = await findProjectName(db, id);
    return title === null ? null : { title, path: `/region/projects/${id}` };
  },
  canRead: async (_db, user) => can(user, "region.read"),
  canManage: (db, user) => isRegionManager(db, user),
};
