// 実績値: values per fiscal year (or as of a date within it), append-only — a correction is a new row and the
// newest row of a fiscal year is its current value. Entering a value ticks off the owner's task in the open round
// of that year and regrades the indicator there at once, so the roll-up moves while the owner watches.
import type { ActualEntry, IndicatorDetail } from "../../../common/api/vision";
import { fiscalYearRange, formatFiscalYear } from "../../../common/dates";
import type { StatusRating } from "../../../common/vision/grading";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { NotFound, ValidationError } from "../../platform/errors";
import { accessOf, requireUpdate } from "./access";
import { regradeIndicatorsInOpenRounds } from "./grades";
import * as indicatorRepo from "./indicator-repository";
import { indicatorDetail, toActualEntries } from "./indicators";
import * as roundRepo from "./round-repository";

export interface ActualValueInput {
  fiscalYear: number;
  asOf: string | null;
  value: number | null;
  statusRating: StatusRating | null;
  note: string;
}

/**
 * Checks one value against its indicator: the as-of date lies in the fiscal year, and a numeric indicator gets a
 * number while a status-rated one gets a 状況. Returns the message for the user, or the row to store.
 */
export function checkActual(
  indicator: Pick<indicatorRepo.IndicatorRow, "id" | "rating_mode">,
  input: ActualValueInput,
): { ok: true; row: indicatorRepo.ActualInput } | { ok: false; column: "時点" | "実績値" | "状況"; message: string } {
  const range = fiscalYearRange(input.fiscalYear);
  const asOf = input.asOf ?? range.end;
  if (asOf < range.start || asOf > range.end)
    return {
      ok: false,
      column: "時点",
      message: `時点は${formatFiscalYear(input.fiscalYear)}の中の日付にしてください（${range.start}〜${range.end}）`,
    };
  if (indicator.rating_mode === "numeric" && input.value === null)
    return { ok: false, column: "実績値", message: "数値で評価する指標です。実績値を入力してください" };
  if (indicator.rating_mode === "status") {
    if (input.value !== null)
      return { ok: false, column: "実績値", message: "状況で評価する指標です。実績値ではなく状況を入力してください" };
    if (input.statusRating === null) return { ok: false, column: "状況", message: "状況で評価する指標です。状況を入力してください" };
  }
  return {
    ok: true,
    row: {
      indicatorId: indicator.id,
      fiscalYear: input.fiscalYear,
      asOf,
      value: input.value,
      statusRating: input.statusRating,
      note: input.note,
    },
  };
}

/** Stores checked values inside the caller's transaction: tasks ticked, open rounds regraded. */
export async function storeActuals(tx: Queryable, actor: Actor, rows: indicatorRepo.ActualInput[]): Promise<string[]> {
  const ids = await indicatorRepo.insertActuals(tx, rows, { userId: actor.userId, label: actor.label });
  await roundRepo.markTasksUpdated(tx, rows);
  await regradeIndicatorsInOpenRounds(tx, [...new Set(rows.map((r) => r.indicatorId))]);
  return ids;
}

/** 実績値の入力 by the indicator's owner (or an administrator); returns the indicator's detail after it. */
export async function addActual(
  db: Db,
  user: Principal | null,
  actor: Actor,
  indicatorId: string,
  input: ActualValueInput,
): Promise<IndicatorDetail> {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const indicator = await indicatorRepo.findIndicator(tx, indicatorId);
    if (!indicator) throw new NotFound("指標");
    requireUpdate(access.user, indicator);
    const checked = checkActual(indicator, input);
    if (!checked.ok) {
      const field = checked.column === "時点" ? "asOf" : checked.column === "実績値" ? "value" : "statusRating";
      throw new ValidationError(checked.message, { [field]: checked.message });
    }
    const [id] = await storeActuals(tx, actor, [checked.row]);
    const shown = checked.row.value !== null ? `${checked.row.value}${indicator.unit}` : (checked.row.statusRating ?? "");
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "vision_actual",
      entityId: id,
      summary: `指標「${indicator.name}」（${indicator.code}）の${formatFiscalYear(input.fiscalYear)}実績を入力: ${shown}`,
      after: checked.row,
    });
    return indicatorDetail(tx, access, indicatorId);
  });
}

export async function listActuals(db: Queryable, user: Principal | null, indicatorId: string): Promise<{ items: ActualEntry[] }> {
  await accessOf(db, user);
  if (!(await indicatorRepo.findIndicator(db, indicatorId))) throw new NotFound("指標");
  return { items: toActualEntries(await indicatorRepo.findActuals(db, [indicatorId])) };
}
