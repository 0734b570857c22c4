// The small form under a section's table (費用を改定, 検査・受付停止・解除の記録, 経費の追加): an h3 that
// names the form, a line of help, the server's error, the fields of one @mantine/form, and the submit button with a
// status line that screen readers announce (the caller focuses the first invalid input: ui/useFocusFirstInvalid).
import { Button, Group, Stack, Text, Title } from "@mantine/core";
import type { FormEvent, ReactNode, RefObject } from "react";
import { ErrorAlert } from "../../ui/ErrorAlert";

export interface InlineFormProps {
  headingId: string;
  title: string;
  help: string;
  /** the save's error, shown above the fields (field errors also land on their inputs) */
  error: unknown;
  submitLabel: string;
  /** e.g. red for 受付停止 */
  submitColor?: string;
  saving: boolean;
  /** the last outcome ("保存しました。"), announced politely */
  status: string;
  onSubmit: (event?: FormEvent<HTMLFormElement>) => void;
  formRef: RefObject<HTMLFormElement | null>;
  children: ReactNode;
}

export function InlineForm({
  headingId,
  title,
  help,
  error,
  submitLabel,
  submitColor,
  saving,
  status,
  onSubmit,
  formRef,
  children,
}: InlineFormProps) {
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
      <Stack gap="sm" mt="lg">
        <Title order={3} size="h4" id={headingId}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {help}
        </Text>
        <ErrorAlert error={error} />
        {children}
        <Group>
          <Button type="submit" loading={saving} color={submitColor}>
            {submitLabel}
          </Button>
          <Text size="sm" role="status" aria-live="polite" fw={600}>
            {status}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
