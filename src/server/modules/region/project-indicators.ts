// A joint project's indicators are the vision module's own (新ビジョンの指標), linked by id: their names, latest values
// and grades are read through the vision index (findIndicatorLabels, findRounds, loadRoundGrades, toIndicatorGrades) —
// the grade is the one the vision module gave in its latest 評価 that graded the indicator, never worked out here.
import type { ResponseOf } from "../../../common/api/contract";
import type { listIndicatorChoices, ProjectIndicator as ProjectIndicatorView } from "../../../common/api/region-projects";
import { fiscalYearOf, todayInJapan } from "../../../common/dates";
import type { Queryable } from "../../db/database";
import { ValidationError } from "../../platform/errors";
import { findIndicatorLabels, findPlanInForce, findRounds, type IndicatorLabel, loadRoundGrades, toIndicatorGrades } from "../vision";

/** The indicators of the plan in force, to pick from. */
export async function indicatorChoices(db: Queryable): Promise<ResponseOf<typeof listIndicatorChoices>> {
  const plan = await findPlanInForce(db, fiscalYearOf(todayInJapan()));
  if (!plan) return { plan: null, items: [] };
  const labels = await findIndicatorLabels(db, { planId: plan.id });
  return { plan: { id: plan.id, name: plan.name }, items: labels.map((l) => ({ id: l.id, code: l.code, name: l.name, unit: l.unit })) };
}

/** Every id must be a vision indicator (checked through the vision index: there is no foreign key). */
export async function checkIndicatorIds(db: Queryable, ids: readonly string[]): Promise<IndicatorLabel[]> {
  const unique = [...new Set(ids.map((id) => id.toLowerCase()))];
  const labels = await findIndicatorLabels(db, { ids: unique });
  const missing = unique.filter((id) => !labels.some((l) => l.id === id));
  if (missing.length > 0)
    throw new ValidationError(`新ビジョンにない指標が${missing.length}件含まれています。一覧から選び直してください。`, {
      indicatorIds: "新ビジョンの指標から選んでください。",
    });
  return labels;
}

/** The linked indicators with their latest grade as the vision module graded them (the newest round that graded each). */
export async function projectIndicators(db: Queryable, ids: readonly string[]): Promise<ProjectIndicatorView[]> {
  if (ids.length === 0) return [];
  const labels = await findIndicatorLabels(db, { ids });
  const graded = new Map<
    string,
    { round: { id: string; name: string; fiscalYear: number }; grade: ReturnType<typeof toIndicatorGrades>[number] }
  >();
  for (const planId of new Set(labels.map((l) => l.plan_id))) {
    const wanted = new Set(labels.filter((l) => l.plan_id === planId).map((l) => l.id));
    for (const round of await findRounds(db, { planId })) {
      if (wanted.size === 0) break;
      const grades = toIndicatorGrades(await loadRoundGrades(db, round));
      for (const g of grades) {
        if (!wanted.has(g.indicatorId) || (g.grade === null && g.actualValue === null)) continue;
        graded.set(g.indicatorId, { round: { id: round.id, name: round.name, fiscalYear: round.fiscal_year }, grade: g });
        wanted.delete(g.indicatorId);
      }
    }
  }
  return ids.map((id) => {
    const label = labels.find((l) => l.id === id);
    if (!label)
      return {
        indicatorId: id,
        found: false,
        code: "",
        name: "（新ビジョンにない指標）",
        unit: "",
        round: null,
        actualValue: null,
        actualAsOf: null,
        targetValue: null,
        targetFiscalYear: null,
        grade: null,
        achievement: null,
        gradeNote: "新ビジョンの指標が削除されたか、別の計画に移りました。",
      };
    const found = graded.get(id);
    return {
      indicatorId: id,
      found: true,
      code: label.code,
      name: label.name,
      unit: label.unit,
      round: found?.round ?? null,
      actualValue: found?.grade.actualValue ?? null,
      actualAsOf: found?.grade.actualAsOf ?? null,
      targetValue: found?.grade.targetValue ?? null,
      targetFiscalYear: found?.grade.targetFiscalYear ?? null,
      grade: found?.grade.grade ?? null,
      achievement: found?.grade.achievement ?? null,
      gradeNote: found ? found.grade.explanation.text : "新ビジョンの評価がまだありません。",
    };
  });
}
