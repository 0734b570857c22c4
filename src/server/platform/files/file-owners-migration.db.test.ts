// The migration that gives every stored file an owner (issue 11, finding 2), run on the data an earlier version left
// behind: files take the owner of the record that refers to them, a file shared by a gift and its copy is split into
// one copy each, ids a gift should never have listed are dropped, and what nobody refers to is for administrators only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../db/migrate";
import { registerModules } from "../../modules";
import { createTestDb, type TestDb } from "../../testing/db";
import { buildOrganisation, buildUser } from "../../testing/factories";
import { readFileMeta } from "./files";
import { mayReadFile } from "./owners";

let t: TestDb;
const ids: Record<string, string> = {};
let bureau: { id: string };
let supplierOrg: { id: string };
let admin: Awaited<ReturnType<typeof buildUser>>;
let editor: Awaited<ReturnType<typeof buildUser>>;

async function file(name: string, mimeType: string, createdBy: string | null): Promise<string> {
  const { rows } = await t.db.query<{ id: string }>(
    "INSERT INTO files (name, mime_type, size_bytes, sha256, content, created_by) VALUES ($1, $2, 4, 'x', $3, $4) RETURNING id",
    [name, mimeType, Buffer.from("%PDF"), createdBy],
  );
  return rows[0].id;
}

async function gift(code: string, supplierId: string, evidence: string[], pending: string[] | null, copiedFrom: string | null) {
  const details = (list: string[]) => JSON.stringify({ title: code, evidenceFileIds: list });
  const { rows } = await t.db.query<{ id: string }>(
    `INSERT INTO furusato_gifts (code, supplier_id, title, temperature, details, pending_details, copied_from, created_at)
     VALUES ($1, $2, $1, '冷凍', $3, $4, $5, now() + ($6 || ' seconds')::interval) RETURNING id`,
    [code, supplierId, details(evidence), pending ? details(pending) : null, copiedFrom, String(Object.keys(ids).length)],
  );
  return rows[0].id;
}

const owner = async (id: string) =>
  (
    await t.db.query<{ owner_kind: string; owner_id: string | null; purpose: string; organisation_id: string | null }>(
      "SELECT owner_kind, owner_id, purpose, organisation_id FROM files WHERE id = $1",
      [id],
    )
  ).rows[0];
const evidence = async (giftId: string, column = "details") =>
  (await t.db.query<{ ids: string[] }>(`SELECT ${column}->'evidenceFileIds' AS ids FROM furusato_gifts WHERE id = $1`, [giftId])).rows[0]
    .ids;

beforeAll(async () => {
  registerModules();
  t = await createTestDb({ before: "0007_file_owners" });
  const city = await buildOrganisation(t.db, { kind: "municipality" });
  bureau = await buildOrganisation(t.db, { name: "政策局", parentId: city.id });
  supplierOrg = await buildOrganisation(t.db, { name: "小倉畜産", kind: "external" });
  admin = await buildUser(t.db, { role: "admin", organisationId: city.id });
  editor = await buildUser(t.db, { role: "editor", organisationId: bureau.id });
  await t.db.query("INSERT INTO app_settings (key, value) VALUES ('furusato.bureauId', to_jsonb($1::text))", [bureau.id]);
  const supplier = await t.db.query<{ id: string }>(
    "INSERT INTO furusato_suppliers (code, name, organisation_id) VALUES ('KK', '小倉畜産', $1) RETURNING id",
    [supplierOrg.id],
  );
  ids.supplier = supplier.rows[0].id;

  ids.batchFile = await file("寄附金受領証明書.pdf", "application/pdf", editor.id);
  ids.batch = (
    await t.db.query<{ id: string }>("INSERT INTO furusato_certificate_batches (file_id, certificate_count) VALUES ($1, 1) RETURNING id", [
      ids.batchFile,
    ])
  ).rows[0].id;
  ids.exportFile = await file("一括出力.zip", "application/zip", editor.id);
  ids.export = (
    await t.db.query<{ id: string }>("INSERT INTO furusato_exports (file_id, diff, row_count) VALUES ($1, '{}', 0) RETURNING id", [
      ids.exportFile,
    ])
  ).rows[0].id;
  ids.documentFile = await file("許可証.pdf", "application/pdf", editor.id);
  await t.db.query(
    "INSERT INTO furusato_supplier_documents (file_id, supplier_id, title, author_label) VALUES ($1, $2, '許可証', '担当')",
    [ids.documentFile, ids.supplier],
  );
  ids.sharedEvidence = await file("工程表.pdf", "application/pdf", editor.id);
  ids.pendingEvidence = await file("追加資料.pdf", "application/pdf", editor.id);
  ids.original = await gift("KK001", ids.supplier, [ids.sharedEvidence], null, null);
  // The copy shares the original's evidence, and (as an attack) also lists the 受領証明書 batch and an unknown id.
  ids.copy = await gift(
    "KK002",
    ids.supplier,
    [ids.sharedEvidence, ids.batchFile, "00000000-0000-4000-8000-000000000009"],
    [ids.sharedEvidence, ids.pendingEvidence],
    ids.original,
  );
  ids.imageFile = await file("写真.png", "image/png", editor.id);
  await t.db.query("INSERT INTO furusato_gift_images (file_id, gift_id) VALUES ($1, $2)", [ids.imageFile, ids.original]);
  ids.reportFile = await file("組織_エラー.csv", "text/csv; charset=utf-8", admin.id);
  await t.db.query(
    "INSERT INTO job_runs (id, kind, status, result, created_by) VALUES (gen_random_uuid(), 'tabular.import', 'succeeded', $1, $2)",
    [JSON.stringify({ ok: false, reportFileId: ids.reportFile }), admin.id],
  );
  ids.uploadFile = await file("組織.csv", "text/csv", admin.id);
  ids.orphanFile = await file("どこにもない.pdf", "application/pdf", editor.id);

  await migrate(t.db);
}, 60_000);
afterAll(() => t.cleanup());

describe("finding 2: the owners of files stored before the fix", () => {
  it("finding 2: each referenced file takes the owner of the record that refers to it, in that record's organisation", async () => {
    expect(await owner(ids.batchFile)).toEqual({
      owner_kind: "furusato.certificate_batch",
      owner_id: ids.batch,
      purpose: "certificate_pdf",
      organisation_id: bureau.id,
    });
    expect(await owner(ids.exportFile)).toEqual({
      owner_kind: "furusato.export",
      owner_id: ids.export,
      purpose: "portal_bundle",
      organisation_id: bureau.id,
    });
    expect(await owner(ids.documentFile)).toEqual({
      owner_kind: "furusato.supplier",
      owner_id: ids.supplier,
      purpose: "supplier_document",
      organisation_id: supplierOrg.id,
    });
    expect(await owner(ids.imageFile)).toEqual({
      owner_kind: "furusato.gift",
      owner_id: ids.original,
      purpose: "image",
      organisation_id: supplierOrg.id,
    });
    expect(await owner(ids.sharedEvidence)).toEqual({
      owner_kind: "furusato.gift",
      owner_id: ids.original,
      purpose: "evidence",
      organisation_id: supplierOrg.id,
    });
    expect(await owner(ids.pendingEvidence)).toMatchObject({ owner_kind: "furusato.gift", owner_id: ids.copy, purpose: "evidence" });
    expect(await owner(ids.reportFile)).toEqual({
      owner_kind: "import",
      owner_id: null,
      purpose: "import_report",
      organisation_id: await orgOf(admin.id),
    });
    expect(await owner(ids.uploadFile)).toMatchObject({ owner_kind: "import", owner_id: null, purpose: "import_upload" });
    expect(await owner(ids.orphanFile)).toMatchObject({ owner_kind: "unreferenced", owner_id: null, purpose: "unknown" });
  });

  it("finding 2: a copied gift gets its own copy of shared evidence, and loses ids it never owned", async () => {
    expect(await evidence(ids.original)).toEqual([ids.sharedEvidence]);
    const copied = await evidence(ids.copy);
    expect(copied).toHaveLength(1);
    expect(copied[0]).not.toBe(ids.sharedEvidence);
    expect(await owner(copied[0])).toMatchObject({ owner_kind: "furusato.gift", owner_id: ids.copy, purpose: "evidence" });
    const pending = await evidence(ids.copy, "pending_details");
    expect(pending).toEqual([copied[0], ids.pendingEvidence]);
    // The batch itself is untouched (still the batch's, not the gift's).
    expect((await owner(ids.batchFile)).owner_kind).toBe("furusato.certificate_batch");
  });

  it("finding 2: a file nobody referred to is for administrators only", async () => {
    const meta = await readFileMeta(t.db, ids.orphanFile);
    const principal = async (user: { id: string }, role: "admin" | "editor") => ({
      id: user.id,
      loginId: "x",
      displayName: "x",
      role,
      organisationId: (await orgOf(user.id)) ?? "",
      organisationName: "",
      bureauId: null,
      bureauName: null,
    });
    expect(await mayReadFile(t.db, await principal(editor, "editor"), meta)).toBe(false);
    expect(await mayReadFile(t.db, await principal(admin, "admin"), meta)).toBe(true);
    expect(await mayReadFile(t.db, null, meta)).toBe(false);
  });

  it("finding 2: the database refuses a file without a valid owner", async () => {
    const insert = (kind: string, ownerId: string | null, purpose: string) =>
      t.db.query(
        "INSERT INTO files (name, mime_type, size_bytes, sha256, content, owner_kind, owner_id, purpose) VALUES ('a.pdf', 'application/pdf', 1, 'x', '\\x00', $1, $2, $3)",
        [kind, ownerId, purpose],
      );
    await expect(insert("furusato.gift", null, "evidence")).rejects.toThrow();
    await expect(insert("furusato.gift", ids.original, "certificate_pdf")).rejects.toThrow();
    await expect(insert("somewhere", ids.original, "evidence")).rejects.toThrow();
    await expect(insert("upload", ids.original, "evidence")).rejects.toThrow();
    await expect(insert("upload", null, "evidence")).resolves.toBeTruthy();
  });
});

async function orgOf(userId: string): Promise<string | null> {
  return (
    (await t.db.query<{ organisation_id: string }>("SELECT organisation_id FROM users WHERE id = $1", [userId])).rows[0]?.organisation_id ??
    null
  );
}
