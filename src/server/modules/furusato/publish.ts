// 一括出力 (publishing): what changed since each portal's last export becomes one zip of every portal's file.
// A listing that the rules block (3割 exceeded, an amount waiting for a second approval …) is held back: nothing is
// sent for it, and the portal keeps what it had, until it is fixed. The bundle, its diff and the new state are kept.
import { randomUUID } from "node:crypto";
import { todayInJapan } from "../../../common/dates";
import { blocksPublishing, checkListing } from "../../../common/furusato/rules";
import type { Db, Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { storeFile } from "../../platform/files/files";
import { defineJob } from "../manifest";
import {
  type BundleInputRow,
  type BundlePortal,
  type BundleState,
  EMPTY_BUNDLE_STATE,
  type PortalDiff,
  planBundle,
  zipBundleFiles,
} from "./bundle";
import { bureauFileOwner } from "./file-owners";
import { supplierFindings, toGift, toListing } from "./gift-rules";
import { compilePortalTemplate, emptyRequiredColumns, parsePortalTemplate } from "./portal-template";
import * as exportRepo from "./publish-repository";
import * as repo from "./repository";

export const PUBLISH_JOB = "furusato.publish";

/** Gifts whose listings go to the portals: approved or registered ones, and stopped/withdrawn ones (for stop rows). */
const EXPORTED_STATUSES = new Set(["承認済", "ポータル登録済", "受付停止", "取り下げ"]);

export interface HeldListing {
  giftCode: string;
  portalCode: string;
  reasons: string[];
}

export interface PublishPlan {
  diff: PortalDiff[];
  held: HeldListing[];
  rowCount: number;
  fieldsSaved: number;
}

async function previousState(db: Queryable): Promise<BundleState> {
  return (await exportRepo.findExportState(db)) ?? EMPTY_BUNDLE_STATE;
}

interface Inputs {
  portals: BundlePortal[];
  rowsByPortal: Map<string, BundleInputRow[]>;
  held: HeldListing[];
  approvedGiftIds: string[];
}

async function gatherInputs(db: Queryable, today: string): Promise<Inputs> {
  const portals = (await repo.findPortals(db))
    .filter((p) => p.active)
    .map((p) => ({ portal: p, template: parsePortalTemplate(p.template) }))
    .map((p) => ({ ...p, compiled: compilePortalTemplate(p.template) }));
  const gifts = (await repo.findGifts(db, today)).filter((g) => EXPORTED_STATUSES.has(g.status));
  const listings = await repo.findListings(
    db,
    gifts.map((g) => g.id),
  );
  const giftById = new Map(gifts.map((g) => [g.id, g]));
  const rowsByPortal = new Map<string, BundleInputRow[]>(portals.map((p) => [p.portal.code, []]));
  const held: HeldListing[] = [];
  const approvedGiftIds = new Set<string>();
  for (const row of listings) {
    const giftRow = giftById.get(row.gift_id);
    const target = portals.find((p) => p.portal.code === row.portal_code);
    if (!giftRow || !target) continue;
    const gift = toGift(giftRow);
    const listing = { ...toListing(row), giftCode: gift.code };
    if (listing.state === "受付中") {
      const findings = [...checkListing(gift, target.portal, listing, { today }), ...supplierFindings(giftRow)];
      // 必須の列 (the portal's own rule, data in its template): a row with one left empty would be refused there.
      const emptyRequired = emptyRequiredColumns(target.compiled, { gift, listing, portal: target.portal, action: "upsert" }).map(
        (header) => `列「${header}」は${target.portal.name}の必須項目ですが、返礼品 ${gift.code} では空欄です`,
      );
      if (blocksPublishing(findings) || emptyRequired.length > 0) {
        held.push({
          giftCode: gift.code,
          portalCode: row.portal_code,
          reasons: [...findings.filter((f) => f.severity === "error").map((f) => f.message), ...emptyRequired],
        });
        continue;
      }
      if (giftRow.status === "承認済") approvedGiftIds.add(giftRow.id);
    }
    rowsByPortal.get(row.portal_code)?.push({ gift, listing });
  }
  return { portals, rowsByPortal, held, approvedGiftIds: [...approvedGiftIds] };
}

/** Held listings keep what their portal last received: their previous state is carried over, and they are not "missing". */
function keepHeld(plan: ReturnType<typeof planBundle>, previous: BundleState, held: HeldListing[]) {
  for (const portalState of plan.state.portals) {
    const before = previous.portals.find((p) => p.portalCode === portalState.portalCode);
    const heldCodes = new Set(held.filter((h) => h.portalCode === portalState.portalCode).map((h) => h.giftCode));
    const kept =
      before?.listings.filter((l) => heldCodes.has(l.giftCode) && !portalState.listings.some((n) => n.giftCode === l.giftCode)) ?? [];
    portalState.listings.push(...kept);
  }
  for (const diff of plan.diff) {
    const heldCodes = new Set(held.filter((h) => h.portalCode === diff.portalCode).map((h) => h.giftCode));
    diff.missing = diff.missing.filter((code) => !heldCodes.has(code));
  }
}

function summarise(plan: ReturnType<typeof planBundle>, held: HeldListing[]): PublishPlan {
  return {
    diff: plan.diff,
    held,
    rowCount: plan.diff.reduce((sum, d) => sum + d.added.length + d.changed.length + d.stopped.length, 0),
    fieldsSaved: plan.diff.reduce((sum, d) => sum + d.fieldEditsAvoided, 0),
  };
}

/** What a publish would send now, per portal, without sending anything. */
export async function previewPublish(db: Queryable, today = todayInJapan()): Promise<PublishPlan> {
  const [inputs, previous] = await Promise.all([gatherInputs(db, today), previousState(db)]);
  const plan = planBundle(inputs.portals, inputs.rowsByPortal, previous, { exportedAt: new Date() });
  keepHeld(plan, previous, inputs.held);
  return summarise(plan, inputs.held);
}

export interface PublishResult extends PublishPlan {
  exportId: string;
  fileId: string;
}

/**
 * Builds the bundle and records it with the new state in one transaction. Two publishes at once cannot both build
 * on the same previous state: the state row is locked first.
 */
export async function publish(
  db: Db,
  actor: Actor,
  progress: (done: number, total: number, message: string) => Promise<void> = async () => {},
): Promise<PublishResult> {
  const today = todayInJapan();
  const exportedAt = new Date();
  await progress(0, 3, "掲載内容を集めています");
  const inputs = await gatherInputs(db, today);
  const previous = await previousState(db);
  const plan = planBundle(inputs.portals, inputs.rowsByPortal, previous, { exportedAt });
  keepHeld(plan, previous, inputs.held);
  await progress(1, 3, "ファイルを作成しています");
  const zip = await zipBundleFiles(plan.files, exportedAt);
  const summary = summarise(plan, inputs.held);
  await progress(2, 3, "記録しています");
  const result = await db.transaction(async (tx) => {
    if (JSON.stringify((await exportRepo.lockExportState(tx)) ?? EMPTY_BUNDLE_STATE) !== JSON.stringify(previous)) {
      throw new Error("別の出力が同時に行われました。もう一度出力してください。");
    }
    const stamp = exportedAt.toISOString().slice(0, 19).replace(/[-:T]/g, "");
    // The export's id is chosen first so that its zip is stored with its owner in one write.
    const exportId = randomUUID();
    const file = await storeFile(tx, {
      name: `ふるさと納税_一括出力_${stamp}.zip`,
      mimeType: "application/zip",
      bytes: zip,
      createdBy: actor.userId,
      owner: await bureauFileOwner(tx, "furusato.export", exportId, "portal_bundle"),
    });
    await exportRepo.insertExport(tx, {
      id: exportId,
      fileId: file.id,
      diff: summary.diff,
      held: summary.held,
      rowCount: summary.rowCount,
      fieldsSaved: summary.fieldsSaved,
      createdBy: actor.userId,
    });
    await exportRepo.saveExportState(tx, plan.state, exportId);
    // Approved gifts that went out are now registered on the portals.
    for (const giftId of inputs.approvedGiftIds) {
      await repo.setGiftStatus(tx, giftId, "ポータル登録済");
      await repo.insertReview(tx, {
        giftId,
        action: "ポータル登録",
        fromStatus: "承認済",
        toStatus: "ポータル登録済",
        comment: "",
        actorUserId: actor.userId,
        actorLabel: actor.label,
      });
    }
    await recordAudit(tx, actor, {
      action: "publish",
      entityType: "furusato_export",
      entityId: exportId,
      summary: `ポータル一括出力（${summary.rowCount}行、入力不要になった項目 ${summary.fieldsSaved}、保留 ${summary.held.length}件）`,
      after: { rowCount: summary.rowCount, fieldsSaved: summary.fieldsSaved, held: summary.held.length },
    });
    return { exportId, fileId: file.id };
  });
  await progress(3, 3, "完了しました");
  return { ...summary, ...result };
}

export const publishJob = defineJob<{ actor: Actor }>(PUBLISH_JOB, (data, context) => publish(context.db, data.actor, context.progress));
