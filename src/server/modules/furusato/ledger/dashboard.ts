// ふるさと納税ダッシュボード of a fiscal year: donations per portal per month (April → March) against last year,
// the most chosen gifts, portal fees, and the work still open (ワンストップ特例, 出荷). Aggregates only: nothing here
// reads a donor's name, address or contact.
import type { DashboardResponse } from "../../../../common/api/furusato-money";
import { formatFiscalYear, formatWareki } from "../../../../common/dates";
import {
  buildMonthTable,
  compareWithLastYear,
  daysUntil,
  monthsBegun,
  type PortalMonthTotal,
} from "../../../../common/furusato/dashboard-figures";
import { ONE_STOP_STATUSES, type OneStopStatus, oneStopDeadline } from "../../../../common/furusato/donation";
import type { Queryable } from "../../../db/database";
import { writeXlsx, type XlsxSheet } from "../../../platform/tabular/xlsx-write";
import { costLedger } from "./costs";
import * as repo from "./dashboard-repository";

/** 寄附 per portal and month of a fiscal year, キャンセル excluded (the month as YYYY-MM-01). */
export async function portalMonthTotals(db: Queryable, fiscalYear: number): Promise<PortalMonthTotal[]> {
  const rows = await repo.portalMonthRows(db, fiscalYear);
  return rows.map((r) => ({ portalCode: r.portal_code, month: String(r.month).slice(0, 10), count: r.count, amount: r.amount }));
}

/** 人気の返礼品, the amounts shared among a donation's gifts (按分). */
async function topGifts(db: Queryable, fiscalYear: number, limit = 10): Promise<DashboardResponse["topGifts"]> {
  const rows = await repo.topGiftRows(db, fiscalYear, limit);
  return rows.map((r) => ({
    giftId: r.gift_id,
    giftCode: r.gift_code,
    title: r.title,
    count: r.count,
    quantity: r.quantity,
    amount: r.amount,
  }));
}

/** ワンストップ特例 of the year's donations by status, grouped by their deadline (1月10日 of the following year). */
async function oneStopBacklog(db: Queryable, fiscalYear: number, today: string): Promise<DashboardResponse["oneStop"]> {
  const byDeadline = new Map<string, Record<OneStopStatus, number>>();
  for (const row of await repo.oneStopCounts(db, fiscalYear)) {
    const deadline = oneStopDeadline(`${row.year}-12-31`);
    const counts = byDeadline.get(deadline) ?? (Object.fromEntries(ONE_STOP_STATUSES.map((s) => [s, 0])) as Record<OneStopStatus, number>);
    counts[row.status] += row.count;
    byDeadline.set(deadline, counts);
  }
  return [...byDeadline.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([deadline, counts]) => ({ deadline, daysLeft: daysUntil(today, deadline), counts }));
}

/** 出荷 still to do, per supplier, whatever the year: 未依頼, 依頼済 (not yet sent), and overdue (期限切れ). */
async function shipmentBacklog(db: Queryable, today: string): Promise<DashboardResponse["shipments"]> {
  const rows = await repo.openShipmentsBySupplier(db, today);
  return rows.map((r) => ({
    supplierId: r.id,
    supplierCode: r.code,
    supplierName: r.name,
    unrequested: r.unrequested,
    requested: r.requested,
    overdue: r.overdue,
  }));
}

export async function dashboard(db: Queryable, fiscalYear: number, today: string): Promise<DashboardResponse> {
  const [current, previous, portals, gifts, ledger, oneStop, shipments] = await Promise.all([
    portalMonthTotals(db, fiscalYear),
    portalMonthTotals(db, fiscalYear - 1),
    repo.portalNames(db),
    topGifts(db, fiscalYear),
    costLedger(db, fiscalYear, today),
    oneStopBacklog(db, fiscalYear, today),
    shipmentBacklog(db, today),
  ]);
  const order = portals.map((p) => p.code);
  const nameOf = new Map(portals.map((p) => [p.code, p.name]));
  const table = buildMonthTable(fiscalYear, current, order);
  const last = buildMonthTable(fiscalYear - 1, previous, order);
  return {
    fiscalYear,
    asOf: today,
    months: table.months,
    portals: table.portals.map((p) => ({ ...p, portalName: nameOf.get(p.portalCode) ?? p.portalCode })),
    monthAmounts: table.monthAmounts,
    monthCounts: table.monthCounts,
    previousMonthAmounts: last.monthAmounts,
    previousMonthCounts: last.monthCounts,
    amount: table.amount,
    count: table.count,
    comparison: compareWithLastYear(table, last, monthsBegun(fiscalYear, today)),
    cost: {
      donationAmount: ledger.donationAmount,
      totalCosts: ledger.totalCosts,
      costRatio: ledger.costRatio,
      light: ledger.light,
      forecastCostRatio: ledger.forecast.costRatio,
      forecastLight: ledger.forecast.light,
    },
    topGifts: gifts,
    portalFees: ledger.portalFees,
    oneStop,
    shipments,
  };
}

// ------------------------------------------------------------------ Excel

const percentText = (ratio: number | null) => (ratio === null ? "" : `${(Math.round(ratio * 1000) / 10).toFixed(1)}%`);
// a report, not a data export: months in 和暦 as on the screen (令和8年4月)
const monthLabel = (month: string) => formatWareki(`${month.slice(0, 7)}-01`, { precision: "month" });

/** The dashboard as an .xlsx workbook, one sheet per table. */
export function dashboardSheets(d: DashboardResponse): XlsxSheet[] {
  const monthHeader = d.months.map(monthLabel);
  const perPortal = (pick: (p: DashboardResponse["portals"][number]) => number[], totals: number[], previous: number[]) => [
    ...d.portals.map((p) => [p.portalName, ...pick(p), pick(p).reduce((a, b) => a + b, 0)]),
    ["合計", ...totals, totals.reduce((a, b) => a + b, 0)],
    ["前年度", ...previous, previous.reduce((a, b) => a + b, 0)],
  ];
  return [
    {
      name: "概要",
      header: ["項目", "値"],
      rows: [
        ["年度", `${formatFiscalYear(d.fiscalYear)}（${d.fiscalYear}年度）`],
        ["集計日", d.asOf],
        ["寄附額（キャンセルを除く、円）", d.amount],
        ["寄附件数（キャンセルを除く）", d.count],
        [`前年同期比較の月数（4月から）`, d.comparison.months],
        ["寄附額（比較月まで、円）", d.comparison.amount],
        ["前年度同期の寄附額（円）", d.comparison.previousAmount],
        ["寄附額の前年比", percentText(d.comparison.amountGrowth === null ? null : d.comparison.amountGrowth + 1)],
        ["寄附件数の前年比", percentText(d.comparison.countGrowth === null ? null : d.comparison.countGrowth + 1)],
        ["受入額（入金済、円）", d.cost.donationAmount],
        ["経費の合計（円）", d.cost.totalCosts],
        ["経費率（受入額に対する割合）", percentText(d.cost.costRatio)],
        ["年度末の経費率（見込み）", percentText(d.cost.forecastCostRatio)],
      ],
    },
    {
      name: "サイト別月別（寄附額）",
      header: ["寄附受付サイト", ...monthHeader, "合計"],
      rows: perPortal((p) => p.amounts, d.monthAmounts, d.previousMonthAmounts),
    },
    {
      name: "サイト別月別（件数）",
      header: ["寄附受付サイト", ...monthHeader, "合計"],
      rows: perPortal((p) => p.counts, d.monthCounts, d.previousMonthCounts),
    },
    {
      name: "人気の返礼品",
      header: ["順位", "返礼品コード", "返礼品名", "寄附件数", "数量", "寄附額（按分、円）"],
      rows: d.topGifts.map((g, i) => [i + 1, g.giftCode, g.title, g.count, g.quantity, g.amount]),
    },
    {
      name: "サイト手数料",
      header: ["寄附受付サイト", "手数料率", "入金済の寄附額（円）", "手数料（円）"],
      rows: [
        ...d.portalFees.map((f) => [f.portalName, percentText(f.feeRatio), f.amount, f.fee]),
        ["合計", "", d.portalFees.reduce((s, f) => s + f.amount, 0), d.portalFees.reduce((s, f) => s + f.fee, 0)],
      ],
    },
    {
      name: "ワンストップ特例",
      header: ["申請期限", "期限までの日数", ...ONE_STOP_STATUSES, "合計"],
      rows: d.oneStop.map((o) => [
        o.deadline,
        o.daysLeft,
        ...ONE_STOP_STATUSES.map((s) => o.counts[s]),
        ONE_STOP_STATUSES.reduce((sum, s) => sum + o.counts[s], 0),
      ]),
    },
    {
      name: "出荷状況",
      header: ["事業者コード", "事業者", "未依頼", "依頼済（未発送）", "うち期限切れ"],
      rows: d.shipments.map((s) => [s.supplierCode, s.supplierName, s.unrequested, s.requested, s.overdue]),
    },
  ];
}

export async function dashboardXlsx(db: Queryable, fiscalYear: number, today: string): Promise<{ name: string; bytes: Uint8Array }> {
  const bytes = await writeXlsx(dashboardSheets(await dashboard(db, fiscalYear, today)));
  return { name: `ふるさと納税ダッシュボード_${formatFiscalYear(fiscalYear)}.xlsx`, bytes: new Uint8Array(bytes) };
}
