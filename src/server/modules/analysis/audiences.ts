// The analysis module's audiences for the router's gate (see platform/auth/audiences.ts).
import type { AudienceCheck } from "../../platform/auth/audiences";
import { isAnalysisManager } from "./access";

export const analysisAudiences = {
  /** the editors of the bureau responsible for the analyses (app setting analysis.bureauId) and administrators */
  "analysis.manager": ((db, user) => isAnalysisManager(db, user)) satisfies AudienceCheck,
} as const;
