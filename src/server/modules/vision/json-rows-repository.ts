// Reads that come as one JSON array per row, for the vision core's round-sized reads (5,000 indicators, their grades).
import type { Queryable } from "../../db/database";

/**
 * The columns of a read that comes as one JSON array per row: PGlite decodes every field of every row through an
 * ArrayBuffer of its own (about 1.7 µs a value), so the reads of a whole round (5,000 rows) ask for one text per row,
 * three times cheaper; node-postgres reads it as fast. `select` is the SELECT list (`… AS row`), `keys` name the
 * array's items in the same order. Numbers, text and ISO dates come out of JSON as the drivers give them; a
 * timestamptz comes as ISO text (make it a Date).
 */
export interface JsonColumns<T> {
  select: string;
  keys: readonly (keyof T & string)[];
}

/** Every key of T with the SQL expression of its value. */
export function jsonColumns<T>(columns: { [K in keyof T & string]-?: string }): JsonColumns<T> {
  const keys = Object.keys(columns) as (keyof T & string)[];
  return { select: `json_build_array(${keys.map((k) => columns[k]).join(", ")})::text AS row`, keys };
}

/** One row's array of values (as `columns` selected them) as an object. */
export function rowFrom<T>(columns: JsonColumns<T>, values: readonly unknown[]): T {
  const row: Record<string, unknown> = {};
  for (let k = 0; k < columns.keys.length; k++) row[columns.keys[k]] = values[k];
  return row as T;
}

/** Runs a read whose SELECT list is `columns.select` and gives each row back as an object. */
export async function jsonRows<T>(db: Queryable, columns: JsonColumns<T>, sql: string, params: readonly unknown[]): Promise<T[]> {
  const { rows } = await db.query<{ row: string }>(sql, params);
  return rows.map((r) => rowFrom(columns, JSON.parse(r.row) as unknown[]));
}
