// The furusato module (ふるさと納税): its manifest, and its public face — what other modules, the CLI and the tests
// may use. Nothing outside this folder imports its other files (the boundary check in npm test enforces it).
import type { ModuleManifest } from "../manifest";
import { furusatoAudiences } from "./audiences";
import { loadFurusatoDemo } from "./demo";
import { furusatoFileOwners } from "./file-owners";
import { certificateJob } from "./ledger/certificates";
import { loadLedgerDemo } from "./ledger/demo";
import { donationImportJob } from "./ledger/donation-import";
import { registerFollowupRoutes } from "./ledger/followup-routes";
import { registerLedgerIngestRoutes } from "./ledger/ingest-routes";
import { registerMoneyRoutes } from "./ledger/money-routes";
import { retentionJob } from "./ledger/retention";
import { publishJob } from "./publish";
import { referenceLoadJob } from "./reference/load-job";
import { registerReferenceRoutes } from "./reference/routes";
import { registerFurusatoRoutes } from "./routes";
import { FURUSATO_SEARCH_MODULE } from "./search-index";

// Service functions the tests, the route × role matrix's world and the test helpers build records with.
import { furusatoUniqueConflicts } from "./unique-conflicts";

export { setFurusatoOwner } from "./access";
export { addGiftImage, addSupplierDocument, attachEvidence, giftWithFindings } from "./catalog";
export { loadFurusatoDemo } from "./demo";
export { issueCertificates } from "./ledger/certificates";
export { createCostEntry } from "./ledger/costs";
export { loadLedgerMasters } from "./ledger/demo";
export { importDonationBytes } from "./ledger/donation-import";
export { anonymiseExpiredDonors } from "./ledger/retention";
export { publish } from "./publish";
export { loadReference, referenceFigures, referenceStatus } from "./reference/reference";
export { findGifts, findPortals } from "./repository";
export { SHIPPED_PORTALS } from "./shipped-templates";

export const furusatoModule: ModuleManifest = {
  name: "furusato",
  label: "ふるさと納税",
  routes: (router, deps) => {
    registerFurusatoRoutes(router, deps);
    registerFollowupRoutes(router, deps);
    registerMoneyRoutes(router, deps);
    registerLedgerIngestRoutes(router, deps);
    registerReferenceRoutes(router, deps);
  },
  audiences: furusatoAudiences,
  jobs: [publishJob, donationImportJob, certificateJob, retentionJob, referenceLoadJob],
  search: [FURUSATO_SEARCH_MODULE],
  fileOwners: furusatoFileOwners,
  demo: async (db) => {
    await loadFurusatoDemo(db);
    await loadLedgerDemo(db);
  },
  uniqueConflicts: furusatoUniqueConflicts,
  backupParentColumns: { furusato_gifts: "copied_from" },
  // kept by triggers on furusato_donations (migration 0011); a restore rebuilds them
  derivedTables: ["furusato_donation_totals"],
  backupTables: [
    "furusato_suppliers",
    "furusato_supplier_events",
    "furusato_gifts",
    "furusato_gift_costs",
    "furusato_gift_reviews",
    "furusato_portals",
    "furusato_listings",
    "furusato_exports",
    "furusato_export_state",
    "furusato_gift_images",
    "furusato_supplier_documents",
    "furusato_fund_uses",
    "furusato_donation_mappings",
    "furusato_donation_imports",
    "furusato_donations",
    "furusato_donation_items",
    "furusato_shipments",
    "furusato_one_stop_applications",
    "furusato_certificate_batches",
    "furusato_certificates",
    "furusato_certificate_staged",
    "furusato_cost_entries",
    "furusato_reference_figures",
  ],
};
