// 経費台帳 (cost ledger) of a fiscal year: the figures and the manual entries (their SQL: costs-repository.ts). The
// arithmetic (categories, 5割, forecast) is pure, in src/common/furusato/cost-ledger.ts.
//   調達・送付: the catalog's dated costs (furusato_gift_costs effective on the donation date) × quantity × deliveries,
//              over paid (入金済) donations of non-residents (a resident gets no gift).
//   事務:       includes ポータル手数料 = each portal's fee_ratio × its paid donations.
//   all six:    plus the staff's own entries (furusato_cost_entries).
import type { CostEntry, CostLedgerResponse } from "../../../../common/api/furusato-money";
import { fiscalYearRange, formatFiscalYear } from "../../../../common/dates";
import { buildCostLedger, type CategoryAmounts, forecastYear, sameDayLastYear, zeroAmounts } from "../../../../common/furusato/cost-ledger";
import { COST_CATEGORIES, type CostCategory } from "../../../../common/furusato/donation";
import type { Db, Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import { NotFound, ValidationError } from "../../../platform/errors";
import { writeCsv } from "../../../platform/tabular/csv-write";
import * as repo from "./costs-repository";

// ------------------------------------------------------------------ figures

export interface PortalFeeRow {
  portalCode: string;
  portalName: string;
  feeRatio: number;
  /** paid donations through this portal */
  amount: number;
  /** ポータル手数料 = amount × fee_ratio, rounded to the yen per portal */
  fee: number;
}

async function portalFees(db: Queryable, fiscalYear: number): Promise<PortalFeeRow[]> {
  const rows = await repo.portalFees(db, fiscalYear);
  return rows.map((r) => ({ portalCode: r.code, portalName: r.name, feeRatio: Number(r.fee_ratio), amount: r.amount, fee: r.fee }));
}

async function manualTotals(db: Queryable, fiscalYear: number): Promise<CategoryAmounts> {
  const totals = zeroAmounts();
  for (const row of await repo.manualTotals(db, fiscalYear)) totals[row.category] = row.amount;
  return totals;
}

/** The ledger of a fiscal year as of `today` (the forecast needs the day; a finished year shows its actual figures). */
export async function costLedger(db: Queryable, fiscalYear: number, today: string): Promise<CostLedgerResponse> {
  const { end } = fiscalYearRange(fiscalYear);
  const lastYearEnd = fiscalYearRange(fiscalYear - 1).end;
  const lastYearThrough = today > end ? lastYearEnd : sameDayLastYear(today);
  const [paid, catalog, fees, manual, lastYearTotal, lastYearSamePeriod] = await Promise.all([
    repo.paidTotals(db, fiscalYear),
    repo.catalogCosts(db, fiscalYear),
    portalFees(db, fiscalYear),
    manualTotals(db, fiscalYear),
    repo.paidTotals(db, fiscalYear - 1),
    repo.paidTotals(db, fiscalYear - 1, lastYearThrough),
  ]);
  const feeTotal = fees.reduce((sum, f) => sum + f.fee, 0);
  const ledger = buildCostLedger({
    donationAmount: paid.amount,
    computed: { procurement: catalog.procurement, shipping: catalog.shipping, portalFees: feeTotal },
    manual,
  });
  const forecast = forecastYear({
    fiscalYear,
    today,
    donationsSoFar: paid.amount,
    costsSoFar: ledger.totalCosts,
    lastYearSamePeriod: lastYearSamePeriod.amount,
    lastYearTotal: lastYearTotal.amount,
  });
  return {
    fiscalYear,
    asOf: today,
    donationCount: paid.count,
    ...ledger,
    uncostedItems: catalog.uncosted_items,
    portalFees: fees,
    forecast,
    lastYear: { samePeriodAmount: lastYearSamePeriod.amount, totalAmount: lastYearTotal.amount },
  };
}

// ------------------------------------------------------------------ manual entries (手入力分)

function toEntry(row: repo.CostEntryRow): CostEntry {
  return {
    id: row.id,
    fiscalYear: row.fiscal_year,
    category: row.category,
    amount: row.amount,
    incurredOn: row.incurred_on,
    description: row.description,
    isSample: row.is_sample,
    createdBy: row.created_by_label ?? "",
    createdAt: row.created_at.toISOString(),
  };
}

export async function listCostEntries(db: Queryable, fiscalYear: number): Promise<CostEntry[]> {
  return (await repo.findCostEntries(db, fiscalYear)).map(toEntry);
}

/**
 * The day a cost was incurred must fall in its fiscal year or the 出納整理期間 after it (to 31 May), when the
 * year's last bills are still paid.
 */
export function incurredOnProblem(fiscalYear: number, incurredOn: string): string | null {
  const { start } = fiscalYearRange(fiscalYear);
  const closing = `${fiscalYear + 1}-05-31`;
  if (incurredOn < start || incurredOn > closing)
    return `${formatFiscalYear(fiscalYear)}の経費の日付は${start}から${closing}（出納整理期間の終わり）までです。`;
  return null;
}

export type NewCostEntry = { fiscalYear: number; category: CostCategory; amount: number; incurredOn: string; description: string };

/** A manual entry and its audit row, inside the caller's transaction (money-service.ts checks the caller in it). */
export async function addCostEntry(tx: Queryable, actor: Actor, input: NewCostEntry): Promise<CostEntry> {
  const problem = incurredOnProblem(input.fiscalYear, input.incurredOn);
  if (problem) throw new ValidationError(problem, { incurredOn: problem });
  const id = await repo.insertCostEntry(tx, input, actor.userId);
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "furusato_cost_entry",
    entityId: id,
    summary: `経費（${formatFiscalYear(input.fiscalYear)}・${input.category}）「${input.description}」${input.amount.toLocaleString("ja-JP")}円を登録`,
    after: input,
  });
  // inserted above, in this transaction: it is there
  return toEntry((await repo.findCostEntry(tx, id))!);
}

/** A manual entry in its own transaction, for callers that have already decided it may be made (seed data, tests). */
export async function createCostEntry(db: Db, actor: Actor, input: NewCostEntry): Promise<CostEntry> {
  return db.transaction((tx) => addCostEntry(tx, actor, input));
}

/** Deletes a manual entry with its audit row, inside the caller's transaction. */
export async function deleteCostEntry(tx: Queryable, actor: Actor, id: string): Promise<void> {
  const row = await repo.deleteCostEntryRow(tx, id);
  if (!row) throw new NotFound("経費");
  await recordAudit(tx, actor, {
    action: "delete",
    entityType: "furusato_cost_entry",
    entityId: id,
    summary: `経費（${formatFiscalYear(row.fiscal_year)}・${row.category}）「${row.description}」を削除`,
    before: {
      fiscalYear: row.fiscal_year,
      category: row.category,
      amount: row.amount,
      incurredOn: row.incurred_on,
      description: row.description,
    },
  });
}

// ------------------------------------------------------------------ CSV

const pct = (ratio: number | null) => (ratio === null ? "" : (Math.round(ratio * 10000) / 100).toFixed(2));

/** The ledger as CSV (UTF-8 with BOM for Excel): the six categories, then every manual entry. */
export async function costLedgerCsv(db: Queryable, fiscalYear: number, today: string): Promise<{ name: string; bytes: Uint8Array }> {
  const [ledger, entries] = await Promise.all([costLedger(db, fiscalYear, today), listCostEntries(db, fiscalYear)]);
  const header = ["種別", "区分", "日付", "内容", "計算分（円）", "手入力分（円）", "合計（円）", "受入額に対する割合（%）"];
  const rows: unknown[][] = [];
  for (const line of ledger.lines) {
    rows.push(["区分計", line.category, "", "", line.computed, line.manual, line.total, pct(line.shareOfDonations)]);
    if (line.portalFees > 0 || line.category === "事務")
      rows.push([
        "内訳",
        line.category,
        "",
        "ポータル手数料",
        line.portalFees,
        "",
        line.portalFees,
        pct(ledger.donationAmount > 0 ? line.portalFees / ledger.donationAmount : null),
      ]);
  }
  rows.push(["合計", "", "", "", ledger.computedTotal, ledger.manualTotal, ledger.totalCosts, pct(ledger.costRatio)]);
  rows.push(["受入額", "", "", "入金済の寄附", "", "", ledger.donationAmount, ""]);
  for (const category of COST_CATEGORIES)
    for (const entry of entries.filter((e) => e.category === category))
      rows.push(["手入力", entry.category, entry.incurredOn, entry.description, "", entry.amount, entry.amount, ""]);
  const { bytes } = writeCsv(header, rows, { encoding: "utf-8-bom" });
  return { name: `経費台帳_${formatFiscalYear(fiscalYear)}.csv`, bytes };
}
