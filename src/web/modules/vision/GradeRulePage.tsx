// /vision/rule: 評価ルール — the table that grades an achievement (bands A/B/C/D with their lower bounds, the
// formula, decimals, pro-rating, status achievements, the roll-up cap). Saving makes a new version; old grades keep
// the version they were made with. Managers edit; everyone else reads.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from "@mantine/core";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
import type { BodyOf } from "../../../common/api/contract";
import { type GradeRuleVersion, putGradeRule, STATUS_RATINGS } from "../../../common/api/vision";
import { EARLIER_YEAR_VALUE_LABELS, EARLIER_YEAR_VALUES, type EarlierYearValue } from "../../../common/vision/grading";
import { japaneseErrorMap } from "../../../common/zod-japanese";
import { call } from "../../api/client";
import { type Column, DataTable } from "../../ui/DataTable";
import { DateTimeText } from "../../ui/dates";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { PageHeader } from "../../ui/PageHeader";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { StatusBadge } from "../../ui/StatusBadge";
import { bodyOf, issuesToFields, Loading, numberText, parseNumberText, VisionNav } from "./components";
import { vm } from "./messages";
import { invalidateVision, useGradeRule, useVisionAccess, visionKeys } from "./queries";

const g = vm.rule;
const breadcrumbs = [{ label: vm.moduleName, href: "/vision" }, { label: g.title }];

type Status = (typeof STATUS_RATINGS)[number];
interface BandRow {
  key: number;
  grade: string;
  min: string;
}
interface FormState {
  name: string;
  formula: "progress" | "ratio";
  bands: BandRow[];
  decimals: string;
  proRate: boolean;
  statusAchievement: Record<Status, string>;
  rollupCap: string;
  earlierYearValue: EarlierYearValue;
}

let bandKey = 0;

function initial(version: GradeRuleVersion): FormState {
  const rule = version.rule;
  return {
    name: version.name,
    formula: rule.formula,
    bands: rule.bands.map((b) => ({ key: ++bandKey, grade: b.grade, min: numberText(b.min) })),
    decimals: String(rule.decimals),
    proRate: rule.proRate,
    statusAchievement: Object.fromEntries(STATUS_RATINGS.map((s) => [s, numberText(rule.statusAchievement[s])])) as Record<Status, string>,
    rollupCap: numberText(rule.rollupCap),
    earlierYearValue: rule.earlierYearValue,
  };
}

export function GradeRulePage() {
  const rule = useGradeRule();
  const access = useVisionAccess();
  const manager = access.data?.manager === true;
  return (
    <>
      <PageHeader title={g.title} breadcrumbs={breadcrumbs} subtitle={g.intro} />
      <VisionNav />
      <Stack gap="lg">
        <ErrorAlert error={rule.error} />
        {rule.isPending && <Loading />}
        {rule.data && (
          <>
            <RuleForm key={rule.data.current.id} current={rule.data.current} editable={manager} />
            {!manager && access.data && (
              <Text size="sm" c="dimmed">
                {g.readOnly}
              </Text>
            )}
            <History versions={rule.data.versions} />
          </>
        )}
      </Stack>
    </>
  );
}

function RuleForm({ current, editable }: { current: GradeRuleVersion; editable: boolean }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const [form, setForm] = useState<FormState>(() => initial(current));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [focusTick, setFocusTick] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (focusTick === 0) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [focusTick]);

  const save = useMutation({
    mutationFn: (body: BodyOf<typeof putGradeRule>) => call(putGradeRule, { body }),
    onSuccess: async (data) => {
      queryClient.setQueryData(visionKeys.rule, data);
      flash.show(g.saved);
      await invalidateVision(queryClient);
    },
    onError: (error) => {
      setErrors(fieldErrors(error));
      setFocusTick((n) => n + 1);
    },
  });

  const set = <K extends keyof FormState>(key: K, value: FormState[K]) => setForm((f) => ({ ...f, [key]: value }));
  const setBand = (index: number, patch: Partial<BandRow>) =>
    setForm((f) => ({ ...f, bands: f.bands.map((b, i) => (i === index ? { ...b, ...patch } : b)) }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: Record<string, string> = {};
    const num = (key: string, text: string, optional: boolean): number | null => {
      const n = parseNumberText(text);
      if (n === undefined || (n === null && !optional)) {
        found[key] = g.numberInvalid;
        return null;
      }
      return n;
    };
    const last = form.bands.length - 1;
    const body = {
      name: form.name,
      rule: {
        formula: form.formula,
        bands: form.bands.map((b, i) => ({ grade: b.grade, min: num(`rule.bands.${i}.min`, b.min, i === last) })),
        decimals: num("rule.decimals", form.decimals, false) ?? Number.NaN,
        proRate: form.proRate,
        statusAchievement: Object.fromEntries(
          STATUS_RATINGS.map((s) => [s, num(`rule.statusAchievement.${s}`, form.statusAchievement[s], true)]),
        ) as Record<Status, number | null>,
        rollupCap: num("rule.rollupCap", form.rollupCap, false) ?? Number.NaN,
        earlierYearValue: form.earlierYearValue,
      },
    };
    const parsed = bodyOf(putGradeRule).safeParse(body, { error: japaneseErrorMap });
    if (!parsed.success) for (const [k, v] of Object.entries(issuesToFields(parsed.error.issues))) found[k] ??= v;
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setFocusTick((n) => n + 1);
      return;
    }
    save.mutate(body);
  }

  const err = (key: string) => errors[key] || undefined;
  const readOnly = !editable;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="rule-current">
      <Group gap="xs" mb="sm">
        <Title order={2} id="rule-current" className="yk-section-title">
          {g.current(current.name)}
        </Title>
      </Group>
      <form ref={formRef} onSubmit={submit} noValidate data-testid="grade-rule-form">
        <Stack gap="md">
          <ErrorAlert error={save.error} />
          {errors.rule && (
            <Text c="#c92a2a" size="sm" role="alert">
              {errors.rule}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={g.name}
              required
              readOnly={readOnly}
              value={form.name}
              onChange={(e) => set("name", e.currentTarget.value)}
              error={err("name")}
            />
            <NativeSelect
              label={g.formula}
              disabled={readOnly}
              value={form.formula}
              data={[
                { value: "progress", label: g.formulaProgress },
                { value: "ratio", label: g.formulaRatio },
              ]}
              onChange={(e) => set("formula", e.currentTarget.value as FormState["formula"])}
              error={err("rule.formula")}
            />
          </SimpleGrid>

          <Stack gap={4}>
            <Title order={3} size="h5">
              {g.bandsHeading}
            </Title>
            {errors["rule.bands"] && (
              <Text c="#c92a2a" size="sm">
                {errors["rule.bands"]}
              </Text>
            )}
            <Table withTableBorder verticalSpacing={6} className="yk-table" maw={560} data-testid="grade-bands">
              <caption className="yk-visually-hidden">{g.bandsCaption}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{g.bandGrade}</Table.Th>
                  <Table.Th scope="col">{g.bandMin}</Table.Th>
                  {!readOnly && (
                    <Table.Th scope="col">
                      <span className="yk-visually-hidden">{vm.plan.delete}</span>
                    </Table.Th>
                  )}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {form.bands.map((band, i) => {
                  const last = i === form.bands.length - 1;
                  return (
                    <Table.Tr key={band.key}>
                      <Table.Td>
                        <TextInput
                          aria-label={g.bandGradeLabel(i + 1)}
                          readOnly={readOnly}
                          value={band.grade}
                          onChange={(e) => setBand(i, { grade: e.currentTarget.value })}
                          error={err(`rule.bands.${i}.grade`)}
                          w={100}
                        />
                      </Table.Td>
                      <Table.Td>
                        {last ? (
                          <Text size="sm">{g.bandMinLast}</Text>
                        ) : (
                          <TextInput
                            aria-label={g.bandMinLabel(i + 1)}
                            readOnly={readOnly}
                            inputMode="decimal"
                            value={band.min}
                            onChange={(e) => setBand(i, { min: e.currentTarget.value })}
                            error={err(`rule.bands.${i}.min`)}
                            rightSection={<span aria-hidden="true">%</span>}
                            w={160}
                          />
                        )}
                      </Table.Td>
                      {!readOnly && (
                        <Table.Td>
                          {form.bands.length > 2 && (
                            <Button
                              size="compact-sm"
                              variant="default"
                              aria-label={g.removeBand(band.grade || String(i + 1))}
                              onClick={() =>
                                setForm((f) => {
                                  const bands = f.bands.filter((_, j) => j !== i);
                                  // the lowest band has no lower bound
                                  return { ...f, bands: bands.map((b, j) => (j === bands.length - 1 ? { ...b, min: "" } : b)) };
                                })
                              }
                            >
                              {vm.plan.delete}
                            </Button>
                          )}
                        </Table.Td>
                      )}
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
            {!readOnly && form.bands.length < 10 && (
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() =>
                    setForm((f) => {
                      // insert above the lowest band (which keeps no lower bound)
                      const bands = [...f.bands];
                      bands.splice(bands.length - 1, 0, { key: ++bandKey, grade: "", min: "" });
                      return { ...f, bands };
                    })
                  }
                >
                  {g.addBand}
                </Button>
              </Group>
            )}
          </Stack>

          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label={g.decimals}
              description={g.decimalsHelp}
              inputMode="numeric"
              readOnly={readOnly}
              value={form.decimals}
              onChange={(e) => set("decimals", e.currentTarget.value)}
              error={err("rule.decimals")}
              inputWrapperOrder={["label", "input", "description", "error"]}
            />
            <TextInput
              label={g.rollupCap}
              description={g.rollupCapHelp}
              inputMode="decimal"
              readOnly={readOnly}
              value={form.rollupCap}
              onChange={(e) => set("rollupCap", e.currentTarget.value)}
              error={err("rule.rollupCap")}
              inputWrapperOrder={["label", "input", "description", "error"]}
            />
            <Switch
              label={g.proRate}
              description={g.proRateHelp}
              disabled={readOnly}
              checked={form.proRate}
              onChange={(e) => set("proRate", e.currentTarget.checked)}
              mt="md"
            />
          </SimpleGrid>

          <RadioFieldset
            legend={g.earlierYearValue}
            description={g.earlierYearValueHelp}
            name="earlierYearValue"
            value={form.earlierYearValue}
            options={EARLIER_YEAR_VALUES.map((value) => ({ value, label: EARLIER_YEAR_VALUE_LABELS[value] }))}
            onChange={(value) => set("earlierYearValue", value)}
            error={err("rule.earlierYearValue")}
            disabled={readOnly}
          />

          <fieldset style={{ border: 0, padding: 0, margin: 0 }}>
            <legend>
              <Title order={3} size="h5" component="span">
                {g.statusHeading}
              </Title>
            </legend>
            <Text size="sm" c="dimmed" mb="xs">
              {g.statusHelp}
            </Text>
            <SimpleGrid cols={{ base: 2, sm: 3, md: 6 }}>
              {STATUS_RATINGS.map((s) => (
                <TextInput
                  key={s}
                  label={s}
                  aria-label={g.statusLabel(s)}
                  inputMode="decimal"
                  readOnly={readOnly}
                  value={form.statusAchievement[s]}
                  onChange={(e) => {
                    const value = e.currentTarget.value;
                    setForm((f) => ({ ...f, statusAchievement: { ...f.statusAchievement, [s]: value } }));
                  }}
                  error={err(`rule.statusAchievement.${s}`)}
                />
              ))}
            </SimpleGrid>
          </fieldset>

          {editable && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {g.save}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Paper>
  );
}

function History({ versions }: { versions: GradeRuleVersion[] }) {
  const sorted = [...versions].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const columns: Column<GradeRuleVersion>[] = [
    {
      key: "name",
      header: g.versionName,
      rowHeader: true,
      render: (v) => (
        <Group gap={6}>
          <span>{v.name}</span>
          {v.isCurrent && <StatusBadge label={g.isCurrent} tone="good" size="xs" />}
        </Group>
      ),
    },
    { key: "bands", header: g.summary, render: (v) => g.bandsSummary(v.rule.bands) },
    { key: "earlier", header: g.earlierYearValue, render: (v) => EARLIER_YEAR_VALUE_LABELS[v.rule.earlierYearValue] },
    { key: "by", header: g.createdBy, render: (v) => v.createdByLabel ?? vm.dash },
    { key: "at", header: g.createdAt, nowrap: true, render: (v) => <DateTimeText timestamp={v.createdAt} /> },
  ];
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="rule-history">
      <Title order={2} id="rule-history" mb="sm" className="yk-section-title">
        {g.historyHeading}
      </Title>
      <DataTable caption={g.historyCaption} captionHidden columns={columns} rows={sorted} rowKey={(v) => v.id} />
    </Paper>
  );
}
