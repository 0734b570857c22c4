// Who may do what in the engagement features (有識者会議・Action宣言・周知・浸透). The bureau that runs the vision is
// the app setting vision.bureauId (the core's visionOwner): its editors and administrators manage;
// every member of staff reads and may post an Action宣言; any editor records the outreach events (出前講演 …) of their
// own organisation or 局; a council member's own login (a partner account linked
// from vision_council_members.user_id) reaches the council pages only.
import { fiscalYearOf, todayInJapan } from "../../../common/dates";
import type { Queryable } from "../../db/database";
import { authorize, can, type Principal } from "../../platform/auth/permissions";
import { Forbidden, NotFound, ValidationError } from "../../platform/errors";
import { type PlanRow as CorePlanRow, findPlan, findPlanInForce, visionOwner } from "./core";
import { type CouncilMemberRow, findActiveMemberOfUser } from "./engagement-repository";

export type { CouncilMemberRow } from "./engagement-repository";

export interface EngagementAccess {
  user: Principal;
  /** the vision bureau's editors and administrators: moderation, council records, any outreach event and feeding it */
  manager: boolean;
  /** a member of staff (not an external account) */
  staff: boolean;
  /** the council membership of a partner login (null for staff) */
  member: CouncilMemberRow | null;
}

export async function engagementAccessOf(db: Queryable, user: Principal | null): Promise<EngagementAccess> {
  if (!user) throw new Forbidden();
  if (user.role === "partner") {
    if (!can(user, "vision.council")) throw new Forbidden();
    const member = await findActiveMemberOfUser(db, user.id);
    if (!member) throw new Forbidden("有識者会議の委員として登録されていないため、この画面は利用できません。");
    return { user, manager: false, staff: false, member };
  }
  authorize(user, "vision.read");
  return { user, manager: can(user, "vision.manage", await visionOwner(db, user)), staff: true, member: null };
}

export function requireVisionManager(access: EngagementAccess): void {
  if (!access.manager) throw new Forbidden("新ビジョンの担当者（政策局）だけが行える操作です。");
}

/** The caller's access when they must manage the engagement features (the vision bureau's editors, administrators). */
export async function managerEngagementAccessOf(db: Queryable, user: Principal | null): Promise<EngagementAccess> {
  const access = await engagementAccessOf(db, user);
  requireVisionManager(access);
  return access;
}

/** The caller's access when they must be a member of staff (not a council member's login). */
export async function staffAccessOf(db: Queryable, user: Principal | null): Promise<EngagementAccess> {
  const access = await engagementAccessOf(db, user);
  requireStaff(access);
  return access;
}

/** The organisations whose 周知・浸透 events a non-manager records: their own and their 局 (editors only). */
export function outreachOrganisations(access: EngagementAccess): string[] {
  const candidates = [...new Set([access.user.organisationId, access.user.bureauId])];
  return candidates.filter((id): id is string => id !== null && can(access.user, "vision.outreach", { organisationId: id }));
}

/** 周知・浸透の記録: the vision bureau's managers record and change any event; other editors those of their organisation or 局. */
export function mayRecordOutreach(access: EngagementAccess, organisationId: string | null): boolean {
  if (access.manager) return true;
  return organisationId !== null && can(access.user, "vision.outreach", { organisationId });
}

export function requireOutreachRecorder(access: EngagementAccess, organisationId: string | null): void {
  if (access.manager) return;
  if (outreachOrganisations(access).length === 0) throw new Forbidden("周知・浸透の記録は、各組織の編集者が記録します。");
  if (organisationId === null)
    throw new ValidationError("実施した組織（自分の組織または局）を選んでください。", {
      organisationId: "自分の組織または局を選んでください。",
    });
  if (!mayRecordOutreach(access, organisationId)) throw new Forbidden("自分の組織（または局）が実施した記録だけを記録・変更できます。");
}

/** Changing or deleting a recorded event: the caller must be allowed its organisation (an event of none is the bureau's). */
export function requireOutreachEditable(access: EngagementAccess, event: { organisationId: string | null }): void {
  if (!mayRecordOutreach(access, event.organisationId))
    throw new Forbidden("自分の組織（または局）が実施した記録だけを変更・削除できます。");
}

export function requireStaff(access: EngagementAccess): void {
  if (!access.staff) throw new Forbidden();
}

export type PlanRow = Pick<CorePlanRow, "id" | "name" | "first_fiscal_year" | "last_fiscal_year">;

/**
 * The plan a request is about: the one named, or else the plan in force (its period covers today's fiscal year),
 * real plans before sample ones, the newest first.
 */
export async function resolvePlan(db: Queryable, planId?: string | null): Promise<PlanRow> {
  const plan = planId ? await findPlan(db, planId) : await findPlanInForce(db, currentFiscalYear());
  if (!plan) throw new NotFound("新ビジョンの計画");
  return { id: plan.id, name: plan.name, first_fiscal_year: plan.first_fiscal_year, last_fiscal_year: plan.last_fiscal_year };
}

export const currentFiscalYear = (): number => fiscalYearOf(todayInJapan());
