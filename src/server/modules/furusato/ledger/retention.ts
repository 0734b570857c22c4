// 保存期間: donor personal data is kept for N years after the end of the donation's 年度 (app setting
// furusato.donorRetentionYears, 5 by default), then anonymised: the name becomes （匿名化済）, the rest is erased.
// The amounts, dates and portals stay for the statistics; the count goes to the audit log, never a name.
import { formatFiscalYear, todayInJapan } from "../../../../common/dates";
import type { Db, Queryable } from "../../../db/database";
import { type Actor, recordAudit } from "../../../platform/audit/audit";
import { readSetting } from "../../../platform/settings";
import { defineJob } from "../../manifest";
import { anonymiseDonors, countDonorsToAnonymise } from "./retention-repository";

export const RETENTION_JOB = "furusato.retention";
export const RETENTION_SETTING = "furusato.donorRetentionYears";
export const DEFAULT_RETENTION_YEARS = 5;
export const ANONYMISED_NAME = "（匿名化済）";

export async function donorRetentionYears(db: Queryable): Promise<number> {
  const value = Number(await readSetting(db, RETENTION_SETTING));
  return Number.isInteger(value) && value >= 1 && value <= 100 ? value : DEFAULT_RETENTION_YEARS;
}

/**
 * The last 年度 whose donors are anonymised on `today`: 年度 F ends on (F+1)-03-31, and its data goes once that end
 * is more than `years` years in the past — FY2019 (ends 2020-03-31) with 5 years is kept through 2025-03-31 and
 * anonymised from 2025-04-01.
 */
export function retentionCutoffFiscalYear(today: string, years: number): number {
  const year = Number(today.slice(0, 4));
  const afterMarch = today.slice(5) > "03-31";
  return (afterMarch ? year : year - 1) - 1 - years;
}

export async function retentionStatus(db: Queryable, today = todayInJapan()) {
  const years = await donorRetentionYears(db);
  const cutoffFiscalYear = retentionCutoffFiscalYear(today, years);
  return { years, cutoffFiscalYear, eligible: await countDonorsToAnonymise(db, cutoffFiscalYear) };
}

export async function anonymiseExpiredDonors(
  db: Db,
  today: string,
  actor: Actor,
): Promise<{ anonymised: number; cutoffFiscalYear: number; years: number }> {
  const years = await donorRetentionYears(db);
  const cutoffFiscalYear = retentionCutoffFiscalYear(today, years);
  return db.transaction(async (tx) => {
    const anonymised = await anonymiseDonors(tx, cutoffFiscalYear, ANONYMISED_NAME);
    await recordAudit(tx, actor, {
      action: "anonymise",
      entityType: "furusato_donation",
      summary: `保存期間（${years}年）を過ぎた寄附者情報を匿名化：${anonymised}件（${formatFiscalYear(cutoffFiscalYear)}以前）`,
      after: { anonymised, cutoffFiscalYear, years },
    });
    return { anonymised, cutoffFiscalYear, years };
  });
}

export const retentionJob = defineJob<{ actor: Actor; today?: string }>(RETENTION_JOB, async (data, context) => {
  await context.progress(0, 1, "匿名化しています");
  const result = await anonymiseExpiredDonors(context.db, data.today ?? todayInJapan(), data.actor);
  await context.progress(1, 1, `${result.anonymised}件を匿名化しました`);
  return result;
});
