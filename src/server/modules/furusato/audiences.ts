// The furusato module's audiences for the router's gate (see platform/auth/audiences.ts).
import type { AudienceCheck } from "../../platform/auth/audiences";
import { can } from "../../platform/auth/permissions";
import { furusatoOwner } from "./access";
import { isSupplierOrganisation } from "./repository";

/** furusato.manager: the editors of the bureau that runs ふるさと納税 (app setting furusato.bureauId) and administrators. */
const isFurusatoManager: AudienceCheck = async (db, user) =>
  user.role === "admin" || (user.role === "editor" && can(user, "furusato.manage", await furusatoOwner(db, user)));

/**
 * furusato.donors: donors' personal data is for the staff (any role) of the bureau that runs ふるさと納税 and for
 * administrators; other divisions see totals only.
 */
// The one rule of who sees donors' records (platform/auth/permissions.ts), also used by every handler that shows donors.
const isDonorStaff: AudienceCheck = async (db, user) =>
  user.role === "admin" || can(user, "furusato.donors", await furusatoOwner(db, user));

/** furusato.supplier: a partner login of an organisation that is a registered gift supplier. */
const isSupplierLogin: AudienceCheck = async (db, user) => {
  if (user.role !== "partner") return false;
  return await isSupplierOrganisation(db, user.organisationId);
};

export const furusatoAudiences = {
  "furusato.manager": isFurusatoManager,
  "furusato.donors": isDonorStaff,
  "furusato.supplier": isSupplierLogin,
} as const;
