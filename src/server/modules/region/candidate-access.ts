// Who may propose a 連携事業の候補, and for which 局・課: an editor proposes for their own organisation (a 課) or its
// 局 — the departments the seed's 「連携の可能性の高い部門と意見交換」 talks with; an administrator for any 局・課.
// Viewers and outside logins propose nothing. Moving, adopting and dropping are the region managers'
// (requireRegionManager in access.ts).
import type { Organisation } from "../../../common/api/platform";
import type { Queryable } from "../../db/database";
import { listOrganisations } from "../../platform/admin/organisations";
import type { Principal } from "../../platform/auth/permissions";

/** The kinds of organisation a candidate is proposed by: a 局, 部 or 課 of the city (never an outside body). */
const DEPARTMENT_KINDS: readonly Organisation["kind"][] = ["bureau", "department", "division"];

export interface Department {
  id: string;
  /** a 課's name with its 局 (財政局 財政課) */
  name: string;
  kind: Organisation["kind"];
}

/** Every 局・部・課 of the city, in the tree's order, each named with its 局 where it has one. */
export async function listDepartments(db: Queryable): Promise<Department[]> {
  const organisations = await listOrganisations(db);
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const ordered: Department[] = [];
  const visit = (parentId: string | null) => {
    for (const o of organisations.filter((x) => x.parentId === parentId)) {
      if (DEPARTMENT_KINDS.includes(o.kind)) {
        const parent = o.parentId ? byId.get(o.parentId) : undefined;
        const withParent = o.kind !== "bureau" && parent && (parent.kind === "bureau" || parent.kind === "department");
        ordered.push({ id: o.id, name: withParent ? `${parent.name} ${o.name}` : o.name, kind: o.kind });
      }
      visit(o.id);
    }
  };
  visit(null);
  return ordered;
}

/** The 局・課 the caller may propose a candidate for (empty: none). */
export function proposableDepartments(user: Principal | null, departments: readonly Department[]): Department[] {
  if (!user) return [];
  if (user.role === "admin") return [...departments];
  if (user.role !== "editor") return [];
  return departments.filter((d) => d.id === user.organisationId || d.id === user.bureauId);
}
