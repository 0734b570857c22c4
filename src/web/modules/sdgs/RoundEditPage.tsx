// /sdgs/rounds/$id/edit: the whole round in one form — the period, the settings, the 申請要件 rows, the check sheet's
// domains with their item rows, and the tiers — saved in one request (updateSdgsRound). Rows are added, removed and
// moved with buttons (keyboard friendly; each names its row for screen readers); the check sheet's total is shown
// live. The browser checks with the contract's own schema; the server's checks (duplicate codes, tiers out of order,
// a threshold above the total, locked rules) come back at their fields or in the alert on top.
import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { type ReactNode, useState } from "react";
import { type RoundBodyInput, type RoundDetail, roundBody, updateSdgsRound } from "../../../common/api/sdgs-rounds";
import { parseJapaneseDate } from "../../../common/dates";
import { ApiError, call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { currentFiscalYear, FiscalYearSelect, recentFiscalYears } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { Loading } from "../../ui/Loading";
import { ButtonLink } from "../../ui/links";
import { PageHeader } from "../../ui/PageHeader";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { zodResolver } from "../../ui/zodForm";
import { rm } from "./roundMessages";
import { roundKeys, useRound } from "./roundQueries";

const f = rm.edit;
const ROW_STYLE = { margin: 0, minWidth: 0 };

type Num = number | string;

interface RuleValues {
  key: string;
  code: string;
  question: string;
  requiredAnswer: "yes" | "no";
  failureReason: string;
}

interface ItemValues {
  key: string;
  code: string;
  text: string;
  points: Num;
  required: boolean;
  evidenceRequired: boolean;
  sdgGoals: string;
}

interface DomainValues {
  key: string;
  name: string;
  items: ItemValues[];
}

interface TierValues {
  key: string;
  name: string;
  minScore: Num;
}

interface EditValues {
  name: string;
  fiscalYear: number | null;
  opensOn: string;
  closesOn: string;
  committeePlannedOn: string;
  validityYears: Num;
  renewalWindowDays: Num;
  rankUpEnabled: boolean;
  rankUpAfterMonths: Num;
  reportIntervalMonths: Num;
  minGoals: Num;
  guidance: string;
  eligibilityRules: RuleValues[];
  domains: DomainValues[];
  tiers: TierValues[];
}

let keySeq = 0;
const newKey = () => `k${++keySeq}`;

function valuesOf(round: RoundDetail): EditValues {
  return {
    name: round.name,
    fiscalYear: round.fiscalYear,
    opensOn: round.opensOn,
    closesOn: round.closesOn,
    committeePlannedOn: round.committeePlannedOn ?? "",
    validityYears: round.validityYears,
    renewalWindowDays: round.renewalWindowDays,
    rankUpEnabled: round.rankUpAfterMonths !== null,
    rankUpAfterMonths: round.rankUpAfterMonths ?? 12,
    reportIntervalMonths: round.reportIntervalMonths,
    minGoals: round.minGoals,
    guidance: round.guidance,
    eligibilityRules: round.eligibilityRules.map((r) => ({
      key: newKey(),
      code: r.code,
      question: r.question,
      requiredAnswer: r.requiredAnswer ? "yes" : "no",
      failureReason: r.failureReason,
    })),
    domains: round.domains.map((d) => ({
      key: newKey(),
      name: d.name,
      items: d.items.map((i) => ({
        key: newKey(),
        code: i.code,
        text: i.text,
        points: i.points,
        required: i.required,
        evidenceRequired: i.evidenceRequired,
        sdgGoals: i.sdgGoals.join(", "),
      })),
    })),
    tiers: [...round.tiers].sort((a, b) => a.rank - b.rank).map((t) => ({ key: newKey(), name: t.name, minScore: t.minScore })),
  };
}

const num = (value: Num): number => (value === "" ? Number.NaN : Number(value));
const isoOf = (text: string): string => parseJapaneseDate(text)?.iso ?? text;

/** The goals as typed (「13, 8」「13・8」) → numbers, or null when something is not a number. */
function parseGoals(text: string): number[] | null {
  const parts = text
    .normalize("NFKC")
    .split(/[,、・\s]+/)
    .filter(Boolean);
  const goals = parts.map(Number);
  return goals.every((g) => Number.isInteger(g)) ? goals : null;
}

function toBody(values: EditValues, version: number): RoundBodyInput {
  return {
    version,
    name: values.name,
    fiscalYear: values.fiscalYear ?? Number.NaN,
    opensOn: isoOf(values.opensOn),
    closesOn: isoOf(values.closesOn),
    committeePlannedOn: values.committeePlannedOn.trim() ? isoOf(values.committeePlannedOn) : null,
    validityYears: num(values.validityYears),
    renewalWindowDays: num(values.renewalWindowDays),
    rankUpAfterMonths: values.rankUpEnabled ? num(values.rankUpAfterMonths) : null,
    reportIntervalMonths: num(values.reportIntervalMonths),
    minGoals: num(values.minGoals),
    guidance: values.guidance,
    eligibilityRules: values.eligibilityRules.map((r) => ({
      code: r.code,
      question: r.question,
      requiredAnswer: r.requiredAnswer === "yes",
      failureReason: r.failureReason,
    })),
    domains: values.domains.map((d) => ({
      name: d.name,
      items: d.items.map((i) => ({
        code: i.code,
        text: i.text,
        points: num(i.points),
        required: i.required,
        evidenceRequired: i.evidenceRequired,
        sdgGoals: parseGoals(i.sdgGoals) ?? [],
      })),
    })),
    tiers: values.tiers.map((t, index) => ({ rank: index + 1, name: t.name, minScore: num(t.minScore) })),
  };
}

function validate(values: EditValues, version: number): Record<string, string> {
  const errors: Record<string, string> = { ...zodResolver(roundBody)(toBody(values, version)) } as Record<string, string>;
  for (const [di, d] of values.domains.entries())
    for (const [ii, i] of d.items.entries())
      if (parseGoals(i.sdgGoals) === null) errors[`domains.${di}.items.${ii}.sdgGoals`] ??= f.goalsInvalid;
  if (values.fiscalYear === null) errors.fiscalYear = rm.create.choose;
  // a rank-up left off sends null: an error on its months would point at a hidden field
  if (!values.rankUpEnabled) delete errors.rankUpAfterMonths;
  return errors;
}

export function RoundEditPage({ id }: { id: string }) {
  const round = useRound(id);
  const breadcrumbs = [
    { label: rm.moduleName, href: "/sdgs" },
    { label: rm.list.title, href: "/sdgs/rounds" },
  ];
  if (round.error)
    return (
      <>
        <PageHeader title={f.short} breadcrumbs={breadcrumbs} />
        <ErrorAlert error={round.error} />
      </>
    );
  if (!round.data) return <Loading />;
  if (!round.data.canManage)
    return (
      <>
        <PageHeader title={f.title(round.data.name)} breadcrumbs={breadcrumbs} />
        <Alert color="yellow" variant="light" role="status">
          {f.cannotEdit}
        </Alert>
      </>
    );
  return <RoundForm round={round.data} />;
}

function FormSection({ id, title, actions, children }: { id: string; title: ReactNode; actions?: ReactNode; children: ReactNode }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Title order={2} id={id} className="yk-section-title">
          {title}
        </Title>
        {actions}
      </Group>
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

/** 上へ・下へ・削除 for one row; each button names the row it acts on. */
function RowButtons({
  what,
  index,
  count,
  onMove,
  onRemove,
  disabled,
}: {
  what: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  disabled?: { move?: boolean; remove?: boolean };
}) {
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-sm"
        variant="default"
        aria-label={f.moveUp(what)}
        disabled={index === 0 || disabled?.move}
        onClick={() => onMove(index - 1)}
      >
        {f.up}
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        aria-label={f.moveDown(what)}
        disabled={index === count - 1 || disabled?.move}
        onClick={() => onMove(index + 1)}
      >
        {f.down}
      </Button>
      <Button
        size="compact-sm"
        variant="default"
        color="red"
        aria-label={f.removeWhat(what)}
        disabled={disabled?.remove}
        onClick={onRemove}
      >
        {f.remove}
      </Button>
    </Group>
  );
}

function focusSoon(id: string) {
  window.setTimeout(() => document.getElementById(id)?.focus(), 0);
}

function RoundForm({ round }: { round: RoundDetail }) {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const flash = useFlash();
  // the version the form was filled from: a newer one loaded later must not turn a stale form into a save
  const [version] = useState(round.version);
  const form = useForm<EditValues>({ initialValues: valuesOf(round), validate: (values) => validate(values, version) });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();
  const locked = round.rulesLocked;

  const save = useMutation({
    mutationFn: (values: EditValues) => call(updateSdgsRound, { params: { id: round.id }, body: toBody(values, version) }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(roundKeys.round(saved.id), saved);
      await queryClient.invalidateQueries({ queryKey: roundKeys.list() });
      flash.show(f.saved(saved.name));
      await navigate({ to: `/sdgs/rounds/${saved.id}` as never });
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });

  const values = form.values;
  const allItems = values.domains.flatMap((d) => d.items);
  const total = allItems.reduce((sum, i) => sum + (Number.isFinite(num(i.points)) ? num(i.points) : 0), 0);
  const requiredCount = allItems.filter((i) => i.required).length;
  const errorCount = Object.values(form.errors).filter(Boolean).length;
  const err = (path: string) => (form.errors[path] ? String(form.errors[path]) : undefined);
  const years = recentFiscalYears(2019, [currentFiscalYear() + 1, currentFiscalYear() + 2, round.fiscalYear]);
  const stale = save.error instanceof ApiError && save.error.code === "stale";

  return (
    <>
      <PageHeader
        title={f.title(round.name)}
        subtitle={f.intro}
        breadcrumbs={[
          { label: rm.moduleName, href: "/sdgs" },
          { label: rm.list.title, href: "/sdgs/rounds" },
          { label: round.name, href: `/sdgs/rounds/${round.id}` },
          { label: f.short },
        ]}
      />
      <form ref={ref} noValidate onSubmit={form.onSubmit((v) => save.mutate(v), focusFirstInvalid)}>
        <Stack gap="lg">
          <ErrorAlert error={save.error} conflictMessage={stale ? f.conflict : undefined} />
          {errorCount > 0 && !save.error && (
            <Alert color="red" variant="light" role="alert" title={f.errorsHeading}>
              {f.errorsCount(errorCount)}
            </Alert>
          )}
          {locked && (
            <Alert color="yellow" variant="light" role="status">
              {rm.detail.locked}
            </Alert>
          )}

          <FormSection id="sdgs-round-edit-basics" title={f.basics}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={f.name} required maxLength={100} {...form.getInputProps("name")} />
              <FiscalYearSelect
                label={f.fiscalYear}
                required
                allLabel={rm.create.choose}
                years={years}
                value={values.fiscalYear}
                onChange={(fy) => form.setFieldValue("fiscalYear", fy)}
                error={err("fiscalYear")}
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <JapaneseDateInput
                label={f.opensOn}
                required
                value={values.opensOn}
                onChange={(text) => form.setFieldValue("opensOn", text)}
                error={err("opensOn")}
              />
              <JapaneseDateInput
                label={f.closesOn}
                required
                value={values.closesOn}
                onChange={(text) => form.setFieldValue("closesOn", text)}
                error={err("closesOn")}
              />
              <JapaneseDateInput
                label={f.committeePlannedOn}
                value={values.committeePlannedOn}
                onChange={(text) => form.setFieldValue("committeePlannedOn", text)}
                error={err("committeePlannedOn")}
              />
            </SimpleGrid>
          </FormSection>

          <FormSection id="sdgs-round-edit-settings" title={f.settings}>
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              <NumberInput
                label={f.validityYears}
                required
                min={1}
                max={10}
                allowDecimal={false}
                {...form.getInputProps("validityYears")}
              />
              <NumberInput
                label={f.renewalWindowDays}
                required
                min={1}
                max={365}
                allowDecimal={false}
                {...form.getInputProps("renewalWindowDays")}
              />
              <NumberInput
                label={f.reportIntervalMonths}
                required
                min={1}
                max={60}
                allowDecimal={false}
                {...form.getInputProps("reportIntervalMonths")}
              />
              <NumberInput label={f.minGoals} required min={1} max={20} allowDecimal={false} {...form.getInputProps("minGoals")} />
              <Stack gap={6}>
                <Checkbox label={f.rankUpEnabled} {...form.getInputProps("rankUpEnabled", { type: "checkbox" })} />
                {values.rankUpEnabled && (
                  <NumberInput
                    label={f.rankUpAfterMonths}
                    min={0}
                    max={120}
                    allowDecimal={false}
                    {...form.getInputProps("rankUpAfterMonths")}
                  />
                )}
              </Stack>
            </SimpleGrid>
            <Textarea label={f.guidance} autosize minRows={3} maxRows={10} maxLength={8000} {...form.getInputProps("guidance")} />
          </FormSection>

          <FormSection
            id="sdgs-round-edit-eligibility"
            title={f.eligibility}
            actions={
              <Button
                variant="default"
                size="compact-md"
                onClick={() => {
                  const key = newKey();
                  form.insertListItem("eligibilityRules", { key, code: "", question: "", requiredAnswer: "yes", failureReason: "" });
                  focusSoon(`rule-${key}`);
                }}
              >
                {f.addRule}
              </Button>
            }
          >
            {values.eligibilityRules.length === 0 && <Text c="dimmed">{f.noRules}</Text>}
            {values.eligibilityRules.map((rule, i) => (
              <Paper key={rule.key} withBorder p="md" component="fieldset" style={ROW_STYLE}>
                <Text component="legend" fw={700} size="sm" px={4}>
                  {f.ruleHeading(i + 1)}
                </Text>
                <Stack gap="sm">
                  <Group justify="flex-end">
                    <RowButtons
                      what={f.ruleHeading(i + 1)}
                      index={i}
                      count={values.eligibilityRules.length}
                      onMove={(to) => form.reorderListItem("eligibilityRules", { from: i, to })}
                      onRemove={() => form.removeListItem("eligibilityRules", i)}
                    />
                  </Group>
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    <TextInput
                      id={`rule-${rule.key}`}
                      label={f.ruleCode}
                      required
                      maxLength={40}
                      {...form.getInputProps(`eligibilityRules.${i}.code`)}
                    />
                    <NativeSelect
                      label={f.requiredAnswer}
                      data={[
                        { value: "yes", label: f.yes },
                        { value: "no", label: f.no },
                      ]}
                      {...form.getInputProps(`eligibilityRules.${i}.requiredAnswer`)}
                    />
                  </SimpleGrid>
                  <TextInput label={f.question} required maxLength={500} {...form.getInputProps(`eligibilityRules.${i}.question`)} />
                  <TextInput
                    label={f.failureReason}
                    required
                    maxLength={500}
                    {...form.getInputProps(`eligibilityRules.${i}.failureReason`)}
                  />
                </Stack>
              </Paper>
            ))}
          </FormSection>

          <FormSection
            id="sdgs-round-edit-checksheet"
            title={f.checkSheet}
            actions={
              <Group gap="sm">
                <Text fw={700} role="status" aria-live="polite">
                  {f.totalLive(total, requiredCount)}
                </Text>
                <Button
                  variant="default"
                  size="compact-md"
                  onClick={() => {
                    const key = newKey();
                    form.insertListItem("domains", { key, name: "", items: [] });
                    focusSoon(`domain-${key}`);
                  }}
                >
                  {f.addDomain}
                </Button>
              </Group>
            }
          >
            {err("domains") && (
              <Text c="red" size="sm" role="alert">
                {err("domains")}
              </Text>
            )}
            {values.domains.length === 0 && <Text c="dimmed">{f.noDomains}</Text>}
            {values.domains.map((domain, d) => {
              const subtotal = domain.items.reduce((sum, i) => sum + (Number.isFinite(num(i.points)) ? num(i.points) : 0), 0);
              const what = f.domainHeading(d + 1, domain.name);
              return (
                <Paper key={domain.key} withBorder p="md" component="fieldset" style={ROW_STYLE}>
                  <Text component="legend" fw={700} size="sm" px={4}>
                    {what}
                  </Text>
                  <Stack gap="sm">
                    <Group justify="space-between" align="flex-end" wrap="wrap">
                      <TextInput
                        id={`domain-${domain.key}`}
                        label={f.domainName}
                        required
                        maxLength={50}
                        w={260}
                        {...form.getInputProps(`domains.${d}.name`)}
                      />
                      <Group gap="sm">
                        <Text size="sm">{f.domainPoints(subtotal)}</Text>
                        <RowButtons
                          what={what}
                          index={d}
                          count={values.domains.length}
                          onMove={(to) => form.reorderListItem("domains", { from: d, to })}
                          onRemove={() => form.removeListItem("domains", d)}
                          disabled={{ remove: locked && domain.items.length > 0 }}
                        />
                      </Group>
                    </Group>
                    {domain.items.length === 0 && (
                      <Text size="sm" c="dimmed">
                        {f.noItems}
                      </Text>
                    )}
                    {domain.items.map((item, i) => {
                      const itemWhat = f.itemHeading(item.code, i + 1);
                      const path = `domains.${d}.items.${i}`;
                      return (
                        <Paper key={item.key} withBorder p="sm" component="fieldset" style={ROW_STYLE} bg="var(--mantine-color-gray-0)">
                          <Text component="legend" fw={600} size="sm" px={4}>
                            {itemWhat}
                          </Text>
                          <Stack gap="xs">
                            <Group gap="sm" align="flex-start" wrap="wrap">
                              <TextInput
                                id={`item-${item.key}`}
                                label={f.itemCode}
                                required
                                maxLength={20}
                                w={120}
                                {...form.getInputProps(`${path}.code`)}
                              />
                              <Textarea
                                label={f.itemText}
                                required
                                autosize
                                minRows={1}
                                maxRows={4}
                                maxLength={1000}
                                style={{ flex: "1 1 320px" }}
                                {...form.getInputProps(`${path}.text`)}
                              />
                              <NumberInput
                                label={f.itemPoints}
                                required
                                min={0}
                                max={100}
                                allowDecimal={false}
                                w={100}
                                disabled={locked}
                                {...form.getInputProps(`${path}.points`)}
                              />
                            </Group>
                            <Group justify="space-between" align="flex-end" wrap="wrap">
                              <Group gap="lg" align="flex-end" wrap="wrap">
                                <TextInput label={f.itemGoals} w={260} {...form.getInputProps(`${path}.sdgGoals`)} />
                                <Checkbox
                                  label={f.itemRequired}
                                  disabled={locked}
                                  mb={8}
                                  {...form.getInputProps(`${path}.required`, { type: "checkbox" })}
                                />
                                <Checkbox
                                  label={f.itemEvidence}
                                  mb={8}
                                  {...form.getInputProps(`${path}.evidenceRequired`, { type: "checkbox" })}
                                />
                              </Group>
                              <RowButtons
                                what={itemWhat}
                                index={i}
                                count={domain.items.length}
                                onMove={(to) => form.reorderListItem(`domains.${d}.items`, { from: i, to })}
                                onRemove={() => form.removeListItem(`domains.${d}.items`, i)}
                                disabled={{ remove: locked }}
                              />
                            </Group>
                          </Stack>
                        </Paper>
                      );
                    })}
                    <Group>
                      <Button
                        variant="default"
                        size="compact-sm"
                        disabled={locked}
                        onClick={() => {
                          const key = newKey();
                          form.insertListItem(`domains.${d}.items`, {
                            key,
                            code: "",
                            text: "",
                            points: 0,
                            required: false,
                            evidenceRequired: false,
                            sdgGoals: "",
                          });
                          focusSoon(`item-${key}`);
                        }}
                      >
                        {`${f.addItem}（${domain.name || f.domainHeading(d + 1, "")}）`}
                      </Button>
                    </Group>
                  </Stack>
                </Paper>
              );
            })}
          </FormSection>

          <FormSection
            id="sdgs-round-edit-tiers"
            title={f.tiers}
            actions={
              <Button
                variant="default"
                size="compact-md"
                disabled={locked || values.tiers.length >= 10}
                onClick={() => {
                  const key = newKey();
                  form.insertListItem("tiers", { key, name: "", minScore: 0 });
                  focusSoon(`tier-${key}`);
                }}
              >
                {f.addTier}
              </Button>
            }
          >
            <Text size="sm" c="dimmed">
              {rm.detail.tiersHelp} {f.total(total)}
            </Text>
            {err("tiers") && (
              <Text c="red" size="sm" role="alert">
                {err("tiers")}
              </Text>
            )}
            {values.tiers.map((tier, i) => (
              <Paper key={tier.key} withBorder p="sm" component="fieldset" style={ROW_STYLE}>
                <Text component="legend" fw={700} size="sm" px={4}>
                  {f.tierHeading(i + 1)}
                </Text>
                <Group justify="space-between" align="flex-end" wrap="wrap">
                  <Group gap="sm" align="flex-end">
                    <TextInput
                      id={`tier-${tier.key}`}
                      label={f.tierName}
                      required
                      maxLength={50}
                      w={220}
                      disabled={locked}
                      {...form.getInputProps(`tiers.${i}.name`)}
                    />
                    <NumberInput
                      label={f.minScore}
                      required
                      min={0}
                      allowDecimal={false}
                      w={140}
                      disabled={locked}
                      {...form.getInputProps(`tiers.${i}.minScore`)}
                    />
                  </Group>
                  <RowButtons
                    what={f.tierHeading(i + 1)}
                    index={i}
                    count={values.tiers.length}
                    onMove={(to) => form.reorderListItem("tiers", { from: i, to })}
                    onRemove={() => form.removeListItem("tiers", i)}
                    disabled={{ move: locked, remove: locked }}
                  />
                </Group>
              </Paper>
            ))}
          </FormSection>

          <Group>
            <Button type="submit" loading={save.isPending}>
              {f.save}
            </Button>
            <ButtonLink to={`/sdgs/rounds/${round.id}` as never} variant="default">
              {f.cancel}
            </ButtonLink>
          </Group>
        </Stack>
      </form>
    </>
  );
}
