// The list of the system's modules. Adding a module is one folder with its manifest (index.ts) and one line here;
// everything else (routes, jobs, search, imports, files, audiences, sample data, backup, scheduled tasks) loops over
// this list.
import type { Audience } from "../../common/api/contract";
import { organisationsImport } from "../platform/admin/organisations-import";
import { registerAudience } from "../platform/auth/audiences";
import { registerBackupTables } from "../platform/backup/backup";
import { registerFileOwnerKind } from "../platform/files/owners";
import { registerUniqueConflicts } from "../platform/http/db-errors";
import { registerImportKind } from "../platform/imports/registry";
import { registerTabularImportJob } from "../platform/imports/run-import";
import { registerJobHandler } from "../platform/jobs/jobs";
import { registerMeetingOwnerKind } from "../platform/meetings/owners";
import { registerReindexJob } from "../platform/search/reindex";
import { registerSearchModule } from "../platform/search/search";
import { analysisModule } from "./analysis";
import { furusatoModule } from "./furusato";
import { internationalModule } from "./international";
import type { ModuleManifest } from "./manifest";
import { policyModule } from "./policy";
import { regionModule } from "./region";
import { sdgsModule } from "./sdgs";
import { visionModule } from "./vision";
import { zonesModule } from "./zones";

export const MODULES: readonly ModuleManifest[] = [
  policyModule,
  furusatoModule,
  visionModule,
  internationalModule,
  sdgsModule,
  regionModule,
  zonesModule,
  analysisModule,
];

const registered = new Map<ModuleManifest, () => void>();

/**
 * Registers what a module brings with the platform's registries (once per process and module); returns the function
 * that removes it again (the example-module test adds one and takes it away).
 */
export function registerModule(module: ModuleManifest): () => void {
  const existing = registered.get(module);
  if (existing) return existing;
  const removers: (() => void)[] = [];
  for (const [name, check] of Object.entries(module.audiences ?? {})) if (check) removers.push(registerAudience(name as Audience, check));
  for (const job of module.jobs ?? []) removers.push(registerJobHandler(job.kind, job.handler, job.policy));
  for (const search of module.search ?? []) removers.push(registerSearchModule(search));
  for (const kind of module.importKinds ?? []) removers.push(registerImportKind(kind));
  for (const owner of module.fileOwners ?? []) removers.push(registerFileOwnerKind(owner.kind, owner.rule));
  for (const owner of module.meetingOwners ?? []) removers.push(registerMeetingOwnerKind(owner));
  removers.push(registerBackupTables(module.backupTables ?? [], module.backupParentColumns, module.derivedTables));
  if (module.uniqueConflicts) removers.push(registerUniqueConflicts(module.uniqueConflicts));
  const unregister = () => {
    for (const remove of removers) remove();
    registered.delete(module);
  };
  registered.set(module, unregister);
  return unregister;
}

let platformRegistered = false;

export function registerModules(): void {
  if (!platformRegistered) {
    platformRegistered = true;
    registerReindexJob();
    registerTabularImportJob();
    registerImportKind(organisationsImport);
  }
  for (const module of MODULES) registerModule(module);
}
