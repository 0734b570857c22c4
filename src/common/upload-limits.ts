// Upload limits in one place, shared by the server's checks and the forms' checks before sending.

export const TABLE_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
export const DOCUMENT_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
/** photos and evidence files per gift */
export const FILES_PER_GIFT_MAX = 20;

export interface AcceptedTypes {
  mimeTypes: string[];
  extensions: string[];
}

/** evidence (根拠資料) and supplier documents */
export const DOCUMENT_TYPES: AcceptedTypes = {
  mimeTypes: ["application/pdf", "image/png", "image/jpeg"],
  extensions: [".pdf", ".png", ".jpg", ".jpeg"],
};

/**
 * attachments kept with a record (国際関連事業・海外出張の添付資料): PDF, images and Office files (.docx, .xlsx,
 * .pptx); up to DOCUMENT_UPLOAD_MAX_BYTES
 */
export const ATTACHMENT_TYPES: AcceptedTypes = {
  mimeTypes: [
    ...DOCUMENT_TYPES.mimeTypes,
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  ],
  extensions: [...DOCUMENT_TYPES.extensions, ".docx", ".xlsx", ".pptx"],
};

/** attachments per record and section (a project's 資料, a trip's 添付資料, its report's) */
export const ATTACHMENTS_PER_SECTION_MAX = 30;

/** gift photos */
export const IMAGE_TYPES: AcceptedTypes = { mimeTypes: ["image/png", "image/jpeg"], extensions: [".png", ".jpg", ".jpeg"] };

/** a 市町's open-data file (自治体標準オープンデータセット): CSV, or TSV from Excel's UTF-16 text; up to TABLE_UPLOAD_MAX_BYTES */
export const OPEN_DATA_TYPES: AcceptedTypes = {
  mimeTypes: ["text/csv", "text/tab-separated-values", "text/plain"],
  extensions: [".csv", ".tsv", ".txt"],
};

/** Word documents (the 局区方針 import); up to DOCUMENT_UPLOAD_MAX_BYTES */
export const WORD_TYPES: AcceptedTypes = {
  mimeTypes: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  extensions: [".docx"],
};
