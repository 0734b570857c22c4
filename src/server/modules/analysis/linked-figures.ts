// Figures a subject's linked source holds (never stored here): read through the other module's index every time they
// are shown, so the analysis always says what the source says.
// - sdgs.station → the sdgs module's stationStatistics: 相談件数, マッチング依頼件数, マッチング成立件数, and the 年間経費
//   as 経費（内訳なし）.
// - international.programmes → the international module's internationalYearFigures: 実施事業数, 海外出張数, 目標を達成した
//   成果指標数, and the projects' 決算額 as 経費（内訳なし）.
// Which years count (LINKED_YEAR_RULES): a year counts when the source has data for it; in a year that counts, a
// count of 0 is a real 0, and a cost not entered there is missing (never 0).
import type { FigureItemCode, LinkedSource } from "../../../common/analysis/figure-items";
import type { Queryable } from "../../db/database";
import { internationalYearFigures } from "../international";
import { stationStatistics } from "../sdgs";

export interface LinkedYear {
  fiscalYear: number;
  items: Partial<Record<FigureItemCode, number>>;
  /** by linked_figure key (sdgs.consultations …) */
  measures: Record<string, number>;
}

export const LINKED_YEAR_RULES: Record<LinkedSource, string> = {
  "sdgs.station": "相談・マッチング依頼が1件以上あるか、年間経費が入力されている年度を数えます。",
  "international.programmes": "実施中の事業か、中止でない海外出張が1件以上ある年度を数えます。",
};

/** The fiscal years probed for linked figures: the ten years up to the later of the analysis year and this year. */
export function linkedProbeYears(
  analysisFiscalYear: number | null,
  currentFiscalYear: number,
  extra?: { from: number; to: number },
): number[] {
  const last = Math.max(analysisFiscalYear ?? currentFiscalYear, currentFiscalYear, extra?.to ?? 0);
  const first = Math.min(last - 9, extra?.from ?? last);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

async function sdgsYear(db: Queryable, fiscalYear: number): Promise<LinkedYear | null> {
  const s = await stationStatistics(db, fiscalYear);
  if (s.consultations === 0 && s.matchingsRequested === 0 && s.costYen === null) return null;
  return {
    fiscalYear,
    items: s.costYen === null ? {} : { "expense.unitemised": s.costYen },
    measures: {
      "sdgs.consultations": s.consultations,
      "sdgs.matchings_requested": s.matchingsRequested,
      "sdgs.matchings_made": s.matchingsMade,
    },
  };
}

async function internationalYear(db: Queryable, fiscalYear: number): Promise<LinkedYear | null> {
  const f = await internationalYearFigures(db, fiscalYear);
  if (f.projects === 0 && f.trips === 0) return null;
  return {
    fiscalYear,
    items: f.settledYen === null ? {} : { "expense.unitemised": f.settledYen },
    measures: {
      "international.projects": f.projects,
      "international.trips": f.trips,
      "international.indicators_met": f.indicatorsMet,
    },
  };
}

/** The source's figures of each year that counts, oldest first. Sequential: PGlite has one connection. */
export async function linkedFigures(db: Queryable, source: LinkedSource, years: readonly number[]): Promise<LinkedYear[]> {
  const read = source === "sdgs.station" ? sdgsYear : internationalYear;
  const out: LinkedYear[] = [];
  for (const fy of years) {
    const year = await read(db, fy);
    if (year) out.push(year);
  }
  return out;
}
