// Stored files (uploads and generated reports) live in the database, so any server process can serve them.
// Uploads are checked for size and type (by content, not only by the name the browser sends).
import { createHash } from "node:crypto";
import {
  ATTACHMENT_TYPES,
  DOCUMENT_TYPES,
  DOCUMENT_UPLOAD_MAX_BYTES,
  IMAGE_TYPES,
  TABLE_UPLOAD_MAX_BYTES,
  WORD_TYPES,
} from "../../../common/upload-limits";
import type { Queryable } from "../../db/database";
import { AppError, NotFound } from "../errors";
import { OFFICE_TYPES, officeTypeOf } from "./office-type";

export const UPLOAD_LIMIT_BYTES = TABLE_UPLOAD_MAX_BYTES;

/**
 * What kind of record owns a stored file. A module that stores files of a new kind adds it here, to the database's
 * check (files_owner_kind) and registers who may read them (registerFileOwnerKind in owners.ts).
 * - upload: an unattached upload, owned by the person who uploaded it until it is attached to a record
 * - import: an import's upload or error report, owned by the person who started the import
 * - unreferenced: a file nobody referred to when owners were introduced; administrators only
 */
export type FileOwnerKind =
  | "upload"
  | "import"
  | "unreferenced"
  | "furusato.gift"
  | "furusato.supplier"
  | "furusato.certificate_batch"
  | "furusato.export"
  | "international.project"
  | "international.trip"
  | "sdgs.application"
  /** a 特区 proposal's documents and evidence (zones module) */
  | "zones.proposal"
  /** a meeting's materials (会議資料, platform/meetings) */
  | "meeting"
  /** 広域連携: an agreement's document (協定書), a joint project's yearly report's file */
  | "region.agreement"
  | "region.project_report";

/** What the file is for: an upload may be attached only where a file of its purpose belongs. */
export type FilePurpose =
  | "evidence"
  | "image"
  | "supplier_document"
  | "certificate_pdf"
  | "portal_bundle"
  | "import_upload"
  | "import_report"
  /** a record's attached file (国際関連事業・海外出張の添付資料) */
  | "attachment"
  /** a file attached to a trip's report (報告書の添付) */
  | "report_attachment"
  | "unknown";

export interface FileOwner {
  kind: FileOwnerKind;
  /** the owning record; null for kinds owned by their creator (upload, import) and for unreferenced files */
  id: string | null;
  purpose: FilePurpose;
  /** the organisation the file belongs to; when left out, the creator's organisation */
  organisationId?: string | null;
}

export interface StoredFile {
  id: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  createdBy: string | null;
  ownerKind: FileOwnerKind;
  ownerId: string | null;
  purpose: FilePurpose;
  organisationId: string | null;
}

// The extensions a detected type may be named with; the first is the one a wrong name is given.
const EXTENSIONS: Record<string, readonly string[]> = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "application/zip": ["zip"],
  "text/csv": ["csv"],
  "text/tab-separated-values": ["tsv"],
  "text/plain": ["txt"],
  [OFFICE_TYPES.xlsx]: ["xlsx"],
  [OFFICE_TYPES.docx]: ["docx"],
  [OFFICE_TYPES.pptx]: ["pptx"],
};

/**
 * The name a file is stored and served under: its extension matches its detected type, so that a PNG uploaded as
 * x.html is saved to the user's disk as x.png and never opened as a page. A wrong extension is replaced (x.html →
 * x.png) rather than kept in front (x.html.png), which still reads as HTML to a person; a name without an extension
 * gets one (許可証 → 許可証.pdf). Types without a known extension keep their name.
 */
export function nameForType(name: string, mimeType: string): string {
  const accepted = EXTENSIONS[mimeType.split(";")[0].trim().toLowerCase()];
  if (!accepted) return name;
  const extension = /\.([A-Za-z0-9]{1,5})$/.exec(name);
  if (extension && accepted.includes(extension[1].toLowerCase())) return name;
  const stem = (extension ? name.slice(0, -extension[0].length) : name).trim();
  return `${stem === "" ? "file" : stem}.${accepted[0]}`;
}

/** What a tabular upload may be: CSV/TSV text or an .xlsx workbook (a zip). */
export const TABULAR_TYPES = {
  csv: "text/csv",
  tsv: "text/tab-separated-values",
  txt: "text/plain",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
} as const;

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
// Text files have no NUL bytes; binaries (images, PDFs, executables) almost always do near the start.
const looksLikeText = (bytes: Uint8Array) => !bytes.subarray(0, 8192).includes(0);

/** Returns the MIME type to store, or throws a Japanese 400/413 when the upload is not an accepted table. */
export function checkTabularUpload(name: string, bytes: Uint8Array): string {
  if (bytes.length === 0) throw new AppError(400, "empty_file", "ファイルが空です。");
  if (bytes.length > UPLOAD_LIMIT_BYTES)
    throw new AppError(413, "file_too_large", `ファイルが大きすぎます（上限 ${UPLOAD_LIMIT_BYTES / 1024 / 1024}MB）。`);
  const extension = name.toLowerCase().split(".").pop() ?? "";
  if (extension === "xlsx") {
    if (!isZip(bytes)) throw new AppError(400, "bad_file_type", "Excel ファイル（.xlsx）として読み取れません。");
    return TABULAR_TYPES.xlsx;
  }
  if (extension === "csv" || extension === "tsv" || extension === "txt") {
    if (!looksLikeText(bytes)) throw new AppError(400, "bad_file_type", "テキスト（CSV）ファイルとして読み取れません。");
    return TABULAR_TYPES[extension];
  }
  throw new AppError(400, "bad_file_type", "CSV（.csv / .tsv）か Excel（.xlsx）のファイルを選んでください。");
}

/**
 * A Word document (.docx, a zip) of at most DOCUMENT_UPLOAD_MAX_BYTES. Only the container is checked here; the
 * reader (modules/policy/read-docx.ts) checks what is inside, and tells an old .doc apart with its own message.
 */
export function checkWordUpload(bytes: Uint8Array): string {
  if (bytes.length === 0) throw new AppError(400, "empty_file", "ファイルが空です。");
  if (bytes.length > DOCUMENT_UPLOAD_MAX_BYTES)
    throw new AppError(413, "file_too_large", `ファイルが大きすぎます（上限 ${DOCUMENT_UPLOAD_MAX_BYTES / 1024 / 1024}MB）。`);
  const oldWord = [0xd0, 0xcf, 0x11, 0xe0].every((byte, i) => bytes[i] === byte);
  if (!isZip(bytes) && !oldWord) throw new AppError(400, "bad_file_type", "Word 文書（.docx）のファイルを選んでください。");
  return WORD_TYPES.mimeTypes[0];
}

export const EVIDENCE_LIMIT_BYTES = DOCUMENT_UPLOAD_MAX_BYTES;

/** Evidence documents (根拠資料): PDF or images, recognised by their first bytes. */
export function checkEvidenceUpload(name: string, bytes: Uint8Array): string {
  return checkUpload(name, bytes, DOCUMENT_TYPES.mimeTypes);
}

/** Gift photos: PNG or JPEG only. */
export function checkImageUpload(name: string, bytes: Uint8Array): string {
  return checkUpload(name, bytes, IMAGE_TYPES.mimeTypes);
}

/**
 * Attachments kept with a record (国際関連事業・海外出張の添付資料): PDF, PNG, JPEG, or a Word, Excel or PowerPoint
 * file (.docx/.xlsx/.pptx, recognised by the parts inside the zip). An old binary Office file (.doc/.xls/.ppt) is
 * refused with its own message: it is asked for in the current format.
 */
export function checkAttachmentUpload(name: string, bytes: Uint8Array): string {
  return checkUpload(name, bytes, ATTACHMENT_TYPES.mimeTypes);
}

const TYPE_NAMES: Record<string, string> = {
  "application/pdf": "PDF",
  "image/png": "PNG",
  "image/jpeg": "JPEG",
  [OFFICE_TYPES.docx]: "Word（.docx）",
  [OFFICE_TYPES.xlsx]: "Excel（.xlsx）",
  [OFFICE_TYPES.pptx]: "PowerPoint（.pptx）",
};

function checkUpload(name: string, bytes: Uint8Array, accepted: string[]): string {
  if (bytes.length === 0) throw new AppError(400, "empty_file", "ファイルが空です。");
  if (bytes.length > EVIDENCE_LIMIT_BYTES)
    throw new AppError(413, "file_too_large", `ファイルが大きすぎます（上限 ${EVIDENCE_LIMIT_BYTES / 1024 / 1024}MB）。`);
  const starts = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  const takesOffice = accepted.some((t) => t.startsWith("application/vnd.openxmlformats-officedocument."));
  const type = starts(0x25, 0x50, 0x44, 0x46)
    ? "application/pdf"
    : starts(0x89, 0x50, 0x4e, 0x47)
      ? "image/png"
      : starts(0xff, 0xd8, 0xff)
        ? "image/jpeg"
        : takesOffice && isZip(bytes)
          ? officeTypeOf(bytes)
          : null;
  if (!type || !accepted.includes(type)) {
    if (takesOffice && starts(0xd0, 0xcf, 0x11, 0xe0))
      throw new AppError(
        400,
        "bad_file_type",
        `「${name}」は古い形式の Office ファイル（.doc・.xls・.ppt）です。.docx・.xlsx・.pptx の形式で保存し直してから選んでください。`,
      );
    const names = accepted.map((t) => TYPE_NAMES[t] ?? t).join("・");
    throw new AppError(400, "bad_file_type", `「${name}」は ${names} のいずれでもありません。`);
  }
  return type;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function storeFile(
  db: Queryable,
  input: { name: string; mimeType: string; bytes: Uint8Array; createdBy: string | null; owner: FileOwner },
): Promise<StoredFile> {
  const sha256 = sha256Of(input.bytes);
  const name = nameForType(input.name, input.mimeType);
  const { owner } = input;
  const { rows } = await db.query<FileRow>(
    `INSERT INTO files (name, mime_type, size_bytes, sha256, content, created_by, owner_kind, owner_id, purpose, organisation_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
       CASE WHEN $10::boolean THEN $11::uuid ELSE (SELECT organisation_id FROM users WHERE id = $6::uuid) END)
     RETURNING ${META_COLUMNS}`,
    [
      name,
      input.mimeType,
      input.bytes.length,
      sha256,
      Buffer.from(input.bytes),
      input.createdBy,
      owner.kind,
      owner.id,
      owner.purpose,
      owner.organisationId !== undefined,
      owner.organisationId ?? null,
    ],
  );
  return fromRow(rows[0]);
}

const META_COLUMNS = "id, name, mime_type, size_bytes, sha256, created_by, owner_kind, owner_id, purpose, organisation_id";

interface FileRow {
  id: string;
  name: string;
  mime_type: string;
  size_bytes: number;
  sha256: string;
  created_by: string | null;
  owner_kind: FileOwnerKind;
  owner_id: string | null;
  purpose: FilePurpose;
  organisation_id: string | null;
}

function fromRow(row: FileRow): StoredFile {
  return {
    id: row.id,
    name: row.name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdBy: row.created_by,
    ownerKind: row.owner_kind,
    ownerId: row.owner_id,
    purpose: row.purpose,
    organisationId: row.organisation_id,
  };
}

/** A file's description and owner, without its content (which may be large). */
export async function readFileMeta(db: Queryable, id: string): Promise<StoredFile> {
  const { rows } = await db.query<FileRow>(`SELECT ${META_COLUMNS} FROM files WHERE id = $1`, [id]);
  if (!rows[0]) throw new NotFound("ファイル");
  return fromRow(rows[0]);
}

/**
 * A file with its content, for the server's own work (an import job reading its upload). It checks no permission:
 * whatever serves a file to a user goes through readFileFor (owners.ts).
 */
export async function readFileRow(db: Queryable, id: string): Promise<StoredFile & { bytes: Uint8Array }> {
  const { rows } = await db.query<FileRow & { content: Uint8Array; in_parts: boolean }>(
    `SELECT ${META_COLUMNS}, content, in_parts FROM files WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new NotFound("ファイル");
  // A file kept in parts is joined here: only small ones (a reissue's one page) should be read this way.
  const bytes = row.in_parts ? Buffer.concat(await allParts(db, id)) : row.content;
  return { ...fromRow(row), bytes: new Uint8Array(bytes) };
}

// PGlite's queries settle as microtasks: without this, a loop of them never lets a waiting request in.
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The same, reading the content one slice (or one part) per query. On PGlite every query runs on the thread that
 * answers HTTP, and one query for a 20 MB upload held it for about a second: an import job reads its upload this way.
 */
export async function readFileRowInSlices(
  db: Queryable,
  id: string,
  sliceBytes = 1024 * 1024,
): Promise<StoredFile & { bytes: Uint8Array }> {
  const { rows } = await db.query<FileRow & { in_parts: boolean; length: number }>(
    `SELECT ${META_COLUMNS}, in_parts, octet_length(content) AS length FROM files WHERE id = $1`,
    [id],
  );
  const row = rows[0];
  if (!row) throw new NotFound("ファイル");
  const slices: Uint8Array[] = [];
  if (row.in_parts) {
    for (let part = 0; ; part++) {
      const found = await db.query<{ content: Uint8Array }>("SELECT content FROM file_parts WHERE file_id = $1 AND part_no = $2", [
        id,
        part,
      ]);
      if (!found.rows[0]) break;
      slices.push(found.rows[0].content);
      await nextTurn();
    }
  } else {
    for (let from = 1; from <= row.length; from += sliceBytes) {
      const found = await db.query<{ content: Uint8Array }>(
        "SELECT substring(content FROM $2 FOR $3) AS content FROM files WHERE id = $1",
        [id, from, sliceBytes],
      );
      slices.push(found.rows[0]?.content ?? new Uint8Array(0));
      await nextTurn();
    }
  }
  return { ...fromRow(row), bytes: new Uint8Array(Buffer.concat(slices)) };
}

// Large generated files (a 受領証明書 batch's zip of hundreds of PDFs) are kept in parts, one row each
// (file_parts), so that they are written and served one part at a time: neither the server nor the database driver
// holds the whole file, and no single bytea value grows past what PostgreSQL and node-postgres handle well.

/** Creates an empty file to be filled with appendFilePart and completed with finishFileParts. */
export async function createFileInParts(
  db: Queryable,
  input: { name: string; mimeType: string; createdBy: string | null; owner: FileOwner },
): Promise<StoredFile> {
  const file = await storeFile(db, { ...input, bytes: new Uint8Array(0) });
  await db.query("UPDATE files SET in_parts = true WHERE id = $1", [file.id]);
  return file;
}

/** Removes a file with its parts: one that was never finished or handed out (a discarded certificate batch's). */
export async function deleteFile(db: Queryable, fileId: string): Promise<void> {
  await db.query("DELETE FROM files WHERE id = $1", [fileId]);
}

export async function appendFilePart(db: Queryable, fileId: string, partNo: number, bytes: Uint8Array): Promise<void> {
  await db.query("INSERT INTO file_parts (file_id, part_no, content) VALUES ($1, $2, $3)", [fileId, partNo, Buffer.from(bytes)]);
}

/** Records the whole file's name, size and hash once its last part is written (in the caller's transaction). */
export async function finishFileParts(
  db: Queryable,
  fileId: string,
  input: { name: string; sizeBytes: number; sha256: string },
): Promise<void> {
  // size_bytes is an integer column: refuse a file past 2 GB rather than store a wrong size.
  if (!Number.isSafeInteger(input.sizeBytes) || input.sizeBytes > 2 ** 31 - 1) throw new RangeError(`file too large: ${input.sizeBytes}`);
  const { rows } = await db.query<{ mime_type: string }>("SELECT mime_type FROM files WHERE id = $1 AND in_parts", [fileId]);
  if (!rows[0]) throw new NotFound("ファイル");
  await db.query("UPDATE files SET name = $2, size_bytes = $3, sha256 = $4 WHERE id = $1", [
    fileId,
    nameForType(input.name, rows[0].mime_type),
    input.sizeBytes,
    input.sha256,
  ]);
}

async function allParts(db: Queryable, fileId: string): Promise<Uint8Array[]> {
  const { rows } = await db.query<{ content: Uint8Array }>("SELECT content FROM file_parts WHERE file_id = $1 ORDER BY part_no", [fileId]);
  return rows.map((row) => row.content);
}

/**
 * A file's content as a stream that reads one part from the database each time the reader wants more, so that a
 * download of any size holds one part in memory (a file stored whole is one chunk).
 */
export function fileContentStream(db: Queryable, fileId: string): ReadableStream<Uint8Array> {
  let next = 0;
  let whole: boolean | null = null;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (whole === null) {
          const { rows } = await db.query<{ in_parts: boolean }>("SELECT in_parts FROM files WHERE id = $1", [fileId]);
          if (!rows[0]) throw new NotFound("ファイル");
          whole = !rows[0].in_parts;
        }
        if (whole) {
          const { rows } = await db.query<{ content: Uint8Array }>("SELECT content FROM files WHERE id = $1", [fileId]);
          if (rows[0]) controller.enqueue(new Uint8Array(rows[0].content));
          controller.close();
          return;
        }
        const { rows } = await db.query<{ content: Uint8Array }>("SELECT content FROM file_parts WHERE file_id = $1 AND part_no = $2", [
          fileId,
          next++,
        ]);
        if (rows[0]) controller.enqueue(new Uint8Array(rows[0].content));
        else controller.close();
      },
    },
    { highWaterMark: 0 },
  );
}
