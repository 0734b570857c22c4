// 全国比較の参考データ uploaded in the admin screen: the files run as a job with progress, each file all or nothing,
// a refused file names its row; only administrators may upload.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp, type TestClient } from "../../../testing/app";
import { buildCity, TEST_PASSWORD } from "../../../testing/factories";
import { setFurusatoOwner } from "../access";
import { referenceFigures, referenceStatus } from "./reference";
import { surveyWorkbook } from "./survey-fixture";

let t: TestApp;
let admin: TestClient;
let editor: TestClient;

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  const city = await buildCity(t.db);
  await setFurusatoOwner(t.db, city.bureau.id);
  admin = await t.login(city.admin.loginId, TEST_PASSWORD);
  editor = await t.login(city.editor.loginId, TEST_PASSWORD);
});
afterAll(async () => t.cleanup());

function form(files: { name: string; bytes: Uint8Array }[]): FormData {
  const data = new FormData();
  for (const file of files) data.append("file", new File([file.bytes as Uint8Array<ArrayBuffer>], file.name));
  return data;
}

async function finished(client: TestClient, jobId: string) {
  for (let i = 0; i < 600; i++) {
    const job = await client.get(`/api/jobs/${jobId}`);
    if (job.body.status === "succeeded" || job.body.status === "failed") return job.body;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the load job did not finish");
}

describe("national figures without the command line", () => {
  it("loads several uploaded files as one job, each file all or nothing, and names the row of a refused file", async () => {
    const r1 = await surveyWorkbook("令和元年度", [
      ["400009", "福岡県", 0, 10, 1_000_000, 100_000],
      ["401005", "福岡県", "北九州市", 1_000, 400_000_000, 200_000_000],
    ]);
    const r2 = await surveyWorkbook(
      "令和２年度",
      [
        ["400009", "福岡県", "-", 20, 3_000_000, 300_000],
        ["401005", "福岡県", "北九州市", 2_000, 500_000_000, 250_000_000],
      ],
      6,
    );
    const broken = await surveyWorkbook("平成30年度", [
      ["400009", "福岡県", 0, 10, 1_000_000, 100_000],
      ["401005", "福岡県", "北九州市", "不明", 1_000_000, 100_000],
    ]);
    const started = await admin.request(
      "POST",
      "/api/furusato/reference/loads",
      form([
        { name: "R2_gain.xlsx", bytes: r2 },
        { name: "H30_gain.xlsx", bytes: broken },
        { name: "R1_gain.xlsx", bytes: r1 },
      ]),
    );
    expect(started.status, JSON.stringify(started.body)).toBe(200);
    const job = await finished(admin, started.body.jobId);
    expect(job.status).toBe("succeeded");
    expect(job.rejected).toBe(false);
    expect(job.progress).toBe(3);
    expect(job.total).toBe(3);
    const byName = Object.fromEntries(job.result.files.map((f: { name: string }) => [f.name, f]));
    expect(byName["R1_gain.xlsx"]).toMatchObject({ ok: true, rows: 2, fiscalYears: [2019] });
    expect(byName["R2_gain.xlsx"]).toMatchObject({ ok: true, rows: 2, fiscalYears: [2020] });
    // row 5: three header rows, the prefecture's row, then 北九州市 with words for its count
    expect(byName["H30_gain.xlsx"]).toMatchObject({
      ok: false,
      rows: 0,
      message: "H30_gain.xlsx 5行目: 寄附件数が数値ではありません（不明）。",
    });

    const status = await referenceStatus(t.db);
    expect(status.years.map((y) => y.fiscalYear)).toEqual([2019, 2020]); // nothing of the refused 2018 file
    expect(await referenceFigures(t.db, "401005", 2020)).toMatchObject({ donationCount: 2_000, donationAmount: 500_000_000 });
    const audit = await t.db.query<{ summary: string }>(
      "SELECT summary FROM audit_log WHERE entity_type = 'furusato_reference_figures' ORDER BY id",
    );
    expect(audit.rows.map((r) => r.summary)).toEqual([
      expect.stringContaining("R1_gain.xlsx、1年度、2行"),
      expect.stringContaining("R2_gain.xlsx、1年度、2行"),
    ]);

    // A year loaded again replaces only that year.
    const again = await surveyWorkbook("令和２年度", [["401005", "福岡県", "北九州市", 3_000, 600_000_000, 300_000_000]]);
    const second = await admin.request("POST", "/api/furusato/reference/loads", form([{ name: "R2_gain.xlsx", bytes: again }]));
    expect((await finished(admin, second.body.jobId)).result.ok).toBe(true);
    expect(await referenceFigures(t.db, "401005", 2020)).toMatchObject({ donationCount: 3_000 });
    expect(await referenceFigures(t.db, "400009", 2020)).toBeNull();
    expect(await referenceFigures(t.db, "401005", 2019)).toMatchObject({ donationCount: 1_000 });
  });

  it("shows a job that loaded nothing as refused, and refuses anything but .xlsx before it starts", async () => {
    const onlyBroken = await surveyWorkbook("平成30年度", [["401005", "福岡県", "北九州市", "不明", 1, 1]]);
    const started = await admin.request("POST", "/api/furusato/reference/loads", form([{ name: "H30_gain.xlsx", bytes: onlyBroken }]));
    const job = await finished(admin, started.body.jobId);
    expect(job.rejected).toBe(true);
    expect(job.result.ok).toBe(false);

    const csv = await admin.request(
      "POST",
      "/api/furusato/reference/loads",
      form([{ name: "R2.csv", bytes: new TextEncoder().encode("a,b\n1,2\n") }]),
    );
    expect(csv.status).toBe(400);
    expect(csv.body.error.message).toContain(".xlsx");
    const none = await admin.request("POST", "/api/furusato/reference/loads", new FormData());
    expect(none.status).toBe(400);
    expect(none.body.error.message).toContain("選んでください");
  });

  it("is for administrators only: the module's editors get 403", async () => {
    const r2 = await surveyWorkbook("令和２年度", [["401005", "福岡県", "北九州市", 1, 1, 1]]);
    const refused = await editor.request("POST", "/api/furusato/reference/loads", form([{ name: "R2_gain.xlsx", bytes: r2 }]));
    expect(refused.status).toBe(403);
  });
});
