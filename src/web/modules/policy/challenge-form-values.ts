// The two forms of a challenge's page (ChallengeForms.tsx): 進捗を追加 and the edit dialog for ①–④, 分類 and 担当課.
// Their values, the checks made before sending (the server makes the same), and the bodies addProgress /
// updateChallenge take. Field names follow the bodies so the server's errors land on the right input.
import type { FormErrors } from "@mantine/form";
import type { BodyOf } from "../../../common/api/contract";
import type { addProgress, ChallengeDetail, updateChallenge } from "../../../common/api/policy";
import { parseJapaneseDate } from "../../../common/dates";
import { m } from "../../messages";
import { fiscalYearLabel } from "../../ui/dates";
import { pm } from "./messages";

export interface ProgressValues {
  /** 和暦 or 西暦 text, e.g. 「令和7年3月末」 */
  asOf: string;
  /** a configured status label, or "" for none */
  status: string;
  text: string;
}

export function progressValues(challenge: ChallengeDetail): ProgressValues {
  return { asOf: "", status: challenge.latestProgress?.status ?? "", text: "" };
}

export function progressErrors(values: ProgressValues): FormErrors {
  return {
    asOf: !values.asOf.trim() ? pm.challenge.asOfRequired : !parseJapaneseDate(values.asOf) ? m.date.invalid : null,
    text: values.text.trim() ? null : pm.challenge.progressTextRequired,
  };
}

export function progressBody(values: ProgressValues): BodyOf<typeof addProgress> {
  return { asOf: values.asOf.trim(), text: values.text.trim(), status: values.status || null };
}

export interface ChallengeValues {
  name: string;
  content: string;
  background: string;
  approachHeading: string;
  approach: string;
  analysisNote: string;
  /** the 分析年度 as typed, and the fiscal year read from it (null when empty or unreadable) */
  analysisYearText: string;
  analysisYear: number | null;
  /** "" = none */
  category: string;
  ownerOrganisationId: string;
}

export function challengeValues(challenge: ChallengeDetail): ChallengeValues {
  return {
    name: challenge.name,
    content: challenge.content,
    background: challenge.background,
    approachHeading: challenge.approachHeading,
    approach: challenge.approach,
    analysisNote: challenge.analysisNote ?? "",
    analysisYearText: challenge.analysisYear ? fiscalYearLabel(challenge.analysisYear) : "",
    analysisYear: challenge.analysisYear,
    category: challenge.category ?? "",
    ownerOrganisationId: challenge.ownerOrganisationId ?? "",
  };
}

export function challengeErrors(values: ChallengeValues): FormErrors {
  return {
    name: values.name.trim() ? null : pm.challenge.nameRequired,
    approachHeading: values.approachHeading.trim() ? null : pm.challenge.approachHeadingRequired,
    analysisYear: values.analysisYearText.trim() && values.analysisYear === null ? m.date.fiscalInvalid : null,
  };
}

/** The edit body; `version` is the one the edit started from (a newer one on the server is a conflict). */
export function challengeBody(values: ChallengeValues, version: number): BodyOf<typeof updateChallenge> {
  return {
    version,
    name: values.name.trim(),
    content: values.content,
    background: values.background,
    approachHeading: values.approachHeading.trim(),
    approach: values.approach,
    analysisNote: values.analysisNote.trim() || null,
    analysisYear: values.analysisYear,
    category: values.category || null,
    ownerOrganisationId: values.ownerOrganisationId || null,
  };
}
