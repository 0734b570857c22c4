// 証拠書類 over HTTP and the file rule: the company attaches files to its draft (for a check item or the whole
// application), downloads them byte for byte and deletes them; a wrong type, an item of another round and the 21st
// file are refused in Japanese; no changes once submitted; another company gets 404; the bureau's staff read the files,
// a 審査員 only while the application is in review, another company's login never.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Principal } from "../../platform/auth/permissions";
import { readFileMeta } from "../../platform/files/files";
import { mayReadFile } from "../../platform/files/owners";
import { buildOrganisation, buildUser } from "../../testing/factories";
import { buildCompanyWorld, type CompanyWorld } from "./company.fixture";
import { sdgsFileOwners } from "./evidence-service";

let w: CompanyWorld;
let app: any;
beforeAll(async () => {
  w = await buildCompanyWorld();
  const created = await w.company.post("/api/sdgs/company/applications", { roundId: w.openRoundId, kind: "new" });
  app = (await w.company.get(`/api/sdgs/company/applications/${created.body.id}`)).body;
}, 180_000);
afterAll(() => w?.t.cleanup());

const pdf = (marker: string) => new TextEncoder().encode(`%PDF-1.4\n% ${marker}\n%%EOF\n`);
const base = () => `/api/sdgs/company/applications/${app.id}/evidence`;

async function principal(userId: string): Promise<Principal> {
  const { rows } = await w.t.db.query<{ id: string; role: string; organisation_id: string }>(
    "SELECT id, role, organisation_id FROM users WHERE id = $1",
    [userId],
  );
  return { id: rows[0].id, role: rows[0].role, organisationId: rows[0].organisation_id } as unknown as Principal;
}

describe("evidence files", () => {
  let fileId: string;

  it("attaches a file to a check item and one to the whole application, audited", async () => {
    const item = app.domains[0].items[0];
    const r = await w.company.upload(`${base()}?itemId=${item.id}`, "環境方針.pdf", pdf("policy"));
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.items).toHaveLength(1);
    expect(r.body.items[0]).toMatchObject({
      name: "環境方針.pdf",
      itemId: item.id,
      mimeType: "application/pdf",
      uploaderName: "申請 花子",
    });
    expect(r.body.canEdit).toBe(true);
    fileId = r.body.items[0].id;
    const whole = await w.company.upload(base(), "会社案内.pdf", pdf("brochure"));
    expect(whole.body.items[1]).toMatchObject({ name: "会社案内.pdf", itemId: null });
    const detail = (await w.company.get(`/api/sdgs/company/applications/${app.id}`)).body;
    expect(detail.evidence.map((f: { name: string }) => f.name)).toEqual(["環境方針.pdf", "会社案内.pdf"]);
    const audit = await w.t.db.query("SELECT 1 FROM audit_log WHERE action = 'attach_file' AND entity_type = 'sdgs_evidence'");
    expect(audit.rowCount).toBe(2);
    const link = await w.t.db.query<{ application_id: string; item_id: string }>(
      "SELECT application_id, item_id FROM sdgs_application_evidence WHERE file_id = $1",
      [fileId],
    );
    expect(link.rows[0]).toEqual({ application_id: app.id, item_id: item.id });
  });

  it("downloads the file byte for byte; another company gets 404", async () => {
    const r = await w.company.get(`${base()}/${fileId}`);
    expect(r.status).toBe(200);
    expect(new TextDecoder().decode(r.raw)).toBe(new TextDecoder().decode(pdf("policy")));
    expect(r.headers.get("content-disposition")).toContain("attachment");
    expect((await w.other.get(`${base()}/${fileId}`)).status).toBe(404);
    expect((await w.other.get(`/api/sdgs/company/applications/${w.otherApplicationId}/evidence/${fileId}`)).status).toBe(404);
    expect((await w.other.delete(`${base()}/${fileId}`)).status).toBe(404);
  });

  it("refuses a wrong type, an item of another round, and more than 20 files, in Japanese", async () => {
    const html = await w.company.upload(base(), "page.pdf", new TextEncoder().encode("<html><script>alert(1)</script></html>"));
    expect(html.status).toBe(400);
    expect(html.body.error.message).toMatch(/PDF|形式/);
    const otherItem = (await w.t.db.query<{ id: string }>("SELECT id FROM sdgs_check_items WHERE round_id = $1 LIMIT 1", [w.closedRoundId]))
      .rows[0].id;
    const wrongItem = await w.company.upload(`${base()}?itemId=${otherItem}`, "x.pdf", pdf("x"));
    expect(wrongItem.status).toBe(400);
    expect(wrongItem.body.error.message).toContain("この募集回にないチェック項目");
    for (let n = 3; n <= 20; n++) expect((await w.company.upload(base(), `資料${n}.pdf`, pdf(`n${n}`))).status).toBe(200);
    const full = await w.company.upload(base(), "21.pdf", pdf("21"));
    expect(full.status).toBe(400);
    expect(full.body.error.message).toContain("20件まで");
  });

  it("deletes a file (the link goes with it), audited", async () => {
    const r = await w.company.delete(`${base()}/${fileId}`);
    expect(r.status).toBe(200);
    expect(r.body.items.some((f: { id: string }) => f.id === fileId)).toBe(false);
    expect((await w.t.db.query("SELECT 1 FROM sdgs_application_evidence WHERE file_id = $1", [fileId])).rowCount).toBe(0);
    expect((await w.company.get(`${base()}/${fileId}`)).status).toBe(404);
    expect((await w.t.db.query("SELECT 1 FROM audit_log WHERE action = 'remove_file' AND entity_id = $1", [fileId])).rowCount).toBe(1);
  });

  it("the file rule: the company and staff read; a reviewer only in review; another company never", async () => {
    const list = (await w.company.get(`/api/sdgs/company/applications/${app.id}`)).body.evidence;
    const file = await readFileMeta(w.t.db, list[0].id);
    expect(file.organisationId).toBe(w.companyOrgId);
    const owner = await principal(w.companyUserId);
    const viewer = await principal(w.viewerUserId);
    const otherLogin = (
      await w.t.db.query<{ id: string }>(
        "SELECT u.id FROM users u JOIN sdgs_companies c ON c.organisation_id = u.organisation_id WHERE c.id = $1",
        [w.otherCompanyId],
      )
    ).rows[0].id;
    expect(await mayReadFile(w.t.db, owner, file)).toBe(true);
    expect(await mayReadFile(w.t.db, viewer, file)).toBe(true);
    expect(await mayReadFile(w.t.db, await principal(otherLogin), file)).toBe(false);
    // an outside 審査員 (a partner login registered in sdgs_reviewers): the module's rule admits them only while the
    // application is in review (書類審査・ヒアリング, 審査会待ち)
    const reviewerOrg = await buildOrganisation(w.t.db, { name: "審査員の所属", kind: "external" });
    const reviewer = await buildUser(w.t.db, { role: "partner", organisationId: reviewerOrg.id });
    await w.t.db.query("INSERT INTO sdgs_reviewers (user_id, affiliation) VALUES ($1, '大学')", [reviewer.id]);
    const rule = sdgsFileOwners[0].rule;
    expect(await rule.canRead(w.t.db, await principal(reviewer.id), file)).toBe(false);
    await w.t.db.query("UPDATE sdgs_applications SET status = 'review' WHERE id = $1", [app.id]);
    expect(await rule.canRead(w.t.db, await principal(reviewer.id), file)).toBe(true);
    expect(await rule.canRead(w.t.db, await principal(otherLogin), file)).toBe(false);
    await w.t.db.query("UPDATE sdgs_applications SET status = 'draft' WHERE id = $1", [app.id]);
  });

  it("no changes once submitted", async () => {
    await w.t.db.query("UPDATE sdgs_applications SET status = 'submitted' WHERE id = $1", [app.id]);
    const list = (await w.company.get(`/api/sdgs/company/applications/${app.id}`)).body.evidence;
    const add = await w.company.upload(base(), "late.pdf", pdf("late"));
    expect(add.status).toBe(409);
    const remove = await w.company.delete(`${base()}/${list[0].id}`);
    expect(remove.status).toBe(409);
    expect((await w.company.get(`${base()}/${list[0].id}`)).status).toBe(200);
  });
});
