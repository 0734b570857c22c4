// SQL of the 現況調査 answer: the year's paid donations, with those from outside the city and those with a
// ワンストップ特例 wish. The costs come from the cost ledger (costs-repository.ts).
import type { Queryable } from "../../../db/database";

export interface ReceivedTotalsRow {
  count: number;
  amount: number;
  outside_count: number;
  outside_amount: number;
  one_stop_count: number;
  one_stop_amount: number;
}

/** 受入件数・受入額 of a fiscal year (入金済), うち区域外, うちワンストップ特例申請分. */
export async function receivedTotals(db: Queryable, fiscalYear: number): Promise<ReceivedTotalsRow> {
  const { rows } = await db.query<ReceivedTotalsRow>(
    `SELECT count(*)::int AS count, coalesce(sum(amount), 0)::bigint AS amount,
            count(*) FILTER (WHERE NOT is_resident)::int AS outside_count,
            coalesce(sum(amount) FILTER (WHERE NOT is_resident), 0)::bigint AS outside_amount,
            count(*) FILTER (WHERE one_stop_wish)::int AS one_stop_count,
            coalesce(sum(amount) FILTER (WHERE one_stop_wish), 0)::bigint AS one_stop_amount
       FROM furusato_donations WHERE fiscal_year = $1 AND status = '入金済'`,
    [fiscalYear],
  );
  return rows[0];
}
