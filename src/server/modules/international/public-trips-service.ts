// 海外出張の報告 for citizens (the public pages, no sign-in): the trips whose report is published and filed, shaped
// to what the city discloses (see common/api/international-public-trips.ts). A trip whose report is not published,
// not filed, or that stands before 報告書提出 answers exactly as an unknown id does.
import type { ResponseOf } from "../../../common/api/contract";
import type * as api from "../../../common/api/international-public-trips";
import type { Queryable } from "../../db/database";
import { NotFound } from "../../platform/errors";
import * as repo from "./public-trips-repository";

const toSummary = (row: repo.PublicTripRow): api.PublicTripReportSummary => ({
  id: row.id,
  title: row.title,
  ownerName: row.owner_name,
  bureauName: row.bureau_name ?? "",
  departsOn: row.departs_on,
  returnsOn: row.returns_on,
  destinations: row.destinations.map((d) => ({ country: d.country, city: d.city })),
  reportFiledOn: row.report_filed_on,
  isSample: row.is_sample,
});

export async function listPublicTripReports(
  db: Queryable,
  query: repo.PublicTripFilter & { page: number; pageSize: number },
): Promise<ResponseOf<typeof api.listPublicTripReports>> {
  const { page, pageSize, ...filter } = query;
  const clean: repo.PublicTripFilter = {
    q: filter.q ? filter.q.normalize("NFKC") : undefined,
    fiscalYear: filter.fiscalYear,
    country: filter.country || undefined,
    projectId: filter.projectId,
  };
  const total = await repo.countPublicTrips(db, clean);
  const rows = await repo.findPublicTripPage(db, clean, { page, pageSize });
  const choices = await repo.findPublicTripChoices(db);
  return { items: rows.map(toSummary), total, page, pageSize, choices };
}

export async function getPublicTripReport(db: Queryable, id: string): Promise<ResponseOf<typeof api.getPublicTripReport>> {
  const row = await repo.findPublicTrip(db, id);
  if (!row) throw new NotFound("公開している海外出張の報告");
  const visits = await repo.findPublicVisits(db, id);
  const members = await repo.findPublicMembers(db, id);
  const projects = await repo.findPublicTripProjects(db, id);
  // the settled amounts are final only once the trip is 精算 or 完了; before that none is shown
  const costsSettled = row.status === "settled" || row.status === "completed";
  const costs = costsSettled
    ? (await repo.findPublicSettledCosts(db, id)).map((c) => ({ costKind: c.cost_kind, settled: Number(c.settled) }))
    : [];
  return {
    ...toSummary(row),
    purpose: row.purpose,
    visits: visits.map((v) => ({
      visitOn: v.visit_on,
      country: v.country,
      city: v.city,
      organisation: v.organisation,
      purpose: v.purpose,
    })),
    members: members.map((m) => ({ role: m.role, organisationName: m.organisation_name })),
    projects: projects.map((p) => ({ id: p.id, name: p.name })),
    costsSettled,
    costs,
    settledTotal: costsSettled ? costs.reduce((sum, c) => sum + c.settled, 0) : null,
    results: row.report_results,
    followup: row.report_followup,
  };
}
