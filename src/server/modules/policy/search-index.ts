// What the policy module makes searchable: each document (title, mission) and each challenge (①–④ and its progress).
// Drafts are staff-only; published documents are visible to every signed-in user, partners included.
import { formatFiscalYear } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { indexRecord, removeRecords } from "../../platform/search/search";
import { type ChallengeRow, type DocumentRow, findDocumentChallenges, findDocuments, findProgressBodies } from "./repository";

export const POLICY_SEARCH_MODULE = { module: "policy", label: "局区方針", reindex: reindexPolicy };

/** Rebuilds every policy entry; returns how many records were indexed. */
async function reindexPolicy(db: Db): Promise<number> {
  let count = 0;
  for (const document of await findDocuments(db, {})) {
    await db.transaction(async (tx) => {
      await indexDocument(tx, document);
      for (const challenge of await findDocumentChallenges(tx, document.id)) {
        await indexChallenge(tx, document, challenge);
        count++;
      }
    });
    count++;
  }
  return count;
}

const visibilityOf = (document: Pick<DocumentRow, "status">) => (document.status === "published" ? "public" : "staff");

export async function indexDocument(tx: Queryable, document: DocumentRow): Promise<void> {
  await indexRecord(tx, {
    module: "policy",
    entityType: "document",
    entityId: document.id,
    title: `${document.title}（${formatFiscalYear(document.fiscal_year)}）`,
    body: document.mission,
    url: `/policy/documents/${document.id}`,
    organisationId: document.organisation_id,
    visibility: visibilityOf(document),
  });
}

export async function indexChallenge(tx: Queryable, document: DocumentRow, challenge: ChallengeRow): Promise<void> {
  const progress = await findProgressBodies(tx, challenge.id);
  await indexRecord(tx, {
    module: "policy",
    entityType: "challenge",
    entityId: challenge.id,
    title: `課題${challenge.code} ${challenge.name}`,
    body: [challenge.content, challenge.background, challenge.approach, challenge.analysis_note ?? "", ...progress].join("\n"),
    url: `/policy/challenges/${challenge.id}`,
    organisationId: document.organisation_id,
    visibility: visibilityOf(document),
  });
}

export async function removeDocumentFromIndex(tx: Queryable, documentId: string, challengeIds: string[]): Promise<void> {
  await removeRecords(tx, "policy", "document", [documentId]);
  await removeRecords(tx, "policy", "challenge", challengeIds);
}
