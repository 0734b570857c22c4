// /vision/indicators/new?nodeId=… and /vision/indicators/$id/edit: an indicator's (KPI) definition, validated with
// the contract's schema (a numeric, graded indicator needs its baseline, its date, the target and its year).
import { Alert, Button, Group, Loader, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
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
import { parseFiscalYear } from "../../../common/dates";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { organisationOptions } from "../../admin/UsersPage";
import { call } from "../../api/client";
import { m } from "../../messages";
import { fiscalYearLabel } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors, isConflict } from "../../ui/errors";
import { FiscalYearInput } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { AnchorLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { useOrganisations } from "../policy";
import { bodyOf, issuesToFields, numberText, parseNumberText, VisionNav } from "./components";
import { vm } from "./messages";
import { invalidateVision, useCurrentPlan, useIndicator, usePlan, visionKeys } from "./queries";

const f = vm.indicatorForm;
const t = vm.indicator;

interface FormState {
  nodeId: string;
  code: string;
  name: string;
  unit: string;
  kind: (typeof INDICATOR_KINDS)[number] | "";
  direction: (typeof DIRECTIONS)[number];
  ratingMode: (typeof RATING_MODES)[number];
  baselineValue: string;
  baselineDate: string;
  targetValue: string;
  targetFiscalYear: string;
  dataSource: string;
  exclusion: string;
  ownerOrganisationId: string;
  weight: string;
  sortOrder: string;
}

function initialState(indicator: IndicatorDetail | undefined, nodeId: string | undefined): FormState {
  const i = indicator;
  return {
    nodeId: i?.nodeId ?? nodeId ?? "",
    code: i?.code ?? "",
    name: i?.name ?? "",
    unit: i?.unit ?? "",
    kind: i?.kind ?? "",
    direction: i?.direction ?? "higher",
    ratingMode: i?.ratingMode ?? "numeric",
    baselineValue: numberText(i?.baselineValue),
    baselineDate: i?.baselineDate ?? "",
    targetValue: numberText(i?.targetValue),
    targetFiscalYear: i?.targetFiscalYear ? fiscalYearLabel(i.targetFiscalYear) : "",
    dataSource: i?.dataSource ?? "",
    exclusion: i?.exclusion ?? "",
    ownerOrganisationId: i?.ownerOrganisationId ?? "",
    weight: numberText(i?.weight ?? 1),
    sortOrder: String(i?.sortOrder ?? 10),
  };
}

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
  const [form, setForm] = useState<FormState>(() => initialState(indicator, nodeId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const isNew = !indicator;

  useEffect(() => {
    if (focusTick === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (invalid) (invalid.matches("fieldset") ? invalid.querySelector<HTMLElement>("input") : invalid)?.focus();
  }, [focusTick]);

  function set<K extends keyof FormState>(key: K, value: FormState[K]) {
    setForm((current) => ({ ...current, [key]: value }));
    if (errors[key]) setErrors((current) => ({ ...current, [key]: "" }));
  }
  const text = (key: keyof FormState) => ({
    value: form[key],
    onChange: (event: React.ChangeEvent<HTMLInputElement>) => set(key, event.currentTarget.value as never),
    error: errors[key] || undefined,
  });

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
      setErrors(fieldErrors(error));
      setFocusTick((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const num = (key: keyof FormState, optional: boolean): number | null => {
      const n = parseNumberText(form[key]);
      if (n === undefined || (n === null && !optional)) {
        found[key] = f.numberInvalid;
        return null;
      }
      return n;
    };
    let targetFiscalYear: number | null = null;
    if (form.targetFiscalYear.trim()) {
      targetFiscalYear = parseFiscalYear(form.targetFiscalYear);
      if (targetFiscalYear === null) found.targetFiscalYear = f.fiscalYearInvalid;
    }
    if (!form.nodeId) found.nodeId = f.nodeRequired;
    // zod runs the contract's "complete for grading" rule only once the rest parses; say it at once here
    if (form.ratingMode === "numeric" && !form.exclusion) {
      if (!form.baselineValue.trim()) found.baselineValue ??= f.neededForGrading(t.baseline);
      if (!form.baselineDate.trim()) found.baselineDate ??= f.neededForGrading(t.baselineDate);
      if (!form.targetValue.trim()) found.targetValue ??= f.neededForGrading(t.target);
      if (!form.targetFiscalYear.trim()) found.targetFiscalYear ??= f.neededForGrading(t.targetYear);
    }
    const body = {
      ...(indicator ? { version: indicator.version } : {}),
      nodeId: form.nodeId,
      code: form.code,
      name: form.name,
      unit: form.unit,
      kind: form.kind,
      direction: form.direction,
      ratingMode: form.ratingMode,
      baselineValue: num("baselineValue", true),
      baselineDate: form.baselineDate.trim() || null,
      targetValue: num("targetValue", true),
      targetFiscalYear,
      dataSource: form.dataSource,
      exclusion: form.exclusion || null,
      ownerOrganisationId: form.ownerOrganisationId || null,
      weight: num("weight", false) ?? Number.NaN,
      sortOrder: num("sortOrder", false) ?? Number.NaN,
    };
    const schema = indicator ? bodyOf(updateIndicator) : bodyOf(createIndicator);
    const { nodeId: _node, ...createBody } = body;
    const parsed = schema.safeParse(indicator ? body : createBody, { error: japaneseErrorMap });
    if (!parsed.success) for (const [k, v] of Object.entries(issuesToFields(parsed.error.issues))) found[k] ??= v;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFocusTick((n) => n + 1);
      return;
    }
    save.mutate(body);
  }

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

  const graded = form.ratingMode === "numeric" && !form.exclusion;
  const hasErrors = Object.values(errors).some(Boolean);
  return (
    <>
      <PageHeader title={title} breadcrumbs={breadcrumbs} subtitle={f.intro} />
      <VisionNav />
      <form ref={formRef} onSubmit={submit} noValidate>
        <Stack gap="lg">
          <ErrorAlert error={save.error} conflictMessage={f.conflict} />
          {hasErrors && !save.error && (
            <Alert color="red" variant="light" role="alert" title={f.errorsHeading}>
              {f.errorsCount(Object.values(errors).filter(Boolean).length)}
            </Alert>
          )}
          <Section id="ind-basic" title={t.definition}>
            <NativeSelect
              label={f.node}
              required
              value={form.nodeId}
              data={[{ value: "", label: f.choose }, ...nodeOptions(plan.data?.tree ?? [])]}
              onChange={(e) => set("nodeId", e.currentTarget.value)}
              error={errors.nodeId || undefined}
            />
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label={t.code}
                required
                description={vm.nodeForm.codeHelp}
                inputWrapperOrder={["label", "input", "description", "error"]}
                {...text("code")}
              />
              <TextInput label={t.name} required {...text("name")} style={{ gridColumn: "span 2" }} />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput label={t.unit} {...text("unit")} />
              <NativeSelect
                label={t.owner}
                value={form.ownerOrganisationId}
                data={[{ value: "", label: f.ownerNone }, ...organisationOptions(organisations.data?.items ?? [])]}
                onChange={(e) => set("ownerOrganisationId", e.currentTarget.value)}
                error={errors.ownerOrganisationId || undefined}
              />
              <TextInput label={t.dataSource} {...text("dataSource")} />
            </SimpleGrid>
            <RadioFieldset
              legend={t.kind}
              name="kind"
              value={form.kind}
              options={INDICATOR_KINDS.map((k) => ({ value: k, label: k }))}
              onChange={(v) => set("kind", v)}
              error={errors.kind}
            />
            <RadioFieldset
              legend={t.direction}
              name="direction"
              value={form.direction}
              options={DIRECTIONS.map((d) => ({ value: d, label: DIRECTION_LABELS[d] }))}
              onChange={(v) => set("direction", v)}
              error={errors.direction}
            />
            <RadioFieldset
              legend={t.ratingMode}
              name="ratingMode"
              value={form.ratingMode}
              options={RATING_MODES.map((r) => ({ value: r, label: RATING_MODE_LABELS[r] }))}
              onChange={(v) => set("ratingMode", v)}
              error={errors.ratingMode}
            />
          </Section>
          <Section id="ind-target" title={`${t.baseline}・${t.target}`}>
            {graded && (
              <Text size="sm" c="dimmed">
                {f.intro}
              </Text>
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t.baseline} inputMode="decimal" required={graded} {...text("baselineValue")} />
              <JapaneseDateInput
                label={t.baselineDate}
                required={graded}
                description={f.baselineHelp}
                value={form.baselineDate}
                onChange={(v) => set("baselineDate", v)}
                error={errors.baselineDate || undefined}
              />
              <TextInput label={t.target} inputMode="decimal" required={graded} {...text("targetValue")} />
              <FiscalYearInput
                label={t.targetYear}
                required={graded}
                value={form.targetFiscalYear}
                onChange={(v) => set("targetFiscalYear", v)}
                error={errors.targetFiscalYear || undefined}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <NativeSelect
                label={t.exclusion}
                value={form.exclusion}
                data={[{ value: "", label: f.exclusionNone }, ...EXCLUSIONS.map((x) => ({ value: x, label: x }))]}
                onChange={(e) => set("exclusion", e.currentTarget.value)}
                error={errors.exclusion || undefined}
              />
              <TextInput
                label={t.weight}
                description={f.weightHelp}
                inputMode="decimal"
                inputWrapperOrder={["label", "input", "description", "error"]}
                {...text("weight")}
              />
              <TextInput label={f.sortOrder} inputMode="numeric" {...text("sortOrder")} />
            </SimpleGrid>
          </Section>
          <Group justify="flex-end">
            {indicator ? (
              <AnchorLink to="/vision/indicators/$id" params={{ id: indicator.id }}>
                {m.common.cancel}
              </AnchorLink>
            ) : form.nodeId ? (
              <AnchorLink to="/vision/nodes/$id" params={{ id: form.nodeId }}>
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
