// The values of an indicator's (KPI) definition form and their conversion to the API's body, checked with the
// contract's schema plus what zod would only say later (a numeric, graded indicator needs baseline, date, target, year).
import {
  createIndicator,
  type DIRECTIONS,
  type INDICATOR_KINDS,
  type IndicatorDetail,
  type RATING_MODES,
  updateIndicator,
} from "../../../common/api/vision";
import { parseFiscalYear } from "../../../common/dates";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { fiscalYearLabel } from "../../ui/dates";
import { bodyOf, issuesToFields, numberText, parseNumberText } from "./components";
import { vm } from "./messages";

const f = vm.indicatorForm;
const t = vm.indicator;

export interface IndicatorValues {
  nodeId: string;
  code: string;
  name: string;
  unit: string;
  kind: (typeof INDICATOR_KINDS)[number] | "";
  direction: (typeof DIRECTIONS)[number];
  ratingMode: (typeof RATING_MODES)[number];
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetFiscalYear: string;
  dataSource: string;
  exclusion: string;
  ownerOrganisationId: string;
  weight: string;
  sortOrder: string;
}

export function indicatorValues(indicator: IndicatorDetail | undefined, nodeId: string | undefined): IndicatorValues {
  const i = indicator;
  return {
    nodeId: i?.nodeId ?? nodeId ?? "",
    code: i?.code ?? "",
    name: i?.name ?? "",
    unit: i?.unit ?? "",
    kind: i?.kind ?? "",
    direction: i?.direction ?? "higher",
    ratingMode: i?.ratingMode ?? "numeric",
    baselineValue: numberText(i?.baselineValue),
    baselineDate: i?.baselineDate ?? "",
    targetValue: numberText(i?.targetValue),
    targetFiscalYear: i?.targetFiscalYear ? fiscalYearLabel(i.targetFiscalYear) : "",
    dataSource: i?.dataSource ?? "",
    exclusion: i?.exclusion ?? "",
    ownerOrganisationId: i?.ownerOrganisationId ?? "",
    weight: numberText(i?.weight ?? 1),
    sortOrder: String(i?.sortOrder ?? 10),
  };
}

/** The body to send, with `nodeId` (the create route takes it as its path; an edit sends it in the body). */
export function indicatorBody(values: IndicatorValues, indicator: IndicatorDetail | undefined) {
  return {
    ...(indicator ? { version: indicator.version } : {}),
    nodeId: values.nodeId,
    code: values.code,
    name: values.name,
    unit: values.unit,
    kind: values.kind,
    direction: values.direction,
    ratingMode: values.ratingMode,
    baselineValue: parseNumberText(values.baselineValue) ?? null,
    baselineDate: values.baselineDate.trim() || null,
    targetValue: parseNumberText(values.targetValue) ?? null,
    targetFiscalYear: values.targetFiscalYear.trim() ? parseFiscalYear(values.targetFiscalYear) : null,
    dataSource: values.dataSource,
    exclusion: values.exclusion || null,
    ownerOrganisationId: values.ownerOrganisationId || null,
    weight: parseNumberText(values.weight) ?? Number.NaN,
    sortOrder: parseNumberText(values.sortOrder) ?? Number.NaN,
  };
}

export function indicatorErrors(values: IndicatorValues, indicator: IndicatorDetail | undefined): Record<string, string> {
  const found: Record<string, string> = {};
  const checkNumber = (key: "baselineValue" | "targetValue" | "weight" | "sortOrder", optional: boolean) => {
    const n = parseNumberText(values[key]);
    if (n === undefined || (n === null && !optional)) found[key] = f.numberInvalid;
  };
  if (values.targetFiscalYear.trim() && parseFiscalYear(values.targetFiscalYear) === null) found.targetFiscalYear = f.fiscalYearInvalid;
  if (!values.nodeId) found.nodeId = f.nodeRequired;
  // zod runs the contract's "complete for grading" rule only once the rest parses; say it at once here
  if (values.ratingMode === "numeric" && !values.exclusion) {
    if (!values.baselineValue.trim()) found.baselineValue ??= f.neededForGrading(t.baseline);
    if (!values.baselineDate.trim()) found.baselineDate ??= f.neededForGrading(t.baselineDate);
    if (!values.targetValue.trim()) found.targetValue ??= f.neededForGrading(t.target);
    if (!values.targetFiscalYear.trim()) found.targetFiscalYear ??= f.neededForGrading(t.targetYear);
  }
  checkNumber("baselineValue", true);
  checkNumber("targetValue", true);
  checkNumber("weight", false);
  checkNumber("sortOrder", false);
  const body = indicatorBody(values, indicator);
  const { nodeId: _node, ...createBody } = body;
  const parsed = indicator
    ? bodyOf(updateIndicator).safeParse(body, { error: japaneseErrorMap })
    : bodyOf(createIndicator).safeParse(createBody, { error: japaneseErrorMap });
  if (!parsed.success) for (const [k, v] of Object.entries(issuesToFields(parsed.error.issues))) found[k] ??= v;
  return found;
}
