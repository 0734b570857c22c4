// The values of the 評価ルール form, shaped like the API's body ({ name, rule: {…} }) so the server's field errors
// ("rule.bands.0.min") land on the same inputs as the browser's, and their conversion to that body.
import type { BodyOf } from "../../../common/api/contract";
import { type GradeRuleVersion, putGradeRule, STATUS_RATINGS } from "../../../common/api/vision";
import type { EarlierYearValue } from "../../../common/vision/grading";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { bodyOf, issuesToFields, numberText, parseNumberText } from "./components";
import { vm } from "./messages";

type Status = (typeof STATUS_RATINGS)[number];
export interface BandRow {
  key: number;
  grade: string;
  min: string;
}
export interface GradeRuleValues {
  name: string;
  rule: {
    formula: "progress" | "ratio";
    bands: BandRow[];
    decimals: string;
    proRate: boolean;
    statusAchievement: Record<Status, string>;
    rollupCap: string;
    earlierYearValue: EarlierYearValue;
  };
}

let bandKey = 0;
export function newBand(): BandRow {
  return { key: ++bandKey, grade: "", min: "" };
}

export function gradeRuleValues(version: GradeRuleVersion): GradeRuleValues {
  const rule = version.rule;
  return {
    name: version.name,
    rule: {
      formula: rule.formula,
      bands: rule.bands.map((b) => ({ ...newBand(), grade: b.grade, min: numberText(b.min) })),
      decimals: String(rule.decimals),
      proRate: rule.proRate,
      statusAchievement: Object.fromEntries(STATUS_RATINGS.map((s) => [s, numberText(rule.statusAchievement[s])])) as Record<
        Status,
        string
      >,
      rollupCap: numberText(rule.rollupCap),
      earlierYearValue: rule.earlierYearValue,
    },
  };
}

/** The body to send (a required number that does not parse becomes NaN or null, which the schema refuses). */
export function gradeRuleBody({ name, rule }: GradeRuleValues): BodyOf<typeof putGradeRule> {
  const num = (text: string) => parseNumberText(text) ?? null;
  return {
    name,
    rule: {
      formula: rule.formula,
      bands: rule.bands.map((b) => ({ grade: b.grade, min: num(b.min) })),
      decimals: num(rule.decimals) ?? Number.NaN,
      proRate: rule.proRate,
      statusAchievement: Object.fromEntries(STATUS_RATINGS.map((s) => [s, num(rule.statusAchievement[s])])) as Record<
        Status,
        number | null
      >,
      rollupCap: num(rule.rollupCap) ?? Number.NaN,
      earlierYearValue: rule.earlierYearValue,
    },
  };
}

/** Errors by path: a number that is not one says so (only the lowest band may have no bound), then the schema's. */
export function gradeRuleErrors(values: GradeRuleValues): Record<string, string> {
  const { rule } = values;
  const found: Record<string, string> = {};
  const checkNumber = (key: string, text: string, optional: boolean) => {
    const n = parseNumberText(text);
    if (n === undefined || (n === null && !optional)) found[key] = vm.rule.numberInvalid;
  };
  const last = rule.bands.length - 1;
  for (const [i, b] of rule.bands.entries()) checkNumber(`rule.bands.${i}.min`, b.min, i === last);
  checkNumber("rule.decimals", rule.decimals, false);
  for (const s of STATUS_RATINGS) checkNumber(`rule.statusAchievement.${s}`, rule.statusAchievement[s], true);
  checkNumber("rule.rollupCap", rule.rollupCap, false);
  const parsed = bodyOf(putGradeRule).safeParse(gradeRuleBody(values), { error: japaneseErrorMap });
  if (!parsed.success) for (const [k, v] of Object.entries(issuesToFields(parsed.error.issues))) found[k] ??= v;
  return found;
}
