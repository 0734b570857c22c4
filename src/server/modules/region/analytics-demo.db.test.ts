// The アクセス解析 sample data: ten campaigns over 令和7年度 and 令和8年度 on several channels with costs and reach
// figures, about 90 days of visits up to the day it loads, and campaign-tagged visits in both years; every row is a
// sample; the same day and 市町 give the same rows (a fixed seed), and a second load adds nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fiscalYearOf } from "../../../common/dates";
import { createTestDb, type TestDb } from "../../testing/db";
import { buildCity } from "../../testing/factories";
import { loadAnalyticsDemo } from "./analytics-demo";
import { campaignComparisonFor } from "./campaign-comparison";
import { loadSampleMunicipalities } from "./municipality-demo";

const TODAY = "2026-12-07";
const dbs: TestDb[] = [];

async function loaded(): Promise<TestDb> {
  const t = await createTestDb();
  dbs.push(t);
  await buildCity(t.db);
  await t.db.transaction((tx) => loadSampleMunicipalities(tx).then(() => undefined));
  await loadAnalyticsDemo(t.db, TODAY);
  return t;
}

async function fingerprint(t: TestDb): Promise<string> {
  const { rows } = await t.db.query<{ f: string }>(
    `SELECT string_agg(day::text || '|' || visitor_hash || '|' || path || '|' || referrer_host || '|' || lang || '|' || coalesce(c.tag, ''), ',' ORDER BY v.id) AS f
       FROM region_visits v LEFT JOIN region_campaigns c ON c.id = v.campaign_id`,
  );
  return rows[0].f;
}

let t: TestDb;
beforeAll(async () => {
  t = await loaded();
}, 120_000);
afterAll(async () => {
  for (const db of dbs) await db.cleanup();
});

describe("the sample campaigns and visits", () => {
  it("cover two fiscal years and several channels, with costs, reach figures and visits by their links", async () => {
    const d = await campaignComparisonFor(t.db, null);
    expect(d.campaigns).toHaveLength(10);
    expect(d.campaigns.every((c) => c.isSample)).toBe(true);
    expect(d.byFiscalYear.map((g) => g.fiscalYear)).toEqual([2025, 2026]);
    expect(d.byChannel.length).toBeGreaterThanOrEqual(6);
    for (const g of d.byFiscalYear) {
      expect(g.visits).toBeGreaterThan(0);
      expect(g.costYen).toBeGreaterThan(0);
      expect(g.reach).toBeGreaterThan(0);
    }
    // every campaign that has run a week (print reports no reach) has its figures
    for (const c of d.campaigns.filter((c) => c.channel !== "print")) expect(c.reach, c.name).toBeGreaterThan(0);
    expect(d.campaigns.filter((c) => c.visits > 0).length).toBeGreaterThanOrEqual(9);
  });

  it("are all samples: about 90 days of everyday visits up to the day of loading, plus the campaigns' own", async () => {
    const { rows } = await t.db.query<{ n: number; samples: number; last: string; days: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE is_sample)::int AS samples, max(day)::text AS last, count(DISTINCT day) FILTER (WHERE day > '2026-09-08')::int AS days
         FROM region_visits`,
    );
    expect(rows[0].n).toBeGreaterThan(5000);
    expect(rows[0].samples).toBe(rows[0].n);
    expect(rows[0].last).toBe(TODAY);
    expect(rows[0].days).toBe(90);
    const years = await t.db.query<{ day: string }>("SELECT DISTINCT day::text AS day FROM region_visits WHERE campaign_id IS NOT NULL");
    expect(new Set(years.rows.map((r) => fiscalYearOf(r.day)))).toEqual(new Set([2025, 2026]));
    const sampleCampaigns = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM region_campaigns WHERE NOT is_sample");
    expect(sampleCampaigns.rows[0].n).toBe(0);
  });

  it("are the same rows from another load on the same day, and are not loaded twice", async () => {
    const before = await fingerprint(t);
    expect(await loadAnalyticsDemo(t.db, TODAY)).toEqual({ campaigns: 0, visits: 0 });
    expect(await fingerprint(t)).toBe(before);
    const other = await loaded();
    expect(await fingerprint(other)).toBe(before);
  });
});
