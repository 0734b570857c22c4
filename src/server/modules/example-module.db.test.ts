// Issue 13: a new module is one folder (src/server/testing/example-module/) and one line in the list of modules. This
// test adds that line (createTestApp's `modules`, the same list the server loops over), uses every part of the
// manifest — routes, a job, sample data, backup, search and the 409 for a duplicate — and takes the module away again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoDataIfEmpty } from "../demo";
import { backupTables, createBackup } from "../platform/backup/backup";
import { conflictOfUniqueViolation, UNIQUE_FALLBACK_MESSAGE } from "../platform/http/db-errors";
import { getJobRun, registeredJobKinds } from "../platform/jobs/jobs";
import { createLogger } from "../platform/logger";
import { searchModules } from "../platform/search/search";
import { createTestApp, type TestApp } from "../testing/app";
import { createTestDb } from "../testing/db";
import { COUNT_NOTES_JOB, EXAMPLE_NOTES_DDL, exampleModule } from "../testing/example-module";
import { buildCity, TEST_PASSWORD } from "../testing/factories";
import { MODULES, registerModule } from ".";

let t: TestApp;
const withExample = [...MODULES, exampleModule];

beforeAll(async () => {
  t = await createTestApp({ jobs: true, modules: withExample });
  await t.db.query(EXAMPLE_NOTES_DDL);
}, 120_000);
afterAll(() => t?.cleanup());

async function finished(jobId: string) {
  for (let i = 0; i < 300; i++) {
    const run = await getJobRun(t.db, jobId);
    if (run.status === "succeeded" || run.status === "failed") return run;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("job did not finish");
}

describe("issue 13: a module added by one folder and one line", () => {
  it("loads its sample data after the sample organisations, in list order", async () => {
    const fresh = await createTestDb();
    try {
      await fresh.db.query(EXAMPLE_NOTES_DDL);
      expect(await loadDemoDataIfEmpty(fresh.db, createLogger("silent"), [exampleModule])).toBe(true);
      const { rows } = await fresh.db.query("SELECT title, is_sample FROM example_notes");
      expect(rows).toEqual([{ title: "サンプルのメモ", is_sample: true }]);
    } finally {
      await fresh.cleanup();
    }
  });

  it("serves its routes with their audiences, runs its job and indexes its records for search", async () => {
    const city = await buildCity(t.db);
    const editor = await t.login(city.editor.loginId, TEST_PASSWORD);
    const partner = await t.login(city.partner.loginId, TEST_PASSWORD);
    expect((await partner.get("/api/example/notes")).status).toBe(403);
    expect((await editor.post("/api/example/notes", { title: "" })).body.error.fields.title).toBe("題名を入力してください。");

    const added = await editor.post("/api/example/notes", { title: "横串の打合せメモ" });
    expect(added.status).toBe(200);
    expect((await editor.get("/api/example/notes")).body.items.map((n: { title: string }) => n.title)).toEqual(["横串の打合せメモ"]);
    const duplicate = await editor.post("/api/example/notes", { title: "横串の打合せメモ" });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.fields).toEqual({ title: "この題名はすでに使われています。" });
    const run = await finished(added.body.jobId);
    expect(run).toMatchObject({ status: "succeeded", result: { notes: 1 } });

    const hits = await editor.get("/api/search?q=打合せ");
    expect(hits.body.items.map((hit: { title: string }) => hit.title)).toContain("横串の打合せメモ");
    expect(searchModules().map((m) => m.module)).toContain("example");
    expect(registeredJobKinds()).toContain(COUNT_NOTES_JOB);
  });

  it("is part of the backup, after the platform's and the other modules' tables", async () => {
    expect(backupTables().at(-1)).toBe("example_notes");
    const backup = await createBackup(t.db);
    expect(backup.length).toBeGreaterThan(0);
  });

  it("is gone again once removed: no search module, no backup table, no job kind, no routes in an app without it", async () => {
    const remove = registerModule(exampleModule); // the handle of the registration createTestApp made
    remove();
    expect(searchModules().map((m) => m.module)).not.toContain("example");
    expect(backupTables()).not.toContain("example_notes");
    expect(registeredJobKinds()).not.toContain(COUNT_NOTES_JOB);
    const duplicateTitle = Object.assign(new Error("dup"), { code: "23505", constraint: "example_notes_title_key" });
    expect(conflictOfUniqueViolation(duplicateTitle)?.message).toBe(UNIQUE_FALLBACK_MESSAGE);
    const without = await createTestApp();
    try {
      const city = await buildCity(without.db);
      const editor = await without.login(city.editor.loginId, TEST_PASSWORD);
      expect((await editor.get("/api/example/notes")).status).toBe(404);
    } finally {
      await without.cleanup();
    }
  });
});
