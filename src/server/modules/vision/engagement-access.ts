// Who may do what in the engagement features (有識者会議・Action宣言・周知・浸透). The bureau that runs the vision is
// the app setting vision.bureauId (the core's visionOwner): its editors and administrators manage;
// every member of staff reads and may post an Action宣言; a council member's own login (a partner account linked
// from vision_council_members.user_id) reaches the council pages only.
import { fiscalYearOf } from "../../../common/dates";
import type { Queryable } from "../../db/database";
import { authorize, can, type Principal } from "../../platform/auth/permissions";
import { Forbidden, NotFound } from "../../platform/errors";
import { visionOwner } from "./access";

export interface CouncilMemberRow {
  id: string;
  plan_id: string;
  name: string;
  affiliation: string;
  user_id: string | null;
  is_chair: boolean;
  active: boolean;
  is_sample: boolean;
}

export interface EngagementAccess {
  user: Principal;
  /** the vision bureau's editors and administrators: moderation, council records, outreach */
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
    const { rows } = await db.query<CouncilMemberRow>("SELECT * FROM vision_council_members WHERE user_id = $1 AND active", [user.id]);
    if (!rows[0]) throw new Forbidden("有識者会議の委員として登録されていないため、この画面は利用できません。");
    return { user, manager: false, staff: false, member: rows[0] };
  }
  authorize(user, "vision.read");
  return { user, manager: can(user, "vision.manage", await visionOwner(db)), staff: true, member: null };
}

export function requireVisionManager(access: EngagementAccess): void {
  if (!access.manager) throw new Forbidden("新ビジョンの担当者（政策局）だけが行える操作です。");
}

export function requireStaff(access: EngagementAccess): void {
  if (!access.staff) throw new Forbidden();
}

export interface PlanRow {
  id: string;
  name: string;
  first_fiscal_year: number;
  last_fiscal_year: number;
}

/**
 * The plan a request is about: the one named, or else the plan in force (its period covers today's fiscal year),
 * real plans before sample ones, the newest first.
 */
export async function resolvePlan(db: Queryable, planId?: string | null): Promise<PlanRow> {
  if (planId) {
    const { rows } = await db.query<PlanRow>("SELECT id, name, first_fiscal_year, last_fiscal_year FROM vision_plans WHERE id = $1", [
      planId,
    ]);
    if (!rows[0]) throw new NotFound("新ビジョンの計画");
    return rows[0];
  }
  const { rows } = await db.query<PlanRow>(
    `SELECT id, name, first_fiscal_year, last_fiscal_year FROM vision_plans
     ORDER BY (first_fiscal_year <= $1 AND last_fiscal_year >= $1) DESC, is_sample, created_at DESC LIMIT 1`,
    [currentFiscalYear()],
  );
  if (!rows[0]) throw new NotFound("新ビジョンの計画");
  return rows[0];
}

export const todayInJapan = (): string => new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10);

export const currentFiscalYear = (): number => fiscalYearOf(todayInJapan());
