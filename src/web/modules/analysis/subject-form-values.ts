// The values of the subject/peer form (text as typed: years as 西暦 digits, the analysis year as 令和6年度・R6・2024,
// the stake as a number) and their conversion to the API's bodies, checked with the contract's own schemas so that
// the browser says in Japanese what the server would.
import type { z } from "zod";
import type { LinkedSource } from "../../../common/analysis/figure-items";
import type { SubjectKind, SubjectRole } from "../../../common/analysis/labels";
import { createSubjectBody, type SubjectDetail, updateSubjectBody } from "../../../common/api/analysis-subjects";
import { parseFiscalYear } from "../../../common/dates";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { fiscalYearLabel } from "../../ui/dates";
import { sm } from "./subject-messages";

export interface SubjectFormValues {
  role: SubjectRole;
  name: string;
  shortName: string;
  kind: SubjectKind | "";
  isAffiliatedBody: boolean;
  leadOrganisationId: string;
  cityStakePercent: string;
  cityRole: string;
  purpose: string;
  foundedYear: string;
  analysisFiscalYear: string;
  location: string;
  linkedSource: LinkedSource | "";
  note: string;
}

export function subjectFormValues(subject: SubjectDetail | undefined, role: SubjectRole): SubjectFormValues {
  if (!subject)
    return {
      role,
      name: "",
      shortName: "",
      kind: "",
      isAffiliatedBody: false,
      leadOrganisationId: "",
      cityStakePercent: "",
      cityRole: "",
      purpose: "",
      foundedYear: "",
      analysisFiscalYear: "",
      location: "",
      linkedSource: "",
      note: "",
    };
  return {
    role: subject.role,
    name: subject.name,
    shortName: subject.shortName,
    kind: subject.kind,
    isAffiliatedBody: subject.isAffiliatedBody,
    leadOrganisationId: subject.leadOrganisationId ?? "",
    cityStakePercent: subject.cityStakePercent === null ? "" : String(subject.cityStakePercent),
    cityRole: subject.cityRole,
    purpose: subject.purpose,
    foundedYear: subject.foundedYear === null ? "" : String(subject.foundedYear),
    analysisFiscalYear: subject.analysisFiscalYear === null ? "" : fiscalYearLabel(subject.analysisFiscalYear),
    location: subject.location,
    linkedSource: subject.linkedSource ?? "",
    note: subject.note,
  };
}

const digits = (text: string) => text.trim().replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** A year typed as 4 digits (全角 too) → the number, null when empty, or an error. */
function yearOf(text: string): { ok: true; value: number | null } | { ok: false } {
  const s = digits(text).replace(/年$/, "");
  if (!s) return { ok: true, value: null };
  return /^\d{4}$/.test(s) ? { ok: true, value: Number(s) } : { ok: false };
}

function fields(values: SubjectFormValues) {
  const errors: Record<string, string> = {};
  const founded = yearOf(values.foundedYear);
  if (!founded.ok) errors.foundedYear = sm.form.yearInvalid;
  const stakeText = digits(values.cityStakePercent).replace(/[%％]$/, "");
  const stake = stakeText === "" ? null : Number(stakeText);
  if (stake !== null && !Number.isFinite(stake)) errors.cityStakePercent = sm.form.stakeInvalid;
  let analysisFiscalYear: number | null = null;
  if (values.role === "subject") {
    if (!values.analysisFiscalYear.trim()) errors.analysisFiscalYear = sm.form.analysisYearRequired;
    else {
      analysisFiscalYear = parseFiscalYear(values.analysisFiscalYear);
      if (analysisFiscalYear === null) errors.analysisFiscalYear = sm.form.fiscalYearInvalid;
    }
  }
  const isSubject = values.role === "subject";
  const body = {
    name: values.name,
    shortName: values.shortName,
    kind: values.kind || undefined,
    isAffiliatedBody: values.isAffiliatedBody,
    leadOrganisationId: isSubject && values.leadOrganisationId ? values.leadOrganisationId : null,
    cityStakePercent: stake !== null && Number.isFinite(stake) ? stake : null,
    cityRole: values.cityRole,
    purpose: values.purpose,
    foundedYear: founded.ok ? founded.value : null,
    analysisFiscalYear,
    location: isSubject ? "" : values.location,
    linkedSource: isSubject && values.linkedSource ? values.linkedSource : null,
    note: values.note,
  };
  return { body, errors };
}

type Parsed<T> = { ok: true; body: T } | { ok: false; errors: Record<string, string> };

function parseWith<T>(
  schema: {
    safeParse: (v: unknown, o: object) => { success: boolean; data?: T; error?: { issues: { path: PropertyKey[]; message: string }[] } };
  },
  body: unknown,
  extra: Record<string, string>,
): Parsed<T> {
  const result = schema.safeParse(body, { error: japaneseErrorMap });
  const errors: Record<string, string> = { ...extra };
  for (const issue of result.error?.issues ?? []) {
    const path = issue.path.map(String).join(".");
    if (!(path in errors)) errors[path] = issue.message;
  }
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: result.data as T };
}

export function parseNewSubject(values: SubjectFormValues, peerOf: string | null) {
  const { body, errors } = fields(values);
  return parseWith<z.output<typeof createSubjectBody>>(createSubjectBody, { role: values.role, ...body, peerOf }, errors);
}

export function parseSubjectEdit(values: SubjectFormValues, version: number) {
  const { body, errors } = fields(values);
  return parseWith<z.output<typeof updateSubjectBody>>(updateSubjectBody, { version, ...body }, errors);
}
