// Contracts of the 国際 module (issue 15): 国際関連事業データベース (projects with partners, yearly money and
// indicators), 海外出張管理 (trips through their states, with travellers, itinerary, costs and the report), the
// partner cities (the map and each city's timeline) and the bureau's lists (分野, 旅費の基準額). Every department
// enters and keeps its own records; the bureau that coordinates international work (international.manager) sees all.
import { z } from "zod";
import { zJapaneseDate } from "../zod-japanese";
import { defineContract, idParams, okResponse, pageOf, pageQuery } from "./contract";

// ------------------------------------------------------------------ value lists (code → Japanese label)

export const PROJECT_STATUSES = ["planned", "active", "ended"] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = { planned: "計画中", active: "実施中", ended: "終了" };

export const PARTNER_RELATIONS = ["sister", "friendship", "agreement", "other"] as const;
export type PartnerRelation = (typeof PARTNER_RELATIONS)[number];
export const PARTNER_RELATION_LABELS: Record<PartnerRelation, string> = {
  sister: "姉妹都市",
  friendship: "友好都市",
  agreement: "協定",
  other: "その他",
};

export const FUNDING_SOURCES = ["general", "national", "prefectural", "other"] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  general: "一般財源",
  national: "国庫補助",
  prefectural: "県補助",
  other: "その他",
};

/** 海外出張の状態, in the order a trip goes through them; 中止 and 変更 stand aside. */
export const TRIP_STATUSES = [
  "planned",
  "applied",
  "approved",
  "travelling",
  "returned",
  "reported",
  "settled",
  "completed",
  "cancelled",
  "changed",
] as const;
export type TripStatus = (typeof TRIP_STATUSES)[number];
export const TRIP_STATUS_LABELS: Record<TripStatus, string> = {
  planned: "計画",
  applied: "申請",
  approved: "決裁",
  travelling: "出張中",
  returned: "帰庁",
  reported: "報告書提出",
  settled: "精算",
  completed: "完了",
  cancelled: "中止",
  changed: "変更",
};

export const TRAVELLER_ROLES = ["leader", "member"] as const;
export const TRAVELLER_ROLE_LABELS: Record<(typeof TRAVELLER_ROLES)[number], string> = { leader: "団長", member: "随行" };
export const PAID_BY = ["city", "host", "other"] as const;
export const PAID_BY_LABELS: Record<(typeof PAID_BY)[number], string> = { city: "市", host: "先方", other: "その他" };

export const COST_KINDS = ["fare", "daily", "lodging", "misc", "interpreter", "other"] as const;
export type CostKind = (typeof COST_KINDS)[number];
export const COST_KIND_LABELS: Record<CostKind, string> = {
  fare: "運賃",
  daily: "日当",
  lodging: "宿泊料",
  misc: "旅行雑費",
  interpreter: "通訳・会場",
  other: "その他",
};

export const RATE_KINDS = ["daily", "lodging"] as const;
export const REGION_CLASSES = ["designated", "class_a", "class_b", "class_c"] as const;
export type RegionClass = (typeof REGION_CLASSES)[number];
export const REGION_CLASS_LABELS: Record<RegionClass, string> = {
  designated: "指定都市",
  class_a: "甲地方",
  class_b: "乙地方",
  class_c: "丙地方",
};

/** 外務省の危険情報 (0 = なし … 4 = 退避勧告) */
export const SAFETY_LEVEL_LABELS = [
  "危険情報なし",
  "レベル1 十分注意",
  "レベル2 不要不急の渡航中止",
  "レベル3 渡航中止勧告",
  "レベル4 退避勧告",
] as const;

// ------------------------------------------------------------------ shared field rules

const uuid = z.uuid({ message: "IDの形式が正しくありません" });
const fiscalYear = z.coerce
  .number({ error: "年度を数値で入力してください。" })
  .int("年度は整数です。")
  .min(1950, "年度は1950年度以降です。")
  .max(2100, "年度は2100年度までです。");
const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内です。`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);
const yen = (label: string) =>
  z
    .number({ error: `${label}を数値で入力してください。` })
    .int(`${label}は円単位の整数です。`)
    .min(0, `${label}は0以上です。`);
const version = z.number().int().min(1);

// ------------------------------------------------------------------ access and lists of the bureau

export const getInternationalAccess = defineContract({
  method: "get",
  path: "/api/international/access",
  tag: "international",
  summary: "国際：呼び出した職員ができること（局の担当者か、事業・出張を登録できるか、自分の課）",
  allow: ["staff"],
  response: z.object({
    manager: z.boolean(),
    canCreate: z.boolean(),
    organisationId: z.string(),
    organisationName: z.string(),
  }),
});

export const internationalField = z.object({
  id: z.string(),
  name: z.string(),
  sortOrder: z.number().int(),
  active: z.boolean(),
  projectCount: z.number().int(),
});
export type InternationalField = z.infer<typeof internationalField>;

export const listInternationalFields = defineContract({
  method: "get",
  path: "/api/international/fields",
  tag: "international",
  summary: "分野の一覧（局が編集するリスト）",
  allow: ["staff"],
  response: z.object({ items: z.array(internationalField) }),
});

const fieldBody = { name: required("分野名", 50), sortOrder: z.number().int().min(0).max(9999), active: z.boolean() };

export const createInternationalField = defineContract({
  method: "post",
  path: "/api/international/fields",
  tag: "international",
  summary: "分野を追加",
  allow: ["international.manager"],
  body: z.object(fieldBody).partial({ sortOrder: true, active: true }).strict(),
  response: internationalField,
});

export const updateInternationalField = defineContract({
  method: "patch",
  path: "/api/international/fields/:id",
  tag: "international",
  summary: "分野の名称・並び順・使用中を変更（使われている分野は削除せず使用停止にします）",
  allow: ["international.manager"],
  params: idParams,
  body: z.object(fieldBody).partial().strict(),
  response: internationalField,
});

// ------------------------------------------------------------------ partners (相手先) and their timeline

export const partner = z.object({
  id: z.string(),
  country: z.string(),
  city: z.string(),
  organisation: z.string(),
  relation: z.enum(PARTNER_RELATIONS),
  relatedSince: z.string().nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  projectCount: z.number().int(),
  visitCount: z.number().int(),
  isSample: z.boolean(),
});
export type Partner = z.infer<typeof partner>;

export const listPartners = defineContract({
  method: "get",
  path: "/api/international/partners",
  tag: "international",
  summary: "相手先（都市・機関）の一覧：事業数・訪問数つき",
  allow: ["staff"],
  query: z.object({ q: z.string().trim().max(100).optional() }).strict(),
  response: z.object({ items: z.array(partner) }),
});

const partnerBody = {
  country: required("国", 60),
  city: required("都市", 100),
  organisation: text("相手機関", 200).default(""),
  relation: z.enum(PARTNER_RELATIONS, { error: "関係を選んでください。" }),
  relatedSince: zJapaneseDate.nullable().default(null),
  latitude: z.number().min(-90, "緯度は-90〜90です。").max(90, "緯度は-90〜90です。").nullable().default(null),
  longitude: z.number().min(-180, "経度は-180〜180です。").max(180, "経度は-180〜180です。").nullable().default(null),
};

export const createPartner = defineContract({
  method: "post",
  path: "/api/international/partners",
  tag: "international",
  summary: "相手先を登録（事業・出張を登録する職員なら誰でも）",
  allow: ["editor"],
  body: z.object(partnerBody).strict(),
  response: partner,
});

export const updatePartner = defineContract({
  method: "patch",
  path: "/api/international/partners/:id",
  tag: "international",
  summary: "相手先の関係・締結日・位置などを変更（局の担当者）",
  allow: ["international.manager"],
  params: idParams,
  // Without the create defaults: a field left out of a PATCH stays as it is (with them, {relation} alone would blank
  // the organisation and the position).
  body: z
    .object({
      ...partnerBody,
      organisation: text("相手機関", 200),
      relatedSince: zJapaneseDate.nullable(),
      latitude: partnerBody.latitude.removeDefault(),
      longitude: partnerBody.longitude.removeDefault(),
    })
    .partial()
    .strict(),
  response: partner,
});

export const TIMELINE_KINDS = ["project", "trip", "received"] as const;
export const timelineEntry = z.object({
  kind: z.enum(TIMELINE_KINDS),
  /** the project, trip or received visit */
  id: z.string(),
  /** ISO date the entry is placed at (a project: the start of its first 年度; a trip: the visit's date) */
  on: z.string(),
  title: z.string(),
  detail: z.string(),
  ownerName: z.string(),
});
export type TimelineEntry = z.infer<typeof timelineEntry>;

export const getPartnerTimeline = defineContract({
  method: "get",
  path: "/api/international/partners/:id",
  tag: "international",
  summary: "相手先と、その都市の年表（事業・出張での訪問・来訪）",
  allow: ["staff"],
  params: idParams,
  response: z.object({ partner, canEdit: z.boolean(), entries: z.array(timelineEntry) }),
});

export const createReceivedVisit = defineContract({
  method: "post",
  path: "/api/international/partners/:id/received-visits",
  tag: "international",
  summary: "相手先からの来訪を記録（自分の課の記録として）",
  allow: ["editor"],
  params: idParams,
  body: z
    .object({
      receivedOn: zJapaneseDate,
      delegation: required("来訪団", 200),
      purpose: text("目的", 1000).default(""),
    })
    .strict(),
  response: timelineEntry,
});

// ------------------------------------------------------------------ projects (国際関連事業)

export const projectYear = z.object({
  fiscalYear: z.number().int(),
  fundingSource: z.enum(FUNDING_SOURCES),
  budget: z.number().int(),
  settled: z.number().int().nullable(),
});

export const projectIndicator = z.object({
  id: z.string(),
  name: z.string(),
  unit: z.string(),
  direction: z.enum(["higher", "lower"]),
  baselineValue: z.number(),
  baselineFiscalYear: z.number().int(),
  targetValue: z.number(),
  targetFiscalYear: z.number().int(),
  results: z.array(z.object({ fiscalYear: z.number().int(), value: z.number() })),
  /** the latest result graded with the vision module's current rule (A/B/C … or 未評価) */
  grade: z.string().nullable(),
  achievement: z.number().nullable(),
  gradeNote: z.string(),
});
export type ProjectIndicator = z.infer<typeof projectIndicator>;

export const projectSummary = z.object({
  id: z.string(),
  name: z.string(),
  ownerOrganisationId: z.string(),
  ownerName: z.string(),
  bureauName: z.string(),
  fieldId: z.string(),
  fieldName: z.string(),
  status: z.enum(PROJECT_STATUSES),
  isPublic: z.boolean(),
  firstFiscalYear: z.number().int(),
  lastFiscalYear: z.number().int().nullable(),
  themes: z.array(z.string()),
  partners: z.array(z.object({ id: z.string(), label: z.string() })),
  /** sums over every year and funding source (integer yen) */
  budgetTotal: z.number().int(),
  settledTotal: z.number().int(),
  updatedAt: z.string(),
  sourceKey: z.string().nullable(),
  isSample: z.boolean(),
});
export type ProjectSummary = z.infer<typeof projectSummary>;

export const projectDetail = projectSummary.extend({
  contactUserId: z.string().nullable(),
  contactName: z.string(),
  summary: z.string(),
  years: z.array(projectYear),
  indicators: z.array(projectIndicator),
  trips: z.array(z.object({ id: z.string(), title: z.string(), departsOn: z.string(), status: z.enum(TRIP_STATUSES) })),
  version: z.number().int(),
  canEdit: z.boolean(),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

export const PROJECT_SORTS = [
  "name",
  "-name",
  "firstFiscalYear",
  "-firstFiscalYear",
  "owner",
  "field",
  "-updatedAt",
  "-budgetTotal",
] as const;

export const projectFilters = {
  q: z.string().trim().max(100).optional(),
  fieldId: uuid.optional(),
  /** a bureau or division: its projects and those of the divisions under it */
  organisationId: uuid.optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  /** projects running in that 年度 */
  fiscalYear: fiscalYear.optional(),
  partnerId: uuid.optional(),
  theme: z.string().trim().max(50).optional(),
  visibility: z.enum(["public", "internal"]).optional(),
};

export const listProjects = defineContract({
  method: "get",
  path: "/api/international/projects",
  tag: "international",
  summary: "国際関連事業の一覧（絞り込み・並べ替え・ページ送り）",
  allow: ["staff"],
  query: z.object({ ...pageQuery, ...projectFilters, sort: z.enum(PROJECT_SORTS).default("-updatedAt") }).strict(),
  response: pageOf(projectSummary),
});

export const getProject = defineContract({
  method: "get",
  path: "/api/international/projects/:id",
  tag: "international",
  summary: "国際関連事業の詳細（相手先・年度別の予算と決算・指標と評価・関連する出張）",
  allow: ["staff"],
  params: idParams,
  response: projectDetail,
});

const indicatorInput = z
  .object({
    name: required("指標名", 200),
    unit: text("単位", 20).default(""),
    direction: z.enum(["higher", "lower"]),
    baselineValue: z.number({ error: "基準値を数値で入力してください。" }),
    baselineFiscalYear: fiscalYear,
    targetValue: z.number({ error: "目標値を数値で入力してください。" }),
    targetFiscalYear: fiscalYear,
    results: z
      .array(z.object({ fiscalYear, value: z.number({ error: "実績値を数値で入力してください。" }) }).strict())
      .max(60)
      .default([]),
  })
  .strict()
  .refine((i) => i.targetFiscalYear >= i.baselineFiscalYear, { message: "目標年度は基準年度以降です。", path: ["targetFiscalYear"] });

export const projectInput = z
  .object({
    name: required("事業名", 200),
    /** the owning division: the caller's own (an administrator may name another) */
    ownerOrganisationId: uuid,
    contactUserId: uuid.nullable().default(null),
    contactName: text("担当者", 100).default(""),
    fieldId: uuid,
    status: z.enum(PROJECT_STATUSES, { error: "状態を選んでください。" }),
    isPublic: z.boolean(),
    firstFiscalYear: fiscalYear,
    lastFiscalYear: fiscalYear.nullable().default(null),
    summary: text("概要", 4000).default(""),
    themes: z.array(required("テーマ", 50)).max(20, "テーマは20個までです。").default([]),
    partnerIds: z.array(uuid).max(50).default([]),
    years: z
      .array(
        z
          .object({
            fiscalYear,
            fundingSource: z.enum(FUNDING_SOURCES),
            budget: yen("予算額"),
            settled: yen("決算額").nullable(),
          })
          .strict(),
      )
      .max(100)
      .default([]),
    indicators: z.array(indicatorInput).max(20).default([]),
  })
  .strict()
  .refine((p) => p.lastFiscalYear === null || p.lastFiscalYear >= p.firstFiscalYear, {
    message: "終了年度は開始年度以降です。",
    path: ["lastFiscalYear"],
  });
export type ProjectInput = z.infer<typeof projectInput>;

export const createProject = defineContract({
  method: "post",
  path: "/api/international/projects",
  tag: "international",
  summary: "国際関連事業を登録（自分の課の事業として）",
  allow: ["editor"],
  body: projectInput,
  response: projectDetail,
});

export const updateProject = defineContract({
  method: "put",
  path: "/api/international/projects/:id",
  tag: "international",
  summary: "国際関連事業を更新（その事業の課の職員だけ。version が古ければ 409）",
  allow: ["editor"],
  params: idParams,
  body: z.object({ version, project: projectInput }).strict(),
  response: projectDetail,
});

export const deleteProject = defineContract({
  method: "delete",
  path: "/api/international/projects/:id",
  tag: "international",
  summary: "国際関連事業を削除（その事業の課の職員だけ）",
  allow: ["editor"],
  params: idParams,
  response: okResponse,
});

export const exportProjects = defineContract({
  method: "get",
  path: "/api/international/projects/export",
  tag: "international",
  summary: "国際関連事業の一覧を Excel で出力（一覧と同じ絞り込み）",
  allow: ["staff"],
  kind: "file",
  query: z.object({ ...projectFilters, sort: z.enum(PROJECT_SORTS).default("-updatedAt") }).strict(),
  response: z.unknown(),
});

// ------------------------------------------------------------------ trips (海外出張)

export const traveller = z.object({
  userId: z.string().nullable(),
  name: z.string(),
  role: z.enum(TRAVELLER_ROLES),
  paidBy: z.enum(PAID_BY),
});
export const tripVisit = z.object({
  visitOn: z.string(),
  country: z.string(),
  city: z.string(),
  partnerId: z.string().nullable(),
  organisation: z.string(),
  counterpart: z.string(),
  purpose: z.string(),
});
export const tripCost = z.object({
  costKind: z.enum(COST_KINDS),
  description: z.string(),
  planned: z.number().int(),
  settled: z.number().int().nullable(),
});

export const tripSummary = z.object({
  id: z.string(),
  title: z.string(),
  ownerOrganisationId: z.string(),
  ownerName: z.string(),
  status: z.enum(TRIP_STATUSES),
  departsOn: z.string(),
  returnsOn: z.string(),
  destinations: z.array(z.string()),
  leaderName: z.string().nullable(),
  travellerCount: z.number().int(),
  plannedTotal: z.number().int(),
  settledTotal: z.number().int().nullable(),
  reportDueOn: z.string().nullable(),
  reportFiledOn: z.string().nullable(),
  /** 報告書の提出期限を過ぎて未提出 */
  reportOverdue: z.boolean(),
  isSample: z.boolean(),
});
export type TripSummary = z.infer<typeof tripSummary>;

export const tripDetail = tripSummary.extend({
  purpose: z.string(),
  companions: z.string(),
  travellers: z.array(traveller),
  visits: z.array(tripVisit),
  costs: z.array(tripCost),
  projects: z.array(z.object({ id: z.string(), name: z.string() })),
  approvedBy: z.string(),
  approvedOn: z.string().nullable(),
  approvalConditions: z.string(),
  safetyLevel: z.number().int().nullable(),
  reportResults: z.string(),
  reportFollowup: z.string(),
  reportPublic: z.boolean(),
  cancelReason: z.string(),
  events: z.array(
    z.object({
      fromStatus: z.enum(TRIP_STATUSES).nullable(),
      toStatus: z.enum(TRIP_STATUSES),
      note: z.string(),
      actorName: z.string(),
      at: z.string(),
    }),
  ),
  /** the states the caller may move the trip to now */
  nextStatuses: z.array(z.enum(TRIP_STATUSES)),
  canEdit: z.boolean(),
  /** the caller may file or correct the report now (帰庁・報告書提出; the owning division's editors or a traveller who is an editor) */
  canFileReport: z.boolean(),
  version: z.number().int(),
  sourceKey: z.string().nullable(),
});
export type TripDetail = z.infer<typeof tripDetail>;

export const TRIP_SORTS = ["-departsOn", "departsOn", "title", "owner", "status", "reportDueOn"] as const;

export const listTrips = defineContract({
  method: "get",
  path: "/api/international/trips",
  tag: "international",
  summary: "海外出張の一覧（局は全件、各課は自課の出張と自分が行く出張）",
  allow: ["staff"],
  query: z
    .object({
      ...pageQuery,
      q: z.string().trim().max(100).optional(),
      status: z.enum(TRIP_STATUSES).optional(),
      organisationId: uuid.optional(),
      fiscalYear: fiscalYear.optional(),
      overdue: z.enum(["true", "false"]).optional(),
      sort: z.enum(TRIP_SORTS).default("-departsOn"),
    })
    .strict(),
  response: pageOf(tripSummary),
});

export const getTrip = defineContract({
  method: "get",
  path: "/api/international/trips/:id",
  tag: "international",
  summary: "海外出張の詳細（出張者・行程・経費・旅行命令・報告・状態の履歴）",
  allow: ["staff"],
  params: idParams,
  response: tripDetail,
});

export const tripInput = z
  .object({
    title: required("出張件名", 200),
    purpose: text("目的", 4000).default(""),
    ownerOrganisationId: uuid,
    departsOn: zJapaneseDate,
    returnsOn: zJapaneseDate,
    companions: text("外部同行者", 1000).default(""),
    travellers: z
      .array(
        z
          .object({
            userId: uuid.nullable().default(null),
            name: required("出張者の氏名", 100),
            role: z.enum(TRAVELLER_ROLES),
            paidBy: z.enum(PAID_BY).default("city"),
          })
          .strict(),
      )
      .min(1, "出張者を1人以上入力してください。")
      .max(50),
    visits: z
      .array(
        z
          .object({
            visitOn: zJapaneseDate,
            country: required("国", 60),
            city: required("都市", 100),
            partnerId: uuid.nullable().default(null),
            organisation: text("訪問先", 200).default(""),
            counterpart: text("面会者", 200).default(""),
            purpose: text("訪問目的", 1000).default(""),
          })
          .strict(),
      )
      .max(100)
      .default([]),
    costs: z
      .array(
        z
          .object({
            costKind: z.enum(COST_KINDS),
            description: text("内訳", 200).default(""),
            planned: yen("予定額"),
            settled: yen("精算額").nullable().default(null),
          })
          .strict(),
      )
      .max(100)
      .default([]),
    projectIds: z.array(uuid).max(50).default([]),
    /** 報告書の提出期限 (default: 帰着日の30日後) */
    reportDueOn: zJapaneseDate.nullable().default(null),
  })
  .strict()
  .refine((t) => t.returnsOn >= t.departsOn, { message: "帰着日は出発日以降です。", path: ["returnsOn"] })
  .refine((t) => t.travellers.filter((p) => p.role === "leader").length <= 1, {
    message: "団長は1人です。",
    path: ["travellers"],
  });
export type TripInput = z.infer<typeof tripInput>;

export const createTrip = defineContract({
  method: "post",
  path: "/api/international/trips",
  tag: "international",
  summary: "海外出張を計画として登録（自分の課の出張として）",
  allow: ["editor"],
  body: tripInput,
  response: tripDetail,
});

export const updateTrip = defineContract({
  method: "put",
  path: "/api/international/trips/:id",
  tag: "international",
  summary: "海外出張を更新（計画・変更の間は全項目、決裁後は経費の精算額だけ。その課の職員だけ）",
  allow: ["editor"],
  params: idParams,
  body: z.object({ version, trip: tripInput }).strict(),
  response: tripDetail,
});

export const transitionTrip = defineContract({
  method: "post",
  path: "/api/international/trips/:id/transition",
  tag: "international",
  summary: "海外出張の状態を進める（申請・決裁・出発・帰庁・精算・完了・中止・変更。状態ごとにできる人が決まっています）",
  allow: ["editor"],
  params: idParams,
  body: z
    .object({
      version,
      to: z.enum(TRIP_STATUSES),
      note: text("メモ", 1000).default(""),
      /** 決裁: 旅行命令 */
      approvedBy: text("決裁者", 100).optional(),
      approvedOn: zJapaneseDate.optional(),
      approvalConditions: text("条件", 1000).optional(),
      /** 出張中: the destination's 危険情報 at departure */
      safetyLevel: z.number().int().min(0).max(4).optional(),
      /** 中止 */
      cancelReason: text("中止の理由", 1000).optional(),
    })
    .strict(),
  response: tripDetail,
});

export const fileTripReport = defineContract({
  method: "put",
  path: "/api/international/trips/:id/report",
  tag: "international",
  summary: "出張報告を提出・修正（帰庁後。提出で状態は「報告書提出」に）",
  allow: ["editor"],
  params: idParams,
  body: z
    .object({
      version,
      filedOn: zJapaneseDate,
      results: required("成果", 8000),
      followup: text("今後の対応", 4000).default(""),
      publish: z.boolean(),
    })
    .strict(),
  response: tripDetail,
});

export const listOverdueReports = defineContract({
  method: "get",
  path: "/api/international/trips/overdue-reports",
  tag: "international",
  summary: "提出期限を過ぎた出張報告（自分が出張者か自課の出張。局は全件）",
  allow: ["staff"],
  response: z.object({ items: z.array(tripSummary) }),
});

export const tripSummaryPdf = defineContract({
  method: "get",
  path: "/api/international/trips/:id/summary.pdf",
  tag: "international",
  summary: "出張の概要（目的・出張者・行程・経費・成果）を公開用 PDF で出力",
  allow: ["staff"],
  kind: "file",
  params: idParams,
  response: z.unknown(),
});

export const travelRate = z.object({
  id: z.string(),
  validFrom: z.string(),
  costKind: z.enum(RATE_KINDS),
  regionClass: z.enum(REGION_CLASSES),
  amount: z.number().int(),
});

export const listTravelRates = defineContract({
  method: "get",
  path: "/api/international/travel-rates",
  tag: "international",
  summary: "旅費の基準額（日当・宿泊料、適用開始日ごとの版）。onDate を指定するとその日に有効な額だけ",
  allow: ["staff"],
  query: z.object({ onDate: zJapaneseDate.optional() }).strict(),
  response: z.object({ items: z.array(travelRate) }),
});

export const createTravelRate = defineContract({
  method: "post",
  path: "/api/international/travel-rates",
  tag: "international",
  summary: "旅費の基準額の新しい版を登録（局の担当者）",
  allow: ["international.manager"],
  body: z
    .object({
      validFrom: zJapaneseDate,
      costKind: z.enum(RATE_KINDS),
      regionClass: z.enum(REGION_CLASSES),
      amount: yen("基準額"),
    })
    .strict(),
  response: travelRate,
});

// ------------------------------------------------------------------ totals and the map

export const TOTALS_BY = ["field", "bureau", "partner"] as const;
export const totalsRow = z.object({
  /** the field, bureau or partner id */
  key: z.string(),
  label: z.string(),
  projects: z.number().int(),
  budget: z.number().int(),
  settled: z.number().int(),
  trips: z.number().int(),
});
export type TotalsRow = z.infer<typeof totalsRow>;

export const getInternationalTotals = defineContract({
  method: "get",
  path: "/api/international/totals",
  tag: "international",
  summary: "分野・局・相手先ごとの事業数・予算・決算・出張数（年度指定）",
  allow: ["staff"],
  query: z.object({ fiscalYear, by: z.enum(TOTALS_BY).default("field") }).strict(),
  response: z.object({ fiscalYear: z.number().int(), by: z.enum(TOTALS_BY), rows: z.array(totalsRow) }),
});

export const mapPoint = z.object({
  partnerId: z.string(),
  label: z.string(),
  country: z.string(),
  relation: z.enum(PARTNER_RELATIONS),
  latitude: z.number(),
  longitude: z.number(),
  projects: z.number().int(),
  trips: z.number().int(),
});
export type MapPoint = z.infer<typeof mapPoint>;

export const getInternationalMap = defineContract({
  method: "get",
  path: "/api/international/map",
  tag: "international",
  summary: "地図に載せる相手先（位置の分かるもの）と、その年度の事業数・出張数（年度を省くと全期間）",
  allow: ["staff"],
  query: z.object({ fiscalYear: fiscalYear.optional() }).strict(),
  response: z.object({ points: z.array(mapPoint), unplaced: z.number().int() }),
});
