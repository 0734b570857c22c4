// HTTP handlers of the ledger's ingest: 使い道, 取込設定, 取込, ふるさと納税の設定 and the donation ledger. Each calls
// one service function (ingest-service.ts, donations-service.ts), which checks the caller; only the uploaded file is
// read here (that is parsing), and handed on as bytes.
import * as api from "../../../../common/api/furusato-ledger";
import * as settingsApi from "../../../../common/api/furusato-settings";
import { readUploads } from "../../../platform/http/multipart";
import type { ApiRouter } from "../../../platform/http/router";
import type { AppDeps } from "../../../platform/http/types";
import * as donations from "./donations-service";
import * as ingest from "./ingest-service";

export function registerLedgerIngestRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;

  router.on(settingsApi.getFurusatoSettings, (_, { user }) => ingest.getSettings(db, user));
  router.on(settingsApi.putFurusatoSettings, ({ body }, { user, actor }) => ingest.saveSettings(db, user, actor, body));

  router.on(api.listFundUses, (_, { user }) => ingest.listFundUses(db, user));
  router.on(api.createFundUse, ({ body }, { user, actor }) => ingest.createFundUse(db, user, actor, body));

  router.on(api.listMappings, (_, { user }) => ingest.listMappings(db, user));
  router.on(api.getMapping, ({ params }, { user }) => ingest.getMapping(db, user, params.id));
  router.on(api.createMapping, ({ body }, { user, actor }) => ingest.createMapping(db, user, actor, body));
  router.on(api.updateMapping, ({ params, body }, { user, actor }) => ingest.updateMapping(db, user, actor, params.id, body));
  router.on(api.mapUnknownValue, ({ params, body }, { user, actor }) => ingest.mapUnknownValue(db, user, actor, params.id, body));

  router.on(api.startDonationImport, async ({ params }, { user, actor, c }) =>
    // The last file of the form, as a plain parseBody() would give it.
    ingest.startDonationImport(db, deps.jobs, user, actor, params.id, (await readUploads(c)).at(-1) ?? null),
  );
  router.on(api.listDonationImports, ({ query }, { user }) => ingest.listDonationImports(db, user, query));
  router.on(api.sampleDonationFile, ({ params }, { user }) => ingest.sampleDonationFile(db, user, params.key));

  // Registered before /donations/:id so that "export" is not read as an id.
  router.on(api.exportDonations, ({ query }, { user, actor }) => donations.exportDonations(db, user, actor, query));
  router.on(api.listDonations, ({ query }, { user, actor }) => donations.listDonations(db, user, actor, query));
  router.on(api.getDonation, ({ params }, { user, actor }) => donations.getDonation(db, user, actor, params.id));
}
