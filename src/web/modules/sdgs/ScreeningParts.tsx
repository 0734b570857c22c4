// Small pieces the screening screens share: the application's status badge, the eligibility, goals and evidence
// tables (the staff's page and the reviewer's page show them alike).
import { Anchor, Table, Text, VisuallyHidden } from "@mantine/core";
import type { ReviewApplication } from "../../../common/api/sdgs-screening";
import { APPLICATION_STATUS_LABELS, type ApplicationStatus } from "../../../common/sdgs/application-states";
import { fiscalYearLabel } from "../../ui/dates";
import { StatusBadge, type StatusTone } from "../../ui/StatusBadge";
import { scm } from "./screeningMessages";

const TONES: Record<ApplicationStatus, StatusTone> = {
  draft: "neutral",
  submitted: "warning",
  returned: "danger",
  screening: "warning",
  review: "warning",
  committee: "done",
  certified: "good",
  refused: "danger",
  withdrawn: "neutral",
};

export function ApplicationStatusBadge({ status }: { status: ApplicationStatus }) {
  return <StatusBadge label={APPLICATION_STATUS_LABELS[status]} tone={TONES[status]} size="sm" />;
}

const d = scm.detail;

export function EligibilityTable({ rows }: { rows: ReviewApplication["eligibility"] }) {
  return (
    <Table.ScrollContainer minWidth={600}>
      <Table withTableBorder striped>
        <Table.Caption>{d.eligibility}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{d.question}</Table.Th>
            <Table.Th scope="col">{d.answer}</Table.Th>
            <Table.Th scope="col">{d.judgement}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.code}>
              <Table.Td>{r.question}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>{r.answer === null ? d.answerNone : r.answer ? d.answerYes : d.answerNo}</Table.Td>
              <Table.Td>
                {r.ok ? (
                  <StatusBadge label={d.ok} tone="good" size="sm" />
                ) : (
                  <>
                    <StatusBadge label={d.ng} tone="danger" size="sm" />
                    <Text size="sm">{r.failureReason}</Text>
                  </>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const num = (n: number | null, unit: string) => (n === null ? scm.dash : `${n.toLocaleString("ja-JP")}${unit}`);

export function GoalsTable({ goals }: { goals: ReviewApplication["goals"] }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withTableBorder striped>
        <Table.Caption>{d.goals}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{d.goalTitle}</Table.Th>
            <Table.Th scope="col">{d.kpi}</Table.Th>
            <Table.Th scope="col">{d.baseline}</Table.Th>
            <Table.Th scope="col">{d.target}</Table.Th>
            <Table.Th scope="col">{d.sdgs}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {goals.map((g) => (
            <Table.Tr key={g.id}>
              <Table.Th scope="row" fw={600}>
                {g.title}
              </Table.Th>
              <Table.Td>{g.kpi}</Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {num(g.baseline, g.unit)}
                {g.baselineYear ? `（${fy(g.baselineYear)}）` : ""}
              </Table.Td>
              <Table.Td style={{ whiteSpace: "nowrap" }}>
                {num(g.target, g.unit)}（{fy(g.targetYear)}）
              </Table.Td>
              <Table.Td>{g.sdgGoals.map((n) => `ゴール${n}`).join("、") || scm.dash}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

const fy = fiscalYearLabel;

export function EvidenceTable({ files, hrefOf }: { files: ReviewApplication["evidence"]; hrefOf: (fileId: string) => string }) {
  if (files.length === 0) return <Text c="dimmed">{d.evidenceNone}</Text>;
  return (
    <Table withTableBorder striped>
      <Table.Caption>{d.evidence}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{d.evidence}</Table.Th>
          <Table.Th scope="col">{d.evidenceItem}</Table.Th>
          <Table.Th scope="col">{d.download}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {files.map((f) => (
          <Table.Tr key={f.fileId}>
            <Table.Td>{f.name}</Table.Td>
            <Table.Td>{f.itemCode ?? d.evidenceWhole}</Table.Td>
            <Table.Td>
              <Anchor href={hrefOf(f.fileId)} download>
                {d.download}
                <VisuallyHidden>（{f.name}）</VisuallyHidden>
              </Anchor>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
