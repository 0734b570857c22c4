// Scheduled tasks (housekeeping: pruning, expiring) run on a timer in every process that runs workers. Each task is
// idempotent, so several processes running the same one do no harm; a failure is logged and the next run tries again.
import type { Db } from "../db/database";
import type { Logger } from "./logger";

export interface ScheduledTask {
  /** shown in the logs */
  name: string;
  everyMinutes: number;
  run: (db: Db, log: Logger) => Promise<unknown>;
}

/** Runs each task once now and then every `everyMinutes`; returns the function that stops them all. */
export function startScheduledTasks(db: Db, log: Logger, tasks: readonly ScheduledTask[]): () => void {
  const timers = tasks.map((task) => {
    const run = () => task.run(db, log).catch((error: unknown) => log.warn({ err: error, task: task.name }, "scheduled task failed"));
    void run();
    const timer = setInterval(run, task.everyMinutes * 60_000);
    timer.unref();
    return timer;
  });
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}
