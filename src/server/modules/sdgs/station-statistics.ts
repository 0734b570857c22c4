// SDGsステーションの統計: the figures of a fiscal year (April … March) — consultations per month (every month present,
// 0 where none), per topic, channel, outcome, client kind and SDGs goal; matchings requested and made; the yearly
// cost and the cost per consultation (相談1件あたりの経費 = 年間経費 ÷ 相談件数, rounded to the yen; null when no cost
// is entered or there are no consultations); follow-ups open and overdue. One function computes them
// (stationStatistics): the statistics page, its Excel file and the 経営分析 module (through index.ts) all read it.
import type { StationCost, StationStatistics } from "../../../common/api/sdgs-station";
import { fiscalYearRange, formatFiscalYear, todayInJapan } from "../../../common/dates";
import {
  CLIENT_KIND_LABELS,
  CLIENT_KINDS,
  CONSULTATION_CHANNEL_LABELS,
  CONSULTATION_CHANNELS,
  CONSULTATION_OUTCOME_LABELS,
  CONSULTATION_OUTCOMES,
  CONSULTATION_TOPIC_LABELS,
  CONSULTATION_TOPICS,
} from "../../../common/sdgs/labels";
import { SDG_GOALS, sdgGoalLabel } from "../../../common/sdgs/sdg-goals";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { writeXlsx } from "../../platform/tabular/xlsx-write";
import { isSdgsManager, requireSdgsManager } from "./access";
import * as repo from "./station-statistics-repository";

/** The twelve months of a fiscal year, April first. */
export function monthsOfFiscalYear(fiscalYear: number): { year: number; month: number }[] {
  return Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    return { year: month >= 4 ? fiscalYear : fiscalYear + 1, month };
  });
}

/** 相談1件あたりの経費: null without a cost or without consultations (never a division by zero). */
export function costPerConsultation(costYen: number | null, consultations: number): number | null {
  if (costYen === null || consultations <= 0) return null;
  return Math.round(costYen / consultations);
}

function complete<C extends string>(codes: readonly C[], labels: Record<C, string>, counts: { code: string; count: number }[]) {
  return codes.map((code) => ({ code, label: labels[code], count: counts.find((c) => c.code === code)?.count ?? 0 }));
}

/** The station's figures for a fiscal year (no caller check: the 経営分析 module and the routes' services call it). */
export async function stationStatistics(db: Queryable, fiscalYear: number): Promise<StationStatistics> {
  const { start, end } = fiscalYearRange(fiscalYear);
  const [counts, matchings, cost] = await Promise.all([
    repo.countConsultations(db, start, end, todayInJapan()),
    repo.countMatchings(db, start, end),
    repo.findCost(db, fiscalYear),
  ]);
  const costYen = cost ? Number(cost.cost_yen) : null;
  return {
    fiscalYear,
    consultations: counts.total,
    byMonth: monthsOfFiscalYear(fiscalYear).map(({ year, month }) => ({
      year,
      month,
      count: counts.byMonth.find((m) => m.month === `${year}-${String(month).padStart(2, "0")}`)?.count ?? 0,
    })),
    byTopic: complete(CONSULTATION_TOPICS, CONSULTATION_TOPIC_LABELS, counts.byTopic),
    byChannel: complete(CONSULTATION_CHANNELS, CONSULTATION_CHANNEL_LABELS, counts.byChannel),
    byOutcome: complete(CONSULTATION_OUTCOMES, CONSULTATION_OUTCOME_LABELS, counts.byOutcome),
    byClientKind: complete(CLIENT_KINDS, CLIENT_KIND_LABELS, counts.byClientKind),
    byGoal: SDG_GOALS.map((_, i) => ({
      goal: i + 1,
      label: sdgGoalLabel(i + 1),
      count: counts.byGoal.find((g) => g.goal === i + 1)?.count ?? 0,
    })),
    matchingsRequested: matchings.requested,
    matchingsMade: matchings.made,
    costYen,
    costPerConsultation: costPerConsultation(costYen, counts.total),
    followUpsOpen: counts.followUpsOpen,
    followUpsOverdue: counts.followUpsOverdue,
  };
}

export async function getStatistics(db: Db, user: Principal | null, fiscalYear: number): Promise<StationStatistics> {
  authorize(user, "sdgs.read");
  return stationStatistics(db, fiscalYear);
}

const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The statistics as an Excel workbook: a summary sheet and one sheet per breakdown, each titled with its 和暦 年度. */
export async function statisticsWorkbook(s: StationStatistics): Promise<Buffer> {
  const fy = formatFiscalYear(s.fiscalYear);
  const breakdown = (name: string, heading: string, rows: { label: string; count: number }[]) => ({
    name: `${name}（${fy}）`,
    header: [`${heading}（${fy}）`, "相談件数"],
    rows: [...rows.map((r) => [r.label, r.count]), ["合計", rows.reduce((a, r) => a + r.count, 0)]],
  });
  return writeXlsx([
    {
      name: `概要（${fy}）`,
      header: [`SDGsステーションの統計（${fy}・${s.fiscalYear}年度）`, "値"],
      rows: [
        ["相談件数", s.consultations],
        ["マッチング依頼件数", s.matchingsRequested],
        ["マッチング成立件数", s.matchingsMade],
        ["年間経費（円）", s.costYen ?? "未入力"],
        ["相談1件あたりの経費（円）", s.costPerConsultation ?? "算出できません（経費が未入力か相談が0件）"],
        ["フォローアップ（未対応）", s.followUpsOpen],
        ["フォローアップ（期限超過）", s.followUpsOverdue],
      ],
    },
    {
      name: `月別（${fy}）`,
      header: [`月（${fy}）`, "相談件数"],
      rows: [...s.byMonth.map((m) => [`${m.year}年${m.month}月`, m.count]), ["合計", s.consultations]],
    },
    breakdown("相談内容別", "相談内容", s.byTopic),
    breakdown("相談方法別", "相談方法", s.byChannel),
    breakdown("対応結果別", "対応結果", s.byOutcome),
    breakdown("相談者区分別", "相談者の区分", s.byClientKind),
    {
      name: `SDGs目標別（${fy}）`,
      header: [`SDGsの目標（${fy}）`, "相談件数"],
      rows: s.byGoal.map((g) => [g.label, g.count]),
    },
  ]);
}

export async function exportStatistics(db: Db, user: Principal | null, fiscalYear: number): Promise<FileResult> {
  const s = await getStatistics(db, user, fiscalYear);
  const body = await statisticsWorkbook(s);
  return { file: { name: `SDGsステーション統計_${formatFiscalYear(fiscalYear)}.xlsx`, mimeType: XLSX_MIME, body } };
}

// ------------------------------------------------------------------ 年間経費

const toCost = (row: repo.CostRow): StationCost => ({
  fiscalYear: row.fiscal_year,
  costYen: Number(row.cost_yen),
  note: row.note,
  isSample: row.is_sample,
  updatedAt: new Date(row.updated_at).toISOString(),
});

export async function listCosts(db: Db, user: Principal | null) {
  authorize(user, "sdgs.read");
  return { items: (await repo.findCosts(db)).map(toCost), canManage: await isSdgsManager(db, user) };
}

export async function putCostIn(
  tx: Queryable,
  actor: Actor,
  fiscalYear: number,
  input: { costYen: number; note: string },
  opts: { isSample?: boolean } = {},
): Promise<void> {
  const before = await repo.findCost(tx, fiscalYear, { lock: true });
  await repo.upsertCost(tx, fiscalYear, input.costYen, input.note, opts.isSample ?? false);
  await recordAudit(tx, actor, {
    action: before ? "update" : "create",
    entityType: "sdgs_station_cost",
    entityId: String(fiscalYear),
    summary: `SDGsステーションの${formatFiscalYear(fiscalYear)}の年間経費を${input.costYen.toLocaleString("ja-JP")}円に`,
    before: before ? { costYen: Number(before.cost_yen), note: before.note } : undefined,
    after: input,
  });
}

export async function putCost(
  db: Db,
  user: Principal | null,
  actor: Actor,
  fiscalYear: number,
  input: { costYen: number; note: string },
): Promise<StationCost> {
  return db.transaction(async (tx) => {
    await requireSdgsManager(tx, user);
    await putCostIn(tx, actor, fiscalYear, input);
    const row = await repo.findCost(tx, fiscalYear);
    if (!row) throw new Error("the cost just written is missing");
    return toCost(row);
  });
}
