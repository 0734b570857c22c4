// Authorisation as small named predicates, called in every handler: can(user, "policy.edit", { organisationId }).
import type { Role } from "../../../common/api/platform";
import { Forbidden, Unauthenticated } from "../errors";

export interface Principal {
  id: string;
  loginId: string;
  displayName: string;
  role: Role;
  organisationId: string;
  organisationName: string;
  /** the 局 the user belongs to (their organisation or its nearest bureau ancestor) */
  bureauId: string | null;
  bureauName: string | null;
}

const STAFF: readonly Role[] = ["admin", "editor", "viewer"];

/** The resource a policy action is about: the bureau that owns the document. */
export interface OwnedByBureau {
  organisationId: string;
}

type Rule = (user: Principal, resource?: OwnedByBureau) => boolean;

const rules = {
  "admin.manage": (user) => user.role === "admin",
  "audit.read": (user) => user.role === "admin",
  "staff.read": (user) => STAFF.includes(user.role),
  "policy.read": (user) => STAFF.includes(user.role),
  // A bureau's editors change its documents; administrators change any.
  "policy.edit": (user, doc) => user.role === "admin" || (user.role === "editor" && !!doc && doc.organisationId === user.bureauId),
  "policy.import": (user, doc) => user.role === "admin" || (user.role === "editor" && !!doc && doc.organisationId === user.bureauId),
  // Parsing a document to preview it: anyone who may import for some bureau.
  "policy.preview": (user) => user.role === "admin" || user.role === "editor",
  "policy.configure": (user) => user.role === "admin",
  "furusato.read": (user) => STAFF.includes(user.role),
  // The bureau that runs ふるさと納税 (app setting furusato.bureauId) manages the catalog; administrators too.
  "furusato.manage": (user, owner) =>
    user.role === "admin" || (user.role === "editor" && !!owner && owner.organisationId === user.bureauId),
  // Donors' records (寄附台帳, 出荷, ワンストップ特例, 受領証明書): the staff of any role of the organisation that runs
  // ふるさと納税 (its 局, or that organisation itself) and administrators; other divisions see totals only.
  "furusato.donors": (user, owner) =>
    user.role === "admin" ||
    ((user.role === "editor" || user.role === "viewer") &&
      !!owner &&
      (owner.organisationId === user.bureauId || owner.organisationId === user.organisationId)),
  // A supplier's own logins: partners whose organisation is the supplier's.
  "furusato.supply": (user, supplier) => user.role === "partner" && !!supplier && supplier.organisationId === user.organisationId,
  "vision.read": (user) => STAFF.includes(user.role),
  // The bureau that runs the vision (app setting vision.bureauId, 政策局): plan, rounds, moderation, council records.
  "vision.manage": (user, owner) => user.role === "admin" || (user.role === "editor" && !!owner && owner.organisationId === user.bureauId),
  // An indicator's owner (a division, or a bureau and all its divisions) enters its values.
  "vision.update": (user, owner) =>
    user.role === "admin" ||
    (user.role === "editor" && !!owner && (owner.organisationId === user.organisationId || owner.organisationId === user.bureauId)),
  // Bulk import of actual values: any editor (each row is then checked against the indicator's owner).
  "vision.import": (user) => user.role === "admin" || user.role === "editor",
  // 周知・浸透の記録 (出前講演 …): an editor records the events of their own organisation or 局 (the vision bureau's
  // managers, checked with vision.manage, record any).
  "vision.outreach": (user, org) =>
    user.role === "admin" ||
    (user.role === "editor" && !!org && (org.organisationId === user.organisationId || org.organisationId === user.bureauId)),
  // Every member of staff may post an Action宣言.
  "vision.declare": (user) => STAFF.includes(user.role),
  // Experts' council members are external accounts; membership itself is checked against vision_council_members.
  "vision.council": (user) => user.role === "partner",
  // 国際: every member of staff reads the projects; a record (project, trip, received visit) is changed only by the
  // editors of the division that owns it (administrators too); the bureau that coordinates international work
  // (app setting international.bureauId) keeps the lists, approves and settles trips, and sees every trip.
  "international.read": (user) => STAFF.includes(user.role),
  "international.edit": (user, owner) =>
    user.role === "admin" || (user.role === "editor" && !!owner && owner.organisationId === user.organisationId),
  "international.manage": (user, owner) =>
    user.role === "admin" || (user.role === "editor" && !!owner && owner.organisationId === user.bureauId),
  "international.overview": (user, owner) =>
    user.role === "admin" || (STAFF.includes(user.role) && !!owner && owner.organisationId === user.bureauId),
  // SDGs (サステナブル経営認証, SDGsステーション): every member of staff reads; the bureau that runs the programme (app
  // setting sdgs.bureauId) edits rounds, screens, records committee decisions and keeps the station's records. A
  // company's partner logins act for that company only; a bank's for that bank only; reviewers are checked against
  // sdgs_reviewers by the module.
  "sdgs.read": (user) => STAFF.includes(user.role),
  "sdgs.manage": (user, owner) => user.role === "admin" || (user.role === "editor" && !!owner && owner.organisationId === user.bureauId),
  "sdgs.company": (user, company) => user.role === "partner" && !!company && company.organisationId === user.organisationId,
  "sdgs.bank": (user, bank) => user.role === "partner" && !!bank && bank.organisationId === user.organisationId,
  // 北九州都市圏域 hub: every member of staff reads; the bureau that runs the hub (app setting region.bureauId) edits
  // every 市町's items, features them, keeps the 市町 list, populations, campaigns and analytics. A 市町's editors are
  // partner logins of that 市町's organisation (region_municipalities.organisation_id) and edit its items only.
  "region.read": (user) => STAFF.includes(user.role),
  "region.manage": (user, owner) => user.role === "admin" || (user.role === "editor" && !!owner && owner.organisationId === user.bureauId),
  // 連携市町・人口の一括登録: any editor may start one; the import itself refuses anyone but a region manager.
  "region.import": (user) => user.role === "admin" || user.role === "editor",
  "region.municipality": (user, municipality) =>
    user.role === "partner" && !!municipality && municipality.organisationId === user.organisationId,
  // 特区の規制改革提案: every member of staff reads; the bureau that carries the proposals (app setting zones.bureauId)
  // records them, their steps, documents and meetings.
  "zones.read": (user) => STAFF.includes(user.role),
  "zones.manage": (user, owner) => user.role === "admin" || (user.role === "editor" && !!owner && owner.organisationId === user.bureauId),
  // 経営分析: every member of staff reads; the bureau responsible for the analyses (app setting analysis.bureauId)
  // keeps subjects, peers, figures and analyses.
  "analysis.read": (user) => STAFF.includes(user.role),
  "analysis.manage": (user, owner) =>
    user.role === "admin" || (user.role === "editor" && !!owner && owner.organisationId === user.bureauId),
} satisfies Record<string, Rule>;

export type Action = keyof typeof rules;

export function can(user: Principal | null, action: Action, resource?: OwnedByBureau): boolean {
  if (!user) return false;
  return (rules[action] as Rule)(user, resource);
}

/** Throws Unauthenticated / Forbidden unless `can` allows it. */
export function authorize(user: Principal | null, action: Action, resource?: OwnedByBureau): asserts user is Principal {
  if (!user) throw new Unauthenticated();
  if (!can(user, action, resource)) throw new Forbidden();
}
