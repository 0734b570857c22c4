// Starts the real server (the production bundle) for a browser test: own temp DATA_DIR, own free port.
// The bundles are built once per run by e2e/lib/global-setup.ts.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cliPath = join(root, "dist", "cli.mjs");
const SETUP_URL = /(https?:\/\/\S*?)?(\/setup\?token=[\w.~%-]+)/;

export type StartServerOptions = {
  /** An existing data directory (kept after stop). Without it a fresh temp directory is used and removed. */
  dataDir?: string;
  /** Extra environment for the server process (PORT and DATA_DIR are set here). */
  env?: Record<string, string>;
  /** How long to wait for GET /api/health to answer 200. */
  timeoutMs?: number;
};

export type RunningServer = {
  /** Base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  dataDir: string;
  /** The one-time setup URL the first start prints (`…/setup?token=…`), absolute, if it was printed. */
  readonly setupUrl: string | undefined;
  /** Waits for the setup URL in case it is printed after the health check first answers. */
  waitForSetupUrl(timeoutMs?: number): Promise<string>;
  /** Everything the server printed so far. */
  output(): { stdout: string; stderr: string };
  /** SIGTERM, wait for a clean exit (SIGKILL after 10 s), then remove the temp data directory. */
  stop(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
};

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

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) child.kill("SIGKILL");
});

export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  if (!existsSync(cliPath)) {
    throw new Error(`${cliPath} is missing: run \`node scripts/build.mjs\` (the e2e globalSetup does it once per run)`);
  }
  const ownDataDir = !options.dataDir;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), "yokogushi-e2e-data-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let stdout = "";
  let stderr = "";

  const child = spawn(process.execPath, [cliPath, "serve"], {
    cwd: root,
    env: { ...process.env, TZ: "Asia/Tokyo", ...options.env, PORT: String(port), DATA_DIR: dataDir },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once("exit", (code, signal) => {
      running.delete(child);
      resolve({ code, signal });
    });
  });
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const findSetupUrl = (): string | undefined => {
    const match = SETUP_URL.exec(stdout);
    if (!match) return undefined;
    return match[1] ? `${match[1]}${match[2]}` : `${url}${match[2]}`;
  };
  const tail = () => `\n--- stdout ---\n${stdout.slice(-4000)}\n--- stderr ---\n${stderr.slice(-4000)}`;

  const stop = async () => {
    if (!hasExited) {
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
      await exited;
      clearTimeout(timer);
    }
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true });
    return exited;
  };

  const timeoutMs = options.timeoutMs ?? 90_000;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (hasExited) {
      const { code, signal } = await exited;
      await stop();
      throw new Error(`server exited before it was ready (${signal ?? `exit code ${code}`})${tail()}`);
    }
    if (await isHealthy(url)) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not answer ${url}/api/health with 200 within ${timeoutMs} ms${tail()}`);
    }
    await sleep(50);
  }

  return {
    url,
    port,
    dataDir,
    get setupUrl() {
      return findSetupUrl();
    },
    async waitForSetupUrl(waitMs = 10_000) {
      const until = Date.now() + waitMs;
      for (;;) {
        const found = findSetupUrl();
        if (found) return found;
        if (Date.now() > until || hasExited) throw new Error(`no /setup?token= URL in the server output${tail()}`);
        await sleep(50);
      }
    },
    output: () => ({ stdout, stderr }),
    stop,
  };
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
    await response.arrayBuffer();
    return response.status === 200;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
