// The values of the 国際関連事業 form (text as typed: yen with commas, 年度 as the select's value) and their conversion
// to the API's `projectInput`, checked with the contract's own schema so that the browser says what the server would.
import { randomId } from "@mantine/hooks";
import {
  type FundingSource,
  type ProjectDetail,
  type ProjectInput,
  type ProjectStatus,
  projectInput,
} from "../../../common/api/international";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { numberText, parseNumberText, yenText } from "./form-numbers";
import { im } from "./messages";

const f = im.projectForm;

export interface ProjectYearValues {
  key: string;
  fiscalYear: string;
  fundingSource: FundingSource;
  budget: string;
  settled: string;
}

export interface IndicatorResultValues {
  key: string;
  fiscalYear: string;
  value: string;
}

export interface IndicatorValues {
  key: string;
  name: string;
  unit: string;
  direction: "higher" | "lower";
  baselineValue: string;
  baselineFiscalYear: string;
  targetValue: string;
  targetFiscalYear: string;
  results: IndicatorResultValues[];
}

export interface ProjectValues {
  name: string;
  ownerOrganisationId: string;
  contactUserId: string | null;
  contactName: string;
  fieldId: string;
  status: ProjectStatus | "";
  visibility: "public" | "internal";
  firstFiscalYear: string;
  lastFiscalYear: string;
  summary: string;
  themes: string[];
  partnerIds: string[];
  years: ProjectYearValues[];
  indicators: IndicatorValues[];
}

const fyText = (fy: number | null | undefined) => (fy === null || fy === undefined ? "" : String(fy));

export function emptyYear(fiscalYear: number | null): ProjectYearValues {
  return { key: randomId(), fiscalYear: fyText(fiscalYear), fundingSource: "general", budget: "", settled: "" };
}

export function emptyResult(fiscalYear: number | null): IndicatorResultValues {
  return { key: randomId(), fiscalYear: fyText(fiscalYear), value: "" };
}

export function emptyIndicator(fiscalYear: number | null): IndicatorValues {
  return {
    key: randomId(),
    name: "",
    unit: "",
    direction: "higher",
    baselineValue: "",
    baselineFiscalYear: fyText(fiscalYear),
    targetValue: "",
    targetFiscalYear: "",
    results: [],
  };
}

/** The form's values: a project's own, or a new project's defaults (the caller's division, this 年度). */
export function projectValues(
  project: ProjectDetail | undefined,
  defaults: { ownerOrganisationId: string; fiscalYear: number },
): ProjectValues {
  if (!project) {
    return {
      name: "",
      ownerOrganisationId: defaults.ownerOrganisationId,
      contactUserId: null,
      contactName: "",
      fieldId: "",
      status: "planned",
      visibility: "internal",
      firstFiscalYear: fyText(defaults.fiscalYear),
      lastFiscalYear: "",
      summary: "",
      themes: [],
      partnerIds: [],
      years: [],
      indicators: [],
    };
  }
  return {
    name: project.name,
    ownerOrganisationId: project.ownerOrganisationId,
    contactUserId: project.contactUserId,
    contactName: project.contactName,
    fieldId: project.fieldId,
    status: project.status,
    visibility: project.isPublic ? "public" : "internal",
    firstFiscalYear: fyText(project.firstFiscalYear),
    lastFiscalYear: fyText(project.lastFiscalYear),
    summary: project.summary,
    themes: [...project.themes],
    partnerIds: project.partners.map((p) => p.id),
    years: project.years.map((y) => ({
      key: randomId(),
      fiscalYear: fyText(y.fiscalYear),
      fundingSource: y.fundingSource,
      budget: yenText(y.budget),
      settled: yenText(y.settled),
    })),
    indicators: project.indicators.map((i) => ({
      key: randomId(),
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      baselineValue: numberText(i.baselineValue),
      baselineFiscalYear: fyText(i.baselineFiscalYear),
      targetValue: numberText(i.targetValue),
      targetFiscalYear: fyText(i.targetFiscalYear),
      results: i.results.map((r) => ({ key: randomId(), fiscalYear: fyText(r.fiscalYear), value: numberText(r.value) })),
    })),
  };
}

/** A 年度 select's value → the number (NaN when none was chosen, which the schema refuses). */
function fy(text: string): number {
  return text ? Number(text) : Number.NaN;
}

/** A number field → the number, null when empty, NaN when it cannot be read (the schema refuses NaN). */
function num(text: string): number | null {
  const n = parseNumberText(text);
  return n === undefined ? Number.NaN : n;
}

/** The body the API takes (`projectInput`); values that cannot be read stay NaN, so that the schema names them. */
export function projectBody(values: ProjectValues) {
  return {
    name: values.name,
    ownerOrganisationId: values.ownerOrganisationId,
    contactUserId: values.contactUserId,
    contactName: values.contactName,
    fieldId: values.fieldId,
    status: values.status,
    isPublic: values.visibility === "public",
    firstFiscalYear: fy(values.firstFiscalYear),
    lastFiscalYear: values.lastFiscalYear ? Number(values.lastFiscalYear) : null,
    summary: values.summary,
    themes: values.themes.map((t) => t.trim()).filter((t) => t !== ""),
    partnerIds: values.partnerIds,
    years: values.years.map((y) => ({
      fiscalYear: fy(y.fiscalYear),
      fundingSource: y.fundingSource,
      budget: num(y.budget) ?? Number.NaN,
      settled: num(y.settled),
    })),
    indicators: values.indicators.map((i) => ({
      name: i.name,
      unit: i.unit,
      direction: i.direction,
      baselineValue: num(i.baselineValue) ?? Number.NaN,
      baselineFiscalYear: fy(i.baselineFiscalYear),
      targetValue: num(i.targetValue) ?? Number.NaN,
      targetFiscalYear: fy(i.targetFiscalYear),
      results: i.results.map((r) => ({ fiscalYear: fy(r.fiscalYear), value: num(r.value) ?? Number.NaN })),
    })),
  };
}

/** The body parsed by the contract (what is sent), or the errors keyed by the form's paths ("years.0.budget"). */
export function parseProject(values: ProjectValues): { ok: true; body: ProjectInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  // Say plainly what zod would call "NaN" or an out-of-range 0.
  if (!values.fieldId) errors.fieldId = f.fieldRequired;
  if (!values.ownerOrganisationId) errors.ownerOrganisationId = f.ownerRequired;
  if (!values.firstFiscalYear) errors.firstFiscalYear = f.fiscalYearRequired;
  // The contract's rules across fields run only once every field parses: say them at once too.
  if (values.firstFiscalYear && values.lastFiscalYear && Number(values.lastFiscalYear) < Number(values.firstFiscalYear))
    errors.lastFiscalYear = f.lastBeforeFirst;
  values.years.forEach((y, i) => {
    if (!y.fiscalYear) errors[`years.${i}.fiscalYear`] = f.fiscalYearRequired;
    if (parseNumberText(y.budget) === undefined) errors[`years.${i}.budget`] = f.yenInvalid;
    if (parseNumberText(y.settled) === undefined) errors[`years.${i}.settled`] = f.yenInvalid;
  });
  values.indicators.forEach((ind, i) => {
    for (const key of ["baselineValue", "targetValue"] as const)
      if (parseNumberText(ind[key]) === undefined) errors[`indicators.${i}.${key}`] = f.numberInvalid;
    for (const key of ["baselineFiscalYear", "targetFiscalYear"] as const)
      if (!ind[key]) errors[`indicators.${i}.${key}`] = f.fiscalYearRequired;
    if (ind.baselineFiscalYear && ind.targetFiscalYear && Number(ind.targetFiscalYear) < Number(ind.baselineFiscalYear))
      errors[`indicators.${i}.targetFiscalYear`] = f.targetBeforeBaseline;
    ind.results.forEach((r, j) => {
      if (!r.fiscalYear) errors[`indicators.${i}.results.${j}.fiscalYear`] = f.fiscalYearRequired;
      if (parseNumberText(r.value) === undefined) errors[`indicators.${i}.results.${j}.value`] = f.numberInvalid;
    });
  });
  const parsed = projectInput.safeParse(projectBody(values), { error: japaneseErrorMap });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".");
      errors[path] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}
