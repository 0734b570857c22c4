// The whole HTTP app on a test database, driven in-process (app.request) by clients that keep their cookie and
// CSRF token like a browser does.
import type { Hono } from "hono";
import { buildApp } from "../app";
import { loadConfig } from "../config";
import { registerModule, registerModules } from "../modules";
import type { ModuleManifest } from "../modules/manifest";
import type { AppEnv } from "../platform/http/types";
import { JobQueue } from "../platform/jobs/jobs";
import { createLogger } from "../platform/logger";
import { createTestDb, type TestDb } from "./db";

export interface TestApp extends TestDb {
  app: Hono<AppEnv>;
  /** a client without a session */
  client(): TestClient;
  /** a client signed in with loginId/password (via /api/auth/login) */
  login(loginId: string, password: string): Promise<TestClient>;
}

// Tests read response bodies loosely (`body.error.code`): `any` is the test client's default on purpose.
export interface TestResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
  raw: Uint8Array;
}

export class TestClient {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(private readonly app: Hono<AppEnv>) {}

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    const init: RequestInit = { method, headers: { ...headers } };
    const h = init.headers as Record<string, string>;
    if (this.cookie) h.cookie = this.cookie;
    if (method !== "GET") {
      if (this.csrf) h["x-csrf-token"] ??= this.csrf;
      if (body instanceof FormData)
        init.body = body; // fetch sets multipart/form-data with its boundary
      else {
        h["content-type"] ??= "application/json";
        if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
      }
    }
    const response = await this.app.request(`http://localhost${path}`, init);
    const setCookie = response.headers.get("set-cookie");
    if (setCookie) {
      const [pair] = setCookie.split(";");
      this.cookie = pair.endsWith("=") ? null : pair;
    }
    const raw = new Uint8Array(await response.arrayBuffer());
    const type = response.headers.get("content-type") ?? "";
    const parsed = type.includes("application/json") ? JSON.parse(new TextDecoder().decode(raw)) : new TextDecoder().decode(raw);
    if (parsed && typeof parsed === "object" && "csrfToken" in parsed) this.csrf = (parsed as { csrfToken: string | null }).csrfToken;
    return { status: response.status, body: parsed as T, headers: response.headers, raw };
  }

  /** Uploads `bytes` as the multipart field "file". */
  upload<T = any>(path: string, name: string, bytes: Uint8Array) {
    const form = new FormData();
    form.append("file", new File([bytes as Uint8Array<ArrayBuffer>], name));
    return this.request<T>("POST", path, form);
  }
  get<T = any>(path: string) {
    return this.request<T>("GET", path);
  }
  post<T = any>(path: string, body: unknown = {}) {
    return this.request<T>("POST", path, body);
  }
  patch<T = any>(path: string, body: unknown) {
    return this.request<T>("PATCH", path, body);
  }
  put<T = any>(path: string, body: unknown) {
    return this.request<T>("PUT", path, body);
  }
  delete<T = any>(path: string) {
    return this.request<T>("DELETE", path);
  }
}

/**
 * With `jobs`, a real pg-boss queue (and its workers) runs on the test database, as in the server. `modules` replaces
 * the list of modules whose routes are served (registered first, as the server does with its list).
 */
export async function createTestApp(opts: { jobs?: boolean; modules?: readonly ModuleManifest[] } = {}): Promise<TestApp> {
  registerModules();
  for (const module of opts.modules ?? []) registerModule(module);
  const testDb = await createTestDb();
  const config = { ...loadConfig({}), logLevel: "silent", loadDemoData: false };
  const log = createLogger("silent");
  const jobs = opts.jobs ? new JobQueue(testDb.db, log, testDb.url) : null;
  await jobs?.start({ workers: true });
  const app = buildApp({ db: testDb.db, config, log, jobs }, { modules: opts.modules });
  return {
    ...testDb,
    async cleanup() {
      await jobs?.stop();
      await testDb.cleanup();
    },
    app,
    client: () => new TestClient(app),
    async login(loginId, password) {
      const client = new TestClient(app);
      const response = await client.post("/api/auth/login", { loginId, password });
      if (response.status !== 200) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
      return client;
    },
  };
}
