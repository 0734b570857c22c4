// /furusato/publish 「一括出力」: what would be sent to each portal since the last export (new / changed / stopped /
// unchanged, the changed fields, template changes, characters the file's encoding cannot hold, listings exported
// before but not now), the held listings with their reasons, and the typing it saves. 「確認して出力」 asks, runs the
// export as a job, and downloads the zip when it is done. The module's staff only (the server refuses others too).
import {
  Accordion,
  Alert,
  Button,
  Group,
  List,
  Loader,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { z } from "zod";
import { downloadExport, type PublishPlan, publishPlan, startPublish } from "../../../common/api/furusato";
import { call, urlFor } from "../../api/client";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { AnchorLink, ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { JobProgress, useJob } from "../../ui/useJob";
import { FurusatoNav, SeverityBadge } from "./components";
import { fm } from "./messages";
import { furusatoKeys, useAllGifts, useFurusatoAccess, usePublishPreview } from "./queries";

type PortalDiff = PublishPlan["diff"][number];

/** What the publish job leaves in its result. */
const publishResult = publishPlan.extend({ exportId: z.string(), fileId: z.string() });
type PublishResult = z.infer<typeof publishResult>;

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

/** Gift code → id, so that codes can link to the gift pages. */
type GiftIds = ReadonlyMap<string, string>;

function GiftCode({ code, ids }: { code: string; ids: GiftIds }) {
  const id = ids.get(code);
  return id ? (
    <AnchorLink to="/furusato/gifts/$id" params={{ id }} className="yk-code">
      {code}
    </AnchorLink>
  ) : (
    <span className="yk-code">{code}</span>
  );
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

// ------------------------------------------------------------------ per portal

function CountCell({ label, value }: { label: string; value: number }) {
  return (
    <Stack gap={0} align="center" style={{ minWidth: "4.5rem" }}>
      <Text size="xs" c="dimmed" component="dt">
        {label}
      </Text>
      <Text size="lg" fw={700} component="dd" m={0}>
        {fm.count(value)}
      </Text>
    </Stack>
  );
}

function codePoint(char: string): string {
  const cp = char.codePointAt(0);
  return cp === undefined ? "" : `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
}

function PortalCard({ diff, ids }: { diff: PortalDiff; ids: GiftIds }) {
  const headingId = `publish-portal-${diff.portalCode}`;
  const lists: { key: string; label: string; count: number; body: ReactNode }[] = [
    {
      key: "added",
      label: fm.publish.added,
      count: diff.added.length,
      body: (
        <List size="sm" spacing={2}>
          {diff.added.map((code) => (
            <List.Item key={code}>
              <GiftCode code={code} ids={ids} />
            </List.Item>
          ))}
        </List>
      ),
    },
    {
      key: "changed",
      label: fm.publish.changed,
      count: diff.changed.length,
      body: (
        <List size="sm" spacing={4}>
          {diff.changed.map((c) => (
            <List.Item key={c.giftCode}>
              <Group gap={6} wrap="wrap">
                <GiftCode code={c.giftCode} ids={ids} />
                {c.reopened && <SeverityBadge severity="warning">{fm.publish.reopened}</SeverityBadge>}
              </Group>
              {c.fields.length > 0 && (
                <Text size="xs" c="dimmed">
                  {fm.publish.changedFields(c.fields.join(fm.listSep))}
                </Text>
              )}
            </List.Item>
          ))}
        </List>
      ),
    },
    {
      key: "stopped",
      label: fm.publish.stopped,
      count: diff.stopped.length,
      body: (
        <List size="sm" spacing={2}>
          {diff.stopped.map((code) => (
            <List.Item key={code}>
              <GiftCode code={code} ids={ids} />
            </List.Item>
          ))}
        </List>
      ),
    },
  ];
  const expandable = lists.filter((l) => l.count > 0);
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={3} size="h4" id={headingId}>
          {diff.portalName}
        </Title>
        <Text size="sm" fw={600}>
          {fm.publish.portalFieldsSaved(diff.fieldEditsAvoided)}
        </Text>
      </Group>
      <Group component="dl" gap="md" wrap="wrap" m={0} mb="xs">
        <CountCell label={fm.publish.added} value={diff.added.length} />
        <CountCell label={fm.publish.changed} value={diff.changed.length} />
        <CountCell label={fm.publish.stopped} value={diff.stopped.length} />
        <CountCell label={fm.publish.unchanged} value={diff.unchanged} />
      </Group>
      <Text size="xs" c="dimmed" mb="xs" style={{ wordBreak: "break-all" }}>
        {diff.file ? fm.publish.portalFile(diff.file) : fm.publish.portalNoFile}
      </Text>
      <Stack gap="xs">
        {diff.templateChanged && (
          <Alert
            color="yellow"
            variant="light"
            title={fm.publish.templateChangedTitle}
            styles={{ root: { borderLeft: "5px solid #e0a800" } }}
          >
            <Text size="sm">{fm.publish.templateChanged}</Text>
          </Alert>
        )}
        {diff.unencodable.length > 0 && (
          <Alert
            color="red"
            variant="light"
            title={fm.publish.unencodableTitle(diff.unencodable.length)}
            styles={{ root: { borderLeft: "5px solid #e03131" } }}
          >
            <Text size="sm" mb="xs">
              {fm.publish.unencodableHelp}
            </Text>
            <Table.ScrollContainer minWidth={420} type="native">
              <Table withTableBorder verticalSpacing={4} className="yk-table">
                <caption className="yk-visually-hidden">{fm.publish.unencodableCaption}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col" style={{ textAlign: "right" }}>
                      {fm.publish.unencodableRow}
                    </Table.Th>
                    <Table.Th scope="col">{fm.publish.unencodableColumn}</Table.Th>
                    <Table.Th scope="col">{fm.publish.unencodableChar}</Table.Th>
                    <Table.Th scope="col">{fm.publish.unencodableGift}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {diff.unencodable.map((cell) => (
                    <Table.Tr key={`${cell.row}-${cell.column}-${cell.char}`}>
                      <Table.Td style={{ textAlign: "right" }}>{cell.row}</Table.Td>
                      <Table.Td>{cell.header}</Table.Td>
                      <Table.Td>
                        <Text span fw={700} c="#9b1c1c">
                          {cell.char}
                        </Text>
                        <Text span size="xs" c="dimmed">
                          {fm.publish.unencodableCodePoint(codePoint(cell.char))}
                        </Text>
                      </Table.Td>
                      <Table.Td>{cell.giftCode ? <GiftCode code={cell.giftCode} ids={ids} /> : fm.dash}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Alert>
        )}
        {diff.missing.length > 0 && (
          <Alert color="orange" variant="light" title={fm.publish.missingTitle(diff.missing.length)}>
            <Text size="sm" mb={4}>
              {fm.publish.missingHelp}
            </Text>
            <Group gap="xs" wrap="wrap" component="ul" p={0} m={0} style={{ listStyle: "none" }}>
              {diff.missing.map((code) => (
                <li key={code}>
                  <GiftCode code={code} ids={ids} />
                </li>
              ))}
            </Group>
          </Alert>
        )}
        {expandable.length > 0 && (
          <Accordion multiple variant="contained" chevronPosition="left">
            {expandable.map((list) => (
              <Accordion.Item key={list.key} value={list.key}>
                <Accordion.Control>{fm.publish.showList(list.label, list.count)}</Accordion.Control>
                <Accordion.Panel>{list.body}</Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Stack>
    </Paper>
  );
}

// ------------------------------------------------------------------ held

function HeldSection({ plan, ids }: { plan: PublishPlan; ids: GiftIds }) {
  const names = new Map(plan.diff.map((d) => [d.portalCode, d.portalName]));
  const held = [...plan.held].sort((a, b) => a.giftCode.localeCompare(b.giftCode) || a.portalCode.localeCompare(b.portalCode));
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="publish-held-heading">
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} id="publish-held-heading" className="yk-section-title">
          {fm.publish.heldHeading}
        </Title>
        {held.length > 0 && <SeverityBadge severity="error">{fm.count(held.length)}</SeverityBadge>}
      </Group>
      <Text size="sm" c="dimmed" mb="sm">
        {fm.publish.heldIntro}
      </Text>
      {held.length === 0 ? (
        <Text size="sm">{fm.publish.heldEmpty}</Text>
      ) : (
        <Table.ScrollContainer minWidth={640} type="native">
          <Table withTableBorder verticalSpacing="xs" className="yk-table">
            <caption className="yk-visually-hidden">{fm.publish.heldCaption}</caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{fm.publish.heldGift}</Table.Th>
                <Table.Th scope="col">{fm.publish.heldPortal}</Table.Th>
                <Table.Th scope="col">{fm.publish.heldReasons}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {held.map((h) => (
                <Table.Tr key={`${h.giftCode}-${h.portalCode}`} style={{ boxShadow: "inset 5px 0 0 #e03131" }}>
                  <Table.Th scope="row" style={{ fontWeight: 600, whiteSpace: "nowrap" }}>
                    <GiftCode code={h.giftCode} ids={ids} />
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: "nowrap" }}>{names.get(h.portalCode) ?? h.portalCode}</Table.Td>
                  <Table.Td>
                    <List size="sm" spacing={2}>
                      {h.reasons.map((reason) => (
                        <List.Item key={reason}>
                          <Text span size="sm" c="#9b1c1c" fw={600}>
                            {reason}
                          </Text>
                        </List.Item>
                      ))}
                    </List>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}

// ------------------------------------------------------------------ the run

function PublishRun({ jobId, onRestart }: { jobId: string; onRestart: () => void }) {
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
