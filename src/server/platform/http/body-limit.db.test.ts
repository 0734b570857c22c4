// Request body limits come from each route's contract: uploads get the limit of what they take (tables 20 MB,
// documents and images 10 MB), every other route the JSON limit. The donation import's screen allows 20 MB.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRun } from "../../../common/api/platform";
import { TABLE_UPLOAD_MAX_BYTES } from "../../../common/upload-limits";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { TEST_PASSWORD } from "../../testing/factories";
import { buildLedgerCity } from "../../testing/furusato-ledger";

const MB = 1024 * 1024;
let t: TestApp;
let city: Awaited<ReturnType<typeof buildLedgerCity>>;
let manager: TestClient;

/**
 * An upload of `size` bytes that passes the upload's own checks (an .xlsx starts like a zip) and that the import job
 * then refuses at once as a broken workbook: this test is about the request's size, not about parsing.
 */
function workbookOf(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  bytes.set([0x50, 0x4b, 0x03, 0x04], 0);
  return bytes;
}

async function finished(jobId: string): Promise<JobRun> {
  for (let i = 0; i < 600; i++) {
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

describe("body limits per route", () => {
  it("finding 8: the donation import takes a 19 MB file and refuses a 21 MB one with 413", async () => {
    expect(TABLE_UPLOAD_MAX_BYTES).toBe(20 * MB);
    const path = `/api/furusato/donation-mappings/${city.mappings.generic}/imports`;
    const accepted = await manager.upload(path, "寄附_19MB.xlsx", workbookOf(19 * MB));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(accepted.body.jobId).toEqual(expect.any(String));
    const job = await finished(accepted.body.jobId); // let the job end before the database closes
    expect(job.result).toMatchObject({ ok: false }); // the import refuses the broken workbook: the upload got through

    const refused = await manager.upload(path, "寄附_21MB.xlsx", workbookOf(21 * MB));
    expect(refused.status).toBe(413);
    expect(refused.body.error.message).toBe("送信データが大きすぎます（上限 20MB）。");
  }, 240_000); // storing 19 MB in the embedded database takes a while

  it("sizes a document upload's body by the 10 MB its files may be", async () => {
    const supplierId = (await manager.get("/api/furusato/suppliers")).body.items[0].id;
    const form = new FormData();
    form.append("title", "営業許可証");
    form.append("file", new File([new Uint8Array(12 * MB)], "許可証.pdf"));
    const tooBig = await manager.request("POST", `/api/furusato/suppliers/${supplierId}/documents`, form);
    expect(tooBig.status).toBe(413);
    expect(tooBig.body.error).toMatchObject({ code: "payload_too_large", message: "送信データが大きすぎます（上限 10MB）。" });
  });

  it("keeps JSON routes at the JSON limit", async () => {
    const big = await manager.post("/api/furusato/fund-uses", { code: "BIG", name: "あ".repeat(3 * MB) }); // about 9 MB
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe("payload_too_large");
  });
});
