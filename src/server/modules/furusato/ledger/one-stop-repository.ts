// SQL of the ワンストップ特例申請 (furusato_one_stop_applications, with their donations): the list and its counts,
// one application, and its update. Who may see or change what: one-stop.ts.
import type { OneStopDocument, OneStopStatus } from "../../../../common/furusato/donation";
import type { Queryable } from "../../../db/database";

export interface OneStopRow {
  donation_id: string;
  order_number: string;
  portal_code: string;
  donated_on: string;
  amount: number;
  donor_name: string | null;
  status: OneStopStatus;
  missing: OneStopDocument[];
  received_on: string | null;
  note: string;
  version: number;
}

const SELECT_ONE_STOP = `
  SELECT a.donation_id, d.order_number, d.portal_code, d.donated_on, d.amount, d.donor_name, a.status, a.missing,
         a.received_on, a.note, a.version
    FROM furusato_one_stop_applications a JOIN furusato_donations d ON d.id = a.donation_id`;

/** Applications of donations made in one calendar year, キャンセル excluded; $1 and $2 are the year's range. */
const IN_YEAR = "d.donated_on >= $1::date AND d.donated_on < $2::date AND d.status <> 'キャンセル'";
const yearRange = (year: number) => [`${year}-01-01`, `${year + 1}-01-01`];

export interface OneStopWhere {
  /** calendar year of the donations */
  year: number;
  status?: OneStopStatus;
  missing?: OneStopDocument;
}

function whereOf(filter: OneStopWhere) {
  const params: unknown[] = yearRange(filter.year);
  const where = [IN_YEAR];
  if (filter.status) {
    params.push(filter.status);
    where.push(`a.status = $${params.length}`);
  }
  if (filter.missing) {
    params.push(filter.missing);
    where.push(`$${params.length} = ANY(a.missing)`);
  }
  return { params, sql: where.join(" AND ") };
}

/** One page of the list, by donation date and 受付番号. */
export async function findOneStopPage(db: Queryable, filter: OneStopWhere, page: { limit: number; offset: number }): Promise<OneStopRow[]> {
  const { params, sql } = whereOf(filter);
  const { rows } = await db.query<OneStopRow>(
    `${SELECT_ONE_STOP} WHERE ${sql} ORDER BY d.donated_on, d.order_number LIMIT ${page.limit} OFFSET ${page.offset}`,
    params,
  );
  return rows;
}

export async function countOneStop(db: Queryable, filter: OneStopWhere): Promise<number> {
  const { params, sql } = whereOf(filter);
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM furusato_one_stop_applications a JOIN furusato_donations d ON d.id = a.donation_id
      WHERE ${sql}`,
    params,
  );
  return rows[0]?.n ?? 0;
}

/** The year's applications per status (statuses without any are absent). */
export async function countOneStopByStatus(db: Queryable, year: number): Promise<{ status: string; n: number }[]> {
  const { rows } = await db.query<{ status: string; n: number }>(
    `SELECT a.status, count(*)::int AS n FROM furusato_one_stop_applications a JOIN furusato_donations d ON d.id = a.donation_id
      WHERE ${IN_YEAR} GROUP BY a.status`,
    yearRange(year),
  );
  return rows;
}

/** The year's 不備 applications per missing document (documents nobody lacks are absent). */
export async function countMissingDocuments(db: Queryable, year: number): Promise<{ document: string; n: number }[]> {
  const { rows } = await db.query<{ document: string; n: number }>(
    `SELECT m.document, count(*)::int AS n
       FROM furusato_one_stop_applications a JOIN furusato_donations d ON d.id = a.donation_id
       CROSS JOIN LATERAL unnest(a.missing) AS m (document)
      WHERE ${IN_YEAR} AND a.status = '不備' GROUP BY m.document`,
    yearRange(year),
  );
  return rows;
}

/** One donation's application; `forUpdate` locks it for the rest of the transaction. */
export async function findOneStop(db: Queryable, donationId: string, options: { forUpdate?: boolean } = {}): Promise<OneStopRow | null> {
  const { rows } = await db.query<OneStopRow>(`${SELECT_ONE_STOP} WHERE a.donation_id = $1${options.forUpdate ? " FOR UPDATE OF a" : ""}`, [
    donationId,
  ]);
  return rows[0] ?? null;
}

export async function updateOneStopRow(
  tx: Queryable,
  donationId: string,
  value: { status: OneStopStatus; missing: OneStopDocument[]; receivedOn: string | null; note: string },
): Promise<void> {
  await tx.query(
    `UPDATE furusato_one_stop_applications
        SET status = $2, missing = $3::text[], received_on = $4, note = $5, version = version + 1, updated_at = now()
      WHERE donation_id = $1`,
    [donationId, value.status, value.missing, value.receivedOn, value.note],
  );
}
