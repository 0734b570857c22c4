// 職員の検索 for the pickers of the 国際 screens (a trip's travellers, a working-group action's owner): any member of
// staff may look colleagues up by a fragment of their name or login id, and is told only what the picker shows —
// name, id and division — never an e-mail address, a telephone number or a role.
import type { StaffMember } from "../../../common/api/international-staff";
import { STAFF_LOOKUP_LIMIT } from "../../../common/api/international-staff";
import type { Queryable } from "../../db/database";
import type { Principal } from "../../platform/auth/permissions";
import { accessOf } from "./access";
import { findStaff } from "./staff-lookup-repository";

/** Up to 20 active staff matching `q`; with `organisationId`, that division's staff only (then `q` may be empty). */
export async function lookupStaff(
  db: Queryable,
  user: Principal | null,
  query: { q: string; organisationId?: string },
): Promise<{ items: StaffMember[] }> {
  await accessOf(db, user);
  // Without a fragment or a division the picker has nothing to narrow: no list of every member of staff.
  if (!query.q && !query.organisationId) return { items: [] };
  const rows = await findStaff(db, { q: query.q, organisationId: query.organisationId, limit: STAFF_LOOKUP_LIMIT });
  return {
    items: rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      organisationId: r.organisation_id,
      organisationName: r.organisation_name,
    })),
  };
}
