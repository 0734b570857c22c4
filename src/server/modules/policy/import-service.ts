// Importing a 局区方針: parse → confirm → save. A preview (of pasted text or of a Word file read into the same text)
// saves nothing; the save is one transaction that checks the caller may import for the bureau, writes the document,
// its challenges and their ⑤ entries, audits and refreshes the search index.
import { fiscalYearOf } from "../../../common/dates";
import { MISSING_CHALLENGE_NAME, parsePolicyText } from "../../../common/policy/parse";
import type { ChallengeContent, ParseIssue, PolicyDocumentContent } from "../../../common/policy/types";
import type { Db, Queryable } from "../../db/database";
import { getOrganisation } from "../../platform/admin/organisations";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { Conflict, ValidationError } from "../../platform/errors";
import { checkWordUpload } from "../../platform/files/files";
import { reindexDocument } from "./document-service";
import { readPolicyDocx } from "./read-docx";
import * as repo from "./repository";

export interface ImportPreview {
  document: PolicyDocumentContent;
  issues: ParseIssue[];
  canImport: boolean;
  suggestedFiscalYear: number | null;
}

type ImportInput = { text: string; organisationId: string; fiscalYear: number; replaceExisting: boolean; isSample?: boolean };
type ImportResult = { documentId: string; challengeCount: number; warnings: ParseIssue[] };

// ------------------------------------------------------------------ preview (nothing is stored)

/** Parses without saving; the fiscal year is suggested from the latest 時点 (令和6年11月末 → 令和6年度). */
export function previewPolicyText(text: string): ImportPreview {
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

/** Pasted text, previewed for any editor: parsing saves nothing. */
export async function previewImport(user: Principal | null, text: string): Promise<ImportPreview> {
  authorize(user, "policy.preview");
  return previewPolicyText(text);
}

/**
 * A Word file read into the text the parser reads, then previewed like pasted text. The browser gets the text back
 * and saves with it (importDocument), so text and Word go through one path. The caller is checked before the file
 * is looked at, so a refused caller gets 401/403, never "choose a file".
 */
export async function previewImportDocx(user: Principal | null, bytes: Uint8Array | null): Promise<ImportPreview & { text: string }> {
  authorize(user, "policy.preview");
  if (!bytes) throw new ValidationError("ファイルを選んでください。", { file: "ファイルを選んでください。" });
  checkWordUpload(bytes);
  const text = await readPolicyDocx(bytes);
  return { text, ...previewPolicyText(text) };
}

// ------------------------------------------------------------------ save

/**
 * Saves a parsed document for a bureau and fiscal year. A document already there for that bureau and year is
 * updated only with `replaceExisting`: challenges are matched by code and their ⑤ entries are ADDED to the history
 * (an entry already present for the same 時点 and text is not added twice); nothing is deleted.
 */
export async function importDocument(db: Db, user: Principal | null, actor: Actor, input: ImportInput): Promise<ImportResult> {
  return db.transaction(async (tx) => {
    authorize(user, "policy.import", { organisationId: input.organisationId });
    return importInto(tx, actor, input);
  });
}

/** The import itself, for callers that already checked permission (CLI operators, demo data). */
export async function importDocumentAs(db: Db, actor: Actor, input: ImportInput): Promise<ImportResult> {
  return db.transaction((tx) => importInto(tx, actor, input));
}

async function importInto(tx: Queryable, actor: Actor, input: ImportInput): Promise<ImportResult> {
  const preview = previewPolicyText(input.text);
  if (!preview.canImport) {
    const errors = preview.issues.filter((issue) => issue.severity === "error");
    throw new ValidationError(
      errors.length > 0
        ? `取り込めません: ${errors.map((e) => e.message).join(" / ")}`
        : "課題が1件も読み取れませんでした。書式を確認してください。",
    );
  }
  const doc = preview.document;
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
}

async function requireBureau(tx: Queryable, organisationId: string) {
  const organisation = await getOrganisation(tx, organisationId);
  if (organisation.kind !== "bureau")
    throw new ValidationError("局区方針は局（または区）に対して登録します。", { organisationId: "局を選んでください。" });
  return organisation;
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
