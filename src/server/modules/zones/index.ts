// The zones module (特区: 国家戦略特区などの規制改革提案, issue 18): its manifest.
import type { ModuleManifest } from "../manifest";
import { zonesAudiences } from "./audiences";
import { loadZonesDemo } from "./demo";
import { proposalMeetings, zonesFileOwners } from "./owners";
import { registerProposalRoutes } from "./proposal-routes";

export { setZonesOwner } from "./access";

export const zonesModule: ModuleManifest = {
  name: "zones",
  label: "特区",
  // each part of the module registers its routes here, one line each
  routes: (router, deps) => {
    registerProposalRoutes(router, deps);
  },
  audiences: zonesAudiences,
  // 特区の提案: its documents and evidence files, and its meetings (事前相談, WG, 区域会議 …)
  fileOwners: zonesFileOwners,
  meetingOwners: [proposalMeetings],
  demo: loadZonesDemo,
  backupTables: [
    "zones_proposals",
    "zones_proposal_partners",
    "zones_proposal_regulations",
    "zones_proposal_steps",
    "zones_proposal_documents",
  ],
};
