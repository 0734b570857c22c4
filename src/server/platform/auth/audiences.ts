// The audiences a contract names in `allow` (see common/api/contract.ts), checked by the router before any input is
// read. The platform knows the role-based ones; a module registers its own (who runs ふるさと納税, who sits on the
// experts' council) from its manifest, because only the module knows where that is recorded.
import type { Audience } from "../../../common/api/contract";
import type { Queryable } from "../../db/database";
import type { Principal } from "./permissions";

export type AudienceCheck = (db: Queryable, user: Principal) => boolean | Promise<boolean>;

const STAFF_ROLES = new Set(["admin", "editor", "viewer"]);

const checks = new Map<Audience, AudienceCheck>([
  ["signedIn", () => true],
  ["staff", (_, user) => STAFF_ROLES.has(user.role)],
  ["editor", (_, user) => user.role === "admin" || user.role === "editor"],
  ["admin", (_, user) => user.role === "admin"],
]);

/** A module says how to recognise one of its audiences (once, at start-up). */
export function registerAudience(name: Audience, check: AudienceCheck): () => void {
  if (name === "anyone" || checks.has(name)) throw new Error(`audience ${name} is already defined`);
  checks.set(name, check);
  return () => checks.delete(name);
}

/** Throws at start-up when a contract names an audience that no module has registered (a typo, a missing manifest). */
export function assertAudiencesKnown(where: string, allow: readonly Audience[]): void {
  if (allow.length === 0) throw new Error(`${where}: allow is empty; name who may call it`);
  for (const name of allow) if (name !== "anyone" && !checks.has(name)) throw new Error(`${where}: unknown audience ${name}`);
}

/** Whether the signed-in user belongs to one of the audiences; the cheap role checks run before any database look-up. */
export async function admits(db: Queryable, user: Principal, allow: readonly Audience[]): Promise<boolean> {
  const ordered = [...allow].sort((a, b) => Number(a.includes(".")) - Number(b.includes(".")));
  for (const name of ordered) {
    if (name === "anyone") return true;
    const check = checks.get(name);
    if (check && (await check(db, user))) return true;
  }
  return false;
}

/**
 * The module audiences (furusato.manager, vision.council …) the user belongs to. The session carries them so that the
 * web chooses pages by the same rule the router enforces, instead of probing a route and logging its 403.
 */
export async function moduleAudiencesOf(db: Queryable, user: Principal): Promise<Audience[]> {
  const found: Audience[] = [];
  for (const [name, check] of checks) if (name.includes(".") && (await check(db, user))) found.push(name);
  return found;
}
