// A subject's (or peer's) figures as one set: the stored rows (entered or imported) merged with what its linked source
// provides (read now, never stored), its measures and its facilities. The figures page, the indicators and the imports
// all read this one shape, so a linked figure is the same everywhere.
import { type FigureItemCode, isLinkedItem, LINKED_SOURCE_INFO, type LinkedSource } from "../../../common/analysis/figure-items";
import type { FacilityInfo, SubjectFigures } from "../../../common/analysis/indicators";
import { fiscalYearOf, todayInJapan } from "../../../common/dates";
import type { Queryable } from "../../db/database";
import { findFacilities } from "./facility-repository";
import * as repo from "./figure-repository";
import { linkedFigures, linkedProbeYears } from "./linked-figures";
import { findMeasures } from "./measure-repository";

export type FigureSource = "entered" | "imported" | "linked";

export interface SetMeasure {
  id: string;
  name: string;
  unit: string;
  linkedFigure: string | null;
  isCostBasis: boolean;
}

export interface SetYear {
  fiscalYear: number;
  items: Map<string, { value: number; source: FigureSource }>;
  measures: Map<string, { value: number; source: FigureSource }>;
}

export interface FigureSet {
  subjectId: string;
  linkedSource: LinkedSource | null;
  measures: SetMeasure[];
  /** oldest first */
  years: SetYear[];
  facilities: FacilityInfo[];
}

export interface SubjectRef {
  id: string;
  linked_source: LinkedSource | null;
  analysis_fiscal_year: number | null;
}

export const currentFiscalYear = () => fiscalYearOf(todayInJapan());

/**
 * The linked source's measures, as the subject's measure rows (linked_figure set); a linked measure without its row
 * (not created yet) is still shown, under an id of its own.
 */
function measuresOf(rows: Awaited<ReturnType<typeof findMeasures>>, source: LinkedSource | null): SetMeasure[] {
  const measures: SetMeasure[] = rows.map((m) => ({
    id: m.id,
    name: m.name,
    unit: m.unit,
    linkedFigure: m.linked_figure,
    isCostBasis: m.is_cost_basis,
  }));
  if (source) {
    for (const lm of LINKED_SOURCE_INFO[source].measures) {
      if (!measures.some((m) => m.linkedFigure === lm.key))
        measures.push({ id: `linked:${lm.key}`, name: lm.name, unit: lm.unit, linkedFigure: lm.key, isCostBasis: lm.isCostBasis });
    }
  }
  return measures;
}

/** The figures of one subject or peer. `probe`: fiscal years the linked source is asked about besides its default ten. */
export async function loadFigureSet(db: Queryable, subject: SubjectRef, probe?: { from: number; to: number }): Promise<FigureSet> {
  const source = subject.linked_source;
  const [measureRows, figureRows, valueRows, facilityRows] = [
    await findMeasures(db, subject.id),
    await repo.findFigures(db, [subject.id]),
    await repo.findMeasureValues(db, [subject.id]),
    await findFacilities(db, subject.id),
  ];
  const measures = measuresOf(measureRows, source);
  const linkedMeasureIds = new Set(measures.filter((m) => m.linkedFigure).map((m) => m.id));
  const years = new Map<number, SetYear>();
  const yearOf = (fy: number) => {
    let y = years.get(fy);
    if (!y) {
      y = { fiscalYear: fy, items: new Map(), measures: new Map() };
      years.set(fy, y);
    }
    return y;
  };
  // a stored row of a figure the source provides is ignored: the source decides
  for (const r of figureRows)
    if (!isLinkedItem(source, r.item)) yearOf(r.fiscal_year).items.set(r.item, { value: r.value, source: r.source });
  for (const r of valueRows)
    if (!linkedMeasureIds.has(r.measure_id)) yearOf(r.fiscal_year).measures.set(r.measure_id, { value: r.value, source: r.source });
  if (source) {
    for (const ly of await linkedFigures(db, source, linkedProbeYears(subject.analysis_fiscal_year, currentFiscalYear(), probe))) {
      const y = yearOf(ly.fiscalYear);
      for (const [code, value] of Object.entries(ly.items)) y.items.set(code, { value: value as number, source: "linked" });
      for (const m of measures) {
        const value = m.linkedFigure ? ly.measures[m.linkedFigure] : undefined;
        if (value !== undefined) y.measures.set(m.id, { value, source: "linked" });
      }
    }
  }
  return {
    subjectId: subject.id,
    linkedSource: source,
    measures,
    years: [...years.values()].filter((y) => y.items.size + y.measures.size > 0).sort((a, b) => a.fiscalYear - b.fiscalYear),
    facilities: facilityRows.map((f) => ({ name: f.name, builtYear: f.built_year, floorAreaM2: f.floor_area_m2 })),
  };
}

/** The set as the pure indicators take it. */
export function toSubjectFigures(set: FigureSet): SubjectFigures {
  return {
    years: set.years.map((y) => ({
      fiscalYear: y.fiscalYear,
      items: Object.fromEntries([...y.items].map(([code, v]) => [code, v.value])) as Partial<Record<FigureItemCode, number>>,
      measures: Object.fromEntries([...y.measures].map(([id, v]) => [id, v.value])),
    })),
    measures: set.measures.map((m) => ({ id: m.id, name: m.name, unit: m.unit, isCostBasis: m.isCostBasis })),
    facilities: set.facilities,
  };
}
