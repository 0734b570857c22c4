// The row under a form in a dialog: cancel (closes it; off while saving) and submit.
import { Button, Group } from "@mantine/core";
import { em } from "./engagementMessages";

export function DialogActions({
  onCancel,
  saving,
  submitLabel,
  disabled,
}: {
  onCancel: () => void;
  saving: boolean;
  submitLabel: string;
  /** the submit button waits for the form to be filled */
  disabled?: boolean;
}) {
  return (
    <Group justify="flex-end">
      <Button variant="default" onClick={onCancel} disabled={saving}>
        {em.cancel}
      </Button>
      <Button type="submit" loading={saving} disabled={disabled}>
        {submitLabel}
      </Button>
    </Group>
  );
}
