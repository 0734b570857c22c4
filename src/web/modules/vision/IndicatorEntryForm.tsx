// The owner's form on an indicator's page to enter a value for a fiscal year (a correction is a new row in the history).
// Checked in the browser with the API's own rules (indicator-entry-values.ts), then by the server.
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { addActual, type IndicatorDetail, STATUS_RATINGS } from "../../../common/api/vision";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { FiscalYearSelect, recentFiscalYears } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { type EntryBody, type EntryValues, emptyEntry, entryBody, entryErrors } from "./indicator-entry-values";
import { vm } from "./messages";
import { invalidateVision, visionKeys } from "./queries";

export function IndicatorEntryForm({ indicator, defaultFiscalYear }: { indicator: IndicatorDetail; defaultFiscalYear: number }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const numeric = indicator.ratingMode === "numeric";
  const form = useForm<EntryValues>({
    initialValues: emptyEntry(defaultFiscalYear),
    validate: (values) => entryErrors(values, numeric),
  });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();
  // The default follows the open round once the rounds have loaded (the form may mount before them), until chosen.
  // setFieldValue is a new function after every change of the values, so the effect remembers which default it
  // applied: it sets the year once per new default, never in a loop.
  const yearChosen = useRef(false);
  const appliedDefault = useRef(defaultFiscalYear);
  const { setFieldValue } = form;
  useEffect(() => {
    if (yearChosen.current || appliedDefault.current === defaultFiscalYear) return;
    appliedDefault.current = defaultFiscalYear;
    setFieldValue("fiscalYear", defaultFiscalYear);
  }, [defaultFiscalYear, setFieldValue]);

  const save = useMutation({
    mutationFn: (body: EntryBody) => call(addActual, { params: { id: indicator.id }, body }),
    onSuccess: async (saved) => {
      queryClient.setQueryData(visionKeys.indicator(saved.id), saved);
      flash.show(vm.indicator.entrySaved);
      form.setValues(emptyEntry(form.getValues().fiscalYear));
      await invalidateVision(queryClient);
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });

  const fiscalYear = form.values.fiscalYear;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="ind-entry">
      <Title order={2} id="ind-entry" mb="xs" className="yk-section-title">
        {vm.indicator.entryHeading}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {vm.indicator.entryIntro}
      </Text>
      <form
        ref={ref}
        onSubmit={form.onSubmit((values) => save.mutate(entryBody(values, numeric)), focusFirstInvalid)}
        noValidate
        data-testid="actual-entry-form"
      >
        <Stack gap="sm">
          <ErrorAlert error={save.error} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <FiscalYearSelect
              label={vm.indicator.fiscalYear}
              value={fiscalYear}
              years={recentFiscalYears(2015, [fiscalYear, ...(indicator.targetFiscalYear ? [indicator.targetFiscalYear] : [])])}
              onChange={(fy) => {
                if (fy === null) return;
                yearChosen.current = true;
                form.setFieldValue("fiscalYear", fy);
              }}
              error={form.errors.fiscalYear || undefined}
              required
            />
            <JapaneseDateInput
              label={vm.indicator.asOf}
              description={vm.indicator.entryAsOfHelp}
              value={form.values.asOf}
              onChange={(text) => form.setFieldValue("asOf", text)}
              error={form.errors.asOf ? String(form.errors.asOf) : undefined}
            />
            {numeric ? (
              <TextInput
                label={`${vm.indicator.value}${indicator.unit ? `（${indicator.unit}）` : ""}`}
                inputMode="decimal"
                required
                {...form.getInputProps("value")}
              />
            ) : (
              <NativeSelect
                label={vm.indicator.statusRating}
                required
                data={[{ value: "", label: vm.indicator.entryStatusPlaceholder }, ...STATUS_RATINGS.map((s) => ({ value: s, label: s }))]}
                {...form.getInputProps("statusRating")}
              />
            )}
          </SimpleGrid>
          <Textarea label={vm.indicator.note} autosize minRows={2} {...form.getInputProps("note")} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {vm.indicator.entrySubmit}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
