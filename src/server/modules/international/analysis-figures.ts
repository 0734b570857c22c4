// The international programmes' figures of a fiscal year, for 経営分析 (read through index.ts, no caller check: the
// analysis module shows them to its own readers). What each counts:
// - projects: projects running in the year (as the overview counts them);
// - budgetYen / settledYen: the running projects' 予算額 and 決算額 of the year, every funding source; settledYen is
//   null when no 決算額 is entered yet (a missing 決算 is not 0 here);
// - trips: trips departing in the year, not cancelled;
// - indicatorsMet: the running projects' indicators whose result of that year has reached the final target
//   (≥ target for 'higher', ≤ for 'lower'). A simpler rule than the module's pro-rated grade, stated so: it counts
//   targets reached, not indicators on track.
import { fiscalYearRange } from "../../../common/dates";
import type { Queryable } from "../../db/database";
import { yearFigures } from "./analysis-figures-repository";

export interface InternationalYearFigures {
  fiscalYear: number;
  projects: number;
  budgetYen: number;
  settledYen: number | null;
  trips: number;
  indicatorsMet: number;
}

export async function internationalYearFigures(db: Queryable, fiscalYear: number): Promise<InternationalYearFigures> {
  const { start, end } = fiscalYearRange(fiscalYear);
  const row = await yearFigures(db, fiscalYear, start, end);
  return {
    fiscalYear,
    projects: row.projects,
    budgetYen: row.budget,
    settledYen: row.settled,
    trips: row.trips,
    indicatorsMet: row.indicators_met,
  };
}
