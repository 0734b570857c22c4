// A portal's file imported under another portal's 取込設定 is rejected: the job says so (not 完了 like a landed file),
// and the message names each missing column once.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRun } from "../../../../common/api/platform";
import { createTestApp, type TestApp, type TestClient } from "../../../testing/app";
import { TEST_PASSWORD } from "../../../testing/factories";
import { buildLedgerCity } from "../../../testing/furusato-ledger";
import { sampleFilePath } from "./sample-files";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildLedgerCity>>;
let manager: TestClient;

async function finished(jobId: string): Promise<JobRun> {
  for (let i = 0; i < 300; i++) {
    const job = (await manager.get<JobRun>(`/api/jobs/${jobId}`)).body;
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("job did not finish");
}

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  city = await buildLedgerCity(t.db);
  manager = await t.login(city.editor.loginId, TEST_PASSWORD);
}, 90_000);
afterAll(() => t.cleanup());

describe("a donation file under the wrong 取込設定", () => {
  it("ends as rejected, not as a plain success, and names each missing column once", async () => {
    const started = await manager.upload(
      `/api/furusato/donation-mappings/${city.mappings.generic}/imports`,
      "楽天.csv",
      new Uint8Array(readFileSync(sampleFilePath("rakuten-order"))),
    );
    expect(started.status).toBe(200);
    const job = await finished(started.body.jobId);
    expect(job.result).toMatchObject({ ok: false });
    expect(job.rejected).toBe(true);
    expect(job.message).toContain("取り込みませんでした");
    const result = job.result as { errors: { row: number; message: string }[] };
    expect(result.errors).toHaveLength(1);
    const message = result.errors[0].message;
    expect(message).toMatch(/^取込設定の\d+列がファイルにありません: /);
    // Each entry is 「heading」 or 「heading」（field）: no name may be given twice, within an entry or across entries.
    const list = message.slice(message.indexOf(": ") + 2, message.lastIndexOf("。取込設定か"));
    const names = list.split("、").flatMap((entry) => [...entry.matchAll(/[「（]([^」）]+)[」）]/g)].map((m) => m[1]));
    expect(names).toContain("寄附金額");
    expect(names).toContain("受付番号");
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(message).toContain(`取込設定の${list.split("、").length}列がファイルにありません`);
  });
});
