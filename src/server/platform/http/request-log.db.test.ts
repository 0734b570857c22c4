// The request log says why a request was refused (ASVS 16.3.3), so that attempts can be told from mistakes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../app";
import { loadConfig } from "../../config";
import { registerModules } from "../../modules";
import { createTestDb, type TestDb } from "../../testing/db";
import { createLogger } from "../logger";

let t: TestDb;
const lines: Record<string, unknown>[] = [];
let app: ReturnType<typeof buildApp>;
beforeAll(async () => {
  registerModules();
  t = await createTestDb();
  const log = createLogger("info", { write: (line: string) => lines.push(JSON.parse(line)) });
  app = buildApp({ db: t.db, config: { ...loadConfig({}), loadDemoData: false }, log, jobs: null });
}, 120_000);
afterAll(() => t.cleanup());

const requestLine = (path: string) => lines.filter((l) => l.msg === "request" && l.path === path).at(-1);

describe("request log", () => {
  it("records the error code of a refused request next to its status", async () => {
    const crossSite = await app.request("http://localhost/api/auth/login", {
      method: "POST",
      headers: { "content-type": "application/json", origin: "https://evil.example" },
      body: JSON.stringify({ loginId: "someone", password: "x" }),
    });
    expect(crossSite.status).toBe(403);
    expect(requestLine("/api/auth/login")).toMatchObject({ status: 403, errorCode: "cross_origin" });

    const anonymous = await app.request("http://localhost/api/admin/users");
    expect(anonymous.status).toBe(401);
    expect(requestLine("/api/admin/users")).toMatchObject({ status: 401, errorCode: "unauthenticated" });
  });

  it("leaves the code out of the line of a request that succeeded", async () => {
    expect((await app.request("http://localhost/api/health")).status).toBe(200);
    expect(requestLine("/api/health")).not.toHaveProperty("errorCode");
  });
});
