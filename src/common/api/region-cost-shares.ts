// Contracts of 負担金 (issue 18, region module): versioned cost-share rules of a joint project, the inputs a rule needs
// (populations read from the hub's figures, other figures typed or imported), a preview, a saved computation with its
// PDF and Excel table, and the what-if comparison of two rules on the same inputs. Every member of staff reads and
// previews; the bureau that runs the region's work (region.manager) creates rules and versions and saves computations.
import { z } from "zod";
import { ruleBodySchema } from "../region/cost-share";
import { POPULATION_BASES } from "../region/population-basis";
import { defineContract, idParams } from "./contract";

const TAG = "region";
const uuid = z.uuid({ message: "IDの形式が正しくありません" });
const fiscalYear = z.number({ error: "年度を入力してください。" }).int().min(1989, "年度は平成元年度以降です。").max(2100);
const yen = z
  .number({ error: "金額を入力してください。" })
  .int("金額は円単位の整数で入力してください。")
  .min(0, "金額に負の数は入力できません。")
  .max(1_000_000_000_000, "金額は1兆円以下で入力してください。");

// ── rules ──

export const ruleVersionSummary = z.object({
  id: z.string(),
  version: z.number().int(),
  appliesFromFiscalYear: z.number().int(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  isSample: z.boolean(),
});

export const ruleVersion = ruleVersionSummary.extend({
  components: z.array(z.unknown()),
  rounding: z.object({ unit: z.number().int(), method: z.enum(["floor", "round", "ceil"]) }),
  remainderMemberId: z.string(),
  remainderMemberName: z.string(),
  /** the rule in the engine's shape (components, rounding, remainderMemberId) */
  rule: z.unknown(),
});
export type RuleVersion = z.infer<typeof ruleVersion>;

export const projectMember = z.object({
  id: z.string(),
  name: z.string(),
  localGovernmentCode: z.string(),
  municipalityCode: z.string().nullable(),
  role: z.string(),
});
export type ProjectMember = z.infer<typeof projectMember>;

export const computationSummary = z.object({
  id: z.string(),
  fiscalYear: z.number().int(),
  title: z.string(),
  ruleId: z.string(),
  ruleName: z.string(),
  version: z.number().int(),
  total: z.number().int(),
  amountToShare: z.number().int(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  isSample: z.boolean(),
});
export type ComputationSummary = z.infer<typeof computationSummary>;

export const ruleSummary = z.object({
  id: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  frameworkName: z.string(),
  name: z.string(),
  description: z.string(),
  latestVersion: ruleVersionSummary,
  versionCount: z.number().int(),
  latestComputation: computationSummary.nullable(),
  isSample: z.boolean(),
});
export type RuleSummary = z.infer<typeof ruleSummary>;

export const projectChoice = z.object({ id: z.string(), name: z.string(), frameworkName: z.string(), memberCount: z.number().int() });

export const listCostRules = defineContract({
  method: "get",
  path: "/api/region/cost-shares",
  tag: TAG,
  summary: "負担金の算定ルールの一覧（連携事業ごと、最新の版と最新の算定結果）",
  allow: ["staff"],
  query: z.object({ projectId: uuid.optional() }).strict(),
  response: z.object({
    items: z.array(ruleSummary),
    projects: z.array(projectChoice),
    project: projectChoice.nullable(),
    /** the chosen project's members (for the rule editor) */
    projectMembers: z.array(projectMember),
    canManage: z.boolean(),
  }),
});

export const ruleDetail = z.object({
  id: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  frameworkName: z.string(),
  name: z.string(),
  description: z.string(),
  isSample: z.boolean(),
  members: z.array(projectMember),
  /** newest first */
  versions: z.array(ruleVersion),
  computations: z.array(computationSummary),
  canManage: z.boolean(),
});
export type RuleDetail = z.infer<typeof ruleDetail>;

export const getCostRule = defineContract({
  method: "get",
  path: "/api/region/cost-shares/rules/:id",
  tag: TAG,
  summary: "負担金の算定ルール（区分と割合・端数処理・端数調整団体、すべての版、算定結果）",
  allow: ["staff"],
  params: idParams,
  response: ruleDetail,
});

const versionFields = {
  appliesFromFiscalYear: fiscalYear,
  note: z.string().trim().max(2000, "改定の理由は2000文字以内です。").default(""),
  rule: ruleBodySchema,
};

export const createCostRuleBody = z
  .object({
    projectId: uuid,
    name: z.string().trim().min(1, "ルールの名称を入力してください。").max(80, "名称は80文字以内です。"),
    description: z.string().trim().max(2000, "説明は2000文字以内です。").default(""),
    ...versionFields,
  })
  .strict();
export type CreateCostRuleInput = z.input<typeof createCostRuleBody>;

export const createCostRule = defineContract({
  method: "post",
  path: "/api/region/cost-shares/rules",
  tag: TAG,
  summary: "負担金の算定ルールを作成（第1版）",
  allow: ["region.manager"],
  body: createCostRuleBody,
  response: ruleDetail,
});

export const newVersionBody = z
  .object({
    /** the version the edit started from: a newer one made meanwhile is a 409 */
    basedOnVersion: z.number().int().min(1),
    ...versionFields,
  })
  .strict();
export type NewVersionInput = z.input<typeof newVersionBody>;

export const createCostRuleVersion = defineContract({
  method: "post",
  path: "/api/region/cost-shares/rules/:id/versions",
  tag: TAG,
  summary: "負担金の算定ルールの新しい版を作成（以前の版は変わらない）",
  allow: ["region.manager"],
  params: idParams,
  body: newVersionBody,
  response: ruleDetail,
});

// ── inputs ──

const versionIdsQuery = z
  .string()
  .transform((s) => s.split(",").filter(Boolean))
  .pipe(z.array(uuid).min(1, "ルールの版を選んでください。").max(2, "比べられる版は2つまでです。"));

export const inputRow = z.object({
  memberId: z.string(),
  memberName: z.string(),
  value: z.number().nullable(),
  /** 住民基本台帳（令和4年1月1日現在）・出典 for a stored population; 入力値 otherwise */
  source: z.string(),
  /** false: read from the hub's populations (the 18 市町), not typed */
  editable: z.boolean(),
});

export const inputSet = z.object({
  key: z.string(),
  kind: z.enum(["population", "usage", "fiscal_need"]),
  /** 人口（住民基本台帳・令和4年1月1日現在）, 利用者数（前年度）, 基準財政需要額（令和6年度） */
  label: z.string(),
  unit: z.string(),
  basis: z.enum(POPULATION_BASES).nullable(),
  asOf: z.string().nullable(),
  /** a member's figure missing from the stored populations (named; never taken as 0) */
  missing: z.array(z.string()),
  rows: z.array(inputRow),
});
export type InputSet = z.infer<typeof inputSet>;

export const getCostShareInputs = defineContract({
  method: "get",
  path: "/api/region/cost-shares/inputs",
  tag: TAG,
  summary: "算定に使う数値の一覧（人口は登録済みの基準・基準日から、ほかは入力する数値）",
  allow: ["staff"],
  query: z.object({ versionIds: versionIdsQuery }).strict(),
  response: z.object({ projectId: z.string(), members: z.array(projectMember), sets: z.array(inputSet) }),
});

export const importCostShareInputs = defineContract({
  method: "post",
  path: "/api/region/cost-shares/inputs/import",
  tag: TAG,
  summary:
    "算定に使う数値をCSV・Excelから読み込む（列: 全国地方公共団体コード または 団体名, 項目, 数値; multipart/form-data の file）。1行でも誤りがあれば何も読み込まず行ごとの誤りを返す。保存はしない",
  allow: ["staff"],
  query: z.object({ versionIds: versionIdsQuery }).strict(),
  kind: "multipart",
  uploadMaxBytes: 2 * 1024 * 1024,
  response: z.union([
    z.object({
      ok: z.literal(true),
      /** figure key → member id → value */
      figures: z.record(z.string(), z.record(z.string(), z.number())),
      count: z.number().int(),
      fileName: z.string(),
    }),
    z.object({
      ok: z.literal(false),
      errors: z.array(z.object({ row: z.number().int(), column: z.string().optional(), message: z.string() })),
    }),
  ]),
});

const deduction = z
  .object({
    label: z.string().trim().min(1, "特定財源の名称を入力してください。").max(40, "特定財源の名称は40文字以内です。"),
    amount: yen,
  })
  .strict();

const computeFields = {
  fiscalYear,
  total: yen,
  deductions: z.array(deduction).max(20, "特定財源は20件までです。").default([]),
  /** figures typed or imported for members outside the 18 市町 and for usage / 基準財政需要額: key → member id → value */
  figures: z
    .record(
      z.string().max(120),
      z.record(z.string().max(64), z.number().int("数値は整数で入力してください。").min(0, "数値に負の数は入力できません。").nullable()),
    )
    .default({}),
  /** where typed figures came from: 入力値 (default) or the imported file's name */
  figureSource: z.string().trim().max(120).default(""),
};

export const previewBody = z.object({ ruleVersionId: uuid, ...computeFields }).strict();
export type PreviewInput = z.input<typeof previewBody>;

export const usedFigure = z.object({
  key: z.string(),
  label: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  value: z.number(),
  source: z.string(),
});
export type UsedFigure = z.infer<typeof usedFigure>;

export const computationResult = z.object({
  ruleId: z.string(),
  ruleName: z.string(),
  version: z.number().int(),
  ruleVersionId: z.string(),
  fiscalYear: z.number().int(),
  inputs: z.array(usedFigure),
  /** the engine's result (CostShareResult of src/common/region/cost-share.ts) */
  result: z.unknown(),
});
export type ComputationResult = z.infer<typeof computationResult>;

export const previewCostShares = defineContract({
  method: "post",
  path: "/api/region/cost-shares/preview",
  tag: TAG,
  summary: "負担金を試算（保存しない）: 団体ごと・区分ごとの数値・割合・端数処理前後の額・端数調整",
  allow: ["staff"],
  body: previewBody,
  response: computationResult,
});

export const saveBody = previewBody.extend({ title: z.string().trim().max(120, "題名は120文字以内です。").default("") }).strict();
export type SaveInput = z.input<typeof saveBody>;

export const computationDetail = computationResult.extend({
  id: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  frameworkName: z.string(),
  title: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
  isSample: z.boolean(),
});
export type ComputationDetail = z.infer<typeof computationDetail>;

export const saveCostShareComputation = defineContract({
  method: "post",
  path: "/api/region/cost-shares/computations",
  tag: TAG,
  summary: "負担金の算定結果を保存（入力した数値と出典を含め、そのまま残る）",
  allow: ["region.manager"],
  body: saveBody,
  response: computationDetail,
});

export const getCostShareComputation = defineContract({
  method: "get",
  path: "/api/region/cost-shares/computations/:id",
  tag: TAG,
  summary: "保存した負担金の算定結果",
  allow: ["staff"],
  params: idParams,
  response: computationDetail,
});

export const exportCostShareComputation = defineContract({
  method: "get",
  path: "/api/region/cost-shares/computations/:id/export",
  tag: TAG,
  summary: "負担金の表をPDFまたはExcelで出力（和暦、ルールの名称と版、数値と出典、団体別・区分別の額と合計）",
  allow: ["staff"],
  params: idParams,
  query: z.object({ format: z.enum(["pdf", "xlsx"]).default("xlsx") }).strict(),
  kind: "file",
  response: z.unknown(),
});

export const compareBody = z
  .object({ a: uuid, b: uuid, ...computeFields })
  .strict()
  .refine((v) => v.a !== v.b, { message: "異なる2つの版を選んでください。", path: ["b"] });
export type CompareInput = z.input<typeof compareBody>;

export const compareCostShares = defineContract({
  method: "post",
  path: "/api/region/cost-shares/compare",
  tag: TAG,
  summary: "2つのルール（または版）を同じ総額・数値で比べる（団体ごとの差額と割合の差（ポイント））",
  allow: ["staff"],
  body: compareBody,
  response: z.object({
    a: computationResult,
    b: computationResult,
    rows: z.array(
      z.object({
        memberId: z.string(),
        name: z.string(),
        a: z.number(),
        b: z.number(),
        difference: z.number(),
        aRatio: z.number(),
        bRatio: z.number(),
        differencePoints: z.number(),
      }),
    ),
  }),
});
