// Process configuration from the environment, read once at start-up.
import path from "node:path";
import { projectRoot } from "./paths";

export interface Config {
  port: number;
  host: string;
  /** embedded database and other local state (PGlite only) */
  dataDir: string;
  /** a PostgreSQL server instead of the embedded database */
  databaseUrl: string | null;
  /** the address users reach the system at (for links printed by the CLI), e.g. https://yokogushi.city.example.jp */
  publicUrl: string | null;
  /** Secure + __Host- cookies; on when publicUrl is https */
  secureCookies: boolean;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /** load the sample (demo) data on a first start */
  loadDemoData: boolean;
  logLevel: string;
  /** run the job workers in this process */
  runWorkers: boolean;
  /**
   * How many reverse proxies of our own stand in front (TRUST_PROXY): the caller's address is the one the outermost
   * of them appended to X-Forwarded-For, that many entries from the right. 0: X-Forwarded-For is ignored.
   */
  trustProxy: number;
  /**
   * Requests per minute from one address to each rate-limited public API (PUBLIC_API_RATE_LIMIT): overrides every
   * contract's own `rateLimit.perMinute` (the public registry's is 120); null: each contract's own.
   */
  publicApiRateLimit: number | null;
}

function intFrom(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined || value === "") return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  return n;
}

/** PUBLIC_URL is the origin writes are checked against: a malformed one would refuse every write, so it stops the start. */
function publicUrlFrom(value: string | undefined): string | null {
  const publicUrl = value?.replace(/\/$/, "") || null;
  if (publicUrl === null) return null;
  let url: URL;
  try {
    url = new URL(publicUrl);
  } catch {
    throw new Error(`PUBLIC_URL must be a URL such as https://yokogushi.city.example.jp, got "${value}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new Error(`PUBLIC_URL must start with https://, got "${value}"`);
  return publicUrl;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const publicUrl = publicUrlFrom(env.PUBLIC_URL);
  return {
    port: intFrom(env.PORT, 3000, "PORT"),
    host: env.HOST || "0.0.0.0",
    dataDir: path.resolve(env.DATA_DIR || path.join(projectRoot, "data")),
    databaseUrl: env.DATABASE_URL || null,
    publicUrl,
    secureCookies: publicUrl?.startsWith("https://") ?? false,
    sessionIdleMinutes: intFrom(env.SESSION_IDLE_MINUTES, 60, "SESSION_IDLE_MINUTES"),
    sessionAbsoluteHours: intFrom(env.SESSION_ABSOLUTE_HOURS, 12, "SESSION_ABSOLUTE_HOURS"),
    loadDemoData: env.DEMO_DATA !== "off",
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === "test" ? "silent" : "info"),
    runWorkers: env.WORKERS !== "off",
    trustProxy: intFrom(env.TRUST_PROXY, 0, "TRUST_PROXY"),
    publicApiRateLimit: env.PUBLIC_API_RATE_LIMIT ? Math.max(1, intFrom(env.PUBLIC_API_RATE_LIMIT, 120, "PUBLIC_API_RATE_LIMIT")) : null,
  };
}
