// http.* / memory.after_load*: the request path under load, with autocannon (20 connections, loopback, 10 s after a
// 2 s warm-up) against the built server (bench/http-scenario.ts: 200,000 donations, a signed-in furusato manager).
//   http.health        GET /api/health (anonymous; a real database round trip)
//   http.list          GET /api/furusato/donations?page=1&pageSize=50 as the manager (session, audience, count, page)
//   memory.after_load  the server's resident size (VmRSS) right after the http.list load
//   memory.after_import_1m  the resident size of a server on PostgreSQL that has just imported 1,000,000 donation
//                      rows through its own import (16 uploads of 62,500 rows, ~17 MB each: an upload stops at
//                      20 MB), each a job run to the end before the next is sent
// The .pg variants run the same on a throw-away PostgreSQL database and are skipped when none answers.
// value = p99 in ms, with rps and p50 beside it; floor = the p99 of a bare Hono app on @hono/node-server answering
// a small JSON in a child process, measured once per run the same way.
import { readFileSync } from "node:fs";
import autocannon from "autocannon";
import { sampleGenericRows } from "../src/server/modules/furusato/ledger/sample-donations";
import { writeCsv } from "../src/server/platform/tabular/csv-write";
import { type Bench, type BenchResult, freePort, log, spawnNode, waitForHttp } from "./harness";
import { type Backend, withLoadedServer } from "./http-scenario";

const CONNECTIONS = 20;
const WARMUP_SECONDS = 2;
const SECONDS = 10;
const LIST_PATH = "/api/furusato/donations?page=1&pageSize=50";

interface Load {
  p99: number;
  p50: number;
  rps: number;
}

// A slow answer is measured, not dropped: autocannon leaves timed-out requests out of its latencies.
const TIMEOUT_SECONDS = 120;

async function load(url: string, headers: Record<string, string> = {}, seconds = SECONDS): Promise<Load> {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers, timeout: TIMEOUT_SECONDS });
  if (result.errors > 0 || result.non2xx > 0) {
    throw new Error(`${url}: ${result.non2xx} answers other than 2xx and ${result.errors} errors in ${result.requests.total} requests`);
  }
  return { p99: result.latency.p99, p50: result.latency.p50, rps: result.requests.average };
}

async function measure(url: string, headers: Record<string, string> = {}): Promise<Load> {
  await load(url, headers, WARMUP_SECONDS);
  const measured = await load(url, headers);
  log(`${url.replace(/^http:\/\/[^/]+/, "")}: p50 ${measured.p50} ms, p99 ${measured.p99} ms, ${measured.rps.toFixed(0)} req/s`);
  return measured;
}

const BARE_HONO = [
  "--input-type=module",
  "-e",
  "import { Hono } from 'hono'; import { serve } from '@hono/node-server';" +
    "const app = new Hono(); app.get('/api/health', (c) => c.json({ status: 'ok' }));" +
    "serve({ fetch: app.fetch, port: Number(process.env.PORT), hostname: '127.0.0.1' });",
];

let floor: Promise<Load> | undefined;
/** The bare Hono reply under the same load, once per run. */
function bareHonoFloor(): Promise<Load> {
  floor ??= (async () => {
    const port = await freePort();
    const server = spawnNode(BARE_HONO, { PORT: String(port) });
    try {
      const url = `http://127.0.0.1:${port}/api/health`;
      await waitForHttp(url, { timeoutMs: 30_000, process: server.child });
      log("floor (bare Hono):");
      return await measure(url);
    } finally {
      await server.stop();
    }
  })();
  return floor;
}

function residentMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  if (!Number.isFinite(kb)) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return kb / 1024;
}

interface BackendRun {
  health: Load;
  list: Load;
  rssMb: number;
}

// One prepared server per backend and run: http.health, http.list and memory.after_load read the same run.
const runs = new Map<Backend, Promise<BackendRun>>();
function backendRun(backend: Backend): Promise<BackendRun> {
  let run = runs.get(backend);
  if (!run) {
    run = withLoadedServer(backend, async ({ base, headers, pid }) => {
      const health = await measure(`${base}/api/health`);
      const list = await measure(`${base}${LIST_PATH}`, headers);
      const rssMb = residentMb(pid);
      log(`${backend}: server RSS after the list load ${rssMb.toFixed(0)} MB`);
      return { health, list, rssMb };
    });
    runs.set(backend, run);
  }
  return run;
}

async function latency(backend: Backend, pick: (run: BackendRun) => Load): Promise<BenchResult> {
  const measured = pick(await backendRun(backend));
  const bare = await bareHonoFloor();
  return { value: measured.p99, unit: "ms", extra: { rps: measured.rps, p50: measured.p50 }, floor: bare.p99 };
}

const IMPORT_PARTS = 16;
const IMPORT_PART_ROWS = 62_500;

async function api<T>(base: string, path: string, init: RequestInit & { headers: Record<string, string> }): Promise<T> {
  const response = await fetch(`${base}${path}`, init);
  if (!response.ok) throw new Error(`${init.method ?? "GET"} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** One part of the million rows as the 汎用レイアウト's portal file (UTF-8 CSV), gifts of the sample catalog. */
function importPart(part: number): Uint8Array {
  const [header, ...rows] = sampleGenericRows({
    count: IMPORT_PART_ROWS,
    seed: 100 + part,
    from: "2025-04-01",
    to: "2026-11-20",
    orderPrefix: `MEM${String(part).padStart(2, "0")}-`,
    gifts: [
      { code: "KMF001", amount: 19000 },
      { code: "KKB001", amount: 32000 },
    ],
  });
  return writeCsv(header, rows, { encoding: "utf-8", lineEnding: "\n" }).bytes;
}

interface JobBody {
  status: string;
  error: string | null;
  result: { ok: boolean; created?: number } | null;
}

/** Uploads the parts one after another through the import route and waits for each job; the server's RSS after. */
async function residentAfterMillionImported(): Promise<number> {
  return withLoadedServer("postgres", async ({ base, headers, pid }) => {
    const { items } = await api<{ items: { id: string; portalCode: string; isSample: boolean }[] }>(
      base,
      "/api/furusato/donation-mappings",
      { headers },
    );
    const mapping = items.find((m) => m.portalCode === "ana");
    if (!mapping) throw new Error("no 取込設定 for the ana portal in the sample data");
    const started = performance.now();
    for (let part = 0; part < IMPORT_PARTS; part++) {
      const form = new FormData();
      form.append("file", new File([importPart(part) as Uint8Array<ArrayBuffer>], `寄附_${part}.csv`, { type: "text/csv" }));
      const { jobId } = await api<{ jobId: string }>(base, `/api/furusato/donation-mappings/${mapping.id}/imports`, {
        method: "POST",
        headers,
        body: form,
      });
      let job: JobBody;
      do {
        await new Promise((resolve) => setTimeout(resolve, 500));
        job = await api<JobBody>(base, `/api/jobs/${jobId}`, { headers });
      } while (job.status === "queued" || job.status === "running");
      if (job.status !== "succeeded" || !job.result?.ok || job.result.created !== IMPORT_PART_ROWS)
        throw new Error(`import part ${part} ended ${job.status}: ${job.error ?? JSON.stringify(job.result).slice(0, 300)}`);
    }
    const rssMb = residentMb(pid);
    log(
      `postgres: ${(IMPORT_PARTS * IMPORT_PART_ROWS).toLocaleString("en")} rows imported in ${((performance.now() - started) / 1000).toFixed(0)} s; server RSS ${rssMb.toFixed(0)} MB`,
    );
    return rssMb;
  });
}

const described = (what: string, backend: Backend) =>
  `${what} on ${backend === "pglite" ? "PGlite" : "PostgreSQL"}, autocannon ${CONNECTIONS} connections ${SECONDS} s: p99 ms (rps, p50 beside); floor: p99 of a bare Hono reply`;

export default [
  {
    name: "http.health",
    description: described("GET /api/health", "pglite"),
    run: () => latency("pglite", (r) => r.health),
  },
  {
    name: "http.list",
    description: described("50-row page of GET /api/furusato/donations over 200,000 donations, signed in as a furusato manager,", "pglite"),
    run: () => latency("pglite", (r) => r.list),
  },
  {
    name: "http.health.pg",
    description: described("GET /api/health", "postgres"),
    run: () => latency("postgres", (r) => r.health),
  },
  {
    name: "http.list.pg",
    description: described(
      "50-row page of GET /api/furusato/donations over 200,000 donations, signed in as a furusato manager,",
      "postgres",
    ),
    run: () => latency("postgres", (r) => r.list),
  },
  {
    name: "memory.after_load",
    description: "the server's resident size (VmRSS, MB) after the http.list load on PGlite (200,000 donations)",
    async run() {
      return { value: (await backendRun("pglite")).rssMb, unit: "MB" };
    },
  },
  {
    name: "memory.after_load.pg",
    description: "the server's resident size (VmRSS, MB) after the http.list.pg load on PostgreSQL (200,000 donations)",
    async run() {
      return { value: (await backendRun("postgres")).rssMb, unit: "MB" };
    },
  },
  {
    name: "memory.after_import_1m",
    description:
      "the server's resident size (VmRSS, MB) on PostgreSQL right after importing 1,000,000 donation rows through its own import (16 uploads of 62,500 rows, one job after another)",
    async run() {
      return { value: await residentAfterMillionImported(), unit: "MB" };
    },
  },
] satisfies Bench[];
