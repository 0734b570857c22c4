// 添付資料 of the 国際 module, as the routes call them: files kept with a 国際関連事業 (資料) and with a 海外出張 (its
// own files, and 報告書の添付 apart from them: purpose 'report_attachment'). The files are the platform's (stored in
// the database with their owner, platform/files); this module says who reads and who changes them:
// - read: whoever may read the record (projects: every member of staff, internal ones too; trips: their division,
//   their travellers and the bureau — to anyone else the trip and its files do not exist, 404);
// - add and delete: whoever may change the record (access.ts: the owning division's editors and administrators),
//   a trip's files until it is 完了 or 中止, its report's files as long as the report may be filed or corrected
//   (帰庁・報告書提出), by the division's editors and the travellers who are editors.
// Each upload and delete is one transaction with its audit row; the record's row is locked meanwhile, so a file is
// never added to a project or trip that is being deleted (a deleted record's files go with it: 0013's trigger).
import type { Attachment, ProjectAttachments, TripAttachments, TripFileSection } from "../../../common/api/international-files";
import { ATTACHMENTS_PER_SECTION_MAX } from "../../../common/upload-limits";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, Forbidden, NotFound, ValidationError } from "../../platform/errors";
import { checkAttachmentUpload, type FilePurpose, readFileMeta, storeFile } from "../../platform/files/files";
import { deleteOwnedFile, listOwnedFiles, type OwnedFile, readFileFor } from "../../platform/files/owners";
import { requireUpload, type Upload } from "../../platform/http/multipart";
import type { FileResult } from "../../platform/http/types";
import { accessOf, canEditRecord, type InternationalAccess, requireEditRecord } from "./access";
import { findProjectOwner, type ProjectOwnerRow } from "./attachment-repository";
import { loadTrip } from "./trip-service";
import { FINAL_TRIP_STATUSES } from "./trip-states";

const PROJECT = "国際関連事業";
const FILE = "添付資料";

const toAttachment = (file: OwnedFile): Attachment => ({
  id: file.id,
  name: file.name,
  mimeType: file.mimeType,
  sizeBytes: file.sizeBytes,
  createdAt: file.createdAt,
  uploaderName: file.createdByName,
});

/** What the audit row keeps of a file: never its content. */
const fileFacts = (file: { id: string; name: string; mimeType: string; sizeBytes: number; sha256: string }, uploadedAs?: string) => ({
  fileId: file.id,
  name: file.name,
  ...(uploadedAs !== undefined ? { uploadedAs } : {}),
  mimeType: file.mimeType,
  sizeBytes: file.sizeBytes,
  sha256: file.sha256,
});

/** The upload, checked only once the caller may add it: its type and size (platform limits) and the section's count. */
function checkedUpload(form: Upload | null, count: number): Upload & { mimeType: string } {
  const upload = requireUpload(form);
  const mimeType = checkAttachmentUpload(upload.name, upload.bytes);
  if (count >= ATTACHMENTS_PER_SECTION_MAX)
    throw new ValidationError(`添付できる資料は${ATTACHMENTS_PER_SECTION_MAX}件までです。不要な資料を削除してから添付してください。`);
  return { ...upload, mimeType };
}

// ------------------------------------------------------------------ 国際関連事業の資料

const projectOwner = (id: string) => ({ kind: "international.project", id, purpose: "attachment" }) as const;

async function projectOf(db: Queryable, id: string, forUpdate = false): Promise<ProjectOwnerRow> {
  const project = await findProjectOwner(db, id, { forUpdate });
  if (!project) throw new NotFound(PROJECT);
  return project;
}

async function projectList(db: Queryable, access: InternationalAccess, project: ProjectOwnerRow): Promise<ProjectAttachments> {
  const files = await listOwnedFiles(db, projectOwner(project.id));
  return { items: files.map(toAttachment), canEdit: canEditRecord(access, project.owner_organisation_id) };
}

/** The project's files: every member of staff (a project marked internal is still read by all staff). */
export async function listProjectAttachments(db: Db, user: Principal | null, id: string): Promise<ProjectAttachments> {
  const access = await accessOf(db, user);
  return projectList(db, access, await projectOf(db, id));
}

export async function uploadProjectAttachment(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  form: Upload | null,
): Promise<ProjectAttachments> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const project = await projectOf(tx, id, true);
    requireEditRecord(access, project.owner_organisation_id);
    const upload = checkedUpload(form, (await listOwnedFiles(tx, projectOwner(id))).length);
    const stored = await storeFile(tx, {
      name: upload.name,
      mimeType: upload.mimeType,
      bytes: upload.bytes,
      createdBy: actor.userId,
      owner: { ...projectOwner(id), organisationId: project.owner_organisation_id },
    });
    await recordAudit(tx, actor, {
      action: "attach_file",
      entityType: "international_project",
      entityId: id,
      summary: `国際関連事業「${project.name}」に資料「${stored.name}」を添付`,
      after: fileFacts(stored, upload.name),
    });
    return projectList(tx, access, project);
  });
}

/**
 * One of the project's files, and the audit row of its download. No transaction: the file streams out after this
 * returns, so it is read through the database handle (a transaction's would be closed by then).
 */
export async function downloadProjectAttachment(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<FileResult> {
  await accessOf(db, user);
  const project = await projectOf(db, id);
  // The file must be this project's own: another record's file id is "not found" here.
  const file = await readFileFor(db, user, fileId, { kind: "international.project", ownerId: id, purpose: "attachment" }, FILE);
  await recordAudit(db, actor, {
    action: "download",
    entityType: "file",
    entityId: file.id,
    summary: `国際関連事業「${project.name}」の資料「${file.name}」をダウンロード`,
  });
  return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
}

export async function deleteProjectAttachment(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<ProjectAttachments> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const project = await projectOf(tx, id, true);
    requireEditRecord(access, project.owner_organisation_id);
    const deleted = await deleteOwnedFile(tx, fileId, projectOwner(id), FILE);
    await recordAudit(tx, actor, {
      action: "remove_file",
      entityType: "international_project",
      entityId: id,
      summary: `国際関連事業「${project.name}」の資料「${deleted.name}」を削除`,
      before: fileFacts(deleted),
    });
    return projectList(tx, access, project);
  });
}

// ------------------------------------------------------------------ 海外出張の添付資料・報告書の添付

const PURPOSE: Record<TripFileSection, FilePurpose> = { trip: "attachment", report: "report_attachment" };
const tripOwner = (id: string, section?: TripFileSection) =>
  ({ kind: "international.trip", id, ...(section ? { purpose: PURPOSE[section] } : {}) }) as const;

type LoadedTrip = Awaited<ReturnType<typeof loadTrip>>;

/** May the caller add and delete the section's files now? As for the trip's own fields and for filing its report. */
function tripRights(loaded: LoadedTrip): Record<TripFileSection, boolean> {
  const { trip, roles } = loaded;
  return {
    trip: roles.has("owner") && !FINAL_TRIP_STATUSES.includes(trip.status),
    report: (roles.has("owner") || roles.has("traveller")) && (trip.status === "returned" || trip.status === "reported"),
  };
}

/** Refuses a change of the section's files: 403 to those who may never make it, 409 while the trip is not open to it. */
function requireTripRight(loaded: LoadedTrip, section: TripFileSection): void {
  if (tripRights(loaded)[section]) return;
  const { roles } = loaded;
  if (section === "trip") {
    if (!roles.has("owner")) throw new Forbidden("この出張の添付資料を追加・削除できるのは、所管する課の職員だけです。");
    throw new Conflict("完了・中止した出張の添付資料は変更できません。", "trip_closed");
  }
  if (!roles.has("owner") && !roles.has("traveller"))
    throw new Forbidden("報告書の添付資料を追加・削除できるのは、所管する課の職員と出張者だけです。");
  throw new Conflict("報告書の添付資料は、帰庁してから精算されるまで（帰庁・報告書提出の間）に追加・削除できます。", "report_closed");
}

async function tripList(db: Queryable, loaded: LoadedTrip): Promise<TripAttachments> {
  const files = await listOwnedFiles(db, tripOwner(loaded.trip.id));
  const rights = tripRights(loaded);
  return {
    items: files.filter((f) => f.purpose === PURPOSE.trip).map(toAttachment),
    reportItems: files.filter((f) => f.purpose === PURPOSE.report).map(toAttachment),
    canEdit: rights.trip,
    canEditReport: rights.report,
  };
}

/** The trip's files and its report's: whoever may read the trip (others: 404). */
export async function listTripAttachments(db: Db, user: Principal | null, id: string): Promise<TripAttachments> {
  return tripList(db, await loadTrip(db, await accessOf(db, user), id, false));
}

export async function uploadTripAttachment(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  section: TripFileSection,
  form: Upload | null,
): Promise<TripAttachments> {
  return db.transaction(async (tx) => {
    const loaded = await loadTrip(tx, await accessOf(tx, user), id, true);
    requireTripRight(loaded, section);
    const upload = checkedUpload(form, (await listOwnedFiles(tx, tripOwner(id, section), [PURPOSE[section]])).length);
    const stored = await storeFile(tx, {
      name: upload.name,
      mimeType: upload.mimeType,
      bytes: upload.bytes,
      createdBy: actor.userId,
      owner: { kind: "international.trip", id, purpose: PURPOSE[section], organisationId: loaded.trip.owner_organisation_id },
    });
    await recordAudit(tx, actor, {
      action: "attach_file",
      entityType: "international_trip",
      entityId: id,
      summary: `海外出張「${loaded.trip.title}」の${section === "report" ? "報告書" : "添付資料"}に「${stored.name}」を添付`,
      after: { section, ...fileFacts(stored, upload.name) },
    });
    return tripList(tx, loaded);
  });
}

/** One of the trip's files (its report's included), and the audit row of its download; see downloadProjectAttachment. */
export async function downloadTripAttachment(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<FileResult> {
  const loaded = await loadTrip(db, await accessOf(db, user), id, false);
  const file = await readFileFor(db, user, fileId, { kind: "international.trip", ownerId: id }, FILE);
  await recordAudit(db, actor, {
    action: "download",
    entityType: "file",
    entityId: file.id,
    summary: `海外出張「${loaded.trip.title}」の資料「${file.name}」をダウンロード`,
  });
  return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
}

export async function deleteTripAttachment(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  fileId: string,
): Promise<TripAttachments> {
  return db.transaction(async (tx) => {
    const loaded = await loadTrip(tx, await accessOf(tx, user), id, true);
    // Which section the file is in decides who may delete it: its own purpose, not anything the caller sends.
    const file = await readFileMeta(tx, fileId).catch((error: unknown) => {
      if (error instanceof NotFound) throw new NotFound(FILE);
      throw error;
    });
    if (file.ownerKind !== "international.trip" || file.ownerId !== id) throw new NotFound(FILE);
    const section: TripFileSection = file.purpose === PURPOSE.report ? "report" : "trip";
    requireTripRight(loaded, section);
    const deleted = await deleteOwnedFile(tx, fileId, tripOwner(id, section), FILE);
    await recordAudit(tx, actor, {
      action: "remove_file",
      entityType: "international_trip",
      entityId: id,
      summary: `海外出張「${loaded.trip.title}」の${section === "report" ? "報告書" : "添付資料"}から「${deleted.name}」を削除`,
      before: { section, ...fileFacts(deleted) },
    });
    return tripList(tx, loaded);
  });
}
