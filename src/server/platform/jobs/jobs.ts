// Long work runs as a pg-boss job. pg-boss keeps the queue in PostgreSQL (so any number of server processes share it
// and a job survives a restart); `job_runs` keeps what the UI shows: status, progress and the result.
// On PGlite, pg-boss runs on the single embedded connection through its `db.executeSql` option.
import { hostname } from "node:os";
import PgBoss from "pg-boss";
import type { JobRun } from "../../../common/api/platform";
import type { Db, Queryable } from "../../db/database";
import { NotFound } from "../errors";
import type { Logger } from "../logger";

export interface JobContext {
  db: Db;
  log: Logger;
  jobId: string;
  /** records progress for the UI: `done` of `total` units, with a short Japanese message */
  progress(done: number, total?: number | null, message?: string): Promise<void>;
}

export type JobHandler<T = unknown> = (data: T, context: JobContext) => Promise<unknown>;

const handlers = new Map<string, JobHandler>();

/** Modules register their job kinds at import time; every process that runs workers knows every kind. */
export function registerJobHandler<T>(kind: string, handler: JobHandler<T>): void {
  handlers.set(kind, handler as JobHandler);
}

function bossFor(db: Db, connectionString: string | null): PgBoss {
  const common = { schema: "pgboss", supervise: true, schedule: false, migrate: true } as const;
  if (db.pglite) {
    const pglite = db.pglite;
    return new PgBoss({
      ...common,
      db: {
        // pg-boss sends multi-statement scripts (BEGIN; …; COMMIT) without parameters: those go through exec.
        async executeSql(text: string, values?: unknown[]) {
          if (values && values.length > 0) return pglite.query(text, values);
          const results = await pglite.exec(text);
          return results.at(-1) ?? { rows: [] };
        },
      },
    });
  }
  return new PgBoss({ ...common, connectionString: connectionString ?? undefined, max: 4 });
}

const WORKER_NAME = `${hostname()}:${process.pid}`;
const QUEUE_OPTIONS = { retryLimit: 2, retryDelay: 5, expireInSeconds: 30 * 60 };
const POLLING_SECONDS = 1;

export class JobQueue {
  private boss: PgBoss;
  private started = false;
  private markStarted: () => void = () => {};
  private markFailed: (error: unknown) => void = () => {};
  /** settles when start() has created the queues (or failed to); enqueue waits for it */
  private readonly ready = new Promise<void>((resolve, reject) => {
    this.markStarted = resolve;
    this.markFailed = reject;
  });

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    connectionString: string | null,
  ) {
    this.boss = bossFor(db, connectionString);
    // start() reports its own failure; this only keeps an un-awaited `ready` from counting as unhandled.
    this.ready.catch(() => {});
    this.boss.on("error", (error) => this.log.error({ err: error }, "job queue error"));
  }

  /** Creates the queues; with `workers`, this process also takes jobs from them. */
  async start(opts: { workers: boolean }): Promise<void> {
    try {
      await this.boss.start();
      this.started = true;
      for (const kind of handlers.keys()) {
        await this.ensureQueue(kind);
        if (opts.workers) {
          await this.boss.work(kind, { batchSize: 1, pollingIntervalSeconds: POLLING_SECONDS }, async ([job]) =>
            this.run(kind, job.id, job.data),
          );
        }
      }
      this.markStarted();
    } catch (error) {
      // Enqueueing must fail, not wait for ever, when the queue could not start.
      this.markFailed(error);
      throw error;
    }
  }

  /**
   * Two processes starting at once both try to create a new queue; PostgreSQL may pick one as a deadlock victim.
   * The loser waits a moment and finds the queue made by the other (or tries again).
   */
  private async ensureQueue(kind: string): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        if (await this.boss.getQueue(kind)) return;
        await this.boss.createQueue(kind, { name: kind, ...QUEUE_OPTIONS });
        return;
      } catch (error) {
        if (attempt >= 5) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 100));
      }
    }
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 5000, close: !this.db.pglite });
  }

  async enqueue(kind: string, data: object, createdBy: string | null): Promise<string> {
    if (!handlers.has(kind)) throw new Error(`unknown job kind ${kind}`);
    await this.ready;
    const { rows } = await this.db.query<{ id: string }>(
      "INSERT INTO job_runs (id, kind, status, created_by) VALUES (gen_random_uuid(), $1, 'queued', $2) RETURNING id",
      [kind, createdBy],
    );
    const id = rows[0].id;
    try {
      await this.boss.send(kind, data, { id });
    } catch (error) {
      await this.db.query("UPDATE job_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1", [
        id,
        "キューへの登録に失敗しました。",
      ]);
      throw error;
    }
    return id;
  }

  private async run(kind: string, jobId: string, data: unknown): Promise<unknown> {
    const handler = handlers.get(kind);
    if (!handler) throw new Error(`no handler for ${kind}`);
    await this.db.query("UPDATE job_runs SET status = 'running', attempts = attempts + 1, worker = $2, updated_at = now() WHERE id = $1", [
      jobId,
      WORKER_NAME,
    ]);
    const context: JobContext = {
      db: this.db,
      log: this.log.child({ jobId, kind }),
      jobId,
      progress: async (done, total, message) => {
        await this.db.query(
          "UPDATE job_runs SET progress = $2, total = coalesce($3, total), message = coalesce($4, message), updated_at = now() WHERE id = $1",
          [jobId, done, total ?? null, message ?? null],
        );
      },
    };
    try {
      const result = await handler(data, context);
      await this.db.query("UPDATE job_runs SET status = 'succeeded', result = $2, finished_at = now(), updated_at = now() WHERE id = $1", [
        jobId,
        JSON.stringify(result ?? null),
      ]);
      return result;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.db.query("UPDATE job_runs SET status = 'failed', error = $2, finished_at = now(), updated_at = now() WHERE id = $1", [
        jobId,
        message,
      ]);
      context.log.warn({ err: error }, "job failed");
      throw error;
    }
  }
}

interface JobRunRow {
  id: string;
  kind: string;
  status: JobRun["status"];
  progress: number;
  total: number | null;
  message: string;
  result: unknown;
  error: string | null;
  created_by: string | null;
  created_at: Date;
  finished_at: Date | null;
}

export async function getJobRun(db: Queryable, id: string): Promise<JobRun & { createdBy: string | null }> {
  const { rows } = await db.query<JobRunRow>("SELECT * FROM job_runs WHERE id = $1", [id]);
  const row = rows[0];
  if (!row) throw new NotFound("ジョブ");
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: row.progress,
    total: row.total,
    message: row.message,
    result: row.result ?? null,
    error: row.error,
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    createdBy: row.created_by,
  };
}
