// 監査ログの検索 for administrators: text, entity, action, actor and date range (日付は日本時間の暦日).
import type { AuditEntry } from "../../../common/api/platform";
import type { Queryable } from "../../db/database";

export interface AuditFilter {
  q?: string;
  entityType?: string;
  action?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
}

interface AuditRow {
  id: number;
  occurred_at: Date;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  before: unknown;
  after: unknown;
  request_id: string | null;
}

const toEntry = (row: AuditRow): AuditEntry => ({
  id: row.id,
  occurredAt: row.occurred_at.toISOString(),
  actorUserId: row.actor_user_id,
  actorLabel: row.actor_label,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  summary: row.summary,
  before: row.before ?? null,
  after: row.after ?? null,
  requestId: row.request_id,
});

function whereOf(filter: AuditFilter): { clause: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll("?", `$${params.length}`));
  };
  if (filter.q) add("(summary ILIKE ? OR actor_label ILIKE ? OR entity_id ILIKE ?)", `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.entityType) add("entity_type = ?", filter.entityType);
  if (filter.action) add("action = ?", filter.action);
  if (filter.actorUserId) add("actor_user_id = ?", filter.actorUserId);
  if (filter.from) add("occurred_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Tokyo'", filter.from);
  if (filter.to) add("occurred_at < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'", filter.to);
  return { clause: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

export async function searchAudit(db: Queryable, filter: AuditFilter, page: number, pageSize: number) {
  const { clause, params } = whereOf(filter);
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log ${clause}`, params);
  const { rows } = await db.query<AuditRow>(
    `SELECT * FROM audit_log ${clause} ORDER BY occurred_at DESC, id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { items: rows.map(toEntry), total: total.rows[0].n, page, pageSize };
}

/** For exports: at most `limit` rows, newest first. */
export async function auditForExport(db: Queryable, filter: AuditFilter, limit = 100_000): Promise<AuditEntry[]> {
  const { clause, params } = whereOf(filter);
  const { rows } = await db.query<AuditRow>(`SELECT * FROM audit_log ${clause} ORDER BY occurred_at DESC, id DESC LIMIT ${limit}`, params);
  return rows.map(toEntry);
}
