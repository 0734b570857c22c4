// One small database interface over both drivers: embedded PGlite (default) and a PostgreSQL server (DATABASE_URL).
// Repositories write plain parameterised SQL against `Queryable`; the two drivers are made to return the same
// JavaScript values (dates as "YYYY-MM-DD" strings, bigints as numbers, timestamps as Date), which they do not by default.
import { createRequire } from "node:module";
import type { PGlite as PGliteType } from "@electric-sql/pglite";
import type PgModule from "pg";

export interface QueryResult<T> {
  rows: T[];
  rowCount: number;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<QueryResult<T>>;
}

/** The handle inside a transaction: queries, and scripts of several statements (a migration file). */
export interface Transaction extends Queryable {
  /** Runs a script of several statements without parameters, inside this transaction. */
  exec(script: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: "pglite" | "postgres";
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /** Runs a script of several statements without parameters (migrations, pg-boss set-up). */
  exec(script: string): Promise<void>;
  close(): Promise<void>;
  /** The embedded database's own handle (backup via dumpDataDir, pg-boss's single-connection adapter). */
  readonly pglite?: PGliteType;
}

const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;

/** bigint → number: ids, counts and yen amounts here stay far below 2^53; refuse silently wrong values. */
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`bigint out of safe range: ${value}`);
  return n;
}

const identity = (value: string) => value;
const customParsers: Record<number, (value: string) => unknown> = {
  [DATE_OID]: identity,
  [INT8_OID]: parseInt8,
  [NUMERIC_OID]: (value: string) => Number(value),
};

// ---------------------------------------------------------------- PostgreSQL server

/** Whether the database answers (the health endpoint): one round trip, no table read. */
export async function pingDatabase(db: Queryable): Promise<void> {
  await db.query("SELECT 1");
}

/**
 * node-postgres, loaded on the first PostgreSQL connection: the default embedded database never needs it, and loading
 * it would lengthen every start (issue 14). Required rather than imported so that openPostgres stays synchronous.
 */
let pgModule: typeof PgModule | undefined;
function loadPg(): typeof PgModule {
  pgModule ??= createRequire(import.meta.url)("pg") as typeof PgModule;
  return pgModule;
}

export function openPostgres(url: string, opts: { max?: number } = {}): Db {
  const pg = loadPg();
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    // JIT compiling pays off for long analytic queries only: on the app's aggregates over 100,000 rows (the 国際
    // totals) compiling took 0.7 s of a 1.3 s query. The app's queries are short; the server's default stays for psql.
    options: "-c jit=off",
    types: {
      getTypeParser(oid: number, format?: "text" | "binary") {
        const custom = customParsers[oid];
        if (custom && format !== "binary") return custom as never;
        return pg.types.getTypeParser(oid, format as never);
      },
    },
  });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => {});
  const run = async <T>(client: PgModule.Pool | PgModule.PoolClient, sql: string, params?: readonly unknown[]) => {
    const result = await client.query(sql, params as unknown[] | undefined);
    return { rows: result.rows as T[], rowCount: result.rowCount ?? 0 };
  };
  return {
    kind: "postgres",
    query: (sql, params) => run(pool, sql, params),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        // A transaction is one connection, which answers one query at a time: reads started together
        // (Promise.all) wait their turn here rather than in node-postgres's own queue, which is deprecated.
        let last: Promise<unknown> = Promise.resolve();
        const inTurn = <T>(work: () => Promise<T>): Promise<T> => {
          const next = last.then(work, work);
          last = next.catch(() => {});
          return next;
        };
        const value = await fn({
          query: (sql, params) => inTurn(() => run(client, sql, params)),
          // Without parameters node-postgres uses the simple query protocol, which takes several statements.
          exec: async (script) => {
            await inTurn(() => client.query(script));
          },
        });
        await client.query("COMMIT");
        return value;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        client.release();
      }
    },
    async exec(script) {
      await pool.query(script);
    },
    close: () => pool.end(),
  };
}

// ---------------------------------------------------------------- embedded PGlite

// PGlite runs on the thread that answers HTTP, and its own bytea conversion goes byte by byte in JavaScript
// (a 10 MB upload took 5.7 s of CPU to store and 1 s to read). Node's native hex conversion is five times faster.
const BYTEA_OID = 17;

function serializeByteaHex(value: unknown): string {
  if (!(value instanceof Uint8Array)) throw new Error("bytea parameter must be a Uint8Array");
  return `\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString("hex")}`;
}

function parseByteaHex(value: string): Uint8Array {
  return Buffer.from(value.slice(2), "hex");
}

const PGLITE_SHARED_BUFFERS = "16MB";

/** Opens PGlite at `dataDir` ("memory://" for a throw-away database). The caller holds the data-dir lock. */
export async function openPglite(dataDir: string, opts: { loadDataDir?: Blob } = {}): Promise<Db> {
  const { PGlite } = await import("@electric-sql/pglite");
  const db: PGliteType = await PGlite.create({
    dataDir,
    // PGlite keeps PostgreSQL's 128 MB of shared buffers inside its WebAssembly memory, all of it resident in the
    // server process (issue 14: 549 MB after load). The data files stay in the OS page cache, so 16 MB of buffers
    // cost the request path nothing measurable and take ~110 MB off the resident size.
    startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${PGLITE_SHARED_BUFFERS}`],
    parsers: { ...customParsers, [BYTEA_OID]: parseByteaHex },
    serializers: { [BYTEA_OID]: serializeByteaHex },
    loadDataDir: opts.loadDataDir,
  });
  const run = async <T>(target: Pick<PGliteType, "query">, sql: string, params?: readonly unknown[]) => {
    const result = await target.query<T>(sql, params as unknown[] | undefined);
    // PGlite reports affectedRows 0 for a SELECT; node-postgres' rowCount counts returned rows there.
    return { rows: result.rows, rowCount: Math.max(result.affectedRows ?? 0, result.rows.length) };
  };
  return {
    kind: "pglite",
    query: (sql, params) => run(db, sql, params),
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: (sql, params) => run(tx, sql, params),
          exec: async (script) => {
            await tx.exec(script);
          },
        }),
      ),
    async exec(script) {
      await db.exec(script);
    },
    close: () => db.close(),
    pglite: db,
  };
}
