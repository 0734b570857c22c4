// How long until a freshly spawned server answers GET /api/health with 200.
// Timed from just before spawn to the first 200 (polling every 5 ms); stopping the server is not timed.
// The bundle is run directly (`node dist/cli.mjs serve`): bin/yokogushi.mjs would first check for stale bundles.
import { readFileSync } from "node:fs";
import { type Bench, ensureBuilt, freePort, log, median, removeDir, spawnNode, tempDir, waitForHttp } from "./harness";

const SERVE = ["dist/cli.mjs", "serve"];
// The floor: the least a Node process can do to answer HTTP.
const BARE_HTTP = [
  "-e",
  "require('node:http').createServer((q, s) => { s.writeHead(200); s.end('ok'); })" + ".listen(Number(process.env.PORT), '127.0.0.1')",
];

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux; NaN elsewhere). On a shared 2-core
 * machine the wall time swings with other work; the CPU a start costs hardly does, so it is reported beside it.
 */
function cpuMsOf(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1].split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
  } catch {
    return Number.NaN;
  }
}

/** Spawns `node <args>` on a free port, waits until /api/health answers 200, then stops it: wall and CPU ms to there. */
async function timeToHealthy(args: string[], env: Record<string, string> = {}): Promise<{ ms: number; cpuMs: number }> {
  const port = await freePort();
  const started = performance.now();
  const server = spawnNode(args, { ...env, PORT: String(port) });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, { timeoutMs: 120_000, intervalMs: 5, process: server.child });
    const ms = performance.now() - started;
    return { ms, cpuMs: cpuMsOf(server.child.pid) };
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- output of node ${args.join(" ")} ---\n${server.output()}`);
  } finally {
    await server.stop();
  }
}

/** Medians of `iterations` starts after `warmup` unmeasured ones. */
async function sampleStarts(start: () => Promise<{ ms: number; cpuMs: number }>, { warmup = 1, iterations = 5 } = {}) {
  for (let i = 0; i < warmup; i++) await start();
  const runs: { ms: number; cpuMs: number }[] = [];
  for (let i = 0; i < iterations; i++) runs.push(await start());
  return { ms: median(runs.map((run) => run.ms)), cpuMs: median(runs.map((run) => run.cpuMs)) };
}

export default [
  {
    name: "startup",
    description: "spawn → first 200 from /api/health, PGlite on an existing data directory (median of 5); floor: a bare node http server",
    async run() {
      ensureBuilt();
      const dataDir = tempDir("startup");
      try {
        // The first start creates the database (from the build's template or by initdb and migrations, then demo data);
        // the measured starts reopen it.
        const first = await timeToHealthy(SERVE, { DATA_DIR: dataDir });
        log(`data directory prepared (first start ${first.ms.toFixed(0)} ms)`);
        const value = await sampleStarts(() => timeToHealthy(SERVE, { DATA_DIR: dataDir }), { warmup: 1, iterations: 5 });
        const floor = await sampleStarts(() => timeToHealthy(BARE_HTTP), { warmup: 1, iterations: 5 });
        return { value: value.ms, unit: "ms", floor: floor.ms, extra: { cpuMs: value.cpuMs, floorCpuMs: floor.cpuMs } };
      } finally {
        removeDir(dataDir);
      }
    },
  },
  {
    name: "startup.first",
    description:
      "spawn → first 200 from /api/health on an empty data directory: the build's migrated empty database (or initdb and migrations without one), demo data (median of 3)",
    async run() {
      ensureBuilt();
      const value = await sampleStarts(
        async () => {
          const dataDir = tempDir("startup-first");
          try {
            return await timeToHealthy(SERVE, { DATA_DIR: dataDir });
          } finally {
            removeDir(dataDir);
          }
        },
        { warmup: 1, iterations: 3 },
      );
      return { value: value.ms, unit: "ms", extra: { cpuMs: value.cpuMs } };
    },
  },
] satisfies Bench[];
