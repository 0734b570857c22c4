// 周知・浸透の記録: staff training, 出前講演, workshops, PR videos … with date, audience and attendance. Counts per
// fiscal year and kind are the outreach report; an event may count towards an indicator (e.g. 出前講演の実施回数), and
// "feed indicators" writes that year's count (or total attendance) as the indicator's actual value. Each organisation's
// editors record their own events; the vision bureau's managers record any and feed indicators. Each write is one
// transaction: the caller's access, the change, its audit row and the event the page shows next.

import { OUTREACH_ACTUAL_LABEL, type OutreachEvent, type OutreachKind } from "../../../common/api/vision-engagement";
import { fiscalYearOf, fiscalYearRange, formatFiscalYear, todayInJapan } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { organisationKindOf } from "../../platform/admin/organisations";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound, ValidationError } from "../../platform/errors";
import { findIndicatorLabels, findLatestActualValue, storeActuals } from "./core";
import {
  type EngagementAccess,
  engagementAccessOf,
  mayRecordOutreach,
  outreachOrganisations,
  requireOutreachEditable,
  requireOutreachRecorder,
  requireVisionManager,
  resolvePlan,
  staffAccessOf,
} from "./engagement-access";
import * as repo from "./outreach-repository";

/** An event with the name of the indicator it counts towards (an indicator of the core, read through its public face, core.ts). */
type EventRow = repo.EventRow & { indicator_name: string | null };

async function withIndicators(db: Queryable, rows: repo.EventRow[]): Promise<EventRow[]> {
  const ids = rows.flatMap((row) => (row.indicator_id ? [row.indicator_id] : []));
  const names = new Map((await findIndicatorLabels(db, { ids })).map((i) => [i.id, i.name]));
  return rows.map((row) => ({ ...row, indicator_name: row.indicator_id ? (names.get(row.indicator_id) ?? null) : null }));
}

/** An event as stored; whether the caller may change it (canEdit) is added for each caller. */
type StoredEvent = Omit<OutreachEvent, "canEdit">;

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

function withCanEdit<T extends StoredEvent>(access: EngagementAccess, event: T): T & { canEdit: boolean } {
  return { ...event, canEdit: mayRecordOutreach(access, event.organisationId) };
}

async function getEvent(db: Queryable, id: string): Promise<StoredEvent & { planId: string }> {
  const row = await repo.findEvent(db, id);
  if (!row) throw new NotFound("周知・浸透の記録");
  const [event] = await withIndicators(db, [row]);
  return { ...toEvent(event), planId: event.plan_id };
}

async function listEvents(db: Queryable, planId: string, filter: { fiscalYear?: number; kind?: OutreachKind }) {
  return (await withIndicators(db, await repo.findEvents(db, planId, filter))).map(toEvent);
}

/** 年度 × 種別: number of events and total attendance (events without a count add nothing). */
async function yearlySummary(db: Queryable, planId: string) {
  const rows = await repo.eventYearlyTotals(db, planId);
  return rows.map((row) => ({ fiscalYear: row.fiscal_year, kind: row.kind, count: row.count, attendance: row.attendance }));
}

/** Indicators of the plan with a numeric rating: what an event may count towards. */
async function planIndicators(db: Queryable, planId: string) {
  const indicators = await findIndicatorLabels(db, { planId });
  return indicators.filter((i) => i.rating_mode === "numeric").map((i) => ({ id: i.id, code: i.code, name: i.name, unit: i.unit }));
}

/** The staff's page: the plan's events (filtered), the yearly summary, and what the caller may record. */
export async function outreachOverview(
  db: Queryable,
  user: Principal | null,
  query: { planId?: string; fiscalYear?: number; kind?: OutreachKind },
) {
  const access = await staffAccessOf(db, user);
  const plan = await resolvePlan(db, query.planId);
  const [items, summary, indicators] = await Promise.all([
    listEvents(db, plan.id, query),
    yearlySummary(db, plan.id),
    planIndicators(db, plan.id),
  ]);
  const own = outreachOrganisations(access);
  return {
    planId: plan.id,
    canManage: access.manager,
    canRecord: access.manager || own.length > 0,
    recordOrganisationIds: access.manager ? null : own,
    items: items.map((e) => withCanEdit(access, e)),
    summary,
    indicators,
  };
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
    const [indicator] = await findIndicatorLabels(tx, { ids: [input.indicatorId] });
    if (indicator?.plan_id !== planId)
      throw new ValidationError("指標を選び直してください。", { indicatorId: "指標を選び直してください。" });
  }
  if (input.organisationId && (await organisationKindOf(tx, input.organisationId)) === null) {
    throw new ValidationError("実施した組織を選び直してください。", { organisationId: "組織を選び直してください。" });
  }
}

/** Records an event of the caller's organisation (the bureau: any) for the plan named (or in force); returns it. */
export async function createEvent(db: Db, user: Principal | null, actor: Actor, planId: string | undefined, input: EventInput) {
  return db.transaction(async (tx) => {
    const access = await engagementAccessOf(tx, user);
    requireOutreachRecorder(access, input.organisationId);
    const plan = await resolvePlan(tx, planId);
    return withCanEdit(access, await getEvent(tx, await createEventIn(tx, actor, plan.id, input)));
  });
}

export async function createEventIn(
  tx: Queryable,
  actor: Actor,
  planId: string,
  input: EventInput,
  opts: { isSample?: boolean } = {},
): Promise<string> {
  await checkRefs(tx, planId, input);
  const id = await repo.insertEvent(
    tx,
    planId,
    { ...input, fiscalYear: fiscalYearOf(input.heldOn) },
    { isSample: opts.isSample ?? false, createdBy: actor.userId },
  );
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "vision_outreach_event",
    entityId: id,
    summary: `周知・浸透の記録「${input.title}」（${input.kind}）を追加`,
    after: input,
  });
  return id;
}

/** Changes an event: the caller must be allowed both the event's organisation and the new one. Returns the event. */
export async function updateEvent(db: Db, user: Principal | null, actor: Actor, id: string, input: EventInput) {
  return db.transaction(async (tx) => {
    const access = await staffAccessOf(tx, user);
    const before = await getEvent(tx, id);
    requireOutreachEditable(access, before);
    requireOutreachRecorder(access, input.organisationId);
    await checkRefs(tx, before.planId, input);
    await repo.updateEvent(tx, id, { ...input, fiscalYear: fiscalYearOf(input.heldOn) });
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "vision_outreach_event",
      entityId: id,
      summary: `周知・浸透の記録「${input.title}」を変更`,
      before,
      after: input,
    });
    return withCanEdit(access, await getEvent(tx, id));
  });
}

export async function deleteEvent(db: Db, user: Principal | null, actor: Actor, id: string): Promise<{ ok: true }> {
  return db.transaction(async (tx) => {
    const access = await staffAccessOf(tx, user);
    const before = await getEvent(tx, id);
    requireOutreachEditable(access, before);
    await repo.deleteEvent(tx, id);
    await recordAudit(tx, actor, {
      action: "delete",
      entityType: "vision_outreach_event",
      entityId: id,
      summary: `周知・浸透の記録「${before.title}」を削除`,
      before,
    });
    return { ok: true as const };
  });
}

// ------------------------------------------------------------------ feeding an indicator

export type FeedMeasure = "count" | "attendance";

/** The value as of the end of the fiscal year, or today while the year is still running. */
export function feedAsOf(fiscalYear: number, today: string): string {
  const { end } = fiscalYearRange(fiscalYear);
  return today < end ? today : end;
}

type FeedInput = { indicatorId: string; fiscalYear: number; measure: FeedMeasure };

/** What feeding would write: the events' count (or attendance) of the year beside the indicator's current value. */
async function feedPreview(db: Queryable, input: FeedInput) {
  const [indicator] = await findIndicatorLabels(db, { ids: [input.indicatorId] });
  if (!indicator) throw new NotFound("指標");
  const planId = indicator.plan_id;
  const { n, attendance } = await repo.eventTotalsOfIndicator(db, planId, input.indicatorId, input.fiscalYear);
  const currentValue = await findLatestActualValue(db, input.indicatorId, input.fiscalYear);
  return {
    indicator,
    fiscalYear: input.fiscalYear,
    measure: input.measure,
    eventCount: n,
    attendance,
    value: input.measure === "count" ? n : attendance,
    currentValue,
    asOf: feedAsOf(input.fiscalYear, todayInJapan()),
  };
}

/** The managers' preview of feeding an indicator (the events of its own plan). */
export async function previewFeed(db: Queryable, user: Principal | null, input: FeedInput) {
  requireVisionManager(await engagementAccessOf(db, user));
  const { indicator, ...rest } = await feedPreview(db, input);
  return { ...rest, indicator: { id: indicator.id, code: indicator.code, name: indicator.name, unit: indicator.unit } };
}

/**
 * Writes the year's count (or attendance) of the events linked to the indicator as its actual value: a new row in
 * the append-only history, entered by 「周知・浸透の記録から集計」 on behalf of the user; the indicator's task in an
 * open round of that year counts as updated and the round's grade is recomputed (the core's storeActuals).
 */
export async function feedIndicator(
  db: Db,
  user: Principal | null,
  actor: Actor,
  input: FeedInput,
): Promise<{ actualId: string; value: number; eventCount: number; asOf: string }> {
  return db.transaction(async (tx) => {
    requireVisionManager(await engagementAccessOf(tx, user));
    const preview = await feedPreview(tx, input);
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
