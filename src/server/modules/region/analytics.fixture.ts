// The world of the アクセス解析 and プロモーション tests: a city whose 政策局 runs the hub, the 18 sample 市町 (without the
// module's other sample data, so the visits are the tests' own), published and draft items written here, and the
// logins of each kind of reader. The app trusts one proxy hop, so a test names the caller's address in
// X-Forwarded-For; its log lines can be captured; the job runner (the platform's CSV import) runs when asked.
import { buildApp } from "../../app";
import { type Config, loadConfig } from "../../config";
import { registerModules } from "../../modules";
import { JobQueue } from "../../platform/jobs/jobs";
import { createLogger } from "../../platform/logger";
import { TestClient } from "../../testing/app";
import { createTestDb, type TestDb } from "../../testing/db";
import { buildCity, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { setRegionOwner } from "./access";
import { loadSampleMunicipalities } from "./municipality-demo";

export interface AnalyticsWorld extends TestDb {
  app: ReturnType<typeof buildApp>;
  city: Awaited<ReturnType<typeof buildCity>>;
  /** log lines written while the world lived (JSON objects) */
  logLines: Record<string, unknown>[];
  client(): TestClient;
  login(loginId: string): Promise<TestClient>;
  users: {
    manager: { id: string; loginId: string };
    municipalityEditor: { id: string; loginId: string };
  };
  items: { published: string; publishedOther: string; draft: string };
}

export async function buildAnalyticsWorld(opts: { jobs?: boolean; config?: Partial<Config> } = {}): Promise<AnalyticsWorld> {
  registerModules();
  const testDb = await createTestDb();
  const logLines: Record<string, unknown>[] = [];
  const log = createLogger("info", { write: (line: string) => logLines.push(JSON.parse(line)) });
  const config: Config = { ...loadConfig({}), logLevel: "info", loadDemoData: false, trustProxy: 1, ...opts.config };
  const jobs = opts.jobs ? new JobQueue(testDb.db, createLogger("silent"), testDb.url) : null;
  await jobs?.start({ workers: true });
  const app = buildApp({ db: testDb.db, config, log, jobs });

  const city = await buildCity(testDb.db);
  await testDb.db.transaction(async (tx) => {
    await setRegionOwner(tx, city.bureau.id);
    await loadSampleMunicipalities(tx);
  });
  const manager = await buildUser(testDb.db, { role: "editor", organisationId: city.bureau.id, displayName: "広域 花子" });
  const nogata = await testDb.db.query<{ organisation_id: string }>(
    "SELECT organisation_id FROM region_municipalities WHERE code = '402044'",
  );
  const municipalityEditor = await buildUser(testDb.db, { role: "partner", organisationId: nogata.rows[0].organisation_id });
  const items = {
    published: await insertItem(testDb.db, "402044", "直方市石炭記念館", "published"),
    publishedOther: await insertItem(testDb.db, "401005", "小倉城", "published"),
    draft: await insertItem(testDb.db, "402133", "下書きの施設", "draft"),
  };

  return {
    ...testDb,
    async cleanup() {
      await jobs?.stop();
      await testDb.cleanup();
    },
    app,
    city,
    logLines,
    client: () => new TestClient(app),
    async login(loginId: string) {
      const client = new TestClient(app);
      const response = await client.post("/api/auth/login", { loginId, password: TEST_PASSWORD });
      if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
      return client;
    },
    users: { manager, municipalityEditor },
    items,
  };
}

/** An item of the hub as the curation part would leave it (only the columns the analytics read). */
export async function insertItem(db: TestDb["db"], code: string, name: string, status: "draft" | "published"): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_items (municipality_code, dataset, origin, name, status, published_at)
     VALUES ($1, 'tourism', 'editor', $2, $3, CASE WHEN $3 = 'published' THEN now() END) RETURNING id`,
    [code, name, status],
  );
  return rows[0].id;
}

export interface FixtureVisit {
  day: string;
  hash: string;
  pageKind?: string;
  path?: string;
  municipality?: string | null;
  item?: string | null;
  lang?: "ja" | "en";
  referrer?: string;
  campaign?: string | null;
  sample?: boolean;
}

/** Visits written as the counter would have written them, for figures counted by hand. */
export async function insertVisits(db: TestDb["db"], visits: FixtureVisit[]): Promise<void> {
  for (const v of visits)
    await db.query(
      `INSERT INTO region_visits (day, visitor_hash, path, page_kind, municipality_code, item_id, lang, referrer_host, campaign_id, is_sample)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        v.day,
        v.hash.padEnd(32, "0"),
        v.path ?? "/public/region",
        v.pageKind ?? "home",
        v.municipality ?? null,
        v.item ?? null,
        v.lang ?? "ja",
        v.referrer ?? "",
        v.campaign ?? null,
        v.sample ?? false,
      ],
    );
}

/** A campaign written straight to the table (the comparison tests' own, with a known cost and 公開日). */
export async function insertCampaign(
  db: TestDb["db"],
  c: { name: string; tag: string; channel: string; kind?: string; publishedOn: string; costYen: number },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO region_campaigns (name, channel, kind, tag, published_on, cost_yen) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [c.name, c.channel, c.kind ?? "post", c.tag, c.publishedOn, c.costYen],
  );
  return rows[0].id;
}
