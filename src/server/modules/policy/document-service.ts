// 局区方針 documents: what the document routes call, one function a request. A staff read checks policy.read first;
// citizens read published documents only. Each write is one transaction that finds the document, checks the caller
// may edit it (their own bureau's), writes, audits and refreshes the search index.
import type { PolicyDocumentDetail } from "../../../common/api/policy";
import { formatFiscalYear } from "../../../common/dates";
import type { PolicyDocumentContent } from "../../../common/policy/types";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, can, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound } from "../../platform/errors";
import * as repo from "./repository";
import { indexChallenge, indexDocument, removeDocumentFromIndex } from "./search-index";

// ------------------------------------------------------------------ reading

/** The documents staff see, each saying whether this caller may edit it. */
export async function listDocuments(db: Queryable, user: Principal | null, filter: Parameters<typeof repo.findDocuments>[1]) {
  authorize(user, "policy.read");
  const rows = await repo.findDocuments(db, filter);
  return { items: rows.map((row) => repo.toDocumentSummary(row, can(user, "policy.edit", { organisationId: row.organisation_id }))) };
}

/** Citizens: the published documents, none of them editable. */
export async function listPublicDocuments(db: Queryable) {
  const rows = await repo.findDocuments(db, { status: "published" });
  return { items: rows.map((row) => repo.toDocumentSummary(row, false)) };
}

export async function getDocument(db: Queryable, user: Principal | null, id: string): Promise<PolicyDocumentDetail> {
  authorize(user, "policy.read");
  return getDocumentDetail(db, user, id);
}

/** Citizens: a published document; a draft is "not found". */
export function getPublicDocument(db: Queryable, id: string): Promise<PolicyDocumentDetail> {
  return getDocumentDetail(db, null, id, { publicOnly: true });
}

/** A document as staff see it, or (publicOnly) only when it is published. The caller has been checked already. */
export async function getDocumentDetail(
  db: Queryable,
  user: Principal | null,
  id: string,
  opts: { publicOnly?: boolean } = {},
): Promise<PolicyDocumentDetail> {
  const row = await repo.findDocument(db, id);
  if (!row || (opts.publicOnly && row.status !== "published")) throw new NotFound("局区方針");
  const challenges = await repo.findDocumentChallenges(db, id);
  return {
    ...repo.toDocumentSummary(row, !opts.publicOnly && can(user, "policy.edit", { organisationId: row.organisation_id })),
    overviewTitle: row.overview_title,
    missionHeading: row.mission_heading,
    mission: row.mission,
    challengesHeading: row.challenges_heading,
    areas: row.areas,
    categories: row.categories,
    overview: row.overview,
    challenges: challenges.map(repo.toChallengeSummary),
    version: row.version,
  };
}

/** The whole document with every progress entry, as the renderers (text, PDF, Word, Excel) take it. */
export async function documentContent(db: Queryable, id: string): Promise<PolicyDocumentContent & { fiscalYear: number; status: string }> {
  const row = await repo.findDocument(db, id);
  if (!row) throw new NotFound("局区方針");
  const challenges = await repo.findDocumentChallenges(db, id);
  const progress = await repo.findProgress(
    db,
    challenges.map((c) => c.id),
  );
  return {
    fiscalYear: row.fiscal_year,
    status: row.status,
    bureauName: row.bureau_name,
    overviewTitle: row.overview_title,
    title: row.title,
    missionHeading: row.mission_heading,
    mission: row.mission,
    challengesHeading: row.challenges_heading,
    areas: row.areas,
    categories: row.categories,
    overview: row.overview,
    challenges: challenges.map((c) => ({
      code: c.code,
      areaCode: c.area_code,
      number: c.number,
      category: c.category,
      name: c.name,
      content: c.content,
      background: c.background,
      approachHeading: c.approach_heading,
      approach: c.approach,
      analysisNote: c.analysis_note,
      analysisYear: c.analysis_year,
      progress: progress
        .filter((p) => p.challenge_id === c.id)
        .map((p) => ({ asOf: p.as_of, asOfLabel: p.as_of_label, text: p.body, status: p.status })),
    })),
  };
}

// ------------------------------------------------------------------ editing

/** The document, inside the write's transaction, once the caller may edit it (404 first, then 403). */
export async function editableDocument(tx: Queryable, user: Principal | null, id: string) {
  const row = await repo.findDocument(tx, id);
  if (!row) throw new NotFound("局区方針");
  authorize(user, "policy.edit", { organisationId: row.organisation_id });
  return row;
}

export const STALE_VERSION_MESSAGE =
  "他の利用者が先に更新しました。画面を再読み込みして最新の内容を確認してから、もう一度保存してください。";

/** The search entries of a document and of each of its challenges, as they are now. */
export async function reindexDocument(tx: Queryable, documentId: string): Promise<void> {
  const row = await repo.findDocument(tx, documentId);
  if (!row) return;
  await indexDocument(tx, row);
  for (const challenge of await repo.findDocumentChallenges(tx, documentId)) await indexChallenge(tx, row, challenge);
}

export async function updateDocument(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  patch: { version: number; title?: string; overviewTitle?: string; missionHeading?: string; mission?: string },
): Promise<PolicyDocumentDetail> {
  await db.transaction(async (tx) => {
    const before = await editableDocument(tx, user, id);
    if (before.version !== patch.version) throw new Conflict(STALE_VERSION_MESSAGE, "stale_version");
    const fields: repo.DocumentFields = {
      bureauName: before.bureau_name,
      overviewTitle: patch.overviewTitle ?? before.overview_title,
      title: patch.title ?? before.title,
      missionHeading: patch.missionHeading ?? before.mission_heading,
      mission: patch.mission ?? before.mission,
      challengesHeading: before.challenges_heading,
      areas: before.areas,
      categories: before.categories,
      overview: before.overview,
    };
    await repo.updateDocumentFields(tx, id, fields);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "policy_document",
      entityId: id,
      summary: `局区方針「${fields.title}」を編集`,
      before: {
        title: before.title,
        overviewTitle: before.overview_title,
        missionHeading: before.mission_heading,
        mission: before.mission,
      },
      after: { title: fields.title, overviewTitle: fields.overviewTitle, missionHeading: fields.missionHeading, mission: fields.mission },
    });
    await reindexDocument(tx, id);
  });
  return getDocumentDetail(db, user, id);
}

export async function setPublished(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  published: boolean,
): Promise<PolicyDocumentDetail> {
  await db.transaction(async (tx) => {
    const before = await editableDocument(tx, user, id);
    if ((before.status === "published") === published) return;
    await repo.setPublished(tx, id, published, actor.userId);
    await recordAudit(tx, actor, {
      action: published ? "publish" : "unpublish",
      entityType: "policy_document",
      entityId: id,
      summary: `局区方針「${before.title}」を${published ? "公開" : "非公開に"}`,
      before: { status: before.status },
      after: { status: published ? "published" : "draft" },
    });
    await reindexDocument(tx, id);
  });
  return getDocumentDetail(db, user, id);
}

export async function deleteDocument(db: Db, user: Principal | null, actor: Actor, id: string): Promise<{ ok: true }> {
  await db.transaction(async (tx) => {
    const before = await editableDocument(tx, user, id);
    if (before.status === "published") throw new Conflict("公開中の局区方針は削除できません。先に非公開にしてください。");
    const challenges = await repo.findDocumentChallenges(tx, id);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "policy_document",
      entityId: id,
      summary: `局区方針「${before.title}」（${formatFiscalYear(before.fiscal_year)}）を削除`,
      before: { title: before.title, fiscalYear: before.fiscal_year, challenges: challenges.map((c) => c.code), sourceText: undefined },
    });
    await removeDocumentFromIndex(
      tx,
      id,
      challenges.map((c) => c.id),
    );
    await repo.deleteDocumentRow(tx, id);
  });
  return { ok: true };
}
