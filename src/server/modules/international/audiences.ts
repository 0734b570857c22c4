// The 国際 module's audience for the router's gate (see platform/auth/audiences.ts).
import type { AudienceCheck } from "../../platform/auth/audiences";
import { can } from "../../platform/auth/permissions";
import { internationalOwner } from "./access";

/** international.manager: the editors of the coordinating bureau (app setting international.bureauId) and administrators. */
const isInternationalManager: AudienceCheck = async (db, user) =>
  user.role === "admin" || (user.role === "editor" && can(user, "international.manage", await internationalOwner(db, user)));

export const internationalAudiences = { "international.manager": isInternationalManager } as const;
