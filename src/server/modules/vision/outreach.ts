// 周知・浸透の記録: staff training, 出前講演, workshops, PR videos … with date, audience and attendance. Counts per
// fiscal year and kind are the outreach report; an event may count towards an indicator (e.g. 出前講演の実施回数), and
// "feed indicators" writes that year's count (or total attendance) as the indicator's actual value. Each organisation's
// editors record their own events; the vision bureau's managers record any and feed indicators.

import { OUTREACH_ACTUAL_LABEL, type OutreachEvent, type OutreachKind } from "../../../common/api/vision-engagement";
import { fiscalYearOf, fiscalYearRange, formatFiscalYear } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { NotFound, ValidationError } from "../../platform/errors";
import { storeActuals } from "./actuals";
import { type EngagementAccess, requireOutreachEditable, requireOutreachRecorder, todayInJapan } from "./engagement-access";

interface EventRow {
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
  indicator_name: string | null;
  is_sample: boolean;
}

const SELECT = `SELECT e.*, o.name AS organisation_name, i.name AS indicator_name
  FROM vision_outreach_events e
  LEFT JOIN organisations o ON o.id = e.organisation_id
  LEFT JOIN vision_indicators i ON i.id = e.indicator_id`;

/** An event as stored; the routes add whether the caller may change it (canEdit). */
export type StoredEvent = Omit<OutreachEvent, "canEdit">;

const toEvent = (row: EventRow): StoredEvent => ({
  id: row.id,
  kind: row.kind,
  title: row.title,
  heldOn: row.held_on,
  fiscalYear: row.fiscal_year,
  audience: row.audience,
  attendance: row.attendance,
  organisationId: row.organisation_id,
  organisationName: row.organisation_name,
  note: row.note,
  indicatorId: row.indicator_id,
  indicatorName: row.indicator_name,
  isSample: row.is_sample,
});

export async function getEvent(db: Queryable, id: string): Promise<StoredEvent & { planId: string }> {
  const { rows } = await db.query<EventRow>(`${SELECT} WHERE e.id = $1`, [id]);
  if (!rows[0]) throw new NotFound("周知・浸透の記録");
  return { ...toEvent(rows[0]), planId: rows[0].plan_id };
}

export async function listEvents(db: Queryable, planId: string, filter: { fiscalYear?: number; kind?: OutreachKind }) {
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
  const { rows } = await db.query<EventRow>(`${SELECT} WHERE ${where.join(" AND ")} ORDER BY e.held_on DESC, e.created_at DESC`, params);
  return rows.map(toEvent);
}

/** 年度 × 種別: number of events and total attendance (events without a count add nothing). */
export async function yearlySummary(db: Queryable, planId: string) {
  const { rows } = await db.query<{ fiscal_year: number; kind: OutreachKind; count: number; attendance: number }>(
    `SELECT fiscal_year, kind, count(*)::int AS count, coalesce(sum(attendance), 0)::int AS attendance
     FROM vision_outreach_events WHERE plan_id = $1 GROUP BY fiscal_year, kind ORDER BY fiscal_year DESC, kind`,
    [planId],
  );
  return rows.map((row) => ({ fiscalYear: row.fiscal_year, kind: row.kind, count: row.count, attendance: row.attendance }));
}

/** Indicators of the plan with a numeric rating: what an event may count towards. */
export async function planIndicators(db: Queryable, planId: string) {
  const { rows } = await db.query<{ id: string; code: string; name: string; unit: string }>(
    `SELECT i.id, i.code, i.name, i.unit FROM vision_indicators i JOIN vision_nodes n ON n.id = i.node_id
     WHERE n.plan_id = $1 AND i.rating_mode = 'numeric' ORDER BY i.code`,
    [planId],
  );
  return rows;
}

export interface EventInput {
  kind: OutreachKind;
  title: string;
  heldOn: string;
  audience: string;
  attendance: number | null;
  organisationId: string | null;
  note: string;
  indicatorId: string | null;
}

async function checkRefs(tx: Queryable, planId: string, input: EventInput): Promise<void> {
  if (input.indicatorId) {
    const { rows } = await tx.query(
      "SELECT 1 FROM vision_indicators i JOIN vision_nodes n ON n.id = i.node_id WHERE i.id = $1 AND n.plan_id = $2",
      [input.indicatorId, planId],
    );
    if (rows.length === 0) throw new ValidationError("指標を選び直してください。", { indicatorId: "指標を選び直してください。" });
  }
  if (input.organisationId) {
    const { rows } = await tx.query("SELECT 1 FROM organisations WHERE id = $1", [input.organisationId]);
    if (rows.length === 0)
      throw new ValidationError("実施した組織を選び直してください。", { organisationId: "組織を選び直してください。" });
  }
}

export async function createEvent(
  db: Db,
  actor: Actor,
  planId: string,
  input: EventInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  return db.transaction(async (tx) => {
    await checkRefs(tx, planId, input);
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO vision_outreach_events (plan_id, kind, title, held_on, fiscal_year, audience, attendance, organisation_id, note,
         indicator_id, is_sample, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [
        planId,
        input.kind,
        input.title,
        input.heldOn,
        fiscalYearOf(input.heldOn),
        input.audience,
        input.attendance,
        input.organisationId,
        input.note,
        input.indicatorId,
        opts.isSample ?? false,
        actor.userId,
      ],
    );
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "vision_outreach_event",
      entityId: rows[0].id,
      summary: `周知・浸透の記録「${input.title}」（${input.kind}）を追加`,
      after: input,
    });
    return rows[0].id;
  });
}

/** Changes an event: the caller must be allowed both the event's organisation and the new one. */
export async function updateEvent(db: Db, actor: Actor, access: EngagementAccess, id: string, input: EventInput): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getEvent(tx, id);
    requireOutreachEditable(access, before);
    requireOutreachRecorder(access, input.organisationId);
    await checkRefs(tx, before.planId, input);
    await tx.query(
      `UPDATE vision_outreach_events SET kind = $2, title = $3, held_on = $4, fiscal_year = $5, audience = $6, attendance = $7,
         organisation_id = $8, note = $9, indicator_id = $10 WHERE id = $1`,
      [
        id,
        input.kind,
        input.title,
        input.heldOn,
        fiscalYearOf(input.heldOn),
        input.audience,
        input.attendance,
        input.organisationId,
        input.note,
        input.indicatorId,
      ],
    );
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "vision_outreach_event",
      entityId: id,
      summary: `周知・浸透の記録「${input.title}」を変更`,
      before,
      after: input,
    });
  });
}

export async function deleteEvent(db: Db, actor: Actor, access: EngagementAccess, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getEvent(tx, id);
    requireOutreachEditable(access, before);
    await tx.query("DELETE FROM vision_outreach_events WHERE id = $1", [id]);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "vision_outreach_event",
      entityId: id,
      summary: `周知・浸透の記録「${before.title}」を削除`,
      before,
    });
  });
}

// ------------------------------------------------------------------ feeding an indicator

export type FeedMeasure = "count" | "attendance";

interface FeedIndicator {
  id: string;
  code: string;
  name: string;
  unit: string;
  rating_mode: "numeric" | "status";
  plan_id: string;
}

/** The value as of the end of the fiscal year, or today while the year is still running. */
export function feedAsOf(fiscalYear: number, today: string): string {
  const { end } = fiscalYearRange(fiscalYear);
  return today < end ? today : end;
}

export async function feedPreview(db: Queryable, planId: string, input: { indicatorId: string; fiscalYear: number; measure: FeedMeasure }) {
  const { rows } = await db.query<FeedIndicator>(
    `SELECT i.id, i.code, i.name, i.unit, i.rating_mode, n.plan_id FROM vision_indicators i JOIN vision_nodes n ON n.id = i.node_id WHERE i.id = $1`,
    [input.indicatorId],
  );
  const indicator = rows[0];
  if (!indicator || indicator.plan_id !== planId) throw new NotFound("指標");
  const totals = await db.query<{ n: number; attendance: number }>(
    `SELECT count(*)::int AS n, coalesce(sum(attendance), 0)::int AS attendance FROM vision_outreach_events
     WHERE plan_id = $1 AND indicator_id = $2 AND fiscal_year = $3`,
    [planId, input.indicatorId, input.fiscalYear],
  );
  const current = await db.query<{ value: number | null }>(
    "SELECT value FROM vision_actuals WHERE indicator_id = $1 AND fiscal_year = $2 ORDER BY as_of DESC, created_at DESC LIMIT 1",
    [input.indicatorId, input.fiscalYear],
  );
  const { n, attendance } = totals.rows[0];
  return {
    indicator,
    fiscalYear: input.fiscalYear,
    measure: input.measure,
    eventCount: n,
    attendance,
    value: input.measure === "count" ? n : attendance,
    currentValue: current.rows[0]?.value ?? null,
    asOf: feedAsOf(input.fiscalYear, todayInJapan()),
  };
}

/**
 * Writes the year's count (or attendance) of the events linked to the indicator as its actual value: a new row in
 * the append-only history, entered by 「周知・浸透の記録から集計」 on behalf of the user; the indicator's task in an
 * open round of that year counts as updated and the round's grade is recomputed (the core's storeActuals).
 */
export async function feedIndicator(
  db: Db,
  actor: Actor,
  planId: string,
  input: { indicatorId: string; fiscalYear: number; measure: FeedMeasure },
): Promise<{ actualId: string; value: number; eventCount: number; asOf: string }> {
  return db.transaction(async (tx) => {
    const preview = await feedPreview(tx, planId, input);
    if (preview.indicator.rating_mode !== "numeric")
      throw new ValidationError("この指標は状況で評価する指標のため、件数を実績値として記録できません。", {
        indicatorId: "数値で評価する指標を選んでください。",
      });
    if (preview.eventCount === 0)
      throw new ValidationError("この年度に、この指標へ紐づく周知・浸透の記録がありません。", {
        fiscalYear: "記録のある年度を選んでください。",
      });
    const measureLabel = input.measure === "count" ? "実施件数" : "参加者数の合計";
    const note = `周知・浸透の記録 ${preview.eventCount}件の${measureLabel}`;
    // Stored through the core's path (open rounds' tasks ticked and regraded), entered by 「周知・浸透の記録から集計」
    // on behalf of the user who fed it.
    const [actualId] = await storeActuals(tx, { ...actor, label: OUTREACH_ACTUAL_LABEL }, [
      { indicatorId: input.indicatorId, fiscalYear: input.fiscalYear, asOf: preview.asOf, value: preview.value, statusRating: null, note },
    ]);
    await recordAudit(tx, actor, {
      action: "feed_actual",
      entityType: "vision_indicator",
      entityId: input.indicatorId,
      summary: `指標「${preview.indicator.name}」の${formatFiscalYear(input.fiscalYear)}の実績を周知・浸透の記録から集計（${measureLabel} ${preview.value}）`,
      before: { value: preview.currentValue },
      after: { actualId, value: preview.value, asOf: preview.asOf, measure: input.measure, eventCount: preview.eventCount },
    });
    return { actualId, value: preview.value, eventCount: preview.eventCount, asOf: preview.asOf };
  });
}
