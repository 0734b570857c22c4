// The furusato module's audiences for the router's gate (see platform/auth/audiences.ts).
import { type AudienceCheck, registerAudience } from "../../platform/auth/audiences";
import { can } from "../../platform/auth/permissions";
import { furusatoOwner } from "./access";

/** furusato.manager: the editors of the bureau that runs ふるさと納税 (app setting furusato.bureauId) and administrators. */
const isFurusatoManager: AudienceCheck = async (db, user) =>
  user.role === "admin" || (user.role === "editor" && can(user, "furusato.manage", await furusatoOwner(db)));

/**
 * furusato.donors: donors' personal data is for the staff (any role) of the bureau that runs ふるさと納税 and for
 * administrators; other divisions see totals only.
 */
// The one rule of who sees donors' records (platform/auth/permissions.ts), also used by every handler that shows donors.
const isDonorStaff: AudienceCheck = async (db, user) => user.role === "admin" || can(user, "furusato.donors", await furusatoOwner(db));

/** furusato.supplier: a partner login of an organisation that is a registered gift supplier. */
const isSupplierLogin: AudienceCheck = async (db, user) => {
  if (user.role !== "partner") return false;
  const { rows } = await db.query("SELECT 1 FROM furusato_suppliers WHERE organisation_id = $1 LIMIT 1", [user.organisationId]);
  return rows.length > 0;
};

export function registerFurusatoAudiences(): void {
  registerAudience("furusato.manager", isFurusatoManager);
  registerAudience("furusato.donors", isDonorStaff);
  registerAudience("furusato.supplier", isSupplierLogin);
}
