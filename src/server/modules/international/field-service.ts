// 分野: every member of staff reads the list (with how many projects each holds); the coordinating bureau's editors
// add, rename, reorder and retire fields. A field in use is retired (使用停止), not deleted: its projects keep it.
import type { InternationalField } from "../../../common/api/international";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound } from "../../platform/errors";
import { accessOf, managerAccessOf } from "./access";
import * as repo from "./field-repository";
import { indexProjectsOf } from "./search-index";

const toField = (row: repo.FieldRow): InternationalField => ({
  id: row.id,
  name: row.name,
  sortOrder: row.sort_order,
  active: row.active,
  projectCount: row.project_count,
});

async function readField(db: Queryable, id: string): Promise<InternationalField> {
  const row = await repo.findField(db, id);
  if (!row) throw new NotFound("分野");
  return toField(row);
}

export async function listFields(db: Db, user: Principal | null): Promise<{ items: InternationalField[] }> {
  await accessOf(db, user);
  return { items: (await repo.findFields(db)).map(toField) };
}

export interface FieldInput {
  name: string;
  sortOrder?: number;
  active?: boolean;
}

/** Adds a field inside the caller's transaction (the bureau's screen, the sample data); audited. */
export async function createFieldIn(tx: Queryable, actor: Actor, input: FieldInput, opts: { isSample?: boolean } = {}): Promise<string> {
  const sortOrder = input.sortOrder ?? (await repo.nextFieldSortOrder(tx));
  const id = await repo.insertField(tx, { name: input.name, sortOrder, active: input.active ?? true, isSample: opts.isSample ?? false });
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "international_field",
    entityId: id,
    summary: `分野「${input.name}」を追加`,
    after: { name: input.name, sortOrder, active: input.active ?? true },
  });
  return id;
}

export async function createField(db: Db, user: Principal | null, actor: Actor, input: FieldInput): Promise<InternationalField> {
  return db.transaction(async (tx) => {
    await managerAccessOf(tx, user);
    return readField(tx, await createFieldIn(tx, actor, input));
  });
}

export async function updateField(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: Partial<FieldInput>,
): Promise<InternationalField> {
  return db.transaction(async (tx) => {
    await managerAccessOf(tx, user);
    const before = await readField(tx, id);
    const after = {
      name: input.name ?? before.name,
      sortOrder: input.sortOrder ?? before.sortOrder,
      active: input.active ?? before.active,
    };
    await repo.updateField(tx, id, after);
    await indexProjectsOf(tx, { fieldId: id });
    const change =
      before.active !== after.active
        ? after.active
          ? "（使用を再開）"
          : "（使用停止）"
        : before.name !== after.name
          ? `（旧名「${before.name}」）`
          : "";
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "international_field",
      entityId: id,
      summary: `分野「${after.name}」を変更${change}`,
      before: { name: before.name, sortOrder: before.sortOrder, active: before.active },
      after,
    });
    return readField(tx, id);
  });
}
