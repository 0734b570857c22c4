// The region module's audiences for the router's gate (see platform/auth/audiences.ts).
import type { AudienceCheck } from "../../platform/auth/audiences";
import { isRegionManager, municipalityOfUser } from "./access";

export const regionAudiences = {
  /** the editors of the bureau that runs the hub (app setting region.bureauId) and administrators */
  "region.manager": ((db, user) => isRegionManager(db, user)) satisfies AudienceCheck,
  /** a 市町 editor: a partner login of a member 市町's organisation */
  "region.editor": (async (db, user) => !!(await municipalityOfUser(db, user))) satisfies AudienceCheck,
} as const;
