// The policy module (局区方針): its manifest, and its public face — what other modules, the CLI and the tests may use.
// Nothing outside this folder imports its other files (the boundary check in npm test enforces it).
import type { ModuleManifest } from "../manifest";
import { loadPolicyDemo } from "./demo";
import { registerPolicyRoutes } from "./routes";
import { POLICY_SEARCH_MODULE } from "./search-index";
import { policyUniqueConflicts } from "./unique-conflicts";

export { getChallengeDetail, listChallenges } from "./challenge-service";
export { documentContent, getDocumentDetail, listDocuments } from "./document-service";
export { importDocumentAs } from "./import-service";
export { looksLikeOldWord, looksLikeZip, readPolicyDocx } from "./read-docx";

export const policyModule: ModuleManifest = {
  name: "policy",
  label: "局区方針",
  routes: registerPolicyRoutes,
  search: [POLICY_SEARCH_MODULE],
  demo: loadPolicyDemo,
  uniqueConflicts: policyUniqueConflicts,
  backupTables: ["policy_statuses", "policy_documents", "policy_challenges", "policy_progress_entries"],
};
