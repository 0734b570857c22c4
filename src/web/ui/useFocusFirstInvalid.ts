// After a failed check (in the browser or on the server) the first input that reports an error takes the focus, so a
// keyboard or screen-reader user lands on what to fix. Call `focusFirstInvalid()` once the errors are set; the focus
// moves after React has rendered them.
import { useCallback, useEffect, useRef, useState } from "react";

export function useFocusFirstInvalid<E extends HTMLElement = HTMLFormElement>() {
  const ref = useRef<E>(null);
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (tick === 0) return;
    const invalid = ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    // a group of radios or checkboxes marks its fieldset: focus the group's first input
    const target = invalid?.matches("fieldset") ? invalid.querySelector<HTMLElement>("input") : invalid;
    target?.focus();
  }, [tick]);
  const focusFirstInvalid = useCallback(() => setTick((n) => n + 1), []);
  return { ref, focusFirstInvalid };
}
