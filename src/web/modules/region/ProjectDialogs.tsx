// The dialogs of a joint project's page: the project's fields (also the /region/projects/new form), a status change
// (back only with a reason), a 年度's budget and funding (the sum against the total shown as it is typed; a mismatch
// needs its reason), the vision indicators, a 庁内調整 step and a round of it, and a yearly report.
import { MultiSelect, NativeSelect, NumberInput, SimpleGrid, Stack, Text, Textarea, TextInput } from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { useQueryClient } from "@tanstack/react-query";
import {
  addProjectStep,
  addStepRound,
  changeProjectStatus,
  type ProjectDetail,
  type ProjectStep,
  putProjectBudget,
  putProjectIndicators,
  putProjectReport,
  updateProject,
  updateProjectStep,
  type YearlyReport,
} from "../../../common/api/region-projects";
import { FUNDING_SOURCES, type FundingSource, PROJECT_STATUSES, type ProjectStatus } from "../../../common/region/partnerships";
import { checkFunding, STEP_KINDS, STEP_STATUSES, type StepKind, type StepStatus } from "../../../common/region/project-rules";
import { ApiError, call } from "../../api/client";
import { fiscalYearLabel } from "../../ui/dates";
import { currentFiscalYear, FiscalYearSelect, recentFiscalYears } from "../../ui/FiscalYear";
import { FormModal } from "../../ui/FormModal";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { useFormSubmit } from "../../ui/useFormSubmit";
import { pjm } from "./projectMessages";
import { projectKeys, useIndicatorChoices } from "./projectQueries";

const t = pjm.project;
const stale = (error: unknown) => (error instanceof ApiError && error.status === 409 ? pjm.conflict : undefined);
const fyText = (fy: number) => `${fiscalYearLabel(fy)}（${fy}年度）`;

function useSaved(project: ProjectDetail, onClose: () => void) {
  const queryClient = useQueryClient();
  return async (saved: ProjectDetail, message: string) => {
    queryClient.setQueryData(projectKeys.project(project.id), saved);
    await queryClient.invalidateQueries({ queryKey: ["region", "partnerships", "projects"] });
    await queryClient.invalidateQueries({ queryKey: projectKeys.frameworks });
    onClose();
    return message;
  };
}

// ------------------------------------------------------------------ the project's fields

export interface ProjectFormValues {
  name: string;
  summary: string;
  leadMemberId: string;
  memberIds: string[];
  ownerOrganisationId: string;
  startFiscalYear: string;
  endFiscalYear: string;
}

export const projectFieldsBody = (v: ProjectFormValues) => ({
  name: v.name,
  summary: v.summary,
  leadMemberId: v.leadMemberId || null,
  memberIds: v.memberIds,
  ownerOrganisationId: v.ownerOrganisationId,
  startFiscalYear: v.startFiscalYear ? Number(v.startFiscalYear) : null,
  endFiscalYear: v.endFiscalYear ? Number(v.endFiscalYear) : null,
});

export const projectFieldRules = {
  name: (v: string) => (v.trim() ? null : "事業名を入力してください。"),
  ownerOrganisationId: (v: string) => (v ? null : "所管課を選んでください。"),
};

/** The fields of a project, shared by the edit dialog and the new page. */
export function ProjectFields({
  form,
  members,
  organisations,
}: {
  form: Pick<UseFormReturnType<ProjectFormValues>, "getInputProps">;
  members: { id: string; name: string }[];
  organisations: { id: string; name: string }[];
}) {
  const years = recentFiscalYears(2015).map((fy) => ({ value: String(fy), label: fyText(fy) }));
  return (
    <>
      <TextInput label={t.name} required {...form.getInputProps("name")} />
      <Textarea label={t.summary} autosize minRows={3} maxRows={10} {...form.getInputProps("summary")} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t.lead}
          data={[{ value: "", label: t.leadNone }, ...members.map((m) => ({ value: m.id, label: m.name }))]}
          {...form.getInputProps("leadMemberId")}
        />
        <NativeSelect
          label={t.owner}
          description={t.ownerHelp}
          required
          data={[{ value: "", label: "選んでください" }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
          {...form.getInputProps("ownerOrganisationId")}
        />
      </SimpleGrid>
      <MultiSelect
        label={t.members}
        description={t.membersHelp}
        data={members.map((m) => ({ value: m.id, label: m.name }))}
        searchable
        clearable
        {...form.getInputProps("memberIds")}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t.startFiscalYear}
          data={[{ value: "", label: "未定" }, ...years]}
          {...form.getInputProps("startFiscalYear")}
        />
        <NativeSelect label={t.endFiscalYear} data={[{ value: "", label: "未定" }, ...years]} {...form.getInputProps("endFiscalYear")} />
      </SimpleGrid>
    </>
  );
}

export function ProjectEditDialog({ project, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const saved = useSaved(project, onClose);
  const form = useForm<ProjectFormValues>({
    initialValues: {
      name: project.name,
      summary: project.summary,
      leadMemberId: project.lead?.id ?? "",
      memberIds: project.members.map((m) => m.id),
      ownerOrganisationId: project.owner.id,
      startFiscalYear: project.startFiscalYear ? String(project.startFiscalYear) : "",
      endFiscalYear: project.endFiscalYear ? String(project.endFiscalYear) : "",
    },
    validate: projectFieldRules,
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) => call(updateProject, { params: { id: project.id }, body: { ...projectFieldsBody(v), version: project.version } }),
    saved: (result) => saved(result, t.saved(result.name)),
  });
  return (
    <FormModal
      title={t.formTitleEdit}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={stale(save.error)}
      saving={save.isPending}
    >
      <ProjectFields form={form} members={project.frameworkMembers} organisations={project.organisationChoices} />
    </FormModal>
  );
}

// ------------------------------------------------------------------ status

export function StatusDialog({ project, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const saved = useSaved(project, onClose);
  const next = PROJECT_STATUSES[Math.min(PROJECT_STATUSES.indexOf(project.status) + 1, PROJECT_STATUSES.length - 1)];
  const form = useForm({
    initialValues: { status: (next === project.status ? "" : next) as ProjectStatus | "", on: "", reason: "" },
    validate: {
      status: (v) => (v && v !== project.status ? null : "新しい状態を選んでください。"),
      on: (v) => (v.trim() ? null : "変更日を入力してください。"),
      reason: (v, values) =>
        values.status && PROJECT_STATUSES.indexOf(values.status) < PROJECT_STATUSES.indexOf(project.status) && !v.trim()
          ? "前の状態に戻す理由を入力してください。"
          : null,
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) =>
      call(changeProjectStatus, {
        params: { id: project.id },
        body: { version: project.version, status: v.status as ProjectStatus, on: v.on, reason: v.reason },
      }),
    saved: (result) => saved(result, t.statusChanged(pjm.statuses[result.status])),
  });
  return (
    <FormModal
      title={t.statusDialog}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={stale(save.error)}
      saving={save.isPending}
      size="md"
    >
      <Text size="sm">
        {t.status}: {pjm.statuses[project.status]}
      </Text>
      <NativeSelect
        label={t.newStatus}
        required
        data-autofocus
        data={[
          { value: "", label: "選んでください" },
          ...PROJECT_STATUSES.filter((s) => s !== project.status).map((s) => ({ value: s, label: pjm.statuses[s] })),
        ]}
        {...form.getInputProps("status")}
      />
      <JapaneseDateInput
        label={t.on}
        required
        value={form.values.on}
        onChange={(value) => form.setFieldValue("on", value)}
        error={form.errors.on as string | undefined}
      />
      <Textarea label={t.reason} description={t.reasonHelp} autosize minRows={2} maxRows={6} {...form.getInputProps("reason")} />
    </FormModal>
  );
}

// ------------------------------------------------------------------ budget and funding

export function BudgetDialog({ project, fiscalYear, onClose }: { project: ProjectDetail; fiscalYear?: number; onClose: () => void }) {
  const saved = useSaved(project, onClose);
  const existing = fiscalYear !== undefined ? project.budgets.find((b) => b.fiscalYear === fiscalYear) : undefined;
  const taken = new Set(project.budgets.map((b) => b.fiscalYear));
  const firstFree = recentFiscalYears(2015).find((fy) => !taken.has(fy) && fy <= currentFiscalYear() + 1) ?? currentFiscalYear();
  const form = useForm({
    initialValues: {
      fiscalYear: existing?.fiscalYear ?? firstFree,
      totalYen: (existing?.totalYen ?? "") as number | string,
      ...(Object.fromEntries(FUNDING_SOURCES.map((s) => [s, existing?.funding[s] ?? 0])) as Record<FundingSource, number | string>),
      note: existing?.note ?? "",
      mismatchReason: existing?.mismatchReason ?? "",
    },
    validate: {
      totalYen: (v) => (v === "" || Number(v) < 0 ? "総事業費を0円以上で入力してください。" : null),
      fiscalYear: (v) => (!existing && taken.has(v) ? "この年度の予算はすでにあります。表の「編集」から変更してください。" : null),
    },
  });
  const funding = Object.fromEntries(FUNDING_SOURCES.map((s) => [s, Number(form.values[s]) || 0])) as Record<FundingSource, number>;
  const check = checkFunding(Number(form.values.totalYen) || 0, funding);
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) =>
      call(putProjectBudget, {
        params: { id: project.id, fiscalYear: v.fiscalYear },
        body: {
          version: existing?.version ?? null,
          totalYen: Number(v.totalYen),
          funding,
          note: v.note,
          mismatchReason: check.matches ? "" : v.mismatchReason,
        },
      }),
    saved: (result) => saved(result, t.budgetSaved),
  });
  return (
    <FormModal
      title={t.budgetDialog(fyText(form.values.fiscalYear))}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={stale(save.error)}
      saving={save.isPending}
      size="lg"
    >
      {!existing && (
        <FiscalYearSelect
          label={t.budgetYear}
          value={form.values.fiscalYear}
          onChange={(fy) => fy && form.setFieldValue("fiscalYear", fy)}
          error={form.errors.fiscalYear}
        />
      )}
      <NumberInput
        label={`${t.total}（円）`}
        required
        data-autofocus
        min={0}
        step={100000}
        thousandSeparator=","
        allowDecimal={false}
        allowNegative={false}
        {...form.getInputProps("totalYen")}
      />
      <fieldset className="yk-fieldset">
        <legend>財源の内訳（円）</legend>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {FUNDING_SOURCES.map((s) => (
            <NumberInput
              key={s}
              label={pjm.sources[s]}
              min={0}
              step={100000}
              thousandSeparator=","
              allowDecimal={false}
              allowNegative={false}
              {...form.getInputProps(s)}
            />
          ))}
        </SimpleGrid>
      </fieldset>
      <Text size="sm" aria-live="polite" c={check.matches ? undefined : "red.9"} fw={check.matches ? undefined : 600}>
        {t.sumLine(pjm.yen(check.fundingTotalYen), pjm.yen(Number(form.values.totalYen) || 0))}
        {check.matches ? `（${t.matches}）` : `　${check.message}`}
      </Text>
      {!check.matches && (
        <Textarea
          label={t.mismatchReason}
          description={t.mismatchHelp}
          required
          autosize
          minRows={2}
          {...form.getInputProps("mismatchReason")}
        />
      )}
      <Textarea label={t.budgetNote} autosize minRows={2} maxRows={6} {...form.getInputProps("note")} />
      <Text size="xs" c="dimmed">
        {t.fundingNote}
      </Text>
    </FormModal>
  );
}

// ------------------------------------------------------------------ indicators

export function IndicatorsDialog({ project, onClose }: { project: ProjectDetail; onClose: () => void }) {
  const saved = useSaved(project, onClose);
  const choices = useIndicatorChoices(true);
  const form = useForm({ initialValues: { indicatorIds: project.indicators.filter((i) => i.found).map((i) => i.indicatorId) } });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) => call(putProjectIndicators, { params: { id: project.id }, body: v }),
    saved: (result) => saved(result, t.indicatorsSaved),
  });
  return (
    <FormModal
      title={t.indicatorsDialog}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
      size="lg"
    >
      {choices.data?.plan && <Text size="sm">{choices.data.plan.name}</Text>}
      <MultiSelect
        label={t.indicatorsLabel}
        data-autofocus
        searchable
        clearable
        nothingFoundMessage="該当する指標はありません"
        data={(choices.data?.items ?? []).map((i) => ({ value: i.id, label: `${i.code} ${i.name}（${i.unit}）` }))}
        {...form.getInputProps("indicatorIds")}
      />
    </FormModal>
  );
}

// ------------------------------------------------------------------ 庁内調整

export function StepDialog({ project, step, onClose }: { project: ProjectDetail; step?: ProjectStep; onClose: () => void }) {
  const saved = useSaved(project, onClose);
  const finance = project.organisationChoices.find((o) => o.name === "財政課");
  const form = useForm({
    initialValues: {
      kind: (step?.kind ?? "department") as StepKind,
      organisationId: step?.organisation.id ?? "",
      fiscalYear: step?.fiscalYear ?? currentFiscalYear() + 1,
      status: (step?.status ?? "planned") as StepStatus,
      startedOn: step?.startedOn ?? "",
      endedOn: step?.endedOn ?? "",
      note: step?.note ?? "",
    },
    validate: { organisationId: (v) => (v ? null : "相手の部署を選んでください。") },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) => {
      const body = {
        kind: v.kind,
        organisationId: v.organisationId,
        fiscalYear: v.kind === "budget" ? v.fiscalYear : null,
        status: v.status,
        startedOn: v.startedOn.trim() || null,
        endedOn: v.endedOn.trim() || null,
        note: v.note,
      };
      return step
        ? call(updateProjectStep, { params: { id: project.id, stepId: step.id }, body: { ...body, version: step.version } })
        : call(addProjectStep, { params: { id: project.id }, body });
    },
    saved: (result) => saved(result, t.stepSaved),
  });
  return (
    <FormModal
      title={t.stepDialog}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={stale(save.error)}
      saving={save.isPending}
      size="lg"
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t.stepKind}
          required
          data-autofocus
          data={STEP_KINDS.map((k) => ({ value: k, label: pjm.stepKinds[k] }))}
          {...form.getInputProps("kind")}
          onChange={(e) => {
            const kind = e.currentTarget.value as StepKind;
            form.setFieldValue("kind", kind);
            if (kind === "budget" && !form.values.organisationId && finance) form.setFieldValue("organisationId", finance.id);
          }}
        />
        <NativeSelect
          label={t.organisation}
          required
          data={[{ value: "", label: "選んでください" }, ...project.organisationChoices.map((o) => ({ value: o.id, label: o.name }))]}
          {...form.getInputProps("organisationId")}
        />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t.stepStatus}
          required
          data={STEP_STATUSES.map((s) => ({ value: s, label: pjm.stepStatuses[form.values.kind][s] }))}
          {...form.getInputProps("status")}
        />
        {form.values.kind === "budget" && (
          <FiscalYearSelect
            label={t.budgetFiscalYear}
            value={form.values.fiscalYear}
            onChange={(fy) => fy && form.setFieldValue("fiscalYear", fy)}
          />
        )}
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <JapaneseDateInput
          label={t.started}
          value={form.values.startedOn}
          onChange={(value) => form.setFieldValue("startedOn", value)}
          error={form.errors.startedOn as string | undefined}
        />
        <JapaneseDateInput
          label={t.ended}
          value={form.values.endedOn}
          onChange={(value) => form.setFieldValue("endedOn", value)}
          error={form.errors.endedOn as string | undefined}
        />
      </SimpleGrid>
      <Textarea label={t.stepNote} autosize minRows={2} maxRows={6} {...form.getInputProps("note")} />
    </FormModal>
  );
}

export function RoundDialog({ project, step, onClose }: { project: ProjectDetail; step: ProjectStep; onClose: () => void }) {
  const saved = useSaved(project, onClose);
  const form = useForm({
    initialValues: { heldOn: "", title: "", outcome: "" },
    validate: {
      heldOn: (v) => (v.trim() ? null : "日付を入力してください。"),
      title: (v) => (v.trim() ? null : "内容を入力してください。"),
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: (v) => call(addStepRound, { params: { id: project.id, stepId: step.id }, body: v }),
    saved: (result) => saved(result, t.stepSaved),
  });
  return (
    <FormModal
      title={`${t.roundDialog}（${step.organisation.name}）`}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      saving={save.isPending}
      size="md"
    >
      <JapaneseDateInput
        label={t.roundOn}
        required
        data-autofocus
        value={form.values.heldOn}
        onChange={(value) => form.setFieldValue("heldOn", value)}
        error={form.errors.heldOn as string | undefined}
      />
      <TextInput label={t.roundTitle} required {...form.getInputProps("title")} />
      <Textarea label={t.roundOutcome} autosize minRows={2} maxRows={6} {...form.getInputProps("outcome")} />
    </FormModal>
  );
}

// ------------------------------------------------------------------ yearly report

export function ReportDialog({ project, report, onClose }: { project: ProjectDetail; report?: YearlyReport; onClose: () => void }) {
  const saved = useSaved(project, onClose);
  const taken = new Set(project.reports.map((r) => r.fiscalYear));
  const form = useForm({
    initialValues: {
      fiscalYear:
        report?.fiscalYear ?? recentFiscalYears(2015).find((fy) => !taken.has(fy) && fy <= currentFiscalYear()) ?? currentFiscalYear(),
      results: report?.results ?? "",
      outcomes: report?.outcomes ?? "",
      issues: report?.issues ?? "",
      nextPolicy: report?.nextPolicy ?? "",
    },
    validate: {
      fiscalYear: (v) => (!report && taken.has(v) ? "この年度の年次報告はすでにあります。「編集」から変更してください。" : null),
    },
  });
  const { formRef, submit, save } = useFormSubmit(form, {
    send: ({ fiscalYear, ...v }) =>
      call(putProjectReport, { params: { id: project.id, fiscalYear }, body: { ...v, version: report?.version ?? null } }),
    saved: (result) => saved(result, t.reportSaved),
  });
  return (
    <FormModal
      title={t.reportDialog(fyText(form.values.fiscalYear))}
      onClose={onClose}
      formRef={formRef}
      onSubmit={submit}
      error={save.error}
      conflictMessage={stale(save.error)}
      saving={save.isPending}
    >
      {!report && (
        <FiscalYearSelect
          label={t.fiscalYear}
          value={form.values.fiscalYear}
          onChange={(fy) => fy && form.setFieldValue("fiscalYear", fy)}
          error={form.errors.fiscalYear}
        />
      )}
      <Stack gap="sm">
        <Textarea label={t.results} autosize minRows={3} maxRows={10} data-autofocus {...form.getInputProps("results")} />
        <Textarea label={t.outcomes} autosize minRows={2} maxRows={10} {...form.getInputProps("outcomes")} />
        <Textarea label={t.issues} autosize minRows={2} maxRows={10} {...form.getInputProps("issues")} />
        <Textarea label={t.nextPolicy} autosize minRows={2} maxRows={10} {...form.getInputProps("nextPolicy")} />
      </Stack>
    </FormModal>
  );
}
