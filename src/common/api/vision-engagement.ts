// Contracts of the 新ビジョン engagement features: 有識者会議 (experts' council: members, meetings, comments on a
// round's report and the bureau's responses), Action宣言 (staff declarations, moderated, shown on the lobby board and
// the public page) and 周知・浸透の記録 (outreach events whose yearly counts can feed an indicator).
import { z } from "zod";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams, okResponse } from "./contract";

export const DECLARATION_STATUSES = ["承認待ち", "掲示中", "非掲示"] as const;
export type DeclarationStatus = (typeof DECLARATION_STATUSES)[number];
export const OUTREACH_KINDS = ["職員研修", "出前講演", "ワークショップ", "PR動画", "その他"] as const;
export type OutreachKind = (typeof OUTREACH_KINDS)[number];
export const COMMENT_STATES = ["未対応", "対応済"] as const;
export type CommentState = (typeof COMMENT_STATES)[number];
/** Action宣言 本文の上限（文字）: the board shows it in large type, so it stays short. */
export const DECLARATION_MAX_CHARS = 200;
/** What "feed indicators" writes: the number of events or their total attendance. */
export const OUTREACH_MEASURES = ["count", "attendance"] as const;
export const OUTREACH_ACTUAL_LABEL = "周知・浸透の記録から集計";

const uuid = z.uuid({ message: "IDの形式が正しくありません" });
const planQuery = z.object({ planId: uuid.optional() });
const fiscalYear = z.coerce
  .number({ error: "年度を数値で入力してください。" })
  .int("年度は整数です。")
  .min(2000, "年度は2000年度以降です。")
  .max(2100, "年度は2100年度までです。");
const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内です。`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);

// ------------------------------------------------------------------ 有識者会議

export const councilMember = z.object({
  id: z.string(),
  name: z.string(),
  affiliation: z.string(),
  isChair: z.boolean(),
  active: z.boolean(),
  /** the member has their own login (an external partner account) */
  hasLogin: z.boolean(),
  /** the login id: shown to the bureau's managers only (null for others) */
  loginId: z.string().nullable(),
  isSample: z.boolean(),
});
export type CouncilMember = z.infer<typeof councilMember>;

export const councilMeeting = z.object({
  id: z.string(),
  title: z.string(),
  heldOn: z.string(),
  place: z.string(),
  summary: z.string(),
  memberIds: z.array(z.string()),
  roundId: z.string().nullable(),
  roundName: z.string().nullable(),
  commentCount: z.number().int(),
  isSample: z.boolean(),
});
export type CouncilMeeting = z.infer<typeof councilMeeting>;

export const councilRound = z.object({
  id: z.string(),
  name: z.string(),
  fiscalYear: z.number().int(),
  asOf: z.string(),
  status: z.enum(["open", "closed", "published"]),
  commentCount: z.number().int(),
  openCommentCount: z.number().int(),
});

export const getCouncil = defineContract({
  method: "get",
  path: "/api/vision/council",
  tag: "vision",
  summary: "有識者会議：委員・会議・報告ラウンド（委員は自分が見られるラウンドのみ）",
  allow: ["staff", "vision.council"],
  query: planQuery,
  response: z.object({
    planId: z.string(),
    planName: z.string(),
    /** the caller records meetings and responses (the bureau's managers) */
    canManage: z.boolean(),
    /** the caller's own membership (a council member's login), or null for staff */
    me: councilMember.nullable(),
    members: z.array(councilMember),
    meetings: z.array(councilMeeting),
    rounds: z.array(councilRound),
  }),
});

const memberFields = {
  name: required("氏名", 100),
  affiliation: text("所属・役職", 200),
  isChair: z.boolean(),
};

export const createCouncilMember = defineContract({
  method: "post",
  path: "/api/vision/council/members",
  tag: "vision",
  summary: "有識者会議の委員を登録",
  allow: ["vision.manager"],
  query: planQuery,
  body: z.object(memberFields).strict(),
  response: councilMember,
});

export const updateCouncilMember = defineContract({
  method: "patch",
  path: "/api/vision/council/members/:id",
  tag: "vision",
  summary: "委員の氏名・所属・座長・在任を変更",
  allow: ["vision.manager"],
  params: idParams,
  body: z
    .object({ ...memberFields, active: z.boolean() })
    .partial()
    .strict(),
  response: councilMember,
});

export const createCouncilMemberLogin = defineContract({
  method: "post",
  path: "/api/vision/council/members/:id/login",
  tag: "vision",
  summary: "委員のログインアカウントを作成（外部パートナー権限。有識者会議の画面だけを使えます）",
  allow: ["vision.manager"],
  params: idParams,
  body: z
    .object({
      loginId: z
        .string()
        .trim()
        .toLowerCase()
        .regex(/^[a-z0-9._@-]{3,100}$/, "ログインIDは半角英数字と . _ @ - で3文字以上です。"),
      password: z.string().min(1, "パスワードを入力してください。").max(128),
    })
    .strict(),
  response: councilMember,
});

const meetingBody = z
  .object({
    title: required("会議名", 200),
    heldOn: zJapaneseDate,
    place: text("場所", 200),
    summary: text("概要", 4000),
    memberIds: z.array(uuid).max(50),
    roundId: uuid.nullable(),
  })
  .strict();

export const createCouncilMeeting = defineContract({
  method: "post",
  path: "/api/vision/council/meetings",
  tag: "vision",
  summary: "有識者会議の開催を記録（日付・場所・出席委員・対象ラウンド・概要）",
  allow: ["vision.manager"],
  query: planQuery,
  body: meetingBody,
  response: councilMeeting,
});

export const updateCouncilMeeting = defineContract({
  method: "put",
  path: "/api/vision/council/meetings/:id",
  tag: "vision",
  summary: "有識者会議の記録を変更",
  allow: ["vision.manager"],
  params: idParams,
  body: meetingBody,
  response: councilMeeting,
});

export const reportIndicator = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  kind: z.string(),
  direction: z.enum(["higher", "lower"]),
  baselineValue: z.number().nullable(),
  targetValue: z.number().nullable(),
  targetFiscalYear: z.number().int().nullable(),
  actualValue: z.number().nullable(),
  statusRating: z.string().nullable(),
  resultKind: z.enum(["graded", "status", "excluded", "ungradable"]).nullable(),
  grade: z.string().nullable(),
  /** 達成率 in percent as the grade stores it (100.1 = 100.1%); show it with formatAchievement */
  achievement: z.number().nullable(),
  /** the 年度 of an earlier year's value the grade used (「令和6年度の値で評価」); null: the round's own */
  valueFiscalYear: z.number().int().nullable(),
  exclusion: z.string().nullable(),
});

export const reportNode = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  kind: z.enum(["vision", "strategy", "measure", "project"]),
  code: z.string(),
  title: z.string(),
  depth: z.number().int(),
  ownerName: z.string().nullable(),
  indicators: z.array(reportIndicator),
  commentCount: z.number().int(),
});
export type ReportNode = z.infer<typeof reportNode>;

export const getCouncilReport = defineContract({
  method: "get",
  path: "/api/vision/council/rounds/:id/report",
  tag: "vision",
  summary: "ラウンドの進捗報告（施策体系ごとの指標・実績・評価）を委員が読む",
  allow: ["staff", "vision.council"],
  params: idParams,
  response: z.object({ round: councilRound, nodes: z.array(reportNode) }),
});

export const councilComment = z.object({
  id: z.string(),
  roundId: z.string(),
  nodeId: z.string(),
  nodeCode: z.string(),
  nodeTitle: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  meetingId: z.string().nullable(),
  meetingTitle: z.string().nullable(),
  body: z.string(),
  response: z.string().nullable(),
  respondedAt: z.string().nullable(),
  state: z.enum(COMMENT_STATES),
  createdAt: z.string(),
  /** written by the caller (a member) */
  mine: z.boolean(),
  isSample: z.boolean(),
});
export type CouncilComment = z.infer<typeof councilComment>;

export const listCouncilComments = defineContract({
  method: "get",
  path: "/api/vision/council/rounds/:id/comments",
  tag: "vision",
  summary: "ラウンドへの委員の意見と市の対応（未対応・対応済で絞り込み）",
  allow: ["staff", "vision.council"],
  params: idParams,
  query: z.object({ state: z.enum(COMMENT_STATES).optional(), nodeId: uuid.optional() }),
  response: z.object({ items: z.array(councilComment) }),
});

export const addCouncilComment = defineContract({
  method: "post",
  path: "/api/vision/council/rounds/:id/comments",
  tag: "vision",
  summary: "施策体系の項目へ意見を書く（委員本人。担当者は会議での発言を委員名で記録できます）",
  allow: ["vision.manager", "vision.council"],
  params: idParams,
  body: z
    .object({
      nodeId: uuid,
      body: required("意見", 4000),
      meetingId: uuid.nullable().optional(),
      /** the member who said it: only the bureau's managers name another member */
      memberId: uuid.optional(),
    })
    .strict(),
  response: councilComment,
});

export const respondCouncilComment = defineContract({
  method: "put",
  path: "/api/vision/council/comments/:id/response",
  tag: "vision",
  summary: "意見への市の対応を記録（空にすると未対応に戻ります）",
  allow: ["vision.manager"],
  params: idParams,
  body: z.object({ response: text("対応", 4000) }).strict(),
  response: councilComment,
});

export const exportCouncilComments = defineContract({
  method: "get",
  path: "/api/vision/council/rounds/:id/comments.csv",
  tag: "vision",
  summary: "ラウンドの意見と対応の一覧を CSV（UTF-8 BOM 付き）で出力",
  allow: ["staff"],
  kind: "file",
  params: idParams,
  response: z.unknown(),
});

// ------------------------------------------------------------------ Action宣言

export const strategyOption = z.object({ id: z.string(), code: z.string(), title: z.string() });

export const declaration = z.object({
  id: z.string(),
  /** shown name; null = 匿名 */
  displayName: z.string().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  body: z.string(),
  strategy: strategyOption.nullable(),
  status: z.enum(DECLARATION_STATUSES),
  moderationNote: z.string(),
  moderatedAt: z.string().nullable(),
  createdAt: z.string(),
  isSample: z.boolean(),
});
export type Declaration = z.infer<typeof declaration>;

/** What managers see in the moderation queue: the author too, even of an anonymous declaration. */
export const moderatedDeclaration = declaration.extend({ authorLabel: z.string().nullable() });

export const getDeclarationOptions = defineContract({
  method: "get",
  path: "/api/vision/declarations/options",
  tag: "vision",
  summary: "Action宣言の入力欄の選択肢（重点戦略）と、担当者かどうか",
  allow: ["staff"],
  query: planQuery,
  response: z.object({
    planId: z.string(),
    planName: z.string(),
    strategies: z.array(strategyOption),
    canModerate: z.boolean(),
    pendingCount: z.number().int(),
  }),
});

export const listMyDeclarations = defineContract({
  method: "get",
  path: "/api/vision/declarations/mine",
  tag: "vision",
  summary: "自分が投稿した Action宣言（状態と担当者のコメント）",
  allow: ["staff"],
  query: planQuery,
  response: z.object({ items: z.array(declaration) }),
});

export const postDeclaration = defineContract({
  method: "post",
  path: "/api/vision/declarations",
  tag: "vision",
  summary: "Action宣言を投稿（承認待ちになり、担当者の確認後に掲示されます）",
  allow: ["staff"],
  query: planQuery,
  body: z
    .object({
      body: z
        .string()
        .trim()
        .min(1, "宣言を入力してください。")
        .refine((s) => [...s].length <= DECLARATION_MAX_CHARS, `宣言は${DECLARATION_MAX_CHARS}文字以内です。`),
      /** true = 匿名で掲示 */
      anonymous: z.boolean(),
      /** shown name (default: the user's name) */
      displayName: text("表示名", 50).optional(),
      /** 所属 (default: the user's organisation) */
      organisationId: uuid.nullable().optional(),
      strategyNodeId: uuid.nullable(),
    })
    .strict(),
  response: declaration,
});

export const withdrawDeclaration = defineContract({
  method: "delete",
  path: "/api/vision/declarations/:id",
  tag: "vision",
  summary: "承認待ちの自分の Action宣言を取り下げる",
  allow: ["staff"],
  params: idParams,
  response: okResponse,
});

export const listDeclarations = defineContract({
  method: "get",
  path: "/api/vision/declarations",
  tag: "vision",
  summary: "Action宣言の一覧（担当者の確認用。状態で絞り込み）",
  allow: ["vision.manager"],
  query: planQuery.extend({ status: z.enum(DECLARATION_STATUSES).optional() }),
  response: z.object({ items: z.array(moderatedDeclaration) }),
});

export const moderateDeclaration = defineContract({
  method: "post",
  path: "/api/vision/declarations/:id/moderation",
  tag: "vision",
  summary: "Action宣言を掲示する・掲示しない（コメントを添えて）",
  allow: ["vision.manager"],
  params: idParams,
  body: z.object({ status: z.enum(["掲示中", "非掲示"]), note: text("コメント", 500) }).strict(),
  response: moderatedDeclaration,
});

export const publicDeclaration = z.object({
  id: z.string(),
  displayName: z.string().nullable(),
  organisationName: z.string().nullable(),
  body: z.string(),
  strategy: strategyOption.nullable(),
  postedAt: z.string(),
});
export type PublicDeclaration = z.infer<typeof publicDeclaration>;

export const listPublicDeclarations = defineContract({
  method: "get",
  path: "/api/public/vision/declarations",
  tag: "public",
  summary: "掲示中の Action宣言（市職員の行動宣言。ロビーのボードと公開ページ）",
  allow: ["anyone"],
  query: planQuery.extend({ strategyId: uuid.optional() }),
  response: z.object({
    planName: z.string().nullable(),
    strategies: z.array(strategyOption),
    items: z.array(publicDeclaration),
  }),
});

// ------------------------------------------------------------------ 周知・浸透の記録

export const outreachEvent = z.object({
  id: z.string(),
  kind: z.enum(OUTREACH_KINDS),
  title: z.string(),
  heldOn: z.string(),
  fiscalYear: z.number().int(),
  audience: z.string(),
  attendance: z.number().int().nullable(),
  organisationId: z.string().nullable(),
  organisationName: z.string().nullable(),
  note: z.string(),
  indicatorId: z.string().nullable(),
  indicatorName: z.string().nullable(),
  isSample: z.boolean(),
  /** the caller may change or delete it (the vision bureau's managers: any; other editors: their organisation's or 局's) */
  canEdit: z.boolean(),
});
export type OutreachEvent = z.infer<typeof outreachEvent>;

export const outreachIndicator = z.object({ id: z.string(), code: z.string(), name: z.string(), unit: z.string() });

export const listOutreach = defineContract({
  method: "get",
  path: "/api/vision/outreach",
  tag: "vision",
  summary: "周知・浸透の記録（年度・種別で絞り込み）と年度×種別の件数・参加者数",
  allow: ["staff"],
  query: planQuery.extend({ fiscalYear: fiscalYear.optional(), kind: z.enum(OUTREACH_KINDS).optional() }),
  response: z.object({
    planId: z.string(),
    /** the vision bureau's managers: record any event and feed indicators */
    canManage: z.boolean(),
    /** may record events (managers, and editors for their own organisation or 局) */
    canRecord: z.boolean(),
    /** the organisations a non-manager may record events for (own organisation, 局); null: any (managers) */
    recordOrganisationIds: z.array(z.string()).nullable(),
    items: z.array(outreachEvent),
    /** every fiscal year × kind of the plan (not narrowed by the filters) */
    summary: z.array(
      z.object({ fiscalYear: z.number().int(), kind: z.enum(OUTREACH_KINDS), count: z.number().int(), attendance: z.number().int() }),
    ),
    /** indicators of the plan an event may count towards */
    indicators: z.array(outreachIndicator),
  }),
});

const outreachBody = z
  .object({
    kind: z.enum(OUTREACH_KINDS, { error: "種別を選んでください。" }),
    title: required("名称", 200),
    heldOn: zJapaneseDate,
    audience: text("対象", 200),
    attendance: z.number().int("参加者数は整数です。").min(0, "参加者数は0以上です。").max(10_000_000).nullable(),
    organisationId: uuid.nullable(),
    note: text("備考", 2000),
    indicatorId: uuid.nullable(),
  })
  .strict();

export const createOutreach = defineContract({
  method: "post",
  path: "/api/vision/outreach",
  tag: "vision",
  summary: "周知・浸透の取組を記録（職員研修・出前講演・ワークショップ・PR動画など）",
  allow: ["editor"],
  query: planQuery,
  body: outreachBody,
  response: outreachEvent,
});

export const updateOutreach = defineContract({
  method: "put",
  path: "/api/vision/outreach/:id",
  tag: "vision",
  summary: "周知・浸透の記録を変更",
  allow: ["editor"],
  params: idParams,
  body: outreachBody,
  response: outreachEvent,
});

export const deleteOutreach = defineContract({
  method: "delete",
  path: "/api/vision/outreach/:id",
  tag: "vision",
  summary: "周知・浸透の記録を削除",
  allow: ["editor"],
  params: idParams,
  response: okResponse,
});

const feedQuery = z.object({
  indicatorId: uuid,
  fiscalYear,
  measure: z.enum(OUTREACH_MEASURES),
});

export const previewOutreachFeed = defineContract({
  method: "get",
  path: "/api/vision/outreach/feed",
  tag: "vision",
  summary: "指標へ反映する値の確認（その年度に指標へ紐づく記録の件数・参加者数と、現在の実績値）",
  allow: ["vision.manager"],
  query: feedQuery,
  response: z.object({
    indicator: outreachIndicator,
    fiscalYear: z.number().int(),
    measure: z.enum(OUTREACH_MEASURES),
    eventCount: z.number().int(),
    attendance: z.number().int(),
    value: z.number(),
    currentValue: z.number().nullable(),
    asOf: z.string(),
  }),
});

export const feedOutreach = defineContract({
  method: "post",
  path: "/api/vision/outreach/feed",
  tag: "vision",
  summary: "周知・浸透の記録の件数（または参加者数の合計）を、指標のその年度の実績値として記録",
  allow: ["vision.manager"],
  body: feedQuery.strict(),
  response: z.object({ actualId: z.string(), value: z.number(), eventCount: z.number().int(), asOf: z.string() }),
});
