// 課題 and their ⑤ progress: what the challenge routes call, one function a request. A staff read checks policy.read
// first; citizens read the challenges of published documents only. Each write is one transaction that finds the
// challenge, checks the caller may edit its document, writes, audits and refreshes the challenge's search entry.
import type { ChallengeDetail } from "../../../common/api/policy";
import { asOfLabelFor } from "../../../common/policy/render-text";
import type { Db, Queryable } from "../../db/database";
import { getOrganisation } from "../../platform/admin/organisations";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, can, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { editableDocument, STALE_VERSION_MESSAGE } from "./document-service";
import * as repo from "./repository";
import { indexChallenge } from "./search-index";

// ------------------------------------------------------------------ reading

export type ChallengeListQuery = repo.ChallengeFilter & {
  sort: Parameters<typeof repo.findChallenges>[2]["sort"];
  order: "asc" | "desc";
  page: number;
  pageSize: number;
};

/** The staff challenge list. (`listChallenges` is the same list for callers that checked already: vision, exports.) */
export async function listChallengesForStaff(db: Queryable, user: Principal | null, query: ChallengeListQuery) {
  authorize(user, "policy.read");
  return listChallenges(db, query);
}

export async function listChallenges(db: Queryable, query: ChallengeListQuery) {
  const { sort, order, page, pageSize, ...filter } = query;
  const { rows, total } = await repo.findChallenges(db, filter, { sort, order, page, pageSize });
  return { items: rows.map(repo.toChallengeSummary), total, page, pageSize };
}

export async function getChallenge(db: Queryable, user: Principal | null, id: string): Promise<ChallengeDetail> {
  authorize(user, "policy.read");
  return getChallengeDetail(db, user, id);
}

/** Citizens: a challenge of a published document; any other is "not found". */
export function getPublicChallenge(db: Queryable, id: string): Promise<ChallengeDetail> {
  return getChallengeDetail(db, null, id, { publicOnly: true });
}

/** A challenge with its progress history, newest first. The caller has been checked already. */
export async function getChallengeDetail(
  db: Queryable,
  user: Principal | null,
  id: string,
  opts: { publicOnly?: boolean } = {},
): Promise<ChallengeDetail> {
  const row = await repo.findChallenge(db, id);
  if (!row) throw new NotFound("課題");
  const document = await repo.findDocument(db, row.document_id);
  if (!document || (opts.publicOnly && document.status !== "published")) throw new NotFound("課題");
  const progress = await repo.findProgress(db, [id]);
  return {
    ...repo.toChallengeSummary(row),
    content: row.content,
    background: row.background,
    approachHeading: row.approach_heading,
    approach: row.approach,
    analysisNote: row.analysis_note,
    version: row.version,
    updatedAt: row.updated_at.toISOString(),
    progress: progress.map(repo.toProgressEntry).reverse(), // newest first
    document: repo.toDocumentSummary(document, !opts.publicOnly && can(user, "policy.edit", { organisationId: document.organisation_id })),
  };
}

// ------------------------------------------------------------------ editing

export async function updateChallenge(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  patch: {
    version: number;
    name?: string;
    content?: string;
    background?: string;
    approachHeading?: string;
    approach?: string;
    analysisNote?: string | null;
    analysisYear?: number | null;
    category?: string | null;
    ownerOrganisationId?: string | null;
  },
): Promise<ChallengeDetail> {
  await db.transaction(async (tx) => {
    const before = await repo.findChallenge(tx, id);
    if (!before) throw new NotFound("課題");
    const document = await editableDocument(tx, user, before.document_id);
    if (patch.ownerOrganisationId) {
      const owner = await getOrganisation(tx, patch.ownerOrganisationId);
      if (!["bureau", "department", "division"].includes(owner.kind)) {
        throw new ValidationError("担当課は市の局・部・課から選んでください。", { ownerOrganisationId: "担当課が正しくありません。" });
      }
    }
    if (patch.category && !document.categories.includes(patch.category)) {
      throw new ValidationError("分類は方針の概要にあるものから選んでください。", { category: "分類が正しくありません。" });
    }
    const next = {
      name: patch.name ?? before.name,
      content: patch.content ?? before.content,
      background: patch.background ?? before.background,
      approachHeading: patch.approachHeading ?? before.approach_heading,
      approach: patch.approach ?? before.approach,
      analysisNote: patch.analysisNote !== undefined ? patch.analysisNote || null : before.analysis_note,
      analysisYear: patch.analysisYear !== undefined ? patch.analysisYear : before.analysis_year,
      category: patch.category !== undefined ? patch.category : before.category,
      ownerOrganisationId: patch.ownerOrganisationId !== undefined ? patch.ownerOrganisationId : before.owner_organisation_id,
    };
    if (!(await repo.updateChallengeRow(tx, id, patch.version, next))) throw new Conflict(STALE_VERSION_MESSAGE, "stale_version");
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "policy_challenge",
      entityId: id,
      summary: `課題${before.code}「${next.name}」を編集`,
      before: {
        name: before.name,
        content: before.content,
        background: before.background,
        approachHeading: before.approach_heading,
        approach: before.approach,
        analysisNote: before.analysis_note,
        analysisYear: before.analysis_year,
        category: before.category,
        ownerOrganisationId: before.owner_organisation_id,
      },
      after: next,
    });
    const updated = await repo.findChallenge(tx, id);
    if (updated) await indexChallenge(tx, document, updated);
  });
  return getChallengeDetail(db, user, id);
}

/** ⑤ a new progress entry for a 時点; earlier entries stay as history. */
export async function addProgress(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { asOf: string; asOfLabel?: string; text: string; status: string | null },
): Promise<ChallengeDetail> {
  await db.transaction(async (tx) => {
    const challenge = await repo.findChallenge(tx, id);
    if (!challenge) throw new NotFound("課題");
    const document = await editableDocument(tx, user, challenge.document_id);
    if (input.status) {
      const statuses = await repo.findStatuses(tx);
      if (!statuses.some((s) => s.label === input.status && s.active)) {
        throw new ValidationError("状況は設定された進捗ステータスから選んでください。", { status: "状況が正しくありません。" });
      }
    }
    const asOfLabel = input.asOfLabel || asOfLabelFor(input.asOf);
    const entryId = await repo.insertProgress(tx, {
      challengeId: id,
      asOf: input.asOf,
      asOfLabel,
      text: input.text,
      status: input.status,
      authorUserId: actor.userId,
      authorLabel: actor.label,
    });
    if (!entryId) throw new Conflict("同じ時点・同じ内容の進捗が既に登録されています。");
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "policy_progress",
      entityId: entryId,
      summary: `課題${challenge.code}に進捗（${asOfLabel}）を追加`,
      after: { challengeId: id, asOf: input.asOf, status: input.status, text: input.text },
    });
    const updated = await repo.findChallenge(tx, id);
    if (updated) await indexChallenge(tx, document, updated);
  });
  return getChallengeDetail(db, user, id);
}
