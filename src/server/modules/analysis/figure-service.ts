// 経営分析の年度別数値: a subject's (or peer's) figures by year with their sources, the entry of a year (all its items
// and measure values together: an empty field is not entered and its row is deleted, 0 is 0), and the deletion of a
// year. Figures the linked source provides are read-only here. Every member of staff reads; the bureau responsible
// (analysis.manager) writes, in one transaction with its audit row, checked against the year's stamp (409 when stale).

import { figureItem, isLinkedItem, LINKED_SOURCE_INFO } from "../../../common/analysis/figure-items";
import type { PutYearFiguresInput, SubjectFiguresView, YearFiguresView } from "../../../common/api/analysis-figures";
import { formatFiscalYear } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { isAnalysisManager, requireAnalysisManager, requireAnalysisReader } from "./access";
import * as repo from "./figure-repository";
import { type FigureSet, loadFigureSet, type SetYear } from "./figure-set";
import { LINKED_YEAR_RULES } from "./linked-figures";
import { findSubject, type SubjectRow } from "./subject-repository";

export const STALE_YEAR = "この年度の数値はほかの人が先に更新しました。画面を読み込み直してから、もう一度入力してください。";

export async function subjectOrNotFound(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<SubjectRow> {
  const subject = await findSubject(db, id, opts);
  if (!subject) throw new NotFound("経営分析の対象・比較団体");
  return subject;
}

function yearView(y: SetYear, stamp: string): YearFiguresView {
  return {
    fiscalYear: y.fiscalYear,
    stamp,
    items: [...y.items].map(([code, v]) => ({ code, value: v.value, source: v.source })),
    measures: [...y.measures].map(([measureId, v]) => ({ measureId, value: v.value, source: v.source })),
  };
}

async function stampsOf(db: Queryable, subjectId: string, set: FigureSet): Promise<Map<number, string>> {
  const stamps = new Map<number, string>();
  for (const y of set.years) stamps.set(y.fiscalYear, await repo.yearStamp(db, subjectId, y.fiscalYear));
  return stamps;
}

export async function getSubjectFigures(db: Db, user: Principal | null, subjectId: string): Promise<SubjectFiguresView> {
  requireAnalysisReader(user);
  const subject = await subjectOrNotFound(db, subjectId);
  const set = await loadFigureSet(db, subject);
  const stamps = await stampsOf(db, subject.id, set);
  const source = subject.linked_source;
  return {
    subject: {
      id: subject.id,
      name: subject.name,
      role: subject.role,
      linkedSource: source,
      linkedSourceLabel: source ? LINKED_SOURCE_INFO[source].label : null,
      analysisFiscalYear: subject.analysis_fiscal_year,
    },
    measures: set.measures,
    linkedItems: source ? [...LINKED_SOURCE_INFO[source].items] : [],
    linkedYearsRule: source ? LINKED_YEAR_RULES[source] : null,
    years: [...set.years].reverse().map((y) => yearView(y, stamps.get(y.fiscalYear) ?? "0@")),
    canManage: await isAnalysisManager(db, user),
  };
}

type Values = Record<string, number>;

/**
 * Replaces the stored figures of a year: items (and measure values unless null) not in the new values are deleted.
 * A value that did not change keeps its source (an imported figure stays 「取込」 when another one is edited).
 */
export async function replaceYear(
  tx: Queryable,
  input: {
    subjectId: string;
    fiscalYear: number;
    items: Values;
    /** null: leave the year's measure values as they are */
    measures: Values | null;
    source: repo.StoredSource;
    userId: string | null;
  },
): Promise<{ before: { items: Values; measures: Values } }> {
  const [figures, values] = [await repo.findFigures(tx, [input.subjectId]), await repo.findMeasureValues(tx, [input.subjectId])];
  const beforeItems = figures.filter((r) => r.fiscal_year === input.fiscalYear);
  const beforeMeasures = values.filter((r) => r.fiscal_year === input.fiscalYear);
  await repo.deleteYear(tx, input.subjectId, input.fiscalYear, { itemsOnly: input.measures === null });
  for (const [item, value] of Object.entries(input.items)) {
    const old = beforeItems.find((r) => r.item === item);
    const source = old && old.value === value ? old.source : input.source;
    await repo.insertFigure(tx, { subjectId: input.subjectId, fiscalYear: input.fiscalYear, item, value, source, userId: input.userId });
  }
  for (const [measureId, value] of Object.entries(input.measures ?? {})) {
    const old = beforeMeasures.find((r) => r.measure_id === measureId);
    const source = old && old.value === value ? old.source : input.source;
    await repo.insertMeasureValue(tx, { measureId, fiscalYear: input.fiscalYear, value, source });
  }
  return {
    before: {
      items: Object.fromEntries(beforeItems.map((r) => [r.item, r.value])),
      measures: Object.fromEntries(beforeMeasures.map((r) => [r.measure_id, r.value])),
    },
  };
}

const present = (values: Record<string, number | null | undefined>): Values =>
  Object.fromEntries(Object.entries(values).filter((e): e is [string, number] => typeof e[1] === "number"));

export async function putYearFigures(
  db: Db,
  user: Principal | null,
  actor: Actor,
  subjectId: string,
  fiscalYear: number,
  input: PutYearFiguresInput,
): Promise<YearFiguresView> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    const subject = await subjectOrNotFound(tx, subjectId, { forUpdate: true });
    const source = subject.linked_source;
    const measures = await loadFigureSet(tx, subject).then((s) => s.measures);
    const fields: Record<string, string> = {};
    for (const code of Object.keys(input.items)) {
      if (isLinkedItem(source, code))
        fields[`items.${code}`] =
          `${figureItem(code)?.label ?? code}は連携元（${LINKED_SOURCE_INFO[source!].label}）から読み込むため入力できません。`;
    }
    for (const id of Object.keys(input.measures)) {
      const measure = measures.find((m) => m.id === id);
      if (!measure) fields[`measures.${id}`] = "この対象の活動指標ではありません。";
      else if (measure.linkedFigure) fields[`measures.${id}`] = `${measure.name}は連携元から読み込むため入力できません。`;
    }
    if (Object.keys(fields).length > 0) throw new ValidationError(Object.values(fields)[0] as string, fields);
    if ((await repo.yearStamp(tx, subject.id, fiscalYear)) !== (input.stamp || "0@")) throw new Conflict(STALE_YEAR);

    const items = present(input.items);
    const values = present(input.measures);
    const { before } = await replaceYear(tx, {
      subjectId: subject.id,
      fiscalYear,
      items,
      measures: values,
      source: "entered",
      userId: user?.id ?? null,
    });
    const count = Object.keys(items).length + Object.keys(values).length;
    const hadBefore = Object.keys(before.items).length + Object.keys(before.measures).length > 0;
    await recordAudit(tx, actor, {
      action: hadBefore ? (count === 0 ? "delete" : "update") : "create",
      entityType: "analysis_figures",
      entityId: `${subject.id}:${fiscalYear}`,
      summary: `「${subject.name}」の${formatFiscalYear(fiscalYear)}の数値を保存（${count}項目）`,
      before: hadBefore ? before : undefined,
      after: { items, measures: values },
    });
    const set = await loadFigureSet(tx, subject, { from: fiscalYear, to: fiscalYear });
    const year = set.years.find((y) => y.fiscalYear === fiscalYear) ?? { fiscalYear, items: new Map(), measures: new Map() };
    return yearView(year, await repo.yearStamp(tx, subject.id, fiscalYear));
  });
}

export async function deleteYearFigures(
  db: Db,
  user: Principal | null,
  actor: Actor,
  subjectId: string,
  fiscalYear: number,
  stamp: string,
): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    const subject = await subjectOrNotFound(tx, subjectId, { forUpdate: true });
    const current = await repo.yearStamp(tx, subject.id, fiscalYear);
    if (current === "0@") throw new NotFound(`${formatFiscalYear(fiscalYear)}の入力・取込した数値`);
    if (current !== stamp) throw new Conflict(STALE_YEAR);
    const { before } = await replaceYear(tx, {
      subjectId: subject.id,
      fiscalYear,
      items: {},
      measures: {},
      source: "entered",
      userId: null,
    });
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "analysis_figures",
      entityId: `${subject.id}:${fiscalYear}`,
      summary: `「${subject.name}」の${formatFiscalYear(fiscalYear)}の数値を削除`,
      before,
    });
    return { ok: true as const };
  });
}
