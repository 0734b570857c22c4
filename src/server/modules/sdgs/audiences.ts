// The SDGs module's audiences for the router's gate (see platform/auth/audiences.ts).
import type { AudienceCheck } from "../../platform/auth/audiences";
import { AppError } from "../../platform/errors";
import { bankOfUser, companyOfUser, isActiveReviewer, isSdgsManager } from "./access";

/** sdgs.manager: the editors of the bureau that runs the programme (app setting sdgs.bureauId) and administrators. */
const isManager: AudienceCheck = (db, user) => isSdgsManager(db, user);

/** Turns a 403 of the access helpers into "not in the audience". */
function asCheck(find: AudienceCheck): AudienceCheck {
  return async (db, user) => {
    try {
      return await find(db, user);
    } catch (error) {
      if (error instanceof AppError && error.status === 403) return false;
      throw error;
    }
  };
}

/** an active 審査員 */
const isReviewer: AudienceCheck = (db, user) => isActiveReviewer(db, user);

export const sdgsAudiences = {
  "sdgs.manager": isManager,
  /** a partner login of a registered applicant company */
  "sdgs.company": asCheck(async (db, user) => !!(await companyOfUser(db, user))),
  /** a partner login of an active partner bank */
  "sdgs.bank": asCheck(async (db, user) => !!(await bankOfUser(db, user))),
  "sdgs.reviewer": isReviewer,
} as const;
