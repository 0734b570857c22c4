// The 評価ルール form of /vision/rule (bands A/B/C/D with their lower bounds, the formula, decimals, pro-rating,
// status achievements, the roll-up cap). Values and checks are in grade-rule-values.ts; read-only for non-managers.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Switch, Table, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { BodyOf } from "../../../common/api/contract";
import { type GradeRuleVersion, putGradeRule, STATUS_RATINGS } from "../../../common/api/vision";
import { EARLIER_YEAR_VALUE_LABELS, EARLIER_YEAR_VALUES } from "../../../common/vision/grading";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { RadioFieldset } from "../../ui/RadioFieldset";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { type BandRow, type GradeRuleValues, gradeRuleBody, gradeRuleErrors, gradeRuleValues, newBand } from "./grade-rule-values";
import { vm } from "./messages";
import { invalidateVision, visionKeys } from "./queries";

const g = vm.rule;

export function GradeRuleForm({ current, editable }: { current: GradeRuleVersion; editable: boolean }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const form = useForm<GradeRuleValues>({ initialValues: gradeRuleValues(current), validate: gradeRuleErrors });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();

  const save = useMutation({
    mutationFn: (body: BodyOf<typeof putGradeRule>) => call(putGradeRule, { body }),
    onSuccess: async (data) => {
      queryClient.setQueryData(visionKeys.rule, data);
      flash.show(g.saved);
      await invalidateVision(queryClient);
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });

  const { rule } = form.values;
  const bands = rule.bands;
  const setBands = (next: BandRow[]) => form.setFieldValue("rule.bands", next);
  const errorText = (path: string) => (form.errors[path] ? String(form.errors[path]) : undefined);
  const readOnly = !editable;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="rule-current">
      <Group gap="xs" mb="sm">
        <Title order={2} id="rule-current" className="yk-section-title">
          {g.current(current.name)}
        </Title>
      </Group>
      <form
        ref={ref}
        onSubmit={form.onSubmit((values) => save.mutate(gradeRuleBody(values)), focusFirstInvalid)}
        noValidate
        data-testid="grade-rule-form"
      >
        <Stack gap="md">
          <ErrorAlert error={save.error} />
          {form.errors.rule && (
            <Text c="#c92a2a" size="sm" role="alert">
              {form.errors.rule}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={g.name} required readOnly={readOnly} {...form.getInputProps("name")} />
            <NativeSelect
              label={g.formula}
              disabled={readOnly}
              data={[
                { value: "progress", label: g.formulaProgress },
                { value: "ratio", label: g.formulaRatio },
              ]}
              {...form.getInputProps("rule.formula")}
            />
          </SimpleGrid>

          <Stack gap={4}>
            <Title order={3} size="h5">
              {g.bandsHeading}
            </Title>
            {form.errors["rule.bands"] && (
              <Text c="#c92a2a" size="sm">
                {form.errors["rule.bands"]}
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
                {bands.map((band, i) => {
                  const last = i === bands.length - 1;
                  return (
                    <Table.Tr key={band.key}>
                      <Table.Td>
                        <TextInput
                          aria-label={g.bandGradeLabel(i + 1)}
                          readOnly={readOnly}
                          {...form.getInputProps(`rule.bands.${i}.grade`)}
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
                            {...form.getInputProps(`rule.bands.${i}.min`)}
                            rightSection={<span aria-hidden="true">%</span>}
                            w={160}
                          />
                        )}
                      </Table.Td>
                      {!readOnly && (
                        <Table.Td>
                          {bands.length > 2 && (
                            <Button
                              size="compact-sm"
                              variant="default"
                              aria-label={g.removeBand(band.grade || String(i + 1))}
                              onClick={() => {
                                const rest = bands.filter((_, j) => j !== i);
                                // the lowest band has no lower bound
                                setBands(rest.map((b, j) => (j === rest.length - 1 ? { ...b, min: "" } : b)));
                              }}
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
            {!readOnly && bands.length < 10 && (
              <Group>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() =>
                    // insert above the lowest band (which keeps no lower bound)
                    setBands([...bands.slice(0, -1), newBand(), ...bands.slice(-1)])
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
              {...form.getInputProps("rule.decimals")}
              inputWrapperOrder={["label", "input", "description", "error"]}
            />
            <TextInput
              label={g.rollupCap}
              description={g.rollupCapHelp}
              inputMode="decimal"
              readOnly={readOnly}
              {...form.getInputProps("rule.rollupCap")}
              inputWrapperOrder={["label", "input", "description", "error"]}
            />
            <Switch
              label={g.proRate}
              description={g.proRateHelp}
              disabled={readOnly}
              {...form.getInputProps("rule.proRate", { type: "checkbox" })}
              mt="md"
            />
          </SimpleGrid>

          <RadioFieldset
            legend={g.earlierYearValue}
            description={g.earlierYearValueHelp}
            name="earlierYearValue"
            value={rule.earlierYearValue}
            options={EARLIER_YEAR_VALUES.map((value) => ({ value, label: EARLIER_YEAR_VALUE_LABELS[value] }))}
            onChange={(value) => form.setFieldValue("rule.earlierYearValue", value)}
            error={errorText("rule.earlierYearValue")}
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
                  {...form.getInputProps(`rule.statusAchievement.${s}`)}
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
