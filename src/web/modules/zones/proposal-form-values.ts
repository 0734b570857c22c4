// The values of the 規制改革提案 form (text as typed: the first step's date as 和暦 or 西暦) and their conversion to the
// API's bodies, checked with the contract's own schemas so that the browser says in Japanese what the server would.
import { randomId } from "@mantine/hooks";
import type { z } from "zod";
import { createProposalBody, type ProposalDetail, updateProposalBody } from "../../../common/api/zones";
import { parseJapaneseDate } from "../../../common/dates";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import type { MeasureKind, MeasureScope, PartnerKind, ProposalField } from "../../../common/zones/proposal-fields";
import { warekiOf } from "../../ui/dates";
import { zm } from "./messages";

export interface PartnerValues {
  key: string;
  name: string;
  kind: PartnerKind | "";
  role: string;
}

export interface RegulationValues {
  key: string;
  law: string;
  article: string;
  ministry: string;
  note: string;
}

export interface ProposalFormValues {
  title: string;
  field: ProposalField | "";
  summary: string;
  measureScope: MeasureScope | "";
  measureKind: MeasureKind | "";
  businessPlan: string;
  necessity: string;
  researchNotes: string;
  partners: PartnerValues[];
  regulations: RegulationValues[];
  /** the first step's date as typed (new proposals only) */
  startedOn: string;
  /** the first step's note (new proposals only) */
  note: string;
}

export function emptyPartner(): PartnerValues {
  return { key: randomId(), name: "", kind: "university", role: "" };
}

export function emptyRegulation(): RegulationValues {
  return { key: randomId(), law: "", article: "", ministry: "", note: "" };
}

/** The form's values: a proposal's own, or a new one's (started today, 区域限定の規制改革). */
export function proposalFormValues(proposal: ProposalDetail | undefined, today: string): ProposalFormValues {
  if (!proposal) {
    return {
      title: "",
      field: "",
      summary: "",
      measureScope: "zone_only",
      measureKind: "regulatory_reform",
      businessPlan: "",
      necessity: "",
      researchNotes: "",
      partners: [],
      regulations: [emptyRegulation()],
      startedOn: warekiOf(today),
      note: "",
    };
  }
  return {
    title: proposal.title,
    field: proposal.field,
    summary: proposal.summary,
    measureScope: proposal.measureScope,
    measureKind: proposal.measureKind,
    businessPlan: proposal.businessPlan,
    necessity: proposal.necessity,
    researchNotes: proposal.researchNotes,
    partners: proposal.partners.map((p) => ({ key: randomId(), name: p.name, kind: p.kind, role: p.role })),
    regulations: proposal.regulations.map((r) => ({
      key: randomId(),
      law: r.law,
      article: r.article,
      ministry: r.ministry,
      note: r.note,
    })),
    startedOn: "",
    note: "",
  };
}

/** A step's date as typed → YYYY-MM-DD, or the Japanese reason it cannot be used (a whole month is not a day). */
export function stepDate(text: string): { ok: true; iso: string } | { ok: false; message: string } {
  if (!text.trim()) return { ok: false, message: zm.form.dateRequired };
  const parsed = parseJapaneseDate(text);
  if (!parsed || parsed.precision === "month") return { ok: false, message: zm.form.dateInvalid };
  return { ok: true, iso: parsed.iso };
}

function fields(values: ProposalFormValues) {
  return {
    title: values.title,
    field: values.field || undefined,
    summary: values.summary,
    measureScope: values.measureScope || undefined,
    measureKind: values.measureKind || undefined,
    businessPlan: values.businessPlan,
    necessity: values.necessity,
    researchNotes: values.researchNotes,
    partners: values.partners.map((p) => ({ name: p.name, kind: p.kind || undefined, role: p.role })),
    regulations: values.regulations.map((r) => ({ law: r.law, article: r.article, ministry: r.ministry, note: r.note })),
  };
}

type Parsed<T> = { ok: true; body: T } | { ok: false; errors: Record<string, string> };

/** The body parsed by the contract's schema; `extra` holds errors found before (a date that cannot be read). */
function parseWith<S extends z.ZodType>(schema: S, body: unknown, extra: Record<string, string>): Parsed<z.output<S>> {
  const result = schema.safeParse(body, { error: japaneseErrorMap });
  const errors: Record<string, string> = { ...extra };
  if (!result.success) {
    for (const issue of result.error.issues) {
      const path = issue.path.map(String).join(".");
      if (!(path in errors)) errors[path] = issue.message;
    }
  }
  if (!result.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: result.data };
}

/** A new proposal's body (createProposalBody), or the errors keyed by the form's paths ("partners.0.name"). */
export function parseNewProposal(values: ProposalFormValues): Parsed<z.output<typeof createProposalBody>> {
  const date = stepDate(values.startedOn);
  const body = { ...fields(values), startedOn: date.ok ? date.iso : "0000-00-00", note: values.note };
  return parseWith(createProposalBody, body, date.ok ? {} : { startedOn: date.message });
}

/** An edit's body (updateProposalBody) at the version the form was filled from. */
export function parseProposalEdit(values: ProposalFormValues, version: number): Parsed<z.output<typeof updateProposalBody>> {
  return parseWith(updateProposalBody, { version, ...fields(values) }, {});
}
