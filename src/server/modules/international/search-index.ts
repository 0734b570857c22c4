// What the 国際 module makes searchable (cross-module search, platform/search): each 国際関連事業 for every member of
// staff (title: its name; body: 分野, the partners, theme tags, summary, the owning division), and each 海外出張 only for
// those who may open it — its division, its travellers and the bureau (access.ts; the search asks the rule below for
// every trip it would show). Entries are refreshed in the same transaction as the write, through indexProjects /
// indexTrips, which take any number of ids (the screens pass one; a bulk import passes the records it wrote); an id
// whose record is gone loses its entry.
import { PARTNER_RELATION_LABELS, PROJECT_STATUS_LABELS, TRIP_STATUS_LABELS } from "../../../common/api/international";
import { formatWareki } from "../../../common/dates";
import { partnerLabel } from "../../../common/international/partner-label";
import type { Db, Queryable } from "../../db/database";
import { can, type Principal } from "../../platform/auth/permissions";
import {
  clearRecords,
  indexRecords,
  removeRecords,
  type SearchModule,
  type SearchReadCheck,
  type SearchRecord,
} from "../../platform/search/search";
import { internationalOwner } from "./access";
import * as repo from "./search-repository";

const MODULE = "international";
const CHUNK = 1000;

function projectRecord(row: repo.ProjectEntryRow): SearchRecord {
  return {
    module: MODULE,
    entityType: "project",
    entityId: row.id,
    title: row.name,
    body: [
      `国際関連事業・${row.field_name}・${PROJECT_STATUS_LABELS[row.status]}`,
      row.partners
        .map((p) => (p.relation === "other" ? partnerLabel(p) : `${partnerLabel(p)}（${PARTNER_RELATION_LABELS[p.relation]}）`))
        .join("、"),
      row.themes.join("、"),
      row.summary,
      row.owner_name,
    ]
      .filter(Boolean)
      .join("\n"),
    url: `/international/projects/${row.id}`,
    organisationId: row.owner_organisation_id,
    visibility: "staff",
  };
}

function tripRecord(row: repo.TripEntryRow): SearchRecord {
  return {
    module: MODULE,
    entityType: "trip",
    entityId: row.id,
    title: row.title,
    body: [
      `海外出張・${TRIP_STATUS_LABELS[row.status]}・${formatWareki(row.departs_on)}〜${formatWareki(row.returns_on)}`,
      row.places.join("、"),
      row.purpose,
      row.travellers.join("、"),
      row.projects.join("、"),
      row.owner_name,
    ]
      .filter(Boolean)
      .join("\n"),
    url: `/international/trips/${row.id}`,
    // the owning division; who else may open the trip (travellers, the bureau) the read rule below decides
    organisationId: row.owner_organisation_id,
    visibility: "staff",
  };
}

async function refresh<Row extends { id: string }>(
  tx: Queryable,
  entityType: string,
  ids: readonly string[],
  read: (tx: Queryable, ids: readonly string[]) => Promise<Row[]>,
  toRecord: (row: Row) => SearchRecord,
): Promise<void> {
  const unique = [...new Set(ids)];
  for (let start = 0; start < unique.length; start += CHUNK) {
    const chunk = unique.slice(start, start + CHUNK);
    const rows = await read(tx, chunk);
    await indexRecords(tx, rows.map(toRecord));
    const found = new Set(rows.map((r) => r.id));
    await removeRecords(
      tx,
      MODULE,
      entityType,
      chunk.filter((id) => !found.has(id)),
    );
  }
}

/** Refreshes the entries of these projects (a deleted one loses its entry), inside the writer's transaction. */
export async function indexProjects(tx: Queryable, ids: readonly string[]): Promise<void> {
  await refresh(tx, "project", ids, repo.findProjectEntries, projectRecord);
}

/** Refreshes the entries of these trips (a deleted one loses its entry), inside the writer's transaction. */
export async function indexTrips(tx: Queryable, ids: readonly string[]): Promise<void> {
  await refresh(tx, "trip", ids, repo.findTripEntries, tripRecord);
}

/** The projects that name a partner (its name or relation changed) or a 分野 (renamed): their entries read it. */
export async function indexProjectsOf(tx: Queryable, by: { partnerId: string } | { fieldId: string }): Promise<void> {
  await indexProjects(tx, await repo.findProjectIdsOf(tx, by));
}

/** The trips linked to a project (their entries name it): refreshed when it is renamed or deleted. */
export const tripIdsOfProject = repo.findTripIdsOfProject;

/** The sample data's projects and trips, at once (the sample loaders call it once at their end, not per record). */
export async function indexSampleData(tx: Queryable): Promise<void> {
  const { projects, trips } = await repo.findSampleIds(tx);
  await indexProjects(tx, projects);
  await indexTrips(tx, trips);
}

/** Rebuilds every entry of the module in one transaction (CLI `search reindex`, the sample data). */
export async function reindexInternational(db: Db): Promise<number> {
  return db.transaction(async (tx) => {
    await clearRecords(tx, MODULE, "project");
    await clearRecords(tx, MODULE, "trip");
    const projects = (await repo.findProjectEntries(tx, null)).map(projectRecord);
    const trips = (await repo.findTripEntries(tx, null)).map(tripRecord);
    await indexRecords(tx, projects);
    await indexRecords(tx, trips);
    return projects.length + trips.length;
  });
}

/** A trip is opened by its division's staff, its travellers and the bureau (administrators included): trip-service's rule. */
const readableTrips: SearchReadCheck = async (db, reader: Principal, ids) => {
  if (!can(reader, "international.read") || ids.length === 0) return new Set();
  const seesAll = can(reader, "international.overview", await internationalOwner(db, reader));
  return new Set(await repo.findReadableTripIds(db, ids, { seesAll, organisationId: reader.organisationId, userId: reader.id }));
};

export const INTERNATIONAL_SEARCH_MODULE: SearchModule = {
  module: MODULE,
  label: "国際",
  reindex: reindexInternational,
  restricted: { trip: readableTrips },
};
