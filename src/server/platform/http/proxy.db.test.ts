// Behind the documented reverse proxy (TLS ended at the proxy, PUBLIC_URL=https://…, TRUST_PROXY=1): a real HTTP
// server on a loopback port receives what such a proxy forwards — Host, X-Forwarded-Proto: https, the browser's
// Origin, and X-Forwarded-For with the client's address appended — while the app itself sees plain http://.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApp } from "../../app";
import { type Config, loadConfig } from "../../config";
import { registerModules } from "../../modules";
import { createTestDb, type TestDb } from "../../testing/db";
import { TEST_PASSWORD } from "../../testing/factories";
import { clearOfWindowEdges } from "../../testing/rate-windows";
import { issueSetupToken, LOGIN_LIMITS } from "../auth/service";
import { createLogger } from "../logger";

const SITE = "yokogushi.example";

interface Answer {
  status: number;
  body: any;
  cookie: string | null;
}

/** One HTTP request as the proxy sends it (node:http, so that Host is exactly what the proxy forwards). */
function send(port: number, method: string, path: string, headers: Record<string, string>, body?: unknown): Promise<Answer> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: "127.0.0.1",
        port,
        method,
        path,
        headers: {
          ...(payload ? { "content-type": "application/json", "content-length": String(Buffer.byteLength(payload)) } : {}),
          ...headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const setCookie = response.headers["set-cookie"]?.[0] ?? null;
          resolve({
            status: response.statusCode ?? 0,
            body: (response.headers["content-type"] ?? "").includes("json") ? JSON.parse(text) : text,
            cookie: setCookie ? setCookie.split(";")[0] : null,
          });
        });
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

async function startServer(db: TestDb, config: Config) {
  registerModules();
  const app = buildApp({ db: db.db, config, log: createLogger("silent"), jobs: null });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" }, () => resolve(s));
  });
  const port = (server.address() as AddressInfo).port;
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const testConfig = (env: NodeJS.ProcessEnv): Config => ({ ...loadConfig(env), logLevel: "silent", loadDemoData: false });

describe("behind an HTTPS reverse proxy with PUBLIC_URL", () => {
  let db: TestDb;
  let server: Awaited<ReturnType<typeof startServer>>;
  const proxied = (extra: Record<string, string> = {}) => ({
    host: SITE,
    "x-forwarded-proto": "https",
    "x-forwarded-for": "198.51.100.20",
    origin: `https://${SITE}`,
    ...extra,
  });

  beforeAll(async () => {
    db = await createTestDb();
    server = await startServer(db, testConfig({ PUBLIC_URL: `https://${SITE}/` }));
  }, 90_000);
  afterAll(async () => {
    await server.close();
    await db.cleanup();
  });

  it("finding 1: setup, login and writes work with the browser's https Origin; a foreign Origin is still refused", async () => {
    const token = await issueSetupToken(db.db);
    const account = { loginId: "first-admin", displayName: "最初の管理者", password: TEST_PASSWORD };
    const setup = await send(server.port, "POST", "/api/auth/setup", proxied(), { token, ...account });
    expect(setup.status, JSON.stringify(setup.body)).toBe(200);
    expect(setup.cookie).toMatch(/^__Host-yk_session=/);

    const login = await send(server.port, "POST", "/api/auth/login", proxied(), { loginId: account.loginId, password: account.password });
    expect(login.status, JSON.stringify(login.body)).toBe(200);
    const session = { cookie: login.cookie ?? "", "x-csrf-token": login.body.csrfToken };

    const organisation = { parentId: null, kind: "municipality", name: "プロキシ市" };
    const created = await send(server.port, "POST", "/api/admin/organisations", proxied(session), organisation);
    expect(created.status, JSON.stringify(created.body)).toBe(200);

    // Another site, and our own host over plain http (what the app itself sees), are both foreign to PUBLIC_URL.
    for (const origin of ["https://evil.example", `http://${SITE}`, `https://${SITE}.evil.example`, "null"]) {
      const foreign = await send(server.port, "POST", "/api/admin/organisations", proxied({ ...session, origin }), organisation);
      expect(foreign.status, origin).toBe(403);
      expect(foreign.body.error.code, origin).toBe("cross_origin");
      const foreignLogin = await send(server.port, "POST", "/api/auth/login", proxied({ origin }), {
        loginId: account.loginId,
        password: account.password,
      });
      expect(foreignLogin.status, origin).toBe(403);
    }
  });
});

describe("without PUBLIC_URL", () => {
  let db: TestDb;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    db = await createTestDb();
    server = await startServer(db, testConfig({}));
  }, 90_000);
  afterAll(async () => {
    await server.close();
    await db.cleanup();
  });

  it("accepts the request's own origin and refuses another", async () => {
    const own = `http://127.0.0.1:${server.port}`;
    const token = await issueSetupToken(db.db);
    const body = { token, loginId: "first-admin", displayName: "最初の管理者", password: TEST_PASSWORD };
    const foreign = await send(server.port, "POST", "/api/auth/setup", { origin: "https://evil.example" }, body);
    expect(foreign.status).toBe(403);
    expect(foreign.body.error.code).toBe("cross_origin");
    const setup = await send(server.port, "POST", "/api/auth/setup", { origin: own }, body);
    expect(setup.status, JSON.stringify(setup.body)).toBe(200);
  });
});

describe("TRUST_PROXY and the login limit per address", () => {
  let db: TestDb;
  let server: Awaited<ReturnType<typeof startServer>>;

  beforeAll(async () => {
    // As the server starts: the environment read once into the configuration.
    vi.stubEnv("TRUST_PROXY", "1");
    db = await createTestDb();
    server = await startServer(db, testConfig(process.env));
  }, 90_000);
  afterAll(async () => {
    vi.unstubAllEnvs();
    await server.close();
    await db.cleanup();
  });

  it("finding 7: a client that rotates its own X-Forwarded-For entry is still limited by the address the proxy appended", async () => {
    const attempt = (i: number) =>
      send(
        server.port,
        "POST",
        "/api/auth/login",
        // The client sends "X-Forwarded-For: 10.9.<i>"; the proxy appends the address it really came from.
        { "x-forwarded-for": `10.9.${i >> 8}.${i & 255}, 203.0.113.7` },
        { loginId: `nobody-${i}`, password: "wrong-password-123" },
      );
    // The limit counts per fixed window: the attempts start in one with at least a minute left.
    await clearOfWindowEdges([[LOGIN_LIMITS.perAddressWindowSeconds, 60]]);
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) expect((await attempt(i)).status).toBe(401);
    const limited = await attempt(LOGIN_LIMITS.perAddress);
    expect(limited.status).toBe(429);
    expect(limited.body.error.message).toMatch(/ログインの試行が多すぎます/);
    // Another client behind the same proxy is not affected.
    const other = await send(
      server.port,
      "POST",
      "/api/auth/login",
      { "x-forwarded-for": "203.0.113.8" },
      { loginId: "nobody", password: "wrong-password-123" },
    );
    expect(other.status).toBe(401);
  }, 150_000);
});
