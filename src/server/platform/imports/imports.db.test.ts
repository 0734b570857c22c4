import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRun } from "../../../common/api/platform";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../testing/factories";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildCity>>;
let admin: TestClient;

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  city = await buildCity(t.db);
  await t.db.query("UPDATE organisations SET code = 'city' WHERE id = $1", [city.city.id]);
  admin = await t.login(city.admin.loginId, TEST_PASSWORD);
}, 60_000);
afterAll(() => t.cleanup());

async function finished(client: TestClient, jobId: string): Promise<JobRun> {
  for (let i = 0; i < 200; i++) {
    const job = (await client.get<JobRun>(`/api/jobs/${jobId}`)).body;
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("job did not finish");
}

const sjis = (text: string) => new Uint8Array(iconv.encode(text.replace(/\n/g, "\r\n"), "cp932"));
const GOOD = "組織コード,組織名,種別,上位組織コード,表示順\nkoho,広報室,局,city,9\nkoho-kikaku,広報企画課,課,koho,1\n";

async function organisationCount(): Promise<number> {
  return (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM organisations")).rows[0].n;
}

describe("tabular import of organisations (CSV, Shift_JIS, as a job)", () => {
  it("imports a Shift_JIS CSV in one go, with progress up to the row count", async () => {
    const before = await organisationCount();
    const started = await admin.upload("/api/imports/organisations", "組織.csv", sjis(GOOD));
    expect(started.status).toBe(200);
    const job = await finished(admin, started.body.jobId);
    expect(job.status).toBe("succeeded");
    expect(job.result).toMatchObject({ ok: true, count: 2, duplicate: false });
    expect(job.progress).toBe(2);
    expect(job.total).toBe(2);
    expect(await organisationCount()).toBe(before + 2);
    const child = await t.db.query<{ parent: string }>(
      "SELECT p.name AS parent FROM organisations o JOIN organisations p ON p.id = o.parent_id WHERE o.code = 'koho-kikaku'",
    );
    expect(child.rows[0].parent).toBe("広報室");
  });

  it("recognises the same file uploaded again and changes nothing", async () => {
    const before = await organisationCount();
    const job = await finished(admin, (await admin.upload("/api/imports/organisations", "組織.csv", sjis(GOOD))).body.jobId);
    expect(job.result).toMatchObject({ ok: true, duplicate: true, count: 0 });
    expect(await organisationCount()).toBe(before);
  });

  it("imports nothing from a file with bad rows and names every bad row in a downloadable report", async () => {
    const before = await organisationCount();
    const bad = "組織コード,組織名,種別,上位組織コード\nok-1,正しい局,局,city\nbad-kind,種別違い,係,city\nno-parent,親なし課,課,missing\n";
    const job = await finished(
      admin,
      (await admin.upload("/api/imports/organisations", "bad.csv", new TextEncoder().encode(bad))).body.jobId,
    );
    expect(job.result).toMatchObject({ ok: false });
    const result = job.result as { errors: { row: number; column?: string; message: string }[]; reportFileId: string };
    expect(result.errors.map((e) => e.row)).toEqual([3]); // row validation stops before cross-row checks
    expect(result.errors[0].column).toBe("種別");
    expect(await organisationCount()).toBe(before);

    const fixedKind = bad.replace("係", "課").replace("bad-kind,種別違い,課,city", "bad-kind,種別違い,課,ok-1");
    const second = await finished(
      admin,
      (await admin.upload("/api/imports/organisations", "bad2.csv", new TextEncoder().encode(fixedKind))).body.jobId,
    );
    const secondResult = second.result as { errors: { row: number; message: string }[]; reportFileId: string };
    expect(secondResult.errors).toEqual([expect.objectContaining({ row: 4, column: "上位組織コード" })]);
    expect(await organisationCount()).toBe(before);

    const report = await admin.get(`/api/files/${secondResult.reportFileId}`);
    expect(report.status).toBe(200);
    expect(String(report.body)).toContain("行,列,内容");
    expect(String(report.body)).toContain("上位組織コード missing が見つかりません");
  });

  it("refuses files that are not tables, before storing them", async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
    expect((await admin.upload("/api/imports/organisations", "image.csv", png)).status).toBe(400);
    expect((await admin.upload("/api/imports/organisations", "tool.exe", new TextEncoder().encode("MZ"))).status).toBe(400);
    expect(
      (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM files WHERE name IN ('image.csv', 'tool.exe')")).rows[0].n,
    ).toBe(0);
  });

  it("lets only permitted roles import, see the template, or download someone else's report", async () => {
    const editor = await t.login(city.editor.loginId, TEST_PASSWORD);
    expect((await editor.upload("/api/imports/organisations", "組織.csv", sjis(GOOD))).status).toBe(403);
    // An editor may import other kinds (a module's own), but not organisations.
    expect((await editor.get("/api/imports")).body.items.map((k: { kind: string }) => k.kind)).not.toContain("organisations");
    const template = await admin.get("/api/imports/organisations/template");
    expect(template.status).toBe(200);
    expect(template.headers.get("content-disposition")).toMatch(/attachment/);
    expect(
      String(template.body)
        .replace(/^\uFEFF/, "")
        .trim(),
    ).toBe("組織コード,組織名,種別,上位組織コード,表示順");
  });
});
