// Who may do what in the SDGs module. The bureau that runs サステナブル経営認証 and the SDGsステーション is an app
// setting (sdgs.bureauId, 政策局): its editors keep the rounds' rules, screen applications, record the committee's
// decisions and the station's work; every member of staff reads. Outside logins act for their own organisation only:
// a company's partner logins for that company's applications and reports, a bank's for that bank's finance records;
// a reviewer (sdgs_reviewers) scores the applications in review.
import type { Queryable } from "../../db/database";
import { authorize, can, type OwnedByBureau, type Principal } from "../../platform/auth/permissions";
import { oncePerRequest } from "../../platform/auth/request-memo";
import { Forbidden, NotFound } from "../../platform/errors";
import { readSetting, writeSetting } from "../../platform/settings";
import {
  type ActingOrganisation,
  findActiveBankOfOrganisation,
  findCompanyOfOrganisation,
  isActiveReviewerUser,
} from "./access-repository";

export const OWNER_SETTING = "sdgs.bureauId";

/** The bureau that runs the programme; read once per request. */
export function sdgsOwner(db: Queryable, caller: Principal | null = null): Promise<OwnedByBureau | undefined> {
  return oncePerRequest(caller, OWNER_SETTING, async () => {
    const value = await readSetting<string>(db, OWNER_SETTING);
    return value ? { organisationId: String(value) } : undefined;
  });
}

export async function setSdgsOwner(db: Queryable, bureauId: string): Promise<void> {
  await writeSetting(db, OWNER_SETTING, bureauId);
}

export async function isSdgsManager(db: Queryable, user: Principal | null): Promise<boolean> {
  return !!user && can(user, "sdgs.manage", await sdgsOwner(db, user));
}

/** Staff of any role read; only the bureau's editors and administrators change. */
export async function requireSdgsManager(db: Queryable, user: Principal | null): Promise<Principal> {
  authorize(user, "sdgs.read");
  if (!(await isSdgsManager(db, user))) throw new Forbidden("サステナブル経営認証を所管する局の担当者だけが行える操作です。");
  return user;
}

/** The company a partner login acts for, or 403 when the login is not a registered company's. */
export async function companyOfUser(db: Queryable, user: Principal | null): Promise<ActingOrganisation> {
  if (user?.role !== "partner") throw new Forbidden("申請企業のアカウントでログインしてください。");
  const company = await oncePerRequest(user, "sdgs.company", () => findCompanyOfOrganisation(db, user.organisationId));
  if (!company || !can(user, "sdgs.company", company)) throw new Forbidden("申請企業のアカウントでログインしてください。");
  return company;
}

/** The bank a partner login acts for, or 403. */
export async function bankOfUser(db: Queryable, user: Principal | null): Promise<ActingOrganisation> {
  if (user?.role !== "partner") throw new Forbidden("提携金融機関のアカウントでログインしてください。");
  const bank = await oncePerRequest(user, "sdgs.bank", () => findActiveBankOfOrganisation(db, user.organisationId));
  if (!bank || !can(user, "sdgs.bank", bank)) throw new Forbidden("提携金融機関のアカウントでログインしてください。");
  return bank;
}

/** Whether the user is an active 審査員 (a partner login of an outside expert, or a member of staff). */
export async function isActiveReviewer(db: Queryable, user: Principal | null): Promise<boolean> {
  if (!user) return false;
  return oncePerRequest(user, "sdgs.reviewer", () => isActiveReviewerUser(db, user.id));
}

export async function requireReviewer(db: Queryable, user: Principal | null): Promise<Principal> {
  if (!user || !(await isActiveReviewer(db, user))) throw new Forbidden("審査員として登録されたアカウントだけが行える操作です。");
  return user;
}

/** A record of another company is the same 404 as a missing one: a company learns nothing of others' applications. */
export function notFoundForOthers(what: string): NotFound {
  return new NotFound(what);
}
