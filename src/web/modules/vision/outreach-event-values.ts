// The outreach event form (EventForm in OutreachForms.tsx): the values its inputs hold, the event they start from, the
// body createOutreach / updateOutreach take, and the checks of that body (the API's schema, run in the browser first).
import type { FormErrors } from "@mantine/form";
import type { BodyOf } from "../../../common/api/contract";
import { createOutreach, type OutreachEvent, type OutreachKind } from "../../../common/api/vision-engagement";
import { warekiOf } from "../../ui/dates";
import { zodResolver } from "../../ui/zodForm";
import { bodyOf, parseNumberText } from "./components";
import { em } from "./engagementMessages";

export interface EventValues {
  kind: OutreachKind;
  title: string;
  /** 和暦 or 西暦 text */
  heldOn: string;
  audience: string;
  /** the number as typed; empty = not counted */
  attendance: string;
  /** "" = no organisation */
  organisationId: string;
  note: string;
  /** "" = not linked to an indicator */
  indicatorId: string;
}

export type EventBody = BodyOf<typeof createOutreach>;

/** The values of an event being edited, or of a new one (recorded for `defaultOrganisationId` when given). */
export function eventValues(event: OutreachEvent | null, defaultOrganisationId: string): EventValues {
  return {
    kind: event?.kind ?? "出前講演",
    title: event?.title ?? "",
    heldOn: event ? warekiOf(event.heldOn) : "",
    audience: event?.audience ?? "",
    attendance: event?.attendance === null || event?.attendance === undefined ? "" : String(event.attendance),
    organisationId: event?.organisationId ?? defaultOrganisationId,
    note: event?.note ?? "",
    indicatorId: event?.indicatorId ?? "",
  };
}

/** 参加者数 as a whole number ≥ 0, null when empty, undefined when the text is not one. */
function attendanceOf(text: string): number | null | undefined {
  const n = parseNumberText(text);
  if (n === undefined || (n !== null && (!Number.isInteger(n) || n < 0))) return undefined;
  return n;
}

export function eventBody(values: EventValues): EventBody {
  return {
    kind: values.kind,
    title: values.title.trim(),
    heldOn: values.heldOn,
    audience: values.audience.trim(),
    attendance: attendanceOf(values.attendance) ?? null,
    organisationId: values.organisationId || null,
    note: values.note.trim(),
    indicatorId: values.indicatorId || null,
  };
}

export function eventErrors(values: EventValues): FormErrors {
  const errors = zodResolver(bodyOf(createOutreach))(eventBody(values));
  if (attendanceOf(values.attendance) === undefined) errors.attendance = em.outreach.attendanceInvalid;
  return errors;
}
