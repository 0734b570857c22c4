// /region/cost-shares/rules/new?projectId= and /region/cost-shares/rules/$id/edit: the rule editor (region managers).
// Components one under another, each a fieldset with its kind, weight (in %, 0.01 steps) and basis; the weights' sum
// is shown live and must be exactly 100 %. Saving a rule makes version 1; saving an edit makes a new version and leaves
// the older ones as they were. Everything is reachable by keyboard, every input labelled.
import { Alert, Button, Checkbox, Group, NativeSelect, NumberInput, Paper, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "@tanstack/react-router";
import { useState } from "react";
import { createCostRule, createCostRuleVersion, type ProjectMember } from "../../../common/api/region-cost-shares";
import { getPopulationTable } from "../../../common/api/region-municipalities";
import {
  COMPONENT_KIND_LABELS,
  COMPONENT_KINDS,
  type ComponentKind,
  type CostShareComponent,
  type CostShareRule,
  formatWeight,
  ROUNDING_METHOD_LABELS,
  ROUNDING_METHODS,
  ROUNDING_UNITS,
  ruleBodySchema,
  WEIGHT_SCALE,
} from "../../../common/region/cost-share";
import { describePopulationSet } from "../../../common/region/population-basis";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { currentFiscalYear, FiscalYearSelect, recentFiscalYears } from "../../ui/FiscalYear";
import { Loading } from "../../ui/Loading";
import { PageHeader } from "../../ui/PageHeader";
import { csm } from "./costShareMessages";
import { costShareKeys, useCostRule, useCostRules } from "./costShareQueries";
import { rgm } from "./messages";

/** A component as the form holds it: every kind's fields at once, weights in 1/100 %. */
interface Draft {
  kind: ComponentKind;
  label: string;
  weight: number;
  mode: "all" | "exclude" | "only";
  memberIds: string[];
  populationSet: string;
  figureName: string;
  period: string;
  fiscalYear: number;
  hostMemberId: string;
  fixed: Record<string, number>;
}

function draftOf(c: CostShareComponent | null, members: readonly ProjectMember[]): Draft {
  const base: Draft = {
    kind: "equal",
    label: "",
    weight: 0,
    mode: "all",
    memberIds: [],
    populationSet: "",
    figureName: "",
    period: "前年度",
    fiscalYear: currentFiscalYear(),
    hostMemberId: members[0]?.id ?? "",
    fixed: {},
  };
  if (!c) return base;
  const d: Draft = { ...base, kind: c.kind, label: c.label, weight: c.weight };
  if (c.appliesTo.mode !== "all") {
    d.mode = c.appliesTo.mode;
    d.memberIds = c.appliesTo.memberIds;
  }
  if (c.kind === "population") d.populationSet = `${c.basis}|${c.asOf}`;
  if (c.kind === "usage") Object.assign(d, { figureName: c.figureName, period: c.period });
  if (c.kind === "fiscal_need") d.fiscalYear = c.fiscalYear;
  if (c.kind === "hosting") d.hostMemberId = c.hostMemberId;
  if (c.kind === "fixed") d.fixed = Object.fromEntries(c.shares.map((s) => [s.memberId, s.weight]));
  return d;
}

function componentOf(d: Draft): unknown {
  const appliesTo = d.mode === "all" ? { mode: "all" } : { mode: d.mode, memberIds: d.memberIds };
  const common = { label: d.label, weight: d.weight };
  switch (d.kind) {
    case "equal":
      return { kind: "equal", ...common, appliesTo };
    case "population": {
      const [basis, asOf] = d.populationSet.split("|");
      return { kind: "population", ...common, appliesTo, basis, asOf };
    }
    case "usage":
      return { kind: "usage", ...common, appliesTo, figureName: d.figureName, period: d.period };
    case "fiscal_need":
      return { kind: "fiscal_need", ...common, appliesTo, fiscalYear: d.fiscalYear };
    case "hosting":
      return { kind: "hosting", ...common, hostMemberId: d.hostMemberId };
    case "fixed":
      return {
        kind: "fixed",
        ...common,
        shares: Object.entries(d.fixed)
          .filter(([, w]) => w > 0)
          .map(([memberId, weight]) => ({ memberId, weight })),
      };
  }
}

/** % typed (45, 11.18) ⇄ 1/100 % (4500, 1118). */
const toWeight = (v: string | number) => Math.round(Number(v || 0) * 100);
const toPercent = (w: number) => w / 100;

export function CostRuleEditorPage({ ruleId, projectId }: { ruleId?: string; projectId?: string }) {
  const existing = useCostRule(ruleId ?? "");
  const list = useCostRules(projectId);
  if (ruleId ? existing.isPending : list.isPending) return <Loading />;
  const error = ruleId ? existing.error : list.error;
  if (error) return <ErrorAlert error={error} />;
  if (ruleId && existing.data) {
    const latest = existing.data.versions[0];
    return (
      <Editor
        key={latest.id}
        title={csm.editorVersion(existing.data.name, latest.version + 1)}
        members={existing.data.members}
        projectId={existing.data.projectId}
        rule={latest.rule as CostShareRule}
        appliesFrom={latest.appliesFromFiscalYear}
        ruleId={existing.data.id}
        basedOnVersion={latest.version}
        back={`/region/cost-shares/rules/${existing.data.id}`}
      />
    );
  }
  if (!list.data?.project)
    return (
      <>
        <PageHeader
          title={csm.editorNew}
          breadcrumbs={[
            { label: rgm.moduleName, href: "/region" },
            { label: csm.title, href: "/region/cost-shares" },
            { label: csm.editorNew },
          ]}
        />
        <Text size="sm">{csm.chooseProject}</Text>
      </>
    );
  return (
    <Editor
      title={`${csm.editorNew}（${list.data.project.name}）`}
      members={list.data.projectMembers}
      projectId={list.data.project.id}
      rule={null}
      appliesFrom={currentFiscalYear()}
      back={`/region/cost-shares?projectId=${list.data.project.id}`}
    />
  );
}

interface EditorProps {
  title: string;
  members: ProjectMember[];
  projectId: string;
  rule: CostShareRule | null;
  appliesFrom: number;
  ruleId?: string;
  basedOnVersion?: number;
  back: string;
}

function Editor({ title, members, projectId, rule, appliesFrom, ruleId, basedOnVersion, back }: EditorProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const sets = useQuery({
    queryKey: ["region", "municipalities", "populations", null, null],
    queryFn: () => call(getPopulationTable, { query: {} }),
  });
  const [name, setName] = useState("");
  const [description, setDescription] = useState("");
  const [note, setNote] = useState("");
  const [fiscalYear, setFiscalYear] = useState(appliesFrom);
  const [drafts, setDrafts] = useState<Draft[]>(rule ? rule.components.map((c) => draftOf(c, members)) : [draftOf(null, members)]);
  const [unit, setUnit] = useState<number>(rule?.rounding.unit ?? 1000);
  const [method, setMethod] = useState<string>(rule?.rounding.method ?? "floor");
  const central = members.find((m) => m.role === "central_city") ?? members[0];
  const [remainder, setRemainder] = useState(rule?.remainderMemberId ?? central?.id ?? "");
  const [problem, setProblem] = useState<string | null>(null);
  const sum = drafts.reduce((s, d) => s + d.weight, 0);
  const populationOptions = (sets.data?.sets ?? []).map((s) => ({
    value: `${s.basis}|${s.asOf}`,
    label: describePopulationSet(s.basis, s.asOf),
  }));
  const save = useMutation({
    mutationFn: async (body: CostShareRule) =>
      ruleId
        ? call(createCostRuleVersion, {
            params: { id: ruleId },
            body: { basedOnVersion: basedOnVersion ?? 1, appliesFromFiscalYear: fiscalYear, note, rule: body },
          })
        : call(createCostRule, { body: { projectId, name, description, appliesFromFiscalYear: fiscalYear, note, rule: body } }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: costShareKeys.all });
      router.history.push(`/region/cost-shares/rules/${saved.id}`);
    },
  });
  const update = (i: number, patch: Partial<Draft>) => setDrafts(drafts.map((d, j) => (j === i ? { ...d, ...patch } : d)));
  const submit = () => {
    const parsed = ruleBodySchema.safeParse({
      components: drafts.map((d) => componentOf({ ...d, populationSet: d.populationSet || populationOptions[0]?.value || "" })),
      rounding: { unit, method },
      remainderMemberId: remainder,
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues.map((i) => i.message).join(" "));
      return;
    }
    setProblem(null);
    save.mutate(parsed.data);
  };
  return (
    <>
      <PageHeader
        title={title}
        subtitle={csm.editorIntro}
        breadcrumbs={[{ label: rgm.moduleName, href: "/region" }, { label: csm.title, href: back }, { label: title }]}
      />
      <Paper
        withBorder
        p="md"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack gap="md">
          {!ruleId && (
            <>
              <TextInput label={csm.ruleName} value={name} onChange={(e) => setName(e.currentTarget.value)} required maxLength={80} />
              <Textarea
                label={csm.description}
                value={description}
                onChange={(e) => setDescription(e.currentTarget.value)}
                autosize
                minRows={2}
              />
            </>
          )}
          <FiscalYearSelect
            label={csm.appliesFrom}
            value={fiscalYear}
            onChange={(fy) => setFiscalYear(fy ?? currentFiscalYear())}
            years={recentFiscalYears(2019, [appliesFrom])}
            w={240}
          />
          <Title order={2} size="h5">
            {csm.components}
          </Title>
          {drafts.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: components are positional (their order is the rule's order)
            <fieldset key={i} style={{ border: "1px solid #dee2e6", borderRadius: 6, padding: 12 }}>
              <legend>
                <Text fw={600} size="sm">
                  {csm.componentLegend(i + 1)}
                </Text>
              </legend>
              <Stack gap="xs">
                <Group align="end" wrap="wrap">
                  <NativeSelect
                    label={csm.kind}
                    value={d.kind}
                    onChange={(e) => update(i, { kind: e.currentTarget.value as ComponentKind })}
                    data={COMPONENT_KINDS.map((k) => ({ value: k, label: COMPONENT_KIND_LABELS[k] }))}
                  />
                  <TextInput
                    label={csm.label}
                    value={d.label}
                    onChange={(e) => update(i, { label: e.currentTarget.value })}
                    placeholder={COMPONENT_KIND_LABELS[d.kind]}
                    w={220}
                  />
                  <NumberInput
                    label={csm.weight}
                    value={toPercent(d.weight)}
                    onChange={(v) => update(i, { weight: toWeight(v) })}
                    decimalScale={2}
                    min={0}
                    max={100}
                    step={0.01}
                    w={140}
                  />
                  <Button
                    variant="subtle"
                    color="red"
                    onClick={() => setDrafts(drafts.filter((_, j) => j !== i))}
                    disabled={drafts.length === 1}
                  >
                    {csm.removeComponent(i + 1)}
                  </Button>
                </Group>
                {d.kind === "population" && (
                  <NativeSelect
                    label={csm.populationAsOf}
                    description={csm.populationAsOfHelp}
                    value={d.populationSet || populationOptions[0]?.value || ""}
                    onChange={(e) => update(i, { populationSet: e.currentTarget.value })}
                    data={
                      d.populationSet && !populationOptions.some((o) => o.value === d.populationSet)
                        ? [{ value: d.populationSet, label: d.populationSet }, ...populationOptions]
                        : populationOptions
                    }
                  />
                )}
                {d.kind === "usage" && (
                  <Group wrap="wrap">
                    <TextInput
                      label={csm.figureName}
                      description={csm.figureNameHelp}
                      value={d.figureName}
                      onChange={(e) => update(i, { figureName: e.currentTarget.value })}
                      required
                    />
                    <TextInput
                      label={csm.period}
                      description={csm.periodHelp}
                      value={d.period}
                      onChange={(e) => update(i, { period: e.currentTarget.value })}
                      required
                    />
                  </Group>
                )}
                {d.kind === "fiscal_need" && (
                  <FiscalYearSelect
                    label={csm.fiscalNeedYear}
                    value={d.fiscalYear}
                    onChange={(fy) => update(i, { fiscalYear: fy ?? currentFiscalYear() })}
                    years={recentFiscalYears()}
                    w={240}
                  />
                )}
                {d.kind === "hosting" && (
                  <NativeSelect
                    label={csm.host}
                    value={d.hostMemberId}
                    onChange={(e) => update(i, { hostMemberId: e.currentTarget.value })}
                    data={members.map((m) => ({ value: m.id, label: m.name }))}
                  />
                )}
                {d.kind === "fixed" && (
                  <Stack gap={4}>
                    <Group wrap="wrap" gap="xs">
                      {members.map((m) => (
                        <NumberInput
                          key={m.id}
                          label={`${m.name}の${csm.fixedShares}`}
                          value={toPercent(d.fixed[m.id] ?? 0)}
                          onChange={(v) => update(i, { fixed: { ...d.fixed, [m.id]: toWeight(v) } })}
                          decimalScale={2}
                          min={0}
                          max={100}
                          w={180}
                        />
                      ))}
                    </Group>
                    <Text size="sm" aria-live="polite">
                      {csm.fixedSum(formatWeight(Object.values(d.fixed).reduce((s, w) => s + w, 0)))}
                    </Text>
                  </Stack>
                )}
                {d.kind !== "hosting" && d.kind !== "fixed" && (
                  <Stack gap={4}>
                    <NativeSelect
                      label={csm.appliesTo}
                      value={d.mode}
                      onChange={(e) => update(i, { mode: e.currentTarget.value as Draft["mode"] })}
                      data={[
                        { value: "all", label: csm.appliesAll },
                        { value: "exclude", label: "次の団体を除く" },
                        { value: "only", label: "次の団体のみ" },
                      ]}
                      w={240}
                    />
                    {d.mode !== "all" && (
                      <Checkbox.Group
                        label={d.mode === "exclude" ? csm.excludeMembers : csm.appliesTo}
                        value={d.memberIds}
                        onChange={(ids) => update(i, { memberIds: ids })}
                      >
                        <Group gap="sm" mt={4} wrap="wrap">
                          {members.map((m) => (
                            <Checkbox key={m.id} value={m.id} label={m.name} />
                          ))}
                        </Group>
                      </Checkbox.Group>
                    )}
                  </Stack>
                )}
              </Stack>
            </fieldset>
          ))}
          <Group justify="space-between" wrap="wrap">
            <Button variant="light" onClick={() => setDrafts([...drafts, draftOf(null, members)])}>
              {csm.addComponent}
            </Button>
            <Text fw={700} style={{ color: sum === WEIGHT_SCALE ? "#1b5e20" : "#b71c1c" }} aria-live="polite" role="status">
              {csm.sumLabel}: {formatWeight(sum)}（{sum === WEIGHT_SCALE ? csm.sumOk : csm.sumNg(formatWeight(sum))}）
            </Text>
          </Group>
          <Group align="end" wrap="wrap">
            <NativeSelect
              label={csm.roundingUnit}
              value={String(unit)}
              onChange={(e) => setUnit(Number(e.currentTarget.value))}
              data={ROUNDING_UNITS.map((u) => ({ value: String(u), label: `${u.toLocaleString("ja-JP")}円未満` }))}
            />
            <NativeSelect
              label={csm.roundingMethod}
              value={method}
              onChange={(e) => setMethod(e.currentTarget.value)}
              data={ROUNDING_METHODS.map((m) => ({ value: m, label: ROUNDING_METHOD_LABELS[m] }))}
            />
            <NativeSelect
              label={csm.remainder}
              description={csm.remainderHelp}
              value={remainder}
              onChange={(e) => setRemainder(e.currentTarget.value)}
              data={members.map((m) => ({ value: m.id, label: m.name }))}
            />
          </Group>
          <Textarea label={csm.note} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
          {problem && (
            <Alert color="red" variant="light" role="alert">
              {problem}
            </Alert>
          )}
          {save.error && <ErrorAlert error={save.error} />}
          <Group>
            <Button type="submit" loading={save.isPending}>
              {csm.save}
            </Button>
            <Button component="a" href={back} variant="default">
              {csm.cancel}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </>
  );
}
