// SQL of the 全国比較 reference data (furusato_reference_figures, this feature's own table): replacing rows by
// fiscal year, and the reads behind the comparison. Parsing the 総務省 files: parse-survey.ts; the rules: reference.ts.
import type { Queryable } from "../../../db/database";
import type { AmountPrecision, ReferenceFigure } from "./parse-survey";

const INSERT_BATCH = 500;

/** Inserts the figures, INSERT_BATCH rows per statement. */
export async function insertFigures(tx: Queryable, figures: readonly ReferenceFigure[]): Promise<void> {
  const PER_ROW = 15;
  for (let start = 0; start < figures.length; start += INSERT_BATCH) {
    const batch = figures.slice(start, start + INSERT_BATCH);
    const params = batch.flatMap((f) => {
      const c = f.costs;
      return [
        f.bodyCode,
        f.fiscalYear,
        f.prefecture,
        f.municipality,
        f.donationCount,
        f.donationAmount,
        f.amountPrecision,
        c?.procurement ?? null,
        c?.shipping ?? null,
        c?.publicity ?? null,
        c?.payment ?? null,
        c?.administration ?? null,
        c?.other ?? null,
        c?.total ?? null,
        f.source,
      ];
    });
    const values = batch.map((_, i) => `(${Array.from({ length: PER_ROW }, (_, k) => `$${i * PER_ROW + k + 1}`).join(", ")}, now())`);
    await tx.query(
      `INSERT INTO furusato_reference_figures
         (body_code, fiscal_year, prefecture, municipality, donation_count, donation_amount, amount_precision,
          cost_procurement, cost_shipping, cost_publicity, cost_payment, cost_administration, cost_other, cost_total,
          source_file, loaded_at)
       VALUES ${values.join(", ")}`,
      params,
    );
  }
}

/** How many rows are stored: all, or those of the given fiscal years. */
export async function countFigures(db: Queryable, fiscalYears?: readonly number[]): Promise<number> {
  const { rows } = fiscalYears
    ? await db.query<{ rows: number }>("SELECT count(*)::int AS rows FROM furusato_reference_figures WHERE fiscal_year = ANY($1::int[])", [
        fiscalYears,
      ])
    : await db.query<{ rows: number }>("SELECT count(*)::int AS rows FROM furusato_reference_figures");
  return rows[0]?.rows ?? 0;
}

/** Deletes every row, or those of the given fiscal years. */
export async function deleteFigures(tx: Queryable, fiscalYears?: readonly number[]): Promise<void> {
  if (fiscalYears) await tx.query("DELETE FROM furusato_reference_figures WHERE fiscal_year = ANY($1::int[])", [fiscalYears]);
  else await tx.query("DELETE FROM furusato_reference_figures");
}

/** Each name the detailed (円) years hold, with its 団体コード from the newest year that has it. */
export async function findDetailedBodyNames(db: Queryable): Promise<{ body_code: string; prefecture: string; municipality: string }[]> {
  const { rows } = await db.query<{ body_code: string; prefecture: string; municipality: string }>(
    `SELECT DISTINCT ON (prefecture, municipality) body_code, prefecture, municipality
       FROM furusato_reference_figures WHERE amount_precision = 'yen'
      ORDER BY prefecture, municipality, fiscal_year DESC`,
  );
  return rows;
}

/** The fiscal years loaded from a detailed (円) file. */
export async function findDetailedYears(db: Queryable): Promise<number[]> {
  const { rows } = await db.query<{ fiscal_year: number }>(
    "SELECT DISTINCT fiscal_year FROM furusato_reference_figures WHERE amount_precision = 'yen'",
  );
  return rows.map((r) => r.fiscal_year);
}

export interface FigureRow {
  body_code: string;
  fiscal_year: number;
  prefecture: string;
  municipality: string;
  donation_count: number;
  donation_amount: number;
  amount_precision: AmountPrecision;
  cost_procurement: number | null;
  cost_shipping: number | null;
  cost_publicity: number | null;
  cost_payment: number | null;
  cost_administration: number | null;
  cost_other: number | null;
  cost_total: number | null;
  source_file: string;
}

const FIGURE_COLUMNS = `body_code, fiscal_year, prefecture, municipality, donation_count::bigint AS donation_count,
  donation_amount::bigint AS donation_amount, amount_precision, cost_procurement, cost_shipping, cost_publicity,
  cost_payment, cost_administration, cost_other, cost_total, source_file`;

/** One body's row for one fiscal year. */
export async function findFigure(db: Queryable, code: string, year: number): Promise<FigureRow | null> {
  const { rows } = await db.query<FigureRow>(
    `SELECT ${FIGURE_COLUMNS} FROM furusato_reference_figures WHERE body_code = $1 AND fiscal_year = $2`,
    [code, year],
  );
  return rows[0] ?? null;
}

/** The rows of these bodies in fiscal years `fromYear`..`toYear`, by body and year. */
export async function findFigures(db: Queryable, codes: readonly string[], fromYear: number, toYear: number): Promise<FigureRow[]> {
  const { rows } = await db.query<FigureRow>(
    `SELECT ${FIGURE_COLUMNS} FROM furusato_reference_figures
      WHERE body_code = ANY($1::text[]) AND fiscal_year BETWEEN $2 AND $3 ORDER BY body_code, fiscal_year`,
    [codes, fromYear, toYear],
  );
  return rows;
}

export interface LoadedYearRow {
  fiscal_year: number;
  rows: number;
  amount_precision: AmountPrecision;
  with_costs: boolean;
  source_files: string[];
  loaded_at: Date;
}

/** What each loaded fiscal year holds, oldest first. */
export async function findLoadedYears(db: Queryable): Promise<LoadedYearRow[]> {
  const { rows } = await db.query<LoadedYearRow>(
    `SELECT fiscal_year, count(*)::int AS rows, min(amount_precision) AS amount_precision, -- 'thousand' wins
            bool_or(cost_total IS NOT NULL) AS with_costs, array_agg(DISTINCT source_file) AS source_files,
            max(loaded_at) AS loaded_at
       FROM furusato_reference_figures GROUP BY fiscal_year ORDER BY fiscal_year`,
  );
  return rows;
}

/** Every body under its newest name, by 団体コード. */
export async function findBodies(db: Queryable): Promise<{ body_code: string; prefecture: string; municipality: string }[]> {
  const { rows } = await db.query<{ body_code: string; prefecture: string; municipality: string }>(
    `SELECT DISTINCT ON (body_code) body_code, prefecture, municipality
       FROM furusato_reference_figures ORDER BY body_code, fiscal_year DESC`,
  );
  return rows;
}

export interface NationalYearRow {
  fiscal_year: number;
  bodies: number;
  donation_count: number;
  donation_amount: number;
  amount_precision: AmountPrecision;
  cost_total: number | null;
}

/**
 * Every body of each fiscal year `fromYear`..`toYear` added up. min(amount_precision): 'thousand' < 'yen', so a year
 * with any 千円 row is only as precise as 千円; the cost total only when every body of the year has one.
 */
export async function findNationalYears(db: Queryable, fromYear: number, toYear: number): Promise<NationalYearRow[]> {
  const { rows } = await db.query<NationalYearRow>(
    `SELECT fiscal_year, count(*)::int AS bodies, sum(donation_count)::bigint AS donation_count,
            sum(donation_amount)::bigint AS donation_amount, min(amount_precision) AS amount_precision,
            CASE WHEN bool_and(cost_total IS NOT NULL) THEN sum(cost_total)::bigint END AS cost_total
       FROM furusato_reference_figures WHERE fiscal_year BETWEEN $1 AND $2 GROUP BY fiscal_year ORDER BY fiscal_year`,
    [fromYear, toYear],
  );
  return rows;
}
