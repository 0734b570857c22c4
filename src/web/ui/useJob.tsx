// Long work (imports, exports, PDF batches) runs as a server job; this polls its progress and shows it.
import { Alert, Progress, Stack, Text, VisuallyHidden } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { getJob, type JobRun } from "../../common/api/platform";
import { call } from "../api/client";
import { m } from "../messages";
import { ErrorAlert } from "./ErrorAlert";

/** Polls GET /api/jobs/:id every second while the job is queued or running. */
export function useJob(jobId: string | null | undefined) {
  return useQuery({
    queryKey: ["job", jobId],
    queryFn: () => call(getJob, { params: { id: jobId as string } }),
    enabled: Boolean(jobId),
    refetchInterval: (query) => {
      const status = query.state.data?.status;
      return status === "succeeded" || status === "failed" ? false : 1000;
    },
  });
}

export function jobPercent(job: Pick<JobRun, "progress" | "total" | "status" | "rejected">): number | null {
  if (job.rejected) return null;
  if (job.status === "succeeded") return 100;
  if (job.total === null || job.total <= 0) return null;
  return Math.max(0, Math.min(100, Math.round((job.progress / job.total) * 100)));
}

/**
 * A labelled progress bar for a job (indeterminate-looking striped bar when the total is unknown).
 * Screen readers hear status changes (順番待ち → 処理中 → 完了) through a polite live region, not every percent.
 */
export function JobProgress({ jobId, label }: { jobId: string | null | undefined; label?: string }) {
  const job = useJob(jobId);
  if (!jobId) return null;
  if (job.error) return <ErrorAlert error={job.error} />;
  const data = job.data;
  const percent = data ? jobPercent(data) : null;
  // A refused file is not 完了（100%）: the run finished, but nothing was taken in.
  const statusText = data ? (data.rejected ? m.job.rejected : m.job[data.status]) : m.job.queued;
  const stopped = data?.status === "failed" || Boolean(data?.rejected);
  return (
    <Stack gap={4}>
      <Text size="sm" id={`job-${jobId}-label`}>
        {label ?? m.job.progressLabel}: {statusText}
        {percent !== null ? `（${percent}%）` : ""}
      </Text>
      {/* The ARIA attributes go on the section (the element with role="progressbar"), not on the root div:
          Mantine's <Progress> puts extra props on the root and always writes its own aria-valuetext. */}
      <Progress.Root>
        <Progress.Section
          value={percent ?? 100}
          striped={percent === null && !stopped}
          animated={data?.status === "running" || data?.status === "queued"}
          color={stopped ? "red" : undefined}
          withAria={false}
          role="progressbar"
          aria-labelledby={`job-${jobId}-label`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent ?? undefined}
          aria-valuetext={percent !== null ? `${percent}%` : statusText}
        />
      </Progress.Root>
      <VisuallyHidden role="status" aria-live="polite">
        {m.job.statusNow(statusText)}
      </VisuallyHidden>
      {data?.message && (
        <Text size="sm" aria-live="polite">
          {data.message}
        </Text>
      )}
      {data?.error && (
        <Alert color="red" title={m.job.failed} role="alert">
          {data.error}
        </Alert>
      )}
    </Stack>
  );
}
