// The values of the 海外出張 form (dates as typed: 令和7年5月12日, R7.5.12, 2025-05-12; yen with commas) and their
// conversion to the API's `tripInput`, checked with the contract's own schema so that the browser says what the
// server would.
import { randomId } from "@mantine/hooks";
import {
  type COST_KINDS,
  type PAID_BY,
  type TRAVELLER_ROLES,
  type TripDetail,
  type TripInput,
  tripInput,
} from "../../../common/api/international";
import { parseJapaneseDate } from "../../../common/dates";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { warekiOf } from "../../ui/dates";
import { parseNumberText, yenText } from "./form-numbers";
import { im } from "./messages";

const f = im.tripForm;

export interface TravellerValues {
  key: string;
  userId: string | null;
  name: string;
  role: (typeof TRAVELLER_ROLES)[number];
  paidBy: (typeof PAID_BY)[number];
}

export interface VisitValues {
  key: string;
  visitOn: string;
  country: string;
  city: string;
  partnerId: string;
  organisation: string;
  counterpart: string;
  purpose: string;
}

export interface CostValues {
  key: string;
  costKind: (typeof COST_KINDS)[number];
  description: string;
  planned: string;
  settled: string;
}

export interface TripValues {
  title: string;
  purpose: string;
  ownerOrganisationId: string;
  departsOn: string;
  returnsOn: string;
  companions: string;
  travellers: TravellerValues[];
  visits: VisitValues[];
  costs: CostValues[];
  projectIds: string[];
  reportDueOn: string;
}

export function emptyTraveller(role: TravellerValues["role"] = "member"): TravellerValues {
  return { key: randomId(), userId: null, name: "", role, paidBy: "city" };
}

export function emptyVisit(visitOn = ""): VisitValues {
  return { key: randomId(), visitOn, country: "", city: "", partnerId: "", organisation: "", counterpart: "", purpose: "" };
}

export function emptyCost(costKind: CostValues["costKind"] = "fare"): CostValues {
  return { key: randomId(), costKind, description: "", planned: "", settled: "" };
}

/** The form's values: a trip's own, or a new trip's (the caller's division; the caller as its first traveller). */
export function tripValues(
  trip: TripDetail | undefined,
  defaults: { ownerOrganisationId: string; self?: { userId: string; name: string } },
): TripValues {
  if (!trip) {
    const first = emptyTraveller("leader");
    return {
      title: "",
      purpose: "",
      ownerOrganisationId: defaults.ownerOrganisationId,
      departsOn: "",
      returnsOn: "",
      companions: "",
      travellers: [defaults.self ? { ...first, userId: defaults.self.userId, name: defaults.self.name } : first],
      visits: [],
      costs: [],
      projectIds: [],
      reportDueOn: "",
    };
  }
  return {
    title: trip.title,
    purpose: trip.purpose,
    ownerOrganisationId: trip.ownerOrganisationId,
    // dates as the city writes them (令和7年5月12日); the input shows the 西暦 it reads beside
    departsOn: warekiOf(trip.departsOn),
    returnsOn: warekiOf(trip.returnsOn),
    companions: trip.companions,
    travellers: trip.travellers.map((t) => ({ key: randomId(), userId: t.userId, name: t.name, role: t.role, paidBy: t.paidBy })),
    visits: trip.visits.map((v) => ({
      key: randomId(),
      visitOn: warekiOf(v.visitOn),
      country: v.country,
      city: v.city,
      partnerId: v.partnerId ?? "",
      organisation: v.organisation,
      counterpart: v.counterpart,
      purpose: v.purpose,
    })),
    costs: trip.costs.map((c) => ({
      key: randomId(),
      costKind: c.costKind,
      description: c.description,
      planned: yenText(c.planned),
      settled: yenText(c.settled),
    })),
    projectIds: trip.projects.map((p) => p.id),
    reportDueOn: trip.reportDueOn ? warekiOf(trip.reportDueOn) : "",
  };
}

/** A yen field → the number, null when empty, NaN when it cannot be read (the schema refuses NaN). */
function yen(text: string): number | null {
  const n = parseNumberText(text);
  return n === undefined ? Number.NaN : n;
}

/** The body the API takes (`tripInput`, before its date fields are read); unreadable amounts stay NaN. */
export function tripBody(values: TripValues) {
  return {
    title: values.title,
    purpose: values.purpose,
    ownerOrganisationId: values.ownerOrganisationId,
    departsOn: values.departsOn,
    returnsOn: values.returnsOn,
    companions: values.companions,
    travellers: values.travellers.map((t) => ({ userId: t.userId, name: t.name, role: t.role, paidBy: t.paidBy })),
    visits: values.visits.map((v) => ({
      visitOn: v.visitOn,
      country: v.country,
      city: v.city,
      partnerId: v.partnerId || null,
      organisation: v.organisation,
      counterpart: v.counterpart,
      purpose: v.purpose,
    })),
    costs: values.costs.map((c) => ({
      costKind: c.costKind,
      description: c.description,
      planned: yen(c.planned) ?? Number.NaN,
      settled: yen(c.settled),
    })),
    projectIds: values.projectIds,
    reportDueOn: values.reportDueOn.trim() || null,
  };
}

/** The body parsed by the contract (dates as ISO), or the errors keyed by the form's paths ("costs.0.planned"). */
export function parseTrip(values: TripValues): { ok: true; body: TripInput } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  values.costs.forEach((c, i) => {
    if (parseNumberText(c.planned) === undefined) errors[`costs.${i}.planned`] = f.yenInvalid;
    if (parseNumberText(c.settled) === undefined) errors[`costs.${i}.settled`] = f.yenInvalid;
  });
  // The contract's rules across fields run only once every field parses: say them at once too.
  const departs = parseJapaneseDate(values.departsOn);
  const returns = parseJapaneseDate(values.returnsOn);
  if (departs && returns && returns.iso < departs.iso) errors.returnsOn = f.returnBeforeDeparture;
  if (values.travellers.filter((t) => t.role === "leader").length > 1) errors.travellers = f.oneLeader;
  const parsed = tripInput.safeParse(tripBody(values), { error: japaneseErrorMap });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join(".");
      errors[path] ??= issue.message;
    }
  }
  if (Object.keys(errors).length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, body: parsed.data };
}
