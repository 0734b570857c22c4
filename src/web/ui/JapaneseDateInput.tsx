// A text field for dates as people type them (令和6年11月末, R6.11.30, 2024-11-30 …). It shows, live and in an
// aria-live region, how the text was read (和暦 and 西暦) or why it could not be read.
import { TextInput, type TextInputProps } from "@mantine/core";
import { forwardRef } from "react";
import { type ParsedDate, parseJapaneseDate } from "../../common/dates";
import { m } from "../messages";
import { warekiOf } from "./dates";

interface JapaneseDateInputProps extends Omit<TextInputProps, "value" | "onChange" | "error"> {
  value: string;
  onChange: (value: string, parsed: ParsedDate | null) => void;
  /** an error from the server or the form; shown instead of the parse result */
  error?: string | null;
  /** show the "cannot read" message only after the field was left or the form submitted */
  showInvalid?: boolean;
}

export function describeParsedDate(parsed: ParsedDate): string {
  const wareki = warekiOf(parsed.iso, parsed.precision === "month-end" ? "month-end" : parsed.precision === "month" ? "month" : "day");
  return m.date.parsed(wareki, parsed.iso);
}

export const JapaneseDateInput = forwardRef<HTMLInputElement, JapaneseDateInputProps>(function JapaneseDateInput(
  { value, onChange, error, showInvalid = true, description, ...rest },
  ref,
) {
  const parsed = value.trim() ? parseJapaneseDate(value) : null;
  const invalid = value.trim() !== "" && parsed === null;
  const status = parsed ? describeParsedDate(parsed) : null;
  return (
    <TextInput
      ref={ref}
      {...rest}
      value={value}
      onChange={(event) => {
        const text = event.currentTarget.value;
        onChange(text, text.trim() ? parseJapaneseDate(text) : null);
      }}
      autoComplete="off"
      description={<span aria-live="polite">{status ? <span className="yk-parsed">{status}</span> : (description ?? m.date.hint)}</span>}
      error={error || (invalid && showInvalid ? m.date.invalid : undefined)}
      inputWrapperOrder={["label", "input", "description", "error"]}
    />
  );
});
