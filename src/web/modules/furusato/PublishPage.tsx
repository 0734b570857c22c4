// /furusato/publish 「一括出力」: what would be sent to each portal since the last export (new / changed / stopped /
// unchanged, the changed fields, template changes, characters the file's encoding cannot hold, listings exported
// before but not now), the held listings with their reasons, and the typing it saves. 「確認して出力」 asks, runs the
// export as a job, and downloads the zip when it is done. The module's staff only (the server refuses others too).
// The per-portal cards and the held listings are in PublishPlanSections.tsx, the running export in PublishRun.tsx.
import { Alert, Button, Group, Loader, Modal, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type PublishPlan, startPublish } from "../../../common/api/furusato";
import { call } from "../../api/client";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { PageHeader } from "../../ui/PageHeader";
import { FurusatoNav } from "./components";
import { fm } from "./messages";
import { type GiftIds, HeldSection, PortalCard } from "./PublishPlanSections";
import { PublishRun } from "./PublishRun";
import { furusatoKeys, useAllGifts, useFurusatoAccess, usePublishPreview } from "./queries";

const breadcrumbs = [{ label: fm.moduleName, href: "/furusato" }, { label: fm.publish.title }];

export function PublishPage() {
  const access = useFurusatoAccess();
  if (access.error) {
    return (
      <>
        <PageHeader title={fm.publish.title} breadcrumbs={breadcrumbs} />
        <ErrorAlert error={access.error} />
      </>
    );
  }
  if (!access.data) return <Loader aria-label={m.common.loading} />;
  if (!access.data.manager) {
    return (
      <>
        <PageHeader title={fm.publish.title} breadcrumbs={breadcrumbs} />
        <FurusatoNav />
        <Alert color="yellow" variant="light" role="status">
          {fm.publish.forbidden}
        </Alert>
      </>
    );
  }
  return <PublishView />;
}

function PublishView() {
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const preview = usePublishPreview(jobId === null);
  const gifts = useAllGifts();
  const ids: GiftIds = new Map((gifts.data?.items ?? []).map((g) => [g.code, g.id]));

  function restart() {
    setJobId(null);
    queryClient.invalidateQueries({ queryKey: furusatoKeys.publishPreview });
  }

  return (
    <>
      <PageHeader title={fm.publish.title} breadcrumbs={breadcrumbs} subtitle={fm.publish.intro} />
      <FurusatoNav />
      {jobId ? (
        <PublishRun jobId={jobId} onRestart={restart} />
      ) : preview.error ? (
        <ErrorAlert error={preview.error} />
      ) : !preview.data ? (
        <Loader aria-label={m.common.loading} />
      ) : (
        <Stack gap="lg">
          <Totals plan={preview.data} onStarted={setJobId} onReload={() => preview.refetch()} reloading={preview.isFetching} />
          <section aria-labelledby="publish-portals-heading">
            <Title order={2} id="publish-portals-heading" mb="sm" className="yk-section-title">
              {fm.publish.portalsHeading}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {preview.data.diff.map((diff) => (
                <PortalCard key={diff.portalCode} diff={diff} ids={ids} />
              ))}
            </SimpleGrid>
          </section>
          <HeldSection plan={preview.data} ids={ids} />
        </Stack>
      )}
    </>
  );
}

// ------------------------------------------------------------------ totals and the button

function Totals({
  plan,
  onStarted,
  onReload,
  reloading,
}: {
  plan: PublishPlan;
  onStarted: (jobId: string) => void;
  onReload: () => void;
  reloading: boolean;
}) {
  const [opened, setOpened] = useState(false);
  const nothing = plan.rowCount === 0;
  const portalsWithFiles = plan.diff.filter((d) => d.added.length + d.changed.length + d.stopped.length > 0).length;
  const start = useMutation({
    mutationFn: () => call(startPublish, { body: {} }),
    onSuccess: ({ jobId }) => {
      setOpened(false);
      onStarted(jobId);
    },
  });
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="publish-totals-heading">
      <Title order={2} id="publish-totals-heading" mb="sm" className="yk-section-title">
        {fm.publish.totalsHeading}
      </Title>
      <Stack gap="xs">
        <Text size="xl" fw={700}>
          {fm.publish.fieldsSaved(plan.fieldsSaved)}
        </Text>
        <Text size="sm" c="dimmed">
          {fm.publish.fieldsSavedHelp}
        </Text>
        <Group gap="lg" wrap="wrap">
          <Text fw={600}>{fm.publish.rows(plan.rowCount)}</Text>
          <Text fw={600} c={plan.held.length > 0 ? "#9b1c1c" : undefined}>
            {fm.publish.heldCount(plan.held.length)}
          </Text>
        </Group>
        <Group gap="sm" mt="sm" wrap="wrap" align="center">
          <Button size="md" onClick={() => setOpened(true)} disabled={nothing} aria-describedby={nothing ? "publish-nothing" : undefined}>
            {fm.publish.submit}
          </Button>
          <Button variant="default" onClick={onReload} loading={reloading}>
            {fm.publish.reload}
          </Button>
        </Group>
        {nothing && (
          <Text id="publish-nothing" size="sm" fw={600}>
            {fm.publish.noChanges}
          </Text>
        )}
      </Stack>
      <Modal
        opened={opened}
        onClose={() => {
          if (!start.isPending) {
            setOpened(false);
            start.reset();
          }
        }}
        title={fm.publish.confirmTitle}
        centered
      >
        <Stack>
          <Text>{fm.publish.confirmMessage(plan.rowCount, portalsWithFiles, plan.held.length)}</Text>
          <ErrorAlert error={start.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)} disabled={start.isPending}>
              {m.common.cancel}
            </Button>
            <Button onClick={() => start.mutate()} loading={start.isPending} data-autofocus>
              {fm.publish.confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
