// Two server processes against one PostgreSQL database: the server keeps no state in memory that matters.
// A session made on one is valid on the other, and a job enqueued once runs exactly once although both take jobs.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "./paths";
import { createTestDb, type TestDb, testDbKind } from "./testing/db";
import { buildCity, TEST_PASSWORD } from "./testing/factories";

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as { port: number };
  server.close();
  return port;
}

interface ServerProcess {
  base: string;
  child: ChildProcess;
  output: string[];
}

async function startProcess(databaseUrl: string): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", path.join(projectRoot, "src/cli/main.ts"), "serve"], {
    cwd: projectRoot,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn", DEMO_DATA: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  child.stdout?.on("data", (chunk) => output.push(String(chunk)));
  child.stderr?.on("data", (chunk) => output.push(String(chunk)));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${output.join("")}`);
    try {
      if ((await fetch(`${base}/api/health`)).ok) return { base, child, output };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGKILL");
  throw new Error(`server did not start: ${output.join("")}`);
}

async function stopProcess(server: ServerProcess | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null) return;
  server.child.kill("SIGTERM");
  await Promise.race([once(server.child, "exit"), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
}

describe.runIf(testDbKind() === "postgres")("two server processes on one PostgreSQL database", () => {
  let testDb: TestDb;
  let city: Awaited<ReturnType<typeof buildCity>>;
  let first: ServerProcess;
  let second: ServerProcess;

  beforeAll(async () => {
    testDb = await createTestDb();
    city = await buildCity(testDb.db);
    [first, second] = await Promise.all([startProcess(testDb.url!), startProcess(testDb.url!)]);
  }, 120_000);

  afterAll(async () => {
    await Promise.all([stopProcess(first), stopProcess(second)]);
    await testDb?.cleanup();
  }, 60_000);

  it("accepts on one process a session (and its CSRF token) made on the other", async () => {
    const login = await fetch(`${first.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ loginId: city.admin.loginId, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    const session = await fetch(`${second.base}/api/auth/session`, { headers: { cookie } });
    expect(((await session.json()) as { user: { loginId: string } | null }).user?.loginId).toBe(city.admin.loginId);

    const write = await fetch(`${second.base}/api/admin/organisations`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "x-csrf-token": csrfToken },
      body: JSON.stringify({ parentId: city.city.id, kind: "bureau", name: "二台目で作った局" }),
    });
    expect(write.status).toBe(200);

    // Logging out on the second process ends the session on the first.
    const logout = await fetch(`${second.base}/api/auth/logout`, {
      method: "POST",
      headers: { cookie, "content-type": "application/json", "x-csrf-token": csrfToken },
      body: "{}",
    });
    expect(logout.status).toBe(200);
    const after = await fetch(`${first.base}/api/auth/session`, { headers: { cookie } });
    expect(((await after.json()) as { user: unknown }).user).toBeNull();
  });

  it("runs a job enqueued once exactly once, although both processes take jobs", async () => {
    const login = await fetch(`${second.base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ loginId: city.admin.loginId, password: TEST_PASSWORD }),
    });
    const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0];
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { cookie, "content-type": "application/json", "x-csrf-token": csrfToken };

    const jobIds: string[] = [];
    for (let i = 0; i < 6; i++) {
      const base = i % 2 === 0 ? first.base : second.base;
      const response = await fetch(`${base}/api/admin/search/reindex`, { method: "POST", headers, body: "{}" });
      expect(
        response.status,
        `${response.status} ${await response.clone().text()}\n${(i % 2 === 0 ? first : second).output.join("")}`,
      ).toBe(200);
      jobIds.push(((await response.json()) as { jobId: string }).jobId);
    }

    const deadline = Date.now() + 60_000;
    let rows: { id: string; status: string; attempts: number; worker: string | null }[] = [];
    while (Date.now() < deadline) {
      ({ rows } = await testDb.db.query<{ id: string; status: string; attempts: number; worker: string | null }>(
        "SELECT id, status, attempts, worker FROM job_runs WHERE id = ANY($1::uuid[])",
        [jobIds],
      ));
      if (rows.length === jobIds.length && rows.every((row) => row.status === "succeeded")) break;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(rows).toHaveLength(jobIds.length);
    for (const row of rows) {
      expect(row.status).toBe("succeeded");
      expect(row.attempts).toBe(1);
    }
    // pg-boss completed each job once as well.
    const completed = await testDb.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM pgboss.job WHERE id = ANY($1::uuid[]) AND state = 'completed'",
      [jobIds],
    );
    expect(completed.rows[0].n).toBe(jobIds.length);

    const progress = await fetch(`${first.base}/api/jobs/${jobIds[0]}`, { headers: { cookie } });
    expect(((await progress.json()) as { status: string }).status).toBe("succeeded");
  }, 90_000);
});
