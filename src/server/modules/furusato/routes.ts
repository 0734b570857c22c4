// HTTP handlers of the furusato catalog: the contract has parsed the input; each handler calls one service function,
// which authorises the caller against the record (inside its transaction, for a write), and returns its result.
// Only multipart forms are read here (that is parsing), and handed on as bytes.
import * as api from "../../../common/api/furusato";
import { readForm } from "../../platform/http/multipart";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { describeAccess } from "./access";
import * as giftFiles from "./gift-files";
import * as gifts from "./gift-service";
import { updateGift } from "./gift-update";
import * as portals from "./portal-service";
import * as publishing from "./publish-service";
import * as suppliers from "./supplier-service";

export function registerFurusatoRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(api.listSuppliers, (_, { user }) => suppliers.listSuppliers(db, user));
  router.on(api.createSupplier, ({ body }, { user, actor }) => suppliers.createSupplier(db, user, actor, body));
  router.on(api.getSupplier, ({ params }, { user }) => suppliers.getSupplier(db, user, params.id));
  router.on(api.updateSupplierContact, ({ params, body }, { user, actor }) =>
    suppliers.updateSupplierContact(db, user, actor, params.id, body),
  );
  router.on(api.updateSupplierBank, ({ params, body }, { user, actor }) => suppliers.updateSupplierBank(db, user, actor, params.id, body));
  router.on(api.addSupplierEvent, ({ params, body }, { user, actor }) => suppliers.addSupplierEvent(db, user, actor, params.id, body));
  router.on(api.createSupplierUser, ({ params, body }, { user, actor }) => suppliers.createSupplierUser(db, user, actor, params.id, body));
  router.on(api.uploadSupplierDocument, async ({ params }, { user, actor, c }) =>
    suppliers.uploadSupplierDocument(db, user, actor, params.id, await readForm(c)),
  );
  router.on(api.downloadSupplierDocument, ({ params }, { user, actor }) =>
    suppliers.downloadSupplierDocument(db, user, actor, params.id, params.fileId),
  );

  router.on(api.listGifts, ({ query }, { user }) => gifts.listGifts(db, user, query));
  router.on(api.createGift, ({ body }, { user, actor }) => gifts.createGift(db, user, actor, body));
  router.on(api.getGift, ({ params }, { user }) => gifts.getGift(db, user, params.id));
  router.on(api.updateGift, ({ params, body }, { user, actor }) => updateGift(db, user, actor, params.id, body));
  router.on(api.copyGift, ({ params }, { user, actor }) => gifts.copyGift(db, user, actor, params.id));
  router.on(api.changeGiftCost, ({ params, body }, { user, actor }) => gifts.changeGiftCost(db, user, actor, params.id, body));
  router.on(api.transitionGift, ({ params, body }, { user, actor }) => gifts.transitionGift(db, user, actor, params.id, body));
  router.on(api.setListing, ({ params, body }, { user, actor }) =>
    gifts.setListing(db, user, actor, params.id, { portalCode: params.portalCode, ...body }),
  );
  router.on(api.decideChange, ({ params, body }, { user, actor }) => gifts.decideChange(db, user, actor, params.id, body));
  router.on(api.approveListingAmount, ({ params }, { user, actor }) =>
    gifts.approveListingAmount(db, user, actor, params.id, params.portalCode),
  );

  router.on(api.uploadEvidence, async ({ params }, { user, actor, c }) =>
    giftFiles.uploadEvidence(db, user, actor, params.id, (await readForm(c)).file),
  );
  router.on(api.downloadEvidence, ({ params }, { user, actor }) => giftFiles.downloadEvidence(db, user, actor, params.id, params.fileId));
  router.on(api.uploadGiftImage, async ({ params }, { user, actor, c }) => {
    const { file } = await readForm(c);
    // Photos are fetched by the portals at the address the public sees.
    const baseUrl = deps.config.publicUrl ?? new URL(c.req.url).origin;
    return giftFiles.uploadGiftImage(db, user, actor, params.id, file, baseUrl);
  });
  router.on(api.publicGiftImage, ({ params }) => giftFiles.publicGiftImage(db, params.fileId));

  router.on(api.getFurusatoAccess, (_, { user }) => describeAccess(db, user));

  router.on(api.previewPublish, (_, { user }) => publishing.previewPublish(db, user));
  router.on(api.startPublish, (_, { user, actor }) => publishing.startPublish(db, deps.jobs, user, actor));
  router.on(api.listExports, (_, { user }) => publishing.listExports(db, user));
  router.on(api.downloadExport, ({ params }, { user, actor }) => publishing.downloadExport(db, user, actor, params.id));

  router.on(api.listPortals, (_, { user }) => portals.listPortals(db, user));
  router.on(api.templateVocabulary, (_, { user }) => portals.templateVocabulary(db, user));
  router.on(api.savePortal, ({ params, body }, { user, actor }) => portals.savePortal(db, user, actor, params.code, body));
  router.on(api.saveChoicePortal, ({ params, body }, { user, actor }) => portals.saveChoicePortal(db, user, actor, params.code, body));
}
