// /sdgs/company/certifications/$id/reports/$period: 取組状況の報告 of one period — each goal of the certified
// application with its baseline and target, the actual and a comment; a comment on the whole; 「下書き保存」 and
// 「提出」 (every goal needs its actual). Read-only once submitted.
import { Button, Group, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { type ProgressReport, saveProgressReport, submitProgressReport } from "../../../common/api/sdgs-company";
import { sdgGoalLabel } from "../../../common/sdgs/sdg-goals";
import { call } from "../../api/client";
import { DetailField } from "../../ui/DetailField";
import { DateText, DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { useFlash } from "../../ui/Flash";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { SampleBadge } from "../../ui/SampleBadge";
import { StatusBadge } from "../../ui/StatusBadge";
import { cm } from "./companyMessages";
import { companyKeys, useProgressReport } from "./companyQueries";

const r = cm.report;
const fmt = (value: number | null, unit: string) => (value === null ? "—" : `${value.toLocaleString("ja-JP")}${unit}`);

function ReportForm({ report, id, period }: { report: ProgressReport; id: string; period: number }) {
  const client = useQueryClient();
  const flash = useFlash();
  const [comment, setComment] = useState(report.comment);
  const [goals, setGoals] = useState(
    report.goals.map((g) => ({ goalId: g.goalId, actual: g.actual === null ? "" : String(g.actual), comment: g.comment })),
  );
  const body = () => ({
    comment,
    goals: goals.map((g) => {
      const text = g.actual.normalize("NFKC").replace(/,/g, "").trim();
      return { goalId: g.goalId, actual: text === "" || !Number.isFinite(Number(text)) ? null : Number(text), comment: g.comment };
    }),
  });
  const store = (data: ProgressReport) => {
    client.setQueryData(companyKeys.report(id, period), data);
    client.invalidateQueries({ queryKey: companyKeys.certifications });
  };
  const save = useMutation({
    mutationFn: () => call(saveProgressReport, { params: { id, period }, body: { version: report.version, ...body() } }),
    onSuccess: (data) => {
      store(data);
      flash.show(r.saved);
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      const saved = await call(saveProgressReport, { params: { id, period }, body: { version: report.version, ...body() } });
      return call(submitProgressReport, { params: { id, period }, body: { version: saved.version ?? 1 } });
    },
    onSuccess: (data) => {
      store(data);
      flash.show(r.submitted);
    },
  });
  const canEdit = report.canEdit;
  return (
    <Stack gap="lg">
      <Paper withBorder p="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <DetailField label={r.dueOn}>
            <DateText iso={report.dueOn} />
          </DetailField>
          <DetailField label={r.status}>
            <StatusBadge
              label={report.statusLabel}
              tone={report.status === "accepted" ? "good" : report.status === "submitted" ? "done" : "neutral"}
            />
            {report.submittedAt && (
              <Text size="xs">
                提出 <DateTimeText timestamp={report.submittedAt} />
              </Text>
            )}
          </DetailField>
          <DetailField label="認証の有効期間">
            <DateText iso={report.certification.validFrom} western="title" />〜
            <DateText iso={report.certification.validUntil} western="title" />
          </DetailField>
        </SimpleGrid>
      </Paper>
      {!canEdit && <Text c="dimmed">{r.readOnly}</Text>}
      <Text size="sm">{r.intro}</Text>
      {report.goals.map((goal, index) => (
        <Paper key={goal.goalId} withBorder p="md" component="fieldset" aria-label={goal.title}>
          <Title order={2} size="h4" mb={4}>
            {goal.title}
          </Title>
          <Text size="sm">
            {goal.kpi}：
            {r.baselineTarget(
              `${fmt(goal.baseline, goal.unit)}（${goal.baselineYear ?? "—"}年）`,
              `${fmt(goal.target, goal.unit)}（${goal.targetYear}年）`,
            )}
          </Text>
          <Text size="xs" c="dimmed" mb="xs">
            {goal.sdgGoals.map(sdgGoalLabel).join("・")}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={`${r.actual}${goal.unit ? `（${goal.unit}）` : ""}`}
              inputMode="decimal"
              value={goals[index].actual}
              readOnly={!canEdit}
              onChange={(e) => {
                const actual = e.currentTarget.value;
                setGoals((gs) => gs.map((g, i) => (i === index ? { ...g, actual } : g)));
              }}
            />
            <TextInput
              label={r.comment}
              value={goals[index].comment}
              readOnly={!canEdit}
              maxLength={2000}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setGoals((gs) => gs.map((g, i) => (i === index ? { ...g, comment: text } : g)));
              }}
            />
          </SimpleGrid>
        </Paper>
      ))}
      <Textarea
        label={r.overall}
        value={comment}
        readOnly={!canEdit}
        maxLength={4000}
        autosize
        minRows={4}
        onChange={(e) => setComment(e.currentTarget.value)}
      />
      {(save.error || submit.error) && <ErrorAlert error={save.error ?? submit.error} />}
      {canEdit && (
        <Group>
          <Button variant="default" loading={save.isPending} onClick={() => save.mutate()}>
            {r.save}
          </Button>
          <Button loading={submit.isPending} onClick={() => submit.mutate()}>
            {r.submit}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export function CompanyReportPage({ id, period }: { id: string; period: number }) {
  const report = useProgressReport(id, period);
  const data = report.data;
  const title = data ? r.titleOf(data.certification.number, period) : "取組状況の報告";
  return (
    <>
      <PageHeader
        title={title}
        breadcrumbs={[{ label: cm.home.title, href: "/sdgs/company" }, { label: title }]}
        badges={data?.isSample ? <SampleBadge /> : undefined}
      />
      {report.error ? (
        <ErrorAlert error={report.error} />
      ) : !data ? (
        <Loading />
      ) : (
        <ReportForm key={data.version ?? 0} report={data} id={id} period={period} />
      )}
    </>
  );
}
