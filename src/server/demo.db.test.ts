import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { todayInJapan } from "../common/dates";
import { loadDemoDataIfEmpty } from "./demo";
import * as furusato from "./modules/furusato";
import { createLogger } from "./platform/logger";
import { createTestDb, type TestDb } from "./testing/db";

let t: TestDb;
beforeAll(async () => {
  t = await createTestDb();
});
afterAll(() => t.cleanup());

describe("sample data on a first start", () => {
  it("loads once into an empty database, marked as sample, and never again", async () => {
    expect(await loadDemoDataIfEmpty(t.db, createLogger("silent"))).toBe(true);
    expect(await loadDemoDataIfEmpty(t.db, createLogger("silent"))).toBe(false);
    const documents = await t.db.query<{ is_sample: boolean; status: string }>("SELECT is_sample, status FROM policy_documents");
    expect(documents.rows).toEqual([{ is_sample: true, status: "published" }]);
    const users = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM users");
    expect(users.rows[0].n).toBe(0); // no account, no default password: the first administrator comes from the setup link
  });

  it("shows a living catalog: portals with templates, approved gifts, and one portal turned red by a price rise", async () => {
    expect((await furusato.findPortals(t.db)).map((p) => p.code)).toEqual(["rakuten", "ana", "ledghome", "soumu"]);
    const gifts = await furusato.findGifts(t.db, todayInJapan());
    expect(gifts.every((g) => g.is_sample)).toBe(true);
    const red = [];
    for (const gift of gifts) {
      const { findings } = await furusato.giftWithFindings(t.db, gift.id);
      red.push(...findings.filter((f) => f.rule === "return_ratio" && f.severity === "error").map((f) => `${gift.code}:${f.portalCode}`));
    }
    expect(red).toEqual(["KMF001:rakuten"]);
  });

  it("shows a living ledger: two fiscal years of sample donations on two portals, with shipments and one-stop work", async () => {
    const { rows } = await t.db.query<{ portal_code: string; fiscal_year: number; n: number; samples: number }>(
      `SELECT portal_code, fiscal_year, count(*)::int AS n, count(*) FILTER (WHERE is_sample)::int AS samples
         FROM furusato_donations GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    expect(rows.map((r) => `${r.portal_code}:${r.fiscal_year}`)).toEqual(["ana:2025", "ana:2026", "rakuten:2025", "rakuten:2026"]);
    for (const row of rows) expect(row.samples).toBe(row.n);
    const work = await t.db.query<{ shipments: number; one_stop: number; mappings: number }>(
      `SELECT (SELECT count(*)::int FROM furusato_shipments) AS shipments,
              (SELECT count(*)::int FROM furusato_one_stop_applications) AS one_stop,
              (SELECT count(*)::int FROM furusato_donation_mappings WHERE is_sample) AS mappings`,
    );
    expect(work.rows[0].shipments).toBeGreaterThan(1000);
    expect(work.rows[0].one_stop).toBeGreaterThan(500);
    expect(work.rows[0].mappings).toBe(2);
  });

  it("issue 18: the first start shows the partnerships and 特区 at work, every record marked sample", async () => {
    const { rows } = await t.db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM region_frameworks WHERE is_sample) AS frameworks,
              (SELECT count(*)::int FROM region_framework_members WHERE is_sample) AS members,
              (SELECT count(*)::int FROM region_projects WHERE NOT is_sample) AS unmarked_projects,
              (SELECT count(*)::int FROM region_projects WHERE is_sample) AS projects,
              (SELECT count(*)::int FROM region_candidates WHERE is_sample) AS candidates,
              (SELECT count(*)::int FROM region_cost_computations WHERE is_sample) AS computations,
              (SELECT count(*)::int FROM meetings WHERE is_sample) AS meetings,
              (SELECT count(*)::int FROM zones_proposals WHERE is_sample) AS proposals`,
    );
    // 関門 (2) + 福北 (2) + the 都市圏域's 18 市町
    expect(rows[0]).toMatchObject({ frameworks: 3, members: 22, unmarked_projects: 0 });
    for (const key of ["projects", "candidates", "computations", "meetings", "proposals"]) expect(rows[0][key]).toBeGreaterThan(0);
    const seed = await t.db.query<{ state: string }>("SELECT state FROM zones_proposals WHERE title LIKE '%920MHz%'");
    expect(seed.rows).toHaveLength(1);
  });

  it("issue 19: the first start shows 経営分析's subjects, peers, figures and analyses, every record marked sample", async () => {
    const { rows } = await t.db.query<Record<string, number>>(
      `SELECT (SELECT count(*)::int FROM analysis_subjects WHERE role = 'subject' AND is_sample) AS subjects,
              (SELECT count(*)::int FROM analysis_subjects WHERE role = 'peer' AND is_sample) AS peers,
              (SELECT count(*)::int FROM analysis_figures WHERE NOT is_sample) AS unmarked_figures,
              (SELECT count(*)::int FROM analysis_figures WHERE is_sample) AS figures,
              (SELECT count(*)::int FROM analysis_reviews WHERE status = 'decided' AND is_sample) AS decided,
              (SELECT count(*)::int FROM analysis_actions WHERE is_sample) AS actions`,
    );
    expect(rows[0]).toMatchObject({ subjects: 5, unmarked_figures: 0, decided: 3 });
    for (const key of ["peers", "figures", "actions"]) expect(rows[0][key]).toBeGreaterThan(0);
  });
});
