// /region/projects/$id: one joint project in tabs — 概要・参加団体, 予算・財源 by 年度 (和暦), 指標 (the vision module's
// indicators with the grade it gave), 庁内調整 (partner departments and the budget consultation with 財政, with their
// rounds), 状態の履歴 with the days in each status, 年次報告, and 会議. A link 「負担金」 opens the cost shares of the
// project. The bureau that runs 広域連携 changes the status, edits, and keeps every part; others read.
import { Anchor, Button, Group, List, SimpleGrid, Stack, Tabs, Text } from "@mantine/core";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import {
  type BudgetRow,
  deleteProjectBudget,
  deleteProjectStep,
  downloadReportFile,
  type ProjectDetail,
  type ProjectIndicator,
  type ProjectStep,
  type StatusSpan,
  uploadReportFile,
  type YearlyReport,
} from "../../../common/api/region-projects";
import { FUNDING_SOURCES, PROJECT_STATUSES } from "../../../common/region/partnerships";
import { call, urlFor } from "../../api/client";
import { MeetingsSection } from "../../meetings/MeetingsSection";
import { ConfirmButton } from "../../ui/ConfirmButton";
import type { Column } from "../../ui/DataTable";
import { DetailField } from "../../ui/DetailField";
import { DateText, FiscalYearText, fiscalYearLabel } from "../../ui/dates";
import { InternalLink } from "../../ui/InternalLink";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { QueryBoundary } from "../../ui/QueryBoundary";
import { SampleBadge } from "../../ui/SampleBadge";
import { Section, TableSection } from "../../ui/Section";
import { municipalityPath } from "./municipalityPaths";
import { BudgetDialog, IndicatorsDialog, ProjectEditDialog, ReportDialog, RoundDialog, StatusDialog, StepDialog } from "./ProjectDialogs";
import { pjm } from "./projectMessages";
import { ProjectStatusBadge, SingleFileUpload } from "./projectParts";
import { projectKeys, useProject } from "./projectQueries";

const t = pjm.project;

type Dialog =
  | { kind: "edit" }
  | { kind: "status" }
  | { kind: "budget"; fiscalYear?: number }
  | { kind: "indicators" }
  | { kind: "step"; step?: ProjectStep }
  | { kind: "round"; step: ProjectStep }
  | { kind: "report"; report?: YearlyReport }
  | null;

const period = (p: ProjectDetail) =>
  p.startFiscalYear || p.endFiscalYear
    ? `${p.startFiscalYear ? fiscalYearLabel(p.startFiscalYear) : "未定"}〜${p.endFiscalYear ? fiscalYearLabel(p.endFiscalYear) : ""}`
    : "未定";

function Overview({ project }: { project: ProjectDetail }) {
  return (
    <Stack gap="lg">
      <Section id="project-overview" title={t.tabs.overview}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="md">
          <DetailField label={t.framework}>
            <InternalLink href={`/region/frameworks/${project.framework.id}`}>{project.framework.name}</InternalLink>
          </DetailField>
          <DetailField label={t.lead}>{project.lead?.name ?? pjm.dash}</DetailField>
          <DetailField label={t.owner}>{project.owner.name}</DetailField>
          <DetailField label={t.status}>
            <Group gap={6}>
              <ProjectStatusBadge status={project.status} />
              <Text size="sm">
                <DateText iso={project.statusSince} />
                〜（{pjm.days(project.daysInStatus)}）
              </Text>
            </Group>
          </DetailField>
          <DetailField label={t.period}>{period(project)}</DetailField>
        </SimpleGrid>
        <Text size="sm" mt="md" style={{ whiteSpace: "pre-wrap" }}>
          {project.summary || t.noSummary}
        </Text>
      </Section>
      <TableSection
        id="project-members"
        title={`${t.members}（${project.members.length}）`}
        caption={t.membersCaption}
        columns={[
          {
            key: "name",
            header: pjm.framework.memberName,
            rowHeader: true,
            render: (m) =>
              m.municipalityCode ? <InternalLink href={municipalityPath(m.municipalityCode)}>{m.name}</InternalLink> : m.name,
          },
          { key: "role", header: t.role, render: (m) => `${pjm.roles[m.role]}${project.lead?.id === m.id ? "・幹事" : ""}` },
        ]}
        rows={project.members}
        rowKey={(m) => m.id}
        empty="参加団体はまだ選ばれていません。"
      />
    </Stack>
  );
}

function Budgets({ project, open }: { project: ProjectDetail; open: (d: Dialog) => void }) {
  const queryClient = useQueryClient();
  const columns: Column<BudgetRow>[] = [
    { key: "fy", header: t.fiscalYear, rowHeader: true, nowrap: true, render: (b) => <FiscalYearText fy={b.fiscalYear} /> },
    { key: "total", header: t.total, align: "right", nowrap: true, render: (b) => pjm.yen(b.totalYen) },
    ...FUNDING_SOURCES.map((s) => ({
      key: s,
      header: pjm.sources[s],
      align: "right" as const,
      nowrap: true,
      render: (b: BudgetRow) => (b.funding[s] ? pjm.yen(b.funding[s]) : pjm.dash),
    })),
    {
      key: "check",
      header: t.check,
      render: (b) =>
        b.fundingMatches ? (
          <Text size="sm">{t.matches}</Text>
        ) : (
          <Stack gap={2}>
            <Text size="sm" c="red.9" fw={600}>
              {b.mismatchMessage}
            </Text>
            <Text size="xs">
              {t.mismatchReason}: {b.mismatchReason}
            </Text>
          </Stack>
        ),
    },
    { key: "note", header: t.budgetNote, render: (b) => b.note || pjm.dash },
    ...(project.canManage
      ? [
          {
            key: "actions",
            header: "操作",
            nowrap: true,
            render: (b: BudgetRow) => (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => open({ kind: "budget", fiscalYear: b.fiscalYear })}
                  aria-label={`${fiscalYearLabel(b.fiscalYear)}の予算を${t.editBudget}`}
                >
                  {t.editBudget}
                </Button>
                <ConfirmButton
                  size="compact-xs"
                  variant="default"
                  color="red"
                  aria-label={`${fiscalYearLabel(b.fiscalYear)}の予算を${t.deleteBudget}`}
                  title={t.deleteBudget}
                  message={t.deleteBudgetConfirm(fiscalYearLabel(b.fiscalYear))}
                  onConfirm={async () => {
                    queryClient.setQueryData(
                      projectKeys.project(project.id),
                      await call(deleteProjectBudget, { params: { id: project.id, fiscalYear: b.fiscalYear } }),
                    );
                  }}
                >
                  {t.deleteBudget}
                </ConfirmButton>
              </Group>
            ),
          },
        ]
      : []),
  ];
  return (
    <TableSection
      id="project-budgets"
      title={t.tabs.budget}
      caption={t.budgetCaption}
      columns={columns}
      rows={project.budgets}
      rowKey={(b) => String(b.fiscalYear)}
      empty={t.budgetsEmpty}
      minWidth={1100}
      actions={
        project.canManage ? (
          <Button size="xs" onClick={() => open({ kind: "budget" })}>
            {t.addBudget}
          </Button>
        ) : undefined
      }
    >
      <Text size="xs" c="dimmed" mt="sm">
        {t.fundingNote}
      </Text>
    </TableSection>
  );
}

function Indicators({ project, open }: { project: ProjectDetail; open: (d: Dialog) => void }) {
  const columns: Column<ProjectIndicator>[] = [
    {
      key: "name",
      header: t.indicatorName,
      rowHeader: true,
      render: (i) => (
        <Text size="sm" c={i.found ? undefined : "red.9"}>
          {i.code && <span className="yk-cell-sub">{i.code} </span>}
          {i.name}
        </Text>
      ),
    },
    { key: "round", header: t.round, nowrap: true, render: (i) => i.round?.name ?? pjm.dash },
    {
      key: "actual",
      header: t.actual,
      align: "right",
      nowrap: true,
      render: (i) =>
        i.actualValue === null ? (
          pjm.dash
        ) : (
          <Stack gap={0} align="flex-end">
            <span>
              {i.actualValue.toLocaleString("ja-JP")}
              {i.unit}
            </span>
            {i.actualAsOf && (
              <span className="yk-cell-sub">
                <DateText iso={i.actualAsOf} western="title" />
              </span>
            )}
          </Stack>
        ),
    },
    {
      key: "target",
      header: t.target,
      align: "right",
      nowrap: true,
      render: (i) =>
        i.targetValue === null
          ? pjm.dash
          : `${i.targetValue.toLocaleString("ja-JP")}${i.unit}${i.targetFiscalYear ? `（${fiscalYearLabel(i.targetFiscalYear)}）` : ""}`,
    },
    { key: "grade", header: t.grade, align: "center", nowrap: true, render: (i) => <Text fw={700}>{i.grade ?? t.notGraded}</Text> },
    { key: "note", header: t.note, render: (i) => <Text size="xs">{i.gradeNote}</Text> },
  ];
  return (
    <TableSection
      id="project-indicators"
      title={t.tabs.indicators}
      caption={t.indicatorsCaption}
      columns={columns}
      rows={project.indicators}
      rowKey={(i) => i.indicatorId}
      empty={t.indicatorsEmpty}
      minWidth={900}
      actions={
        project.canManage ? (
          <Button size="xs" onClick={() => open({ kind: "indicators" })}>
            {t.chooseIndicators}
          </Button>
        ) : undefined
      }
    >
      <Text size="xs" c="dimmed" mt="sm">
        {t.indicatorsIntro}
      </Text>
    </TableSection>
  );
}

function Steps({ project, open }: { project: ProjectDetail; open: (d: Dialog) => void }) {
  const queryClient = useQueryClient();
  const columns: Column<ProjectStep>[] = [
    {
      key: "kind",
      header: t.stepKind,
      rowHeader: true,
      render: (s) => (
        <Stack gap={0}>
          <Text size="sm" fw={600}>
            {s.organisation.name}
          </Text>
          <Text size="xs" c="dimmed">
            {pjm.stepKinds[s.kind]}
            {s.fiscalYear ? `（${fiscalYearLabel(s.fiscalYear)}予算）` : ""}
          </Text>
        </Stack>
      ),
    },
    { key: "status", header: t.stepStatus, nowrap: true, render: (s) => pjm.stepStatuses[s.kind][s.status] },
    { key: "started", header: t.started, nowrap: true, render: (s) => <DateText iso={s.startedOn} western="title" /> },
    { key: "ended", header: t.ended, nowrap: true, render: (s) => <DateText iso={s.endedOn} western="title" /> },
    { key: "days", header: t.stepDays, align: "right", nowrap: true, render: (s) => (s.days === null ? pjm.dash : pjm.days(s.days)) },
    {
      key: "rounds",
      header: t.rounds,
      render: (s) => (
        <Stack gap={2}>
          {s.rounds.length > 0 && (
            <List size="xs" spacing={2}>
              {s.rounds.map((r) => (
                <List.Item key={r.id}>
                  <DateText iso={r.heldOn} western="title" /> {r.title}
                  {r.outcome && <span className="yk-cell-sub">：{r.outcome}</span>}
                </List.Item>
              ))}
            </List>
          )}
          {s.note && (
            <Text size="xs" c="dimmed">
              {s.note}
            </Text>
          )}
        </Stack>
      ),
    },
    ...(project.canManage
      ? [
          {
            key: "actions",
            header: "操作",
            nowrap: true,
            render: (s: ProjectStep) => (
              <Group gap={4} wrap="nowrap">
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => open({ kind: "round", step: s })}
                  aria-label={`${s.organisation.name}の${t.addRound}`}
                >
                  {t.addRound}
                </Button>
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => open({ kind: "step", step: s })}
                  aria-label={`${s.organisation.name}の調整を${t.editStep}`}
                >
                  {t.editStep}
                </Button>
                <ConfirmButton
                  size="compact-xs"
                  variant="default"
                  color="red"
                  aria-label={`${s.organisation.name}の調整を${t.deleteStep}`}
                  title={t.deleteStep}
                  message={t.deleteStepConfirm}
                  onConfirm={async () => {
                    queryClient.setQueryData(
                      projectKeys.project(project.id),
                      await call(deleteProjectStep, { params: { id: project.id, stepId: s.id } }),
                    );
                  }}
                >
                  {t.deleteStep}
                </ConfirmButton>
              </Group>
            ),
          },
        ]
      : []),
  ];
  return (
    <TableSection
      id="project-steps"
      title={t.tabs.steps}
      caption={t.stepsCaption}
      columns={columns}
      rows={project.steps}
      rowKey={(s) => s.id}
      empty={t.stepsEmpty}
      minWidth={1000}
      actions={
        project.canManage ? (
          <Button size="xs" onClick={() => open({ kind: "step" })}>
            {t.addStep}
          </Button>
        ) : undefined
      }
    >
      <Text size="xs" c="dimmed" mt="sm">
        {t.stepsIntro}
      </Text>
    </TableSection>
  );
}

function History({ project }: { project: ProjectDetail }) {
  const columns: Column<StatusSpan>[] = [
    { key: "status", header: t.status, rowHeader: true, nowrap: true, render: (h) => <ProjectStatusBadge status={h.status} /> },
    { key: "entered", header: t.entered, nowrap: true, render: (h) => <DateText iso={h.enteredOn} /> },
    { key: "left", header: t.left, nowrap: true, render: (h) => (h.leftOn ? <DateText iso={h.leftOn} western="title" /> : t.current) },
    { key: "days", header: t.historyDays, align: "right", nowrap: true, render: (h) => pjm.days(h.days) },
    { key: "from", header: t.from, nowrap: true, render: (h) => (h.fromStatus ? pjm.statuses[h.fromStatus] : pjm.dash) },
    { key: "reason", header: t.reason, render: (h) => h.reason || pjm.dash },
    { key: "by", header: t.by, nowrap: true, render: (h) => h.changedBy ?? (h.isSample ? <SampleBadge /> : pjm.dash) },
  ];
  return (
    <TableSection
      id="project-history"
      title={t.tabs.history}
      caption={t.historyCaption}
      columns={columns}
      rows={project.history}
      rowKey={(h) => `${h.enteredOn}-${h.status}-${h.days}`}
      minWidth={860}
    >
      <Text size="sm" mt="md" fw={600}>
        {t.totals}
      </Text>
      <Group gap="lg" mt={4}>
        {PROJECT_STATUSES.filter((s) => project.daysPerStatus[s] !== undefined).map((s) => (
          <Text size="sm" key={s}>
            {pjm.statuses[s]}: {pjm.days(project.daysPerStatus[s])}
          </Text>
        ))}
      </Group>
    </TableSection>
  );
}

function Reports({ project, open }: { project: ProjectDetail; open: (d: Dialog) => void }) {
  const queryClient = useQueryClient();
  return (
    <Section
      id="project-reports"
      title={t.tabs.reports}
      actions={
        project.canManage ? (
          <Button size="xs" onClick={() => open({ kind: "report" })}>
            {t.writeReport}
          </Button>
        ) : undefined
      }
    >
      {project.reports.length === 0 && <Text size="sm">{t.reportsEmpty}</Text>}
      <Stack gap="lg">
        {project.reports.map((r) => (
          <Stack key={r.id} gap="xs" component="article" aria-labelledby={`report-${r.fiscalYear}`}>
            <Group justify="space-between">
              <Group gap={6}>
                <Text id={`report-${r.fiscalYear}`} fw={700} component="h3" size="md" m={0}>
                  <FiscalYearText fy={r.fiscalYear} />
                </Text>
                {r.isSample && <SampleBadge />}
              </Group>
              {project.canManage && (
                <Button
                  size="compact-xs"
                  variant="default"
                  onClick={() => open({ kind: "report", report: r })}
                  aria-label={`${fiscalYearLabel(r.fiscalYear)}の年次報告を${t.editReport}`}
                >
                  {t.editReport}
                </Button>
              )}
            </Group>
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {(
                [
                  [t.results, r.results],
                  [t.outcomes, r.outcomes],
                  [t.issues, r.issues],
                  [t.nextPolicy, r.nextPolicy],
                ] as const
              ).map(([label, value]) => (
                <DetailField key={label} label={label}>
                  <span style={{ whiteSpace: "pre-wrap" }}>{value || pjm.dash}</span>
                </DetailField>
              ))}
            </SimpleGrid>
            <Group gap="md" align="flex-end">
              <Text size="sm">
                {t.reportFile}:{" "}
                {r.file ? (
                  <Anchor href={urlFor(downloadReportFile, { params: { id: project.id, fiscalYear: r.fiscalYear } })} download size="sm">
                    {r.file.name}
                  </Anchor>
                ) : (
                  pjm.dash
                )}
              </Text>
              {project.canManage && (
                <SingleFileUpload
                  contract={uploadReportFile}
                  params={{ id: project.id, fiscalYear: r.fiscalYear }}
                  label={t.reportFileLabel(fiscalYearLabel(r.fiscalYear))}
                  onUploaded={() => queryClient.invalidateQueries({ queryKey: projectKeys.project(project.id) })}
                />
              )}
            </Group>
          </Stack>
        ))}
      </Stack>
    </Section>
  );
}

function ProjectView({ project }: { project: ProjectDetail }) {
  const [dialog, setDialog] = useState<Dialog>(null);
  const close = () => setDialog(null);
  return (
    <>
      <PageHeader
        title={project.name}
        breadcrumbs={[
          { label: pjm.crumbs.region, href: "/region" },
          { label: pjm.crumbs.projects, href: "/region/projects" },
          { label: project.name },
        ]}
        badges={
          <>
            <ProjectStatusBadge status={project.status} size="md" />
            <Text size="sm">
              {project.framework.name}・{t.daysInStatus} {pjm.days(project.daysInStatus)}
            </Text>
            {project.isSample && <SampleBadge />}
          </>
        }
        actions={
          <>
            <ButtonLink to={"/region/cost-shares" as never} search={{ projectId: project.id } as never} variant="default">
              {t.costShares}
            </ButtonLink>
            {project.canManage && (
              <>
                <Button variant="default" onClick={() => setDialog({ kind: "edit" })}>
                  {t.edit}
                </Button>
                <Button onClick={() => setDialog({ kind: "status" })}>{t.changeStatus}</Button>
              </>
            )}
          </>
        }
      />
      <Tabs defaultValue="overview" keepMounted={false}>
        <Tabs.List mb="md">
          {(Object.keys(t.tabs) as (keyof typeof t.tabs)[]).map((key) => (
            <Tabs.Tab key={key} value={key}>
              {t.tabs[key]}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Overview project={project} />
        </Tabs.Panel>
        <Tabs.Panel value="budget">
          <Budgets project={project} open={setDialog} />
        </Tabs.Panel>
        <Tabs.Panel value="indicators">
          <Indicators project={project} open={setDialog} />
        </Tabs.Panel>
        <Tabs.Panel value="steps">
          <Steps project={project} open={setDialog} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <History project={project} />
        </Tabs.Panel>
        <Tabs.Panel value="reports">
          <Reports project={project} open={setDialog} />
        </Tabs.Panel>
        <Tabs.Panel value="meetings">
          <MeetingsSection ownerKind="region.project" ownerId={project.id} />
        </Tabs.Panel>
      </Tabs>
      {dialog?.kind === "edit" && <ProjectEditDialog project={project} onClose={close} />}
      {dialog?.kind === "status" && <StatusDialog project={project} onClose={close} />}
      {dialog?.kind === "budget" && <BudgetDialog project={project} fiscalYear={dialog.fiscalYear} onClose={close} />}
      {dialog?.kind === "indicators" && <IndicatorsDialog project={project} onClose={close} />}
      {dialog?.kind === "step" && <StepDialog project={project} step={dialog.step} onClose={close} />}
      {dialog?.kind === "round" && <RoundDialog project={project} step={dialog.step} onClose={close} />}
      {dialog?.kind === "report" && <ReportDialog project={project} report={dialog.report} onClose={close} />}
    </>
  );
}

export function ProjectPage({ id }: { id: string }) {
  const query = useProject(id);
  return (
    <QueryBoundary query={query} title={pjm.crumbs.projects}>
      {(project) => <ProjectView project={project} />}
    </QueryBoundary>
  );
}
