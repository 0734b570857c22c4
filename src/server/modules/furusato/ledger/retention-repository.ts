// SQL of the donor retention (保存期間): which donations' personal data is due to go, and erasing it. The rule
// (how many years, from which 年度) is retention.ts's.
import type { Queryable } from "../../../db/database";

const ELIGIBLE = "fiscal_year <= $1 AND anonymised_at IS NULL";

/** Donations of `cutoffFiscalYear` and before whose donor is not anonymised yet. */
export async function countDonorsToAnonymise(db: Queryable, cutoffFiscalYear: number): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM furusato_donations WHERE ${ELIGIBLE}`, [cutoffFiscalYear]);
  return rows[0]?.n ?? 0;
}

/** The name becomes `anonymisedName`, every other personal field is erased; returns how many donations changed. */
export async function anonymiseDonors(tx: Queryable, cutoffFiscalYear: number, anonymisedName: string): Promise<number> {
  const { rowCount } = await tx.query(
    `UPDATE furusato_donations
        SET donor_name = $2, donor_kana = NULL, donor_postal_code = NULL, donor_address = NULL, donor_phone = NULL,
            donor_email = NULL, donor_gender = NULL, ship_name = NULL, ship_postal_code = NULL, ship_address = NULL,
            ship_phone = NULL, anonymised_at = now(), updated_at = now()
      WHERE ${ELIGIBLE}`,
    [cutoffFiscalYear, anonymisedName],
  );
  return rowCount;
}
