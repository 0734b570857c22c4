// 添付資料 over HTTP: a division attaches files to its project and trip (and its report), every reader lists and
// downloads them byte for byte, another division's editor can neither add nor delete, a trip's files do not exist for
// those who may not read the trip, a file id of another record is "not found", a wrong type is refused in Japanese,
// uploads and deletes are audited, and a deleted record takes its files with it.
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_ACTOR } from "../../platform/audit/audit";
import { createTestApp, type TestApp, type TestClient } from "../../testing/app";
import { buildOrganisation, buildUser, TEST_PASSWORD } from "../../testing/factories";
import { transitionTripAsSystem } from "./trip-service";

let t: TestApp;
let org: Record<"bureau" | "zaisei" | "sangyo" | "kankyo" | "partner", string>;
type Who = "admin" | "manager" | "owner" | "ownerViewer" | "traveller" | "outsider" | "partner";
let as: Record<Who, TestClient>;
let userIds: Record<Who, string>;
let fieldId: string;

beforeAll(async () => {
  t = await createTestApp();
  const city = await buildOrganisation(t.db, { name: "テスト市", kind: "municipality" });
  const bureau = await buildOrganisation(t.db, { name: "政策局", kind: "bureau", parentId: city.id, code: "seisaku" });
  const zaisei = await buildOrganisation(t.db, { name: "財政課", kind: "division", parentId: city.id });
  const sangyo = await buildOrganisation(t.db, { name: "産業政策課", kind: "division", parentId: city.id });
  const kankyo = await buildOrganisation(t.db, { name: "環境政策課", kind: "division", parentId: city.id });
  const partner = await buildOrganisation(t.db, { name: "相手先の団体", kind: "external" });
  org = { bureau: bureau.id, zaisei: zaisei.id, sangyo: sangyo.id, kankyo: kankyo.id, partner: partner.id };
  await t.db.query("INSERT INTO app_settings (key, value) VALUES ('international.bureauId', to_jsonb($1::text))", [bureau.id]);
  const users = {
    admin: await buildUser(t.db, { role: "admin", organisationId: city.id }),
    manager: await buildUser(t.db, { role: "editor", organisationId: bureau.id }),
    owner: await buildUser(t.db, { role: "editor", organisationId: zaisei.id, displayName: "財政 花子" }),
    ownerViewer: await buildUser(t.db, { role: "viewer", organisationId: zaisei.id }),
    traveller: await buildUser(t.db, { role: "editor", organisationId: sangyo.id, displayName: "産業 太郎" }),
    outsider: await buildUser(t.db, { role: "editor", organisationId: kankyo.id }),
    partner: await buildUser(t.db, { role: "partner", organisationId: partner.id }),
  };
  as = {} as typeof as;
  userIds = {} as typeof userIds;
  for (const [key, u] of Object.entries(users)) {
    as[key as Who] = await t.login(u.loginId, TEST_PASSWORD);
    userIds[key as Who] = u.id;
  }
  fieldId = (await t.db.query<{ id: string }>("INSERT INTO international_fields (name) VALUES ('国際交流') RETURNING id")).rows[0].id;
}, 120_000);
afterAll(() => t.cleanup());

const pdf = (marker: string) => new TextEncoder().encode(`%PDF-1.4\n% ${marker}\n%%EOF\n`);

async function ooxml(parts: string[]): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const part of parts) zip.file(part, '<?xml version="1.0"?><x/>');
  return zip.generateAsync({ type: "uint8array" });
}

/** An internal project (not public) of 財政課. */
async function project(name = "大連市との友好交流"): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO international_projects (name, owner_organisation_id, field_id, status, is_public, first_fiscal_year)
     VALUES ($1, $2, $3, 'active', false, 2024) RETURNING id`,
    [name, org.zaisei, fieldId],
  );
  return rows[0].id;
}

/** A trip of 財政課 with 産業政策課's editor among the travellers. */
async function trip(): Promise<string> {
  const r = await as.owner.post("/api/international/trips", {
    title: "大連市友好交流訪問",
    ownerOrganisationId: org.zaisei,
    departsOn: "2025-05-12",
    returnsOn: "2025-05-15",
    travellers: [
      { userId: userIds.owner, name: "財政 花子", role: "leader", paidBy: "city" },
      { userId: userIds.traveller, name: "産業 太郎", role: "member", paidBy: "city" },
    ],
  });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.id;
}

async function returned(id: string): Promise<void> {
  await t.db.transaction(async (tx) => {
    await transitionTripAsSystem(tx, DEMO_ACTOR, id, { to: "applied" });
    await transitionTripAsSystem(tx, DEMO_ACTOR, id, { to: "approved", approvedBy: "副市長", approvedOn: "2025-04-20" });
    await transitionTripAsSystem(tx, DEMO_ACTOR, id, { to: "travelling", safetyLevel: 0 });
    await transitionTripAsSystem(tx, DEMO_ACTOR, id, { to: "returned" });
  });
}

const auditCount = async (entityId: string, action: string) =>
  (await t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log WHERE entity_id = $1 AND action = $2", [entityId, action]))
    .rows[0].n;

describe("a project's 添付資料", () => {
  it("goes up, is listed with its name, size, date and uploader, comes down byte for byte and is deleted", async () => {
    const id = await project();
    const bytes = pdf("事業計画書");
    const up = await as.owner.upload(`/api/international/projects/${id}/attachments`, "事業計画書.pdf", bytes);
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body.canEdit).toBe(true);
    expect(up.body.items).toHaveLength(1);
    const [file] = up.body.items;
    expect(file).toMatchObject({ name: "事業計画書.pdf", mimeType: "application/pdf", sizeBytes: bytes.length, uploaderName: "財政 花子" });
    expect(Number.isNaN(Date.parse(file.createdAt))).toBe(false);
    expect(await auditCount(id, "attach_file")).toBe(1);

    // Every member of staff reads an internal project's files, another division's editor included; only the
    // owning division may change them.
    for (const reader of [as.outsider, as.ownerViewer, as.manager, as.traveller]) {
      const list = await reader.get(`/api/international/projects/${id}/attachments`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((f: { id: string }) => f.id)).toEqual([file.id]);
      expect(list.body.canEdit).toBe(false);
    }
    const down = await as.outsider.get(`/api/international/projects/${id}/attachments/${file.id}`);
    expect(down.status).toBe(200);
    expect(down.headers.get("content-type")).toBe("application/pdf");
    expect(down.headers.get("content-disposition")).toMatch(/^attachment/);
    expect(Buffer.from(down.raw).equals(Buffer.from(bytes))).toBe(true);

    const removed = await as.owner.delete(`/api/international/projects/${id}/attachments/${file.id}`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.items).toEqual([]);
    expect(await auditCount(id, "remove_file")).toBe(1);
    expect((await as.owner.get(`/api/international/projects/${id}/attachments/${file.id}`)).status).toBe(404);
    expect((await t.db.query("SELECT 1 FROM files WHERE id = $1", [file.id])).rowCount).toBe(0);
  });

  it("is added and deleted only by the project's division (and administrators), never by another division's editor", async () => {
    const id = await project("タコマ市との青少年交流");
    for (const refused of [as.outsider, as.manager, as.traveller]) {
      const r = await refused.upload(`/api/international/projects/${id}/attachments`, "資料.pdf", pdf("x"));
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/所管する課の職員だけ/);
    }
    expect((await as.ownerViewer.upload(`/api/international/projects/${id}/attachments`, "資料.pdf", pdf("x"))).status).toBe(403);
    expect((await as.partner.get(`/api/international/projects/${id}/attachments`)).status).toBe(403);

    const up = await as.admin.upload(`/api/international/projects/${id}/attachments`, "管理者の資料.pdf", pdf("admin"));
    expect(up.status).toBe(200);
    const fileId = up.body.items[0].id;
    expect((await as.outsider.delete(`/api/international/projects/${id}/attachments/${fileId}`)).status).toBe(403);
    expect((await as.manager.delete(`/api/international/projects/${id}/attachments/${fileId}`)).status).toBe(403);
    expect((await as.partner.get(`/api/international/projects/${id}/attachments/${fileId}`)).status).toBe(403);
    expect((await t.db.query("SELECT 1 FROM files WHERE id = $1", [fileId])).rowCount).toBe(1);
    expect(await auditCount(id, "remove_file")).toBe(0);
  });

  it("takes PDF, images and Office files by their content, and refuses anything else with a Japanese message", async () => {
    const id = await project("多言語相談窓口");
    const docx = await as.owner.upload(
      `/api/international/projects/${id}/attachments`,
      "報告",
      await ooxml(["[Content_Types].xml", "word/document.xml"]),
    );
    expect(docx.status, JSON.stringify(docx.body)).toBe(200);
    expect(docx.body.items[0]).toMatchObject({
      name: "報告.docx",
      mimeType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    });
    const xlsx = await as.owner.upload(
      `/api/international/projects/${id}/attachments`,
      "予算.xlsx",
      await ooxml(["[Content_Types].xml", "xl/workbook.xml"]),
    );
    expect(xlsx.body.items[1].mimeType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    const png = await as.owner.upload(
      `/api/international/projects/${id}/attachments`,
      "写真.png",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
    );
    expect(png.body.items[2].mimeType).toBe("image/png");

    const text = await as.owner.upload(`/api/international/projects/${id}/attachments`, "メモ.txt", new TextEncoder().encode("メモ"));
    expect(text.status).toBe(400);
    expect(text.body.error.message).toBe(
      "「メモ.txt」は PDF・PNG・JPEG・Word（.docx）・Excel（.xlsx）・PowerPoint（.pptx） のいずれでもありません。",
    );
    // A zip that is no Office file, named as one, is refused all the same.
    const fakeDocx = await as.owner.upload(`/api/international/projects/${id}/attachments`, "偽物.docx", await ooxml(["a.txt"]));
    expect(fakeDocx.status).toBe(400);
    expect(fakeDocx.body.error.message).toMatch(/「偽物.docx」は PDF・PNG・JPEG/);
    const oldWord = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const doc = await as.owner.upload(`/api/international/projects/${id}/attachments`, "旧形式.doc", oldWord);
    expect(doc.status).toBe(400);
    expect(doc.body.error.message).toMatch(/古い形式の Office ファイル/);
    const empty = await as.owner.upload(`/api/international/projects/${id}/attachments`, "空.pdf", new Uint8Array(0));
    expect(empty.body.error.message).toBe("ファイルが空です。");
    expect((await as.owner.get(`/api/international/projects/${id}/attachments`)).body.items).toHaveLength(3);
  });

  it("serves and deletes a file only through the record that owns it", async () => {
    const a = await project("仁川広域市との経済交流");
    const b = await project("釜山広域市との観光交流");
    const up = await as.owner.upload(`/api/international/projects/${a}/attachments`, "A の資料.pdf", pdf("A"));
    const fileId = up.body.items[0].id;
    expect((await as.owner.get(`/api/international/projects/${b}/attachments/${fileId}`)).status).toBe(404);
    expect((await as.owner.delete(`/api/international/projects/${b}/attachments/${fileId}`)).status).toBe(404);
    const tripId = await trip();
    expect((await as.owner.get(`/api/international/trips/${tripId}/attachments/${fileId}`)).status).toBe(404);
    expect((await as.owner.delete(`/api/international/trips/${tripId}/attachments/${fileId}`)).status).toBe(404);
    expect((await as.owner.get(`/api/international/projects/${a}/attachments/${fileId}`)).status).toBe(200);
  });

  it("goes with its project when the project is deleted", async () => {
    const id = await project("天津市との経済技術交流");
    const up = await as.owner.upload(`/api/international/projects/${id}/attachments`, "資料.pdf", pdf("gone"));
    const fileId = up.body.items[0].id;
    expect((await as.owner.delete(`/api/international/projects/${id}`)).status).toBe(200);
    expect((await t.db.query("SELECT 1 FROM files WHERE id = $1", [fileId])).rowCount).toBe(0);
  });
});

describe("a trip's 添付資料 and 報告書の添付", () => {
  it("are read by the trip's readers only: another division's editor gets 404 on the trip's files", async () => {
    const id = await trip();
    const bytes = pdf("旅程表");
    const up = await as.owner.upload(`/api/international/trips/${id}/attachments`, "旅程表.pdf", bytes);
    expect(up.status, JSON.stringify(up.body)).toBe(200);
    expect(up.body).toMatchObject({ canEdit: true, canEditReport: false, reportItems: [] });
    const fileId = up.body.items[0].id;
    expect(await auditCount(id, "attach_file")).toBe(1);

    for (const reader of [as.ownerViewer, as.traveller, as.manager, as.admin]) {
      const list = await reader.get(`/api/international/trips/${id}/attachments`);
      expect(list.status).toBe(200);
      expect(list.body.items.map((f: { id: string }) => f.id)).toEqual([fileId]);
      const down = await reader.get(`/api/international/trips/${id}/attachments/${fileId}`);
      expect(Buffer.from(down.raw).equals(Buffer.from(bytes))).toBe(true);
    }
    expect((await as.outsider.get(`/api/international/trips/${id}/attachments`)).status).toBe(404);
    expect((await as.outsider.get(`/api/international/trips/${id}/attachments/${fileId}`)).status).toBe(404);
    expect((await as.outsider.upload(`/api/international/trips/${id}/attachments`, "x.pdf", pdf("x"))).status).toBe(404);
    expect((await as.outsider.delete(`/api/international/trips/${id}/attachments/${fileId}`)).status).toBe(404);
    expect((await as.partner.get(`/api/international/trips/${id}/attachments/${fileId}`)).status).toBe(403);

    // The bureau reads every trip but changes none of another division's files; a traveller from another
    // division may add to the report only.
    expect((await as.manager.upload(`/api/international/trips/${id}/attachments`, "x.pdf", pdf("x"))).status).toBe(403);
    expect((await as.manager.delete(`/api/international/trips/${id}/attachments/${fileId}`)).status).toBe(403);
    expect((await as.traveller.upload(`/api/international/trips/${id}/attachments`, "x.pdf", pdf("x"))).status).toBe(403);
    expect((await as.owner.get(`/api/international/trips/${id}/attachments`)).body.items).toHaveLength(1);
  });

  it("keeps the report's files apart, open while the report may be filed (帰庁・報告書提出)", async () => {
    const id = await trip();
    const early = await as.owner.upload(`/api/international/trips/${id}/attachments?section=report`, "報告書.pdf", pdf("early"));
    expect(early.status).toBe(409);
    expect(early.body.error.message).toMatch(/帰庁/);

    await returned(id);
    const bytes = pdf("出張報告書");
    const report = await as.traveller.upload(`/api/international/trips/${id}/attachments?section=report`, "出張報告書.pdf", bytes);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    expect(report.body.items).toEqual([]);
    expect(report.body.reportItems).toHaveLength(1);
    expect(report.body.reportItems[0]).toMatchObject({ name: "出張報告書.pdf", uploaderName: "産業 太郎" });
    expect(report.body.canEditReport).toBe(true);
    const fileId = report.body.reportItems[0].id;
    const stored = await t.db.query<{ purpose: string; owner_kind: string }>("SELECT purpose, owner_kind FROM files WHERE id = $1", [
      fileId,
    ]);
    expect(stored.rows[0]).toEqual({ purpose: "report_attachment", owner_kind: "international.trip" });

    const down = await as.manager.get(`/api/international/trips/${id}/attachments/${fileId}`);
    expect(Buffer.from(down.raw).equals(Buffer.from(bytes))).toBe(true);
    expect((await as.manager.upload(`/api/international/trips/${id}/attachments?section=report`, "x.pdf", pdf("x"))).status).toBe(403);
    expect((await as.outsider.upload(`/api/international/trips/${id}/attachments?section=report`, "x.pdf", pdf("x"))).status).toBe(404);

    // Once settled, the report's files stay as they are.
    const filed = await as.owner.put(`/api/international/trips/${id}/report`, {
      version: (await as.owner.get(`/api/international/trips/${id}`)).body.version,
      filedOn: "2025-05-30",
      results: "覚書を更新した",
      publish: false,
    });
    expect(filed.status, JSON.stringify(filed.body)).toBe(200);
    await t.db.transaction((tx) => transitionTripAsSystem(tx, DEMO_ACTOR, id, { to: "settled" }));
    const closed = await as.owner.delete(`/api/international/trips/${id}/attachments/${fileId}`);
    expect(closed.status).toBe(409);
    expect((await as.owner.get(`/api/international/trips/${id}/attachments`)).body).toMatchObject({ canEditReport: false, canEdit: true });

    expect(await auditCount(id, "attach_file")).toBe(1);
  });

  it("deletes a report file by the traveller, with its audit row", async () => {
    const id = await trip();
    await returned(id);
    const up = await as.traveller.upload(`/api/international/trips/${id}/attachments?section=report`, "写真.pdf", pdf("写真"));
    const fileId = up.body.reportItems[0].id;
    const removed = await as.traveller.delete(`/api/international/trips/${id}/attachments/${fileId}`);
    expect(removed.status, JSON.stringify(removed.body)).toBe(200);
    expect(removed.body.reportItems).toEqual([]);
    expect(await auditCount(id, "remove_file")).toBe(1);
  });
});
