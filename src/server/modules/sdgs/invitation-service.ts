// 旧登録制度の登録者への招待: the bureau invites a registrant of the former 北九州SDGs登録制度 (one by one here, a file
// of them in invitation-import.ts); the registrant opens the one-time link, fills in the company's profile and a
// login, and the account is made as a sign-up makes it, keeping the former 登録番号. A link is 32 random bytes and
// only its hash is stored, so it is shown once, when made; a reissue makes a new one and the old one dies.
import {
  INVITATION_LOOKUP_LIMIT_PER_HOUR,
  INVITATION_VALID_DAYS,
  type Invitation,
  type InvitationState,
  type IssuedInvitation,
  publicInvitationPath,
} from "../../../common/api/sdgs-accounts";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { hashToken, newToken } from "../../platform/auth/tokens";
import { Conflict, NotFound } from "../../platform/errors";
import { requireSdgsManager } from "./access";
import { formerNumberTaken } from "./account-repository";
import { type CompanyAccountInput, createCompanyAccount, limitAttempts } from "./account-service";
import * as repo from "./invitation-repository";

export const toInvitation = (row: repo.InvitationRow): Invitation => ({
  id: row.id,
  companyName: row.company_name,
  corporateNumber: row.corporate_number,
  formerRegistrationNumber: row.former_registration_number,
  contactName: row.contact_name,
  contactEmail: row.contact_email,
  state: row.state,
  expiresAt: row.expires_at.toISOString(),
  usedAt: row.used_at?.toISOString() ?? null,
  companyId: row.company_id,
  imported: row.import_key !== null,
  createdAt: row.created_at.toISOString(),
  isSample: row.is_sample,
});

/** The whole link to send: the server's public address (PUBLIC_URL) or, without one, the address the request came to. */
export const invitationLink = (origin: string, token: string) => `${origin.replace(/\/$/, "")}${publicInvitationPath(token)}`;

/** What the audit log keeps of an invitation: the company and its 登録番号, not the contact person or e-mail. */
const auditView = (row: repo.InvitationRow) => ({
  companyName: row.company_name,
  corporateNumber: row.corporate_number,
  formerRegistrationNumber: row.former_registration_number,
  expiresAt: row.expires_at.toISOString(),
});

const NOT_VALID = "招待リンク";

export async function listInvitations(
  db: Db,
  user: Principal | null,
  query: { state?: InvitationState; q?: string; page: number; pageSize: number },
) {
  await requireSdgsManager(db, user);
  const { rows, total, counts } = await repo.listInvitations(db, query);
  return { items: rows.map(toInvitation), total, page: query.page, pageSize: query.pageSize, counts };
}

export async function createInvitation(
  db: Db,
  user: Principal | null,
  actor: Actor,
  origin: string,
  body: { companyName: string; corporateNumber: string; contactName: string; contactEmail: string; formerRegistrationNumber: string },
): Promise<IssuedInvitation> {
  await requireSdgsManager(db, user);
  const former = body.formerRegistrationNumber || null;
  const corporateNumber = body.corporateNumber || null;
  if (former) {
    const taken = await repo.formerNumbersTaken(db, [former]);
    const source = taken.get(former);
    if (source) {
      const message =
        source === "registered"
          ? `登録番号 ${former} の事業者はすでにアカウントを登録しています。`
          : `登録番号 ${former} の事業者はすでに招待しています。リンクを送り直すときは一覧から再発行してください。`;
      throw new Conflict(message, "already_invited", { formerRegistrationNumber: message });
    }
  }
  if (corporateNumber && (await repo.corporateNumbersRegistered(db, [corporateNumber])).size > 0) {
    const message = "この法人番号の企業はすでにアカウントを登録しています。";
    throw new Conflict(message, "corporate_number_taken", { corporateNumber: message });
  }
  const token = newToken();
  return db.transaction(async (tx) => {
    const [row] = await repo.insertInvitations(tx, [
      {
        tokenHash: hashToken(token),
        companyName: body.companyName,
        corporateNumber,
        contactName: body.contactName,
        contactEmail: body.contactEmail,
        formerRegistrationNumber: former,
        validDays: INVITATION_VALID_DAYS,
        importKey: null,
        createdBy: user?.id ?? null,
      },
    ]);
    await recordAudit(tx, actor, {
      action: "issue",
      entityType: "sdgs_invitation",
      entityId: row.id,
      summary: `「${row.company_name}」への招待リンクを発行${former ? `（旧登録番号 ${former}）` : ""}`,
      after: auditView(row),
    });
    return { invitation: toInvitation(row), link: invitationLink(origin, token) };
  });
}

async function unusedOr409(db: Queryable, id: string, lock = false) {
  const row = await repo.findInvitation(db, id, { lock });
  if (!row) throw new NotFound("招待");
  if (row.state === "used") throw new Conflict("この招待はすでに使われ、アカウントが登録されています。", "invitation_used");
  return row;
}

export async function reissueInvitation(
  db: Db,
  user: Principal | null,
  actor: Actor,
  origin: string,
  id: string,
): Promise<IssuedInvitation> {
  await requireSdgsManager(db, user);
  const token = newToken();
  return db.transaction(async (tx) => {
    const before = await unusedOr409(tx, id, true);
    await repo.reissueInvitation(tx, id, hashToken(token), INVITATION_VALID_DAYS);
    const after = (await repo.findInvitation(tx, id)) as repo.InvitationRow;
    await recordAudit(tx, actor, {
      action: "reissue",
      entityType: "sdgs_invitation",
      entityId: id,
      summary: `「${after.company_name}」への招待リンクを再発行（前のリンクは無効）`,
      before: auditView(before),
      after: auditView(after),
    });
    return { invitation: toInvitation(after), link: invitationLink(origin, token) };
  });
}

export async function deleteInvitation(db: Db, user: Principal | null, actor: Actor, id: string): Promise<{ ok: true }> {
  await requireSdgsManager(db, user);
  return db.transaction(async (tx) => {
    const before = await unusedOr409(tx, id, true);
    await repo.deleteInvitation(tx, id);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "sdgs_invitation",
      entityId: id,
      summary: `「${before.company_name}」への招待を取り消し`,
      before: auditView(before),
    });
    return { ok: true as const };
  });
}

// ------------------------------------------------------------------ public: the invitee

/** GET /api/public/sdgs/invitations/:token — unknown, used and expired links are the same 404. */
export async function getPublicInvitation(db: Db, clientAddress: string, token: string) {
  await limitAttempts(db, "sdgs-invitation", clientAddress, INVITATION_LOOKUP_LIMIT_PER_HOUR);
  const row = await repo.findValidInvitationByHash(db, hashToken(token));
  if (!row) throw new NotFound(NOT_VALID);
  return {
    companyName: row.company_name,
    corporateNumber: row.corporate_number,
    formerRegistrationNumber: row.former_registration_number,
    expiresAt: row.expires_at.toISOString(),
  };
}

/** POST /api/public/sdgs/invitations/:token — the account, the former 登録番号 kept, the invitation used. */
export async function acceptInvitation(db: Db, actor: Actor, clientAddress: string, token: string, input: CompanyAccountInput) {
  await limitAttempts(db, "sdgs-invitation", clientAddress, INVITATION_LOOKUP_LIMIT_PER_HOUR);
  const tokenHash = hashToken(token);
  const found = await repo.findValidInvitationByHash(db, tokenHash);
  if (!found) throw new NotFound(NOT_VALID);
  // A 登録番号 that became a company some other way (a manual fix) is not carried twice.
  const former =
    found.former_registration_number && !(await formerNumberTaken(db, found.former_registration_number))
      ? found.former_registration_number
      : null;
  let invitationId = found.id;
  const account = await createCompanyAccount(db, actor, input, {
    via: "invitation",
    formerRegistrationNumber: former,
    async before(tx) {
      const used = await repo.consumeInvitation(tx, tokenHash);
      if (!used) throw new NotFound(NOT_VALID);
      invitationId = used.id;
    },
    async after(tx, companyId) {
      await repo.setInvitationCompany(tx, invitationId, companyId);
      await recordAudit(
        tx,
        { ...actor, label: "招待からのアカウント登録" },
        {
          action: "update",
          entityType: "sdgs_invitation",
          entityId: invitationId,
          summary: `「${input.companyName}」が招待を使ってアカウントを登録`,
          after: { companyId, usedAt: new Date().toISOString() },
        },
      );
    },
  });
  return { ok: true as const, loginId: account.loginId, loginPath: "/login" };
}
