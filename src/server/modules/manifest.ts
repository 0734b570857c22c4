// What a module brings to the system, in one object: its routes, jobs, search, import kinds, file kinds, audiences,
// sample data, tables for backup and scheduled tasks. app.ts, main.ts, demo.ts, backup and the job runner loop over
// the list in modules/index.ts, so adding a module is one folder and one line there (docs/ARCHITECTURE.md).
import type { Audience } from "../../common/api/contract";
import type { Db } from "../db/database";
import type { AudienceCheck } from "../platform/auth/audiences";
import type { FileOwnerKind } from "../platform/files/files";
import type { FileReadRule } from "../platform/files/owners";
import type { UniqueConflict } from "../platform/http/db-errors";
import type { PageHeadProvider } from "../platform/http/page-head";
import type { ApiRouter } from "../platform/http/router";
import type { AppDeps } from "../platform/http/types";
import type { TabularImportKind } from "../platform/imports/registry";
import type { JobHandler, JobPolicy } from "../platform/jobs/jobs";
import type { MeetingOwnerKind } from "../platform/meetings/owners";
import type { ScheduledTask } from "../platform/scheduler";
import type { SearchModule } from "../platform/search/search";

export interface ModuleJob {
  kind: string;
  handler: JobHandler<never>;
  policy?: JobPolicy;
}

/** A job kind with its data type checked where it is defined (the queue stores the data as JSON). */
export function defineJob<T>(kind: string, handler: JobHandler<T>, policy?: JobPolicy): ModuleJob {
  return { kind, handler: handler as JobHandler<never>, policy };
}

export type { ScheduledTask };

export interface ModuleManifest {
  /** folder name and API prefix (/api/<name>/) */
  name: string;
  /** Japanese name (search hits, logs) */
  label: string;
  routes?: (router: ApiRouter, deps: AppDeps) => void;
  /** who the module's audiences are (contracts name them in `allow`) */
  audiences?: Readonly<Partial<Record<Audience, AudienceCheck>>>;
  jobs?: readonly ModuleJob[];
  search?: readonly SearchModule[];
  importKinds?: readonly TabularImportKind<unknown>[];
  /** who may read the files the module owns */
  fileOwners?: readonly { kind: FileOwnerKind; rule: FileReadRule }[];
  /** sample data for a first start, after the sample organisations (modules load in list order) */
  demo?: (db: Db) => Promise<void>;
  /** the module's tables, each after the tables its foreign keys point to */
  backupTables?: readonly string[];
  /** self-referencing tables among them (table → parent column): a restore inserts parents first */
  backupParentColumns?: Readonly<Record<string, string>>;
  /**
   * tables derived from the backed-up ones by triggers (counts kept for speed): a backup leaves them out, because a
   * restore's TRUNCATE and INSERTs rebuild them
   */
  derivedTables?: readonly string[];
  /** the module's unique constraints (constraint name → field), so that a duplicate answers 409 naming the field */
  uniqueConflicts?: Readonly<Record<string, UniqueConflict>>;
  scheduled?: readonly ScheduledTask[];
  /**
   * head tags (share cards, feed discovery, JSON-LD) for the module's public pages, given as data and escaped by the
   * platform as it answers the page (platform/http/page-head.ts); null for a path that is not the module's
   */
  publicHead?: PageHeadProvider;
  /** the kinds of record the module's meetings belong to (platform/meetings: one kind of meeting for every partner) */
  meetingOwners?: readonly MeetingOwnerKind[];
}
