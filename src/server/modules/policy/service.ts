// 局区方針 domain service: import (parse → confirm → save), reading, editing, progress history, publishing, outputs.
// Every write is one transaction that also writes its audit row and refreshes the search index.
import type { ChallengeDetail, PolicyDocumentDetail, PolicyStatus } from "../../../common/api/policy";
import { fiscalYearOf, formatFiscalYear } from "../../../common/dates";
import { MISSING_CHALLENGE_NAME, parsePolicyText } from "../../../common/policy/parse";
import { asOfLabelFor } from "../../../common/policy/render-text";
import type { ChallengeContent, ParseIssue, PolicyDocumentContent } from "../../../common/policy/types";
import type { Db, Queryable } from "../../db/database";
import { getOrganisation } from "../../platform/admin/organisations";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, can, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import * as repo from "./repository";
import { indexChallenge, indexDocument, removeDocumentFromIndex } from "./search-index";

// ------------------------------------------------------------------ reading

export async function listDocuments(db: Queryable, user: Principal | null, filter: Parameters<typeof repo.findDocuments>[1]) {
  const rows = await repo.findDocuments(db, filter);
  return rows.map((row) => repo.toDocumentSummary(row, can(user, "policy.edit", { organisationId: row.organisation_id })));
}

/** A document as staff see it, or (publicOnly) only when it is published. */
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

export async function listChallenges(
  db: Queryable,
  query: repo.ChallengeFilter & {
    sort: Parameters<typeof repo.findChallenges>[2]["sort"];
    order: "asc" | "desc";
    page: number;
    pageSize: number;
  },
) {
  const { sort, order, page, pageSize, ...filter } = query;
  const { rows, total } = await repo.findChallenges(db, filter, { sort, order, page, pageSize });
  return { items: rows.map(repo.toChallengeSummary), total, page, pageSize };
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

// ------------------------------------------------------------------ import

export interface ImportPreview {
  document: PolicyDocumentContent;
  issues: ParseIssue[];
  canImport: boolean;
  suggestedFiscalYear: number | null;
}

/** Parses without saving; the fiscal year is suggested from the latest 時点 (令和6年11月末 → 令和6年度). */
export function previewImport(text: string): ImportPreview {
  const { document, issues } = parsePolicyText(text);
  const dates = document.challenges.flatMap((c) => c.progress.map((p) => p.asOf)).sort();
  const latest = dates.at(-1);
  return {
    document,
    issues,
    canImport: document.challenges.length > 0 && !issues.some((issue) => issue.severity === "error"),
    suggestedFiscalYear: latest ? fiscalYearOf(latest) : null,
  };
}

async function requireBureau(tx: Queryable, organisationId: string) {
  const organisation = await getOrganisation(tx, organisationId);
  if (organisation.kind !== "bureau")
    throw new ValidationError("局区方針は局（または区）に対して登録します。", { organisationId: "局を選んでください。" });
  return organisation;
}

/**
 * Saves a parsed document for a bureau and fiscal year. A document already there for that bureau and year is
 * updated only with `replaceExisting`: challenges are matched by code and their ⑤ entries are ADDED to the history
 * (an entry already present for the same 時点 and text is not added twice); nothing is deleted.
 */
export async function importDocument(
  db: Db,
  user: Principal | null,
  actor: Actor,
  input: { text: string; organisationId: string; fiscalYear: number; replaceExisting: boolean; isSample?: boolean },
): Promise<{ documentId: string; challengeCount: number; warnings: ParseIssue[] }> {
  authorize(user, "policy.import", { organisationId: input.organisationId });
  return importDocumentAs(db, actor, input);
}

/** The import itself, for callers that already checked permission (CLI operators, demo data). */
export async function importDocumentAs(
  db: Db,
  actor: Actor,
  input: { text: string; organisationId: string; fiscalYear: number; replaceExisting: boolean; isSample?: boolean },
): Promise<{ documentId: string; challengeCount: number; warnings: ParseIssue[] }> {
  const preview = previewImport(input.text);
  if (!preview.canImport) {
    const errors = preview.issues.filter((issue) => issue.severity === "error");
    throw new ValidationError(
      errors.length > 0
        ? `取り込めません: ${errors.map((e) => e.message).join(" / ")}`
        : "課題が1件も読み取れませんでした。書式を確認してください。",
    );
  }
  const doc = preview.document;
  return db.transaction(async (tx) => {
    await requireBureau(tx, input.organisationId);
    const existing = await repo.findDocumentByBureauYear(tx, input.organisationId, input.fiscalYear);
    if (existing && !input.replaceExisting) {
      throw new Conflict(
        "この局・年度の局区方針は既に登録されています。更新として取り込む場合は「既存の方針を更新する」を選んでください。",
        "document_exists",
      );
    }
    const fields: repo.DocumentFields = {
      bureauName: doc.bureauName,
      overviewTitle: doc.overviewTitle,
      title: doc.title,
      missionHeading: doc.missionHeading,
      mission: doc.mission,
      challengesHeading: doc.challengesHeading,
      areas: doc.areas,
      categories: doc.categories,
      overview: doc.overview,
    };
    let documentId: string;
    if (existing) {
      documentId = existing.id;
      await repo.updateDocumentFields(tx, documentId, { ...fields, sourceText: input.text });
    } else {
      documentId = await repo.insertDocument(tx, {
        ...fields,
        organisationId: input.organisationId,
        fiscalYear: input.fiscalYear,
        sourceText: input.text,
        createdBy: actor.userId,
        isSample: input.isSample ?? false,
      });
    }
    let added = 0;
    const stored = new Map(existing ? (await repo.findDocumentChallenges(tx, documentId)).map((row) => [row.code, row]) : []);
    for (const [index, challenge] of doc.challenges.entries()) {
      const challengeId = await repo.upsertChallenge(
        tx,
        documentId,
        keepStoredWhereMissing(challenge, stored.get(challenge.code)),
        index + 1,
      );
      for (const entry of challenge.progress) {
        const id = await repo.insertProgress(tx, {
          challengeId,
          asOf: entry.asOf,
          asOfLabel: entry.asOfLabel,
          text: entry.text,
          status: entry.status,
          authorUserId: actor.userId,
          authorLabel: actor.label,
        });
        if (id) added++;
      }
    }
    await recordAudit(tx, actor, {
      action: existing ? "import_update" : "import",
      entityType: "policy_document",
      entityId: documentId,
      summary: `局区方針「${doc.title}」を取り込み（課題${doc.challenges.length}件、進捗${added}件追加）`,
      after: { organisationId: input.organisationId, fiscalYear: input.fiscalYear, challenges: doc.challenges.map((c) => c.code) },
    });
    await reindexDocument(tx, documentId);
    return { documentId, challengeCount: doc.challenges.length, warnings: preview.issues.filter((i) => i.severity === "warning") };
  });
}

/**
 * A draft is imported with its gaps (a missing ①–④ is only a warning), but updating a stored challenge from such a
 * draft must not blank what is already there: a part the text leaves empty keeps its stored value.
 */
function keepStoredWhereMissing(challenge: ChallengeContent, stored: repo.ChallengeRow | undefined): ChallengeContent {
  if (!stored) return challenge;
  return {
    ...challenge,
    name: challenge.name === MISSING_CHALLENGE_NAME ? stored.name : challenge.name,
    content: challenge.content || stored.content,
    background: challenge.background || stored.background,
    approach: challenge.approach || stored.approach,
    approachHeading: challenge.approach ? challenge.approachHeading : stored.approach_heading,
  };
}

async function reindexDocument(tx: Queryable, documentId: string): Promise<void> {
  const row = await repo.findDocument(tx, documentId);
  if (!row) return;
  await indexDocument(tx, row);
  for (const challenge of await repo.findDocumentChallenges(tx, documentId)) await indexChallenge(tx, row, challenge);
}

// ------------------------------------------------------------------ editing

async function editableDocument(tx: Queryable, user: Principal | null, id: string) {
  const row = await repo.findDocument(tx, id);
  if (!row) throw new NotFound("局区方針");
  authorize(user, "policy.edit", { organisationId: row.organisation_id });
  return row;
}

const STALE = "他の利用者が先に更新しました。画面を再読み込みして最新の内容を確認してから、もう一度保存してください。";

export async function updateDocument(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  patch: { version: number; title?: string; overviewTitle?: string; missionHeading?: string; mission?: string },
): Promise<PolicyDocumentDetail> {
  await db.transaction(async (tx) => {
    const before = await editableDocument(tx, user, id);
    if (before.version !== patch.version) throw new Conflict(STALE, "stale_version");
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

export async function deleteDocument(db: Db, user: Principal | null, actor: Actor, id: string): Promise<void> {
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
}

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
    if (!(await repo.updateChallengeRow(tx, id, patch.version, next))) throw new Conflict(STALE, "stale_version");
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

// ------------------------------------------------------------------ statuses

export const listStatuses = (db: Queryable): Promise<PolicyStatus[]> => repo.findStatuses(db);

export async function saveStatuses(
  db: Db,
  user: Principal | null,
  actor: Actor,
  items: { label: string; tone: PolicyStatus["tone"]; active: boolean }[],
) {
  authorize(user, "policy.configure");
  const labels = items.map((item) => item.label);
  if (new Set(labels).size !== labels.length) throw new ValidationError("同じ名称のステータスが重複しています。");
  return db.transaction(async (tx) => {
    const before = await repo.findStatuses(tx);
    await repo.saveStatusList(tx, items);
    const after = await repo.findStatuses(tx);
    await recordAudit(tx, actor, { action: "update", entityType: "policy_statuses", summary: "進捗ステータスの設定を変更", before, after });
    return after;
  });
}
