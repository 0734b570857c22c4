// 経営分析の指標 of a subject: each indicator's series over the years, its trend, the peers' series, and where the
// subject stands among its peers in one year — computed by the pure functions of common/analysis/indicators.ts from
// the figures as figure-set.ts reads them (linked figures included). `sources` names where each figure came from.
// A peer's 単位あたりコスト is taken on its measure of the same name and unit (each body keeps its own measures).

import { FIGURE_ITEMS, LINKED_SOURCE_INFO } from "../../../common/analysis/figure-items";
import {
  costPerUnitKey,
  indicatorDefs,
  indicatorSeries,
  indicatorsOfYear,
  type SubjectFigures,
  standingAmong,
  trendOf,
  yearsWithFigures,
} from "../../../common/analysis/indicators";
import type { SubjectIndicatorsView } from "../../../common/api/analysis-figures";
import type { Queryable } from "../../db/database";
import type { Principal } from "../../platform/auth/permissions";
import { ValidationError } from "../../platform/errors";
import { requireAnalysisReader } from "./access";
import { subjectOrNotFound } from "./figure-service";
import { currentFiscalYear, type FigureSet, loadFigureSet, toSubjectFigures } from "./figure-set";
import { findSubject, peersOf } from "./subject-repository";

const SOURCE_LABELS = { entered: "入力", imported: "取込" } as const;

/** Each figure that has a value in from..to, with where it came from (the latest year's source when they differ). */
function sourcesOf(set: FigureSet, from: number, to: number): SubjectIndicatorsView["sources"] {
  const latest = new Map<string, { label: string; source: "entered" | "imported" | "linked" }>();
  for (const y of set.years.filter((y) => y.fiscalYear >= from && y.fiscalYear <= to)) {
    for (const [code, v] of y.items)
      latest.set(code, { label: FIGURE_ITEMS.find((i) => i.code === code)?.label ?? code, source: v.source });
    for (const [id, v] of y.measures) {
      const m = set.measures.find((x) => x.id === id);
      if (m) latest.set(m.name, { label: `${m.name}（${m.unit}）`, source: v.source });
    }
  }
  const order = [...FIGURE_ITEMS.map((i) => i.code as string), ...set.measures.map((m) => m.name)];
  return [...latest]
    .sort(([a], [b]) => order.indexOf(a) - order.indexOf(b))
    .map(([item, v]) => ({
      item,
      label: v.label,
      source: v.source,
      sourceLabel:
        v.source === "linked" && set.linkedSource ? LINKED_SOURCE_INFO[set.linkedSource].label : SOURCE_LABELS[v.source as "entered"],
    }));
}

/** The key of the peer's own indicator matching the subject's (cost per unit: the peer's measure of that name and unit). */
function peerKey(key: string, subject: FigureSet, peer: FigureSet): string | null {
  const measure = subject.measures.find((m) => costPerUnitKey(m.id) === key);
  if (!measure) return key;
  const same = peer.measures.find((m) => m.isCostBasis && m.name === measure.name && m.unit === measure.unit);
  return same ? costPerUnitKey(same.id) : null;
}

const NO_MEASURE = "同じ名前の活動指標がありません";

/** The indicators view of a subject (no caller check: the reviews and reports call it for their own readers). */
export async function subjectIndicators(
  db: Queryable,
  subjectId: string,
  opts: { from?: number; to?: number; standingYear?: number } = {},
): Promise<SubjectIndicatorsView> {
  const subject = await subjectOrNotFound(db, subjectId);
  const probe = opts.from !== undefined && opts.to !== undefined ? { from: opts.from, to: opts.to } : undefined;
  const set = await loadFigureSet(db, subject, probe);
  const figures = toSubjectFigures(set);
  const withFigures = yearsWithFigures(figures);
  const anchor = subject.analysis_fiscal_year ?? currentFiscalYear();
  const from = opts.from ?? withFigures[0] ?? anchor - 4;
  const to = opts.to ?? withFigures.at(-1) ?? anchor;
  if (from > to)
    throw new ValidationError("開始年度は終了年度より前にしてください。", { from: "開始年度は終了年度より前にしてください。" });

  const peers: { id: string; name: string; set: FigureSet; figures: SubjectFigures }[] = [];
  for (const p of await peersOf(db, subject.id)) {
    const row = await findSubject(db, p.id);
    if (!row) continue;
    const peerSet = await loadFigureSet(db, row, probe);
    peers.push({ id: p.id, name: p.name, set: peerSet, figures: toSubjectFigures(peerSet) });
  }
  const standingYear = opts.standingYear ?? withFigures.filter((y) => y <= to).at(-1) ?? to;
  const subjectAtStanding = indicatorsOfYear(figures, standingYear);

  const indicators = indicatorDefs(figures.measures).map((def) => {
    const series = indicatorSeries(figures, def.key, from, to);
    const trend = trendOf(series);
    const peerRows = peers.map((p) => {
      const key = peerKey(def.key, set, p.set);
      return {
        id: p.id,
        name: p.name,
        key,
        series: key
          ? indicatorSeries(p.figures, key, from, to)
          : series.map((s) => ({ fiscalYear: s.fiscalYear, value: null, missing: NO_MEASURE })),
      };
    });
    const standing =
      peers.length === 0
        ? null
        : {
            fiscalYear: standingYear,
            ...standingAmong(
              subjectAtStanding[def.key] ?? { value: null, missing: "この指標はありません" },
              peerRows.map((p, i) => {
                const v = p.key ? indicatorsOfYear(peers[i]!.figures, standingYear)[p.key] : undefined;
                return { id: p.id, name: p.name, value: v?.value ?? null, missing: v?.missing ?? NO_MEASURE };
              }),
            ),
          };
    return {
      key: def.key,
      label: def.label,
      unit: def.unit,
      formula: def.formula,
      series,
      trend: {
        fromYear: trend.from?.fiscalYear ?? null,
        toYear: trend.to?.fiscalYear ?? null,
        change: trend.change,
        direction: trend.direction,
        missingYears: trend.missingYears,
      },
      peers: peerRows.map((p) => ({ id: p.id, name: p.name, series: p.series })),
      standing,
    };
  });

  return { subjectId: subject.id, fromYear: from, toYear: to, standingYear, indicators, sources: sourcesOf(set, from, to) };
}

export async function getSubjectIndicators(
  db: Queryable,
  user: Principal | null,
  subjectId: string,
  query: { from?: number; to?: number; standingYear?: number },
): Promise<SubjectIndicatorsView> {
  requireAnalysisReader(user);
  return subjectIndicators(db, subjectId, query);
}
