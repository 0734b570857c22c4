// 相手先 (partner cities and organisations in them): every member of staff reads the list with how many projects and
// visits each has, and a partner city's timeline; any editor adds a partner when entering a project or a trip (a
// duplicate of country + city + organisation answers 409 through the module's uniqueConflicts); the coordinating
// bureau corrects a partner's relation, date and position. A visit the city received (来訪) is recorded by an
// editor as a record of their own division.
import type { Partner, PartnerRelation, TimelineEntry } from "../../../common/api/international";
import { fiscalYearRange, formatFiscalYear } from "../../../common/dates";
import { partnerLabel } from "../../../common/international/partner-label";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound } from "../../platform/errors";
import { accessOf, managerAccessOf, requireEditRecord } from "./access";
import * as repo from "./partner-repository";
import { indexProjectsOf } from "./search-index";

const toPartner = (row: repo.PartnerRow): Partner => ({
  id: row.id,
  country: row.country,
  city: row.city,
  organisation: row.organisation,
  relation: row.relation,
  relatedSince: row.related_since,
  latitude: row.latitude,
  longitude: row.longitude,
  projectCount: row.project_count,
  visitCount: row.visit_count,
  isSample: row.is_sample,
});

async function readPartner(db: Queryable, id: string): Promise<repo.PartnerRow> {
  const row = await repo.findPartner(db, id);
  if (!row) throw new NotFound("相手先");
  return row;
}

export async function listPartners(db: Db, user: Principal | null, query: { q?: string }): Promise<{ items: Partner[] }> {
  await accessOf(db, user);
  return { items: (await repo.findPartners(db, query.q || undefined)).map(toPartner) };
}

export interface PartnerInput {
  country: string;
  city: string;
  organisation: string;
  relation: PartnerRelation;
  relatedSince: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** Adds a partner inside the caller's transaction (a screen, the sample data, an import); audited. */
export async function createPartnerIn(
  tx: Queryable,
  actor: Actor,
  input: PartnerInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  const id = await repo.insertPartner(tx, { ...input, isSample: opts.isSample ?? false });
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "international_partner",
    entityId: id,
    summary: `相手先「${partnerLabel(input)}」を登録`,
    after: input,
  });
  return id;
}

/** Any editor (who enters projects and trips) may add a partner; administrators too. */
export async function createPartner(db: Db, user: Principal | null, actor: Actor, input: PartnerInput): Promise<Partner> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    requireEditRecord(access, access.user.organisationId);
    return toPartner(await readPartner(tx, await createPartnerIn(tx, actor, input)));
  });
}

export async function updatePartner(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: Partial<PartnerInput>,
): Promise<Partner> {
  return db.transaction(async (tx) => {
    await managerAccessOf(tx, user);
    const row = await readPartner(tx, id);
    const before: PartnerInput = {
      country: row.country,
      city: row.city,
      organisation: row.organisation,
      relation: row.relation,
      relatedSince: row.related_since,
      latitude: row.latitude,
      longitude: row.longitude,
    };
    // A field left out of the PATCH keeps its value.
    const after = { ...before, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) } as PartnerInput;
    await repo.updatePartner(tx, id, after);
    await indexProjectsOf(tx, { partnerId: id });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "international_partner",
      entityId: id,
      summary: `相手先「${partnerLabel(after)}」を変更`,
      before,
      after,
    });
    return toPartner(await readPartner(tx, id));
  });
}

// ------------------------------------------------------------------ timeline

const KIND_ORDER: Record<TimelineEntry["kind"], number> = { received: 0, trip: 1, project: 2 };

/** Newest first; on one day a visit received before a trip before a project, then by title. */
function byNewest(a: TimelineEntry, b: TimelineEntry): number {
  if (a.on !== b.on) return a.on < b.on ? 1 : -1;
  if (a.kind !== b.kind) return KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}

const receivedEntry = (r: repo.ReceivedVisitRow): TimelineEntry => ({
  kind: "received",
  id: r.id,
  on: r.received_on,
  title: r.delegation,
  detail: r.purpose,
  ownerName: r.owner_name,
});

function fiscalYearsText(first: number, last: number | null): string {
  if (last === first) return formatFiscalYear(first);
  return `${formatFiscalYear(first)}〜${last === null ? "" : formatFiscalYear(last)}`;
}

function visitText(v: { organisation: string; counterpart: string; purpose: string }): string {
  return [v.organisation, v.counterpart ? `面会: ${v.counterpart}` : "", v.purpose].filter(Boolean).join("・");
}

/**
 * The partner and the timeline of its city (the partners in the same country and city): the projects linked to them
 * (placed at April 1 of their first 年度), the trips that visited them and that the caller may read, and the
 * delegations received from them, newest first.
 */
export async function getPartnerTimeline(
  db: Db,
  user: Principal | null,
  id: string,
): Promise<{ partner: Partner; canEdit: boolean; entries: TimelineEntry[] }> {
  const access = await accessOf(db, user);
  const row = await readPartner(db, id);
  const city = { country: row.country, city: row.city };
  const reader = { seesAll: access.overview, organisationId: access.user.organisationId, userId: access.user.id };
  const [projects, trips, received] = await Promise.all([
    repo.findCityProjects(db, city),
    repo.findCityTrips(db, city, reader),
    repo.findCityReceivedVisits(db, city),
  ]);
  const entries: TimelineEntry[] = [
    ...projects.map(
      (p): TimelineEntry => ({
        kind: "project",
        id: p.id,
        on: fiscalYearRange(p.first_fiscal_year).start,
        title: p.name,
        detail: `${p.field_name}・${fiscalYearsText(p.first_fiscal_year, p.last_fiscal_year)}`,
        ownerName: p.owner_name,
      }),
    ),
    ...trips.map(
      (t): TimelineEntry => ({
        kind: "trip",
        id: t.id,
        on: t.visit_on,
        title: t.title,
        detail: t.visits.map(visitText).filter(Boolean).join(" / "),
        ownerName: t.owner_name,
      }),
    ),
    ...received.map(receivedEntry),
  ];
  return { partner: toPartner(row), canEdit: access.manager, entries: entries.sort(byNewest) };
}

// ------------------------------------------------------------------ received visits (来訪)

export interface ReceivedVisitInput {
  receivedOn: string;
  delegation: string;
  purpose: string;
}

/** Records a delegation received from the partner as the record of `ownerOrganisationId`, inside the caller's transaction; audited. */
export async function createReceivedVisitIn(
  tx: Queryable,
  actor: Actor,
  partnerId: string,
  ownerOrganisationId: string,
  input: ReceivedVisitInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  const partner = await readPartner(tx, partnerId);
  const id = await repo.insertReceivedVisit(tx, { partnerId, ownerOrganisationId, ...input, isSample: opts.isSample ?? false });
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "international_received_visit",
    entityId: id,
    summary: `${partnerLabel(partner)}からの来訪「${input.delegation}」を記録`,
    after: { partnerId, ownerOrganisationId, ...input },
  });
  return id;
}

/** An editor records a visit received as their own division's record (administrators: their organisation's). */
export async function createReceivedVisit(
  db: Db,
  user: Principal | null,
  actor: Actor,
  partnerId: string,
  input: ReceivedVisitInput,
): Promise<TimelineEntry> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const owner = access.user.organisationId;
    requireEditRecord(access, owner);
    const id = await createReceivedVisitIn(tx, actor, partnerId, owner, input);
    const row = await repo.findReceivedVisit(tx, id);
    if (!row) throw new NotFound("来訪の記録");
    return receivedEntry(row);
  });
}
