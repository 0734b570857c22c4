// 監査ログ: every write records who, when, what and the before/after state, in the same transaction as the write,
// so that a change and its audit row are committed (or rolled back) together.
import type { AuditAction, AuditEntityType } from "../../../common/audit-labels";
import type { Queryable } from "../../db/database";

export interface Actor {
  userId: string | null;
  /** display label kept with the row, so the log stays readable after a user is renamed */
  label: string;
  requestId?: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, label: "システム" };

/** The actor of sample (demo) data: every module's demo loader records its writes under this name. */
export const DEMO_ACTOR: Actor = { userId: null, label: "サンプルデータ" };

export interface AuditRecord {
  /** a code with its Japanese label in common/audit-labels.ts */
  action: AuditAction;
  /** a record kind with its Japanese label in common/audit-labels.ts */
  entityType: AuditEntityType;
  entityId?: string | null;
  summary?: string;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(tx: Queryable, actor: Actor, record: AuditRecord): Promise<void> {
  await tx.query(
    `INSERT INTO audit_log (actor_user_id, actor_label, action, entity_type, entity_id, summary, before, after, request_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      actor.userId,
      actor.label,
      record.action,
      record.entityType,
      record.entityId ?? null,
      record.summary ?? "",
      record.before === undefined ? null : JSON.stringify(record.before),
      record.after === undefined ? null : JSON.stringify(record.after),
      actor.requestId ?? null,
    ],
  );
}

/**
 * Many audit rows in one statement, one per record as recordAudit writes each (a batch write, e.g. an import's new
 * records): same columns, same actor, in the order given.
 */
export async function recordAudits(tx: Queryable, actor: Actor, records: readonly AuditRecord[]): Promise<void> {
  if (records.length === 0) return;
  await tx.query(
    `INSERT INTO audit_log (actor_user_id, actor_label, action, entity_type, entity_id, summary, before, after, request_id)
     SELECT $1, $2, r.action, r.entity_type, r.entity_id, r.summary, r.before, r.after, $3
       FROM jsonb_to_recordset($4::jsonb) AS r(action text, entity_type text, entity_id text, summary text, before jsonb, after jsonb)`,
    [
      actor.userId,
      actor.label,
      actor.requestId ?? null,
      JSON.stringify(
        records.map((r) => ({
          action: r.action,
          entity_type: r.entityType,
          entity_id: r.entityId ?? null,
          summary: r.summary ?? "",
          before: r.before,
          after: r.after,
        })),
      ),
    ],
  );
}
