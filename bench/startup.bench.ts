// How long until a freshly spawned server answers GET /api/health with 200.
// Timed from just before spawn to the first 200 (polling every 5 ms); stopping the server is not timed.
// The bundle is run directly (`node dist/cli.mjs serve`): bin/yokogushi.mjs would first check for stale bundles.
import { type Bench, ensureBuilt, freePort, log, removeDir, sample, spawnNode, tempDir, waitForHttp } from "./harness";

const SERVE = ["dist/cli.mjs", "serve"];
// The floor: the least a Node process can do to answer HTTP.
const BARE_HTTP = [
  "-e",
  "require('node:http').createServer((q, s) => { s.writeHead(200); s.end('ok'); })" + ".listen(Number(process.env.PORT), '127.0.0.1')",
];

/** Spawns `node <args>` on a free port and returns the ms until /api/health answers 200; then stops it. */
async function timeToHealthy(args: string[], env: Record<string, string> = {}): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const server = spawnNode(args, { ...env, PORT: String(port) });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/api/health`, { timeoutMs: 120_000, intervalMs: 5, process: server.child });
    return performance.now() - started;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n--- output of node ${args.join(" ")} ---\n${server.output()}`);
  } finally {
    await server.stop();
  }
}

export default [
  {
    name: "startup",
    description: "spawn → first 200 from /api/health, PGlite on an existing data directory (median of 5); floor: a bare node http server",
    async run() {
      ensureBuilt();
      const dataDir = tempDir("startup");
      try {
        // The first start creates the database (initdb, migrations, demo data); the measured starts reopen it.
        const first = await timeToHealthy(SERVE, { DATA_DIR: dataDir });
        log(`data directory prepared (first start ${first.toFixed(0)} ms)`);
        const value = await sample(() => timeToHealthy(SERVE, { DATA_DIR: dataDir }), { warmup: 1, iterations: 5 });
        const floor = await sample(() => timeToHealthy(BARE_HTTP), { warmup: 1, iterations: 5 });
        return { value, unit: "ms", floor };
      } finally {
        removeDir(dataDir);
      }
    },
  },
  {
    name: "startup.first",
    description: "spawn → first 200 from /api/health on an empty data directory: initdb, migrations, demo data (median of 3)",
    async run() {
      ensureBuilt();
      const value = await sample(
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
      return { value, unit: "ms" };
    },
  },
] satisfies Bench[];
