// 進捗ステータス: the labels a ⑤ progress entry may carry. Staff read the list; an administrator changes it, in one
// transaction that checks the caller, saves, and audits the list before and after.
import type { PolicyStatus } from "../../../common/api/policy";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import { ValidationError } from "../../platform/errors";
import * as repo from "./repository";

export async function listStatuses(db: Queryable, user: Principal | null): Promise<{ items: PolicyStatus[] }> {
  authorize(user, "policy.read");
  return { items: await repo.findStatuses(db) };
}

export async function saveStatuses(
  db: Db,
  user: Principal | null,
  actor: Actor,
  items: { label: string; tone: PolicyStatus["tone"]; active: boolean }[],
): Promise<{ items: PolicyStatus[] }> {
  return db.transaction(async (tx) => {
    authorize(user, "policy.configure");
    const labels = items.map((item) => item.label);
    if (new Set(labels).size !== labels.length) throw new ValidationError("同じ名称のステータスが重複しています。");
    const before = await repo.findStatuses(tx);
    await repo.saveStatusList(tx, items);
    const after = await repo.findStatuses(tx);
    await recordAudit(tx, actor, { action: "update", entityType: "policy_statuses", summary: "進捗ステータスの設定を変更", before, after });
    return { items: after };
  });
}
