// sdgs.registry_search: the public registry's search under load — autocannon (20 connections, loopback, 10 s after a
// 2 s warm-up) against the built server (PGlite) holding the sample data plus 2,000 certified companies (each with 3
// goals, seeded with INSERT … SELECT before the server starts, outside the timing), cycling through varied queries
// of GET /api/public/sdgs/certified?q=… (names, フリガナ, 法人番号 digits, goal words, a word nobody has, paging and
// filters). PUBLIC_API_RATE_LIMIT is set high, so that the per-address limit (one address here) does not answer 429.
// value = p99 in ms, with rps and p50 beside it.
import autocannon from "autocannon";
import { openDatabase } from "../src/server/db/open";
import { type Bench, ensureBuilt, freePort, log, removeDir, spawnNode, tempDir, waitForHttp } from "./harness";

const COMPANIES = 2_000;
const CONNECTIONS = 20;

const QUERIES = [
  "q=%E6%A0%AA%E5%BC%8F%E4%BC%9A%E7%A4%BE", // 株式会社
  "q=%E3%83%99%E3%83%B3%E3%83%81", // ベンチ
  "q=CO2",
  "q=1234",
  "q=%E5%86%8D%E7%94%9F%E5%8F%AF%E8%83%BD%E3%82%A8%E3%83%8D%E3%83%AB%E3%82%AE%E3%83%BC", // 再生可能エネルギー
  "q=%E5%A5%B3%E6%80%A7", // 女性
  "q=%E8%A9%B2%E5%BD%93%E3%81%AA%E3%81%97", // 該当なし
  "q=%EF%BC%91%EF%BC%92", // full-width １２
  "ward=yahatanishi&page=2",
  "industry=E&q=%E3%83%99%E3%83%B3%E3%83%81%E5%B7%A5%E6%A5%AD", // ベンチ工業
];

export async function seed(dataDir: string): Promise<void> {
  const { db, close } = await openDatabase({ dataDir, databaseUrl: null });
  try {
    const round = await db.query<{ id: string; tiers: string[] }>(
      "SELECT r.id, array_agg(t.id ORDER BY t.rank) AS tiers FROM sdgs_rounds r JOIN sdgs_tiers t ON t.round_id = r.id GROUP BY r.id ORDER BY r.fiscal_year DESC LIMIT 1",
    );
    if (!round.rows[0]) throw new Error("the sample data has no SDGs round");
    await db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO organisations (kind, name, code) SELECT 'external', 'ベンチ企業' || i, 'bench-sdgs-' || i FROM generate_series(1, ${COMPANIES}) i`,
      );
      await tx.query(
        `INSERT INTO sdgs_companies (organisation_id, corporate_number, name, name_kana, ward, industry, size, contact_name, contact_email)
         SELECT o.id, lpad((8000000000000 + i)::text, 13, '0'),
                (ARRAY['ベンチ工業株式会社', '株式会社ベンチ商事', 'ベンチ運輸合同会社', 'ベンチ福祉会'])[1 + i % 4] || i,
                'ベンチ' || i, (ARRAY['moji','kokurakita','kokuraminami','wakamatsu','yahatahigashi','yahatanishi','tobata'])[1 + i % 7],
                (ARRAY['E','D','H','I','P','G'])[1 + i % 6], 'small', '担当者' || i, 'bench' || i || '@example.jp'
           FROM generate_series(1, ${COMPANIES}) i JOIN organisations o ON o.code = 'bench-sdgs-' || i`,
      );
      await tx.query(
        `INSERT INTO sdgs_applications (round_id, company_id, status, is_sample)
         SELECT $1, c.id, 'certified', false FROM sdgs_companies c WHERE c.corporate_number LIKE '800000%'`,
        [round.rows[0].id],
      );
      await tx.query(
        `INSERT INTO sdgs_application_goals (application_id, title, sdg_goals, kpi, unit, target, target_year, sort_order)
         SELECT a.id, g.title, g.goals, g.kpi, '%', 50, 2030, g.n
           FROM sdgs_applications a JOIN sdgs_companies c ON c.id = a.company_id AND c.corporate_number LIKE '800000%'
           CROSS JOIN (VALUES (1, '事業所のCO2排出量を削減する', ARRAY[7, 13], 'CO2排出量'),
                              (2, '女性管理職を増やす', ARRAY[5], '女性管理職比率'),
                              (3, '再生可能エネルギーの利用を増やす', ARRAY[7], '再エネ比率')) AS g(n, title, goals, kpi)`,
      );
      await tx.query(
        `INSERT INTO sdgs_certifications (number, company_id, application_id, tier_id, tier_name, tier_rank, valid_from, valid_until)
         SELECT 'KSM-2099-' || lpad((row_number() OVER (ORDER BY c.corporate_number))::text, 4, '0'), c.id, a.id,
                t.id, t.name, t.rank, current_date - 100, current_date + 1000
           FROM sdgs_applications a JOIN sdgs_companies c ON c.id = a.company_id AND c.corporate_number LIKE '800000%'
           JOIN sdgs_tiers t ON t.id = ($1::uuid[])[1 + (abs(hashtext(c.corporate_number)) % array_length($1::uuid[], 1))]`,
        [round.rows[0].tiers],
      );
    });
    await db.query("ANALYZE");
  } finally {
    await close();
  }
}

export default [
  {
    name: "sdgs.registry_search",
    description: `GET /api/public/sdgs/certified?q=… (varied queries) on ${COMPANIES.toLocaleString("en")} certified companies, ${CONNECTIONS} connections, 10 s: p99 ms (rps, p50)`,
    async run() {
      ensureBuilt();
      const dataDir = tempDir("sdgs-registry");
      try {
        const port = await freePort();
        const base = `http://127.0.0.1:${port}`;
        const env = { DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", PUBLIC_API_RATE_LIMIT: "100000000", LOG_LEVEL: "warn" };
        // first start: schema and sample data
        const first = spawnNode(["dist/cli.mjs", "serve"], env);
        await waitForHttp(`${base}/api/health`, { timeoutMs: 180_000, process: first.child });
        await first.stop();
        await seed(dataDir);
        const server = spawnNode(["dist/cli.mjs", "serve"], env);
        try {
          await waitForHttp(`${base}/api/health`, { timeoutMs: 180_000, process: server.child });
          const check = await (await fetch(`${base}/api/public/sdgs/certified?q=%E3%83%99%E3%83%B3%E3%83%81`)).json();
          log(`registry: ${(check as { total: number }).total} companies match ベンチ`);
          const requests = QUERIES.map((q) => ({ method: "GET" as const, path: `/api/public/sdgs/certified?${q}` }));
          const options = { url: base, connections: CONNECTIONS, requests, timeout: 120 };
          await autocannon({ ...options, duration: 2 });
          const result = await autocannon({ ...options, duration: 10 });
          if (result.errors > 0 || result.non2xx > 0) throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors`);
          log(
            `sdgs.registry_search: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.average.toFixed(0)} req/s`,
          );
          return { value: result.latency.p99, unit: "ms", extra: { rps: Math.round(result.requests.average), p50: result.latency.p50 } };
        } finally {
          await server.stop();
        }
      } finally {
        removeDir(dataDir);
      }
    },
  },
] satisfies Bench[];
