// The sample trips: loaded with the whole sample city (after the projects' partners and projects), every state is
// there, one report is overdue, one trip is complete with a published report, visits point at partner cities,
// trips link sample projects, and the rates have two versions. Loaded alone (no partners, no projects) it still loads.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRIP_STATUSES } from "../../../common/api/international";
import { todayInJapan } from "../../../common/dates";
import { loadDemoDataIfEmpty } from "../../demo";
import { createLogger } from "../../platform/logger";
import { createTestDb, type TestDb } from "../../testing/db";
import { buildOrganisation } from "../../testing/factories";
import { loadTripDemo } from "./trip-demo";

describe("sample trips with the whole sample city", () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb();
    await loadDemoDataIfEmpty(t.db, createLogger("silent"));
  }, 180_000);
  afterAll(() => t.cleanup());

  it("has a trip in every state, all marked as samples, across FY2024–FY2026 and four divisions", async () => {
    const { rows } = await t.db.query<{ status: string; is_sample: boolean; departs_on: string; owner: string }>(
      "SELECT status, is_sample, departs_on, owner_organisation_id AS owner FROM international_trips",
    );
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(TRIP_STATUSES));
    expect(rows.every((r) => r.is_sample)).toBe(true);
    expect(new Set(rows.map((r) => r.owner)).size).toBe(4);
    expect(rows.some((r) => r.departs_on < "2025-04-01")).toBe(true);
    expect(rows.some((r) => r.departs_on >= "2026-04-01")).toBe(true);
  });

  it("has one overdue report, one published report of a completed trip, partner visits and project links", async () => {
    const overdue = await t.db.query<{ title: string }>(
      `SELECT title FROM international_trips WHERE report_due_on < $1 AND report_filed_on IS NULL AND status IN ('travelling', 'returned')`,
      [todayInJapan()],
    );
    // the sample dates are fixed: later on, the trip still 出張中 (釜山) falls overdue too
    expect(overdue.rows.map((r) => r.title)).toContain("タコマ市姉妹都市 青少年派遣団の引率");
    const completed = await t.db.query<{ report_public: boolean; report_results: string }>(
      "SELECT report_public, report_results FROM international_trips WHERE status = 'completed'",
    );
    expect(completed.rows).toHaveLength(1);
    expect(completed.rows[0].report_public).toBe(true);
    const unsettled = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM international_trip_costs c JOIN international_trips t ON t.id = c.trip_id
       WHERE t.status IN ('settled', 'completed') AND c.settled IS NULL`,
    );
    expect(unsettled.rows[0].n).toBe(0);
    const visits = await t.db.query<{ linked: number; all: number }>(
      "SELECT count(partner_id)::int AS linked, count(*)::int AS all FROM international_trip_visits",
    );
    // ソウル特別市 is no partner city; every other visit is
    expect(visits.rows[0].all - visits.rows[0].linked).toBe(1);
    const links = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM international_trip_projects");
    expect(links.rows[0].n).toBeGreaterThanOrEqual(8);
    const events = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM international_trip_events e JOIN international_trips t ON t.id = e.trip_id WHERE t.status = 'completed'",
    );
    expect(events.rows[0].n).toBe(8);
  });

  it("keeps two versions of 日当 and 宿泊料 for each region class", async () => {
    const { rows } = await t.db.query<{ valid_from: string; n: number }>(
      "SELECT valid_from, count(*)::int AS n FROM international_travel_rates GROUP BY valid_from ORDER BY valid_from",
    );
    expect(rows).toEqual([
      { valid_from: "2019-04-01", n: 8 },
      { valid_from: "2024-04-01", n: 8 },
    ]);
  });
});

describe("sample trips without partners or projects", () => {
  it("loads with the cities written as text and no project links", async () => {
    const t = await createTestDb();
    try {
      const city = await buildOrganisation(t.db, { name: "北九州市", kind: "municipality", code: "city" });
      const bureau = await buildOrganisation(t.db, { name: "政策局", kind: "bureau", parentId: city.id, code: "seisaku" });
      for (const code of ["seisaku-kokusai", "sangyo-kikaku", "kankyo-kikaku", "zaisei-zaisei"])
        await buildOrganisation(t.db, { name: code, kind: "division", parentId: bureau.id, code });
      await loadTripDemo(t.db);
      const { rows } = await t.db.query<{ trips: number; partnered: number; links: number }>(
        `SELECT (SELECT count(*)::int FROM international_trips) AS trips,
                (SELECT count(partner_id)::int FROM international_trip_visits) AS partnered,
                (SELECT count(*)::int FROM international_trip_projects) AS links`,
      );
      expect(rows[0]).toEqual({ trips: 10, partnered: 0, links: 0 });
    } finally {
      await t.cleanup();
    }
  });
});
