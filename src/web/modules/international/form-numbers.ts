// Numbers as staff type them in the 国際 forms: yen with or without digit grouping, full-width digits, values with
// decimals. Pure, shared by the project and trip form values.
import { toNumberInput } from "../../../common/zod-japanese";

/** "1,234" / "１２３４" / "" → number | null (empty) | undefined (not a number). */
export function parseNumberText(text: string): number | null | undefined {
  const value = toNumberInput(text);
  if (value === undefined) return null;
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

export function numberText(n: number | null | undefined): string {
  return n === null || n === undefined ? "" : String(n);
}

/** A yen amount with its digits grouped (1234000 → "1,234,000"); text that is not a whole number stays as typed. */
export function yenText(n: number | null | undefined): string {
  return n === null || n === undefined ? "" : n.toLocaleString("ja-JP", { maximumFractionDigits: 0 });
}

/** What a yen field shows once it is left: the typed amount grouped, or the text unchanged when it cannot be read. */
export function formatYenInput(text: string): string {
  const n = parseNumberText(text);
  return typeof n === "number" && Number.isInteger(n) ? yenText(n) : text;
}
