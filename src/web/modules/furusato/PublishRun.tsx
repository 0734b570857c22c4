// The running 「一括出力」 job (PublishPage.tsx): its progress, then the summary, the zip's download (started by
// itself once) and the way back to a new plan.
import { Alert, Button, Group, List, Paper, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { downloadExport, publishPlan } from "../../../common/api/furusato";
import { urlFor } from "../../api/client";
import { ButtonLink } from "../../ui/links";
import { JobProgress, useJob } from "../../ui/useJob";
import { fm } from "./messages";
import { furusatoKeys } from "./queries";

/** What the publish job leaves in its result. */
const publishResult = publishPlan.extend({ exportId: z.string(), fileId: z.string() });
type PublishResult = z.infer<typeof publishResult>;

export function PublishRun({ jobId, onRestart }: { jobId: string; onRestart: () => void }) {
  const queryClient = useQueryClient();
  const job = useJob(jobId);
  const status = job.data?.status;
  const parsed = status === "succeeded" ? publishResult.safeParse(job.data?.result) : null;
  const result: PublishResult | null = parsed?.success ? parsed.data : null;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const downloaded = useRef(false);
  const [autoStarted, setAutoStarted] = useState(false);
  const href = result ? urlFor(downloadExport, { params: { id: result.exportId } }) : null;

  useEffect(() => {
    if (status !== "succeeded" && status !== "failed") return;
    // Statuses of approved gifts change to ポータル登録済; the history gains a row.
    queryClient.invalidateQueries({ queryKey: furusatoKeys.all });
    requestAnimationFrame(() => headingRef.current?.focus());
  }, [status, queryClient]);

  useEffect(() => {
    if (!href || downloaded.current) return;
    downloaded.current = true;
    const link = document.createElement("a");
    link.href = href;
    link.download = "";
    document.body.appendChild(link);
    link.click();
    link.remove();
    setAutoStarted(true);
  }, [href]);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="publish-run-heading">
      <Title order={2} id="publish-run-heading" mb="sm" className="yk-section-title" ref={headingRef} tabIndex={-1}>
        {status === "succeeded" ? fm.publish.resultHeading : status === "failed" ? fm.publish.failed : fm.publish.progressLabel}
      </Title>
      <Stack gap="md">
        <JobProgress jobId={jobId} label={fm.publish.progressLabel} />
        <VisuallyHidden role="status" aria-live="polite">
          {result ? fm.publish.resultSummary(result.rowCount, result.fieldsSaved, result.held.length) : ""}
        </VisuallyHidden>
        {result && href && (
          <Alert color="green" variant="light">
            <Stack gap="xs">
              <Text fw={700}>{fm.publish.resultSummary(result.rowCount, result.fieldsSaved, result.held.length)}</Text>
              <List size="sm" spacing={2}>
                {result.diff
                  .filter((d) => d.added.length + d.changed.length + d.stopped.length > 0)
                  .map((d) => (
                    <List.Item key={d.portalCode}>
                      {fm.publish.resultPortal(d.portalName, d.added.length, d.changed.length, d.stopped.length)}
                    </List.Item>
                  ))}
              </List>
              {autoStarted && <Text size="sm">{fm.publish.downloadStarted}</Text>}
              <Group gap="sm" wrap="wrap">
                <Button component="a" href={href} download>
                  {fm.publish.download}
                </Button>
                <ButtonLink to="/furusato/exports" variant="default">
                  {fm.publish.toExports}
                </ButtonLink>
              </Group>
            </Stack>
          </Alert>
        )}
        {(status === "succeeded" || status === "failed") && (
          <Group gap="sm" wrap="wrap">
            {!result && (
              <ButtonLink to="/furusato/exports" variant="default">
                {fm.publish.toExports}
              </ButtonLink>
            )}
            <Button variant="default" onClick={onRestart}>
              {fm.publish.startAgain}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
