// The policy module's public face: what other modules may use (they never touch its tables directly).
import { registerSearchModule } from "../../platform/search/search";
import { POLICY_SEARCH_MODULE } from "./search-index";

export { documentContent, getChallengeDetail, getDocumentDetail, listChallenges, listDocuments } from "./service";

export function registerPolicyModule(): void {
  registerSearchModule(POLICY_SEARCH_MODULE);
}
