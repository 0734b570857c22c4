// SQL of 市町の人口: the sets of figures (basis × date) that exist, the figures of one set, one 市町's history, and
// the writes of the import (a figure is keyed by 市町, basis and date).

import type { PopulationBasis } from "../../../common/region/population-basis";
import type { Queryable } from "../../db/database";

export interface PopulationRow {
  municipality_code: string;
  basis: PopulationBasis;
  as_of: string;
  population: number;
  source: string;
  is_sample: boolean;
}

const COLUMNS = "municipality_code, basis, as_of::text AS as_of, population, source, is_sample";

/** Every basis and date with figures, newest first, with how many 市町 have one. */
export async function findPopulationSets(db: Queryable): Promise<{ basis: PopulationBasis; as_of: string; count: number }[]> {
  const { rows } = await db.query<{ basis: PopulationBasis; as_of: string; count: number }>(
    `SELECT basis, as_of::text AS as_of, count(*)::int AS count FROM region_populations
      GROUP BY basis, as_of ORDER BY as_of DESC, basis`,
  );
  return rows;
}

export async function findPopulationsAt(db: Queryable, basis: PopulationBasis, asOf: string): Promise<PopulationRow[]> {
  const { rows } = await db.query<PopulationRow>(`SELECT ${COLUMNS} FROM region_populations WHERE basis = $1 AND as_of = $2`, [
    basis,
    asOf,
  ]);
  return rows;
}

export async function findPopulationsOf(db: Queryable, code: string): Promise<PopulationRow[]> {
  const { rows } = await db.query<PopulationRow>(
    `SELECT ${COLUMNS} FROM region_populations WHERE municipality_code = $1 ORDER BY as_of DESC, basis`,
    [code],
  );
  return rows;
}

/** The stored figures for the keys a file names ("code|basis|asOf"), locked for the import's transaction. */
export async function findPopulationsByKeys(
  db: Queryable,
  keys: readonly { code: string; basis: string; asOf: string }[],
): Promise<PopulationRow[]> {
  if (keys.length === 0) return [];
  const { rows } = await db.query<PopulationRow>(
    `SELECT ${COLUMNS} FROM region_populations p
      WHERE (p.municipality_code, p.basis, p.as_of) IN (
        SELECT k.code, k.basis, k.as_of FROM jsonb_to_recordset($1::jsonb) AS k(code text, basis text, as_of date))
      FOR UPDATE`,
    [JSON.stringify(keys.map((k) => ({ code: k.code, basis: k.basis, as_of: k.asOf })))],
  );
  return rows;
}

export interface PopulationValues {
  code: string;
  basis: PopulationBasis;
  asOf: string;
  population: number;
  source: string;
}

/** Inserts new figures and replaces changed ones, in one statement (a file of every 市町 for years is a few hundred rows). */
export async function upsertPopulations(
  db: Queryable,
  figures: readonly PopulationValues[],
  createdBy: string | null,
  isSample: boolean,
): Promise<void> {
  if (figures.length === 0) return;
  await db.query(
    `INSERT INTO region_populations (municipality_code, basis, as_of, population, source, is_sample, created_by)
     SELECT f.code, f.basis, f.as_of, f.population, f.source, $2, $3
       FROM jsonb_to_recordset($1::jsonb) AS f(code text, basis text, as_of date, population integer, source text)
     ON CONFLICT (municipality_code, basis, as_of) DO UPDATE
        SET population = EXCLUDED.population, source = EXCLUDED.source, is_sample = EXCLUDED.is_sample,
            created_by = EXCLUDED.created_by, created_at = now()`,
    [
      JSON.stringify(figures.map((f) => ({ code: f.code, basis: f.basis, as_of: f.asOf, population: f.population, source: f.source }))),
      isSample,
      createdBy,
    ],
  );
}
