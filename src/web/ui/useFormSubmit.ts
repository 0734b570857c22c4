// The save cycle every form shares: check in the browser, send, and either say what was saved (status line + flash)
// or put the server's field errors on the inputs; after a failed check the first invalid input takes the focus.
import type { UseFormReturnType } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { fieldErrors } from "./errors";
import { useFlash } from "./Flash";
import { useFocusFirstInvalid } from "./useFocusFirstInvalid";

export interface FormSubmitOptions<V, R> {
  send: (values: V) => Promise<R>;
  /** after a save: update caches, reset fields; returns the message for the status line and the flash (if any) */
  saved?: (result: R, values: V) => string | undefined | Promise<string | undefined>;
}

export function useFormSubmit<V, R>(form: UseFormReturnType<V>, { send, saved }: FormSubmitOptions<V, R>) {
  const flash = useFlash();
  const [status, setStatus] = useState("");
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const save = useMutation({
    mutationFn: send,
    onSuccess: async (result, values) => {
      const message = await saved?.(result, values);
      if (message) {
        setStatus(message);
        flash.show(message);
      }
    },
    onError: (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
    },
  });
  const submit = form.onSubmit(
    (values) => {
      setStatus("");
      save.mutate(values);
    },
    () => {
      setStatus("");
      focusFirstInvalid();
    },
  );
  return { formRef, submit, save, status };
}
