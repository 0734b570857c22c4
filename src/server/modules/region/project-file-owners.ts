// Who may read the files of 連携の枠組みと連携事業 (platform/files/owners.ts asks this before a file is served): an
// agreement's document and a yearly report's file are read by every member of staff, as the records are.
import { can } from "../../platform/auth/permissions";
import type { FileOwnerKind } from "../../platform/files/files";
import type { FileReadRule } from "../../platform/files/owners";

const staff: FileReadRule = { canRead: async (_db, user) => can(user, "region.read") };

export const projectFileOwners: readonly { kind: FileOwnerKind; rule: FileReadRule }[] = [
  { kind: "region.agreement", rule: staff },
  { kind: "region.project_report", rule: staff },
];
