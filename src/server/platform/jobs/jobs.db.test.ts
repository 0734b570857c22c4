// Jobs survive a restart: a job queued by a process that stops before running it is run by the next process.
// A job that fails, or whose process died under it, is reported failed and never run again (issue 11, finding 3).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Db, openPglite, openPostgres } from "../../db/database";
import { migrate } from "../../db/migrate";
import { createTestDb, type TestDb, testDbKind } from "../../testing/db";
import { createLogger } from "../logger";
import { ABANDONED_RUN_MESSAGE, getJobRun, JobQueue, registerJobHandler } from "./jobs";

const log = createLogger("silent");
const KIND = "test.count";
const ran: string[] = [];
registerJobHandler<{ label: string }>(KIND, async (data, { progress }) => {
  await progress(1, 2, "半分");
  ran.push(data.label);
  await progress(2, 2, "完了");
  return { label: data.label };
});

const THROWS = "test.throws";
const CRASHES = "test.crashes";
const calls: Record<string, number> = {};
registerJobHandler<{ message: string }>(THROWS, async (data) => {
  calls[data.message] = (calls[data.message] ?? 0) + 1;
  throw new Error(data.message);
});
registerJobHandler(CRASHES, async () => {
  calls.crashes = (calls.crashes ?? 0) + 1;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** pg-boss's own state of the job, once it has stopped counting it as active. */
async function bossState(db: Db, id: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const { rows } = await db.query<{ state: string }>("SELECT state::text AS state FROM pgboss.job WHERE id = $1", [id]);
    if (rows[0] && rows[0].state !== "active") return rows[0].state;
    await sleep(100);
  }
  throw new Error("job still active");
}

async function waitFor(db: Db, id: string) {
  for (let i = 0; i < 300; i++) {
    const run = await getJobRun(db, id);
    if (run.status === "succeeded" || run.status === "failed") return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("job did not finish");
}

describe("job queue", () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it("runs a job queued before a restart once the next process starts its workers", async () => {
    let reopen: () => Promise<Db>;
    let first: Db;
    let url: string | null = null;
    if (testDbKind() === "postgres") {
      const testDb: TestDb = await createTestDb();
      cleanups.push(() => testDb.cleanup());
      url = testDb.url;
      first = openPostgres(testDb.url!);
      reopen = async () => openPostgres(testDb.url!);
    } else {
      const dir = mkdtempSync(path.join(tmpdir(), "yk-jobs-"));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      first = await openPglite(dir);
      await migrate(first);
      reopen = () => openPglite(dir);
    }
    // Process 1: takes no jobs (WORKERS=off), queues one, and stops.
    const producer = new JobQueue(first, log, url);
    await producer.start({ workers: false });
    const id = await producer.enqueue(KIND, { label: "before-restart" }, null);
    await producer.stop();
    expect((await getJobRun(first, id)).status).toBe("queued");
    await first.close();

    // Process 2: the same database reopened, workers on.
    const second = await reopen();
    cleanups.push(() => second.close());
    const consumer = new JobQueue(second, log, url);
    cleanups.push(() => consumer.stop());
    await consumer.start({ workers: true });
    const run = await waitFor(second, id);
    expect(run.status).toBe("succeeded");
    expect(run.progress).toBe(2);
    expect(run.total).toBe(2);
    expect(run.message).toBe("完了");
    expect(run.result).toEqual({ label: "before-restart" });
    expect(ran.filter((label) => label === "before-restart")).toHaveLength(1);
  }, 120_000);

  it("finding 3: a job whose handler throws is marked failed once, with a Japanese message, and is not run again", async () => {
    const t = await createTestDb();
    cleanups.push(() => t.cleanup());
    const queue = new JobQueue(t.db, log, t.url);
    cleanups.push(() => queue.stop());
    await queue.start({ workers: true });
    const domain = await queue.enqueue(THROWS, { message: "受領証明書の PDF を作る途中でメモリが足りなくなりました。" }, null);
    const internal = await queue.enqueue(THROWS, { message: "ENOMEM: out of memory" }, null);
    const shown = await waitFor(t.db, domain);
    expect(shown.status).toBe("failed");
    expect(shown.error).toBe("受領証明書の PDF を作る途中でメモリが足りなくなりました。");
    // An error without a message for people is shown as a plain Japanese one (its details go to the log).
    const plain = await waitFor(t.db, internal);
    expect(plain.status).toBe("failed");
    expect(plain.error).toMatch(/^処理中にエラーが発生しました。/);
    // pg-boss holds them as failed, not waiting for a retry, and nothing runs them again (the old retry delay was 5 s).
    expect(await bossState(t.db, domain)).toBe("failed");
    expect(await bossState(t.db, internal)).toBe("failed");
    await sleep(7000);
    expect(calls["受領証明書の PDF を作る途中でメモリが足りなくなりました。"]).toBe(1);
    expect(calls["ENOMEM: out of memory"]).toBe(1);
    const attempts = await t.db.query<{ attempts: number; status: string }>(
      "SELECT attempts, status FROM job_runs WHERE id = ANY($1::uuid[])",
      [[domain, internal]],
    );
    expect(attempts.rows).toEqual([
      { attempts: 1, status: "failed" },
      { attempts: 1, status: "failed" },
    ]);
  }, 120_000);

  it("finding 3: a job left running by a process that died is reported failed when the next process starts, and is not run again", async () => {
    const t = await createTestDb();
    cleanups.push(() => t.cleanup());
    const producer = new JobQueue(t.db, log, t.url);
    await producer.start({ workers: false });
    const id = await producer.enqueue(CRASHES, {}, null);
    await producer.stop();
    // What a server killed in the middle of the job (out of memory) leaves: the run "running" under that process's
    // name, and pg-boss's job active.
    const deadPid = spawnSync(process.execPath, ["-e", ""]).pid;
    await t.db.query("UPDATE job_runs SET status = 'running', attempts = 1, worker = $2 WHERE id = $1", [id, `${hostname()}:${deadPid}`]);
    await t.db.query("UPDATE pgboss.job SET state = 'active', started_on = now() WHERE id = $1", [id]);

    const restarted = new JobQueue(t.db, log, t.url);
    cleanups.push(() => restarted.stop());
    await restarted.start({ workers: true });
    const run = await getJobRun(t.db, id);
    expect(run.status).toBe("failed");
    expect(run.error).toBe(ABANDONED_RUN_MESSAGE);
    expect(await bossState(t.db, id)).toBe("failed");
    await sleep(3000);
    expect(calls.crashes).toBeUndefined();
    expect((await getJobRun(t.db, id)).status).toBe("failed");
  }, 120_000);
});
