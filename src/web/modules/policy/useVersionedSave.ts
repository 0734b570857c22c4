// The save of a policy edit dialog, checked against the version the edit is based on. A save against an older
// version fails with a conflict: the newer version is loaded so the next save is checked against it (saving again
// overwrites knowingly), and the user's text stays in the form.
import type { UseFormReturnType } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { fieldErrors, isConflict } from "../../ui/errors";
import { useFocusFirstInvalid } from "../../ui/useFocusFirstInvalid";

interface VersionedSaveOptions<V, R> {
  /** the version of the record the dialog opened with */
  version: number;
  send: (values: V, version: number) => Promise<R>;
  /** loads the record again after a conflict (and refreshes its cache) */
  reload: () => Promise<{ version: number }>;
  saved: (result: R) => void;
}

export function useVersionedSave<V, R>(form: UseFormReturnType<V>, { version: initial, send, reload, saved }: VersionedSaveOptions<V, R>) {
  // not a field: the version the next save is checked against
  const [version, setVersion] = useState(initial);
  const { ref: formRef, focusFirstInvalid } = useFocusFirstInvalid();
  const save = useMutation({
    mutationFn: (values: V) => send(values, version),
    onSuccess: saved,
    onError: async (error) => {
      form.setErrors(fieldErrors(error));
      focusFirstInvalid();
      if (isConflict(error)) setVersion((await reload()).version);
    },
  });
  const submit = form.onSubmit((values) => save.mutate(values), focusFirstInvalid);
  return { formRef, submit, save };
}
