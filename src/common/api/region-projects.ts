// Contracts of 連携の枠組みと連携事業 (issue 18, region module): the frameworks (関門連携, 福北連携, 北九州都市圏域) with
// their members and agreements, and the joint projects with their status and its history, budgets and funding per
// 年度, vision indicators, internal steps (庁内調整) and yearly reports. Every member of staff reads; the bureau that
// runs 広域連携 (region.manager) writes.
import { z } from "zod";
import { parseJapaneseDate } from "../dates";
import { parseMunicipalityCode } from "../region/municipality-code";
import { FRAMEWORK_KINDS, FUNDING_SOURCES, MEMBER_ROLES, PROJECT_STATUSES } from "../region/partnerships";
import { STEP_KINDS, STEP_STATUSES } from "../region/project-rules";
import { DOCUMENT_UPLOAD_MAX_BYTES } from "../upload-limits";
import { defineContract, idParams, pageOf, pageQuery } from "./contract";

const uuid = z.uuid({ message: "IDの形式が正しくありません" });
const text = (label: string, max: number) => z.string().trim().max(max, `${label}は${max}文字以内で入力してください。`);
const required = (label: string, max: number) => text(label, max).min(1, `${label}を入力してください。`);
const version = z.number({ error: "版数（version）が必要です。" }).int().min(1);
const fiscalYear = z.coerce
  .number({ error: "年度を数値で入力してください。" })
  .int("年度は整数です。")
  .min(1989, "年度は平成元年度（1989年度）以降です。")
  .max(2100, "年度は2100年度までです。");
const yen = (label: string) =>
  z
    .number({ error: `${label}を数値で入力してください。` })
    .int(`${label}は円単位の整数です。`)
    .min(0, `${label}は0円以上です。`)
    .max(1_000_000_000_000, `${label}が大きすぎます。`);

/** A date as typed (和暦 or 西暦), read as YYYY-MM-DD. */
const dateInput = (label: string) =>
  z
    .string()
    .trim()
    .max(30)
    .transform((input, ctx) => {
      const parsed = parseJapaneseDate(input);
      if (!parsed || parsed.precision === "month") {
        ctx.addIssue({ code: "custom", message: `${label}は 令和6年10月17日 や 2024-10-17 のように日付で入力してください。` });
        return z.NEVER;
      }
      return parsed.iso;
    });
const optionalDate = (label: string) =>
  z
    .string()
    .trim()
    .max(30)
    .nullable()
    .transform((input, ctx) => {
      if (!input) return null;
      const parsed = parseJapaneseDate(input);
      if (!parsed || parsed.precision === "month") {
        ctx.addIssue({ code: "custom", message: `${label}は 令和6年10月17日 や 2024-10-17 のように日付で入力してください。` });
        return z.NEVER;
      }
      return parsed.iso;
    });

/** 全国地方公共団体コード: 6 digits with the right check digit (5 digits get theirs added). */
const localGovernmentCode = z
  .string()
  .trim()
  .max(10)
  .transform((input, ctx) => {
    const read = parseMunicipalityCode(input);
    if (!read.ok) {
      ctx.addIssue({
        code: "custom",
        message:
          read.problem === "check_digit"
            ? "全国地方公共団体コードのチェックデジット（6桁目）が合いません。"
            : "全国地方公共団体コードは6桁（チェックデジット付き）の数字で入力してください。",
      });
      return z.NEVER;
    }
    return read.code;
  });

const exportFormat = z.enum(["csv", "xlsx"]).default("xlsx");

const memberParams = z.object({ id: uuid, memberId: uuid });
const agreementParams = z.object({ id: uuid, agreementId: uuid });
const fyParams = z.object({ id: uuid, fiscalYear });
const stepParams = z.object({ id: uuid, stepId: uuid });

// ------------------------------------------------------------------ frameworks

export const frameworkMember = z.object({
  id: z.string(),
  name: z.string(),
  localGovernmentCode: z.string(),
  /** set when the member is one of the hub's 18 市町 (links to /region/municipalities/:code) */
  municipalityCode: z.string().nullable(),
  role: z.enum(MEMBER_ROLES),
  joinedOn: z.string().nullable(),
  sortOrder: z.number().int(),
  /** projects it takes part in or leads (a member in use cannot be removed) */
  projectCount: z.number().int(),
  isSample: z.boolean(),
});
export type FrameworkMember = z.infer<typeof frameworkMember>;

export const agreementFile = z.object({ id: z.string(), name: z.string(), sizeBytes: z.number().int(), mimeType: z.string() });

export const agreement = z.object({
  id: z.string(),
  signedOn: z.string(),
  title: z.string(),
  note: z.string(),
  file: agreementFile.nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
});
export type Agreement = z.infer<typeof agreement>;

export const frameworkSummary = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(FRAMEWORK_KINDS),
  description: z.string(),
  startedOn: z.string().nullable(),
  memberCount: z.number().int(),
  projectCount: z.number().int(),
  /** projects per status */
  statusCounts: z.record(z.string(), z.number().int()),
  latestAgreement: z.object({ signedOn: z.string(), title: z.string() }).nullable(),
  isSample: z.boolean(),
  version: z.number().int(),
});
export type FrameworkSummary = z.infer<typeof frameworkSummary>;

export const frameworkProject = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(PROJECT_STATUSES),
  statusSince: z.string(),
  leadName: z.string().nullable(),
  isSample: z.boolean(),
});

export const frameworkDetail = frameworkSummary.extend({
  members: z.array(frameworkMember),
  agreements: z.array(agreement),
  projects: z.array(frameworkProject),
  /** the hub's 市町 a member may be linked to */
  municipalities: z.array(z.object({ code: z.string(), name: z.string() })),
  /** the city's organisations a project's 所管課 may be (managers only; empty for others) */
  organisationChoices: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  canManage: z.boolean(),
});
export type FrameworkDetail = z.infer<typeof frameworkDetail>;

export const listFrameworks = defineContract({
  method: "get",
  path: "/api/region/frameworks",
  tag: "region",
  summary: "連携の枠組みの一覧（構成団体数・連携事業数・最新の協定）",
  allow: ["staff"],
  response: z.object({ items: z.array(frameworkSummary), canManage: z.boolean() }),
});

export const getFramework = defineContract({
  method: "get",
  path: "/api/region/frameworks/:id",
  tag: "region",
  summary: "連携の枠組みの詳細（構成団体・協定・連携事業）",
  allow: ["staff"],
  params: idParams,
  response: frameworkDetail,
});

const frameworkFields = {
  code: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9-]{1,39}$/, "コードは英小文字で始まる2〜40文字の英小文字・数字・ハイフンです。"),
  name: required("枠組みの名称", 80),
  kind: z.enum(FRAMEWORK_KINDS, { error: "種類を選んでください。" }),
  description: text("説明", 4000),
  startedOn: optionalDate("開始日"),
};
export const frameworkCreateBody = z.object(frameworkFields).strict();
export type FrameworkCreateInput = z.input<typeof frameworkCreateBody>;
export const frameworkEditBody = z.object({ version, ...frameworkFields }).strict();

export const createFramework = defineContract({
  method: "post",
  path: "/api/region/frameworks",
  tag: "region",
  summary: "連携の枠組みを作成",
  allow: ["region.manager"],
  body: frameworkCreateBody,
  response: frameworkDetail,
});

export const updateFramework = defineContract({
  method: "patch",
  path: "/api/region/frameworks/:id",
  tag: "region",
  summary: "連携の枠組みを変更（版の確認つき）",
  allow: ["region.manager"],
  params: idParams,
  body: frameworkEditBody,
  response: frameworkDetail,
});

export const memberBody = z
  .object({
    /** one of the hub's 市町 (its name and code are taken from it), or null for a member by name and code */
    municipalityCode: z
      .string()
      .regex(/^[0-9]{6}$/, "市町を選び直してください。")
      .nullable(),
    name: text("団体名", 40),
    localGovernmentCode: z.union([localGovernmentCode, z.literal("")]),
    role: z.enum(MEMBER_ROLES, { error: "役割を選んでください。" }),
    joinedOn: optionalDate("参加日"),
    sortOrder: z.number().int().min(0).max(9999).default(0),
  })
  .strict();
export type MemberInput = z.input<typeof memberBody>;

export const addFrameworkMember = defineContract({
  method: "post",
  path: "/api/region/frameworks/:id/members",
  tag: "region",
  summary: "枠組みに構成団体を追加（圏域の市町はコードで、それ以外は団体名と全国地方公共団体コードで）",
  allow: ["region.manager"],
  params: idParams,
  body: memberBody,
  response: frameworkDetail,
});

export const updateFrameworkMember = defineContract({
  method: "patch",
  path: "/api/region/frameworks/:id/members/:memberId",
  tag: "region",
  summary: "構成団体を変更",
  allow: ["region.manager"],
  params: memberParams,
  body: memberBody,
  response: frameworkDetail,
});

export const removeFrameworkMember = defineContract({
  method: "delete",
  path: "/api/region/frameworks/:id/members/:memberId",
  tag: "region",
  summary: "構成団体を外す（連携事業に参加している団体は外せません）",
  allow: ["region.manager"],
  params: memberParams,
  response: frameworkDetail,
});

export const agreementBody = z
  .object({
    signedOn: dateInput("締結日"),
    title: required("協定の名称", 200),
    note: text("備考", 2000).default(""),
  })
  .strict();
export type AgreementInput = z.input<typeof agreementBody>;

export const addAgreement = defineContract({
  method: "post",
  path: "/api/region/frameworks/:id/agreements",
  tag: "region",
  summary: "枠組みに協定・宣言を追加（締結日・名称・備考。文書は別にアップロード）",
  allow: ["region.manager"],
  params: idParams,
  body: agreementBody,
  response: frameworkDetail,
});

export const updateAgreement = defineContract({
  method: "patch",
  path: "/api/region/frameworks/:id/agreements/:agreementId",
  tag: "region",
  summary: "協定・宣言を変更（版の確認つき）",
  allow: ["region.manager"],
  params: agreementParams,
  body: agreementBody.extend({ version }).strict(),
  response: frameworkDetail,
});

export const deleteAgreement = defineContract({
  method: "delete",
  path: "/api/region/frameworks/:id/agreements/:agreementId",
  tag: "region",
  summary: "協定・宣言を削除（文書も削除）",
  allow: ["region.manager"],
  params: agreementParams,
  response: frameworkDetail,
});

export const uploadAgreementFile = defineContract({
  method: "post",
  path: "/api/region/frameworks/:id/agreements/:agreementId/file",
  tag: "region",
  summary: "協定書の文書をアップロード（multipart/form-data の file 項目。PDF・画像・Office、10MBまで。前の文書と置き換え）",
  allow: ["region.manager"],
  kind: "multipart",
  uploadMaxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
  params: agreementParams,
  response: frameworkDetail,
});

export const downloadAgreementFile = defineContract({
  method: "get",
  path: "/api/region/frameworks/:id/agreements/:agreementId/file",
  tag: "region",
  summary: "協定書の文書をダウンロード",
  allow: ["staff"],
  kind: "file",
  params: agreementParams,
  response: z.unknown(),
});

// ------------------------------------------------------------------ projects

export const PROJECT_SORTS = [
  "name",
  "-name",
  "status",
  "-status",
  "statusSince",
  "-statusSince",
  "framework",
  "-updatedAt",
  "-budget",
] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export const projectFilters = {
  q: z.string().trim().max(100).optional(),
  frameworkId: uuid.optional(),
  status: z.enum(PROJECT_STATUSES).optional(),
  /** projects with a budget in that 年度, or running in it (start ≤ FY ≤ end) */
  fiscalYear: fiscalYear.optional(),
  /** the city's division that runs it (所管課) */
  ownerId: uuid.optional(),
};

export const projectSummary = z.object({
  id: z.string(),
  name: z.string(),
  framework: z.object({ id: z.string(), name: z.string() }),
  status: z.enum(PROJECT_STATUSES),
  statusSince: z.string(),
  /** days in the current status up to today */
  daysInStatus: z.number().int(),
  lead: z.object({ id: z.string(), name: z.string() }).nullable(),
  owner: z.object({ id: z.string(), name: z.string() }),
  startFiscalYear: z.number().int().nullable(),
  endFiscalYear: z.number().int().nullable(),
  memberCount: z.number().int(),
  /** the 年度 asked for (filter) or the latest with a budget, and its 総事業費 */
  budget: z.object({ fiscalYear: z.number().int(), totalYen: z.number().int(), fundingMatches: z.boolean() }).nullable(),
  isSample: z.boolean(),
  updatedAt: z.string(),
});
export type ProjectSummary = z.infer<typeof projectSummary>;

export const listProjects = defineContract({
  method: "get",
  path: "/api/region/projects",
  tag: "region",
  summary: "連携事業の一覧（枠組み・状態・年度・所管課で絞り込み、名称で検索、並べ替え、ページ送り）",
  allow: ["staff"],
  query: z.object({ ...pageQuery, ...projectFilters, sort: z.enum(PROJECT_SORTS).default("framework") }).strict(),
  response: pageOf(projectSummary).extend({
    canManage: z.boolean(),
    frameworks: z.array(z.object({ id: z.string(), name: z.string() })),
    owners: z.array(z.object({ id: z.string(), name: z.string() })),
  }),
});

export const exportProjects = defineContract({
  method: "get",
  path: "/api/region/projects/export",
  tag: "region",
  summary: "連携事業の一覧をExcelまたはCSV（UTF-8 BOM付き）で出力（一覧と同じ絞り込み）",
  allow: ["staff"],
  query: z.object({ ...projectFilters, sort: z.enum(PROJECT_SORTS).default("framework"), format: exportFormat }).strict(),
  kind: "file",
  response: z.unknown(),
});

export const exportYearlyReport = defineContract({
  method: "get",
  path: "/api/region/projects/yearly-report",
  tag: "region",
  summary: "年度の連携事業の年次報告（全事業: 状態・総事業費と財源・実績・成果・課題・次年度の方針）をExcelまたはPDFで出力",
  allow: ["staff"],
  query: z.object({ fiscalYear, format: z.enum(["xlsx", "pdf"]).default("xlsx") }).strict(),
  kind: "file",
  response: z.unknown(),
});

export const indicatorChoice = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
});

export const listIndicatorChoices = defineContract({
  method: "get",
  path: "/api/region/projects/indicator-choices",
  tag: "region",
  summary: "連携事業に結び付けられる新ビジョンの指標（施行中の計画の指標）",
  allow: ["staff"],
  response: z.object({ plan: z.object({ id: z.string(), name: z.string() }).nullable(), items: z.array(indicatorChoice) }),
});

export const budgetRow = z.object({
  fiscalYear: z.number().int(),
  totalYen: z.number().int(),
  funding: z.record(z.enum(FUNDING_SOURCES), z.number().int()),
  fundingTotalYen: z.number().int(),
  differenceYen: z.number().int(),
  fundingMatches: z.boolean(),
  /** the flag shown when the funding's sum differs from the total */
  mismatchMessage: z.string().nullable(),
  mismatchReason: z.string(),
  note: z.string(),
  isSample: z.boolean(),
  version: z.number().int(),
});
export type BudgetRow = z.infer<typeof budgetRow>;

export const projectIndicator = z.object({
  indicatorId: z.string(),
  /** false when the vision module no longer has the indicator */
  found: z.boolean(),
  code: z.string(),
  name: z.string(),
  unit: z.string(),
  /** the latest 評価 of the indicator's plan, as the vision module graded it (null: no round yet) */
  round: z.object({ id: z.string(), name: z.string(), fiscalYear: z.number().int() }).nullable(),
  actualValue: z.number().nullable(),
  actualAsOf: z.string().nullable(),
  targetValue: z.number().nullable(),
  targetFiscalYear: z.number().int().nullable(),
  grade: z.string().nullable(),
  achievement: z.number().nullable(),
  gradeNote: z.string(),
});
export type ProjectIndicator = z.infer<typeof projectIndicator>;

export const stepRound = z.object({
  id: z.string(),
  heldOn: z.string(),
  title: z.string(),
  outcome: z.string(),
  isSample: z.boolean(),
});

export const projectStep = z.object({
  id: z.string(),
  kind: z.enum(STEP_KINDS),
  organisation: z.object({ id: z.string(), name: z.string() }),
  fiscalYear: z.number().int().nullable(),
  status: z.enum(STEP_STATUSES),
  startedOn: z.string().nullable(),
  endedOn: z.string().nullable(),
  /** days from start to end (or today while open); null before it started */
  days: z.number().int().nullable(),
  note: z.string(),
  rounds: z.array(stepRound),
  isSample: z.boolean(),
  version: z.number().int(),
});
export type ProjectStep = z.infer<typeof projectStep>;

export const statusSpan = z.object({
  status: z.enum(PROJECT_STATUSES),
  fromStatus: z.enum(PROJECT_STATUSES).nullable(),
  enteredOn: z.string(),
  leftOn: z.string().nullable(),
  days: z.number().int(),
  reason: z.string(),
  changedBy: z.string().nullable(),
  isSample: z.boolean(),
});
export type StatusSpan = z.infer<typeof statusSpan>;

export const yearlyReport = z.object({
  id: z.string(),
  fiscalYear: z.number().int(),
  results: z.string(),
  outcomes: z.string(),
  issues: z.string(),
  nextPolicy: z.string(),
  file: agreementFile.nullable(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string(),
  isSample: z.boolean(),
  version: z.number().int(),
});
export type YearlyReport = z.infer<typeof yearlyReport>;

export const projectDetail = projectSummary.extend({
  summary: z.string(),
  members: z.array(z.object({ id: z.string(), name: z.string(), municipalityCode: z.string().nullable(), role: z.enum(MEMBER_ROLES) })),
  /** the framework's members, to choose participants and the lead from */
  frameworkMembers: z.array(z.object({ id: z.string(), name: z.string() })),
  budgets: z.array(budgetRow),
  indicators: z.array(projectIndicator),
  steps: z.array(projectStep),
  history: z.array(statusSpan),
  /** days per status over the whole history */
  daysPerStatus: z.record(z.string(), z.number().int()),
  reports: z.array(yearlyReport),
  /** the city's organisations a step may name (managers only; empty for others) */
  organisationChoices: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  canManage: z.boolean(),
  version: z.number().int(),
});
export type ProjectDetail = z.infer<typeof projectDetail>;

export const getProject = defineContract({
  method: "get",
  path: "/api/region/projects/:id",
  tag: "region",
  summary: "連携事業の詳細（参加団体・予算と財源・指標と評価・庁内調整・状態の履歴と滞留日数・年次報告）",
  allow: ["staff"],
  params: idParams,
  response: projectDetail,
});

const projectFields = {
  name: required("事業名", 120),
  summary: text("概要", 4000),
  leadMemberId: uuid.nullable(),
  memberIds: z.array(uuid).max(100),
  ownerOrganisationId: uuid,
  startFiscalYear: fiscalYear.nullable(),
  endFiscalYear: fiscalYear.nullable(),
};

export const projectCreateBody = z
  .object({
    frameworkId: uuid,
    ...projectFields,
    /** the status it starts in (usually 構想) and since when */
    status: z.enum(PROJECT_STATUSES).default("concept"),
    statusSince: optionalDate("状態の開始日"),
  })
  .strict();
export type ProjectCreateInput = z.input<typeof projectCreateBody>;

export const projectEditBody = z.object({ version, ...projectFields }).strict();
export type ProjectEditInput = z.input<typeof projectEditBody>;

export const createProject = defineContract({
  method: "post",
  path: "/api/region/projects",
  tag: "region",
  summary: "連携事業を登録",
  allow: ["region.manager"],
  body: projectCreateBody,
  response: projectDetail,
});

export const updateProject = defineContract({
  method: "patch",
  path: "/api/region/projects/:id",
  tag: "region",
  summary: "連携事業の名称・概要・幹事団体・参加団体・所管課・期間を変更（版の確認つき）",
  allow: ["region.manager"],
  params: idParams,
  body: projectEditBody,
  response: projectDetail,
});

export const statusChangeBody = z
  .object({
    version,
    status: z.enum(PROJECT_STATUSES, { error: "状態を選んでください。" }),
    on: dateInput("変更日"),
    reason: text("理由", 1000).default(""),
  })
  .strict();
export type StatusChangeInput = z.input<typeof statusChangeBody>;

export const changeProjectStatus = defineContract({
  method: "post",
  path: "/api/region/projects/:id/status",
  tag: "region",
  summary: "連携事業の状態を変更（先へは自由に、前に戻すときは理由が必要）",
  allow: ["region.manager"],
  params: idParams,
  body: statusChangeBody,
  response: projectDetail,
});

export const budgetBody = z
  .object({
    /** the budget's version when it exists (null: a new 年度) */
    version: version.nullable(),
    totalYen: yen("総事業費"),
    funding: z
      .object(
        Object.fromEntries(FUNDING_SOURCES.map((s) => [s, yen("財源の額").default(0)])) as Record<
          (typeof FUNDING_SOURCES)[number],
          z.ZodDefault<ReturnType<typeof yen>>
        >,
      )
      .strict(),
    note: text("備考", 2000).default(""),
    /** required when the funding's sum differs from the total (e.g. 特別交付税の額が未確定) */
    mismatchReason: text("不一致の理由", 1000).default(""),
  })
  .strict();
export type BudgetInput = z.input<typeof budgetBody>;

export const putProjectBudget = defineContract({
  method: "put",
  path: "/api/region/projects/:id/budgets/:fiscalYear",
  tag: "region",
  summary: "年度の総事業費と財源の内訳を保存（財源の合計が総事業費と違うときは理由が必要）",
  allow: ["region.manager"],
  params: fyParams,
  body: budgetBody,
  response: projectDetail,
});

export const deleteProjectBudget = defineContract({
  method: "delete",
  path: "/api/region/projects/:id/budgets/:fiscalYear",
  tag: "region",
  summary: "年度の予算と財源を削除",
  allow: ["region.manager"],
  params: fyParams,
  response: projectDetail,
});

export const putProjectIndicators = defineContract({
  method: "put",
  path: "/api/region/projects/:id/indicators",
  tag: "region",
  summary: "連携事業の指標（新ビジョンの指標）を選び直す",
  allow: ["region.manager"],
  params: idParams,
  body: z.object({ indicatorIds: z.array(uuid).max(30, "指標は30件までです。") }).strict(),
  response: projectDetail,
});

export const stepBody = z
  .object({
    kind: z.enum(STEP_KINDS, { error: "種類を選んでください。" }),
    organisationId: uuid,
    fiscalYear: fiscalYear.nullable(),
    status: z.enum(STEP_STATUSES, { error: "状況を選んでください。" }),
    startedOn: optionalDate("開始日"),
    endedOn: optionalDate("終了日"),
    note: text("メモ", 2000).default(""),
  })
  .strict();
export type StepInput = z.input<typeof stepBody>;

export const addProjectStep = defineContract({
  method: "post",
  path: "/api/region/projects/:id/steps",
  tag: "region",
  summary: "庁内調整（連携部門との意見交換・財政当局との予算協議）を追加",
  allow: ["region.manager"],
  params: idParams,
  body: stepBody,
  response: projectDetail,
});

export const updateProjectStep = defineContract({
  method: "patch",
  path: "/api/region/projects/:id/steps/:stepId",
  tag: "region",
  summary: "庁内調整の状況・日付・メモを変更（版の確認つき）",
  allow: ["region.manager"],
  params: stepParams,
  body: stepBody.extend({ version }).strict(),
  response: projectDetail,
});

export const deleteProjectStep = defineContract({
  method: "delete",
  path: "/api/region/projects/:id/steps/:stepId",
  tag: "region",
  summary: "庁内調整を削除",
  allow: ["region.manager"],
  params: stepParams,
  response: projectDetail,
});

export const addStepRound = defineContract({
  method: "post",
  path: "/api/region/projects/:id/steps/:stepId/rounds",
  tag: "region",
  summary: "庁内調整の経過（予算要求・査定・内示、意見交換の回）を記録",
  allow: ["region.manager"],
  params: stepParams,
  body: z.object({ heldOn: dateInput("日付"), title: required("内容", 80), outcome: text("結果", 2000).default("") }).strict(),
  response: projectDetail,
});

export const reportBody = z
  .object({
    version: version.nullable(),
    results: text("実績", 4000),
    outcomes: text("成果", 4000),
    issues: text("課題", 4000),
    nextPolicy: text("次年度の方針", 4000),
  })
  .strict();
export type ReportInput = z.input<typeof reportBody>;

export const putProjectReport = defineContract({
  method: "put",
  path: "/api/region/projects/:id/reports/:fiscalYear",
  tag: "region",
  summary: "年度の年次報告（実績・成果・課題・次年度の方針）を保存",
  allow: ["region.manager"],
  params: fyParams,
  body: reportBody,
  response: projectDetail,
});

export const uploadReportFile = defineContract({
  method: "post",
  path: "/api/region/projects/:id/reports/:fiscalYear/file",
  tag: "region",
  summary: "年次報告の資料をアップロード（multipart/form-data の file 項目。前の資料と置き換え）",
  allow: ["region.manager"],
  kind: "multipart",
  uploadMaxBytes: DOCUMENT_UPLOAD_MAX_BYTES,
  params: fyParams,
  response: projectDetail,
});

export const downloadReportFile = defineContract({
  method: "get",
  path: "/api/region/projects/:id/reports/:fiscalYear/file",
  tag: "region",
  summary: "年次報告の資料をダウンロード",
  allow: ["staff"],
  kind: "file",
  params: fyParams,
  response: z.unknown(),
});
