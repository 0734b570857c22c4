// The job queue a service enqueues on: absent when the process runs without the job runner (some tests, the CLI).
import { AppError } from "../errors";
import type { JobQueue } from "./jobs";

export function availableJobs(jobs: JobQueue | null | undefined): JobQueue {
  if (!jobs) throw new AppError(503, "jobs_unavailable", "ジョブ実行基盤が起動していません。");
  return jobs;
}
