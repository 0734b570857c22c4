// Stored files (uploads and generated reports) live in the database, so any server process can serve them.
// Uploads are checked for size and type (by content, not only by the name the browser sends).
import { createHash } from "node:crypto";
import { DOCUMENT_TYPES, DOCUMENT_UPLOAD_MAX_BYTES, IMAGE_TYPES, TABLE_UPLOAD_MAX_BYTES } from "../../../common/upload-limits";
import type { Queryable } from "../../db/database";
import { AppError, NotFound } from "../errors";

export const UPLOAD_LIMIT_BYTES = TABLE_UPLOAD_MAX_BYTES;

export interface StoredFile {
  id: string;
  name: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  createdBy: string | null;
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

export const EVIDENCE_LIMIT_BYTES = DOCUMENT_UPLOAD_MAX_BYTES;

/** Evidence documents (根拠資料): PDF or images, recognised by their first bytes. */
export function checkEvidenceUpload(name: string, bytes: Uint8Array): string {
  return checkUpload(name, bytes, DOCUMENT_TYPES.mimeTypes);
}

/** Gift photos: PNG or JPEG only. */
export function checkImageUpload(name: string, bytes: Uint8Array): string {
  return checkUpload(name, bytes, IMAGE_TYPES.mimeTypes);
}

function checkUpload(name: string, bytes: Uint8Array, accepted: string[]): string {
  if (bytes.length === 0) throw new AppError(400, "empty_file", "ファイルが空です。");
  if (bytes.length > EVIDENCE_LIMIT_BYTES)
    throw new AppError(413, "file_too_large", `ファイルが大きすぎます（上限 ${EVIDENCE_LIMIT_BYTES / 1024 / 1024}MB）。`);
  const starts = (...magic: number[]) => magic.every((byte, i) => bytes[i] === byte);
  const type = starts(0x25, 0x50, 0x44, 0x46)
    ? "application/pdf"
    : starts(0x89, 0x50, 0x4e, 0x47)
      ? "image/png"
      : starts(0xff, 0xd8, 0xff)
        ? "image/jpeg"
        : null;
  if (!type || !accepted.includes(type)) {
    const names = accepted.map((t) => ({ "application/pdf": "PDF", "image/png": "PNG", "image/jpeg": "JPEG" })[t]).join("・");
    throw new AppError(400, "bad_file_type", `「${name}」は ${names} のいずれでもありません。`);
  }
  return type;
}

export function sha256Of(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function storeFile(
  db: Queryable,
  input: { name: string; mimeType: string; bytes: Uint8Array; createdBy: string | null },
): Promise<StoredFile> {
  const sha256 = sha256Of(input.bytes);
  const { rows } = await db.query<{ id: string }>(
    "INSERT INTO files (name, mime_type, size_bytes, sha256, content, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
    [input.name, input.mimeType, input.bytes.length, sha256, Buffer.from(input.bytes), input.createdBy],
  );
  return { id: rows[0].id, name: input.name, mimeType: input.mimeType, sizeBytes: input.bytes.length, sha256, createdBy: input.createdBy };
}

export async function readFileRow(db: Queryable, id: string): Promise<StoredFile & { bytes: Uint8Array }> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    mime_type: string;
    size_bytes: number;
    sha256: string;
    created_by: string | null;
    content: Uint8Array;
  }>("SELECT * FROM files WHERE id = $1", [id]);
  const row = rows[0];
  if (!row) throw new NotFound("ファイル");
  return {
    id: row.id,
    name: row.name,
    mimeType: row.mime_type,
    sizeBytes: row.size_bytes,
    sha256: row.sha256,
    createdBy: row.created_by,
    bytes: new Uint8Array(row.content),
  };
}
