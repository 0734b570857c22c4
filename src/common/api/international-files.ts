// Contracts of the 国際 module's attachments (issue 15): files kept with a 国際関連事業 (資料) and with a 海外出張 (its
// 添付資料, and 報告書の添付 apart from them). Files are read by whoever may read the record (projects: every member
// of staff; trips: their division, their travellers and the bureau) and added or deleted by whoever may change it
// (the owning division's editors and administrators; a trip's report attachments also by its travellers who are
// editors). PDF, images and Office files, as the platform allows (common/upload-limits.ts ATTACHMENT_TYPES).
import { z } from "zod";
import { DOCUMENT_UPLOAD_MAX_BYTES } from "../upload-limits";
import { defineContract, idParams } from "./contract";

/** Where a trip's file belongs: the trip's own 添付資料, or its report (報告書の添付). */
export const TRIP_FILE_SECTIONS = ["trip", "report"] as const;
export type TripFileSection = (typeof TRIP_FILE_SECTIONS)[number];

export const attachment = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  /** ISO timestamp */
  createdAt: z.string(),
  /** who uploaded it (null: stored by the system, e.g. sample data) */
  uploaderName: z.string().nullable(),
});
export type Attachment = z.infer<typeof attachment>;

export const projectAttachments = z.object({
  items: z.array(attachment),
  /** the caller may add and delete files (the project's division's editors, administrators) */
  canEdit: z.boolean(),
});
export type ProjectAttachments = z.infer<typeof projectAttachments>;

export const tripAttachments = z.object({
  /** the trip's own 添付資料 */
  items: z.array(attachment),
  /** 報告書の添付 */
  reportItems: z.array(attachment),
  /** the caller may add and delete the trip's files now (its division's editors, until it is 完了 or 中止) */
  canEdit: z.boolean(),
  /** the caller may add and delete the report's files now (as for filing the report: 帰庁・報告書提出) */
  canEditReport: z.boolean(),
});
export type TripAttachments = z.infer<typeof tripAttachments>;

const fileParams = z.object({ id: z.uuid(), fileId: z.uuid() });
const UPLOAD_NOTE = "multipart/form-data の file 項目。PDF・PNG・JPEG・Word・Excel・PowerPoint、10MB まで";

// ------------------------------------------------------------------ 国際関連事業の資料

export const listProjectAttachments = defineContract({
  method: "get",
  path: "/api/international/projects/:id/attachments",
  tag: "international",
  summary: "国際関連事業の添付資料の一覧",
  allow: ["staff"],
  params: idParams,
  response: projectAttachments,
});

export const uploadProjectAttachment = defineContract({
  method: "post",
  path: "/api/international/projects/:id/attachments",
  tag: "international",
  summary: `国際関連事業に資料を添付（その事業の課の職員だけ。${UPLOAD_NOTE}）`,
  allow: ["editor"],
  kind: "multipart",
  uploadMaxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
  params: idParams,
  response: projectAttachments,
});

export const downloadProjectAttachment = defineContract({
  method: "get",
  path: "/api/international/projects/:id/attachments/:fileId",
  tag: "international",
  summary: "国際関連事業の添付資料をダウンロード",
  allow: ["staff"],
  kind: "file",
  params: fileParams,
  response: z.unknown(),
});

export const deleteProjectAttachment = defineContract({
  method: "delete",
  path: "/api/international/projects/:id/attachments/:fileId",
  tag: "international",
  summary: "国際関連事業の添付資料を削除（その事業の課の職員だけ）",
  allow: ["editor"],
  params: fileParams,
  response: projectAttachments,
});

// ------------------------------------------------------------------ 海外出張の添付資料・報告書の添付

export const listTripAttachments = defineContract({
  method: "get",
  path: "/api/international/trips/:id/attachments",
  tag: "international",
  summary: "海外出張の添付資料と報告書の添付の一覧",
  allow: ["staff"],
  params: idParams,
  response: tripAttachments,
});

export const uploadTripAttachment = defineContract({
  method: "post",
  path: "/api/international/trips/:id/attachments",
  tag: "international",
  summary: `海外出張に資料を添付（section=report で報告書の添付。${UPLOAD_NOTE}）`,
  allow: ["editor"],
  kind: "multipart",
  uploadMaxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
  params: idParams,
  query: z.object({ section: z.enum(TRIP_FILE_SECTIONS).default("trip") }).strict(),
  response: tripAttachments,
});

export const downloadTripAttachment = defineContract({
  method: "get",
  path: "/api/international/trips/:id/attachments/:fileId",
  tag: "international",
  summary: "海外出張の添付資料（報告書の添付を含む）をダウンロード",
  allow: ["staff"],
  kind: "file",
  params: fileParams,
  response: z.unknown(),
});

export const deleteTripAttachment = defineContract({
  method: "delete",
  path: "/api/international/trips/:id/attachments/:fileId",
  tag: "international",
  summary: "海外出張の添付資料（報告書の添付を含む）を削除",
  allow: ["editor"],
  params: fileParams,
  response: tripAttachments,
});
