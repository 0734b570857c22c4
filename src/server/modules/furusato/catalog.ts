// 返礼品カタログ: suppliers, gifts (proposal → review → approval), dated costs, and portal listings. Every change
// is one transaction with its audit row, and the rule engine re-checks the gift on every portal after it: a cost
// increase that breaks 3割 on one portal shows up at once as an error on that portal.
import { BANK_FIELD_LABELS, type SupplierBank } from "../../../common/api/furusato";
import { giftActionCode } from "../../../common/audit-labels";
import { todayInJapan } from "../../../common/dates";
import type { GiftDetails } from "../../../common/furusato/gift-schema";
import { blocksPublishing, checkGift, checkListing } from "../../../common/furusato/rules";
import type { Gift, GiftStatus, Listing, RuleFinding } from "../../../common/furusato/types";
import { FILES_PER_GIFT_MAX } from "../../../common/upload-limits";
import type { Db, Queryable } from "../../db/database";
import { createOrganisation } from "../../platform/admin/organisations";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { Conflict, Forbidden, NotFound, ValidationError } from "../../platform/errors";
import { storeFile } from "../../platform/files/files";
import { attachFiles, copyOwnedFile } from "../../platform/files/owners";
import { giftFileOwner, supplierFileOwner } from "./file-owners";
import * as repo from "./repository";
import { indexGift } from "./search-index";

export const STALE = "他の利用者が先に更新しました。画面を再読み込みしてから、もう一度保存してください。";

// ------------------------------------------------------------------ suppliers

export async function createSupplier(
  db: Db,
  actor: Actor,
  input: {
    code: string;
    name: string;
    contactName: string;
    contactPhone: string;
    contactEmail: string;
    address: string;
    bank: Record<string, string>;
  },
  opts: { isSample?: boolean } = {},
): Promise<string> {
  return db.transaction(async (tx) => {
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
  });
}

const CONTACT_LABELS = { contactName: "担当者名", contactPhone: "電話番号", contactEmail: "メールアドレス", address: "所在地" } as const;
type ContactInput = Record<keyof typeof CONTACT_LABELS, string>;

/**
 * 担当者・電話番号・メール・所在地. The audit row names the fields that changed, not their values: they are a
 * person's contact details.
 */
export async function updateSupplierContact(db: Db, actor: Actor, id: string, input: ContactInput): Promise<void> {
  await db.transaction(async (tx) => {
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
  });
}

/** 振込先. Financial data: the audit row says which items changed, never the bank, the number or the holder. */
export async function updateSupplierBank(db: Db, actor: Actor, id: string, bank: SupplierBank): Promise<void> {
  await db.transaction(async (tx) => {
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
  });
}

/** 検査 is recorded; 受付停止 suspends the supplier and stops every listing of its gifts; 解除 lifts it. */
export async function recordSupplierEvent(
  db: Db,
  actor: Actor,
  supplierId: string,
  input: { kind: "検査" | "受付停止" | "解除"; occurredOn: string; note: string },
): Promise<void> {
  await db.transaction(async (tx) => {
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
  });
}

// ------------------------------------------------------------------ gifts

/** The rule engine's view of a stored gift, with the cost effective on `on`. */
export function toGift(row: repo.GiftRow): Gift {
  const d = row.details;
  return {
    code: row.code,
    supplierCode: row.supplier_code,
    supplierName: row.supplier_name,
    title: d.title,
    catchCopy: d.catchCopy,
    description: d.description,
    contents: d.contents,
    procurementCost: row.procurement_cost ?? 0,
    shippingCost: row.shipping_cost ?? 0,
    shippingSize: d.shippingSize,
    temperature: d.temperature,
    handlingNotes: d.handlingNotes,
    allergens: d.allergens,
    bestBefore: d.bestBefore,
    originOfIngredients: d.originOfIngredients,
    placeOfProcessing: d.placeOfProcessing,
    applicationPeriod: d.applicationPeriod,
    deliveryPeriod: d.deliveryPeriod,
    limitedQuantity: d.limitedQuantity,
    noshi: d.noshi,
    wrapping: d.wrapping,
    imageUrls: d.imageUrls,
    subscription: d.subscription,
    localProductType: d.localProductType,
    localProductReason: d.localProductReason,
    evidenceCount: d.evidenceFileIds.length,
    rawMaterialSamePrefecture: d.rawMaterialSamePrefecture,
    certifications: d.certifications,
    status: row.status,
  };
}

export function toListing(row: repo.ListingRow): Listing {
  return {
    giftCode: "",
    portalCode: row.portal_code,
    donationAmount: row.donation_amount,
    titleVariant: row.title_variant,
    state: row.state,
    stock: row.stock,
    listingDate: row.listing_date,
    previousDonationAmount: row.approved_donation_amount,
  };
}

export interface GiftWithFindings {
  gift: repo.GiftRow;
  listings: repo.ListingRow[];
  findings: RuleFinding[];
  /** publishing is blocked: an error, or an amount still waiting for a second person's approval */
  blocked: boolean;
}

/** A suspended supplier's gifts cannot be published anywhere. */
export function supplierFindings(gift: repo.GiftRow): RuleFinding[] {
  if (gift.supplier_status !== "受付停止") return [];
  return [
    { rule: "supplier_suspended", severity: "error", message: `事業者「${gift.supplier_name}」は受付停止中です。`, giftCode: gift.code },
  ];
}

/** What the rules say of a gift on each of its portals, given its listings (pure). */
export function judge(
  gift: repo.GiftRow,
  listings: repo.ListingRow[],
  portals: Map<string, repo.StoredPortal>,
  on: string,
): GiftWithFindings {
  const pairs = listings.flatMap((row) => {
    const portal = portals.get(row.portal_code);
    return portal ? [{ listing: { ...toListing(row), giftCode: gift.code }, portal }] : [];
  });
  const findings = [...checkGift(toGift(gift), pairs, { today: on }), ...supplierFindings(gift)];
  return { gift, listings, findings, blocked: blocksPublishing(findings) };
}

/** Many gifts at once (lists): three queries whatever the number of gifts. */
export async function giftsWithFindings(db: Queryable, gifts: repo.GiftRow[], on = todayInJapan()): Promise<GiftWithFindings[]> {
  const portals = new Map((await repo.findPortals(db)).map((p) => [p.code, p]));
  const listings = await repo.findListings(
    db,
    gifts.map((g) => g.id),
  );
  return gifts.map((gift) =>
    judge(
      gift,
      listings.filter((l) => l.gift_id === gift.id),
      portals,
      on,
    ),
  );
}

/** A gift, its listings and what the rules say of it on each portal today. */
export async function giftWithFindings(db: Queryable, id: string, on = todayInJapan()): Promise<GiftWithFindings> {
  const gift = await repo.findGift(db, id, on);
  if (!gift) throw new NotFound("返礼品");
  return (await giftsWithFindings(db, [gift], on))[0];
}

export async function createGift(
  db: Db,
  actor: Actor,
  input: { supplierId: string; details: GiftDetails; procurementCost: number; shippingCost: number; costEffectiveFrom: string },
  opts: { copiedFrom?: string; isSample?: boolean } = {},
): Promise<string> {
  return db.transaction(async (tx) => {
    const supplier = await repo.findSupplier(tx, input.supplierId);
    if (!supplier) throw new NotFound("返礼品提供事業者");
    const code = await repo.nextGiftCode(tx, supplier.id, supplier.code);
    // A copy starts without evidence and then gets copies of its source's own: each file keeps one owner.
    const id = await repo.insertGift(tx, {
      code,
      supplierId: supplier.id,
      details: opts.copiedFrom ? { ...input.details, evidenceFileIds: [] } : input.details,
      copiedFrom: opts.copiedFrom ?? null,
      createdBy: actor.userId,
      isSample: opts.isSample,
    });
    const owner = { id, supplier_organisation_id: supplier.organisation_id };
    let details = input.details;
    if (opts.copiedFrom) {
      details = { ...details, evidenceFileIds: await copyEvidence(tx, actor, details.evidenceFileIds, opts.copiedFrom, owner) };
      if (details.evidenceFileIds.length > 0) await repo.updateGiftDetails(tx, id, 1, details);
    } else {
      await attachEvidenceIds(tx, actor, owner, details.evidenceFileIds);
    }
    await repo.insertCost(tx, {
      giftId: id,
      effectiveFrom: input.costEffectiveFrom,
      procurementCost: input.procurementCost,
      shippingCost: input.shippingCost,
      authorLabel: actor.label,
    });
    await recordAudit(tx, actor, {
      action: opts.copiedFrom ? "copy" : "create",
      entityType: "furusato_gift",
      entityId: id,
      summary: `返礼品「${input.details.title}」（${code}）を${opts.copiedFrom ? "複製して作成" : "作成"}`,
      after: { code, details, procurementCost: input.procurementCost, shippingCost: input.shippingCost },
    });
    await indexGift(tx, id, input.costEffectiveFrom);
    return id;
  });
}

/** Copy a gift to start a similar one: same details and current cost, a new code, status 入力中. */
export async function copyGift(db: Db, actor: Actor, id: string): Promise<string> {
  const source = await repo.findGift(db, id, todayInJapan());
  if (!source) throw new NotFound("返礼品");
  return createGift(
    db,
    actor,
    {
      supplierId: source.supplier_id,
      details: { ...source.details, title: `${source.details.title}（複製）`.slice(0, 200) },
      procurementCost: source.procurement_cost ?? 0,
      shippingCost: source.shipping_cost ?? 0,
      costEffectiveFrom: todayInJapan(),
    },
    { copiedFrom: id },
  );
}

const EVIDENCE_LABELS = { file: "根拠資料", record: "返礼品", field: "evidenceFileIds" };

/** The gift's evidence list may name only files it owns or the actor's own unattached evidence uploads. */
export async function attachEvidenceIds(
  tx: Queryable,
  actor: Actor,
  gift: Pick<repo.GiftRow, "id" | "supplier_organisation_id">,
  fileIds: readonly string[],
): Promise<void> {
  await attachFiles(tx, actor, fileIds, giftFileOwner(gift, "evidence"), EVIDENCE_LABELS);
}

async function copyEvidence(
  tx: Queryable,
  actor: Actor,
  fileIds: readonly string[],
  sourceGiftId: string,
  copy: Pick<repo.GiftRow, "id" | "supplier_organisation_id">,
): Promise<string[]> {
  const copies: string[] = [];
  for (const fileId of fileIds) {
    const copied = await copyOwnedFile(
      tx,
      fileId,
      { kind: "furusato.gift", id: sourceGiftId, purpose: "evidence" },
      giftFileOwner(copy, "evidence"),
      actor.userId,
    );
    if (!copied)
      throw new ValidationError("複製元の返礼品に属さない根拠資料は添付できません。", {
        evidenceFileIds: "複製元の根拠資料ではありません。",
      });
    copies.push(copied);
  }
  return copies;
}

/** Statuses in which a supplier's edit becomes a change proposal instead of a direct change. */
export const PROPOSABLE = new Set<GiftStatus>(["承認済", "ポータル登録済"]);

/** A new cost from a date on (the history is kept); returns the re-checked gift, whose 3割 may now fail. */
export async function changeCost(
  db: Db,
  actor: Actor,
  id: string,
  input: { effectiveFrom: string; procurementCost: number; shippingCost: number },
) {
  await db.transaction(async (tx) => {
    const before = await repo.findGift(tx, id, input.effectiveFrom);
    if (!before) throw new NotFound("返礼品");
    await repo.insertCost(tx, { giftId: id, ...input, authorLabel: actor.label });
    await recordAudit(tx, actor, {
      action: "cost_change",
      entityType: "furusato_gift",
      entityId: id,
      summary: `返礼品「${before.details.title}」（${before.code}）の調達費用を変更（${input.effectiveFrom}から）`,
      before: { procurementCost: before.procurement_cost, shippingCost: before.shipping_cost },
      after: input,
    });
  });
  return giftWithFindings(db, id, input.effectiveFrom > todayInJapan() ? input.effectiveFrom : todayInJapan());
}

/** The workflow: which action moves which status where, and who may take it. */
export const GIFT_TRANSITIONS = {
  提出: { from: ["入力中"], to: "確認中", supplier: true },
  差戻し: { from: ["確認中"], to: "入力中", supplier: false },
  承認: { from: ["確認中"], to: "承認済", supplier: false },
  受付停止: { from: ["承認済", "ポータル登録済"], to: "受付停止", supplier: false },
  再開: { from: ["受付停止"], to: "承認済", supplier: false },
  取り下げ: { from: ["入力中", "確認中", "承認済", "ポータル登録済", "受付停止"], to: "取り下げ", supplier: true },
} as const satisfies Record<string, { from: readonly GiftStatus[]; to: GiftStatus; supplier: boolean }>;
export type GiftAction = keyof typeof GIFT_TRANSITIONS;

export async function transitionGift(
  db: Db,
  actor: Actor,
  id: string,
  input: { action: GiftAction; comment: string },
  opts: { bySupplier: boolean },
) {
  const rule = GIFT_TRANSITIONS[input.action];
  await db.transaction(async (tx) => {
    const gift = await repo.findGift(tx, id, todayInJapan());
    if (!gift) throw new NotFound("返礼品");
    if (opts.bySupplier && !rule.supplier) throw new Forbidden(`「${input.action}」は市の担当者が行います。`);
    if (!(rule.from as readonly GiftStatus[]).includes(gift.status)) {
      throw new Conflict(`「${gift.status}」の返礼品は「${input.action}」できません。`, "invalid_transition");
    }
    if (input.action === "差戻し" && input.comment.trim() === "") {
      throw new ValidationError("差戻しの理由を入力してください。", { comment: "差戻しの理由を入力してください。" });
    }
    if (input.action === "承認") {
      // Approval needs the gift itself to pass the 地場産品 rules; portal amounts are checked at publishing.
      const errors = checkGift(toGift(gift), []).filter((f) => f.severity === "error");
      if (errors.length > 0) throw new ValidationError(`承認できません: ${errors.map((e) => e.message).join(" / ")}`);
    }
    await repo.setGiftStatus(tx, id, rule.to);
    // Stopping a gift (sold out, season over) is one action: every portal's listing stops with it.
    if (rule.to === "受付停止" || rule.to === "取り下げ") await repo.setListingsState(tx, id, "停止");
    if (input.action === "再開") await repo.setListingsState(tx, id, "受付中");
    await repo.insertReview(tx, {
      giftId: id,
      action: input.action,
      fromStatus: gift.status,
      toStatus: rule.to,
      comment: input.comment,
      actorUserId: actor.userId,
      actorLabel: actor.label,
    });
    await recordAudit(tx, actor, {
      action: giftActionCode(input.action),
      entityType: "furusato_gift",
      entityId: id,
      summary: `返礼品「${gift.details.title}」（${gift.code}）: ${input.action}`,
      before: { status: gift.status },
      after: { status: rule.to, comment: input.comment },
    });
  });
  return giftWithFindings(db, id);
}

// ------------------------------------------------------------------ listings

/**
 * Sets a gift's listing on a portal. A suspicious amount change (±50%, a dropped or added digit) is saved but not
 * approved: publishing stays blocked until a second person approves it.
 */
export async function setListing(
  db: Db,
  actor: Actor,
  giftId: string,
  input: { portalCode: string; donationAmount: number; titleVariant: string; stock: number | null; listingDate: string },
) {
  await db.transaction(async (tx) => {
    const gift = await repo.findGift(tx, giftId, input.listingDate);
    if (!gift) throw new NotFound("返礼品");
    const portal = (await repo.findPortals(tx)).find((p) => p.code === input.portalCode);
    if (!portal) throw new NotFound("寄附受付サイト");
    const existing = (await repo.findListings(tx, [giftId])).find((l) => l.portal_code === input.portalCode);
    const listing: Listing = {
      giftCode: gift.code,
      portalCode: portal.code,
      donationAmount: input.donationAmount,
      titleVariant: input.titleVariant,
      state: existing?.state ?? "受付中",
      stock: input.stock,
      listingDate: input.listingDate,
      previousDonationAmount: existing?.approved_donation_amount ?? null,
    };
    const needsApproval = checkListing(toGift(gift), portal, listing, { today: input.listingDate }).some((f) => f.needsSecondApproval);
    await repo.upsertListing(tx, { giftId, ...input, changedBy: actor.userId, approved: !needsApproval });
    await recordAudit(tx, actor, {
      action: "listing",
      entityType: "furusato_listing",
      entityId: `${gift.code}:${portal.code}`,
      summary: `返礼品「${gift.details.title}」の${portal.name}掲載を設定（寄附金額 ${input.donationAmount.toLocaleString("ja-JP")}円${needsApproval ? "・要承認" : ""}）`,
      before: existing ? { donationAmount: existing.donation_amount, titleVariant: existing.title_variant } : undefined,
      after: input,
    });
  });
  return giftWithFindings(db, giftId, input.listingDate);
}

/** The second person's approval of a suspicious amount; the one who changed it cannot approve it. */
export async function approveListingAmount(db: Db, actor: Actor, giftId: string, portalCode: string) {
  await db.transaction(async (tx) => {
    const listing = (await repo.findListings(tx, [giftId])).find((l) => l.portal_code === portalCode);
    if (!listing) throw new NotFound("掲載");
    if (listing.approved_donation_amount === listing.donation_amount) throw new Conflict("この寄附金額は承認済みです。");
    if (listing.amount_changed_by && listing.amount_changed_by === actor.userId) {
      throw new Forbidden("寄附金額を変更した本人は承認できません。別の担当者が確認して承認してください。");
    }
    await repo.approveListingAmount(tx, listing.id);
    await recordAudit(tx, actor, {
      action: "approve_amount",
      entityType: "furusato_listing",
      entityId: listing.id,
      summary: `寄附金額 ${listing.donation_amount.toLocaleString("ja-JP")}円（変更前 ${listing.approved_donation_amount?.toLocaleString("ja-JP") ?? "なし"}円）を承認`,
      before: { approvedDonationAmount: listing.approved_donation_amount },
      after: { approvedDonationAmount: listing.donation_amount },
    });
  });
  return giftWithFindings(db, giftId);
}

/** 根拠資料: stores the file and adds it to the gift's evidence (the 2号/3号 rule then passes). */
export async function attachEvidence(db: Db, actor: Actor, giftId: string, file: { name: string; mimeType: string; bytes: Uint8Array }) {
  await db.transaction(async (tx) => {
    const gift = await repo.findGift(tx, giftId, todayInJapan());
    if (!gift) throw new NotFound("返礼品");
    const stored = await storeFile(tx, { ...file, createdBy: actor.userId, owner: giftFileOwner(gift, "evidence") });
    const details = { ...gift.details, evidenceFileIds: [...gift.details.evidenceFileIds, stored.id] };
    if (!(await repo.updateGiftDetails(tx, giftId, gift.version, details))) throw new Conflict(STALE, "stale_version");
    await recordAudit(tx, actor, {
      action: "attach_evidence",
      entityType: "furusato_gift",
      entityId: giftId,
      summary: `返礼品「${gift.details.title}」（${gift.code}）に根拠資料「${stored.name}」を添付`,
      after: { fileId: stored.id, name: stored.name, uploadedAs: file.name, sha256: stored.sha256 },
    });
  });
}

/** Staff decide on a supplier's proposed change: approved, it becomes the gift's details; rejected, it is dropped. */
export async function decideChange(db: Db, actor: Actor, id: string, input: { approve: boolean; comment: string }) {
  await db.transaction(async (tx) => {
    const gift = await repo.findGift(tx, id, todayInJapan());
    if (!gift) throw new NotFound("返礼品");
    if (!gift.pending_details) throw new Conflict("確認待ちの変更提案はありません。");
    if (!input.approve && input.comment.trim() === "") {
      throw new ValidationError("差戻しの理由を入力してください。", { comment: "差戻しの理由を入力してください。" });
    }
    if (input.approve) {
      // The proposal's files were taken over when it was made; only the gift's own may become live.
      await attachEvidenceIds(tx, actor, gift, gift.pending_details.evidenceFileIds);
      const errors = checkGift({ ...toGift(gift), ...detailsForRules(gift.pending_details) }, []).filter((f) => f.severity === "error");
      if (errors.length > 0) throw new ValidationError(`この変更は承認できません: ${errors.map((e) => e.message).join(" / ")}`);
      if (!(await repo.updateGiftDetails(tx, id, gift.version, gift.pending_details))) throw new Conflict(STALE, "stale_version");
      await repo.setPendingDetails(tx, id, gift.version + 1, null, null);
    } else if (!(await repo.setPendingDetails(tx, id, gift.version, null, null))) {
      throw new Conflict(STALE, "stale_version");
    }
    const action = input.approve ? "変更承認" : "変更差戻し";
    await repo.insertReview(tx, {
      giftId: id,
      action,
      fromStatus: gift.status,
      toStatus: gift.status,
      comment: input.comment,
      actorUserId: actor.userId,
      actorLabel: actor.label,
    });
    await recordAudit(tx, actor, {
      action: input.approve ? "approve_change" : "reject_change",
      entityType: "furusato_gift",
      entityId: id,
      summary: `返礼品「${gift.details.title}」（${gift.code}）の変更提案を${input.approve ? "承認" : "差戻し"}`,
      before: gift.details,
      after: input.approve ? gift.pending_details : gift.details,
    });
    await indexGift(tx, id, todayInJapan());
  });
  return giftWithFindings(db, id);
}

/** The rule-relevant fields of proposed details, laid over the stored gift for checking. */
function detailsForRules(details: GiftDetails): Partial<Gift> {
  return {
    title: details.title,
    catchCopy: details.catchCopy,
    description: details.description,
    contents: details.contents,
    localProductType: details.localProductType,
    localProductReason: details.localProductReason,
    evidenceCount: details.evidenceFileIds.length,
    rawMaterialSamePrefecture: details.rawMaterialSamePrefecture,
    certifications: details.certifications,
    subscription: details.subscription,
  };
}

/** A gift photo: stored, registered as public (portals fetch it), and its address added to the gift's image URLs. */
export async function addGiftImage(
  db: Db,
  actor: Actor,
  giftId: string,
  file: { name: string; mimeType: string; bytes: Uint8Array },
  baseUrl: string,
) {
  await db.transaction(async (tx) => {
    const gift = await repo.findGift(tx, giftId, todayInJapan());
    if (!gift) throw new NotFound("返礼品");
    if (gift.details.imageUrls.length >= FILES_PER_GIFT_MAX) throw new ValidationError(`画像は${FILES_PER_GIFT_MAX}枚までです。`);
    const stored = await storeFile(tx, { ...file, createdBy: actor.userId, owner: giftFileOwner(gift, "image") });
    await repo.insertGiftImage(tx, stored.id, giftId);
    const url = `${baseUrl}/api/public/furusato/images/${stored.id}`;
    const details = { ...gift.details, imageUrls: [...gift.details.imageUrls, url] };
    if (!(await repo.updateGiftDetails(tx, giftId, gift.version, details))) throw new Conflict(STALE, "stale_version");
    await recordAudit(tx, actor, {
      action: "add_image",
      entityType: "furusato_gift",
      entityId: giftId,
      summary: `返礼品「${gift.details.title}」（${gift.code}）に画像「${stored.name}」を追加`,
      after: { fileId: stored.id, url },
    });
  });
}

/** A supplier's document (営業許可証, 検査結果 …), kept with the supplier. */
export async function addSupplierDocument(
  db: Db,
  actor: Actor,
  supplierId: string,
  file: { name: string; mimeType: string; bytes: Uint8Array; title: string },
) {
  await db.transaction(async (tx) => {
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
  });
}
