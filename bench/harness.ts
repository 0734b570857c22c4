// The benchmark contract and small helpers every bench file uses. See bench/README.md.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * What one benchmark reports: `floor` is the same measurement for the simplest thing that could do the job; `extra`
 * holds named figures printed beside `value` in the JSON line (an HTTP bench's `rps` and `p50`).
 */
export type BenchResult = { value: number; unit: string; floor?: number; extra?: Record<string, number> };

/** A bench file (`bench/<topic>.bench.ts`) does `export default [ … ] satisfies Bench[]`. */
export type Bench = {
  /** Stable, dotted, lower-case: `startup`, `startup.first`, `csv.export.cp932`. Selected by prefix. */
  name: string;
  /** One sentence: what is measured and against which floor. */
  description: string;
  run(): Promise<BenchResult>;
};

/** Thrown by a bench that cannot run on this machine (no PostgreSQL answers): the runner logs why and goes on. */
export class BenchSkipped extends Error {
  override name = "BenchSkipped";
}

export const repoRoot = fileURLToPath(new URL("../", import.meta.url));

/** Logs for people. stdout belongs to the results (`npm run bench -- --json`), so this writes to stderr. */
export function log(message: string): void {
  process.stderr.write(`  ${message}\n`);
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export type Repeat = { warmup?: number; iterations?: number };

/** Runs `fn` `warmup` times unmeasured, then `iterations` times, and returns the median wall time in ms. */
export async function timeIt(fn: () => unknown, { warmup = 1, iterations = 5 }: Repeat = {}): Promise<number> {
  return sample(
    async () => {
      const started = performance.now();
      await fn();
      return performance.now() - started;
    },
    { warmup, iterations },
  );
}

/**
 * Like timeIt, for measurements that need setup or teardown outside the timed part:
 * `fn` does its own measuring and returns the number; the median of `iterations` runs is returned.
 */
export async function sample(fn: () => Promise<number>, { warmup = 1, iterations = 5 }: Repeat = {}): Promise<number> {
  for (let i = 0; i < warmup; i++) await fn();
  const values: number[] = [];
  for (let i = 0; i < iterations; i++) values.push(await fn());
  return median(values);
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `yokogushi-bench-${prefix}-`));
}

export function removeDir(path: string): void {
  rmSync(path, { recursive: true, force: true });
}

/** One GET; resolves with the status code, or undefined when nothing answers yet. */
function getStatus(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = request(url, { agent: false, timeout: 2_000 }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode));
      response.on("error", () => resolve(undefined));
    });
    req.on("timeout", () => req.destroy());
    req.on("error", () => resolve(undefined));
    req.end();
  });
}

/**
 * Polls `url` every `intervalMs` until it answers `status`. Gives up after `timeoutMs`, or at once when
 * `process` (the server being waited for) exits.
 */
export async function waitForHttp(
  url: string,
  {
    status = 200,
    timeoutMs = 60_000,
    intervalMs = 5,
    process: child,
  }: {
    status?: number;
    timeoutMs?: number;
    intervalMs?: number;
    process?: ChildProcess;
  } = {},
): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) {
      throw new Error(`process exited (${child.signalCode ?? `exit code ${child.exitCode}`}) before ${url} answered`);
    }
    if ((await getStatus(url)) === status) return;
    if (performance.now() > deadline) throw new Error(`${url} did not answer ${status} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

export type Spawned = {
  child: ChildProcess;
  /** The last few kB the process wrote to stderr (and stdout when captured), for error messages. */
  output(): string;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has exited. */
  stop(graceMs?: number): Promise<void>;
};

/** Spawns `node <args>` from the repository root; output is drained (never blocks the child) and its tail kept. */
export function spawnNode(args: string[], env: Record<string, string> = {}): Spawned {
  const child = spawn(process.execPath, args, {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let tail = "";
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString("utf8")).slice(-8_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    child,
    output: () => tail,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}

let built = false;
/** Runs `node scripts/build.mjs` once per bench run (it rebuilds only stale bundles). */
export function ensureBuilt(): void {
  if (built) return;
  const script = join(repoRoot, "scripts", "build.mjs");
  if (!existsSync(script)) throw new Error("scripts/build.mjs is missing: cannot build the server");
  const result = spawnSync(process.execPath, [script], { cwd: repoRoot, stdio: ["ignore", 2, 2] });
  if (result.status !== 0) throw new Error(`node scripts/build.mjs failed (${result.signal ?? result.status})`);
  built = true;
}
