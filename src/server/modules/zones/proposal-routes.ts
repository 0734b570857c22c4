// Zones: 特区の規制改革提案 — proposals, their steps through the state machine, documents, the pipeline and prints.
// Each route parses its input (the contract) and calls one service function, which authorises inside it.
import * as api from "../../../common/api/zones";
import { readForm } from "../../platform/http/multipart";
import type { ApiRouter } from "../../platform/http/router";
import type { AppDeps } from "../../platform/http/types";
import { exportProposals } from "./proposal-export";
import { printProposal } from "./proposal-print";
import * as proposals from "./proposal-service";

export function registerProposalRoutes(router: ApiRouter, deps: AppDeps): void {
  const { db } = deps;
  router.on(api.listProposals, ({ query }, { user }) => proposals.listProposals(db, user, query));
  // before /:id, so that "export" is never read as an id
  router.on(api.exportProposals, ({ query }, { user, actor }) => exportProposals(db, user, actor, query));
  router.on(api.getPipeline, ({ query }, { user }) => proposals.getPipeline(db, user, query));
  router.on(api.getProposal, ({ params }, { user }) => proposals.getProposal(db, user, params.id));
  router.on(api.createProposal, ({ body }, { user, actor }) => proposals.createProposal(db, user, actor, body));
  router.on(api.updateProposal, ({ params, body }, { user, actor }) => proposals.updateProposal(db, user, actor, params.id, body));
  router.on(api.moveProposal, ({ params, body }, { user, actor }) => proposals.moveProposal(db, user, actor, params.id, body));
  router.on(api.uploadProposalDocument, async ({ params, query }, { user, actor, c }) =>
    proposals.uploadDocument(db, user, actor, params.id, query, (await readForm(c)).file),
  );
  router.on(api.downloadProposalDocument, ({ params }, { user, actor }) =>
    proposals.downloadDocument(db, user, actor, params.id, params.fileId),
  );
  router.on(api.deleteProposalDocument, ({ params }, { user, actor }) =>
    proposals.deleteDocument(db, user, actor, params.id, params.fileId),
  );
  router.on(api.printProposal, ({ params, query }, { user, actor }) => printProposal(db, user, actor, params.id, query.format));
}
