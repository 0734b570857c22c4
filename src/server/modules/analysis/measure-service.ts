// 経営分析's activity measures (活動指標) of a subject or peer: their definitions (name, unit, 単位あたりコストの基準).
// The yearly values are the figures part's. A linked measure is read from another module's index under its own name
// and unit, so it is never renamed or deleted here (only its cost-basis flag changes).
import type * as api from "../../../common/api/analysis-subjects";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound, ValidationError } from "../../platform/errors";
import { requireAnalysisManager } from "./access";
import * as repo from "./measure-repository";
import { touchSubject } from "./subject-repository";
import { detailOf, subjectOf } from "./subject-service";

export const LINKED_RENAME =
  "この活動指標は連携元のモジュールから値を読むため、名称と単位は変えられません。連携元を外すと、この指標もなくなります。";
export const LINKED_DELETE =
  "この活動指標は連携元のモジュールから値を読むため、削除できません。不要なときは、対象の編集で連携元を外してください。";

const auditValues = (v: repo.MeasureValues & { linkedFigure?: string | null }) => ({
  name: v.name,
  unit: v.unit,
  isCostBasis: v.isCostBasis,
  linkedFigure: v.linkedFigure ?? null,
});

async function checkName(tx: Queryable, subjectId: string, name: string, exceptId: string | null): Promise<void> {
  if (await repo.measureNameTaken(tx, subjectId, name, exceptId))
    throw new ValidationError(`活動指標「${name}」はすでに登録されています。`, { name: "同じ名称の活動指標があります。" });
}

async function measureOf(tx: Queryable, id: string): Promise<repo.MeasureRow> {
  const row = await repo.findMeasure(tx, id);
  if (!row) throw new NotFound("活動指標");
  return row;
}

export async function addMeasure(
  db: Db,
  user: Principal | null,
  actor: Actor,
  subjectId: string,
  input: repo.MeasureValues,
): Promise<api.SubjectDetail> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    const subject = await subjectOf(tx, subjectId, true);
    await checkName(tx, subject.id, input.name, null);
    const id = await repo.insertMeasure(tx, subject.id, input);
    await touchSubject(tx, subject.id);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "analysis_measure",
      entityId: id,
      summary: `${subject.name}：${input.name}`,
      after: { subjectId: subject.id, ...auditValues(input) },
    });
    return detailOf(tx, await subjectOf(tx, subject.id), true);
  });
}

export async function updateMeasure(
  db: Db,
  user: Principal | null,
  actor: Actor,
  measureId: string,
  input: repo.MeasureValues,
): Promise<api.SubjectDetail> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    const before = await measureOf(tx, measureId);
    if (before.linked_figure && (before.name !== input.name || before.unit !== input.unit))
      throw new ValidationError(LINKED_RENAME, { name: LINKED_RENAME });
    const subject = await subjectOf(tx, before.subject_id, true);
    await checkName(tx, subject.id, input.name, before.id);
    await repo.updateMeasure(tx, before.id, input);
    await touchSubject(tx, subject.id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "analysis_measure",
      entityId: before.id,
      summary: `${subject.name}：${input.name}`,
      before: auditValues({ name: before.name, unit: before.unit, isCostBasis: before.is_cost_basis, linkedFigure: before.linked_figure }),
      after: auditValues({ ...input, linkedFigure: before.linked_figure }),
    });
    return detailOf(tx, await subjectOf(tx, subject.id), true);
  });
}

export async function deleteMeasure(db: Db, user: Principal | null, actor: Actor, measureId: string): Promise<api.SubjectDetail> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    const before = await measureOf(tx, measureId);
    if (before.linked_figure) throw new ValidationError(LINKED_DELETE);
    const subject = await subjectOf(tx, before.subject_id, true);
    await repo.deleteMeasure(tx, before.id);
    await touchSubject(tx, subject.id);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "analysis_measure",
      entityId: before.id,
      summary: `${subject.name}：${before.name}（年度ごとの値も削除）`,
      before: { subjectId: subject.id, ...auditValues({ name: before.name, unit: before.unit, isCostBasis: before.is_cost_basis }) },
    });
    return detailOf(tx, await subjectOf(tx, subject.id), true);
  });
}
