// /region/candidates/$id: one 連携事業の候補 — what it is (department, partners, 進まない理由, summary, expected effect),
// where it stands (step, days in it, 滞留), its step history with the days of each step and who recorded what, the
// days per step in total, and for the bureau that runs 広域連携 the 段階を変える / 事業化する / 見送る dialogs.
import { Button, Group, Paper, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useState } from "react";
import {
  CANDIDATE_MOVE_KIND_LABELS,
  CANDIDATE_OBSTACLE_LABELS,
  CANDIDATE_STEP_LABELS,
  isOpenStep,
} from "../../../common/region/candidate-steps";
import { type Column, DataTable } from "../../ui/DataTable";
import { DetailField } from "../../ui/DetailField";
import { DateText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { InternalLink } from "../../ui/InternalLink";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { AdoptCandidateDialog, MoveCandidateDialog } from "./CandidateDialogs";
import { StalledBadge, StepBadge } from "./CandidatesPage";
import { cdm } from "./candidateMessages";
import { useCandidate } from "./candidateQueries";

const d = cdm.detail;
const a = cdm.actions;

type HistoryRow = NonNullable<ReturnType<typeof useCandidate>["data"]>["history"][number];

export function CandidatePage({ id }: { id: string }) {
  const candidate = useCandidate(id);
  const [dialog, setDialog] = useState<"move" | "adopt" | "drop" | null>(null);
  const crumbs = [
    { label: cdm.region, href: "/region" },
    { label: cdm.title, href: "/region/candidates" },
  ];
  if (candidate.error)
    return (
      <>
        <PageHeader title={d.notFound} breadcrumbs={[...crumbs, { label: d.notFound }]} />
        <ErrorAlert error={candidate.error} />
      </>
    );
  const c = candidate.data;
  if (!c) return <Loading />;
  const open = isOpenStep(c.step);
  const last = c.history.length - 1;

  const columns: Column<HistoryRow>[] = [
    {
      key: "step",
      header: cdm.list.step,
      rowHeader: true,
      nowrap: true,
      render: (h) => (
        <>
          {CANDIDATE_STEP_LABELS[h.step]}
          {open && h.id === c.history[last].id ? d.current : ""}
        </>
      ),
    },
    { key: "move", header: d.move, nowrap: true, render: (h) => CANDIDATE_MOVE_KIND_LABELS[h.moveKind] },
    { key: "entered", header: d.entered, nowrap: true, render: (h) => <DateText iso={h.enteredOn} western="title" /> },
    { key: "left", header: d.left, nowrap: true, render: (h) => <DateText iso={h.leftOn} western="title" /> },
    { key: "days", header: d.days, nowrap: true, align: "right", render: (h) => (isOpenStep(h.step) ? `${h.days}日` : "—") },
    { key: "by", header: d.recordedBy, render: (h) => h.recordedBy },
    { key: "note", header: d.note, width: 260, render: (h) => <span style={{ whiteSpace: "pre-wrap" }}>{h.note || "—"}</span> },
    { key: "reason", header: d.reason, width: 220, render: (h) => <span style={{ whiteSpace: "pre-wrap" }}>{h.reason || "—"}</span> },
  ];

  return (
    <>
      <PageHeader
        title={c.title}
        breadcrumbs={[...crumbs, { label: c.title }]}
        badges={
          <Group gap={6}>
            <StepBadge step={c.step} />
            {c.stalled && <StalledBadge />}
            {c.isSample && <SampleBadge />}
          </Group>
        }
        actions={
          c.canManage && open ? (
            <Group gap="xs">
              <Button onClick={() => setDialog("move")}>{a.move}</Button>
              <Button variant="default" onClick={() => setDialog("adopt")}>
                {a.adopt}
              </Button>
              <Button variant="default" color="red" onClick={() => setDialog("drop")}>
                {a.drop}
              </Button>
            </Group>
          ) : undefined
        }
      />
      <Stack gap="lg">
        <Paper withBorder p="md" component="section" aria-labelledby="candidate-status">
          <Title order={2} size="h4" id="candidate-status" mb="sm">
            {d.step}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md">
            <DetailField label={d.step}>{CANDIDATE_STEP_LABELS[c.step]}</DetailField>
            <DetailField label={d.stepSince}>
              <DateText iso={c.stepSince} />
            </DetailField>
            <DetailField label={d.daysInStep}>
              {c.daysInStep === null ? (
                "—"
              ) : (
                <Text span fw={600} c={c.stalled ? "#9b1c1c" : undefined}>
                  {c.daysInStep}日{c.stalled ? `（${cdm.pipeline.stalled}: ${c.stalledAfterDays}日超）` : ""}
                </Text>
              )}
            </DetailField>
            <DetailField label={d.totalDays}>{`${c.totalDays}日`}</DetailField>
            <DetailField label={d.proposedOn}>
              <DateText iso={c.proposedOn} />
            </DetailField>
            {c.closedOn && (
              <DetailField label={d.closedOn}>
                <DateText iso={c.closedOn} />
              </DetailField>
            )}
            {c.adoptedProject && (
              <DetailField label={d.project}>
                <InternalLink href={`/region/projects/${c.adoptedProject.id}`}>{c.adoptedProject.name}</InternalLink>
              </DetailField>
            )}
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="md" component="section" aria-labelledby="candidate-content">
          <Title order={2} size="h4" id="candidate-content" mb="sm">
            {cdm.form.summary}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <DetailField label={d.department}>{c.proposingOrganisation.name}</DetailField>
            <DetailField label={d.framework}>{c.framework.name}</DetailField>
            <DetailField label={d.partners}>
              {c.members.length ? c.members.map((m) => m.name).join("、") : cdm.list.wholeFramework}
            </DetailField>
            <DetailField label={d.obstacle}>
              {CANDIDATE_OBSTACLE_LABELS[c.obstacle]}
              {c.obstacleNote ? `：${c.obstacleNote}` : ""}
            </DetailField>
            <DetailField label={d.summary}>{c.summary || "—"}</DetailField>
            <DetailField label={d.expectedEffect}>{c.expectedEffect || "—"}</DetailField>
          </SimpleGrid>
        </Paper>

        <Stack gap="xs" component="section" aria-labelledby="candidate-history">
          <Title order={2} size="h4" id="candidate-history">
            {d.historyTitle}
          </Title>
          <DataTable caption={d.historyCaption} captionHidden columns={columns} rows={c.history} rowKey={(h) => h.id} minWidth={960} />
          {c.daysPerStep.length > 0 && (
            <Table withTableBorder w="fit-content" mt="xs">
              <caption style={{ captionSide: "top", textAlign: "left", fontWeight: 600 }}>{d.perStepTitle}</caption>
              <Table.Thead>
                <Table.Tr>
                  {c.daysPerStep.map((s) => (
                    <Table.Th key={s.step} scope="col">
                      {CANDIDATE_STEP_LABELS[s.step]}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                <Table.Tr>
                  {c.daysPerStep.map((s) => (
                    <Table.Td key={s.step} ta="right">
                      {d.perStep(s.days)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              </Table.Tbody>
            </Table>
          )}
        </Stack>
      </Stack>
      {dialog === "move" && <MoveCandidateDialog candidate={c} onClose={() => setDialog(null)} />}
      {dialog === "drop" && <MoveCandidateDialog candidate={c} drop onClose={() => setDialog(null)} />}
      {dialog === "adopt" && <AdoptCandidateDialog candidate={c} onClose={() => setDialog(null)} />}
    </>
  );
}
