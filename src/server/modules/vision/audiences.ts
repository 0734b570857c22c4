// The vision module's audiences for the router's gate (see platform/auth/audiences.ts).
import type { AudienceCheck } from "../../platform/auth/audiences";
import { can } from "../../platform/auth/permissions";
import { visionOwner } from "./access";
import { findActiveMemberOfUser } from "./engagement-repository";

/** vision.manager: the editors of the bureau that runs the vision (app setting vision.bureauId) and administrators. */
const isVisionManager: AudienceCheck = async (db, user) =>
  user.role === "admin" || (user.role === "editor" && can(user, "vision.manage", await visionOwner(db, user)));

/** vision.council: a partner login linked to an active experts' council member. */
const isCouncilMember: AudienceCheck = async (db, user) => {
  if (!can(user, "vision.council")) return false;
  return (await findActiveMemberOfUser(db, user.id)) !== null;
};

export const visionAudiences = {
  "vision.manager": isVisionManager,
  "vision.council": isCouncilMember,
} as const;
