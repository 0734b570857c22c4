// Downloads: what the export routes call, one function a request. Staff downloads check policy.read first and are
// recorded in the audit log once the file is made; citizens download published documents only.
import type { PolicyExportFormat } from "../../../common/api/policy";
import type { Queryable } from "../../db/database";
import { type Actor, recordAudit } from "../../platform/audit/audit";
import { authorize, type Principal } from "../../platform/auth/permissions";
import type { FileResult } from "../../platform/http/types";
import { getPublicDocument } from "./document-service";
import { exportChallengeList, exportPolicyDocument } from "./export";
import type { ChallengeFilter } from "./repository";

export async function exportDocument(
  db: Queryable,
  user: Principal | null,
  actor: Actor,
  id: string,
  format: PolicyExportFormat,
  asOf?: string,
): Promise<FileResult> {
  authorize(user, "policy.read");
  const file = await exportPolicyDocument(db, id, format, asOf);
  await recordAudit(db, actor, {
    action: "export",
    entityType: "policy_document",
    entityId: id,
    summary: `局区方針を出力（${format}）`,
  });
  return file;
}

/** The challenge list as staff filtered it. */
export async function exportChallenges(
  db: Queryable,
  user: Principal | null,
  actor: Actor,
  query: ChallengeFilter & { format: "csv" | "xlsx" },
): Promise<FileResult> {
  authorize(user, "policy.read");
  const { format, ...filter } = query;
  const file = await exportChallengeList(db, filter, format);
  await recordAudit(db, actor, {
    action: "export",
    entityType: "policy_challenge",
    summary: `課題一覧を出力（${format}）`,
    after: filter,
  });
  return file;
}

/** Citizens: a published document only; a draft is "not found". */
export async function exportPublicDocument(db: Queryable, id: string, format: PolicyExportFormat, asOf?: string): Promise<FileResult> {
  await getPublicDocument(db, id);
  return exportPolicyDocument(db, id, format, asOf);
}
