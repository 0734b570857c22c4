// 経費台帳 (cost ledger) of a fiscal year: the SQL that gathers the figures and the manual entries' writes. The
// arithmetic (categories, 5割, forecast) is pure, in src/common/furusato/cost-ledger.ts.
//   調達・送付: the catalog's dated costs (furusato_gift_costs effective on the donation date) × quantity × deliveries,
//              over paid (入金済) donations of non-residents (a resident gets no gift).
//   事務:       includes ポータル手数料 = each portal's fee_ratio × its paid donations.
//   all six:    plus the staff's own entries (furusato_cost_entries).
import type { CostEntry, CostLedgerResponse } from "../../../../common/api/furusato-money";
import { fiscalYearRange, formatFiscalYear } from "../../../../common/dates";
import {
  buildCostLedger,
  type CategoryAmounts,
  type ComputedCosts,
  forecastYear,
  sameDayLastYear,
  zeroAmounts,
} from "../../../../common/furusato/cost-ledger";
import { COST_CATEGORIES, type CostCategory } from "../../../../common/furusato/donation";
import type { Db, Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import { NotFound, ValidationError } from "../../../platform/errors";
import { writeCsv } from "../../../platform/tabular/csv-write";

// ------------------------------------------------------------------ figures

/** 受入額・受入件数: paid donations of the year, up to `through` (inclusive) when given. */
export async function paidTotals(db: Queryable, fiscalYear: number, through?: string): Promise<{ amount: number; count: number }> {
  const { rows } = await db.query<{ amount: number; count: number }>(
    `SELECT coalesce(sum(amount), 0)::bigint AS amount, count(*)::int AS count
       FROM furusato_donations
      WHERE fiscal_year = $1 AND status = '入金済' AND ($2::date IS NULL OR donated_on <= $2::date)`,
    [fiscalYear, through ?? null],
  );
  return rows[0];
}

/** 調達・送付 from the catalog; items whose gift is unknown or had no cost on the donation date are counted apart. */
export async function catalogCosts(
  db: Queryable,
  fiscalYear: number,
): Promise<Omit<ComputedCosts, "portalFees"> & { uncostedItems: number }> {
  const { rows } = await db.query<{ procurement: number; shipping: number; uncosted_items: number }>(
    `SELECT coalesce(sum(c.procurement_cost::bigint * i.quantity * g.deliveries), 0)::bigint AS procurement,
            coalesce(sum(c.shipping_cost::bigint * i.quantity * g.deliveries), 0)::bigint AS shipping,
            count(*) FILTER (WHERE c.procurement_cost IS NULL)::int AS uncosted_items
       FROM furusato_donations d
       JOIN furusato_donation_items i ON i.donation_id = d.id
       LEFT JOIN furusato_gifts g ON g.id = i.gift_id
       LEFT JOIN LATERAL (
             SELECT gc.procurement_cost, gc.shipping_cost
               FROM furusato_gift_costs gc
              WHERE gc.gift_id = i.gift_id AND gc.effective_from <= d.donated_on
              ORDER BY gc.effective_from DESC, gc.created_at DESC
              LIMIT 1) c ON true
      WHERE d.fiscal_year = $1 AND d.status = '入金済' AND NOT d.is_resident`,
    [fiscalYear],
  );
  const row = rows[0];
  return { procurement: row.procurement, shipping: row.shipping, uncostedItems: row.uncosted_items };
}

export interface PortalFeeRow {
  portalCode: string;
  portalName: string;
  feeRatio: number;
  /** paid donations through this portal */
  amount: number;
  /** ポータル手数料 = amount × fee_ratio, rounded to the yen per portal */
  fee: number;
}

/** ポータル手数料 per portal (every portal, in the portals' order, also those without donations). */
export async function portalFees(db: Queryable, fiscalYear: number): Promise<PortalFeeRow[]> {
  const { rows } = await db.query<{ code: string; name: string; fee_ratio: number; amount: number; fee: number }>(
    `SELECT p.code, p.name, p.fee_ratio, coalesce(t.amount, 0)::bigint AS amount,
            round(coalesce(t.amount, 0) * p.fee_ratio)::bigint AS fee
       FROM furusato_portals p
       LEFT JOIN (SELECT portal_code, sum(amount) AS amount FROM furusato_donations
                   WHERE fiscal_year = $1 AND status = '入金済' GROUP BY portal_code) t ON t.portal_code = p.code
      ORDER BY p.sort_order, p.code`,
    [fiscalYear],
  );
  return rows.map((r) => ({ portalCode: r.code, portalName: r.name, feeRatio: Number(r.fee_ratio), amount: r.amount, fee: r.fee }));
}

export async function manualTotals(db: Queryable, fiscalYear: number): Promise<CategoryAmounts> {
  const { rows } = await db.query<{ category: CostCategory; amount: number }>(
    "SELECT category, sum(amount)::bigint AS amount FROM furusato_cost_entries WHERE fiscal_year = $1 GROUP BY category",
    [fiscalYear],
  );
  const totals = zeroAmounts();
  for (const row of rows) totals[row.category] = row.amount;
  return totals;
}

/** The ledger of a fiscal year as of `today` (the forecast needs the day; a finished year shows its actual figures). */
export async function costLedger(db: Queryable, fiscalYear: number, today: string): Promise<CostLedgerResponse> {
  const { end } = fiscalYearRange(fiscalYear);
  const lastYearEnd = fiscalYearRange(fiscalYear - 1).end;
  const lastYearThrough = today > end ? lastYearEnd : sameDayLastYear(today);
  const [paid, catalog, fees, manual, lastYearTotal, lastYearSamePeriod] = await Promise.all([
    paidTotals(db, fiscalYear),
    catalogCosts(db, fiscalYear),
    portalFees(db, fiscalYear),
    manualTotals(db, fiscalYear),
    paidTotals(db, fiscalYear - 1),
    paidTotals(db, fiscalYear - 1, lastYearThrough),
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
    uncostedItems: catalog.uncostedItems,
    portalFees: fees,
    forecast,
    lastYear: { samePeriodAmount: lastYearSamePeriod.amount, totalAmount: lastYearTotal.amount },
  };
}

// ------------------------------------------------------------------ manual entries (手入力分)

interface CostEntryRow {
  id: string;
  fiscal_year: number;
  category: CostCategory;
  amount: number;
  incurred_on: string;
  description: string;
  is_sample: boolean;
  created_by_label: string | null;
  created_at: Date;
}

const ENTRY_COLUMNS = `e.id, e.fiscal_year, e.category, e.amount, e.incurred_on::text AS incurred_on, e.description, e.is_sample,
  u.display_name AS created_by_label, e.created_at`;

function toEntry(row: CostEntryRow): CostEntry {
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
  const { rows } = await db.query<CostEntryRow>(
    `SELECT ${ENTRY_COLUMNS} FROM furusato_cost_entries e LEFT JOIN users u ON u.id = e.created_by
      WHERE e.fiscal_year = $1 ORDER BY e.incurred_on, e.created_at`,
    [fiscalYear],
  );
  return rows.map(toEntry);
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

export async function createCostEntry(
  db: Db,
  actor: Actor,
  input: { fiscalYear: number; category: CostCategory; amount: number; incurredOn: string; description: string },
): Promise<CostEntry> {
  const problem = incurredOnProblem(input.fiscalYear, input.incurredOn);
  if (problem) throw new ValidationError(problem, { incurredOn: problem });
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string }>(
      `INSERT INTO furusato_cost_entries (fiscal_year, category, amount, incurred_on, description, created_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [input.fiscalYear, input.category, input.amount, input.incurredOn, input.description, actor.userId],
    );
    const id = rows[0].id;
    await recordAudit(tx, actor, {
      action: "create",
      entityType: "furusato_cost_entry",
      entityId: id,
      summary: `経費（${formatFiscalYear(input.fiscalYear)}・${input.category}）「${input.description}」${input.amount.toLocaleString("ja-JP")}円を登録`,
      after: input,
    });
    const created = await tx.query<CostEntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM furusato_cost_entries e LEFT JOIN users u ON u.id = e.created_by WHERE e.id = $1`,
      [id],
    );
    return toEntry(created.rows[0]);
  });
}

export async function deleteCostEntry(db: Db, actor: Actor, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const { rows } = await tx.query<CostEntryRow>(
      `DELETE FROM furusato_cost_entries WHERE id = $1
       RETURNING id, fiscal_year, category, amount, incurred_on::text AS incurred_on, description, is_sample,
                 NULL::text AS created_by_label, created_at`,
      [id],
    );
    const row = rows[0];
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
