// 証拠書類 (evidence files) of an application: stored as platform files (owner kind sdgs.application, purpose
// evidence) and linked to the application and, optionally, to one check item (sdgs_application_evidence). The
// company adds and deletes them while the application is with it (下書き・差戻し中); PDF, images and Office files,
// 10 MB each, EVIDENCE_FILES_MAX per application. Who reads them is the file owner rule below: the company's own
// logins, the bureau's staff (sdgs.read), and active 審査員 while the application is in review.
import { EVIDENCE_FILES_MAX, type EvidenceFile, type EvidenceList } from "../../../common/api/sdgs-company";
import { APPLICATION_STATUS_LABELS, type ApplicationStatus, companyMayEdit } from "../../../common/sdgs/application-states";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { can, type Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { checkAttachmentUpload, type FileOwnerKind, storeFile } from "../../platform/files/files";
import { deleteOwnedFile, type FileReadRule, readFileFor } from "../../platform/files/owners";
import { requireUpload, type Upload } from "../../platform/http/multipart";
import type { FileResult } from "../../platform/http/types";
import { companyOfUser, isActiveReviewer } from "./access";
import { findCompanyApplication } from "./company-application-repository";
import { countEvidence, findEvidenceOwner, insertEvidence, itemOfRound, listEvidence } from "./evidence-repository";

const FILE = "証拠書類";
const OWNER_KIND = "sdgs.application" as const;

/** The application's evidence files, oldest first. */
export async function evidenceOf(db: Queryable, applicationId: string): Promise<EvidenceFile[]> {
  const rows = await listEvidence(db, applicationId);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    mimeType: row.mime_type,
    sizeBytes: Number(row.size_bytes),
    createdAt: (row.created_at instanceof Date ? row.created_at : new Date(row.created_at)).toISOString(),
    uploaderName: row.uploader_name,
    itemId: row.item_id,
  }));
}

async function ownApplication(tx: Queryable, user: Principal | null, id: string, forUpdate: boolean) {
  const company = await companyOfUser(tx, user);
  const app = await findCompanyApplication(tx, id, company.id, { forUpdate });
  if (!app) throw new NotFound("申請");
  return { company, app };
}

function requireEditable(status: string): void {
  if (!companyMayEdit(status as ApplicationStatus))
    throw new Conflict(
      `「${APPLICATION_STATUS_LABELS[status as ApplicationStatus]}」の申請の証拠書類は変更できません。変更できるのは下書きと差戻し中の申請です。`,
      "not_editable",
    );
}

const fileFacts = (file: { id: string; name: string; mimeType: string; sizeBytes: number; sha256: string }) => ({
  fileId: file.id,
  name: file.name,
  mimeType: file.mimeType,
  sizeBytes: file.sizeBytes,
  sha256: file.sha256,
});

async function list(db: Queryable, applicationId: string, status: string): Promise<EvidenceList> {
  return { items: await evidenceOf(db, applicationId), canEdit: companyMayEdit(status as ApplicationStatus) };
}

export async function uploadEvidence(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  itemId: string | undefined,
  form: Upload | null,
): Promise<EvidenceList> {
  return db.transaction(async (tx) => {
    const { company, app } = await ownApplication(tx, user, id, true);
    requireEditable(app.status);
    const item = itemId ? await itemOfRound(tx, itemId, app.round_id) : null;
    if (itemId && !item)
      throw new ValidationError("この募集回にないチェック項目です。画面を読み込み直してください。", { itemId: "項目が見つかりません。" });
    const upload = requireUpload(form);
    const mimeType = checkAttachmentUpload(upload.name, upload.bytes);
    if ((await countEvidence(tx, app.id)) >= EVIDENCE_FILES_MAX)
      throw new ValidationError(
        `証拠書類は1つの申請に${EVIDENCE_FILES_MAX}件まで添付できます。不要なファイルを削除してから添付してください。`,
      );
    const stored = await storeFile(tx, {
      name: upload.name,
      mimeType,
      bytes: upload.bytes,
      createdBy: actor.userId,
      owner: { kind: OWNER_KIND, id: app.id, purpose: "evidence", organisationId: company.organisationId },
    });
    await insertEvidence(tx, stored.id, app.id, itemId ?? null);
    await recordAudit(tx, actor, {
      action: "attach_file",
      entityType: "sdgs_evidence",
      entityId: stored.id,
      summary: `「${company.name}」が申請に証拠書類「${stored.name}」を添付${item ? `（項目${item.code}）` : ""}`,
      after: { applicationId: app.id, itemId: itemId ?? null, ...fileFacts(stored) },
    });
    return list(tx, app.id, app.status);
  });
}

/** One evidence file of the company's own application, and the audit row of its download (streamed after return). */
export async function downloadEvidence(db: Db, user: Principal | null, actor: Actor, id: string, fileId: string): Promise<FileResult> {
  const { company, app } = await ownApplication(db, user, id, false);
  const file = await readFileFor(db, user, fileId, { kind: OWNER_KIND, ownerId: app.id, purpose: "evidence" }, FILE);
  await recordAudit(db, actor, {
    action: "download",
    entityType: "file",
    entityId: file.id,
    summary: `「${company.name}」が申請の証拠書類「${file.name}」をダウンロード`,
  });
  return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
}

export async function deleteEvidence(db: Db, user: Principal | null, actor: Actor, id: string, fileId: string): Promise<EvidenceList> {
  return db.transaction(async (tx) => {
    const { company, app } = await ownApplication(tx, user, id, true);
    requireEditable(app.status);
    const deleted = await deleteOwnedFile(tx, fileId, { kind: OWNER_KIND, id: app.id, purpose: "evidence" }, FILE);
    await recordAudit(tx, actor, {
      action: "remove_file",
      entityType: "sdgs_evidence",
      entityId: deleted.id,
      summary: `「${company.name}」が申請の証拠書類「${deleted.name}」を削除`,
      before: { applicationId: app.id, ...fileFacts(deleted) },
    });
    return list(tx, app.id, app.status);
  });
}

/** The states in which the reviewers read an application's files (書類審査・ヒアリング, 審査会待ち). */
const REVIEWER_STATES: readonly string[] = ["review", "committee"];

/**
 * Who reads an application's evidence files (platform/files/owners.ts asks this before any file is served): the
 * owning company's logins, the city's staff who read the module (sdgs.read), and active 審査員 while it is in review.
 * (The platform lets an outside login read only files of its own organisation, whatever this rule says.)
 */
export const sdgsFileOwners: readonly { kind: FileOwnerKind; rule: FileReadRule }[] = [
  {
    kind: OWNER_KIND,
    rule: {
      async canRead(db, user, file) {
        if (!file.ownerId) return false;
        const owner = await findEvidenceOwner(db, file.ownerId);
        if (!owner) return false;
        if (user.role === "partner" && user.organisationId === owner.organisation_id) return true;
        if (user.role !== "partner" && can(user, "sdgs.read")) return true;
        return REVIEWER_STATES.includes(owner.status) && (await isActiveReviewer(db, user));
      },
    },
  },
];
