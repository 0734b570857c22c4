// The scaffold of an edit dialog: a modal holding one form — the error of the last save, the fields, and the
// cancel / save row. The caller keeps the form (@mantine/form), its submit handler and the save mutation.
import { Button, Group, Modal, type ModalProps, Stack } from "@mantine/core";
import type { FormEventHandler, ReactNode, RefObject } from "react";
import { m } from "../messages";
import { ErrorAlert } from "./ErrorAlert";

interface FormModalProps {
  title: ReactNode;
  onClose: () => void;
  opened?: boolean;
  size?: ModalProps["size"];
  formRef: RefObject<HTMLFormElement | null>;
  onSubmit: FormEventHandler<HTMLFormElement>;
  /** the error of the last save */
  error: unknown;
  /** the message for a 409 (someone else saved first) */
  conflictMessage?: string;
  saving: boolean;
  children: ReactNode;
}

export function FormModal({
  title,
  onClose,
  opened = true,
  size = "xl",
  formRef,
  onSubmit,
  error,
  conflictMessage,
  saving,
  children,
}: FormModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title} size={size} centered>
      <form ref={formRef} onSubmit={onSubmit} noValidate>
        <Stack>
          <ErrorAlert error={error} conflictMessage={conflictMessage} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {m.common.cancel}
            </Button>
            <Button type="submit" loading={saving}>
              {m.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
