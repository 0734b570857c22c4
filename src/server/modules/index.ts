// The one registration point of the domain modules (search providers, job kinds). Routes are mounted in app.ts.
import { organisationsImport } from "../platform/admin/organisations-import";
import { registerImportKind } from "../platform/imports/registry";
import { registerTabularImportJob } from "../platform/imports/run-import";
import { registerReindexJob } from "../platform/search/reindex";
import { registerFurusatoAudiences } from "./furusato/audiences";
import { registerFurusatoFileOwners } from "./furusato/file-owners";
import { registerDonationImportJob } from "./furusato/ledger/donation-import";
import { registerFollowupJobs } from "./furusato/ledger/followup-routes";
import { registerPublishJob } from "./furusato/publish";
import { registerReferenceLoadJob } from "./furusato/reference/load-job";
import { registerFurusatoSearch } from "./furusato/search-index";
import { registerPolicyModule } from "./policy";
import { registerVisionModule } from "./vision";

let registered = false;

export function registerModules(): void {
  if (registered) return;
  registered = true;
  registerReindexJob();
  registerTabularImportJob();
  registerImportKind(organisationsImport);
  registerPolicyModule();
  registerPublishJob();
  registerFollowupJobs();
  registerDonationImportJob();
  registerReferenceLoadJob();
  registerFurusatoSearch();
  registerFurusatoFileOwners();
  registerVisionModule();
  registerFurusatoAudiences();
}
