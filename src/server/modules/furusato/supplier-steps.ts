// 事業者の変更, each one step inside a transaction its caller opened: the catalog's own writes (catalog.ts, for the demo
// and the fixtures) and the routes' services (supplier-service.ts, which authorises first) share them. A step reads
// the supplier it changes (404 when there is none), writes, and records its audit row; it never authorises.
import { BANK_FIELD_LABELS, type SupplierBank } from "../../../common/api/furusato";
import { todayInJapan } from "../../../common/dates";
import type { Queryable } from "../../db/database";
import { createOrganisation } from "../../platform/admin/organisations";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { Conflict, NotFound, ValidationError } from "../../platform/errors";
import { storeFile } from "../../platform/files/files";
import { supplierFileOwner } from "./file-owners";
import type { UploadedFile } from "./gift-steps";
import * as repo from "./repository";

export interface NewSupplier {
  code: string;
  name: string;
  contactName: string;
  contactPhone: string;
  contactEmail: string;
  address: string;
  bank: Record<string, string>;
}

export async function createSupplier(tx: Queryable, actor: Actor, input: NewSupplier, opts: { isSample?: boolean } = {}): Promise<string> {
  if (await repo.supplierCodeTaken(tx, input.code))
    throw new ValidationError("この事業者コードは既に使われています。", { code: "この事業者コードは既に使われています。" });
  // The supplier's own logins belong to an external organisation made for it.
  const organisationId = await createOrganisation(tx, {
    kind: "external",
    name: input.name,
    code: `supplier-${input.code.toLowerCase()}`,
    isSample: opts.isSample ?? false,
  });
  const id = await repo.insertSupplier(tx, { ...input, organisationId, isSample: opts.isSample });
  // Bank details are kept out of the audit trail's readable copy: only that they were set.
  await recordAudit(tx, actor, {
    action: "create",
    entityType: "furusato_supplier",
    entityId: id,
    summary: `返礼品提供事業者「${input.name}」（${input.code}）を登録`,
    after: { code: input.code, name: input.name, bankSet: Object.keys(input.bank).length > 0 },
  });
  return id;
}

const CONTACT_LABELS = { contactName: "担当者名", contactPhone: "電話番号", contactEmail: "メールアドレス", address: "所在地" } as const;
export type ContactInput = Record<keyof typeof CONTACT_LABELS, string>;

/**
 * 担当者・電話番号・メール・所在地. The audit row names the fields that changed, not their values: they are a
 * person's contact details.
 */
export async function updateSupplierContact(tx: Queryable, actor: Actor, id: string, input: ContactInput): Promise<void> {
  const supplier = await repo.lockSupplier(tx, id);
  if (!supplier) throw new NotFound("返礼品提供事業者");
  const current: ContactInput = {
    contactName: supplier.contact_name,
    contactPhone: supplier.contact_phone,
    contactEmail: supplier.contact_email,
    address: supplier.address,
  };
  const changed = (Object.keys(CONTACT_LABELS) as (keyof ContactInput)[]).filter((key) => current[key] !== input[key]);
  if (changed.length === 0) return;
  await repo.updateSupplierContact(tx, id, input);
  await recordAudit(tx, actor, {
    action: "update",
    entityType: "furusato_supplier",
    entityId: id,
    summary: `事業者「${supplier.name}」の連絡先を変更（${changed.map((key) => CONTACT_LABELS[key]).join("・")}）`,
    after: { changed },
  });
}

/** 振込先. Financial data: the audit row says which items changed, never the bank, the number or the holder. */
export async function updateSupplierBank(tx: Queryable, actor: Actor, id: string, bank: SupplierBank): Promise<void> {
  const supplier = await repo.lockSupplier(tx, id);
  if (!supplier) throw new NotFound("返礼品提供事業者");
  const before = supplier.bank as Partial<Record<string, string>>;
  const changed = (Object.keys(BANK_FIELD_LABELS) as (keyof SupplierBank)[]).filter((key) => before[key] !== bank[key]);
  // Unchanged: nothing to write (an older free-form 振込先 has other keys, and is replaced by the structured one).
  if (changed.length === 0 && Object.keys(before).length === Object.keys(bank).length) return;
  await repo.updateSupplierBank(tx, id, bank);
  await recordAudit(tx, actor, {
    action: "update",
    entityType: "furusato_supplier",
    entityId: id,
    summary: `事業者「${supplier.name}」の振込先を変更（${changed.length ? changed.map((key) => BANK_FIELD_LABELS[key]).join("・") : "項目の整理"}）`,
    after: { changed },
  });
}

/** 検査 is recorded; 受付停止 suspends the supplier and stops every listing of its gifts; 解除 lifts it. */
export async function recordSupplierEvent(
  tx: Queryable,
  actor: Actor,
  supplierId: string,
  input: { kind: "検査" | "受付停止" | "解除"; occurredOn: string; note: string },
): Promise<void> {
  const supplier = await repo.findSupplier(tx, supplierId);
  if (!supplier) throw new NotFound("返礼品提供事業者");
  if (input.kind === "受付停止" && supplier.status === "受付停止") throw new Conflict("この事業者は既に受付停止中です。");
  if (input.kind === "解除" && supplier.status !== "受付停止") throw new Conflict("この事業者は受付停止中ではありません。");
  await repo.insertSupplierEvent(tx, { supplierId, ...input, authorLabel: actor.label });
  let stopped = 0;
  if (input.kind !== "検査") {
    await repo.setSupplierStatus(tx, supplierId, input.kind === "受付停止" ? "受付停止" : "受付中");
    if (input.kind === "受付停止") {
      for (const gift of await repo.findGifts(tx, todayInJapan(), { supplierId }))
        stopped += await repo.setListingsState(tx, gift.id, "停止");
    }
  }
  await recordAudit(tx, actor, {
    action: input.kind === "検査" ? "inspect" : input.kind === "受付停止" ? "suspend" : "resume",
    entityType: "furusato_supplier",
    entityId: supplierId,
    summary: `事業者「${supplier.name}」: ${input.kind}${stopped ? `（掲載${stopped}件を停止）` : ""}`,
    after: input,
  });
}

/** A supplier's document (営業許可証, 検査結果 …), kept with the supplier. */
export async function addSupplierDocument(
  tx: Queryable,
  actor: Actor,
  supplierId: string,
  file: UploadedFile & { title: string },
): Promise<void> {
  const supplier = await repo.findSupplier(tx, supplierId);
  if (!supplier) throw new NotFound("返礼品提供事業者");
  const stored = await storeFile(tx, {
    name: file.name,
    mimeType: file.mimeType,
    bytes: file.bytes,
    createdBy: actor.userId,
    owner: supplierFileOwner(supplier),
  });
  await repo.insertSupplierDocument(tx, { fileId: stored.id, supplierId, title: file.title, authorLabel: actor.label });
  await recordAudit(tx, actor, {
    action: "add_document",
    entityType: "furusato_supplier",
    entityId: supplierId,
    summary: `事業者「${supplier.name}」の書類「${file.title}」を登録`,
    after: { fileId: stored.id, name: stored.name, uploadedAs: file.name, sha256: stored.sha256 },
  });
}
