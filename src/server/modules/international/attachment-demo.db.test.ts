// The sample attachments: a poster on the 大連市 anniversary project and a photo on its ceremony trip's report, both
// real PNGs named （サンプル）, listed where a reader of the record finds them.
import { afterAll, beforeAll, expect, it } from "vitest";
import { checkImageUpload } from "../../platform/files/files";
import { createTestApp, type TestApp } from "../../testing/app";
import { buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { loadAttachmentDemo } from "./attachment-demo";

let t: TestApp;
let projectId: string;
let tripId: string;
let loginId: string;

beforeAll(async () => {
  t = await createTestApp();
  const division = await buildOrganisation(t.db, { name: "国際政策課", kind: "division" });
  loginId = (await buildUser(t.db, { role: "editor", organisationId: division.id })).loginId;
  const field = await t.db.query<{ id: string }>("INSERT INTO international_fields (name) VALUES ('国際交流') RETURNING id");
  projectId = (
    await t.db.query<{ id: string }>(
      `INSERT INTO international_projects (name, owner_organisation_id, field_id, status, first_fiscal_year, is_sample)
       VALUES ('大連市友好都市締結45周年記念事業', $1, $2, 'ended', 2024, true) RETURNING id`,
      [division.id, field.rows[0].id],
    )
  ).rows[0].id;
  tripId = (
    await t.db.query<{ id: string }>(
      `INSERT INTO international_trips (title, owner_organisation_id, departs_on, returns_on, report_due_on, status, is_sample)
       VALUES ('大連市友好都市締結45周年記念式典への訪問', $1, '2024-10-14', '2024-10-17', '2024-11-15', 'completed', true) RETURNING id`,
      [division.id],
    )
  ).rows[0].id;
}, 120_000);
afterAll(() => t.cleanup());

it("puts a sample poster on the project and a sample photo on the trip's report", async () => {
  await loadAttachmentDemo(t.db);
  const client = await t.login(loginId, TEST_PASSWORD);
  const project = await client.get(`/api/international/projects/${projectId}/attachments`);
  expect(project.body.items.map((f: { name: string }) => f.name)).toEqual(["記念事業ポスター（サンプル）.png"]);
  const trip = await client.get(`/api/international/trips/${tripId}/attachments`);
  expect(trip.body.items).toEqual([]);
  expect(trip.body.reportItems.map((f: { name: string }) => f.name)).toEqual(["記念式典の写真（サンプル）.png"]);
  expect(trip.body.canEditReport).toBe(false);
  for (const [path, file] of [
    [`projects/${projectId}`, project.body.items[0]],
    [`trips/${tripId}`, trip.body.reportItems[0]],
  ]) {
    const down = await client.get(`/api/international/${path}/attachments/${file.id}`);
    expect(down.status).toBe(200);
    expect(checkImageUpload(file.name, down.raw)).toBe("image/png");
    expect(down.raw.length).toBeLessThan(8_000);
  }
});
