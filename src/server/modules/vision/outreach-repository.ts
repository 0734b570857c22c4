// SQL of the 周知・浸透の記録 on its own table (vision_outreach_events). Indicator labels and values come from the
// core's public face (core.ts), never from its tables; organisation names by a join on the platform's table (read only).
import type { OutreachKind } from "../../../common/api/vision-engagement";
import type { Queryable } from "../../db/database";

export interface EventRow {
  id: string;
  plan_id: string;
  kind: OutreachKind;
  title: string;
  held_on: string;
  fiscal_year: number;
  audience: string;
  attendance: number | null;
  organisation_id: string | null;
  organisation_name: string | null;
  note: string;
  indicator_id: string | null;
  is_sample: boolean;
}

const EVENT_SELECT = `SELECT e.*, o.name AS organisation_name
  FROM vision_outreach_events e
  LEFT JOIN organisations o ON o.id = e.organisation_id`;

export async function findEvent(db: Queryable, id: string): Promise<EventRow | null> {
  const { rows } = await db.query<EventRow>(`${EVENT_SELECT} WHERE e.id = $1`, [id]);
  return rows[0] ?? null;
}

/** A plan's events (filtered), the latest first. */
export async function findEvents(db: Queryable, planId: string, filter: { fiscalYear?: number; kind?: OutreachKind }): Promise<EventRow[]> {
  const where = ["e.plan_id = $1"];
  const params: unknown[] = [planId];
  if (filter.fiscalYear !== undefined) {
    params.push(filter.fiscalYear);
    where.push(`e.fiscal_year = $${params.length}`);
  }
  if (filter.kind) {
    params.push(filter.kind);
    where.push(`e.kind = $${params.length}`);
  }
  const { rows } = await db.query<EventRow>(
    `${EVENT_SELECT} WHERE ${where.join(" AND ")} ORDER BY e.held_on DESC, e.created_at DESC`,
    params,
  );
  return rows;
}

/** 年度 × 種別: number of events and total attendance (events without a count add nothing). */
export async function eventYearlyTotals(db: Queryable, planId: string) {
  const { rows } = await db.query<{ fiscal_year: number; kind: OutreachKind; count: number; attendance: number }>(
    `SELECT fiscal_year, kind, count(*)::int AS count, coalesce(sum(attendance), 0)::int AS attendance
     FROM vision_outreach_events WHERE plan_id = $1 GROUP BY fiscal_year, kind ORDER BY fiscal_year DESC, kind`,
    [planId],
  );
  return rows;
}

/** The number of events counting towards an indicator in a fiscal year, and their total attendance. */
export async function eventTotalsOfIndicator(
  db: Queryable,
  planId: string,
  indicatorId: string,
  fiscalYear: number,
): Promise<{ n: number; attendance: number }> {
  const { rows } = await db.query<{ n: number; attendance: number }>(
    `SELECT count(*)::int AS n, coalesce(sum(attendance), 0)::int AS attendance FROM vision_outreach_events
     WHERE plan_id = $1 AND indicator_id = $2 AND fiscal_year = $3`,
    [planId, indicatorId, fiscalYear],
  );
  return rows[0];
}

export interface EventFields {
  kind: OutreachKind;
  title: string;
  heldOn: string;
  fiscalYear: number;
  audience: string;
  attendance: number | null;
  organisationId: string | null;
  note: string;
  indicatorId: string | null;
}

export async function insertEvent(
  db: Queryable,
  planId: string,
  input: EventFields,
  opts: { isSample: boolean; createdBy: string | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO vision_outreach_events (plan_id, kind, title, held_on, fiscal_year, audience, attendance, organisation_id, note,
       indicator_id, is_sample, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
    [
      planId,
      input.kind,
      input.title,
      input.heldOn,
      input.fiscalYear,
      input.audience,
      input.attendance,
      input.organisationId,
      input.note,
      input.indicatorId,
      opts.isSample,
      opts.createdBy,
    ],
  );
  return rows[0].id;
}

export async function updateEvent(db: Queryable, id: string, input: EventFields): Promise<void> {
  await db.query(
    `UPDATE vision_outreach_events SET kind = $2, title = $3, held_on = $4, fiscal_year = $5, audience = $6, attendance = $7,
       organisation_id = $8, note = $9, indicator_id = $10 WHERE id = $1`,
    [
      id,
      input.kind,
      input.title,
      input.heldOn,
      input.fiscalYear,
      input.audience,
      input.attendance,
      input.organisationId,
      input.note,
      input.indicatorId,
    ],
  );
}

export async function deleteEvent(db: Queryable, id: string): Promise<void> {
  await db.query("DELETE FROM vision_outreach_events WHERE id = $1", [id]);
}
