// The 保存 step of /policy/import: which 局 and 年度 the parsed document is saved as, and whether it replaces the
// existing one. The page owns the form (a new preview fills in the 局 and 年度 it read); this is its section.
import { Alert, Button, Checkbox, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { Organisation } from "../../../common/api/platform";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { FiscalYearInput } from "../../ui/FiscalYear";
import type { Preview } from "./ImportPreview";
import { pm } from "./messages";

export interface SaveValues {
  /** the 局 ("" = not chosen) */
  organisationId: string;
  /** the 年度 as typed, and as read (null when empty or unreadable) */
  fiscalYearText: string;
  fiscalYear: number | null;
  replaceExisting: boolean;
}

export const emptySaveValues: SaveValues = { organisationId: "", fiscalYearText: "", fiscalYear: null, replaceExisting: false };

export function saveErrors(values: SaveValues) {
  return {
    organisationId: values.organisationId ? null : pm.import.bureauRequired,
    fiscalYear: values.fiscalYear === null ? pm.import.fiscalYearRequired : null,
  };
}

export function ImportSaveForm({
  form,
  formRef,
  onSubmit,
  result,
  bureaus,
  bureausLoaded,
  stale,
  saving,
  error,
}: {
  form: UseFormReturnType<SaveValues>;
  formRef: React.Ref<HTMLFormElement>;
  onSubmit: (event?: React.FormEvent<HTMLFormElement>) => void;
  result: Preview;
  bureaus: readonly Organisation[];
  /** the organisations have loaded (so "no 局" is a fact, not a wait) */
  bureausLoaded: boolean;
  stale: boolean;
  saving: boolean;
  error: unknown;
}) {
  const selectedBureau = bureaus.find((org) => org.id === form.values.organisationId);
  const parsedBureau = result.document.bureauName;
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="import-step-save">
      <Title order={2} id="import-step-save" mb="sm" className="yk-section-title">
        {pm.import.stepSave}
      </Title>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <Stack>
          {bureaus.length === 0 && bureausLoaded && (
            <Alert color="yellow" variant="light" styles={{ message: { color: "#5c3c00" } }}>
              {pm.import.noBureaus}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <NativeSelect
              label={pm.import.bureau}
              required
              data={[{ value: "", label: pm.import.bureauPlaceholder }, ...bureaus.map((org) => ({ value: org.id, label: org.name }))]}
              description={
                selectedBureau && parsedBureau && selectedBureau.name !== parsedBureau ? pm.import.bureauMismatch(parsedBureau) : undefined
              }
              {...form.getInputProps("organisationId")}
            />
            <FiscalYearInput
              label={pm.import.fiscalYear}
              required
              value={form.values.fiscalYearText}
              onChange={(text, fy) => form.setValues({ fiscalYearText: text, fiscalYear: fy })}
              error={form.errors.fiscalYear ? String(form.errors.fiscalYear) : undefined}
            />
          </SimpleGrid>
          <Checkbox label={pm.import.replaceExisting} {...form.getInputProps("replaceExisting", { type: "checkbox" })} />
          <ErrorAlert error={error} />
          {!result.canImport && (
            <Text c="red.9" role="alert">
              {pm.import.cannotSave}
            </Text>
          )}
          <Group>
            <Button type="submit" loading={saving} disabled={!result.canImport || stale}>
              {pm.import.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
