// Contracts of the SDGsステーション (issue 16): the desk's consultations (相談), matching requests between companies and
// partners (マッチング), events and information posts (イベント・お知らせ) with their public page, the yearly cost of the
// desk, and the statistics its 経営分析 reads (issue 19). Every member of staff reads; the bureau that runs the
// station (sdgs.manager: its editors and administrators) records and edits. A citizen who consults is never named:
// a consultation names a registered company (sdgs_companies) or, for an organisation or a school, a free label.
import { z } from "zod";
import { CLIENT_KINDS, CONSULTATION_CHANNELS, CONSULTATION_OUTCOMES, CONSULTATION_TOPICS, MATCHING_STATUSES } from "../sdgs/labels";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams, okResponse, pageOf } from "./contract";

const uuid = z.uuid({ message: "IDの形式が正しくありません" });
const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内で入力してください。`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);
const version = z.number({ error: "版数（version）が必要です。" }).int().min(1);
const fiscalYearQuery = z.coerce
  .number({ error: "年度を数値で入力してください。" })
  .int("年度は整数です。")
  .min(2000, "年度は2000年度以降です。")
  .max(2100, "年度は2100年度までです。");
const goals = z
  .array(z.number().int().min(1, "SDGsの目標は1〜17です。").max(17, "SDGsの目標は1〜17です。"))
  .max(17)
  .default([])
  .transform((list) => [...new Set(list)].sort((a, b) => a - b));
const pageQuery = {
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
};

// ------------------------------------------------------------------------------------------------ 相談 consultations

export const FOLLOW_UP_STATES = ["none", "open", "overdue", "done"] as const;
export type FollowUpState = (typeof FOLLOW_UP_STATES)[number];
export const FOLLOW_UP_STATE_LABELS: Record<FollowUpState, string> = {
  none: "なし",
  open: "対応予定",
  overdue: "期限超過",
  done: "対応済み",
};

export const consultation = z.object({
  id: z.string(),
  consultedOn: z.string(),
  fiscalYear: z.number().int(),
  channel: z.enum(CONSULTATION_CHANNELS),
  clientKind: z.enum(CLIENT_KINDS),
  companyId: z.string().nullable(),
  companyName: z.string().nullable(),
  /** an organisation's or a school's name; always empty for a citizen */
  clientLabel: z.string(),
  topic: z.enum(CONSULTATION_TOPICS),
  sdgGoals: z.array(z.number().int()),
  staffUserId: z.string().nullable(),
  staffName: z.string().nullable(),
  summary: z.string(),
  outcome: z.enum(CONSULTATION_OUTCOMES),
  followUp: z.string(),
  followUpDue: z.string().nullable(),
  followUpDoneAt: z.string().nullable(),
  followUpState: z.enum(FOLLOW_UP_STATES),
  version: z.number().int(),
  isSample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Consultation = z.infer<typeof consultation>;

export const CONSULTATION_SORTS = ["consultedOn", "-consultedOn", "followUpDue", "-followUpDue", "topic", "outcome"] as const;

export const consultationListQuery = z
  .object({
    ...pageQuery,
    fiscalYear: fiscalYearQuery.optional(),
    /** 1–12: the calendar month (within the fiscal year when one is given) */
    month: z.coerce.number().int().min(1, "月は1〜12です。").max(12, "月は1〜12です。").optional(),
    channel: z.enum(CONSULTATION_CHANNELS).optional(),
    clientKind: z.enum(CLIENT_KINDS).optional(),
    topic: z.enum(CONSULTATION_TOPICS).optional(),
    outcome: z.enum(CONSULTATION_OUTCOMES).optional(),
    sdgGoal: z.coerce.number().int().min(1).max(17).optional(),
    /** open: a follow-up not done yet; overdue: not done and past its due date (in Japan) */
    followUp: z.enum(["open", "overdue"]).optional(),
    /** 相談者・企業名・概要・フォローアップ */
    q: z.string().trim().max(100).optional(),
    sort: z.enum(CONSULTATION_SORTS).default("-consultedOn"),
  })
  .strict();
export type ConsultationListQuery = z.input<typeof consultationListQuery>;
export type ConsultationListFilter = z.output<typeof consultationListQuery>;

export const listConsultations = defineContract({
  method: "get",
  path: "/api/sdgs/station/consultations",
  tag: "sdgs",
  summary: "SDGsステーションの相談の一覧（年度・月・方法・相談者区分・内容・結果・SDGs目標・フォローアップ・キーワードで絞り込み）",
  allow: ["staff"],
  query: consultationListQuery,
  response: pageOf(consultation).extend({ canManage: z.boolean() }),
});

export const consultationBody = z
  .object({
    consultedOn: zJapaneseDate,
    channel: z.enum(CONSULTATION_CHANNELS, { error: "相談方法を選んでください。" }),
    clientKind: z.enum(CLIENT_KINDS, { error: "相談者の区分を選んでください。" }),
    companyId: uuid.nullable().default(null),
    clientLabel: text("相談者（団体名など）", 200).default(""),
    topic: z.enum(CONSULTATION_TOPICS, { error: "相談内容を選んでください。" }),
    sdgGoals: goals,
    staffUserId: uuid.nullable().default(null),
    summary: text("相談の概要", 4000).default(""),
    outcome: z.enum(CONSULTATION_OUTCOMES, { error: "対応結果を選んでください。" }),
    followUp: text("フォローアップ", 2000).default(""),
    followUpDue: zJapaneseDate.nullable().default(null),
  })
  .strict()
  .superRefine((c, ctx) => {
    // 市民 is a private person: never named, never tied to a company
    if (c.clientKind === "citizen" && (c.clientLabel !== "" || c.companyId !== null))
      ctx.addIssue({
        code: "custom",
        path: ["clientLabel"],
        message: "市民の相談では氏名などを記録しません。相談者欄を空にしてください。",
      });
    if (c.clientKind !== "company" && c.companyId !== null)
      ctx.addIssue({ code: "custom", path: ["companyId"], message: "企業を選べるのは相談者の区分が「企業」のときだけです。" });
    if (c.clientKind === "company" && c.companyId === null && c.clientLabel === "")
      ctx.addIssue({
        code: "custom",
        path: ["companyId"],
        message: "企業を選ぶか、登録されていない企業なら企業名を入力してください。",
      });
    if (c.followUpDue !== null && c.followUp === "")
      ctx.addIssue({ code: "custom", path: ["followUp"], message: "フォローアップの期限を入れるときは、その内容も入力してください。" });
  });
export type ConsultationInput = z.output<typeof consultationBody>;

export const getConsultation = defineContract({
  method: "get",
  path: "/api/sdgs/station/consultations/:id",
  tag: "sdgs",
  summary: "SDGsステーションの相談（1件）",
  allow: ["staff"],
  params: idParams,
  response: consultation.extend({
    canManage: z.boolean(),
    matchings: z.array(z.object({ id: z.string(), purpose: z.string(), status: z.enum(MATCHING_STATUSES) })),
  }),
});

export const createConsultation = defineContract({
  method: "post",
  path: "/api/sdgs/station/consultations",
  tag: "sdgs",
  summary: "相談を記録（所管局の担当者）",
  allow: ["sdgs.manager"],
  body: consultationBody,
  response: consultation,
});

export const updateConsultation = defineContract({
  method: "put",
  path: "/api/sdgs/station/consultations/:id",
  tag: "sdgs",
  summary: "相談の記録を変更（所管局の担当者。版数が古いと409）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: z.object({ version, consultation: consultationBody }).strict(),
  response: consultation,
});

export const deleteConsultation = defineContract({
  method: "delete",
  path: "/api/sdgs/station/consultations/:id",
  tag: "sdgs",
  summary: "相談の記録を削除（所管局の担当者。?version= が古いと409）",
  allow: ["sdgs.manager"],
  params: idParams,
  query: z.object({ version: z.coerce.number().int().min(1) }).strict(),
  response: okResponse,
});

export const completeConsultationFollowUp = defineContract({
  method: "post",
  path: "/api/sdgs/station/consultations/:id/follow-up-done",
  tag: "sdgs",
  summary: "相談のフォローアップを対応済みにする（所管局の担当者）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: z.object({ version }).strict(),
  response: consultation,
});

/** The pickers of the consultation form: the sample and registered companies, the bureau's staff. */
export const stationChoices = defineContract({
  method: "get",
  path: "/api/sdgs/station/choices",
  tag: "sdgs",
  summary: "相談・マッチングの入力で選ぶ企業と所管局の職員",
  allow: ["staff"],
  response: z.object({
    companies: z.array(z.object({ id: z.string(), name: z.string() })),
    staff: z.array(z.object({ id: z.string(), name: z.string(), organisationName: z.string() })),
  }),
});

// ------------------------------------------------------------------------------------------------ マッチング

export const matching = z.object({
  id: z.string(),
  requestedOn: z.string(),
  fiscalYear: z.number().int(),
  requesterCompanyId: z.string().nullable(),
  requesterCompanyName: z.string().nullable(),
  requesterLabel: z.string(),
  partnerLabel: z.string(),
  purpose: z.string(),
  sdgGoals: z.array(z.number().int()),
  status: z.enum(MATCHING_STATUSES),
  /** the statuses it may move to next */
  nextStatuses: z.array(z.enum(MATCHING_STATUSES)),
  resultOn: z.string().nullable(),
  resultNote: z.string(),
  consultationId: z.string().nullable(),
  staffUserId: z.string().nullable(),
  staffName: z.string().nullable(),
  version: z.number().int(),
  isSample: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Matching = z.infer<typeof matching>;

export const listMatchings = defineContract({
  method: "get",
  path: "/api/sdgs/station/matchings",
  tag: "sdgs",
  summary: "マッチングの一覧（年度・状況・キーワードで絞り込み）",
  allow: ["staff"],
  query: z
    .object({
      ...pageQuery,
      fiscalYear: fiscalYearQuery.optional(),
      status: z.enum(MATCHING_STATUSES).optional(),
      q: z.string().trim().max(100).optional(),
    })
    .strict(),
  response: pageOf(matching).extend({ canManage: z.boolean() }),
});

const matchingFields = {
  requestedOn: zJapaneseDate,
  requesterCompanyId: uuid.nullable().default(null),
  /** the requester's name; a picked company's name when left empty */
  requesterLabel: text("依頼者", 200).default(""),
  partnerLabel: text("紹介先", 200).default(""),
  purpose: required("目的・内容", 2000),
  sdgGoals: goals,
  consultationId: uuid.nullable().default(null),
  staffUserId: uuid.nullable().default(null),
};

export const matchingCreateBody = z
  .object(matchingFields)
  .strict()
  .refine((m) => m.requesterCompanyId !== null || m.requesterLabel !== "", {
    message: "依頼者の企業を選ぶか、依頼者の名前を入力してください。",
    path: ["requesterLabel"],
  });
export type MatchingCreateInput = z.output<typeof matchingCreateBody>;

export const matchingUpdateBody = z
  .object({
    ...matchingFields,
    status: z.enum(MATCHING_STATUSES),
    resultOn: zJapaneseDate.nullable().default(null),
    resultNote: text("結果", 2000).default(""),
  })
  .strict()
  .refine((m) => m.requesterCompanyId !== null || m.requesterLabel !== "", {
    message: "依頼者の企業を選ぶか、依頼者の名前を入力してください。",
    path: ["requesterLabel"],
  })
  .refine((m) => ["matched", "not_matched"].includes(m.status) === (m.resultOn !== null), {
    message: "成立・不成立にするときは結果日を入力してください（それ以外の状況では結果日を空にしてください）。",
    path: ["resultOn"],
  });
export type MatchingUpdateInput = z.output<typeof matchingUpdateBody>;

export const getMatching = defineContract({
  method: "get",
  path: "/api/sdgs/station/matchings/:id",
  tag: "sdgs",
  summary: "マッチング（1件）",
  allow: ["staff"],
  params: idParams,
  response: matching.extend({ canManage: z.boolean() }),
});

export const createMatching = defineContract({
  method: "post",
  path: "/api/sdgs/station/matchings",
  tag: "sdgs",
  summary: "マッチングの依頼を記録（所管局の担当者）",
  allow: ["sdgs.manager"],
  body: matchingCreateBody,
  response: matching,
});

export const updateMatching = defineContract({
  method: "put",
  path: "/api/sdgs/station/matchings/:id",
  tag: "sdgs",
  summary: "マッチングを変更・状況を進める（依頼受付→紹介済み→協議中→成立・不成立、または取下げ。所管局の担当者）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: z.object({ version, matching: matchingUpdateBody }).strict(),
  response: matching,
});

// ------------------------------------------------------------------------------------------------ イベント・お知らせ

export const POST_KINDS = ["event", "info"] as const;
export type PostKind = (typeof POST_KINDS)[number];
export const POST_KIND_LABELS: Record<PostKind, string> = { event: "イベント", info: "お知らせ" };

export const stationPost = z.object({
  id: z.string(),
  kind: z.enum(POST_KINDS),
  title: z.string(),
  body: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  place: z.string(),
  url: z.string(),
  publishedAt: z.string().nullable(),
  version: z.number().int(),
  isSample: z.boolean(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type StationPost = z.infer<typeof stationPost>;

export const listStationPosts = defineContract({
  method: "get",
  path: "/api/sdgs/station/posts",
  tag: "sdgs",
  summary: "イベント・お知らせの一覧（公開前のものも）",
  allow: ["staff"],
  query: z.object({ ...pageQuery, kind: z.enum(POST_KINDS).optional(), published: z.enum(["true", "false"]).optional() }).strict(),
  response: pageOf(stationPost).extend({ canManage: z.boolean() }),
});

const dateTime = z.iso.datetime({ offset: true, message: "日時の形式が正しくありません。" });

export const stationPostBody = z
  .object({
    kind: z.enum(POST_KINDS, { error: "種類（イベント・お知らせ）を選んでください。" }),
    title: required("題名", 200),
    body: text("本文", 8000).default(""),
    startsAt: dateTime.nullable().default(null),
    endsAt: dateTime.nullable().default(null),
    place: text("場所", 200).default(""),
    url: text("URL", 500)
      .default("")
      .refine((u) => u === "" || /^https?:\/\/[^\s]+$/.test(u), "URLは http:// か https:// で始まる形で入力してください。"),
  })
  .strict()
  .refine((p) => p.kind === "info" || p.startsAt !== null, { message: "イベントには開始日時を入力してください。", path: ["startsAt"] })
  .refine((p) => p.endsAt === null || (p.startsAt !== null && Date.parse(p.endsAt) >= Date.parse(p.startsAt)), {
    message: "終了日時は開始日時より後にしてください。",
    path: ["endsAt"],
  });
export type StationPostInput = z.output<typeof stationPostBody>;

export const getStationPost = defineContract({
  method: "get",
  path: "/api/sdgs/station/posts/:id",
  tag: "sdgs",
  summary: "イベント・お知らせ（1件、公開前のものも）",
  allow: ["staff"],
  params: idParams,
  response: stationPost.extend({ canManage: z.boolean() }),
});

export const createStationPost = defineContract({
  method: "post",
  path: "/api/sdgs/station/posts",
  tag: "sdgs",
  summary: "イベント・お知らせを作成（公開前の下書き。所管局の担当者）",
  allow: ["sdgs.manager"],
  body: stationPostBody,
  response: stationPost,
});

export const updateStationPost = defineContract({
  method: "put",
  path: "/api/sdgs/station/posts/:id",
  tag: "sdgs",
  summary: "イベント・お知らせを変更（所管局の担当者。版数が古いと409）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: z.object({ version, post: stationPostBody }).strict(),
  response: stationPost,
});

export const deleteStationPost = defineContract({
  method: "delete",
  path: "/api/sdgs/station/posts/:id",
  tag: "sdgs",
  summary: "イベント・お知らせを削除（所管局の担当者。?version= が古いと409）",
  allow: ["sdgs.manager"],
  params: idParams,
  query: z.object({ version: z.coerce.number().int().min(1) }).strict(),
  response: okResponse,
});

export const publishStationPost = defineContract({
  method: "post",
  path: "/api/sdgs/station/posts/:id/publish",
  tag: "sdgs",
  summary: "イベント・お知らせを公開ページに載せる（所管局の担当者）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: z.object({ version }).strict(),
  response: stationPost,
});

export const unpublishStationPost = defineContract({
  method: "post",
  path: "/api/sdgs/station/posts/:id/unpublish",
  tag: "sdgs",
  summary: "イベント・お知らせを公開ページから下ろす（所管局の担当者）",
  allow: ["sdgs.manager"],
  params: idParams,
  body: z.object({ version }).strict(),
  response: stationPost,
});

// Public: what a citizen sees. Exactly these keys (no author, no version, no internal timestamps).
export const publicStationPost = z.object({
  id: z.string(),
  kind: z.enum(POST_KINDS),
  title: z.string(),
  startsAt: z.string().nullable(),
  endsAt: z.string().nullable(),
  place: z.string(),
  url: z.string(),
  publishedAt: z.string(),
  /** an event that has not ended yet (開催予定・開催中) */
  upcoming: z.boolean(),
  isSample: z.boolean(),
});
export type PublicStationPost = z.infer<typeof publicStationPost>;
export const publicStationPostDetail = publicStationPost.extend({ body: z.string() });

export const listPublicStationPosts = defineContract({
  method: "get",
  path: "/api/public/sdgs/station/posts",
  tag: "public",
  summary: "SDGsステーションのイベント・お知らせ（公開中のもの。開催予定のイベント、お知らせ、終了したイベントの順）",
  allow: ["anyone"],
  rateLimit: { name: "sdgs.station.posts", perMinute: 120 },
  query: z
    .object({
      page: z.coerce.number().int().min(1).default(1),
      pageSize: z.coerce.number().int().min(1).max(50).default(20),
      kind: z.enum(POST_KINDS).optional(),
    })
    .strict(),
  response: pageOf(publicStationPost),
});

export const getPublicStationPost = defineContract({
  method: "get",
  path: "/api/public/sdgs/station/posts/:id",
  tag: "public",
  summary: "SDGsステーションのイベント・お知らせ（1件。公開していないものは404）",
  allow: ["anyone"],
  rateLimit: { name: "sdgs.station.posts", perMinute: 120 },
  params: idParams,
  response: publicStationPostDetail,
});

// ------------------------------------------------------------------------------------------------ 年間経費

export const stationCost = z.object({
  fiscalYear: z.number().int(),
  costYen: z.number().int(),
  note: z.string(),
  isSample: z.boolean(),
  updatedAt: z.string(),
});
export type StationCost = z.infer<typeof stationCost>;

export const listStationCosts = defineContract({
  method: "get",
  path: "/api/sdgs/station/costs",
  tag: "sdgs",
  summary: "SDGsステーションの年間経費（年度ごと）",
  allow: ["staff"],
  response: z.object({ items: z.array(stationCost), canManage: z.boolean() }),
});

export const putStationCost = defineContract({
  method: "put",
  path: "/api/sdgs/station/costs/:fiscalYear",
  tag: "sdgs",
  summary: "SDGsステーションの年間経費を入力・変更（所管局の担当者）",
  allow: ["sdgs.manager"],
  params: z.object({ fiscalYear: fiscalYearQuery }),
  body: z
    .object({
      costYen: z
        .number({ error: "経費を円単位の数値で入力してください。" })
        .int("経費は円単位の整数で入力してください。")
        .min(0, "経費は0円以上です。")
        .max(100_000_000_000, "経費が大きすぎます。"),
      note: text("備考", 1000).default(""),
    })
    .strict(),
  response: stationCost,
});

// ------------------------------------------------------------------------------------------------ 統計

const countRow = z.object({ code: z.string(), label: z.string(), count: z.number().int() });

export const stationStatisticsResponse = z.object({
  fiscalYear: z.number().int(),
  consultations: z.number().int(),
  /** April … March, every month present (0 where none) */
  byMonth: z.array(z.object({ year: z.number().int(), month: z.number().int(), count: z.number().int() })),
  byTopic: z.array(countRow),
  byChannel: z.array(countRow),
  byOutcome: z.array(countRow),
  byClientKind: z.array(countRow),
  /** goals 1–17; a consultation counts once for each goal it concerns */
  byGoal: z.array(z.object({ goal: z.number().int(), label: z.string(), count: z.number().int() })),
  matchingsRequested: z.number().int(),
  /** 成立 whose result date falls in the year */
  matchingsMade: z.number().int(),
  costYen: z.number().int().nullable(),
  /** 相談1件あたりの経費 (yen, rounded): null without a cost entered or without consultations */
  costPerConsultation: z.number().int().nullable(),
  followUpsOpen: z.number().int(),
  followUpsOverdue: z.number().int(),
});
export type StationStatistics = z.infer<typeof stationStatisticsResponse>;

export const getStationStatistics = defineContract({
  method: "get",
  path: "/api/sdgs/station/statistics",
  tag: "sdgs",
  summary: "SDGsステーションの統計（月別・内容別・方法別・結果別・相談者区分別・SDGs目標別、マッチング、相談1件あたりの経費）",
  allow: ["staff"],
  query: z.object({ fiscalYear: fiscalYearQuery }).strict(),
  response: stationStatisticsResponse,
});

export const exportStationStatistics = defineContract({
  method: "get",
  path: "/api/sdgs/station/statistics.xlsx",
  tag: "sdgs",
  summary: "SDGsステーションの統計をExcelで出力",
  allow: ["staff"],
  kind: "file",
  query: z.object({ fiscalYear: fiscalYearQuery }).strict(),
  response: z.unknown(),
});
