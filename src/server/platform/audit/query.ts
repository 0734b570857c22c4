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
  /** the actor's name now (null for the system or a removed account) */
  actor_name: string | null;
  /** the record's name, where the platform owns the record (利用者, 組織) */
  entity_name: string | null;
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
  actorName: row.actor_name ?? row.actor_label,
  entityName: row.entity_name,
  action: row.action,
  entityType: row.entity_type,
  entityId: row.entity_id,
  summary: row.summary,
  before: row.before ?? null,
  after: row.after ?? null,
  requestId: row.request_id,
});

// Names instead of ids: the actor's current name, and the name of a 利用者 or 組織 the row is about. Other modules'
// records are the modules' own tables: the page links to them instead (and their summaries carry their titles).
const SELECT_ENTRIES = `SELECT a.*, u.display_name AS actor_name,
    CASE a.entity_type
      WHEN 'user' THEN (SELECT t.display_name FROM users t WHERE t.id::text = a.entity_id)
      WHEN 'organisation' THEN (SELECT o.name FROM organisations o WHERE o.id::text = a.entity_id)
    END AS entity_name
  FROM audit_log a LEFT JOIN users u ON u.id = a.actor_user_id`;

function whereOf(filter: AuditFilter): { clause: string; params: unknown[] } {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replaceAll("?", `$${params.length}`));
  };
  if (filter.q)
    add("(a.summary ILIKE ? OR a.actor_label ILIKE ? OR a.entity_id ILIKE ?)", `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  if (filter.entityType) add("a.entity_type = ?", filter.entityType);
  if (filter.action) add("a.action = ?", filter.action);
  if (filter.actorUserId) add("a.actor_user_id = ?", filter.actorUserId);
  if (filter.from) add("a.occurred_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Tokyo'", filter.from);
  if (filter.to) add("a.occurred_at < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Tokyo'", filter.to);
  return { clause: where.length ? `WHERE ${where.join(" AND ")}` : "", params };
}

export async function searchAudit(db: Queryable, filter: AuditFilter, page: number, pageSize: number) {
  const { clause, params } = whereOf(filter);
  const total = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log a ${clause}`, params);
  const { rows } = await db.query<AuditRow>(
    `${SELECT_ENTRIES} ${clause} ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    params,
  );
  return { items: rows.map(toEntry), total: total.rows[0].n, page, pageSize };
}

/** For exports: at most `limit` rows, newest first. */
export async function auditForExport(db: Queryable, filter: AuditFilter, limit = 100_000): Promise<AuditEntry[]> {
  const { clause, params } = whereOf(filter);
  const { rows } = await db.query<AuditRow>(`${SELECT_ENTRIES} ${clause} ORDER BY a.occurred_at DESC, a.id DESC LIMIT ${limit}`, params);
  return rows.map(toEntry);
}

/** The people who appear in the log (for the 利用者 picker): their current name and login id, by name. */
export async function auditActors(db: Queryable): Promise<{ id: string; displayName: string; loginId: string }[]> {
  const { rows } = await db.query<{ id: string; display_name: string; login_id: string }>(
    `SELECT u.id, u.display_name, u.login_id FROM users u
      WHERE EXISTS (SELECT 1 FROM audit_log a WHERE a.actor_user_id = u.id)
      ORDER BY u.display_name, u.login_id`,
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, loginId: r.login_id }));
}
