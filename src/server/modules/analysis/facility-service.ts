// 経営分析's facilities (施設) of a subject or peer: add, edit, delete, each in one transaction with its audit row.
// The age (築年数) is computed when shown, from the built year. Only analysis managers write.
import type * as api from "../../../common/api/analysis-subjects";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound, ValidationError } from "../../platform/errors";
import { requireAnalysisManager } from "./access";
import * as repo from "./facility-repository";
import { touchSubject } from "./subject-repository";
import { detailOf, subjectOf } from "./subject-service";

const auditValues = (v: repo.FacilityValues) => ({
  name: v.name,
  builtYear: v.builtYear,
  floorAreaM2: v.floorAreaM2,
  lastRenovatedYear: v.lastRenovatedYear,
  note: v.note,
});
const valuesOf = (row: repo.FacilityRow): repo.FacilityValues => ({
  name: row.name,
  builtYear: row.built_year,
  floorAreaM2: row.floor_area_m2,
  lastRenovatedYear: row.last_renovated_year,
  note: row.note,
});

async function checkName(tx: Queryable, subjectId: string, name: string, exceptId: string | null): Promise<void> {
  if (await repo.facilityNameTaken(tx, subjectId, name, exceptId))
    throw new ValidationError(`施設「${name}」はすでに登録されています。`, { name: "同じ名称の施設があります。" });
}

async function facilityOf(tx: Queryable, id: string): Promise<repo.FacilityRow> {
  const row = await repo.findFacility(tx, id);
  if (!row) throw new NotFound("施設");
  return row;
}

export async function addFacility(
  db: Db,
  user: Principal | null,
  actor: Actor,
  subjectId: string,
  input: repo.FacilityValues,
): Promise<api.SubjectDetail> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    const subject = await subjectOf(tx, subjectId, true);
    await checkName(tx, subject.id, input.name, null);
    const id = await repo.insertFacility(tx, subject.id, input);
    await touchSubject(tx, subject.id);
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "analysis_facility",
      entityId: id,
      summary: `${subject.name}：${input.name}`,
      after: { subjectId: subject.id, ...auditValues(input) },
    });
    return detailOf(tx, await subjectOf(tx, subject.id), true);
  });
}

export async function updateFacility(
  db: Db,
  user: Principal | null,
  actor: Actor,
  facilityId: string,
  input: repo.FacilityValues,
): Promise<api.SubjectDetail> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    const before = await facilityOf(tx, facilityId);
    const subject = await subjectOf(tx, before.subject_id, true);
    await checkName(tx, subject.id, input.name, before.id);
    await repo.updateFacility(tx, before.id, input);
    await touchSubject(tx, subject.id);
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "analysis_facility",
      entityId: before.id,
      summary: `${subject.name}：${input.name}`,
      before: auditValues(valuesOf(before)),
      after: auditValues(input),
    });
    return detailOf(tx, await subjectOf(tx, subject.id), true);
  });
}

export async function deleteFacility(db: Db, user: Principal | null, actor: Actor, facilityId: string): Promise<api.SubjectDetail> {
  return db.transaction(async (tx) => {
    await requireAnalysisManager(tx, user);
    const before = await facilityOf(tx, facilityId);
    const subject = await subjectOf(tx, before.subject_id, true);
    await repo.deleteFacility(tx, before.id);
    await touchSubject(tx, subject.id);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "analysis_facility",
      entityId: before.id,
      summary: `${subject.name}：${before.name}`,
      before: { subjectId: subject.id, ...auditValues(valuesOf(before)) },
    });
    return detailOf(tx, await subjectOf(tx, subject.id), true);
  });
}
