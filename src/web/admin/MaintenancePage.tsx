// /admin/maintenance (保守): maintenance tasks run as server jobs — for now, rebuilding the search index.
import { Alert, Paper, Stack, Text, Title } from "@mantine/core";
import { useEffect, useRef, useState } from "react";
import { startReindex } from "../../common/api/platform";
import { call } from "../api/client";
import { m } from "../messages";
import { ConfirmButton } from "../ui/ConfirmButton";
import { PageHeader } from "../ui/PageHeader";
import { JobProgress, useJob } from "../ui/useJob";

function indexedCount(result: unknown): number | null {
  if (result && typeof result === "object" && "indexed" in result && typeof result.indexed === "number") return result.indexed;
  return null;
}

function ReindexSection() {
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useJob(jobId);
  const status = job.data?.status;
  const running = jobId !== null && status !== "succeeded" && status !== "failed";
  const doneRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (status === "succeeded") requestAnimationFrame(() => doneRef.current?.focus());
  }, [status]);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="maintenance-reindex">
      <Title order={2} id="maintenance-reindex" mb="sm" className="yk-section-title">
        {m.maintenance.reindexHeading}
      </Title>
      <Stack gap="sm">
        <Text size="sm">{m.maintenance.reindexHelp}</Text>
        <div>
          <ConfirmButton
            message={m.maintenance.reindexConfirm}
            disabled={running}
            onConfirm={async () => {
              setJobId(null);
              const started = await call(startReindex, { body: {} });
              setJobId(started.jobId);
            }}
          >
            {m.maintenance.reindexButton}
          </ConfirmButton>
        </div>
        {jobId && <JobProgress jobId={jobId} label={m.maintenance.reindexProgress} />}
        {status === "succeeded" && (
          <Alert color="green" variant="light" styles={{ message: { color: "#1e5631" } }}>
            <Text ref={doneRef} tabIndex={-1} size="sm">
              {m.maintenance.reindexDone(indexedCount(job.data?.result))}
            </Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}

export function MaintenancePage() {
  return (
    <>
      <PageHeader title={m.maintenance.title} subtitle={m.maintenance.intro} />
      <Stack gap="lg">
        <ReindexSection />
      </Stack>
    </>
  );
}
