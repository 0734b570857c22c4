// A button that asks before doing something that cannot be undone lightly (disable, publish, reset …).
import { Button, type ButtonProps, Group, Modal, Stack, Text } from "@mantine/core";
import { type ReactNode, useState } from "react";
import { m } from "../messages";
import { ErrorAlert } from "./ErrorAlert";

interface ConfirmButtonProps extends Omit<ButtonProps, "onClick"> {
  children: ReactNode;
  /** dialog title; defaults to the button text */
  title?: string;
  message: ReactNode;
  confirmLabel?: string;
  confirmColor?: string;
  onConfirm: () => Promise<unknown> | unknown;
}

export function ConfirmButton({ children, title, message, confirmLabel, confirmColor, onConfirm, ...buttonProps }: ConfirmButtonProps) {
  const [opened, setOpened] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      setOpened(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Button {...buttonProps} onClick={() => setOpened(true)}>
        {children}
      </Button>
      <Modal opened={opened} onClose={() => !busy && setOpened(false)} title={title ?? children} centered>
        <Stack>
          <Text>{message}</Text>
          <ErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)} disabled={busy}>
              {m.common.cancel}
            </Button>
            <Button color={confirmColor ?? buttonProps.color} onClick={confirm} loading={busy} data-autofocus>
              {confirmLabel ?? m.common.confirm}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
