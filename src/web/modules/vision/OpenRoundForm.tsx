// The plan manager's form on /vision/rounds that opens a reporting round (values and checks in open-round-values.ts).
import { Button, Group, Paper, SimpleGrid, Stack, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { openRound } from "../../../common/api/vision";
import { call } from "../../api/client";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { currentFiscalYear, FiscalYearSelect } from "../../ui/FiscalYear";
import { useFlash } from "../../ui/Flash";
import { JapaneseDateInput } from "../../ui/JapaneseDateInput";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";
import { vm } from "./messages";
import { type OpenRoundBody, type OpenRoundValues, openRoundBody, openRoundErrors, openRoundValues } from "./open-round-values";
import { invalidateVision, visionKeys } from "./queries";

const r = vm.rounds;

export function OpenRoundForm({ planId, onOpened }: { planId: string; onOpened: (id: string) => void }) {
  const queryClient = useQueryClient();
  const flash = useFlash();
  const form = useForm<OpenRoundValues>({ initialValues: openRoundValues(currentFiscalYear() - 1), validate: openRoundErrors });
  const { ref, focusFirstInvalid } = useFocusFirstInvalid();

  const open = useMutation({
    mutationFn: (body: OpenRoundBody) => call(openRound, { params: { id: planId }, body }),
    onSuccess: async (detail) => {
      flash.show(r.opened);
      queryClient.setQueryData(visionKeys.round(detail.id), detail);
      await invalidateVision(queryClient);
      onOpened(detail.id);
      form.setValues({ asOf: "", deadline: "" });
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });

  const errorOf = (path: keyof OpenRoundValues) => (form.errors[path] ? String(form.errors[path]) : undefined);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="open-round">
      <Title order={2} id="open-round" mb="sm" className="yk-section-title">
        {r.openHeading}
      </Title>
      <form
        ref={ref}
        onSubmit={form.onSubmit((values) => open.mutate(openRoundBody(values)), focusFirstInvalid)}
        noValidate
        data-testid="open-round-form"
      >
        <Stack gap="sm">
          <ErrorAlert error={open.error} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
            <TextInput label={r.name} placeholder={r.namePlaceholder} required {...form.getInputProps("name")} />
            <FiscalYearSelect
              label={r.fiscalYear}
              required
              value={form.values.fiscalYear}
              onChange={(fy) => {
                if (fy !== null) form.setFieldValue("fiscalYear", fy);
              }}
              error={errorOf("fiscalYear")}
            />
            <JapaneseDateInput
              label={r.asOf}
              required
              description={r.asOfHelp}
              value={form.values.asOf}
              onChange={(text) => form.setFieldValue("asOf", text)}
              error={errorOf("asOf")}
            />
            <JapaneseDateInput
              label={r.deadline}
              required
              value={form.values.deadline}
              onChange={(text) => form.setFieldValue("deadline", text)}
              error={errorOf("deadline")}
            />
            <TextInput label={`${r.graceDays}（${r.graceSuffix}）`} inputMode="numeric" required {...form.getInputProps("graceDays")} />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={open.isPending}>
              {r.open}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
