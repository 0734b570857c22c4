// HTTP handlers of the furusato catalog: parse input (contracts), check access, call the catalog, shape output.
import type { Context } from "hono";
import * as api from "../../../common/api/furusato";
import { todayInJapan } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { createUser } from "../../platform/admin/users";
import type { Actor } from "../../platform/audit/audit";
import { recordAudit } from "../../platform/audit/audit";
import { AppError, Forbidden, NotFound, ValidationError } from "../../platform/errors";
import { checkEvidenceUpload, checkImageUpload } from "../../platform/files/files";
import { readFileFor } from "../../platform/files/owners";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { accessOf, type FurusatoAccess, requireManager, visibleGift } from "./access";
import * as catalog from "./catalog";
import { giftDetail } from "./gift-detail";
import { updateGift } from "./gift-update";
import { exportRowFields, expressionFunctions, portalTemplateSchema } from "./portal-template";
import { listExports, PUBLISH_JOB, previewPublish } from "./publish";
import * as repo from "./repository";
import { choiceTemplateFromHeader } from "./shipped-templates";

const iso = (value: Date) => value.toISOString();

async function supplierDetail(db: Queryable, access: FurusatoAccess, id: string) {
  const row = await repo.findSupplier(db, id);
  if (!row || (access.supplier && access.supplier.id !== id)) throw new NotFound("返礼品提供事業者");
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

export function registerFurusatoRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.listSuppliers, async (_, { user }) => {
    const access = await accessOf(db, user);
    const rows = access.supplier ? [access.supplier] : await repo.findSuppliers(db);
    return {
      items: rows.map((s) => ({ id: s.id, code: s.code, name: s.name, status: s.status, giftCount: s.gift_count, isSample: s.is_sample })),
    };
  });

  router.on(api.createSupplier, async ({ body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    return supplierDetail(db, access, await catalog.createSupplier(db, actor, body));
  });

  // A supplier's login changes its own contact details (another supplier's answer 404); 振込先 is the city's.
  router.on(api.updateSupplierContact, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    if (!access.manager && access.supplier?.id !== params.id) {
      if (access.supplier) throw new NotFound("返礼品提供事業者");
      throw new Forbidden("事業者の連絡先を変更できるのは、ふるさと納税の担当者と事業者本人です。");
    }
    await catalog.updateSupplierContact(db, actor, params.id, body);
    return supplierDetail(db, access, params.id);
  });

  router.on(api.updateSupplierBank, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    await catalog.updateSupplierBank(db, actor, params.id, body);
    return supplierDetail(db, access, params.id);
  });

  router.on(api.getSupplier, async ({ params }, { user }) => supplierDetail(db, await accessOf(db, user), params.id));

  router.on(api.addSupplierEvent, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    await catalog.recordSupplierEvent(db, actor, params.id, body);
    return supplierDetail(db, access, params.id);
  });

  router.on(api.createSupplierUser, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    const supplier = await repo.findSupplier(db, params.id);
    if (!supplier?.organisation_id) throw new NotFound("返礼品提供事業者");
    await createUser(db, actor, { ...body, role: "partner", organisationId: supplier.organisation_id, email: null });
    return { ok: true as const };
  });

  router.on(api.listGifts, async ({ query }, { user }) => {
    const access = await accessOf(db, user);
    const today = todayInJapan();
    const rows = await repo.findGifts(db, today, { supplierId: access.supplier?.id ?? query.supplierId, status: query.status });
    const needle = query.q?.normalize("NFKC").toLowerCase();
    const matching = needle ? rows.filter((g) => `${g.code} ${g.details.title}`.normalize("NFKC").toLowerCase().includes(needle)) : rows;
    const judged = await catalog.giftsWithFindings(db, matching, today);
    const items = judged.map(({ gift: row, findings, blocked }) => ({
      id: row.id,
      code: row.code,
      title: row.details.title,
      supplierId: row.supplier_id,
      supplierName: row.supplier_name,
      status: row.status,
      procurementCost: row.procurement_cost,
      deliveries: row.details.subscription?.deliveries ?? 1,
      errorCount: findings.filter((f) => f.severity === "error").length,
      warningCount: findings.filter((f) => f.severity === "warning").length,
      blocked,
      isSample: row.is_sample,
    }));
    return { items };
  });

  router.on(api.createGift, async ({ body }, { user, actor }) => {
    const access = await accessOf(db, user);
    // A supplier proposes for itself only; staff enter for any supplier.
    if (access.supplier && body.supplierId !== access.supplier.id) throw new Forbidden("自社以外の返礼品は登録できません。");
    if (!access.supplier) requireManager(access);
    const id = await catalog.createGift(db, actor, body);
    return giftDetail(db, access, id);
  });

  router.on(api.getGift, async ({ params }, { user }) => giftDetail(db, await accessOf(db, user), params.id));

  // Authorised inside the service's one transaction, which returns the detail.
  router.on(api.updateGift, ({ params, body }, { user, actor }) => updateGift(db, user, actor, params.id, body));

  router.on(api.copyGift, async ({ params }, { user, actor }) => {
    const access = await accessOf(db, user);
    await visibleGift(db, access, params.id, todayInJapan());
    if (!access.supplier) requireManager(access);
    return giftDetail(db, access, await catalog.copyGift(db, actor, params.id));
  });

  router.on(api.changeGiftCost, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    await visibleGift(db, access, params.id, todayInJapan());
    // Suppliers report a new price too: the rules re-check every portal at once either way.
    if (!access.supplier) requireManager(access);
    await catalog.changeCost(db, actor, params.id, body);
    return giftDetail(db, access, params.id);
  });

  router.on(api.transitionGift, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    await visibleGift(db, access, params.id, todayInJapan());
    if (!access.supplier) requireManager(access);
    await catalog.transitionGift(db, actor, params.id, body, { bySupplier: access.supplier !== null });
    return giftDetail(db, access, params.id);
  });

  router.on(api.setListing, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    await catalog.setListing(db, actor, params.id, { portalCode: params.portalCode, ...body });
    return giftDetail(db, access, params.id);
  });

  router.on(api.decideChange, async ({ params, body }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    await catalog.decideChange(db, actor, params.id, body);
    return giftDetail(db, access, params.id);
  });

  router.on(api.approveListingAmount, async ({ params }, { user, actor }) => {
    const access = await accessOf(db, user);
    requireManager(access);
    await catalog.approveListingAmount(db, actor, params.id, params.portalCode);
    return giftDetail(db, access, params.id);
  });

  router.on(api.getFurusatoAccess, async (_, { user }) => {
    const access = await accessOf(db, user);
    return {
      manager: access.manager,
      donors: access.donors,
      supplierId: access.supplier?.id ?? null,
      supplierName: access.supplier?.name ?? null,
    };
  });

  router.on(api.uploadEvidence, async ({ params }, { user, actor, c }) => {
    const access = await accessOf(db, user);
    const gift = await visibleGift(db, access, params.id, todayInJapan());
    if (access.supplier ? gift.status !== "入力中" : !access.manager) throw new Forbidden("この返礼品には資料を添付できません。");
    const upload = await formFile(c);
    const bytes = new Uint8Array(await upload.arrayBuffer());
    await catalog.attachEvidence(db, actor, params.id, { name: upload.name, mimeType: checkEvidenceUpload(upload.name, bytes), bytes });
    return giftDetail(db, access, params.id);
  });

  router.on(api.downloadEvidence, async ({ params }, { user, actor }) => {
    const access = await accessOf(db, user);
    const gift = await visibleGift(db, access, params.id, todayInJapan());
    if (!gift.details.evidenceFileIds.includes(params.fileId)) throw new NotFound("根拠資料");
    // Listed is not enough: the file must be this gift's own evidence, and readable by its owner's rule.
    const file = await readFileFor(db, user, params.fileId, { kind: "furusato.gift", ownerId: gift.id, purpose: "evidence" }, "根拠資料");
    await recordAudit(db, actor, {
      action: "download",
      entityType: "file",
      entityId: file.id,
      summary: `根拠資料「${file.name}」をダウンロード`,
    });
    return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
  });

  router.on(api.previewPublish, async (_, { user }) => {
    requireManager(await accessOf(db, user));
    return previewPublish(db);
  });

  router.on(api.startPublish, async (_, { user, actor }) => {
    requireManager(await accessOf(db, user));
    if (!deps.jobs) throw new AppError(503, "jobs_unavailable", "ジョブ実行基盤が起動していません。");
    return { jobId: await deps.jobs.enqueue(PUBLISH_JOB, { actor }, actor.userId) };
  });

  router.on(api.listExports, async (_, { user }) => {
    requireManager(await accessOf(db, user));
    return { items: await listExports(db) };
  });

  router.on(api.downloadExport, async ({ params }, { user, actor }) => {
    requireManager(await accessOf(db, user));
    const fileId = await repo.findExportFileId(db, params.id);
    if (!fileId) throw new NotFound("出力");
    const file = await readFileFor(db, user, fileId, { kind: "furusato.export", ownerId: params.id }, "出力");
    await recordAudit(db, actor, {
      action: "download",
      entityType: "furusato_export",
      entityId: params.id,
      summary: `一括出力「${file.name}」をダウンロード`,
    });
    return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
  });

  router.on(api.uploadGiftImage, async ({ params }, { user, actor, c }) => {
    const access = await accessOf(db, user);
    const gift = await visibleGift(db, access, params.id, todayInJapan());
    if (access.supplier ? gift.status !== "入力中" : !access.manager) throw new Forbidden("この返礼品には画像を追加できません。");
    const upload = await formFile(c);
    const bytes = new Uint8Array(await upload.arrayBuffer());
    const baseUrl = deps.config.publicUrl ?? new URL(c.req.url).origin;
    await catalog.addGiftImage(db, actor, params.id, { name: upload.name, mimeType: checkImageUpload(upload.name, bytes), bytes }, baseUrl);
    return giftDetail(db, access, params.id);
  });

  router.on(api.publicGiftImage, async ({ params }) => {
    // Only gift photos are public; any other file id is "not found" here.
    const file = await readFileFor(db, null, params.fileId, { kind: "furusato.gift", purpose: "image" }, "画像");
    return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
  });

  router.on(api.uploadSupplierDocument, async ({ params }, { user, actor, c }) => {
    const access = await accessOf(db, user);
    // Another supplier's record is "not found" to a supplier, as on every route with a record id.
    if (access.supplier && access.supplier.id !== params.id) throw new NotFound("返礼品提供事業者");
    if (!access.supplier && !access.manager) throw new Forbidden("この事業者の書類は登録できません。");
    const form = await c.req.parseBody();
    const title = typeof form.title === "string" ? form.title.trim() : "";
    if (title === "" || title.length > 200)
      throw new ValidationError("書類名を入力してください（200文字以内）。", { title: "書類名を入力してください。" });
    const upload = form.file;
    if (!(upload instanceof File)) throw new ValidationError("ファイルを選んでください。", { file: "ファイルを選んでください。" });
    const bytes = new Uint8Array(await upload.arrayBuffer());
    await catalog.addSupplierDocument(db, actor, params.id, {
      name: upload.name,
      mimeType: checkEvidenceUpload(upload.name, bytes),
      bytes,
      title,
    });
    return supplierDetail(db, access, params.id);
  });

  router.on(api.downloadSupplierDocument, async ({ params }, { user, actor }) => {
    const access = await accessOf(db, user);
    await supplierDetail(db, access, params.id); // 404 for another supplier
    const file = await readFileFor(
      db,
      user,
      params.fileId,
      { kind: "furusato.supplier", ownerId: params.id, purpose: "supplier_document" },
      "書類",
    );
    await recordAudit(db, actor, {
      action: "download",
      entityType: "file",
      entityId: file.id,
      summary: `事業者の書類「${file.name}」をダウンロード`,
    });
    return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
  });

  router.on(api.listPortals, async (_, { user }) => {
    await accessOf(db, user);
    return { items: await repo.findPortals(db) };
  });

  router.on(api.templateVocabulary, async (_, { user }) => {
    await accessOf(db, user);
    return { fields: exportRowFields(), functions: expressionFunctions() };
  });

  router.on(api.savePortal, async ({ params, body }, { user, actor }) => {
    requireManager(await accessOf(db, user));
    // A portal is data: its export template is checked here, so adding one needs no code change.
    return savePortalAs(db, actor, { code: params.code, ...body, template: portalTemplateSchema.parse(body.template) });
  });

  router.on(api.saveChoicePortal, async ({ params, body }, { user, actor }) => {
    requireManager(await accessOf(db, user));
    const { headerLine, mapping, ...portal } = body;
    return savePortalAs(db, actor, { code: params.code, ...portal, template: choiceTemplateFromHeader(headerLine, mapping) });
  });
}

async function savePortalAs(db: Db, actor: Actor, portal: repo.StoredPortal) {
  await db.transaction(async (tx) => {
    const before = (await repo.findPortals(tx)).find((p) => p.code === portal.code);
    await repo.upsertPortal(tx, portal);
    await recordAudit(tx, actor, {
      action: before ? "update" : "create",
      entityType: "furusato_portal",
      entityId: portal.code,
      summary: `寄附受付サイト「${portal.name}」を${before ? "変更" : "追加"}`,
      before,
      after: portal,
    });
  });
  const saved = (await repo.findPortals(db)).find((p) => p.code === portal.code);
  if (!saved) throw new NotFound("寄附受付サイト");
  return saved;
}

/** The uploaded file of a multipart request (field "file"). */
async function formFile(c: Context): Promise<File> {
  const upload = (await c.req.parseBody()).file;
  if (!(upload instanceof File)) throw new ValidationError("ファイルを選んでください。", { file: "ファイルを選んでください。" });
  return upload;
}
