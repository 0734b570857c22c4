// 申請企業のアカウント: a company signs up on the public page (or accepts an invitation of the former registration
// system), and gets an external organisation, its sdgs_companies row and a partner login, in one transaction with
// the audit rows. The audit rows name the company, never its contact person, e-mail or telephone (personal data).
import type { RegisterInput } from "../../../common/api/sdgs-accounts";
import { REGISTER_LIMIT_PER_HOUR } from "../../../common/api/sdgs-accounts";
import type { Db, Queryable } from "../../db/database";
import { hashNewUserPassword, insertUser } from "../../platform/admin/users";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { hitRateLimit } from "../../platform/auth/rate-limit";
import { Conflict, TooManyRequests } from "../../platform/errors";
import * as repo from "./account-repository";

/** The sign-up body after the contract's parsing (defaults filled in). */
export type CompanyAccountInput = RegisterInput;

const HOUR = 3600;
const LOGIN_TAKEN = "このログインIDは使用できません。別のログインIDを指定してください。";
const NUMBER_TAKEN =
  "この法人番号の企業はすでに登録されています。登録済みのアカウントでログインするか、市の担当窓口にお問い合わせください。";

/** Counts one attempt from the client address; too many in the hour is a 429 with when to try again. */
export async function limitAttempts(db: Queryable, bucket: string, clientAddress: string, perHour: number): Promise<void> {
  const result = await hitRateLimit(db, `${bucket}:${clientAddress}`, perHour, HOUR);
  if (!result.allowed) {
    const minutes = Math.max(1, Math.ceil(result.retryAfterSeconds / 60));
    throw new TooManyRequests(
      `短時間に多くの操作がありました。${minutes}分ほど待ってから、もう一度お試しください。`,
      result.retryAfterSeconds,
    );
  }
}

/** A login id or 法人番号 already in use: 409 naming the field, and nothing more about whose it is. */
async function assertFree(db: Queryable, input: { loginId: string; corporateNumber: string | null }): Promise<void> {
  if (await repo.loginIdTaken(db, input.loginId)) throw new Conflict(LOGIN_TAKEN, "login_taken", { loginId: LOGIN_TAKEN });
  if (input.corporateNumber && (await repo.corporateNumberTaken(db, input.corporateNumber)))
    throw new Conflict(NUMBER_TAKEN, "corporate_number_taken", { corporateNumber: NUMBER_TAKEN });
}

function corporateNumberOf(input: CompanyAccountInput): string | null {
  return input.soleProprietor ? input.corporateNumber || null : input.corporateNumber;
}

export interface AccountOptions {
  /** 旧登録制度の登録番号 (an invitation's) */
  formerRegistrationNumber?: string | null;
  /** runs first inside the transaction (an invitation is consumed there, so that a second use fails) */
  before?: (tx: Queryable) => Promise<void>;
  /** runs last inside the transaction with the new company's id */
  after?: (tx: Queryable, companyId: string) => Promise<void>;
  /** how the company came: shown in the audit log */
  via: "sign_up" | "invitation";
}

/** Creates organisation + company + partner login in one transaction; the password is hashed before it opens. */
export async function createCompanyAccount(
  db: Db,
  actor: Actor,
  input: CompanyAccountInput,
  options: AccountOptions,
): Promise<{ companyId: string; userId: string; loginId: string }> {
  const corporateNumber = corporateNumberOf(input);
  await assertFree(db, { loginId: input.loginId, corporateNumber });
  const passwordHash = await hashNewUserPassword(input.loginId, input.password);
  const recorder: Actor = { ...actor, label: options.via === "invitation" ? "招待からのアカウント登録" : "アカウント登録（申請企業）" };
  return db.transaction(async (tx) => {
    await options.before?.(tx);
    // checked again under the transaction: a concurrent sign-up with the same id or number loses here (or on the
    // unique constraints, which answer the same 409)
    await assertFree(tx, { loginId: input.loginId, corporateNumber });
    const organisationId = await repo.insertCompanyOrganisation(tx, input.companyName);
    const companyId = await repo.insertCompany(tx, {
      organisationId,
      corporateNumber,
      name: input.companyName,
      kana: input.kana,
      postalCode: input.postalCode,
      address: input.address,
      ward: input.ward,
      industry: input.industry,
      size: input.size,
      employees: input.employees,
      contactName: input.contactName,
      contactEmail: input.contactEmail,
      contactPhone: input.contactPhone,
      formerRegistrationNumber: options.formerRegistrationNumber ?? null,
    });
    // The login's display name is the company's: the contact person's name stays out of the header and the log.
    const user = await insertUser(tx, recorder, {
      loginId: input.loginId,
      displayName: input.companyName,
      email: null,
      role: "partner",
      organisationId,
      passwordHash,
    });
    await recordAudit(tx, recorder, {
      action: "create",
      entityType: "sdgs_company",
      entityId: companyId,
      summary:
        options.via === "invitation"
          ? `申請企業「${input.companyName}」が招待からアカウントを登録（旧登録番号 ${options.formerRegistrationNumber ?? "なし"}）`
          : `申請企業「${input.companyName}」がアカウントを登録`,
      after: {
        corporateNumber,
        soleProprietor: input.soleProprietor,
        ward: input.ward,
        industry: input.industry,
        size: input.size,
        formerRegistrationNumber: options.formerRegistrationNumber ?? null,
        loginId: user.loginId,
      },
    });
    await options.after?.(tx, companyId);
    return { companyId, userId: user.id, loginId: user.loginId };
  });
}

/** POST /api/public/sdgs/register */
export async function registerCompany(db: Db, actor: Actor, clientAddress: string, input: CompanyAccountInput) {
  await limitAttempts(db, "sdgs-register", clientAddress, REGISTER_LIMIT_PER_HOUR);
  const account = await createCompanyAccount(db, actor, input, { via: "sign_up" });
  return { ok: true as const, loginId: account.loginId, loginPath: "/login" };
}
