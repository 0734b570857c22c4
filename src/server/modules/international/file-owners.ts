// Who may read the 国際 module's stored files, judged on the record that owns each one (platform/files/owners.ts asks
// this before any file is served): a project's files by every member of staff, a trip's (its report's included) by
// whoever may read the trip — its division, its travellers, the bureau. External logins read none of them.
import type { Queryable } from "../../db/database";
import type { Principal } from "../../platform/auth/permissions";
import { AppError } from "../../platform/errors";
import type { FileOwnerKind } from "../../platform/files/files";
import type { FileReadRule } from "../../platform/files/owners";
import { accessOf, type InternationalAccess } from "./access";
import { loadTrip } from "./trip-service";

/** The caller's access to the module, or null when it is closed to them (partners, council members). */
async function accessOrNull(db: Queryable, user: Principal): Promise<InternationalAccess | null> {
  try {
    return await accessOf(db, user);
  } catch (error) {
    if (error instanceof AppError && (error.status === 401 || error.status === 403)) return null;
    throw error;
  }
}

export const internationalFileOwners: readonly { kind: FileOwnerKind; rule: FileReadRule }[] = [
  {
    kind: "international.project",
    rule: { canRead: async (db, user) => (await accessOrNull(db, user)) !== null },
  },
  {
    kind: "international.trip",
    rule: {
      async canRead(db, user, file) {
        const access = await accessOrNull(db, user);
        if (!access || !file.ownerId) return false;
        try {
          await loadTrip(db, access, file.ownerId, false);
          return true;
        } catch (error) {
          if (error instanceof AppError && error.status === 404) return false;
          throw error;
        }
      },
    },
  },
];
