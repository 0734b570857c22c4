// The round report over HTTP: staff download it as PDF or Excel (audited); the public gets it only once the round is
// published; an external login that is not on the experts' council gets nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDemoDataIfEmpty } from "../../demo";
import { createLogger } from "../../platform/logger";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { extractPdfText } from "../../testing/pdf-text";

let t: TestApp;
let viewer: TestClient;
let outsider: TestClient;
let rounds: { id: string; status: string; name: string }[];

beforeAll(async () => {
  t = await createTestApp();
  await loadDemoDataIfEmpty(t.db, createLogger("silent"));
  const city = await t.db.query<{ id: string }>("SELECT id FROM organisations WHERE code = 'seisaku'");
  const staff = await buildUser(t.db, { role: "viewer", organisationId: city.rows[0].id });
  const external = await buildOrganisation(t.db, { name: "外部の会社", kind: "external" });
  const partner = await buildUser(t.db, { role: "partner", organisationId: external.id });
  viewer = await t.login(staff.loginId, TEST_PASSWORD);
  outsider = await t.login(partner.loginId, TEST_PASSWORD);
  const { rows } = await t.db.query<{ id: string; status: string; name: string }>(
    "SELECT id, status, name FROM vision_rounds ORDER BY fiscal_year",
  );
  rounds = rows;
}, 90_000);
afterAll(() => t.cleanup());

describe("the round report (KPI達成状況)", () => {
  it("gives staff the PDF with the round's name and strategies, and the Excel file, and audits the download", async () => {
    const round = rounds[0];
    const pdf = await viewer.get(`/api/vision/rounds/${round.id}/report?format=pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toContain("application/pdf");
    const text = await extractPdfText(pdf.raw);
    expect(text).toContain("KPI達成状況");
    expect(text).toContain(round.name);
    for (const strategy of ["稼げるまち", "彩りあるまち", "安らぐまち"]) expect(text).toContain(strategy);
    const xlsx = await viewer.get(`/api/vision/rounds/${round.id}/report?format=xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-disposition")).toContain("attachment");
    const audit = await t.db.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'vision_round' AND action = 'download'",
    );
    expect(audit.rows[0].n).toBe(2);
  });

  it("publishes only published rounds to the public, and keeps other external logins out", async () => {
    const published = rounds.find((r) => r.status === "published");
    const open = rounds.find((r) => r.status === "open");
    if (!published || !open) throw new Error("the demo has a published and an open round");
    expect((await t.client().get(`/api/public/vision/rounds/${published.id}/report`)).status).toBe(200);
    expect((await t.client().get(`/api/public/vision/rounds/${open.id}/report`)).status).toBe(404);
    expect((await outsider.get(`/api/vision/rounds/${published.id}/report`)).status).toBe(403);
  });
});
