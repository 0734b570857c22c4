// 負担金の算定 (issue 18): a cost-share rule as real 負担金 条例 write it, and the pure engine that applies it.
//
//   amount to share = total − 特定財源 (国県支出金, 使用料, 繰越金 …)
//   the amount is split into weighted components (均等割, 人口割, 実績割, 基準財政需要額割, hosting share, fixed
//   agreed percentages); each component amount is distributed among its members by its own basis.
//
// Rounding is an explicit part of the rule (no 条例 excerpt states it): a unit (1, 10, 100, 1000 yen) and a method
// (切り捨て / 四捨五入 / 切り上げ). Two places take what rounding leaves over, both named in the rule's explanation:
//   1. the component amounts: amount × weight is rounded per the rule; the difference between the amount to share
//      and the sum of the rounded component amounts goes to the component with the largest weight (the first one
//      when two are equal) — 「区分の端数調整」;
//   2. the members' shares: component amount × figure ÷ sum of figures is rounded per the rule; the difference
//      between the component amount and the sum of the rounded shares goes to the rule's remainder taker (a named
//      member, e.g. the 中心市) — 「端数調整」, whether or not the taker is among the component's members.
// So the shares always add up to the amount to share to the yen. With 切り上げ (and 四捨五入 on amounts small against
// the unit) the adjustment is negative and the taker pays less than its rounded share.
//
// Every multiplication is done in BigInt: 10,000,000,000 yen × a population (or a 基準財政需要額 in yen) is far past
// 2^53. Amounts in and out are integer yen as numbers (at most MAX_TOTAL_YEN, safely below 2^53).
import { z } from "zod";
import { POPULATION_BASES, type PopulationBasis } from "./population-basis";

/** Weights and fixed percentages in 1/100 of a percent: 10000 = 100 %, 4500 = 45 %, 1118 = 11.18 %. */
export const WEIGHT_SCALE = 10_000;
/** The largest total the engine takes: 1兆円 (a 負担金 is far below it; amounts stay exact as JS numbers). */
export const MAX_TOTAL_YEN = 1_000_000_000_000;
/** The largest figure (a 基準財政需要額 in yen of a 政令市 is about 2×10^11). */
export const MAX_FIGURE = 10_000_000_000_000;

export const COMPONENT_KINDS = ["equal", "population", "usage", "fiscal_need", "hosting", "fixed"] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];
export const COMPONENT_KIND_LABELS: Readonly<Record<ComponentKind, string>> = {
  equal: "均等割",
  population: "人口割",
  usage: "実績割",
  fiscal_need: "基準財政需要額割",
  hosting: "施設所在団体割",
  fixed: "協定割合",
};

export const ROUNDING_UNITS = [1, 10, 100, 1000] as const;
export type RoundingUnit = (typeof ROUNDING_UNITS)[number];
export const ROUNDING_METHODS = ["floor", "round", "ceil"] as const;
export type RoundingMethod = (typeof ROUNDING_METHODS)[number];
export const ROUNDING_METHOD_LABELS: Readonly<Record<RoundingMethod, string>> = {
  floor: "切り捨て",
  round: "四捨五入",
  ceil: "切り上げ",
};

const weight = z
  .number({ error: "割合を入力してください。" })
  .int("割合は0.01%単位で入力してください。")
  .min(0, "割合に負の数は入力できません。")
  .max(WEIGHT_SCALE, "割合は100%以下です。");
const memberId = z.string().min(1).max(64);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "基準日は YYYY-MM-DD の形で指定してください。");

/** Which members a component applies to: all of the project's members, all but some (幡多: the others than the host), or only some. */
export const appliesToSchema = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("all") }).strict(),
  z.object({ mode: z.literal("exclude"), memberIds: z.array(memberId).min(1, "除く団体を選んでください。").max(100) }).strict(),
  z.object({ mode: z.literal("only"), memberIds: z.array(memberId).min(1, "対象の団体を選んでください。").max(100) }).strict(),
]);
export type AppliesTo = z.infer<typeof appliesToSchema>;

const common = {
  /** a label of the component as the 条例 names it (運営費の人口割, 利用者割 …); empty = the kind's label */
  label: z.string().trim().max(40, "区分の名称は40文字以内です。").default(""),
  weight,
  appliesTo: appliesToSchema.default({ mode: "all" }),
};

export const componentSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("equal"), ...common }).strict(),
  z
    .object({
      kind: z.literal("population"),
      ...common,
      basis: z.enum(POPULATION_BASES, { error: "人口の基準を選んでください。" }),
      asOf: isoDate,
    })
    .strict(),
  z
    .object({
      kind: z.literal("usage"),
      ...common,
      /** the figure's name: 利用者数, 搬入量（t）, 救急搬送件数 … */
      figureName: z.string().trim().min(1, "実績の項目名（利用者数など）を入力してください。").max(30, "実績の項目名は30文字以内です。"),
      /** its period as the 条例 names it: 前年度, 令和5年1月〜12月 … */
      period: z.string().trim().min(1, "実績の期間を入力してください。").max(40, "実績の期間は40文字以内です。"),
    })
    .strict(),
  z
    .object({
      kind: z.literal("fiscal_need"),
      ...common,
      /** the fiscal year of the 基準財政需要額 (普通交付税の算定) */
      fiscalYear: z.number().int().min(1989).max(2100),
    })
    .strict(),
  z.object({ kind: z.literal("hosting"), ...common, hostMemberId: memberId }).strict(),
  z
    .object({
      kind: z.literal("fixed"),
      ...common,
      /** agreed percentages per member in 1/100 %, adding up to 100 % (相楽: 60.00 / 11.18 / 12.65 / 6.76 / 9.41) */
      shares: z.array(z.object({ memberId, weight }).strict()).min(1, "協定割合の団体を入力してください。").max(100),
    })
    .strict(),
]);
export type CostShareComponent = z.infer<typeof componentSchema>;
export type CostShareComponentInput = z.input<typeof componentSchema>;

export const roundingSchema = z
  .object({
    unit: z.literal(ROUNDING_UNITS, { error: "端数処理の単位は1円・10円・100円・1000円のいずれかです。" }),
    method: z.enum(ROUNDING_METHODS, { error: "端数処理の方法を選んでください。" }),
  })
  .strict();
export type Rounding = z.infer<typeof roundingSchema>;

/** The rule as stored and as the editor sends it (checked again against the project's members by checkRule). */
export const ruleBodySchema = z
  .object({
    components: z.array(componentSchema).min(1, "区分を1つ以上入力してください。").max(12, "区分は12までです。"),
    rounding: roundingSchema,
    /** the member who takes the rounding remainder (端数調整団体), a region_framework_members id */
    remainderMemberId: memberId,
  })
  .strict()
  .superRefine((rule, ctx) => {
    const sum = rule.components.reduce((s, c) => s + c.weight, 0);
    if (sum !== WEIGHT_SCALE)
      ctx.addIssue({
        code: "custom",
        path: ["components"],
        message: `区分の割合の合計が${formatWeight(sum)}です。合計がちょうど100%になるようにしてください。`,
      });
    rule.components.forEach((c, i) => {
      if (c.kind !== "fixed") return;
      const fixed = c.shares.reduce((s, x) => s + x.weight, 0);
      if (fixed !== WEIGHT_SCALE)
        ctx.addIssue({
          code: "custom",
          path: ["components", i, "shares"],
          message: `${i + 1}番目の区分（${componentLabel(c)}）の協定割合の合計が${formatWeight(fixed)}です。合計がちょうど100%になるようにしてください。`,
        });
      const ids = c.shares.map((x) => x.memberId);
      if (new Set(ids).size !== ids.length)
        ctx.addIssue({
          code: "custom",
          path: ["components", i, "shares"],
          message: `${i + 1}番目の区分（${componentLabel(c)}）に同じ団体が2回あります。`,
        });
    });
  });
export type CostShareRule = z.infer<typeof ruleBodySchema>;
export type CostShareRuleInput = z.input<typeof ruleBodySchema>;

/** 4500 → "45%", 1118 → "11.18%", 50 → "0.5%". */
export function formatWeight(w: number): string {
  const whole = Math.trunc(w / 100);
  const frac = Math.abs(w % 100);
  return `${w < 0 && whole === 0 ? "-" : ""}${whole}${frac ? `.${String(frac).padStart(2, "0").replace(/0$/, "")}` : ""}%`;
}

export function componentLabel(c: Pick<CostShareComponent, "kind" | "label">): string {
  return c.label || COMPONENT_KIND_LABELS[c.kind];
}

// ── figures ──

/**
 * The key of the figures a component reads: two components (or two rules in the what-if view) that name the same
 * basis read the same figures. Components without figures (均等割, hosting, fixed) have none.
 */
export function figureKey(c: CostShareComponent): string | null {
  switch (c.kind) {
    case "population":
      return `population:${c.basis}:${c.asOf}`;
    case "usage":
      return `usage:${c.figureName}:${c.period}`;
    case "fiscal_need":
      return `fiscal_need:${c.fiscalYear}`;
    default:
      return null;
  }
}

/** The figures of a computation: figure key → member id → figure (missing = not given). */
export type FigureTable = Readonly<Record<string, Readonly<Record<string, number | null | undefined>>>>;

export interface CostShareMember {
  id: string;
  name: string;
}

export interface Deduction {
  /** 国県支出金, 使用料, 繰越金 … */
  label: string;
  amount: number;
}

export interface CostShareInput {
  members: readonly CostShareMember[];
  total: number;
  deductions: readonly Deduction[];
  figures: FigureTable;
}

/** A rule or an input the engine cannot apply; the message is Japanese and names what to fix. */
export class CostShareError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "CostShareError";
  }
}

// ── exact integer arithmetic ──

function floorDiv(a: bigint, b: bigint): bigint {
  // b > 0
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

/** numerator ÷ denominator rounded to a multiple of unit by the method (denominator > 0). */
export function roundToUnit(numerator: bigint, denominator: bigint, unit: number, method: RoundingMethod): bigint {
  const u = BigInt(unit);
  const d = denominator * u;
  if (method === "floor") return floorDiv(numerator, d) * u;
  if (method === "ceil") return -floorDiv(-numerator, d) * u;
  // 四捨五入: half away from zero (amounts here are ≥ 0 except after a negative adjustment)
  const sign = numerator < 0n ? -1n : 1n;
  const n = numerator * sign;
  return sign * floorDiv(2n * n + d, 2n * d) * u;
}

/** An exact quotient written with 4 decimal places (truncated), for a person to check: 1234.5678. */
export function decimalOf(numerator: bigint, denominator: bigint): string {
  const negative = numerator < 0n !== denominator < 0n && numerator !== 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const scaled = (n * 10_000n) / d;
  const whole = scaled / 10_000n;
  const frac = (scaled % 10_000n).toString().padStart(4, "0");
  return `${negative ? "-" : ""}${whole}.${frac}`;
}

// ── the result ──

export interface ShareLine {
  componentIndex: number;
  /** the figure used (人口, 利用者数, 基準財政需要額, 1 for 均等割 and the host, the agreed 1/100 % for fixed); null = not a member of the component */
  figure: number | null;
  /** figure ÷ the component's figure total (0 … 1) */
  ratio: number;
  /** component amount × figure ÷ figure total, exactly, 4 decimals */
  rawAmount: string;
  /** rounded per the rule */
  amount: number;
}

export interface MemberShare {
  memberId: string;
  name: string;
  lines: ShareLine[];
  /** 端数調整: what the remainder taker absorbs (0 for the others) */
  adjustment: number;
  /** Σ lines' amounts + adjustment */
  share: number;
  /** share ÷ amount to share (0 … 1) */
  ratio: number;
}

export interface ComponentResult {
  index: number;
  kind: ComponentKind;
  label: string;
  weight: number;
  /** the figure key (for the inputs table) */
  figureKey: string | null;
  memberIds: string[];
  /** amount to share × weight, exactly */
  rawAmount: string;
  /** rounded per the rule */
  roundedAmount: number;
  /** 区分の端数調整 given to this component (the largest weight's) */
  componentAdjustment: number;
  /** roundedAmount + componentAdjustment: what is distributed */
  amount: number;
  figureTotal: number;
  /** component amount − Σ members' rounded amounts: given to the remainder taker */
  remainder: number;
  explanation: string;
}

export interface CostShareResult {
  total: number;
  deductions: Deduction[];
  deductionTotal: number;
  amountToShare: number;
  rounding: Rounding;
  remainderMemberId: string;
  remainderMemberName: string;
  /** the component that takes the 区分の端数調整 */
  adjustedComponentIndex: number;
  components: ComponentResult[];
  members: MemberShare[];
  /** Σ shares (always equal to amountToShare) */
  sum: number;
  explanation: string[];
}

const yen = (n: number | bigint) => `${Number(n).toLocaleString("ja-JP")}円`;
/** "44125000.0000" → "44,125,000", "2135858.1081" → "2,135,858.1081" (for the explanation) */
const readable = (decimal: string) => {
  const [whole, frac] = decimal.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return frac && /[1-9]/.test(frac) ? `${grouped}.${frac}` : grouped;
};
const num = (n: number) => n.toLocaleString("ja-JP");

/** The members a component applies to, in the members' order. */
export function membersOf<M extends CostShareMember>(c: CostShareComponent, all: readonly M[]): M[] {
  if (c.kind === "hosting") return all.filter((m) => m.id === c.hostMemberId);
  if (c.kind === "fixed") {
    const listed = new Set(c.shares.map((s) => s.memberId));
    return all.filter((m) => listed.has(m.id));
  }
  if (c.appliesTo.mode === "all") return [...all];
  const ids = new Set(c.appliesTo.memberIds);
  return all.filter((m) => (c.appliesTo.mode === "only" ? ids.has(m.id) : !ids.has(m.id)));
}

function describeBasis(c: CostShareComponent, describePopulation: (basis: PopulationBasis, asOf: string) => string): string {
  switch (c.kind) {
    case "equal":
      return "対象団体に等しく";
    case "population":
      return `${describePopulation(c.basis, c.asOf)}の人口の比で`;
    case "usage":
      return `${c.figureName}（${c.period}）の比で`;
    case "fiscal_need":
      return `基準財政需要額（${c.fiscalYear}年度算定）の比で`;
    case "hosting":
      return "施設の所在団体に全額を";
    case "fixed":
      return "協定で定めた割合で";
  }
}

/** Checks a rule against the members it is applied to: every member id it names is a member; the remainder taker is one. */
export function checkRuleMembers(rule: CostShareRule, members: readonly CostShareMember[]): void {
  const ids = new Set(members.map((m) => m.id));
  if (!ids.has(rule.remainderMemberId)) throw new CostShareError("端数調整団体が参加団体の中にありません。", "remainderMemberId");
  rule.components.forEach((c, i) => {
    const named =
      c.kind === "hosting"
        ? [c.hostMemberId]
        : c.kind === "fixed"
          ? c.shares.map((s) => s.memberId)
          : c.appliesTo.mode === "all"
            ? []
            : c.appliesTo.memberIds;
    const unknown = named.filter((id) => !ids.has(id));
    if (unknown.length > 0)
      throw new CostShareError(`${i + 1}番目の区分（${componentLabel(c)}）に参加団体でない団体が指定されています。`, `components.${i}`);
    if (c.weight > 0 && membersOf(c, members).length === 0)
      throw new CostShareError(`${i + 1}番目の区分（${componentLabel(c)}）の対象団体がありません。`, `components.${i}`);
  });
}

/**
 * Applies a rule. Throws CostShareError (Japanese) for a negative amount to share, a missing figure (naming the
 * component and the members), a basis whose figures are all 0, or a rule that names a member not taking part.
 */
export function computeCostShares(
  rule: CostShareRule,
  input: CostShareInput,
  opts: { describePopulation?: (basis: PopulationBasis, asOf: string) => string } = {},
): CostShareResult {
  const describePopulation = opts.describePopulation ?? ((basis, asOf) => `${basis} ${asOf}`);
  const { members } = input;
  if (members.length === 0) throw new CostShareError("参加団体がありません。");
  if (!Number.isSafeInteger(input.total) || input.total < 0 || input.total > MAX_TOTAL_YEN)
    throw new CostShareError(`総額は0円以上${yen(MAX_TOTAL_YEN)}以下の整数（円）で入力してください。`, "total");
  for (const d of input.deductions) {
    if (!Number.isSafeInteger(d.amount) || d.amount < 0)
      throw new CostShareError(`特定財源「${d.label}」の額は0円以上の整数（円）で入力してください。`, "deductions");
  }
  checkRuleMembers(rule, members);
  const deductionTotal = input.deductions.reduce((s, d) => s + d.amount, 0);
  const amountToShare = input.total - deductionTotal;
  if (amountToShare < 0)
    throw new CostShareError(
      `特定財源の合計（${yen(deductionTotal)}）が総額（${yen(input.total)}）を超えています。負担金の対象額がマイナス（${yen(amountToShare)}）になるため算定できません。`,
      "deductions",
    );
  const { unit, method } = rule.rounding;
  const amount = BigInt(amountToShare);
  const scale = BigInt(WEIGHT_SCALE);

  // 1. component amounts, the leftover to the largest weight
  const rounded = rule.components.map((c) => roundToUnit(amount * BigInt(c.weight), scale, unit, method));
  const componentLeftover = amount - rounded.reduce((s, x) => s + x, 0n);
  let adjustedIndex = 0;
  rule.components.forEach((c, i) => {
    if (c.weight > rule.components[adjustedIndex].weight) adjustedIndex = i;
  });

  const byMember = new Map(members.map((m) => [m.id, { lines: [] as ShareLine[], adjustment: 0n }]));
  const remainderTaker = members.find((m) => m.id === rule.remainderMemberId)!;
  const components: ComponentResult[] = rule.components.map((c, i) => {
    const componentAmount = rounded[i] + (i === adjustedIndex ? componentLeftover : 0n);
    const applies = membersOf(c, members);
    const key = figureKey(c);
    const label = componentLabel(c);
    // the figures: 1 each for 均等割 and the host, the agreed weights for fixed, the given table otherwise
    const figures = new Map<string, bigint>();
    if (c.kind === "equal" || c.kind === "hosting") for (const m of applies) figures.set(m.id, 1n);
    else if (c.kind === "fixed") for (const s of c.shares) figures.set(s.memberId, BigInt(s.weight));
    else {
      const table = input.figures[key!] ?? {};
      const missing = applies.filter((m) => {
        const v = table[m.id];
        return v === undefined || v === null;
      });
      if (missing.length > 0)
        throw new CostShareError(
          `${i + 1}番目の区分「${label}」（${describeBasis(c, describePopulation).replace(/の比で$/, "")}）の数値がない団体があります: ${missing.map((m) => m.name).join("、")}。数値を入力してください（0の団体は0と入力）。`,
          `figures.${key}`,
        );
      for (const m of applies) {
        const v = table[m.id]!;
        if (!Number.isSafeInteger(v) || v < 0 || v > MAX_FIGURE)
          throw new CostShareError(
            `${i + 1}番目の区分「${label}」の${m.name}の数値（${v}）は0以上の整数で入力してください。`,
            `figures.${key}`,
          );
        figures.set(m.id, BigInt(v));
      }
    }
    const figureTotal = applies.reduce((s, m) => s + (figures.get(m.id) ?? 0n), 0n);
    if (figureTotal === 0n && c.weight > 0)
      throw new CostShareError(
        `${i + 1}番目の区分「${label}」の数値がすべて0です（対象: ${applies.map((m) => m.name).join("、")}）。この区分の負担額を割り振れません。`,
        key ? `figures.${key}` : `components.${i}`,
      );
    let distributed = 0n;
    const appliesIds = new Set(applies.map((m) => m.id));
    for (const m of members) {
      const entry = byMember.get(m.id)!;
      if (!appliesIds.has(m.id)) {
        entry.lines.push({ componentIndex: i, figure: null, ratio: 0, rawAmount: "0.0000", amount: 0 });
        continue;
      }
      const f = figures.get(m.id) ?? 0n;
      const share = figureTotal === 0n ? 0n : roundToUnit(componentAmount * f, figureTotal, unit, method);
      distributed += share;
      entry.lines.push({
        componentIndex: i,
        figure: Number(f),
        ratio: figureTotal === 0n ? 0 : Number(f) / Number(figureTotal),
        rawAmount: figureTotal === 0n ? "0.0000" : decimalOf(componentAmount * f, figureTotal),
        amount: Number(share),
      });
    }
    const remainder = componentAmount - distributed;
    byMember.get(remainderTaker.id)!.adjustment += remainder;
    const explanation =
      `${label}（${formatWeight(c.weight)}）: 対象額${yen(amountToShare)}×${formatWeight(c.weight)}＝${readable(decimalOf(amount * BigInt(c.weight), scale))}円を` +
      `${unit}円未満${ROUNDING_METHOD_LABELS[method]}で${yen(rounded[i])}` +
      (i === adjustedIndex && componentLeftover !== 0n
        ? `、区分の端数調整${componentLeftover > 0n ? "+" : ""}${num(Number(componentLeftover))}円を加えて${yen(componentAmount)}`
        : "") +
      `。${describeBasis(c, describePopulation)}${applies.length}団体に割り振り（合計${c.kind === "fixed" ? formatWeight(Number(figureTotal)) : num(Number(figureTotal))}）、` +
      `各団体の額を${unit}円未満${ROUNDING_METHOD_LABELS[method]}。` +
      (remainder !== 0n
        ? `割り振りの端数${remainder > 0n ? "+" : ""}${num(Number(remainder))}円は${remainderTaker.name}が負担。`
        : "端数はありません。");
    return {
      index: i,
      kind: c.kind,
      label,
      weight: c.weight,
      figureKey: key,
      memberIds: applies.map((m) => m.id),
      rawAmount: decimalOf(amount * BigInt(c.weight), scale),
      roundedAmount: Number(rounded[i]),
      componentAdjustment: i === adjustedIndex ? Number(componentLeftover) : 0,
      amount: Number(componentAmount),
      figureTotal: Number(figureTotal),
      remainder: Number(remainder),
      explanation,
    };
  });

  const shares: MemberShare[] = members.map((m) => {
    const entry = byMember.get(m.id)!;
    const share = entry.lines.reduce((s, l) => s + BigInt(l.amount), 0n) + entry.adjustment;
    return {
      memberId: m.id,
      name: m.name,
      lines: entry.lines,
      adjustment: Number(entry.adjustment),
      share: Number(share),
      ratio: amountToShare === 0 ? 0 : Number(share) / amountToShare,
    };
  });
  const sum = shares.reduce((s, m) => s + m.share, 0);
  // the invariant the whole design rests on: never hand out a table that does not add up
  if (sum !== amountToShare) throw new Error(`cost shares add up to ${sum}, not ${amountToShare}`);
  return {
    total: input.total,
    deductions: input.deductions.map((d) => ({ ...d })),
    deductionTotal,
    amountToShare,
    rounding: { unit, method },
    remainderMemberId: remainderTaker.id,
    remainderMemberName: remainderTaker.name,
    adjustedComponentIndex: adjustedIndex,
    components,
    members: shares,
    sum,
    explanation: [
      `負担金の対象額 = 総額${yen(input.total)} − 特定財源${yen(deductionTotal)}${input.deductions.length ? `（${input.deductions.map((d) => `${d.label}${yen(d.amount)}`).join("・")}）` : ""} = ${yen(amountToShare)}`,
      `端数処理: ${unit}円未満${ROUNDING_METHOD_LABELS[method]}。区分の端数は割合の最も大きい区分（${components[adjustedIndex].label}）に、団体への割り振りの端数は${remainderTaker.name}に加えます。`,
      ...components.map((c) => c.explanation),
    ],
  };
}

/** What-if: two results on the same inputs, member by member (difference in yen and in percentage points). */
export interface ShareDifference {
  memberId: string;
  name: string;
  a: number;
  b: number;
  /** b − a in yen */
  difference: number;
  aRatio: number;
  bRatio: number;
  /** (bRatio − aRatio) × 100: percentage points */
  differencePoints: number;
}

export function compareShares(a: CostShareResult, b: CostShareResult): ShareDifference[] {
  const bOf = new Map(b.members.map((m) => [m.memberId, m]));
  return a.members.map((m) => {
    const other = bOf.get(m.memberId);
    const bShare = other?.share ?? 0;
    const bRatio = other?.ratio ?? 0;
    return {
      memberId: m.memberId,
      name: m.name,
      a: m.share,
      b: bShare,
      difference: bShare - m.share,
      aRatio: m.ratio,
      bRatio,
      differencePoints: Math.round((bRatio - m.ratio) * 100 * 10000) / 10000,
    };
  });
}
