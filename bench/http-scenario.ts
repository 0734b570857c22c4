// The server the http.* and memory.* benches load: the built server (`node dist/cli.mjs serve`) on PGlite or on a
// throw-away PostgreSQL database, with the sample data, 200,000 donations added in a few INSERT … SELECT statements
// and one signed-in furusato manager (an editor of the ふるさと納税推進課, under the bureau that runs it).
import { randomBytes } from "node:crypto";
import pg from "pg";
import type { Db } from "../src/server/db/database";
import { openDatabase } from "../src/server/db/open";
import { createUser } from "../src/server/platform/admin/users";
import { SYSTEM_ACTOR } from "../src/server/platform/audit/audit";
import { BenchSkipped, ensureBuilt, freePort, log, removeDir, type Spawned, spawnNode, tempDir, waitForHttp } from "./harness";

export type Backend = "pglite" | "postgres";

export const DONATIONS = 200_000;
const LOGIN_ID = "bench-manager";
const POSTGRES_BASE = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface RunningServer {
  base: string;
  /** the session cookie and CSRF token of the signed-in manager */
  headers: Record<string, string>;
  pid: number;
  server: Spawned;
}

interface Storage {
  env: Record<string, string>;
  open(): Promise<{ db: Db; close(): Promise<void> }>;
  remove(): Promise<void>;
}

async function pgliteStorage(): Promise<Storage> {
  const dataDir = tempDir("http");
  return {
    env: { DATA_DIR: dataDir },
    open: () => openDatabase({ dataDir, databaseUrl: null }),
    async remove() {
      removeDir(dataDir);
    },
  };
}

/** A throw-away database on the local PostgreSQL; BenchSkipped when that server does not answer. */
async function postgresStorage(): Promise<Storage> {
  const admin = new pg.Client({ connectionString: POSTGRES_BASE, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch (error) {
    await admin.end().catch(() => {});
    throw new BenchSkipped(`PostgreSQL at ${POSTGRES_BASE} does not answer (${(error as Error).message})`);
  }
  const name = `yk_bench_http_${process.pid}_${randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_BASE);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  return {
    env: { DATABASE_URL: databaseUrl },
    open: () => openDatabase({ dataDir: "", databaseUrl }),
    async remove() {
      const dropper = new pg.Client({ connectionString: POSTGRES_BASE });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/** 200,000 donations over three fiscal years and every portal, each with one gift (so the list shows gift titles). */
export async function addDonations(db: Db): Promise<void> {
  await db.query(
    `INSERT INTO furusato_donations (portal_code, order_number, applied_on, paid_on, donated_on, fiscal_year,
       payment_method, amount, status, fund_use_code, is_resident, one_stop_wish, donor_name, donor_kana,
       donor_postal_code, donor_address, donor_gender, row_hash)
     SELECT p.codes[1 + i % array_length(p.codes, 1)], 'BENCH-' || lpad(i::text, 7, '0'), x.d, x.d, x.d,
            CASE WHEN extract(month FROM x.d) >= 4 THEN extract(year FROM x.d)::int ELSE extract(year FROM x.d)::int - 1 END,
            'クレジットカード', 10000 + (i % 40) * 1000, CASE WHEN i % 25 = 0 THEN '入金待ち' ELSE '入金済' END,
            f.codes[1 + i % greatest(array_length(f.codes, 1), 1)], i % 50 = 0, i % 3 = 0,
            '寄附 太郎' || i, 'キフ タロウ', '8030000', '福岡県北九州市小倉北区城内' || (i % 100), '回答なし', md5(i::text)
       FROM generate_series(1, ${DONATIONS}) AS i
       CROSS JOIN LATERAL (SELECT date '2023-04-01' + (i % 1095) AS d) x
       CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM furusato_portals) p
       CROSS JOIN (SELECT array_agg(code ORDER BY code) AS codes FROM furusato_fund_uses) f`,
  );
  await db.query(
    `INSERT INTO furusato_donation_items (donation_id, line_no, gift_code, gift_id, quantity)
     SELECT d.id, 1, g.codes[1 + k], g.ids[1 + k], 1
       FROM furusato_donations d
       CROSS JOIN (SELECT array_agg(id ORDER BY code) AS ids, array_agg(code ORDER BY code) AS codes FROM furusato_gifts) g
       CROSS JOIN LATERAL (SELECT abs(hashtext(d.order_number)) % array_length(g.ids, 1) AS k) x
      WHERE d.order_number LIKE 'BENCH-%'`,
  );
  // What autovacuum keeps true on a running PostgreSQL (statistics, the visibility map); done here on both.
  await db.query("VACUUM ANALYZE furusato_donations");
  await db.query("VACUUM ANALYZE furusato_donation_items");
}

export async function addManager(db: Db, password: string): Promise<void> {
  const org = await db.query<{ id: string }>("SELECT id FROM organisations WHERE code = 'seisaku-furusato'");
  if (!org.rows[0]) throw new Error("the sample organisation seisaku-furusato is missing");
  await createUser(
    db,
    { ...SYSTEM_ACTOR, label: "bench" },
    { loginId: LOGIN_ID, displayName: "ベンチ 担当", email: null, role: "editor", organisationId: org.rows[0].id, password },
  );
}

function startServer(storage: Storage, port: number): Spawned {
  return spawnNode(["dist/cli.mjs", "serve"], { ...storage.env, PORT: String(port), HOST: "127.0.0.1" });
}

async function waitHealthy(server: Spawned, base: string): Promise<void> {
  try {
    await waitForHttp(`${base}/api/health`, { timeoutMs: 180_000, intervalMs: 20, process: server.child });
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- server output ---\n${server.output()}`);
  }
}

async function signIn(base: string, password: string): Promise<Record<string, string>> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ loginId: LOGIN_ID, password }),
  });
  if (response.status !== 200) throw new Error(`login answered ${response.status}: ${await response.text()}`);
  const cookie = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: cookie.join("; "), "x-csrf-token": csrfToken };
}

/**
 * Prepares the data (first start of the server for the schema and sample data, then the donations and the manager
 * written directly), starts the server on it and signs in. `use` runs against it; everything is removed afterwards.
 */
export async function withLoadedServer<T>(backend: Backend, use: (running: RunningServer) => Promise<T>): Promise<T> {
  ensureBuilt();
  const storage = backend === "pglite" ? await pgliteStorage() : await postgresStorage();
  try {
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const first = startServer(storage, port);
    await waitHealthy(first, base);
    await first.stop();
    const started = performance.now();
    const password = `bench-${randomBytes(12).toString("hex")}-Pw`;
    const { db, close } = await storage.open();
    try {
      await addManager(db, password);
      await addDonations(db);
    } finally {
      await close();
    }
    log(`${backend}: ${DONATIONS.toLocaleString("en")} donations written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const server = startServer(storage, port);
    try {
      await waitHealthy(server, base);
      const headers = await signIn(base, password);
      return await use({ base, headers, pid: server.child.pid ?? 0, server });
    } finally {
      await server.stop();
    }
  } finally {
    await storage.remove();
  }
}
