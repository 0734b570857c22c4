// Jobs survive a restart: a job queued by a process that stops before running it is run by the next process.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type Db, openPglite, openPostgres } from "../../db/database";
import { migrate } from "../../db/migrate";
import { createTestDb, type TestDb, testDbKind } from "../../testing/db";
import { createLogger } from "../logger";
import { getJobRun, JobQueue, registerJobHandler } from "./jobs";

const log = createLogger("silent");
const KIND = "test.count";
const ran: string[] = [];
registerJobHandler<{ label: string }>(KIND, async (data, { progress }) => {
  await progress(1, 2, "半分");
  ran.push(data.label);
  await progress(2, 2, "完了");
  return { label: data.label };
});

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
});
