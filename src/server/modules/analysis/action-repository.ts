// SQL of the 経営分析's follow-up actions (今後の取組): one analysis's actions, the list across subjects and years with
// its filters (overdue first), and the writes. The service decides who may do what.
import type { ActionStatus, ReviewStatus } from "../../../common/analysis/labels";
import type { Queryable } from "../../db/database";

export interface ActionRow {
  id: string;
  review_id: string;
  title: string;
  detail: string;
  owner_organisation_id: string | null;
  owner_organisation_name: string | null;
  owner_name: string;
  due_on: string | null;
  status: ActionStatus;
  done_on: string | null;
  result: string;
  is_sample: boolean;
  version: number;
}

export interface ActionListRow extends ActionRow {
  subject_id: string;
  subject_name: string;
  fiscal_year: number;
  review_status: ReviewStatus;
}

const ACTION_SELECT = `
  SELECT a.id, a.review_id, a.title, a.detail, a.owner_organisation_id, o.name AS owner_organisation_name, a.owner_name,
         a.due_on::text AS due_on, a.status, a.done_on::text AS done_on, a.result, a.is_sample, a.version,
         r.subject_id, s.name AS subject_name, r.fiscal_year, r.status AS review_status
    FROM analysis_actions a
    JOIN analysis_reviews r ON r.id = a.review_id
    JOIN analysis_subjects s ON s.id = r.subject_id
    LEFT JOIN organisations o ON o.id = a.owner_organisation_id`;

export async function findActions(db: Queryable, reviewId: string): Promise<ActionListRow[]> {
  const { rows } = await db.query<ActionListRow>(`${ACTION_SELECT} WHERE a.review_id = $1 ORDER BY a.sort_order, a.created_at, a.id`, [
    reviewId,
  ]);
  return rows;
}

export async function findAction(db: Queryable, id: string, opts: { forUpdate?: boolean } = {}): Promise<ActionListRow | null> {
  const { rows } = await db.query<ActionListRow>(`${ACTION_SELECT} WHERE a.id = $1${opts.forUpdate ? " FOR UPDATE OF a" : ""}`, [id]);
  return rows[0] ?? null;
}

export interface ActionValues {
  title: string;
  detail: string;
  ownerOrganisationId: string | null;
  ownerName: string;
  dueOn: string | null;
}

export async function insertAction(db: Queryable, reviewId: string, v: ActionValues, isSample = false): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO analysis_actions (review_id, title, detail, owner_organisation_id, owner_name, due_on, is_sample, sort_order)
     VALUES ($1, $2, $3, $4, $5, $6, $7, (SELECT COALESCE(max(sort_order), 0) + 1 FROM analysis_actions WHERE review_id = $1))
     RETURNING id`,
    [reviewId, v.title, v.detail, v.ownerOrganisationId, v.ownerName, v.dueOn, isSample],
  );
  return rows[0]!.id;
}

export async function updateAction(db: Queryable, id: string, version: number, v: ActionValues): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE analysis_actions SET title = $3, detail = $4, owner_organisation_id = $5, owner_name = $6, due_on = $7,
            version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, v.title, v.detail, v.ownerOrganisationId, v.ownerName, v.dueOn],
  );
  return rows.length === 1;
}

export async function deleteAction(db: Queryable, id: string, version: number): Promise<boolean> {
  const { rows } = await db.query("DELETE FROM analysis_actions WHERE id = $1 AND version = $2 RETURNING id", [id, version]);
  return rows.length === 1;
}

export async function completeAction(db: Queryable, id: string, version: number, doneOn: string, result: string): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE analysis_actions SET status = 'done', done_on = $3, result = $4, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version, doneOn, result],
  );
  return rows.length === 1;
}

/** Back to open: the date goes (the table ties it to done); the result text stays, as the last word on it. */
export async function reopenAction(db: Queryable, id: string, version: number): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE analysis_actions SET status = 'open', done_on = NULL, version = version + 1, updated_at = now()
      WHERE id = $1 AND version = $2 RETURNING id`,
    [id, version],
  );
  return rows.length === 1;
}

export async function organisationName(db: Queryable, id: string): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>("SELECT name FROM organisations WHERE id = $1", [id]);
  return rows[0]?.name ?? null;
}

// ------------------------------------------------------------------ the list across subjects and years

export interface ActionFilter {
  status: "open" | "done" | "overdue" | "all";
  subjectId?: string;
  fiscalYear?: number;
  ownerOrganisationId?: string;
}

function whereOf(filter: ActionFilter, today: string, withStatus = true): { sql: string; params: unknown[] } {
  const params: unknown[] = [today];
  // $1 (today) is always named, so that PostgreSQL knows its type even when no condition uses it
  const conditions: string[] = ["$1::date IS NOT NULL"];
  const add = (sql: (n: number) => string, value: unknown) => {
    params.push(value);
    conditions.push(sql(params.length));
  };
  if (withStatus && filter.status === "open") conditions.push("a.status = 'open'");
  if (withStatus && filter.status === "done") conditions.push("a.status = 'done'");
  if (withStatus && filter.status === "overdue") conditions.push("a.status = 'open' AND a.due_on < $1::date");
  if (filter.subjectId) add((n) => `r.subject_id = $${n}`, filter.subjectId);
  if (filter.fiscalYear) add((n) => `r.fiscal_year = $${n}`, filter.fiscalYear);
  if (filter.ownerOrganisationId) add((n) => `a.owner_organisation_id = $${n}`, filter.ownerOrganisationId);
  return { sql: `WHERE ${conditions.join(" AND ")}`, params };
}

// overdue first (the longest overdue first), then open by due date (none last), then done (latest first)
const LIST_ORDER = `CASE WHEN a.status = 'open' AND a.due_on < $1::date THEN 0 WHEN a.status = 'open' THEN 1 ELSE 2 END,
  CASE WHEN a.status = 'open' THEN a.due_on END ASC NULLS LAST, a.done_on DESC NULLS LAST, r.fiscal_year, s.name, a.sort_order, a.id`;

export async function searchActions(
  db: Queryable,
  filter: ActionFilter,
  today: string,
  page: { limit: number; offset: number } | null,
): Promise<{ rows: ActionListRow[]; total: number }> {
  const where = whereOf(filter, today);
  const params = [...where.params];
  let limit = "";
  if (page) {
    params.push(page.limit, page.offset);
    limit = ` LIMIT $${params.length - 1} OFFSET $${params.length}`;
  }
  const { rows } = await db.query<ActionListRow>(`${ACTION_SELECT} ${where.sql} ORDER BY ${LIST_ORDER}${limit}`, params);
  const count = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM analysis_actions a JOIN analysis_reviews r ON r.id = a.review_id
       JOIN analysis_subjects s ON s.id = r.subject_id ${where.sql}`,
    where.params,
  );
  return { rows, total: Number(count.rows[0]?.n ?? 0) };
}

/** Open, overdue and done counts under the same filter, without its status. */
export async function countActions(
  db: Queryable,
  filter: ActionFilter,
  today: string,
): Promise<{ open: number; overdue: number; done: number }> {
  const where = whereOf(filter, today, false);
  const { rows } = await db.query<{ open: number; overdue: number; done: number }>(
    `SELECT count(*) FILTER (WHERE a.status = 'open')::int AS open,
            count(*) FILTER (WHERE a.status = 'open' AND a.due_on < $1::date)::int AS overdue,
            count(*) FILTER (WHERE a.status = 'done')::int AS done
       FROM analysis_actions a JOIN analysis_reviews r ON r.id = a.review_id
       JOIN analysis_subjects s ON s.id = r.subject_id ${where.sql}`,
    where.params,
  );
  const row = rows[0];
  return { open: Number(row?.open ?? 0), overdue: Number(row?.overdue ?? 0), done: Number(row?.done ?? 0) };
}
