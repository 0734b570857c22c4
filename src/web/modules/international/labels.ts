// How the 国際 screens name things in selects and lists: a partner city, the 年度 a select offers.
import { currentFiscalYear } from "../../ui/FiscalYear";

export { partnerLabel } from "../../../common/international/partner-label";

/**
 * The 年度 a select offers, newest first: the next year down to 平成元年度 (exchanges run for decades), plus any
 * year already chosen outside that range.
 */
export function fiscalYearChoices(...extra: (number | null | undefined)[]): number[] {
  const years = new Set<number>();
  for (const fy of extra) if (typeof fy === "number" && Number.isInteger(fy)) years.add(fy);
  for (let fy = currentFiscalYear() + 2; fy >= 1989; fy--) years.add(fy);
  return [...years].sort((a, b) => b - a);
}
