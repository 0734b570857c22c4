// SQL of 旅費の基準額 (international_travel_rates): versions of 日当 and 宿泊料 per destination class, each applying
// from its valid_from date until a newer version of the same (cost kind, region class) begins.
import type { RegionClass } from "../../../common/api/international";
import type { Queryable } from "../../db/database";

export interface TravelRateRow {
  id: string;
  valid_from: string;
  cost_kind: "daily" | "lodging";
  region_class: RegionClass;
  amount: number;
}

const COLUMNS = "id, valid_from, cost_kind, region_class, amount";
const ORDER = `cost_kind, array_position(ARRAY['designated','class_a','class_b','class_c']::text[], region_class)`;

/** Every version, newest first within each (cost kind, region class). */
export async function findAllRates(db: Queryable): Promise<TravelRateRow[]> {
  const { rows } = await db.query<TravelRateRow>(`SELECT ${COLUMNS} FROM international_travel_rates ORDER BY ${ORDER}, valid_from DESC`);
  return rows;
}

/** The version in force on `onDate` for each (cost kind, region class): the latest valid_from on or before it. */
export async function findRatesOn(db: Queryable, onDate: string): Promise<TravelRateRow[]> {
  const { rows } = await db.query<TravelRateRow>(
    `SELECT * FROM (
       SELECT DISTINCT ON (cost_kind, region_class) ${COLUMNS} FROM international_travel_rates
       WHERE valid_from <= $1::date ORDER BY cost_kind, region_class, valid_from DESC) r
     ORDER BY ${ORDER}`,
    [onDate],
  );
  return rows;
}

export async function findRate(
  db: Queryable,
  key: { validFrom: string; costKind: string; regionClass: string },
): Promise<TravelRateRow | null> {
  const { rows } = await db.query<TravelRateRow>(
    `SELECT ${COLUMNS} FROM international_travel_rates WHERE valid_from = $1 AND cost_kind = $2 AND region_class = $3`,
    [key.validFrom, key.costKind, key.regionClass],
  );
  return rows[0] ?? null;
}

export async function insertRate(
  db: Queryable,
  rate: { validFrom: string; costKind: string; regionClass: string; amount: number },
  opts: { isSample: boolean },
): Promise<TravelRateRow> {
  const { rows } = await db.query<TravelRateRow>(
    `INSERT INTO international_travel_rates (valid_from, cost_kind, region_class, amount, is_sample)
     VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS}`,
    [rate.validFrom, rate.costKind, rate.regionClass, rate.amount, opts.isSample],
  );
  return rows[0];
}
