// region.search: the hub's public search under load — autocannon (20 connections, loopback, 10 s after a 2 s
// warm-up) against the built server (PGlite) holding the sample data plus 100,000 published items (seeded with one
// INSERT … SELECT generate_series before the server starts, outside the timing: seven datasets over the 18 市町,
// places within the region, a sixth of them events over three years, search bigrams made in SQL as the curation part
// makes them in Node), cycling through realistic queries of GET /api/public/region/items (a word, a 市町, a date range,
// near a point, a box of the map, and combinations). PUBLIC_API_RATE_LIMIT is set high so that the per-address limit
// (one address here) does not answer 429. value = p50 in ms, with p99 and rps beside it. region.search.pg: the same on
// a throw-away PostgreSQL database (BENCH_DATABASE_URL; skipped when none answers), where requests run side by side.
import { randomBytes } from "node:crypto";
import autocannon from "autocannon";
import pg from "pg";
import boundaries from "../src/common/region/kitakyushu-region-18.geo.json";
import { openDatabase } from "../src/server/db/open";
import { type Bench, BenchSkipped, ensureBuilt, freePort, log, removeDir, spawnNode, tempDir, waitForHttp } from "./harness";

export const ITEMS = 100_000;
const CONNECTIONS = 20;

const enc = encodeURIComponent;
export const QUERIES = [
  `q=${enc("門司港")}`,
  `q=${enc("美術館")}`,
  "municipality=402044",
  "dataset=event&from=2026-08-01&to=2026-08-31",
  "lat=33.8834&lon=130.8752&km=3&sort=distance",
  `q=${enc("公園")}&municipality=401005`,
  "dataset=tourism&bbox=130.8,33.8,131.0,33.95",
  "",
  `q=${enc("夏祭り")}&from=2026-07-01&to=2026-09-30`,
  `q=${enc("小倉 公園")}&lat=33.88&lon=130.87&km=5`,
  "municipality=401005&sort=newest&page=5",
  `q=${enc("該当なし")}`,
];

// Places named in the items: 北九州市's districts, and each other 市町's own name (items of a 市町 name its places).
const KITAKYUSHU_PLACES = ["門司港", "小倉", "若松", "八幡", "戸畑"];
const THINGS = ["公園", "美術館", "夏祭り", "マルシェ", "図書館", "神社", "展望台", "体育館", "保育園", "避難所", "市民センター", "資料館"];
const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(", ")}]`;

/** Bigrams of a text without spaces, in SQL (the same pieces as common/search/bigrams.ts for such text). */
const bigramsSql = (text: string) => `ARRAY(SELECT DISTINCT substr(${text}, k, 2) FROM generate_series(1, char_length(${text}) - 1) k)`;

/** Each 市町's middle (the mean of its boundary's points), for places near their 市町. */
function middles(): Map<string, { lat: number; lon: number }> {
  const result = new Map<string, { lat: number; lon: number }>();
  for (const feature of (boundaries as { features: { properties: { code: string }; geometry: { type: string; coordinates: unknown } }[] })
    .features) {
    const points = (feature.geometry.coordinates as number[][][][] | number[][][]).flat(
      feature.geometry.type === "Polygon" ? 1 : 2,
    ) as number[][];
    const lon = points.reduce((sum, p) => sum + p[0], 0) / points.length;
    const lat = points.reduce((sum, p) => sum + p[1], 0) / points.length;
    result.set(feature.properties.code, { lat, lon });
  }
  return result;
}

/**
 * 100,000 published items, one statement. As the hub receives them: a 市町's items arrive together (one file per
 * 市町 and dataset), 北九州市 brings four in ten, the rest share the other 17; a place lies within about 5 km of its
 * 市町's middle; a seventh are events over three years (one day to five weeks, 10:00–17:00).
 */
export async function seedItems(where: { dataDir: string; databaseUrl: string | null }, count = ITEMS): Promise<void> {
  const { db, close } = await openDatabase(where);
  try {
    const municipalities = (
      await db.query<{ code: string; name: string }>("SELECT code, name FROM region_municipalities ORDER BY sort_order, code")
    ).rows;
    if (municipalities.length !== 18 || municipalities[0].code !== "401005")
      throw new Error("the sample data does not have the 18 市町 (北九州市 first)");
    const middle = middles();
    const lat = municipalities.map((m) => middle.get(m.code)?.lat ?? 33.8);
    const lon = municipalities.map((m) => middle.get(m.code)?.lon ?? 130.9);
    const names = municipalities.map((m) => m.name.replace(/[市町]$/, ""));
    await db.query(
      `INSERT INTO region_items (municipality_code, dataset, source_id, origin, name, name_kana, description, address, category,
                                 lat, lon, start_date, end_date, start_time, end_time, status, published_at, featured, featured_at, bigrams)
       SELECT ($1::text[])[g.m], g.dataset, 'bench-' || g.i, 'import', g.name, '', g.description, g.address, g.thing,
              ($2::float8[])[g.m] + ((g.i::bigint * 7919 % 1000) - 500) / 11000.0,
              ($3::float8[])[g.m] + ((g.i::bigint * 104729 % 1000) - 500) / 9000.0,
              g.start_date, g.start_date + (g.i % 4) * (g.i % 13), CASE WHEN g.dataset = 'event' THEN '10:00' END,
              CASE WHEN g.dataset = 'event' THEN '17:00' END, 'published', now() - (g.i % 730) * interval '1 day' - g.i * interval '1 second',
              g.i % 1000 = 0, CASE WHEN g.i % 1000 = 0 THEN now() END,
              ${bigramsSql("g.name")} || ${bigramsSql("g.address")} || ${bigramsSql("g.description")}
         FROM (SELECT i, m, d.dataset, p.place, t.thing, p.place || t.thing || i AS name, p.place || 'の' || t.thing || 'です。' AS description,
                      '福岡県' || ($4::text[])[m] || '町' || (i % 50) || '番地' AS address,
                      CASE WHEN d.dataset = 'event' THEN date '2025-01-01' + (i * 37 % 1095) END AS start_date
                 FROM generate_series(1, ${Number(count)}) i
                 CROSS JOIN LATERAL (SELECT CASE WHEN i % 10 < 4 THEN 1 ELSE 2 + i % 17 END AS m) mm
                 CROSS JOIN LATERAL (SELECT (ARRAY['tourism','event','public_facility','cultural_property','preschool','evacuation_space','aed'])[1 + i % 7] AS dataset) d
                 CROSS JOIN LATERAL (SELECT CASE WHEN m = 1 THEN (${sqlArray(KITAKYUSHU_PLACES)})[1 + (i / 10) % ${KITAKYUSHU_PLACES.length}]
                                            ELSE ($4::text[])[m] END AS place) p
                 CROSS JOIN LATERAL (SELECT (${sqlArray(THINGS)})[1 + (i / 7) % ${THINGS.length}] AS thing) t
                ORDER BY m, d.dataset, i) g`,
      [municipalities.map((m) => m.code), lat, lon, names],
    );
    await db.exec("VACUUM ANALYZE region_items");
  } finally {
    await close();
  }
}

type Backend = "pglite" | "postgres";
const POSTGRES_BASE = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Where the server keeps its data: a temp PGlite directory, or a throw-away database on the local PostgreSQL. */
async function storageFor(
  backend: Backend,
): Promise<{ env: Record<string, string>; dataDir: string | null; databaseUrl: string | null; remove(): Promise<void> }> {
  if (backend === "pglite") {
    const dataDir = tempDir("region-search");
    return { env: { DATA_DIR: dataDir }, dataDir, databaseUrl: null, remove: async () => removeDir(dataDir) };
  }
  const admin = new pg.Client({ connectionString: POSTGRES_BASE, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => {});
    throw new BenchSkipped(`PostgreSQL at ${POSTGRES_BASE} does not answer (${(error as Error).message})`);
  }
  const name = `yk_bench_region_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_BASE);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    dataDir: null,
    databaseUrl: url.toString(),
    async remove() {
      const dropper = new pg.Client({ connectionString: POSTGRES_BASE });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

async function runSearch(backend: Backend) {
  ensureBuilt();
  const storage = await storageFor(backend);
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = { ...storage.env, PORT: String(port), HOST: "127.0.0.1", PUBLIC_API_RATE_LIMIT: "100000000", LOG_LEVEL: "warn" };
    // first start: schema and sample data (the 18 市町)
    const first = spawnNode(["dist/cli.mjs", "serve"], env);
    await waitForHttp(`${base}/api/health`, { timeoutMs: 180_000, process: first.child });
    await first.stop();
    const started = performance.now();
    await seedItems({ dataDir: storage.dataDir ?? "", databaseUrl: storage.databaseUrl });
    log(`region.search: ${ITEMS.toLocaleString("en")} items seeded in ${Math.round(performance.now() - started)} ms (${backend})`);
    const server = spawnNode(["dist/cli.mjs", "serve"], env);
    try {
      await waitForHttp(`${base}/api/health`, { timeoutMs: 180_000, process: server.child });
      for (const query of QUERIES) {
        const answer = (await (await fetch(`${base}/api/public/region/items?${query}`)).json()) as { total: number };
        log(`  ${decodeURIComponent(query) || "(no filter)"}: ${answer.total} matches`);
      }
      const requests = QUERIES.map((q) => ({ method: "GET" as const, path: `/api/public/region/items${q ? `?${q}` : ""}` }));
      const options = { url: base, connections: CONNECTIONS, requests, timeout: 120 };
      await autocannon({ ...options, duration: 2 });
      const result = await autocannon({ ...options, duration: 10 });
      if (result.errors > 0 || result.non2xx > 0) throw new Error(`${result.non2xx} non-2xx answers and ${result.errors} errors`);
      log(
        `region.search (${backend}): p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${result.requests.average.toFixed(0)} req/s`,
      );
      return { value: result.latency.p50, unit: "ms", extra: { p99: result.latency.p99, rps: Math.round(result.requests.average) } };
    } finally {
      await server.stop();
    }
  } finally {
    await storage.remove();
  }
}

const describe = (backend: string) =>
  `GET /api/public/region/items (word, 市町, dates, near a point, map box, combinations) over ${ITEMS.toLocaleString("en")} published items on ${backend}, ${CONNECTIONS} connections, 10 s: p50 ms (p99, rps)`;

export default [
  { name: "region.search", description: describe("PGlite"), run: () => runSearch("pglite") },
  {
    name: "region.search.pg",
    description: describe("a throw-away PostgreSQL database (BENCH_DATABASE_URL)"),
    run: () => runSearch("postgres"),
  },
] satisfies Bench[];
