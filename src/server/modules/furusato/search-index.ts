// What the furusato module makes searchable: each gift (code, title, catch copy, description, supplier), for staff.

import { todayInJapan } from "../../../common/dates";
import type { Db, Queryable } from "../../db/database";
import { indexRecord, type SearchModule } from "../../platform/search/search";
import type { GiftRow } from "./repository";
import { findGift, findGifts } from "./repository";

export async function indexGiftRow(tx: Queryable, gift: GiftRow): Promise<void> {
  await indexRecord(tx, {
    module: "furusato",
    entityType: "gift",
    entityId: gift.id,
    title: `${gift.code} ${gift.details.title}`,
    body: [gift.details.catchCopy, gift.details.description, gift.details.contents, gift.supplier_name].join("\n"),
    url: `/furusato/gifts/${gift.id}`,
    visibility: "staff",
  });
}

/** Refreshes one gift's entry (called in the same transaction as the write). */
export async function indexGift(tx: Queryable, giftId: string, on: string): Promise<void> {
  const gift = await findGift(tx, giftId, on);
  if (gift) await indexGiftRow(tx, gift);
}

async function reindexFurusato(db: Db): Promise<number> {
  const gifts = await findGifts(db, todayInJapan());
  await db.transaction(async (tx) => {
    for (const gift of gifts) await indexGiftRow(tx, gift);
  });
  return gifts.length;
}

export const FURUSATO_SEARCH_MODULE: SearchModule = { module: "furusato", label: "ふるさと納税", reindex: reindexFurusato };
