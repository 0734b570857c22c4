// The ledger over HTTP: who sees donors' personal data (managers, on request, audited), who may import and map,
// and that an import through the API (a job) followed by the one-click mapping of an unknown value lands the file.
import { readFileSync } from "node:fs";
import iconv from "iconv-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRun } from "../../../../common/api/platform";
import { createTestApp, type TestApp, type TestClient } from "../../../testing/app";
import { buildUser, TEST_PASSWORD } from "../../../testing/factories";
import { buildLedgerCity } from "../../../testing/furusato-ledger";
import { sampleFilePath } from "./sample-files";

let t: TestApp;
let city: Awaited<ReturnType<typeof buildLedgerCity>>;
let manager: TestClient;
/** a viewer of another bureau (財政局): totals only, never donors' records (issue 11, finding 13) */
let viewer: TestClient;
/** a viewer of the bureau that runs ふるさと納税: donors' records, without a manager's rights */
let donorViewer: TestClient;
let partner: TestClient;

async function finished(client: TestClient, jobId: string): Promise<JobRun> {
  for (let i = 0; i < 300; i++) {
    const job = (await client.get<JobRun>(`/api/jobs/${jobId}`)).body;
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("job did not finish");
}

async function auditCount(action: string): Promise<number> {
  return (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE action = $1", [action])).rows[0].n;
}

beforeAll(async () => {
  t = await createTestApp({ jobs: true });
  city = await buildLedgerCity(t.db);
  manager = await t.login(city.editor.loginId, TEST_PASSWORD);
  viewer = await t.login(city.viewer.loginId, TEST_PASSWORD);
  donorViewer = await t.login((await buildUser(t.db, { role: "viewer", organisationId: city.division.id })).loginId, TEST_PASSWORD);
  partner = await t.login(city.partner.loginId, TEST_PASSWORD);
  const started = await manager.upload(
    `/api/furusato/donation-mappings/${city.mappings.rakuten}/imports`,
    "楽天.csv",
    new Uint8Array(readFileSync(sampleFilePath("rakuten-order"))),
  );
  expect(started.status).toBe(200);
  const job = await finished(manager, started.body.jobId);
  expect(job.result).toMatchObject({ ok: true, created: 40 });
}, 90_000);
afterAll(() => t.cleanup());

describe("donation ledger over HTTP", () => {
  it("shows staff a masked list; a manager reveals names on request, and that look is audited", async () => {
    expect((await viewer.get("/api/furusato/donations?pageSize=5&sort=orderNumber")).status).toBe(403);
    const masked = await donorViewer.get("/api/furusato/donations?pageSize=5&sort=orderNumber");
    expect(masked.status).toBe(200);
    expect(masked.body.total).toBe(40);
    expect(masked.body.canReveal).toBe(false);
    for (const item of masked.body.items) expect(item.donorName).toMatch(/^\S+ \*\*$/);
    expect((await donorViewer.get("/api/furusato/donations?reveal=true")).status).toBe(403);

    const before = await auditCount("view_personal");
    const revealed = await manager.get("/api/furusato/donations?pageSize=5&sort=orderNumber&reveal=true");
    expect(revealed.body.revealed).toBe(true);
    expect(revealed.body.items[0].donorName).not.toContain("**");
    expect(await auditCount("view_personal")).toBe(before + 1);
    // The audit row says how many, never who.
    const { rows } = await t.db.query<{ summary: string; after: unknown }>(
      "SELECT summary, after FROM audit_log WHERE action = 'view_personal' ORDER BY id DESC LIMIT 1",
    );
    expect(rows[0].summary).not.toContain(revealed.body.items[0].donorName);
  });

  it("gives the donor's details to managers only; other staff get the donation without them", async () => {
    const list = await donorViewer.get("/api/furusato/donations?pageSize=1&sort=orderNumber");
    const id = list.body.items[0].id;
    expect((await viewer.get(`/api/furusato/donations/${id}`)).status).toBe(403);
    const forViewer = await donorViewer.get(`/api/furusato/donations/${id}`);
    expect(forViewer.status).toBe(200);
    expect(forViewer.body.donor).toBeNull();
    expect(forViewer.headers.get("cache-control")).toBe("no-store");
    const forManager = await manager.get(`/api/furusato/donations/${id}`);
    expect(forManager.body.donor.address).toMatch(/^(東京都|大阪府|神奈川県|愛知県|福岡県)/);
    expect(forManager.body.items.length).toBeGreaterThan(0);
  });

  it("keeps suppliers out of the ledger", async () => {
    expect((await partner.get("/api/furusato/donations")).status).toBe(403);
    expect((await partner.get("/api/furusato/donation-mappings")).status).toBe(403);
  });

  it("exports with personal data only for managers, as CP932, and audits the export", async () => {
    expect((await viewer.get("/api/furusato/donations/export?personal=true")).status).toBe(403);
    const before = await auditCount("export_personal");
    const csv = await manager.get("/api/furusato/donations/export?personal=true");
    expect(csv.status).toBe(200);
    const text = iconv.decode(Buffer.from(csv.raw), "cp932");
    expect(text.split("\r\n")[0]).toContain("寄附者氏名");
    expect(text.trim().split("\r\n")).toHaveLength(41);
    expect(await auditCount("export_personal")).toBe(before + 1);
    expect((await viewer.get("/api/furusato/donations/export?format=xlsx")).status).toBe(403);
    const plain = await donorViewer.get("/api/furusato/donations/export?format=xlsx");
    expect(plain.status).toBe(200);
    expect(plain.headers.get("content-disposition")).toContain("attachment");
  });

  it("lets only managers import; an unknown value is mapped in one click and the same file then lands", async () => {
    const header = readFileSync(sampleFilePath("generic"), "utf8")
      .replace(/^\uFEFF/, "")
      .split(/\r?\n/)[0];
    const line =
      "WEB-1,2026/11/02,2026/11/02,PayPay,19000,入金済み,市長におまかせ,希望しない,不可,見本 花子,,,東京都千代田区,,,,,,,,KMF001,1";
    const file = new TextEncoder().encode(`${header}\r\n${line}\r\n`);
    const path = `/api/furusato/donation-mappings/${city.mappings.generic}/imports`;
    expect((await viewer.upload(path, "web.csv", file)).status).toBe(403);

    const first = await finished(manager, (await manager.upload(path, "web.csv", file)).body.jobId);
    expect(first.result).toMatchObject({ ok: false, unknownValues: [{ field: "paymentMethod", value: "PayPay", count: 1, firstRow: 2 }] });
    const mapped = await manager.post(`/api/furusato/donation-mappings/${city.mappings.generic}/value-map`, {
      field: "paymentMethod",
      value: "PayPay",
      target: "その他",
    });
    expect(mapped.status).toBe(200);
    expect(mapped.body.config.valueMaps.paymentMethod.PayPay).toBe("その他");
    const bad = await manager.post(`/api/furusato/donation-mappings/${city.mappings.generic}/value-map`, {
      field: "paymentMethod",
      value: "X",
      target: "現金書留",
    });
    expect(bad.status).toBe(400);

    const second = await finished(manager, (await manager.upload(path, "web.csv", file)).body.jobId);
    expect(second.result).toMatchObject({ ok: true, created: 1 });
    const history = await viewer.get("/api/furusato/donation-imports");
    expect(history.body.items.map((i: { fileName: string }) => i.fileName)).toEqual(["web.csv", "楽天.csv"]);
  });

  it("creates a mapping from a shipped one and refuses a stale save", async () => {
    const created = await manager.post("/api/furusato/donation-mappings", {
      portalCode: "ledghome",
      name: "LedgHOME 取込",
      shipped: "generic",
    });
    expect(created.status).toBe(200);
    const { id, version, config } = created.body;
    expect((await manager.put(`/api/furusato/donation-mappings/${id}`, { name: "LedgHOME 取込", config, version })).status).toBe(200);
    const stale = await manager.put(`/api/furusato/donation-mappings/${id}`, { name: "LedgHOME 取込", config, version });
    expect(stale.status).toBe(409);
    const missing = await manager.put(`/api/furusato/donation-mappings/${id}`, {
      name: "x",
      config: { ...config, columns: { orderNumber: ["番号"] } },
      version: version + 1,
    });
    expect(missing.status).toBe(400);
  });
});

describe("furusato settings", () => {
  it("shows the defaults, lets a manager change them (audited), and refuses others and bad values", async () => {
    const initial = await viewer.get("/api/furusato/settings");
    expect(initial.body).toMatchObject({
      donorRetentionYears: 5,
      shippingLeadDays: 14,
      cityName: "北九州市",
      bodyCode: "401005",
      canEdit: false,
    });
    const { canEdit: _, ...values } = initial.body;
    expect((await viewer.put("/api/furusato/settings", { ...values, donorRetentionYears: 7 })).status).toBe(403);
    expect((await manager.put("/api/furusato/settings", { ...values, bodyCode: "40100" })).status).toBe(400);
    const saved = await manager.put("/api/furusato/settings", { ...values, donorRetentionYears: 7, shippingLeadDays: 10 });
    expect(saved.status).toBe(200);
    expect((await viewer.get("/api/furusato/settings")).body).toMatchObject({ donorRetentionYears: 7, shippingLeadDays: 10 });
    const { rows } = await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'furusato_settings'");
    expect(rows[0].n).toBe(1);
  });
});
