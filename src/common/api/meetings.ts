// Contracts of 会議 (platform/meetings, issue 18): one kind of meeting for every partner — a 広域連携 framework's or
// joint project's 関門トップ会談・部課長会議・担当者会議, a 特区 proposal's 区域会議 or 事前相談 — with its attendees by
// organisation, agenda, materials (files), minutes, decisions, and the follow-up items (宿題) it produced, each with
// an owner and a due date, tracked to done. A meeting belongs to a record (ownerKind + ownerId) whose module says who
// reads it and who records its meetings; the assignee of a follow-up closes and reopens it even without that right.
import { z } from "zod";
import { MEETING_KINDS } from "../meetings/meeting-kinds";
import { DOCUMENT_UPLOAD_MAX_BYTES } from "../upload-limits";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams, okResponse, pageOf } from "./contract";

export const FOLLOWUP_STATUSES = ["open", "done"] as const;
export type FollowupStatus = (typeof FOLLOWUP_STATUSES)[number];
export const FOLLOWUP_STATUS_LABELS: Record<FollowupStatus, string> = { open: "未完了", done: "完了" };

/** Which follow-ups a list shows: mine (assigned to me, open), open (all open), overdue (open, past due), done, all. */
export const FOLLOWUP_SCOPES = ["mine", "open", "overdue", "done", "all"] as const;
export type FollowupScope = (typeof FOLLOWUP_SCOPES)[number];

export const MEETING_SORTS = ["held_desc", "held_asc", "title"] as const;
export type MeetingSort = (typeof MEETING_SORTS)[number];

/** Limits the form and the database share. */
export const MEETING_LIMITS = {
  title: 200,
  place: 200,
  onlineUrl: 500,
  agenda: 8000,
  minutes: 40000,
  attendees: 60,
  organisationName: 100,
  people: 1000,
  decisions: 60,
  decision: 2000,
  followupTitle: 200,
  followupDetail: 4000,
  doneNote: 2000,
} as const;

const uuid = z.uuid({ message: "IDの形式が正しくありません" });
const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内です。`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);
const version = z.number().int().min(1);
const time = z
  .string()
  .trim()
  .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, "時刻は 14:00 のように入力してください。")
  .transform((t) => t.padStart(5, "0"));
const ownerKind = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9]*\.[a-z][a-z0-9_]*$/, "会議の対象の種類が正しくありません。")
  .max(60);

// ------------------------------------------------------------------ shapes

export const meetingOwner = z.object({
  kind: z.string(),
  /** the kind of record (連携の枠組み, 連携事業, 特区の提案) */
  kindLabel: z.string(),
  id: z.string(),
  /** the record's title, and its page (null when the record is gone) */
  title: z.string().nullable(),
  path: z.string().nullable(),
});
export type MeetingOwner = z.infer<typeof meetingOwner>;

export const meetingSummary = z.object({
  id: z.string(),
  owner: meetingOwner,
  kind: z.enum(MEETING_KINDS),
  title: z.string(),
  heldOn: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  place: z.string(),
  online: z.boolean(),
  /** the attending organisations, in order */
  organisations: z.array(z.string()),
  decisionCount: z.number().int(),
  materialCount: z.number().int(),
  openFollowups: z.number().int(),
  overdueFollowups: z.number().int(),
  isSample: z.boolean(),
});
export type MeetingSummary = z.infer<typeof meetingSummary>;

export const meetingAttendee = z.object({
  organisationName: z.string(),
  organisationId: z.string().nullable(),
  people: z.string(),
});
export type MeetingAttendee = z.infer<typeof meetingAttendee>;

export const meetingMaterial = z.object({
  id: z.string(),
  name: z.string(),
  mimeType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: z.string(),
  uploaderName: z.string().nullable(),
});
export type MeetingMaterial = z.infer<typeof meetingMaterial>;

export const followup = z.object({
  id: z.string(),
  meetingId: z.string(),
  title: z.string(),
  detail: z.string(),
  assigneeId: z.string().nullable(),
  assigneeName: z.string().nullable(),
  assigneeOrganisation: z.string().nullable(),
  /** an outside owner (下関市, 各市町 …) */
  ownerOrganisation: z.string().nullable(),
  dueOn: z.string().nullable(),
  status: z.enum(FOLLOWUP_STATUSES),
  doneOn: z.string().nullable(),
  doneByName: z.string().nullable(),
  doneNote: z.string(),
  /** open and past its due date (today in Japan) */
  overdue: z.boolean(),
  /** assigned to the caller */
  mine: z.boolean(),
  /** the caller may close and reopen it (the owner's managers and the assignee) */
  canClose: z.boolean(),
  isSample: z.boolean(),
  version: z.number().int(),
});
export type Followup = z.infer<typeof followup>;

export const meetingDetail = meetingSummary.extend({
  onlineUrl: z.string().nullable(),
  agenda: z.string(),
  minutes: z.string(),
  attendees: z.array(meetingAttendee),
  decisions: z.array(z.string()),
  materials: z.array(meetingMaterial),
  followups: z.array(followup),
  createdByName: z.string().nullable(),
  updatedAt: z.string(),
  version: z.number().int(),
  /** the caller may edit and delete the meeting, its materials and follow-ups */
  canManage: z.boolean(),
});
export type MeetingDetail = z.infer<typeof meetingDetail>;

export const followupListItem = followup.extend({
  meetingTitle: z.string(),
  meetingKind: z.enum(MEETING_KINDS),
  meetingHeldOn: z.string(),
  owner: meetingOwner,
});
export type FollowupListItem = z.infer<typeof followupListItem>;

// ------------------------------------------------------------------ bodies

const attendeeBody = z
  .object({
    organisationName: required("出席団体", MEETING_LIMITS.organisationName),
    organisationId: uuid.nullable().default(null),
    people: text("出席者", MEETING_LIMITS.people).default(""),
  })
  .strict();

export const meetingFields = z
  .object({
    kind: z.enum(MEETING_KINDS, { error: "会議の種類を選んでください。" }),
    title: required("会議名", MEETING_LIMITS.title),
    heldOn: zJapaneseDate,
    startsAt: time.nullable().default(null),
    endsAt: time.nullable().default(null),
    place: text("場所", MEETING_LIMITS.place).default(""),
    online: z.boolean().default(false),
    onlineUrl: text("オンライン会議のURL", MEETING_LIMITS.onlineUrl)
      .regex(/^(https?:\/\/\S+)?$/, "URLは https:// から入力してください。")
      .transform((u) => (u === "" ? null : u))
      .nullable()
      .default(null),
    agenda: text("議題", MEETING_LIMITS.agenda).default(""),
    minutes: text("議事録", MEETING_LIMITS.minutes).default(""),
    attendees: z.array(attendeeBody).max(MEETING_LIMITS.attendees, `出席団体は${MEETING_LIMITS.attendees}件までです。`).default([]),
    decisions: z
      .array(required("決定事項", MEETING_LIMITS.decision))
      .max(MEETING_LIMITS.decisions, `決定事項は${MEETING_LIMITS.decisions}件までです。`)
      .default([]),
  })
  .strict();

const meetingRefinements = <
  T extends z.ZodType<{ startsAt: string | null; endsAt: string | null; online: boolean; onlineUrl: string | null }>,
>(
  schema: T,
) =>
  schema
    .refine((m) => m.endsAt === null || (m.startsAt !== null && m.endsAt > m.startsAt), {
      message: "終了時刻は開始時刻より後にしてください（終了時刻だけの入力はできません）。",
      path: ["endsAt"],
    })
    .refine((m) => m.online || m.onlineUrl === null, {
      message: "URLを入力するときは「オンライン」を選んでください。",
      path: ["onlineUrl"],
    });

export const createMeetingBody = meetingRefinements(meetingFields.extend({ ownerKind, ownerId: uuid }).strict());
export const updateMeetingBody = meetingRefinements(meetingFields.extend({ version }).strict());

const followupFields = {
  title: required("宿題", MEETING_LIMITS.followupTitle),
  detail: text("内容", MEETING_LIMITS.followupDetail).default(""),
  assigneeId: uuid.nullable().default(null),
  ownerOrganisation: text("担当団体", MEETING_LIMITS.organisationName)
    .transform((o) => (o === "" ? null : o))
    .nullable()
    .default(null),
  dueOn: zJapaneseDate.nullable().default(null),
};
export const createFollowupBody = z.object(followupFields).strict();
export const updateFollowupBody = z.object({ ...followupFields, version }).strict();

const followupParams = z.object({ id: uuid, followupId: uuid });
const fileParams = z.object({ id: uuid, fileId: uuid });

const meetingFilters = {
  kind: z.enum(MEETING_KINDS).optional(),
  ownerKind: ownerKind.optional(),
  fiscalYear: z.coerce.number().int().min(1989).max(2100).optional(),
  from: zJapaneseDate.optional(),
  to: zJapaneseDate.optional(),
  q: z.string().trim().max(100, "検索語は100文字以内です。").optional(),
};

// ------------------------------------------------------------------ endpoints

export const listRecordMeetings = defineContract({
  method: "get",
  path: "/api/meetings/for-record",
  tag: "meetings",
  summary: "ある記録（連携の枠組み・連携事業・特区の提案など）の会議の一覧と未完了の宿題の数（その記録を読める職員）",
  allow: ["staff"],
  query: z.object({ ownerKind, ownerId: uuid }).strict(),
  response: z.object({
    owner: meetingOwner,
    items: z.array(meetingSummary),
    openFollowups: z.number().int(),
    overdueFollowups: z.number().int(),
    canManage: z.boolean(),
  }),
});

export const listMeetings = defineContract({
  method: "get",
  path: "/api/meetings",
  tag: "meetings",
  summary: "読める会議の一覧（種類・対象の種類・年度・期間・語で絞り込み、並べ替え、ページ送り）",
  allow: ["staff"],
  query: z
    .object({
      ...meetingFilters,
      sort: z.enum(MEETING_SORTS).default("held_desc"),
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    })
    .strict(),
  response: pageOf(meetingSummary).extend({
    /** the kinds of record the caller may see meetings of (for the filter) */
    ownerKinds: z.array(z.object({ kind: z.string(), label: z.string() })),
  }),
});

export const exportMeetings = defineContract({
  method: "get",
  path: "/api/meetings/export",
  tag: "meetings",
  summary: "会議の一覧をCSV（UTF-8 BOM付き）かExcelで出力（画面と同じ絞り込み。宿題は別シート・別ファイルではなく件数で）",
  allow: ["staff"],
  kind: "file",
  query: z
    .object({ ...meetingFilters, sort: z.enum(MEETING_SORTS).default("held_desc"), format: z.enum(["csv", "xlsx"]).default("csv") })
    .strict(),
  response: z.unknown(),
});

export const listFollowups = defineContract({
  method: "get",
  path: "/api/meetings/followups",
  tag: "meetings",
  summary: "会議の宿題（フォローアップ）の一覧: 自分の担当・未完了・期限切れ・完了・すべて（期限切れ、期限の早い順）",
  allow: ["staff"],
  query: z
    .object({
      scope: z.enum(FOLLOWUP_SCOPES).default("open"),
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    })
    .strict(),
  response: pageOf(followupListItem).extend({
    /** counts for the tabs */
    counts: z.object({ mine: z.number().int(), open: z.number().int(), overdue: z.number().int() }),
  }),
});

export const getMeeting = defineContract({
  method: "get",
  path: "/api/meetings/:id",
  tag: "meetings",
  summary: "会議の詳細（出席者・議題・資料・議事録・決定事項・宿題）",
  allow: ["staff"],
  params: idParams,
  response: meetingDetail,
});

export const createMeeting = defineContract({
  method: "post",
  path: "/api/meetings",
  tag: "meetings",
  summary: "会議を記録（その記録の会議を記録できる職員: 広域連携は所管局の担当者、特区は特区の担当者）",
  allow: ["staff"],
  body: createMeetingBody,
  response: meetingDetail,
});

export const updateMeeting = defineContract({
  method: "put",
  path: "/api/meetings/:id",
  tag: "meetings",
  summary: "会議の記録（日時・場所・出席者・議題・議事録・決定事項）を変更（version が古いと409）",
  allow: ["staff"],
  params: idParams,
  body: updateMeetingBody,
  response: meetingDetail,
});

export const deleteMeeting = defineContract({
  method: "delete",
  path: "/api/meetings/:id",
  tag: "meetings",
  summary: "会議を削除（資料・宿題とも。?version= が古いと409）",
  allow: ["staff"],
  params: idParams,
  query: z.object({ version: z.coerce.number().int().min(1) }).strict(),
  response: okResponse,
});

export const uploadMeetingMaterial = defineContract({
  method: "post",
  path: "/api/meetings/:id/materials",
  tag: "meetings",
  summary: "会議に資料を添付（multipart/form-data の file 項目。PDF・PNG・JPEG・Word・Excel・PowerPoint、10MB まで）",
  allow: ["staff"],
  kind: "multipart",
  uploadMaxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
  params: idParams,
  response: meetingDetail,
});

export const downloadMeetingMaterial = defineContract({
  method: "get",
  path: "/api/meetings/:id/materials/:fileId",
  tag: "meetings",
  summary: "会議の資料をダウンロード",
  allow: ["staff"],
  kind: "file",
  params: fileParams,
  response: z.unknown(),
});

export const deleteMeetingMaterial = defineContract({
  method: "delete",
  path: "/api/meetings/:id/materials/:fileId",
  tag: "meetings",
  summary: "会議の資料を削除",
  allow: ["staff"],
  params: fileParams,
  response: meetingDetail,
});

export const createFollowup = defineContract({
  method: "post",
  path: "/api/meetings/:id/followups",
  tag: "meetings",
  summary: "会議の宿題（フォローアップ）を追加（担当の職員・担当団体・期限）",
  allow: ["staff"],
  params: idParams,
  body: createFollowupBody,
  response: meetingDetail,
});

export const updateFollowup = defineContract({
  method: "put",
  path: "/api/meetings/:id/followups/:followupId",
  tag: "meetings",
  summary: "宿題を変更（担当者の割当・期限の設定を含む。version が古いと409）",
  allow: ["staff"],
  params: followupParams,
  body: updateFollowupBody,
  response: meetingDetail,
});

export const closeFollowup = defineContract({
  method: "post",
  path: "/api/meetings/:id/followups/:followupId/close",
  tag: "meetings",
  summary: "宿題を完了にする（完了日と結果のメモ。会議を記録できる職員と、その宿題の担当者）",
  allow: ["staff"],
  params: followupParams,
  body: z
    .object({ version, doneOn: zJapaneseDate.nullable().default(null), note: text("結果のメモ", MEETING_LIMITS.doneNote).default("") })
    .strict(),
  response: meetingDetail,
});

export const reopenFollowup = defineContract({
  method: "post",
  path: "/api/meetings/:id/followups/:followupId/reopen",
  tag: "meetings",
  summary: "完了した宿題を未完了に戻す（会議を記録できる職員と、その宿題の担当者）",
  allow: ["staff"],
  params: followupParams,
  body: z.object({ version }).strict(),
  response: meetingDetail,
});

export const deleteFollowup = defineContract({
  method: "delete",
  path: "/api/meetings/:id/followups/:followupId",
  tag: "meetings",
  summary: "宿題を削除（?version= が古いと409）",
  allow: ["staff"],
  params: followupParams,
  query: z.object({ version: z.coerce.number().int().min(1) }).strict(),
  response: meetingDetail,
});
