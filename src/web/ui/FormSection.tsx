// The scaffold the forms share: a titled section (a landmark named by its heading) and the save/cancel row.
import { Button, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";

/** A bordered section of a form, named by its h2 (`id` ties the two) with an optional line of help under the title. */
export function FormSection({ id, title, children, help }: { id: string; title: string; children: ReactNode; help?: string }) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} id={id} mb="sm" className="yk-section-title">
        {title}
      </Title>
      {help && (
        <Text size="sm" c="dimmed" mb="sm">
          {help}
        </Text>
      )}
      <Stack gap="md">{children}</Stack>
    </Paper>
  );
}

/**
 * The row under a form: the submit button (`submitLabel`, shown busy while `saving`) and the way back (`cancel`, a
 * link or a button the caller renders, so a page keeps its own route).
 */
export function FormActions({ submitLabel, saving, cancel }: { submitLabel: string; saving?: boolean; cancel?: ReactNode }) {
  return (
    <Group>
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
      {cancel}
    </Group>
  );
}
