// Stored files have owners (issue 11, findings 2 and 12). Every kind of stored file (gift evidence and photos,
// supplier documents, 受領証明書 batches, portal export zips, import uploads and their error reports) is tried by
// every external role (the supplier of another organisation, the supplier itself, a council member, anonymous):
// attaching it to an own record, and downloading it through every route that serves files.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JobRun } from "../../../common/api/platform";
import { storeFile } from "../../platform/files/files";
import type { TestClient } from "../../testing/app";
import { buildUser, TEST_PASSWORD } from "../../testing/factories";
import * as catalog from "./catalog";
import { issueCertificates } from "./ledger/certificates";
import { loadLedgerMasters } from "./ledger/demo";
import { addDonations, buildFollowupFixture, donationRecord, type FollowupFixture } from "./ledger/followup-fixture";
import { publish } from "./publish";

let f: FollowupFixture;
let council: TestClient;
let anonymous: TestClient;
let gifts: { kk: string; yh: string };

type Role = "otherSupplier" | "supplierItself" | "councilMember" | "anonymous";
const ROLES: Role[] = ["otherSupplier", "supplierItself", "councilMember", "anonymous"];

interface Victim {
  label: string;
  fileId: string;
  /** the roles that may read it: only the supplier itself, and only its own uploads */
  readers: Role[];
  /** how its owner's own route serves it, to show that the file is really there */
  ownRoute: string;
  ownClient: () => TestClient;
  /** a photo is public on purpose (portals fetch it) */
  publicImage?: boolean;
}
const victims: Victim[] = [];

const pdf = (marker: string) => new TextEncoder().encode(`%PDF-1.4 ${marker}`);
const png = (marker: string) => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new TextEncoder().encode(marker)]);

async function finished(client: TestClient, jobId: string): Promise<JobRun> {
  for (let i = 0; i < 300; i++) {
    const job = (await client.get<JobRun>(`/api/jobs/${jobId}`)).body;
    if (job.status === "succeeded" || job.status === "failed") return job;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("job did not finish");
}

const giftId = async (code: string) =>
  (await f.t.db.query<{ id: string }>("SELECT id FROM furusato_gifts WHERE code = $1", [code])).rows[0].id;
const evidenceOf = async (id: string) =>
  (await f.t.db.query<{ ids: string[] }>("SELECT details->'evidenceFileIds' AS ids FROM furusato_gifts WHERE id = $1", [id])).rows[0].ids;
const giftCount = async () => (await f.t.db.query<{ n: number }>("SELECT count(*)::int AS n FROM furusato_gifts")).rows[0].n;

function client(role: Role): TestClient {
  return { otherSupplier: f.clients.kk, supplierItself: f.clients.yh, councilMember: council, anonymous }[role];
}
/** Each role attacks from its own records: the other supplier from KK's, everyone else from YH's. */
const ownGift = (role: Role) => (role === "otherSupplier" ? gifts.kk : gifts.yh);
const ownSupplier = (role: Role) => (role === "otherSupplier" ? f.suppliers.kk : f.suppliers.yh);

beforeAll(async () => {
  f = await buildFollowupFixture({ jobs: true });
  anonymous = f.t.client();
  gifts = { kk: await giftId("KK001"), yh: await giftId("YH001") };
  // A member of the experts' council: an external account linked to a council seat.
  const plan = await f.t.db.query<{ id: string }>(
    "INSERT INTO vision_plans (name, first_fiscal_year, last_fiscal_year) VALUES ('新ビジョン', 2024, 2030) RETURNING id",
  );
  const member = await buildUser(f.t.db, { role: "partner", organisationId: f.city.partnerOrg.id });
  await f.t.db.query("INSERT INTO vision_council_members (plan_id, name, user_id) VALUES ($1, '委員 一郎', $2)", [
    plan.rows[0].id,
    member.id,
  ]);
  council = await f.t.login(member.loginId, TEST_PASSWORD);

  // YH (八幡果樹園), the victim supplier: evidence and a photo on its gift, a business document.
  const evidence = await f.clients.yh.upload(`/api/furusato/gifts/${gifts.yh}/evidence`, "原材料証明.pdf", pdf("YH-EVIDENCE"));
  expect(evidence.status).toBe(200);
  victims.push({
    label: "another supplier's gift evidence",
    fileId: evidence.body.details.evidenceFileIds[0],
    readers: ["supplierItself"],
    ownRoute: `/api/furusato/gifts/${gifts.yh}/evidence/${evidence.body.details.evidenceFileIds[0]}`,
    ownClient: () => f.clients.yh,
  });
  const photo = await f.clients.yh.upload(`/api/furusato/gifts/${gifts.yh}/images`, "いちじく.png", png("YH-PHOTO"));
  expect(photo.status).toBe(200);
  const photoId = (photo.body.details.imageUrls.at(-1) as string).split("/").at(-1) as string;
  victims.push({
    label: "a gift photo",
    fileId: photoId,
    // public anyway: any signed-in account may fetch it by its id too
    readers: ["otherSupplier", "supplierItself", "councilMember"],
    ownRoute: `/api/public/furusato/images/${photoId}`,
    ownClient: () => anonymous,
    publicImage: true,
  });
  const form = new FormData();
  form.append("title", "営業許可証");
  form.append("file", new File([pdf("YH-DOCUMENT")], "許可証.pdf"));
  const document = await f.clients.yh.request("POST", `/api/furusato/suppliers/${f.suppliers.yh}/documents`, form);
  expect(document.status).toBe(200);
  const documentId = document.body.documents[0].fileId;
  victims.push({
    label: "another supplier's business document",
    fileId: documentId,
    readers: ["supplierItself"],
    ownRoute: `/api/furusato/suppliers/${f.suppliers.yh}/documents/${documentId}`,
    ownClient: () => f.clients.yh,
  });

  // Staff's files: a 受領証明書 batch (donors' names and addresses) and a portal export zip.
  await addDonations(f.t.db, [donationRecord({ orderNumber: "FO-001", donor: { ...donationRecord().donor, name: "寄附 花子" } })]);
  const batch = await issueCertificates(f.t.db, f.actor, { from: null, to: null, portalCode: null, donationIds: null });
  const batchFile = await f.t.db.query<{ file_id: string }>("SELECT file_id FROM furusato_certificate_batches WHERE id = $1", [
    batch.batchId,
  ]);
  victims.push({
    label: "a 受領証明書 batch",
    fileId: batchFile.rows[0].file_id,
    readers: [],
    ownRoute: `/api/furusato/certificates/batches/${batch.batchId}/pdf`,
    ownClient: () => f.clients.manager,
  });
  const bundle = await publish(f.t.db, f.actor);
  victims.push({
    label: "a portal export zip",
    fileId: bundle.fileId,
    readers: [],
    ownRoute: `/api/furusato/exports/${bundle.exportId}/download`,
    ownClient: () => f.clients.manager,
  });

  // Imports: a donation file and a tabular file, both refused, so that each leaves its upload and its error report.
  const mappings = await loadLedgerMasters(f.t.db, { isSample: false });
  const donationJob = await f.clients.manager.upload(
    `/api/furusato/donation-mappings/${mappings.generic}/imports`,
    "寄附データ.csv",
    new TextEncoder().encode("氏名,住所\n寄附 次郎,北九州市\n"),
  );
  const donationResult = (await finished(f.clients.manager, donationJob.body.jobId)).result as { reportFileId: string };
  const organisationJob = await f.clients.admin.upload("/api/imports/organisations", "組織.csv", new TextEncoder().encode("x,y\n1,2\n"));
  const organisationResult = (await finished(f.clients.admin, organisationJob.body.jobId)).result as { reportFileId: string };
  const uploads = await f.t.db.query<{ id: string; name: string }>(
    "SELECT id, name FROM files WHERE name IN ('寄附データ.csv', '組織.csv')",
  );
  for (const [label, fileId, ownClient] of [
    ["a donation import upload", uploads.rows.find((r) => r.name === "寄附データ.csv")?.id, () => f.clients.manager],
    ["a donation import's error report", donationResult.reportFileId, () => f.clients.manager],
    ["an organisation import upload", uploads.rows.find((r) => r.name === "組織.csv")?.id, () => f.clients.admin],
    ["an organisation import's error report", organisationResult.reportFileId, () => f.clients.admin],
  ] as const) {
    expect(fileId).toBeTruthy();
    victims.push({ label, fileId: fileId as string, readers: [], ownRoute: `/api/files/${fileId}`, ownClient });
  }
}, 120_000);
afterAll(() => f.t.cleanup());

describe("finding 2: every stored file has an owner", () => {
  it("the owners can still read their files (so that the refusals below are not vacuous)", async () => {
    expect(victims).toHaveLength(9);
    for (const victim of victims) expect((await victim.ownClient().get(victim.ownRoute)).status, victim.label).toBe(200);
  });

  it("finding 2: a supplier's own gift cannot list a 受領証明書 batch as evidence, so the PDF is never served to it", async () => {
    const batch = victims.find((v) => v.label === "a 受領証明書 batch") as Victim;
    const own = (await f.clients.kk.get(`/api/furusato/gifts/${gifts.kk}`)).body;
    const before = await giftCount();
    const created = await f.clients.kk.post("/api/furusato/gifts", {
      supplierId: f.suppliers.kk,
      details: { ...own.details, title: "証明書を添付した返礼品", evidenceFileIds: [batch.fileId] },
      procurementCost: 3000,
      shippingCost: 1000,
      costEffectiveFrom: "2025-04-01",
    });
    expect(created.status).toBe(400);
    expect(created.body.error.message).toMatch(/添付できません/);
    expect(await giftCount()).toBe(before);
    const updated = await f.clients.kk.put(`/api/furusato/gifts/${gifts.kk}`, {
      version: own.version,
      details: { ...own.details, evidenceFileIds: [batch.fileId] },
    });
    expect(updated.status).toBe(400);
    expect(await evidenceOf(gifts.kk)).toEqual([]);
    const download = await f.clients.kk.get(`/api/furusato/gifts/${gifts.kk}/evidence/${batch.fileId}`);
    expect(download.status).toBe(404);
    expect(download.headers.get("content-type")).not.toBe("application/pdf");
  });

  it("finding 2: no external role can attach any stored file that is not its own upload to its own gift", async () => {
    for (const victim of victims) {
      for (const role of ROLES) {
        const who = `${victim.label} by ${role}`;
        const attacker = client(role);
        const gift = ownGift(role);
        const before = await evidenceOf(gift);
        const count = await giftCount();
        const current = (await f.clients.manager.get(`/api/furusato/gifts/${gift}`)).body;
        const created = await attacker.post("/api/furusato/gifts", {
          supplierId: ownSupplier(role),
          details: { ...current.details, title: "他人のファイルを添付", evidenceFileIds: [victim.fileId] },
          procurementCost: 3000,
          shippingCost: 1000,
          costEffectiveFrom: "2025-04-01",
        });
        const updated = await attacker.put(`/api/furusato/gifts/${gift}`, {
          version: current.version,
          details: { ...current.details, evidenceFileIds: before.includes(victim.fileId) ? before : [...before, victim.fileId] },
        });
        if (role === "supplierItself" && victim.label === "another supplier's gift evidence") {
          // Its own evidence, already attached to this very gift: keeping it is fine; a second gift cannot take it.
          expect(created.status, who).toBe(400);
          expect(updated.status, who).toBe(200);
          continue;
        }
        expect([400, 401, 403, 404], who).toContain(created.status);
        expect([400, 401, 403, 404], who).toContain(updated.status);
        if (created.status === 400 || updated.status === 400)
          expect(JSON.stringify([created.body, updated.body]), who).toMatch(/添付できません/);
        expect(await giftCount(), who).toBe(count);
        expect(await evidenceOf(gift), who).toEqual(before);
      }
    }
  });

  it("finding 2: files are served only after a check of their owner, whatever route is asked and whatever a gift lists", async () => {
    for (const victim of victims) {
      // A gift that lists the file anyway (written before this fix, or by a bug elsewhere) must not serve it.
      for (const gift of [gifts.kk, gifts.yh]) {
        const ids = await evidenceOf(gift);
        if (!ids.includes(victim.fileId) && !(gift === gifts.yh && victim.label === "another supplier's gift evidence"))
          await f.t.db.query("UPDATE furusato_gifts SET details = jsonb_set(details, '{evidenceFileIds}', $2::jsonb) WHERE id = $1", [
            gift,
            JSON.stringify([...ids, victim.fileId]),
          ]);
      }
      for (const role of ROLES) {
        const who = `${victim.label} by ${role}`;
        const attacker = client(role);
        const may = victim.readers.includes(role);
        const routes = [
          `/api/files/${victim.fileId}`,
          `/api/furusato/gifts/${ownGift(role)}/evidence/${victim.fileId}`,
          `/api/furusato/suppliers/${ownSupplier(role)}/documents/${victim.fileId}`,
        ];
        for (const route of routes) {
          const response = await attacker.get(route);
          const ownEvidence = victim.label === "another supplier's gift evidence" && route.includes("/evidence/");
          const ownDocument = victim.label === "another supplier's business document" && route.includes("/documents/");
          const served =
            may &&
            (route.startsWith("/api/files/") || (ownEvidence && role === "supplierItself") || (ownDocument && role === "supplierItself"));
          if (served) expect(response.status, `${who} at ${route}`).toBe(200);
          else expect([401, 403, 404], `${who} at ${route}`).toContain(response.status);
        }
        // The public address serves gift photos only.
        const viaPublic = await attacker.get(`/api/public/furusato/images/${victim.fileId}`);
        expect(viaPublic.status, `${who} at the public image address`).toBe(victim.publicImage ? 200 : 404);
      }
    }
  });

  it("the staff routes for batches and exports stay closed to every external role", async () => {
    for (const victim of victims.filter((v) => v.ownRoute.includes("/batches/") || v.ownRoute.includes("/exports/")))
      for (const role of ROLES)
        expect([401, 403, 404], `${victim.label} by ${role}`).toContain((await client(role).get(victim.ownRoute)).status);
  });

  it("finding 2: a gift takes as evidence only its own files or an unattached evidence upload of the same person", async () => {
    const upload = (createdBy: string, purpose: "evidence" | "image") =>
      storeFile(f.t.db, {
        name: `${purpose}.pdf`,
        mimeType: "application/pdf",
        bytes: pdf(`UPLOAD-${purpose}`),
        createdBy,
        owner: { kind: "upload", id: null, purpose },
      });
    const manager = { userId: f.city.editor.id, label: "担当者" };
    const mine = await upload(f.city.editor.id, "evidence");
    const someoneElses = await upload(f.city.admin.id, "evidence");
    const wrongPurpose = await upload(f.city.editor.id, "image");
    const base = (await f.clients.manager.get(`/api/furusato/gifts/${gifts.kk}`)).body.details;
    const create = (ids: string[]) =>
      catalog.createGift(f.t.db, manager, {
        supplierId: f.suppliers.kk,
        details: { ...base, title: "添付の確認", evidenceFileIds: ids },
        procurementCost: 1000,
        shippingCost: 500,
        costEffectiveFrom: "2025-04-01",
      });
    await expect(create([someoneElses.id])).rejects.toThrow(/添付できません/);
    await expect(create([wrongPurpose.id])).rejects.toThrow(/添付できません/);
    await expect(create(["00000000-0000-4000-8000-000000000001"])).rejects.toThrow(/添付できません/);
    const id = await create([mine.id]);
    const owner = await f.t.db.query("SELECT owner_kind, owner_id, purpose, organisation_id FROM files WHERE id = $1", [mine.id]);
    const kk = await f.t.db.query<{ organisation_id: string }>("SELECT organisation_id FROM furusato_suppliers WHERE id = $1", [
      f.suppliers.kk,
    ]);
    expect(owner.rows[0]).toEqual({
      owner_kind: "furusato.gift",
      owner_id: id,
      purpose: "evidence",
      organisation_id: kk.rows[0].organisation_id,
    });
    // Attached now: a second gift cannot take it, not even by the person who uploaded it.
    await expect(create([mine.id])).rejects.toThrow(/添付できません/);
    // A copy of the gift gets copies of its evidence, owned by the copy.
    const copy = await catalog.copyGift(f.t.db, manager, id);
    const copied = await evidenceOf(copy);
    expect(copied).toHaveLength(1);
    expect(copied[0]).not.toBe(mine.id);
    expect((await f.t.db.query("SELECT owner_id FROM files WHERE id = $1", [copied[0]])).rows[0].owner_id).toBe(copy);
  });
});

describe("finding 12: a file's name matches its detected type", () => {
  it("finding 12: a PNG uploaded as x.html is stored and served as x.png with Content-Type image/png", async () => {
    const attached = await f.clients.yh.upload(`/api/furusato/gifts/${gifts.yh}/evidence`, "x.html", png("<script>alert(1)</script>"));
    expect(attached.status).toBe(200);
    const fileId = attached.body.details.evidenceFileIds.at(-1);
    const served = await f.clients.manager.get(`/api/furusato/gifts/${gifts.yh}/evidence/${fileId}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/png");
    expect(served.headers.get("content-disposition")).toContain('filename="x.png"');
    expect(served.headers.get("content-disposition")).not.toContain(".html");
    expect((await f.t.db.query("SELECT name FROM files WHERE id = $1", [fileId])).rows[0].name).toBe("x.png");

    const photo = await f.clients.yh.upload(`/api/furusato/gifts/${gifts.yh}/images`, "写真.htm", png("photo"));
    const photoId = (photo.body.details.imageUrls.at(-1) as string).split("/").at(-1);
    const public_ = await anonymous.get(`/api/public/furusato/images/${photoId}`);
    expect(public_.headers.get("content-type")).toBe("image/png");
    expect(decodeURIComponent(public_.headers.get("content-disposition") ?? "")).toContain("写真.png");

    const form = new FormData();
    form.append("title", "検査結果");
    form.append("file", new File([pdf("report")], "検査結果.svg"));
    const filed = await f.clients.yh.request("POST", `/api/furusato/suppliers/${f.suppliers.yh}/documents`, form);
    const document = filed.body.documents.find((d: { title: string }) => d.title === "検査結果");
    expect(document.name).toBe("検査結果.pdf");
    const served2 = await f.clients.yh.get(`/api/furusato/suppliers/${f.suppliers.yh}/documents/${document.fileId}`);
    expect(served2.headers.get("content-type")).toBe("application/pdf");
    expect(decodeURIComponent(served2.headers.get("content-disposition") ?? "")).toContain("検査結果.pdf");
  });

  it("finding 12: a file stored under a wrong name before the fix is served under the right one", async () => {
    const { rows } = await f.t.db.query<{ id: string }>(
      "UPDATE files SET name = 'legacy.html' WHERE id = (SELECT file_id FROM furusato_supplier_documents WHERE supplier_id = $1 LIMIT 1) RETURNING id",
      [f.suppliers.yh],
    );
    const served = await f.clients.yh.get(`/api/furusato/suppliers/${f.suppliers.yh}/documents/${rows[0].id}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-disposition")).toContain('filename="legacy.pdf"');
  });
});
