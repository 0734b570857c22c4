// /vision/indicators/new?nodeId=… and /vision/indicators/$id/edit: an indicator's (KPI) definition, validated with
// the contract's schema (a numeric, graded indicator needs its baseline, its date, the target and its year).
import { Alert, Button, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import type { ReactNode } from "react";
import {
  createIndicator,
  DIRECTION_LABELS,
  DIRECTIONS,
  EXCLUSIONS,
  INDICATOR_KINDS,
  type IndicatorDetail,
  NODE_KIND_LABELS,
  RATING_MODE_LABELS,
  RATING_MODES,
  updateIndicator,
  type VisionTreeNode,
} from "../../../common/api/vision";
import { organisationOptions } from "../../admin/organisationOptions";
import { call } from "../../api/client";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors, isConflict } from "../../ui/errors";
import { FiscalYearInput } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { useOrganisations } from "../policy";
import { bodyOf, VisionNav } from "./components";
import { type IndicatorValues, indicatorBody, indicatorErrors, indicatorValues } from "./indicator-form-values";
import { vm } from "./messages";
import { invalidateVision, useCurrentPlan, useIndicator, usePlan, visionKeys } from "./queries";

const f = vm.indicatorForm;
const t = vm.indicator;

export function IndicatorFormPage({ id, nodeId }: { id?: string; nodeId?: string }) {
  if (id) return <EditIndicator id={id} />;
  return <NewIndicator nodeId={nodeId} />;
}

function EditIndicator({ id }: { id: string }) {
  const indicator = useIndicator(id);
  if (indicator.error) {
    return (
      <>
        <PageHeader title={f.editShort} />
        <ErrorAlert error={indicator.error} />
      </>
    );
  }
  if (!indicator.data) return <Loader aria-label={m.common.loading} />;
  return <IndicatorForm key={`${indicator.data.id}-${indicator.data.version}`} planId={indicator.data.planId} indicator={indicator.data} />;
}

function NewIndicator({ nodeId }: { nodeId?: string }) {
  const { planId } = useCurrentPlan();
  if (!planId) return <Loader aria-label={m.common.loading} />;
  return <IndicatorForm planId={planId} nodeId={nodeId} />;
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} id={id} mb="sm" className="yk-section-title">
        {title}
      </Title>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

/** A form error for the inputs that take a plain string (radio groups, 和暦 date and 年度 inputs). */
function errorText(error: ReactNode): string | undefined {
  return error ? String(error) : undefined;
}

function nodeOptions(tree: readonly VisionTreeNode[]): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const visit = (n: VisionTreeNode, depth: number) => {
    out.push({ value: n.id, label: `${"　".repeat(depth)}${NODE_KIND_LABELS[n.kind]} ${n.code} ${n.title}` });
    for (const c of n.children) visit(c, depth + 1);
  };
  for (const root of tree) visit(root, 0);
  return out;
}

function IndicatorForm({ planId, indicator, nodeId }: { planId: string; indicator?: IndicatorDetail; nodeId?: string }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  const plan = usePlan(planId);
  const organisations = useOrganisations();
  const form = useForm<IndicatorValues>({
    initialValues: indicatorValues(indicator, nodeId),
    validate: (values) => indicatorErrors(values, indicator),
  });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();
  const isNew = !indicator;

  const save = useMutation({
    mutationFn: async (body: Record<string, unknown>) => {
      if (indicator) {
        return call(updateIndicator, { params: { id: indicator.id }, body: bodyOf(updateIndicator).parse(body) });
      }
      const { nodeId: target, ...rest } = body;
      return call(createIndicator, { params: { id: String(target) }, body: bodyOf(createIndicator).parse(rest) });
    },
    onSuccess: async (saved) => {
      queryClient.setQueryData(visionKeys.indicator(saved.id), saved);
      flash.show(isNew ? f.created : f.updated);
      await invalidateVision(queryClient);
      navigate({ to: "/vision/indicators/$id", params: { id: saved.id } });
    },
    onError: (error) => {
      if (isConflict(error)) invalidateVision(queryClient);
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });

  const title = isNew ? f.createTitle : f.editTitle(indicator.name);
  const breadcrumbs = [
    { label: vm.moduleName, href: "/vision" },
    { label: vm.plan.title, href: "/vision/plan" },
    ...(indicator ? [{ label: indicator.name, href: `/vision/indicators/${indicator.id}` }] : []),
    { label: isNew ? f.createTitle : f.editShort },
  ];

  if (indicator && !indicator.canManage) {
    return (
      <>
        <PageHeader title={title} breadcrumbs={breadcrumbs} />
        <VisionNav />
        <Alert color="yellow" variant="light" role="status">
          {f.cannotEdit}
        </Alert>
        <AnchorLink to="/vision/indicators/$id" params={{ id: indicator.id }} mt="md" display="inline-block">
          {m.common.back}
        </AnchorLink>
      </>
    );
  }

  const values = form.values;
  const graded = values.ratingMode === "numeric" && !values.exclusion;
  const errorCount = Object.values(form.errors).filter(Boolean).length;
  return (
    <>
      <PageHeader title={title} breadcrumbs={breadcrumbs} subtitle={f.intro} />
      <VisionNav />
      <form ref={ref} onSubmit={form.onSubmit((v) => save.mutate(indicatorBody(v, indicator)), focusFirstInvalid)} noValidate>
        <Stack gap="lg">
          <ErrorAlert error={save.error} conflictMessage={f.conflict} />
          {errorCount > 0 && !save.error && (
            <Alert color="red" variant="light" role="alert" title={f.errorsHeading}>
              {f.errorsCount(errorCount)}
            </Alert>
          )}
          <Section id="ind-basic" title={t.definition}>
            <NativeSelect
              label={f.node}
              required
              data={[{ value: "", label: f.choose }, ...nodeOptions(plan.data?.tree ?? [])]}
              {...form.getInputProps("nodeId")}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t.code}
                required
                description={vm.nodeForm.codeHelp}
                inputWrapperOrder={["label", "input", "description", "error"]}
                {...form.getInputProps("code")}
              />
              <TextInput label={t.name} required {...form.getInputProps("name")} style={{ gridColumn: "span 2" }} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t.unit} {...form.getInputProps("unit")} />
              <NativeSelect
                label={t.owner}
                data={[{ value: "", label: f.ownerNone }, ...organisationOptions(organisations.data?.items ?? [])]}
                {...form.getInputProps("ownerOrganisationId")}
              />
              <TextInput label={t.dataSource} {...form.getInputProps("dataSource")} />
            </SimpleGrid>
            <RadioFieldset
              legend={t.kind}
              name="kind"
              value={values.kind}
              options={INDICATOR_KINDS.map((k) => ({ value: k, label: k }))}
              onChange={(v) => form.setFieldValue("kind", v)}
              error={errorText(form.errors.kind)}
            />
            <RadioFieldset
              legend={t.direction}
              name="direction"
              value={values.direction}
              options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
              onChange={(v) => form.setFieldValue("direction", v)}
              error={errorText(form.errors.direction)}
            />
            <RadioFieldset
              legend={t.ratingMode}
              name="ratingMode"
              value={values.ratingMode}
              options={RATING_MODES.map((r) => ({ value: r, label: RATING_MODE_LABELS[r] }))}
              onChange={(v) => form.setFieldValue("ratingMode", v)}
              error={errorText(form.errors.ratingMode)}
            />
          </Section>
          <Section id="ind-target" title={`${t.baseline}・${t.target}`}>
            {graded && (
              <Text size="sm" c="dimmed">
                {f.intro}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t.baseline} inputMode="decimal" required={graded} {...form.getInputProps("baselineValue")} />
              <JapaneseDateInput
                label={t.baselineDate}
                required={graded}
                description={f.baselineHelp}
                value={values.baselineDate}
                onChange={(v) => form.setFieldValue("baselineDate", v)}
                error={errorText(form.errors.baselineDate)}
              />
              <TextInput label={t.target} inputMode="decimal" required={graded} {...form.getInputProps("targetValue")} />
              <FiscalYearInput
                label={t.targetYear}
                required={graded}
                value={values.targetFiscalYear}
                onChange={(v) => form.setFieldValue("targetFiscalYear", v)}
                error={errorText(form.errors.targetFiscalYear)}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label={t.exclusion}
                data={[{ value: "", label: f.exclusionNone }, ...EXCLUSIONS.map((x) => ({ value: x, label: x }))]}
                {...form.getInputProps("exclusion")}
              />
              <TextInput
                label={t.weight}
                description={f.weightHelp}
                inputMode="decimal"
                inputWrapperOrder={["label", "input", "description", "error"]}
                {...form.getInputProps("weight")}
              />
              <TextInput label={f.sortOrder} inputMode="numeric" {...form.getInputProps("sortOrder")} />
            </SimpleGrid>
          </Section>
          <Group justify="flex-end">
            {indicator ? (
              <AnchorLink to="/vision/indicators/$id" params={{ id: indicator.id }}>
                {m.common.cancel}
              </AnchorLink>
            ) : values.nodeId ? (
              <AnchorLink to="/vision/nodes/$id" params={{ id: values.nodeId }}>
                {m.common.cancel}
              </AnchorLink>
            ) : null}
            <Button type="submit" loading={save.isPending}>
              {isNew ? f.submitCreate : f.submitEdit}
            </Button>
          </Group>
        </Stack>
      </form>
    </>
  );
}
