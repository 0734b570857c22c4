// 返礼品の変更: one request, one transaction. Who may (the caller's access, the gift's owner), the change or the
// supplier's proposal, its audit row and search entry, and the detail the page shows next — reading the gift once.

import { todayInJapan } from "../../../common/dates";
import type { GiftDetails } from "../../../common/furusato/gift-schema";
import type { Db } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import type { Principal } from "../../platform/auth/permissions";
import { Conflict, Forbidden } from "../../platform/errors";
import { accessOf, requireManager } from "./access";
import { toGiftDetail, visibleGiftWithParts } from "./gift-detail";
import { PROPOSABLE, STALE } from "./gift-rules";
import { attachEvidenceIds } from "./gift-steps";
import * as repo from "./repository";
import { indexGiftRow } from "./search-index";

/**
 * Staff change any gift; a supplier changes its own while 入力中, and proposes a change (reviewed by staff) once the
 * gift is 承認済 or ポータル登録済. Returns the gift's detail after the change.
 */
export async function updateGift(
  db: Db,
  user: Principal | null,
  actor: Actor,
  id: string,
  input: { version: number; details: GiftDetails },
) {
  return db.transaction(async (tx) => {
    const access = await accessOf(tx, user);
    const on = todayInJapan();
    const parts = await visibleGiftWithParts(tx, access, id, on);
    if (!access.supplier) requireManager(access);
    const bySupplier = access.supplier !== null;
    const before = parts.gift;
    // Checked (and uploads taken over) before either path: a proposal may not name others' files either.
    await attachEvidenceIds(tx, actor, before, input.details.evidenceFileIds);
    if (bySupplier && PROPOSABLE.has(before.status)) {
      // A live gift is not changed under the portals' feet: the supplier's change waits for staff review.
      if (!(await repo.setPendingDetails(tx, id, input.version, input.details, actor.userId))) throw new Conflict(STALE, "stale_version");
      await repo.insertReview(tx, {
        giftId: id,
        action: "変更提案",
        fromStatus: before.status,
        toStatus: before.status,
        comment: "",
        actorUserId: actor.userId,
        actorLabel: actor.label,
      });
      await recordAudit(tx, actor, {
        action: "propose_change",
        entityType: "furusato_gift",
        entityId: id,
        summary: `返礼品「${before.details.title}」（${before.code}）の変更を提案`,
        before: before.details,
        after: input.details,
      });
      // The proposal and its review row are the database's (their times): read the gift again.
      return toGiftDetail(access, await visibleGiftWithParts(tx, access, id, on), on);
    }
    // Suppliers change a gift while it is theirs to edit; once submitted, staff review it (or send it back).
    if (bySupplier && before.status !== "入力中") {
      throw new Forbidden("確認中の返礼品は事業者からは変更できません。市の担当者に差戻しを依頼してください。");
    }
    if (!(await repo.updateGiftDetails(tx, id, input.version, input.details))) throw new Conflict(STALE, "stale_version");
    await recordAudit(tx, actor, {
      action: "update",
      entityType: "furusato_gift",
      entityId: id,
      summary: `返礼品「${input.details.title}」（${before.code}）を変更`,
      before: before.details,
      after: input.details,
    });
    // The row as just written (only its details and version changed): no second read.
    const after: repo.GiftRow = { ...before, details: input.details, version: input.version + 1 };
    await indexGiftRow(tx, after);
    return toGiftDetail(access, { ...parts, gift: after }, on);
  });
}
