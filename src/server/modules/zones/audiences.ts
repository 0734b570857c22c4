// The zones module's audiences for the router's gate (see platform/auth/audiences.ts).
import type { AudienceCheck } from "../../platform/auth/audiences";
import { isZonesManager } from "./access";

export const zonesAudiences = {
  /** the editors of the bureau that carries the 特区 proposals (app setting zones.bureauId) and administrators */
  "zones.manager": ((db, user) => isZonesManager(db, user)) satisfies AudienceCheck,
} as const;
