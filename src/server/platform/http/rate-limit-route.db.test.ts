// A contract's `rateLimit` (public APIs): the router counts each call per client address in the database before it
// reads any input; the call over the limit in a minute answers 429 with Retry-After and a Japanese message, another
// address is not limited, two app instances (two server processes) share the counters, and PUBLIC_API_RATE_LIMIT
// overrides the contract's own limit.
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineContract } from "../../../common/api/contract";
import { buildApp } from "../../app";
import { type Config, loadConfig } from "../../config";
import type { ModuleManifest } from "../../modules/manifest";
import { createTestDb, type TestDb } from "../../testing/db";
import { clearOfWindowEdges } from "../../testing/rate-windows";
import { createLogger } from "../logger";
import type { AppEnv } from "./types";

const limited = defineContract({
  method: "get",
  path: "/api/test-rate/limited",
  tag: "test",
  summary: "試験用（回数制限あり）",
  allow: ["anyone"],
  query: z.object({ n: z.coerce.number().int() }).strict(),
  rateLimit: { name: "test.limited", perMinute: 5 },
  response: z.object({ n: z.number() }),
});

const free = defineContract({
  method: "get",
  path: "/api/test-rate/free",
  tag: "test",
  summary: "試験用（回数制限なし）",
  allow: ["anyone"],
  response: z.object({ ok: z.literal(true) }),
});

let handled = 0;
const testModule: ModuleManifest = {
  name: "test-rate",
  label: "試験",
  routes: (router) => {
    router.on(limited, async ({ query }) => {
      handled++;
      return { n: query.n };
    });
    router.on(free, async () => ({ ok: true as const }));
  },
};

let db: TestDb;
const config = (env: NodeJS.ProcessEnv): Config => ({
  ...loadConfig({ TRUST_PROXY: "1", ...env }),
  logLevel: "silent",
  loadDemoData: false,
});
const appOf = (env: NodeJS.ProcessEnv = {}) =>
  buildApp({ db: db.db, config: config(env), log: createLogger("silent"), jobs: null }, { modules: [testModule] });

const call = (app: Hono<AppEnv>, path: string, address: string) =>
  app.request(`http://localhost${path}`, { headers: { "x-forwarded-for": address } });

beforeAll(async () => {
  db = await createTestDb();
}, 120_000);
afterAll(() => db?.cleanup());

describe("a contract's per-address rate limit", () => {
  it("answers the 6th call in a minute with 429, Retry-After and a Japanese message; another address is not limited", async () => {
    await clearOfWindowEdges([[60, 10]]);
    const app = appOf();
    for (let i = 0; i < 5; i++) expect((await call(app, "/api/test-rate/limited?n=1", "203.0.113.1")).status).toBe(200);
    const over = await call(app, "/api/test-rate/limited?n=1", "203.0.113.1");
    expect(over.status).toBe(429);
    const retryAfter = Number(over.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    const body = (await over.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("too_many_requests");
    expect(body.error.message).toMatch(/1分間に5回まで/);
    expect(body.error.message).toMatch(/秒ほど待ってから/);
    // another address has its own count
    expect((await call(app, "/api/test-rate/limited?n=1", "203.0.113.2")).status).toBe(200);
    // a route without a limit is never counted
    for (let i = 0; i < 8; i++) expect((await call(app, "/api/test-rate/free", "203.0.113.1")).status).toBe(200);
  });

  it("refuses before reading input: an invalid query over the limit is 429, not 400, and the handler is not reached", async () => {
    await clearOfWindowEdges([[60, 10]]);
    const app = appOf();
    for (let i = 0; i < 5; i++) expect((await call(app, "/api/test-rate/limited?n=x", "203.0.113.3")).status).toBe(400);
    const before = handled;
    expect((await call(app, "/api/test-rate/limited?n=x", "203.0.113.3")).status).toBe(429);
    expect((await call(app, "/api/test-rate/limited?n=1", "203.0.113.3")).status).toBe(429);
    expect(handled).toBe(before);
  });

  it("shares the counters between two server processes through the database", async () => {
    await clearOfWindowEdges([[60, 10]]);
    const first = appOf();
    const second = appOf();
    for (let i = 0; i < 3; i++) expect((await call(first, "/api/test-rate/limited?n=1", "203.0.113.4")).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await call(second, "/api/test-rate/limited?n=1", "203.0.113.4")).status).toBe(200);
    expect((await call(first, "/api/test-rate/limited?n=1", "203.0.113.4")).status).toBe(429);
    expect((await call(second, "/api/test-rate/limited?n=1", "203.0.113.4")).status).toBe(429);
    const { rows } = await db.db.query<{ hits: number }>(
      "SELECT hits FROM rate_limit_counters WHERE bucket = $1 ORDER BY window_start DESC LIMIT 1",
      ["test.limited:203.0.113.4"],
    );
    expect(rows[0].hits).toBe(7);
  });

  it("takes PUBLIC_API_RATE_LIMIT over the contract's own limit", async () => {
    await clearOfWindowEdges([[60, 10]]);
    expect(loadConfig({}).publicApiRateLimit).toBeNull();
    expect(loadConfig({ PUBLIC_API_RATE_LIMIT: "1000" }).publicApiRateLimit).toBe(1000);
    expect(() => loadConfig({ PUBLIC_API_RATE_LIMIT: "many" })).toThrow(/PUBLIC_API_RATE_LIMIT/);
    const strict = appOf({ PUBLIC_API_RATE_LIMIT: "2" });
    for (let i = 0; i < 2; i++) expect((await call(strict, "/api/test-rate/limited?n=1", "203.0.113.5")).status).toBe(200);
    const over = await call(strict, "/api/test-rate/limited?n=1", "203.0.113.5");
    expect(over.status).toBe(429);
    expect(((await over.json()) as { error: { message: string } }).error.message).toMatch(/1分間に2回まで/);
    const generous = appOf({ PUBLIC_API_RATE_LIMIT: "20" });
    for (let i = 0; i < 10; i++) expect((await call(generous, "/api/test-rate/limited?n=1", "203.0.113.6")).status).toBe(200);
  });
});
