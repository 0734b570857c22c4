// 返礼品提供事業者: what the supplier routes call, one function a request. A supplier's login sees and changes only its
// own record (another supplier's is "not found"); the rest is the managers'. Each write is one transaction that checks
// the caller first, runs its step (supplier-steps.ts) and returns the record as the page shows it.
import type { SupplierBank } from "../../../common/api/furusato";
import type { Db, Queryable } from "../../db/database";
import { hashNewUserPassword, insertUser } from "../../platform/admin/users";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Forbidden, NotFound, ValidationError } from "../../platform/errors";
import { checkEvidenceUpload } from "../../platform/files/files";
import { readFileFor } from "../../platform/files/owners";
import { accessOf, type FurusatoAccess, requireManager } from "./access";
import { requireUpload, type Upload } from "./gift-files";
import * as repo from "./repository";
import * as steps from "./supplier-steps";

const iso = (value: Date) => value.toISOString();

/** The supplier if the caller may see it: staff see all; a supplier sees its own (others are "not found"). */
async function visibleSupplier(db: Queryable, access: FurusatoAccess, id: string): Promise<repo.SupplierRow> {
  const row = await repo.findSupplier(db, id);
  if (!row || (access.supplier && access.supplier.id !== id)) throw new NotFound("返礼品提供事業者");
  return row;
}

async function supplierDetail(db: Queryable, access: FurusatoAccess, id: string) {
  const row = await visibleSupplier(db, access, id);
  const [events, documents] = await Promise.all([repo.findSupplierEvents(db, id), repo.findSupplierDocuments(db, id)]);
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    status: row.status,
    giftCount: row.gift_count,
    isSample: row.is_sample,
    organisationId: row.organisation_id,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    contactEmail: row.contact_email,
    address: row.address,
    // Bank details are for the staff who pay suppliers, and for the supplier itself.
    bank: access.manager || access.supplier?.id === id ? row.bank : null,
    events: events.map((e) => ({
      kind: e.kind,
      occurredOn: e.occurred_on,
      note: e.note,
      authorLabel: e.author_label,
      createdAt: iso(e.created_at),
    })),
    documents: documents.map((d) => ({
      fileId: d.file_id,
      title: d.title,
      name: d.name,
      authorLabel: d.author_label,
      createdAt: iso(d.created_at),
    })),
  };
}

/** Staff see every supplier; a supplier's login sees its own only. */
export async function listSuppliers(db: Db, user: Principal | null) {
  const access = await accessOf(db, user);
  const rows = access.supplier ? [access.supplier] : await repo.findSuppliers(db);
  return {
    items: rows.map((s) => ({ id: s.id, code: s.code, name: s.name, status: s.status, giftCount: s.gift_count, isSample: s.is_sample })),
  };
}

export async function getSupplier(db: Db, user: Principal | null, id: string) {
  return supplierDetail(db, await accessOf(db, user), id);
}

export async function createSupplier(db: Db, user: Principal | null, actor: Actor, input: steps.NewSupplier) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    requireManager(access);
    return supplierDetail(tx, access, await steps.createSupplier(tx, actor, input));
  });
}

/** A supplier's login changes its own contact details (another supplier's answer 404); 振込先 is the city's. */
export async function updateSupplierContact(db: Db, user: Principal | null, actor: Actor, id: string, input: steps.ContactInput) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    if (!access.manager && access.supplier?.id !== id) {
      if (access.supplier) throw new NotFound("返礼品提供事業者");
      throw new Forbidden("事業者の連絡先を変更できるのは、ふるさと納税の担当者と事業者本人です。");
    }
    await steps.updateSupplierContact(tx, actor, id, input);
    return supplierDetail(tx, access, id);
  });
}

export async function updateSupplierBank(db: Db, user: Principal | null, actor: Actor, id: string, bank: SupplierBank) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    requireManager(access);
    await steps.updateSupplierBank(tx, actor, id, bank);
    return supplierDetail(tx, access, id);
  });
}

export async function addSupplierEvent(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: Parameters<typeof steps.recordSupplierEvent>[3],
) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    requireManager(access);
    await steps.recordSupplierEvent(tx, actor, id, input);
    return supplierDetail(tx, access, id);
  });
}

/**
 * A login for the supplier's own staff (a partner of its organisation). The password is checked and hashed before the
 * transaction opens (slow on purpose); the caller, the supplier and the new login are checked and written inside it.
 */
export async function createSupplierUser(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { loginId: string; displayName: string; password: string },
) {
  const { password, ...login } = input;
  const passwordHash = await hashNewUserPassword(login.loginId, password);
  await db.transaction(async (tx) => {
    requireManager(await accessOf(tx, user));
    const supplier = await repo.findSupplier(tx, id);
    if (!supplier?.organisation_id) throw new NotFound("返礼品提供事業者");
    await insertUser(tx, actor, { ...login, passwordHash, role: "partner", organisationId: supplier.organisation_id, email: null });
  });
  return { ok: true as const };
}

/** A supplier's document (営業許可証 …): added by staff who manage the catalog and by the supplier itself. */
export async function uploadSupplierDocument(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  form: { title: string; file: Upload | null },
) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    // Another supplier's record is "not found" to a supplier, as on every route with a record id.
    if (access.supplier && access.supplier.id !== id) throw new NotFound("返礼品提供事業者");
    if (!access.supplier && !access.manager) throw new Forbidden("この事業者の書類は登録できません。");
    const title = form.title.trim();
    if (title === "" || title.length > 200)
      throw new ValidationError("書類名を入力してください（200文字以内）。", { title: "書類名を入力してください。" });
    const upload = requireUpload(form.file);
    await steps.addSupplierDocument(tx, actor, id, { ...upload, title, mimeType: checkEvidenceUpload(upload.name, upload.bytes) });
    return supplierDetail(tx, access, id);
  });
}

/**
 * One of the supplier's documents, and the audit row of its download. No transaction: the file streams out after
 * this returns, so it is read through the database handle (a transaction's would be closed by then).
 */
export async function downloadSupplierDocument(db: Db, user: Principal | null, actor: Actor, id: string, fileId: string) {
  await visibleSupplier(db, await accessOf(db, user), id); // 404 for another supplier
  const file = await readFileFor(db, user, fileId, { kind: "furusato.supplier", ownerId: id, purpose: "supplier_document" }, "書類");
  await recordAudit(db, actor, {
    action: "download",
    entityType: "file",
    entityId: file.id,
    summary: `事業者の書類「${file.name}」をダウンロード`,
  });
  return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
}
