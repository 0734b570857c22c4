// Process entry for `yokogushi serve`: database, migrations, demo data on a first start, the one-time setup link,
// job workers and the HTTP server. Everything a request needs lives in the database, so several processes can
// serve one PostgreSQL behind a load balancer.
import { serve } from "@hono/node-server";
import { buildApp } from "./app";
import { type Config, loadConfig } from "./config";
import { openDatabase } from "./db/open";
import { loadDemoDataIfEmpty } from "./demo";
import { MODULES, registerModules } from "./modules";
import { signInHousekeepingTask } from "./platform/auth/housekeeping";
import { issueSetupToken } from "./platform/auth/service";
import { JobQueue } from "./platform/jobs/jobs";
import { createLogger } from "./platform/logger";
import { startScheduledTasks } from "./platform/scheduler";

const JOB_START_DELAY_MS = 1000;

export interface RunningServer {
  url: string;
  setupUrl: string | null;
  stop(): Promise<void>;
}

export async function startServer(config: Config = loadConfig()): Promise<RunningServer> {
  const log = createLogger(config.logLevel);
  // Time since the process started, before this function: Node and the bundle's modules loading.
  const phases: Record<string, number> = { load: Math.round(performance.now()) };
  let mark = performance.now();
  const phase = (name: string) => {
    const now = performance.now();
    phases[name] = Math.round(now - mark);
    mark = now;
  };
  registerModules();
  phase("modules");
  const database = await openDatabase(config, { phase });
  const { db } = database;
  try {
    if (config.loadDemoData) await loadDemoDataIfEmpty(db, log);
    phase("demoData");
    const jobs = new JobQueue(db, log, config.databaseUrl);
    const app = buildApp({ db, config, log, jobs });
    phase("app");
    const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
    });
    phase("http");
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    const base = config.publicUrl ?? `http://localhost:${port}`;
    const setupToken = await issueSetupToken(db);
    const setupUrl = setupToken ? `${base}/setup?token=${setupToken}` : null;
    phase("setupToken");
    log.info({ startupMs: phases, sinceProcessStart: Math.round(performance.now()) }, "ready");
    // The job queue and the scheduled tasks start a moment after the server answers: their set-up and first queries
    // share PGlite's one connection and would otherwise hold up the first requests. Enqueueing waits for the queue
    // (JobQueue.enqueue); each scheduled task still runs once at start-up, a second later.
    const scheduled = [signInHousekeepingTask, ...MODULES.flatMap((module) => module.scheduled ?? [])];
    let stopScheduled = () => {};
    const jobsStarted = new Promise<void>((resolve) => setTimeout(resolve, JOB_START_DELAY_MS)).then(() => {
      if (config.runWorkers) stopScheduled = startScheduledTasks(db, log, scheduled);
      return jobs.start({ workers: config.runWorkers });
    });
    jobsStarted.then(
      () => log.info("job queue started"),
      (error: unknown) => log.error({ err: error }, "job queue failed to start"),
    );

    let stopping: Promise<void> | null = null;
    const stop = () =>
      (stopping ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Idle keep-alive connections would hold close() open until they time out.
          if ("closeIdleConnections" in server) server.closeIdleConnections();
        });
        await jobsStarted.catch(() => {});
        stopScheduled();
        await jobs.stop().catch((error) => log.warn({ err: error }, "job queue stop failed"));
        await database.close();
      })());
    return { url: base, setupUrl, stop };
  } catch (error) {
    await database.close();
    throw error;
  }
}
