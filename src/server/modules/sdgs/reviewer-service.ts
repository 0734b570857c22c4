// 審査員の登録 (the reviewer register), kept by the bureau's managers: a reviewer is a login — an outside expert's
// partner account or a member of staff — registered with an affiliation; a reviewer made inactive can no longer open
// the review pages (the sdgs.reviewer audience asks for an active row), and their submitted scores stay.
import { REVIEWER_CANDIDATE_LIMIT, type ReviewerCandidate, type ReviewerRow } from "../../../common/api/sdgs-screening";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { requireSdgsManager } from "./access";
import * as repo from "./reviewer-repository";

const REVIEWER = "審査員";

function toRow(r: repo.ReviewerRow): ReviewerRow {
  return {
    userId: r.user_id,
    displayName: r.display_name,
    loginId: r.login_id,
    organisationName: r.organisation_name,
    external: r.external,
    affiliation: r.affiliation,
    active: r.active,
    userDisabled: r.user_disabled,
    reviewsDraft: r.reviews_draft,
    reviewsSubmitted: r.reviews_submitted,
    isSample: r.is_sample,
  };
}

export async function listReviewers(db: Queryable, user: Principal | null): Promise<{ items: ReviewerRow[] }> {
  await requireSdgsManager(db, user);
  return { items: (await repo.findReviewers(db)).map(toRow) };
}

export async function listReviewerCandidates(
  db: Queryable,
  user: Principal | null,
  query: { q: string },
): Promise<{ items: ReviewerCandidate[] }> {
  await requireSdgsManager(db, user);
  // nothing typed: no list of every login
  if (!query.q) return { items: [] };
  const rows = await repo.findCandidates(db, query.q, REVIEWER_CANDIDATE_LIMIT);
  return {
    items: rows.map((r) => ({
      id: r.id,
      displayName: r.display_name,
      organisationName: r.organisation_name,
      external: r.external,
      registered: r.registered,
    })),
  };
}

export async function createReviewer(
  db: Db,
  user: Principal | null,
  actor: Actor,
  body: { userId: string; affiliation: string },
): Promise<ReviewerRow> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    const login = await repo.findUser(tx, body.userId);
    if (!login || login.disabled)
      throw new ValidationError("審査員にする利用者を選び直してください（無効なアカウントは選べません）。", {
        userId: "利用者を選び直してください。",
      });
    if (login.company_login)
      throw new ValidationError("申請企業のアカウントは審査員にできません。", { userId: "申請企業のアカウントは選べません。" });
    if (await repo.findReviewer(tx, body.userId))
      throw new Conflict(`${login.display_name}さんはすでに審査員として登録されています。`, "reviewer_exists", {
        userId: "すでに登録されています。",
      });
    await repo.insertReviewer(tx, body.userId, body.affiliation);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "sdgs_reviewer",
      entityId: body.userId,
      summary: `審査員に${login.display_name}さんを登録`,
      after: { affiliation: body.affiliation },
    });
    const row = await repo.findReviewer(tx, body.userId);
    if (!row) throw new NotFound(REVIEWER);
    return toRow(row);
  });
}

export async function updateReviewer(
  db: Db,
  user: Principal | null,
  actor: Actor,
  userId: string,
  body: { active?: boolean; affiliation?: string },
): Promise<ReviewerRow> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    const before = await repo.findReviewer(tx, userId, { forUpdate: true });
    if (!before) throw new NotFound(REVIEWER);
    await repo.updateReviewer(tx, userId, body);
    const after = await repo.findReviewer(tx, userId);
    if (!after) throw new NotFound(REVIEWER);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "sdgs_reviewer",
      entityId: userId,
      summary: `審査員 ${before.display_name}さん：${
        body.active === undefined || body.active === before.active ? "所属を変更" : body.active ? "有効に戻す" : "無効にする"
      }`,
      before: { active: before.active, affiliation: before.affiliation },
      after: { active: after.active, affiliation: after.affiliation },
    });
    return toRow(after);
  });
}
