// 返礼品の変更, each one step inside a transaction its caller opened: the catalog's own writes (catalog.ts, for the
// demo and the fixtures) and the routes' services (gift-service.ts, gift-files.ts, which authorise first) share them.
// A step gets the gift row its caller read (and checked), writes, and records its audit row; it never authorises.
import { giftActionCode } from "../../../common/audit-labels";
import { todayInJapan } from "../../../common/dates";
import type { GiftDetails } from "../../../common/furusato/gift-schema";
import { checkGift, checkListing } from "../../../common/furusato/rules";
import type { GiftStatus, Listing } from "../../../common/furusato/types";
import { FILES_PER_GIFT_MAX } from "../../../common/upload-limits";
import type { Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { Conflict, Forbidden, NotFound, ValidationError } from "../../platform/errors";
import { storeFile } from "../../platform/files/files";
import { attachFiles, copyOwnedFile } from "../../platform/files/owners";
import { giftFileOwner } from "./file-owners";
import { detailsForRules, GIFT_TRANSITIONS, type GiftAction, STALE, toGift } from "./gift-rules";
import * as repo from "./repository";
import { indexGift } from "./search-index";

export interface NewGift {
  supplierId: string;
  details: GiftDetails;
  procurementCost: number;
  shippingCost: number;
  costEffectiveFrom: string;
}

export interface UploadedFile {
  name: string;
  mimeType: string;
  bytes: Uint8Array;
}

export async function createGift(
  tx: Queryable,
  actor: Actor,
  input: NewGift,
  opts: { copiedFrom?: string; isSample?: boolean } = {},
): Promise<string> {
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
}

/** Copy a gift (read today) to start a similar one: same details and current cost, a new code, status 入力中. */
export async function copyGift(tx: Queryable, actor: Actor, source: repo.GiftRow): Promise<string> {
  return createGift(
    tx,
    actor,
    {
      supplierId: source.supplier_id,
      details: { ...source.details, title: `${source.details.title}（複製）`.slice(0, 200) },
      procurementCost: source.procurement_cost ?? 0,
      shippingCost: source.shipping_cost ?? 0,
      costEffectiveFrom: todayInJapan(),
    },
    { copiedFrom: source.id },
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

/** A new cost from a date on (the history is kept). `before` is the gift read on that date (its cost then). */
export async function changeCost(
  tx: Queryable,
  actor: Actor,
  before: repo.GiftRow,
  input: { effectiveFrom: string; procurementCost: number; shippingCost: number },
): Promise<void> {
  await repo.insertCost(tx, { giftId: before.id, ...input, authorLabel: actor.label });
  await recordAudit(tx, actor, {
    action: "cost_change",
    entityType: "furusato_gift",
    entityId: before.id,
    summary: `返礼品「${before.details.title}」（${before.code}）の調達費用を変更（${input.effectiveFrom}から）`,
    before: { procurementCost: before.procurement_cost, shippingCost: before.shipping_cost },
    after: input,
  });
}

/** One step of the workflow (GIFT_TRANSITIONS), by a supplier or by staff. */
export async function transition(
  tx: Queryable,
  actor: Actor,
  gift: repo.GiftRow,
  input: { action: GiftAction; comment: string },
  opts: { bySupplier: boolean },
): Promise<void> {
  const rule = GIFT_TRANSITIONS[input.action];
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
  await repo.setGiftStatus(tx, gift.id, rule.to);
  // Stopping a gift (sold out, season over) is one action: every portal's listing stops with it.
  if (rule.to === "受付停止" || rule.to === "取り下げ") await repo.setListingsState(tx, gift.id, "停止");
  if (input.action === "再開") await repo.setListingsState(tx, gift.id, "受付中");
  await repo.insertReview(tx, {
    giftId: gift.id,
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
    entityId: gift.id,
    summary: `返礼品「${gift.details.title}」（${gift.code}）: ${input.action}`,
    before: { status: gift.status },
    after: { status: rule.to, comment: input.comment },
  });
}

/**
 * Sets a gift's listing on a portal (`gift` read on the listing date). A suspicious amount change (±50%, a dropped or
 * added digit) is saved but not approved: publishing stays blocked until a second person approves it.
 */
export async function setListing(
  tx: Queryable,
  actor: Actor,
  gift: repo.GiftRow,
  input: { portalCode: string; donationAmount: number; titleVariant: string; stock: number | null; listingDate: string },
): Promise<void> {
  const portal = (await repo.findPortals(tx)).find((p) => p.code === input.portalCode);
  if (!portal) throw new NotFound("寄附受付サイト");
  const existing = (await repo.findListings(tx, [gift.id])).find((l) => l.portal_code === input.portalCode);
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
  await repo.upsertListing(tx, { giftId: gift.id, ...input, changedBy: actor.userId, approved: !needsApproval });
  await recordAudit(tx, actor, {
    action: "listing",
    entityType: "furusato_listing",
    entityId: `${gift.code}:${portal.code}`,
    summary: `返礼品「${gift.details.title}」の${portal.name}掲載を設定（寄附金額 ${input.donationAmount.toLocaleString("ja-JP")}円${needsApproval ? "・要承認" : ""}）`,
    before: existing ? { donationAmount: existing.donation_amount, titleVariant: existing.title_variant } : undefined,
    after: input,
  });
}

/** The second person's approval of a suspicious amount; the one who changed it cannot approve it. */
export async function approveListingAmount(tx: Queryable, actor: Actor, giftId: string, portalCode: string): Promise<void> {
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
}

/** Staff decide on a supplier's proposed change: approved, it becomes the gift's details; rejected, it is dropped. */
export async function decideChange(tx: Queryable, actor: Actor, gift: repo.GiftRow, input: { approve: boolean; comment: string }) {
  const id = gift.id;
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
}

/** 根拠資料: stores the file and adds it to the gift's evidence (the 2号/3号 rule then passes). */
export async function attachEvidence(tx: Queryable, actor: Actor, gift: repo.GiftRow, file: UploadedFile): Promise<void> {
  const stored = await storeFile(tx, { ...file, createdBy: actor.userId, owner: giftFileOwner(gift, "evidence") });
  const details = { ...gift.details, evidenceFileIds: [...gift.details.evidenceFileIds, stored.id] };
  if (!(await repo.updateGiftDetails(tx, gift.id, gift.version, details))) throw new Conflict(STALE, "stale_version");
  await recordAudit(tx, actor, {
    action: "attach_evidence",
    entityType: "furusato_gift",
    entityId: gift.id,
    summary: `返礼品「${gift.details.title}」（${gift.code}）に根拠資料「${stored.name}」を添付`,
    after: { fileId: stored.id, name: stored.name, uploadedAs: file.name, sha256: stored.sha256 },
  });
}

/** A gift photo: stored, registered as public (portals fetch it), and its address added to the gift's image URLs. */
export async function addGiftImage(tx: Queryable, actor: Actor, gift: repo.GiftRow, file: UploadedFile, baseUrl: string): Promise<void> {
  if (gift.details.imageUrls.length >= FILES_PER_GIFT_MAX) throw new ValidationError(`画像は${FILES_PER_GIFT_MAX}枚までです。`);
  const stored = await storeFile(tx, { ...file, createdBy: actor.userId, owner: giftFileOwner(gift, "image") });
  await repo.insertGiftImage(tx, stored.id, gift.id);
  const url = `${baseUrl}/api/public/furusato/images/${stored.id}`;
  const details = { ...gift.details, imageUrls: [...gift.details.imageUrls, url] };
  if (!(await repo.updateGiftDetails(tx, gift.id, gift.version, details))) throw new Conflict(STALE, "stale_version");
  await recordAudit(tx, actor, {
    action: "add_image",
    entityType: "furusato_gift",
    entityId: gift.id,
    summary: `返礼品「${gift.details.title}」（${gift.code}）に画像「${stored.name}」を追加`,
    after: { fileId: stored.id, url },
  });
}
