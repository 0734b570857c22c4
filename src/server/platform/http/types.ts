// What every request handler can reach: the process's services and the request's caller.
import type { Context } from "hono";
import type { Config } from "../../config";
import type { Db } from "../../db/database";
import type { Actor } from "../audit/audit";
import type { Principal } from "../auth/permissions";
import type { JobQueue } from "../jobs/jobs";
import type { Logger } from "../logger";

export interface AppDeps {
  db: Db;
  config: Config;
  log: Logger;
  jobs: JobQueue | null;
}

export type AppEnv = {
  Variables: {
    requestId: string;
    user: Principal | null;
    sessionToken: string | null;
    csrfToken: string | null;
    /** the code of the error this request was answered with (csrf_failed, cross_origin, forbidden …), for the log */
    errorCode?: string;
  };
};

export interface RequestContext {
  deps: AppDeps;
  user: Principal | null;
  requestId: string;
  /** the caller as recorded in the audit log */
  actor: Actor;
  clientAddress: string;
  c: Context<AppEnv>;
}

/** A download: sent as an attachment, never rendered inline. */
export interface FileResult {
  /** a large file (a 受領証明書 batch's zip) comes as a stream read from its stored parts */
  file: { name: string; mimeType: string; body: Uint8Array | ReadableStream<Uint8Array> };
}
