// SQL of the ledger's demo data (見本) beyond what the services write: the work that followed the sample donations,
// aged to stand as it would today.
import type { Queryable } from "../../../db/database";

/**
 * Older gifts sent, recent ones requested (a few overdue) or not yet requested; older one-stop applications accepted,
 * some incomplete, recent ones not in. A sample's fate is fixed by a hash of its order number, so it is the same on
 * every start.
 */
export async function ageSampleFollowUps(tx: Queryable, today: string): Promise<void> {
  await tx.query(
    `UPDATE furusato_shipments s SET status = '発送済', requested_at = d.donated_on + 1, due_on = d.donated_on + 15,
            planned_on = d.donated_on + 5, shipped_on = d.donated_on + 5, carrier = 'ヤマト運輸',
            tracking_number = lpad((abs(hashtext(d.order_number)) % 1000000000000)::text, 12, '0')
       FROM furusato_donations d WHERE d.id = s.donation_id AND d.donated_on < $1::date - 30`,
    [today],
  );
  await tx.query(
    `UPDATE furusato_shipments s SET status = '依頼済', requested_at = d.donated_on + 1, due_on = d.donated_on + 15
       FROM furusato_donations d WHERE d.id = s.donation_id AND s.status = '未依頼' AND d.donated_on < $1::date - 10`,
    [today],
  );
  await tx.query(
    `UPDATE furusato_one_stop_applications o
        SET status = CASE WHEN abs(hashtext(d.order_number)) % 10 = 0 THEN '不備' ELSE '受理' END,
            missing = CASE WHEN abs(hashtext(d.order_number)) % 10 = 0 THEN ARRAY['本人確認書類'] ELSE '{}' END,
            received_on = d.donated_on + 14
       FROM furusato_donations d WHERE d.id = o.donation_id AND d.donated_on < $1::date - 20`,
    [today],
  );
}
