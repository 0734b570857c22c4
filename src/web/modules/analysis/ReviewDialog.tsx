// The frame every dialog of the analysis pages shares: a modal holding one form, the last save's error (field errors
// go on their inputs), cancel and submit; and the save cycle (send, flash the message, close, or keep the errors).
import { Button, Group, Modal, Stack } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { type FormEvent, type ReactNode, useState } from "react";
import { m } from "../../messages";
import { ErrorAlert } from "../../ui/ErrorAlert";
import { fieldErrors } from "../../ui/errors";
import { useFlash } from "../../ui/Flash";
import { rvm } from "./review-messages";

export function useDialogSave<R>(send: () => Promise<R>, saved: (result: R) => Promise<string> | string, onClose: () => void) {
  const flash = useFlash();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = useMutation({
    mutationFn: send,
    onSuccess: async (result) => {
      flash.show(await saved(result));
      onClose();
    },
    onError: (error) => setErrors(fieldErrors(error)),
  });
  return { save, errors, setErrors };
}

interface ReviewDialogProps {
  title: string;
  onClose: () => void;
  onSubmit: () => void;
  saving: boolean;
  error: unknown;
  submitLabel?: string;
  size?: string;
  children: ReactNode;
  /** a data attribute to find the dialog's form by (tests) */
  name: string;
}

export function ReviewDialog({ title, onClose, onSubmit, saving, error, submitLabel, size = "lg", children, name }: ReviewDialogProps) {
  const onlyFieldErrors = error && Object.keys(fieldErrors(error)).length > 0;
  return (
    <Modal opened onClose={onClose} title={title} size={size} centered>
      <form
        data-dialog={name}
        noValidate
        onSubmit={(event: FormEvent) => {
          event.preventDefault();
          onSubmit();
          requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-dialog="${name}"] [aria-invalid='true']`)?.focus());
        }}
      >
        <Stack>
          <ErrorAlert error={onlyFieldErrors ? null : error} conflictMessage={rvm.conflict} />
          {children}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {m.common.cancel}
            </Button>
            <Button type="submit" loading={saving}>
              {submitLabel ?? m.common.save}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
