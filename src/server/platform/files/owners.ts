// Who may read a stored file, and what may be attached where. Every file has an owner (a record, its organisation and
// the file's purpose); reading it is decided by the owning module's rule for that record, never by where its id
// happens to be listed. A record takes as attachments only files it already owns or unattached uploads of the right
// purpose by the same person: an id copied from elsewhere (a 受領証明書 batch, an export, another supplier's document)
// is refused.
import type { Queryable } from "../../db/database";
import type { Principal } from "../auth/permissions";
import { NotFound, ValidationError } from "../errors";
import {
  type FileOwner,
  type FileOwnerKind,
  type FilePurpose,
  fileContentStream,
  nameForType,
  readFileMeta,
  type StoredFile,
} from "./files";

export interface FileReadRule {
  /** anyone may read it, signed in or not (gift photos, which the portals fetch from a public address) */
  isPublic?(file: StoredFile): boolean;
  /** whether this user may read the file, judged on its owner record */
  canRead(db: Queryable, user: Principal, file: StoredFile): Promise<boolean>;
}

const rules = new Map<FileOwnerKind, FileReadRule>();

/** The owning module says who may read its files (called from modules/index.ts). */
export function registerFileOwnerKind(kind: FileOwnerKind, rule: FileReadRule): () => void {
  rules.set(kind, rule);
  return () => rules.delete(kind);
}

// The platform's own kinds: an upload not yet attached and an import's files belong to the person who made them.
const creatorOrAdmin: FileReadRule = { canRead: async (_db, user, file) => user.role === "admin" || file.createdBy === user.id };
registerFileOwnerKind("upload", creatorOrAdmin);
registerFileOwnerKind("import", creatorOrAdmin);
registerFileOwnerKind("unreferenced", { canRead: async (_db, user) => user.role === "admin" });

export async function mayReadFile(db: Queryable, user: Principal | null, file: StoredFile): Promise<boolean> {
  // A kind nobody registered is read by nobody: a missing rule fails closed.
  const rule = rules.get(file.ownerKind);
  if (!rule) return false;
  if (rule.isPublic?.(file)) return true;
  if (!user) return false;
  // An external account (a supplier, a council member) reads only files of its own organisation, whatever the rule.
  if (user.role === "partner" && (file.organisationId === null || file.organisationId !== user.organisationId)) return false;
  return rule.canRead(db, user, file);
}

/** Throws "not found" unless the user may read the file: an outsider does not learn that the id exists. */
export async function authorizeFileRead(db: Queryable, user: Principal | null, file: StoredFile, what = "ファイル"): Promise<void> {
  if (!(await mayReadFile(db, user, file))) throw new NotFound(what);
}

export interface ServedFile {
  id: string;
  name: string;
  mimeType: string;
  /** read as the response goes out (a file kept in parts is never held whole) */
  body: ReadableStream<Uint8Array>;
}

/**
 * The one way a route serves a stored file: the file must belong to the record the route is about (`expected`) and
 * the user must be allowed to read it by its owner's rule. The name's extension always matches the stored type.
 */
export async function readFileFor(
  db: Queryable,
  user: Principal | null,
  id: string,
  expected: { kind: FileOwnerKind; ownerId?: string; purpose?: FilePurpose } | null,
  what = "ファイル",
): Promise<ServedFile> {
  let file: StoredFile;
  try {
    file = await readFileMeta(db, id);
  } catch (error) {
    if (error instanceof NotFound) throw new NotFound(what);
    throw error;
  }
  if (
    expected &&
    (file.ownerKind !== expected.kind ||
      (expected.ownerId !== undefined && file.ownerId !== expected.ownerId) ||
      (expected.purpose !== undefined && file.purpose !== expected.purpose))
  )
    throw new NotFound(what);
  await authorizeFileRead(db, user, file, what);
  return { id: file.id, name: nameForType(file.name, file.mimeType), mimeType: file.mimeType, body: fileContentStream(db, file.id) };
}

/**
 * Attaches files to a record (inside the record's transaction). Each id must be a file the record already owns, or
 * an unattached upload of the same purpose by the acting person (who may read it: it is theirs); anything else
 * (unknown ids included, so that no one can probe for ids) is a 400 and nothing is attached. Uploads become the
 * record's.
 */
export async function attachFiles(
  tx: Queryable,
  actor: { userId: string | null },
  fileIds: readonly string[],
  owner: FileOwner & { id: string },
  labels: { file: string; record: string; field?: string },
): Promise<void> {
  const ids = [...new Set(fileIds.map((id) => id.toLowerCase()))];
  if (ids.length === 0) return;
  const { rows } = await tx.query<{ id: string; owner_kind: string; owner_id: string | null; purpose: string; created_by: string | null }>(
    "SELECT id, owner_kind, owner_id, purpose, created_by FROM files WHERE id = ANY($1::uuid[]) FOR UPDATE",
    [ids],
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  const refused = ids.filter((id) => {
    const row = byId.get(id);
    if (!row || row.purpose !== owner.purpose) return true;
    const ownAlready = row.owner_kind === owner.kind && row.owner_id === owner.id;
    const ownUpload = row.owner_kind === "upload" && actor.userId !== null && row.created_by === actor.userId;
    return !(ownAlready || ownUpload);
  });
  if (refused.length > 0) {
    const message = `指定されたファイルのうち${refused.length}件は${labels.file}として添付できません。この${labels.record}に添付済みのファイルか、ご自身がアップロードした未添付のファイルだけを選んでください。`;
    throw new ValidationError(message, labels.field ? { [labels.field]: message } : undefined);
  }
  await tx.query(
    `UPDATE files SET owner_kind = $2, owner_id = $3,
       organisation_id = CASE WHEN $4::boolean THEN $5::uuid ELSE organisation_id END
     WHERE id = ANY($1::uuid[]) AND owner_kind = 'upload'`,
    [ids, owner.kind, owner.id, owner.organisationId !== undefined, owner.organisationId ?? null],
  );
}

/**
 * Copies a file that `from` owns to a new owner (a copied record gets its own copies, so that each file keeps
 * exactly one owner). Returns the copy's id, or null when `from` does not own the file.
 */
export async function copyOwnedFile(
  tx: Queryable,
  id: string,
  from: { kind: FileOwnerKind; id: string; purpose: FilePurpose },
  to: FileOwner & { id: string },
  createdBy: string | null,
): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO files (name, mime_type, size_bytes, sha256, content, created_by, owner_kind, owner_id, purpose, organisation_id)
     SELECT name, mime_type, size_bytes, sha256, content, $5, $6, $7, purpose,
            CASE WHEN $8::boolean THEN $9::uuid ELSE organisation_id END
       FROM files WHERE id = $1 AND owner_kind = $2 AND owner_id = $3 AND purpose = $4
     RETURNING id`,
    [id, from.kind, from.id, from.purpose, createdBy, to.kind, to.id, to.organisationId !== undefined, to.organisationId ?? null],
  );
  return rows[0]?.id ?? null;
}

/** A file kept with a record, as a record's page lists it: no content, with when and by whom it was stored. */
export interface OwnedFile {
  id: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  purpose: FilePurpose;
  /** ISO timestamp */
  createdAt: string;
  createdBy: string | null;
  /** the uploader's display name (null for files the system stored: sample data, imports) */
  createdByName: string | null;
}

/** The files a record owns (of the given purposes, or all), oldest first. The caller has checked the record's reader. */
export async function listOwnedFiles(
  db: Queryable,
  owner: { kind: FileOwnerKind; id: string },
  purposes?: readonly FilePurpose[],
): Promise<OwnedFile[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    mime_type: string;
    size_bytes: number;
    purpose: FilePurpose;
    created_at: Date | string;
    created_by: string | null;
    created_by_name: string | null;
  }>(
    `SELECT f.id, f.name, f.mime_type, f.size_bytes, f.purpose, f.created_at, f.created_by, u.display_name AS created_by_name
       FROM files f LEFT JOIN users u ON u.id = f.created_by
      WHERE f.owner_kind = $1 AND f.owner_id = $2 AND ($3::text[] IS NULL OR f.purpose = ANY($3::text[]))
      ORDER BY f.created_at, f.id`,
    [owner.kind, owner.id, purposes ? [...purposes] : null],
  );
  return rows.map((row) => ({
    id: row.id,
    name: nameForType(row.name, row.mime_type),
    mimeType: row.mime_type,
    sizeBytes: Number(row.size_bytes),
    purpose: row.purpose,
    createdAt: row.created_at instanceof Date ? row.created_at.toISOString() : new Date(row.created_at).toISOString(),
    createdBy: row.created_by,
    createdByName: row.created_by_name,
  }));
}

/**
 * Deletes a file the record owns (of the purpose, when given), inside the record's transaction, and returns what was
 * deleted. Any other id (another record's file, an unknown one) is "not found": nothing is deleted.
 */
export async function deleteOwnedFile(
  tx: Queryable,
  fileId: string,
  owner: { kind: FileOwnerKind; id: string; purpose?: FilePurpose },
  what = "ファイル",
): Promise<StoredFile> {
  let file: StoredFile;
  try {
    file = await readFileMeta(tx, fileId);
  } catch (error) {
    if (error instanceof NotFound) throw new NotFound(what);
    throw error;
  }
  if (file.ownerKind !== owner.kind || file.ownerId !== owner.id || (owner.purpose !== undefined && file.purpose !== owner.purpose))
    throw new NotFound(what);
  // Two deletes at once: the second finds the row gone once the first commits, and says so.
  const { rowCount } = await tx.query("DELETE FROM files WHERE id = $1", [file.id]);
  if (!rowCount) throw new NotFound(what);
  return file;
}
