// 年度 (fiscal year) choosers: a select of recent years and a text field that reads 令和6年度 / R6 / 2024.
import { NativeSelect, type NativeSelectProps, TextInput, type TextInputProps } from "@mantine/core";
import { forwardRef } from "react";
import { fiscalYearOf, parseFiscalYear } from "../../common/dates";
import { m } from "../messages";
import { fiscalYearLabel } from "./dates";

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

export function currentFiscalYear(): number {
  return fiscalYearOf(todayIso());
}

/** Recent fiscal years, newest first: next year down to `from` (default 令和元年度). */
export function recentFiscalYears(from = 2019, extra: number[] = []): number[] {
  const years = new Set<number>(extra);
  for (let fy = currentFiscalYear() + 1; fy >= from; fy--) years.add(fy);
  return [...years].sort((a, b) => b - a);
}

interface FiscalYearSelectProps extends Omit<NativeSelectProps, "value" | "onChange" | "data"> {
  value: number | null;
  onChange: (fy: number | null) => void;
  /** label of the "no filter" option; omit to require a year */
  allLabel?: string;
  years?: number[];
}

export function FiscalYearSelect({ value, onChange, allLabel, years, ...rest }: FiscalYearSelectProps) {
  const options = (years ?? recentFiscalYears(2019, value ? [value] : [])).map((fy) => ({
    value: String(fy),
    label: `${fiscalYearLabel(fy)}（${fy}年度）`,
  }));
  const data = allLabel !== undefined ? [{ value: "", label: allLabel }, ...options] : options;
  return (
    <NativeSelect
      {...rest}
      value={value === null ? "" : String(value)}
      data={data}
      onChange={(event) => {
        const text = event.currentTarget.value;
        onChange(text ? Number(text) : null);
      }}
    />
  );
}

interface FiscalYearInputProps extends Omit<TextInputProps, "value" | "onChange" | "error"> {
  value: string;
  onChange: (text: string, fy: number | null) => void;
  error?: string | null;
}

/** Free text 年度: 令和6年度, R6, 2024, 2024年度. Shows how it was read. */
export const FiscalYearInput = forwardRef<HTMLInputElement, FiscalYearInputProps>(function FiscalYearInput(
  { value, onChange, error, ...rest },
  ref,
) {
  const fy = value.trim() ? parseFiscalYear(value) : null;
  const invalid = value.trim() !== "" && fy === null;
  return (
    <TextInput
      ref={ref}
      {...rest}
      value={value}
      autoComplete="off"
      onChange={(event) => {
        const text = event.currentTarget.value;
        onChange(text, text.trim() ? parseFiscalYear(text) : null);
      }}
      description={
        <span aria-live="polite">
          {fy !== null ? <span className="yk-parsed">{m.date.fiscalParsed(fiscalYearLabel(fy), fy)}</span> : m.date.fiscalHint}
        </span>
      }
      error={error || (invalid ? m.date.fiscalInvalid : undefined)}
      inputWrapperOrder={["label", "input", "description", "error"]}
    />
  );
});
