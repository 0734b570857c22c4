// The vision module's audiences for the router's gate (see platform/auth/audiences.ts).
import type { AudienceCheck } from "../../platform/auth/audiences";
import { can } from "../../platform/auth/permissions";
import { visionOwner } from "./access";

/** vision.manager: the editors of the bureau that runs the vision (app setting vision.bureauId) and administrators. */
const isVisionManager: AudienceCheck = async (db, user) =>
  user.role === "admin" || (user.role === "editor" && can(user, "vision.manage", await visionOwner(db)));

/** vision.council: a partner login linked to an active experts' council member. */
const isCouncilMember: AudienceCheck = async (db, user) => {
  if (!can(user, "vision.council")) return false;
  const { rows } = await db.query("SELECT 1 FROM vision_council_members WHERE user_id = $1 AND active LIMIT 1", [user.id]);
  return rows.length > 0;
};

export const visionAudiences = {
  "vision.manager": isVisionManager,
  "vision.council": isCouncilMember,
} as const;
