// Long work runs as a pg-boss job. pg-boss keeps the queue in PostgreSQL (so any number of server processes share it
// and a job survives a restart); `job_runs` keeps what the UI shows: status, progress and the result.
// On PGlite, pg-boss runs on the single embedded connection through its `db.executeSql` option.
// A job that fails is reported (job_runs: failed, with a Japanese message) and not tried again: long work (imports,
// exports, PDF batches) that failed or took the process down would most likely do the same again. A job kind may
// allow retries only with a recorded reason (JobPolicy.retry).
import { hostname } from "node:os";
import type PgBoss from "pg-boss";
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

export interface JobPolicy {
  /** how long one run may take before pg-boss gives it up (default 30 minutes; at most 23 hours) */
  expireInSeconds?: number;
  /** retries after a failure (never after a crash): only for work known to fail for passing reasons */
  retry?: { limit: number; reason: string };
}

const handlers = new Map<string, { handler: JobHandler; policy: JobPolicy }>();

/** Modules register their job kinds at import time; every process that runs workers knows every kind. */
export function registerJobHandler<T>(kind: string, handler: JobHandler<T>, policy: JobPolicy = {}): () => void {
  handlers.set(kind, { handler: handler as JobHandler, policy });
  return () => handlers.delete(kind);
}

/** The job kinds this process can run (registered by the modules' manifests). */
export function registeredJobKinds(): string[] {
  return [...handlers.keys()];
}

/** What the UI shows for a run that a process started and never finished (the process stopped or crashed). */
export const ABANDONED_RUN_MESSAGE =
  "処理が途中で止まりました（サーバーの停止やメモリ不足の可能性があります）。同じ失敗を繰り返さないよう、自動ではやり直しません。条件を見直して、もう一度実行してください。";

/** The message of a run that refused its input (see isRejectedResult). */
export const REJECTED_RUN_MESSAGE = "内容に誤りがあるため取り込みませんでした。何も変更していません。";

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** The failure as the UI shows it: domain errors carry a Japanese message; anything else gets a plain one. */
function failureMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return JAPANESE.test(message)
    ? message
    : "処理中にエラーが発生しました。しばらくしてからもう一度実行し、続くときは管理者に連絡してください。";
}

/**
 * Whether `worker` (host:pid, as job_runs and 受領証明書 batches record it) names a process of this host that no
 * longer exists. A process elsewhere, or one that still runs, is not judged here. `ownedHere` says whether this
 * process holds the work: a restarted server may get its predecessor's pid (in a container, always).
 */
export function isLocalProcessGone(worker: string | null, ownedHere: boolean): boolean {
  const match = worker ? /^(.*):(\d+)$/.exec(worker) : null;
  if (!match || match[1] !== hostname()) return false;
  const pid = Number(match[2]);
  if (pid === process.pid) return !ownedHere;
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
}

/** pg-boss (and its schema code) is loaded when the queue starts, after the server answers: not on the way to it. */
async function bossFor(db: Db, connectionString: string | null): Promise<PgBoss> {
  const { default: PgBoss } = await import("pg-boss");
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

export const WORKER_NAME = `${hostname()}:${process.pid}`;
// Queues made before this policy kept retryLimit 2: every job is sent with its own limit, which pg-boss prefers.
const QUEUE_OPTIONS = { retryLimit: 0, retryDelay: 5, expireInSeconds: 30 * 60 };
const POLLING_SECONDS = 1;
/** how often a worker process looks for runs that a stopped process left "running" */
const ABANDONED_CHECK_MS = 60_000;
/** runs this process is executing (every queue of the process) */
const inFlight = new Set<string>();

export class JobQueue {
  private boss: PgBoss | null = null;
  private started = false;
  private abandonedTimer: NodeJS.Timeout | null = null;
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
    private readonly connectionString: string | null,
  ) {
    // start() reports its own failure; this only keeps an un-awaited `ready` from counting as unhandled.
    this.ready.catch(() => {});
  }

  /** The started pg-boss: only reached after `ready` (enqueue) or inside start(). */
  private get queue(): PgBoss {
    if (!this.boss) throw new Error("job queue not started");
    return this.boss;
  }

  /** Creates the queues; with `workers`, this process also takes jobs from them. */
  async start(opts: { workers: boolean }): Promise<void> {
    try {
      const boss = await bossFor(this.db, this.connectionString);
      boss.on("error", (error) => this.log.error({ err: error }, "job queue error"));
      this.boss = boss;
      await boss.start();
      this.started = true;
      for (const kind of handlers.keys()) await this.ensureQueue(kind);
      if (opts.workers) {
        // Before taking work: runs that a stopped process left "running" are reported failed, not run again.
        await this.failAbandonedRuns();
        for (const kind of handlers.keys()) {
          await this.queue.work(kind, { batchSize: 1, pollingIntervalSeconds: POLLING_SECONDS }, async ([job]) =>
            this.run(kind, job.id, job.data),
          );
        }
        this.abandonedTimer = setInterval(() => {
          this.failAbandonedRuns().catch((error) => this.log.warn({ err: error }, "checking abandoned jobs failed"));
        }, ABANDONED_CHECK_MS);
        this.abandonedTimer.unref();
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
        if (await this.queue.getQueue(kind)) return;
        await this.queue.createQueue(kind, { name: kind, ...QUEUE_OPTIONS });
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
    if (this.abandonedTimer) clearInterval(this.abandonedTimer);
    this.abandonedTimer = null;
    await this.queue.stop({ graceful: true, timeout: 5000, close: !this.db.pglite });
  }

  async enqueue(kind: string, data: object, createdBy: string | null): Promise<string> {
    const registered = handlers.get(kind);
    if (!registered) throw new Error(`unknown job kind ${kind}`);
    const { policy } = registered;
    await this.ready;
    const { rows } = await this.db.query<{ id: string }>(
      "INSERT INTO job_runs (id, kind, status, created_by) VALUES (gen_random_uuid(), $1, 'queued', $2) RETURNING id",
      [kind, createdBy],
    );
    const id = rows[0].id;
    try {
      await this.queue.send(kind, data, {
        id,
        retryLimit: policy.retry?.limit ?? 0,
        ...(policy.expireInSeconds ? { expireInSeconds: policy.expireInSeconds } : {}),
      });
    } catch (error) {
      await this.db.query("UPDATE job_runs SET status = 'failed', error = $2, finished_at = now() WHERE id = $1", [
        id,
        "キューへの登録に失敗しました。",
      ]);
      throw error;
    }
    return id;
  }

  /**
   * Reports as failed the runs left "running" by a process that stopped (crashed, killed, out of memory): on this
   * host when that process is gone, anywhere once pg-boss no longer counts the job as active (it expired).
   */
  async failAbandonedRuns(): Promise<number> {
    const { rows } = await this.db.query<{ id: string; kind: string; worker: string | null }>(
      "SELECT id, kind, worker FROM job_runs WHERE status = 'running'",
    );
    let failed = 0;
    for (const run of rows) {
      if (inFlight.has(run.id) || !handlers.has(run.kind)) continue;
      const gone = isLocalProcessGone(run.worker, false);
      const job = gone ? null : await this.queue.getJobById(run.kind, run.id);
      if (!gone && job?.state === "active") continue;
      const marked = await this.db.query(
        "UPDATE job_runs SET status = 'failed', error = $2, finished_at = now(), updated_at = now() WHERE id = $1 AND status = 'running'",
        [run.id, ABANDONED_RUN_MESSAGE],
      );
      if (marked.rowCount === 0) continue;
      failed++;
      this.log.warn(
        { jobId: run.id, kind: run.kind, worker: run.worker },
        "job abandoned by a stopped process: reported failed, not retried",
      );
      // pg-boss still holds the job as active until it expires; end it now (a job without retries stays failed).
      if (gone) await this.queue.fail(run.kind, run.id, { reason: "abandoned" }).catch(() => {});
    }
    return failed;
  }

  private async run(kind: string, jobId: string, data: unknown): Promise<unknown> {
    const registered = handlers.get(kind);
    if (!registered) throw new Error(`no handler for ${kind}`);
    const { handler, policy } = registered;
    // A first run starts from 'queued'; a retry (only where the kind allows it) from 'failed'. A run still marked
    // 'running' was taken down with its process: it is reported, never run into the same crash again.
    const claimed = await this.db.query<{ attempts: number }>(
      `UPDATE job_runs SET status = 'running', attempts = attempts + 1, worker = $2, updated_at = now(),
         message = CASE WHEN status = 'failed' THEN $4 ELSE message END
       WHERE id = $1 AND (status = 'queued' OR (status = 'failed' AND attempts <= $3 AND error IS DISTINCT FROM $5))
       RETURNING attempts`,
      [
        jobId,
        WORKER_NAME,
        policy.retry?.limit ?? 0,
        policy.retry ? `再試行しています（${policy.retry.reason}）` : "",
        ABANDONED_RUN_MESSAGE,
      ],
    );
    if (claimed.rows[0] && claimed.rows[0].attempts > 1)
      this.log.info({ jobId, kind, attempt: claimed.rows[0].attempts, reason: policy.retry?.reason }, "job retried");
    if (claimed.rowCount === 0) {
      const marked = await this.db.query(
        "UPDATE job_runs SET status = 'failed', error = $2, finished_at = now(), updated_at = now() WHERE id = $1 AND status = 'running'",
        [jobId, ABANDONED_RUN_MESSAGE],
      );
      if (marked.rowCount > 0) this.log.warn({ jobId, kind }, "job abandoned by a stopped process: reported failed, not retried");
      return null;
    }
    inFlight.add(jobId);
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
      // A refused input replaces the last progress message (「41行を検証しています」), which would read as still working.
      await this.db.query(
        "UPDATE job_runs SET status = 'succeeded', result = $2, message = coalesce($3, message), finished_at = now(), updated_at = now() WHERE id = $1",
        [jobId, JSON.stringify(result ?? null), isRejectedResult(result) ? REJECTED_RUN_MESSAGE : null],
      );
      return result;
    } catch (error) {
      await this.db.query("UPDATE job_runs SET status = 'failed', error = $2, finished_at = now(), updated_at = now() WHERE id = $1", [
        jobId,
        failureMessage(error),
      ]);
      context.log.warn({ err: error }, "job failed");
      // pg-boss records the failure (and retries only where the kind's policy allows it).
      throw error;
    } finally {
      inFlight.delete(jobId);
    }
  }
}

/**
 * Whether a finished run refused its input: import jobs return `{ ok: false, … }` for a file they did not take.
 * Such a run succeeded as work but is shown as rejected (取り込みませんでした), never as 完了.
 */
export function isRejectedResult(result: unknown): boolean {
  return typeof result === "object" && result !== null && (result as { ok?: unknown }).ok === false;
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
    rejected: row.status === "succeeded" && isRejectedResult(row.result),
    createdAt: row.created_at.toISOString(),
    finishedAt: row.finished_at?.toISOString() ?? null,
    createdBy: row.created_by,
  };
}
