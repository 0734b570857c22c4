// A gift's files: 根拠資料 (evidence, read by whoever may see the gift) and photos (public: portals fetch them). The
// route reads the form; here, in one transaction, the caller and the gift are checked before the file is looked at.
import { todayInJapan } from "../../../common/dates";
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Forbidden, NotFound } from "../../platform/errors";
import { checkEvidenceUpload, checkImageUpload } from "../../platform/files/files";
import { readFileFor } from "../../platform/files/owners";
import { requireUpload, type Upload } from "../../platform/http/multipart";
import { accessOf, type FurusatoAccess, visibleGift } from "./access";
import { giftDetail } from "./gift-detail";
import * as steps from "./gift-steps";
import type { GiftRow } from "./repository";

export { requireUpload, type Upload } from "../../platform/http/multipart";

/** Files are added by staff who manage the catalog, and by the gift's supplier while the gift is 入力中. */
function mayAddFiles(access: FurusatoAccess, gift: GiftRow): boolean {
  return access.supplier ? gift.status === "入力中" : access.manager;
}

export async function uploadEvidence(db: Db, user: Principal | null, actor: Actor, id: string, form: Upload | null) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const gift = await visibleGift(tx, access, id, todayInJapan());
    if (!mayAddFiles(access, gift)) throw new Forbidden("この返礼品には資料を添付できません。");
    const upload = requireUpload(form);
    const mimeType = checkEvidenceUpload(upload.name, upload.bytes);
    await steps.attachEvidence(tx, actor, gift, { ...upload, mimeType });
    return giftDetail(tx, access, id);
  });
}

export async function uploadGiftImage(db: Db, user: Principal | null, actor: Actor, id: string, form: Upload | null, baseUrl: string) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const gift = await visibleGift(tx, access, id, todayInJapan());
    if (!mayAddFiles(access, gift)) throw new Forbidden("この返礼品には画像を追加できません。");
    const upload = requireUpload(form);
    const mimeType = checkImageUpload(upload.name, upload.bytes);
    await steps.addGiftImage(tx, actor, gift, { ...upload, mimeType }, baseUrl);
    return giftDetail(tx, access, id);
  });
}

/**
 * One of the gift's 根拠資料, and the audit row of its download. No transaction: the file streams out after this
 * returns, so it is read through the database handle (a transaction's would be closed by then).
 */
export async function downloadEvidence(db: Db, user: Principal | null, actor: Actor, id: string, fileId: string) {
  const access = await accessOf(db, user);
  const gift = await visibleGift(db, access, id, todayInJapan());
  if (!gift.details.evidenceFileIds.includes(fileId)) throw new NotFound("根拠資料");
  // Listed is not enough: the file must be this gift's own evidence, and readable by its owner's rule.
  const file = await readFileFor(db, user, fileId, { kind: "furusato.gift", ownerId: gift.id, purpose: "evidence" }, "根拠資料");
  await recordAudit(db, actor, {
    action: "download",
    entityType: "file",
    entityId: file.id,
    summary: `根拠資料「${file.name}」をダウンロード`,
  });
  return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
}

/** A gift photo, for anyone: any other file id is "not found" here. */
export async function publicGiftImage(db: Db, fileId: string) {
  const file = await readFileFor(db, null, fileId, { kind: "furusato.gift", purpose: "image" }, "画像");
  return { file: { name: file.name, mimeType: file.mimeType, body: file.body } };
}
